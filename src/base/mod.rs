//! The base layer: text helpers every other module may use and that use
//! nothing of the crate — whitespace, scripts, the one CJK-aware word
//! counter ([`words`]), sentence ends ([`sentences`]), the char-boundary
//! cut ([`floor_char_boundary`]), the small-key hashers ([`hash`]) and the
//! chrome vocabulary the stages' class/id lists are made of ([`tokens`]).

pub(crate) mod hash;
pub(crate) mod sentences;
pub(crate) mod tokens;
pub(crate) mod url;
pub(crate) mod words;

/// Every run of whitespace (line breaks included) as one space, none at
/// either end.
pub(crate) fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Han and kana: scripts written without spaces between words.
pub(crate) fn is_han_kana(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// Han, kana and hangul: scripts where word counts say little (hangul has
/// spaces, but short words).
pub(crate) fn is_cjk(c: char) -> bool {
    is_han_kana(c) || matches!(c, '\u{AC00}'..='\u{D7AF}')
}

/// The largest byte index at or before `i` (and at most `text.len()`) that
/// is a char boundary: where a byte budget may cut a text.
pub(crate) fn floor_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// `en`, `pt-BR`, `zh-Hant-TW`: letters and digits in parts of 1–8, the
/// first all letters.
pub(crate) fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split(['-', '_']);
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    first_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_runs_become_one_space() {
        for (text, want) in [
            ("  a \n\t b  ", "a b"),
            ("a\u{a0}\u{3000}b", "a b"),
            ("", ""),
            (" \n ", ""),
            ("one", "one"),
        ] {
            assert_eq!(collapse_whitespace(text), want, "{text:?}");
        }
    }
}
