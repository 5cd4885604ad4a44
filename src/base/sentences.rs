//! Sentences: where a sentence ends, and how a text ends.

/// Closing marks a sentence may end with after its punctuation.
const CLOSERS: &[char] = &[
    '"', '\'', '”', '’', '»', '“', ')', ']', '*', '_', '」', '』', '）', '】',
];

/// The last significant character, after closing quotes and brackets;
/// full-width marks read as their ASCII forms ("。" as ".").
pub(crate) fn final_punct(text: &str) -> Option<char> {
    let c = text.trim_end().trim_end_matches(CLOSERS).chars().last()?;
    Some(match c {
        '。' | '．' => '.',
        '！' => '!',
        '？' => '?',
        '：' => ':',
        '，' | '、' => ',',
        '；' => ';',
        c => c,
    })
}

/// Splits after the first sentence end (". ", "? ", "! ") that is followed
/// by more text; None when the text is one sentence.
pub(crate) fn split_first_sentence(text: &str) -> Option<(&str, &str)> {
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if matches!(b, b'.' | b'?' | b'!')
            && bytes.get(i + 1) == Some(&b' ')
            && bytes
                .get(i + 2)
                .is_some_and(|c| c.is_ascii_uppercase() || !c.is_ascii())
        {
            // Not after an abbreviation like "U.S." or "Dr."
            let word_start = text[..i].rfind(' ').map_or(0, |p| p + 1);
            if is_abbreviation(&text[word_start..i]) {
                continue;
            }
            let rest = text[i + 1..].trim();
            if !rest.is_empty() {
                return Some((&text[..=i], rest));
            }
        }
    }
    None
}

/// Words that end with a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Sgt", "Jr",
    "Sr", "No", "vs", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Inc",
    "Corp", "Co", "Ltd", "etc",
];

pub(crate) fn is_abbreviation(word: &str) -> bool {
    let word = word.trim_start_matches(['(', '"', '\'', '“']);
    word.contains('.')
        || (word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase()))
        || ABBREVIATIONS.contains(&word)
}
