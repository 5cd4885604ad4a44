//! Label heuristics: give every block a [`Role`].
//!
//! They work on the one block stream both inputs produce, so each applies to
//! text and HTML alike unless it says otherwise (the head-of-text rules —
//! headline, dek — are text-only: HTML pages have stronger metadata).
//!
//! Convention: a heuristic relabels a block only when its role is still
//! [`Role::Unknown`] or when it is more confident than whoever set the role
//! ([`may_relabel`]). Run order matters and is the order of [`heuristics`]:
//! chrome first (boilerplate, Q&A turns, related lists, disclaimers), then
//! the head (headline, dek, byline/dateline), then the body (pull and block
//! quotes, subheadings, inline quotes).

use std::sync::Arc;

use once_cell::sync::Lazy;
use regex::Regex;

use crate::heuristic::{Builtin, DraftBlock, Heuristic, Role, Shape, Stage};

mod chrome;
mod disclaimers;
mod head;
mod inline_quotes;
mod quotes;
mod related;
mod subheadings;

pub(crate) fn heuristics() -> Vec<Arc<dyn Heuristic>> {
    let all = [
        Builtin {
            name: "label.boilerplate",
            stage: Stage::Label,
            description: "Marks share/ad/newsletter prompts, skip links, contact lines and runs of menu-like short lines at the edges as boilerplate.",
            run: chrome::boilerplate,
        },
        Builtin {
            name: "label.qa-turns",
            stage: Stage::Label,
            description: "Marks interview turns (`Q:`/`A:` or a speaker label used at least twice) as paragraphs so they are not taken for headings or pull quotes.",
            run: chrome::qa_turns,
        },
        Builtin {
            name: "label.related",
            stage: Stage::Label,
            description: "Finds a related-articles header (\"Related Articles\", \"You may also like\", ...) and marks the teasers after it, and inline \"Read more: ...\" lines, as related items.",
            run: related::related,
        },
        Builtin {
            name: "label.disclaimers",
            stage: Stage::Label,
            description: "Marks notices about the piece (AI-generated, editor's note, correction, sponsored, affiliate, copyright, disclosure) by wording and position.",
            run: disclaimers::disclaimers,
        },
        // Text dumps: after the related and notice labels (which it leaves
        // alone), before the head rules (which start at its window).
        Builtin {
            name: crate::text::dump::NAME,
            stage: Stage::Label,
            description: crate::text::dump::DESCRIPTION,
            run: crate::text::dump::dump_body,
        },
        Builtin {
            name: "label.headline",
            stage: Stage::Label,
            description: "Marks the first line of a text dump as the headline when it is 3-25 words, has no final period and is followed by longer text.",
            run: head::headline,
        },
        Builtin {
            name: "label.dek",
            stage: Stage::Label,
            description: "Marks the block right after a text headline as the dek when it is one or two sentences (at most ~45 words) before the body.",
            run: head::dek,
        },
        Builtin {
            name: "label.byline-dateline",
            stage: Stage::Label,
            description: "Marks \"By ...\" lines as the byline and \"Published/Updated ...\" or date lines as the dateline near the head of the article.",
            run: head::byline_dateline,
        },
        Builtin {
            name: "label.pull-quotes",
            stage: Stage::Label,
            description: "Marks `Label: \"...\"` lines and lines that are only a quotation (optionally `— Name`) as pull quotes with their attribution.",
            run: quotes::pull_quotes,
        },
        Builtin {
            name: "label.block-quotes",
            stage: Stage::Label,
            description: "Keeps block quotations as block quotes and takes a trailing `— Name` line as their attribution.",
            run: quotes::block_quotes,
        },
        Builtin {
            name: "label.subheadings",
            stage: Stage::Label,
            description: "Marks Markdown headings, ALL-CAPS kickers and short lines without closing punctuation between longer paragraphs as subheadings.",
            run: subheadings::subheadings,
        },
        Builtin {
            name: "label.inline-quotes",
            stage: Stage::Label,
            description: "Finds quotations inside body paragraphs and their speakers (\"...,\" said X; X said: \"...\"; according to X; pronouns and carry-over).",
            run: inline_quotes::inline_quotes,
        },
    ];
    all.into_iter()
        .map(|b| Arc::new(b) as Arc<dyn Heuristic>)
        .collect()
}

/// `re.captures(text)`, tried with `is_match` first: most blocks do not
/// match, and a failed `captures` still allocates its capture slots.
pub(crate) fn captures<'t>(re: &Regex, text: &'t str) -> Option<regex::Captures<'t>> {
    if re.is_match(text) {
        re.captures(text)
    } else {
        None
    }
}

/// The convention every label heuristic follows (see the module docs).
pub(crate) fn may_relabel(block: &DraftBlock, confidence: f32) -> bool {
    block.role == Role::Unknown || confidence > block.confidence
}

/// Sets the role if [`may_relabel`] allows it; true when it did.
pub(crate) fn relabel(block: &mut DraftBlock, role: Role, by: &'static str, conf: f32) -> bool {
    if may_relabel(block, conf) {
        block.set_role(role, by, conf);
        true
    } else {
        false
    }
}

/// Body roles that a later heuristic may still refine.
pub(crate) fn is_open_body(block: &DraftBlock) -> bool {
    matches!(block.role, Role::Unknown | Role::Paragraph)
}

/// Words of a text, counted up to [`WORD_CAP`]: every threshold the label
/// heuristics use is far below it, and a 10 MB block must not be re-counted
/// by each of them.
pub(crate) fn words(text: &str) -> usize {
    count_words_cjk(text, WORD_CAP)
}

/// [`count_words`] for thresholds: Han and kana are written without spaces,
/// so every two of their characters count as a word too.
pub(crate) fn count_words_cjk(text: &str, cap: usize) -> usize {
    let n = count_words(text, cap);
    if n >= cap || text.is_ascii() {
        return n;
    }
    (n + han_kana_chars(text) / 2).min(cap)
}

/// Han and kana characters of `text` ([`crate::util::is_han_kana`]),
/// counted on the UTF-8 lead bytes without decoding: U+3040–U+30FF is
/// E3 81–83, U+3400–U+3FFF is E3 90–BF, U+4000–U+9FFF is E4–E9 and
/// U+F900–U+FAFF is EF A4–AB.
fn han_kana_chars(text: &str) -> usize {
    let b = text.as_bytes();
    let mut n = 0;
    for (i, &lead) in b.iter().enumerate() {
        let hit = match lead {
            0xE4..=0xE9 => true,
            0xE3 => b
                .get(i + 1)
                .is_some_and(|&c| matches!(c, 0x81..=0x83 | 0x90..=0xBF)),
            0xEF => b.get(i + 1).is_some_and(|&c| matches!(c, 0xA4..=0xAB)),
            _ => false,
        };
        n += usize::from(hit);
    }
    n
}

/// Whitespace-separated words of `text`, counted up to `cap`: the same count
/// as `split_whitespace().take(cap).count()`, reading bytes instead of
/// decoding every character (only the lead bytes of the non-ASCII
/// whitespace characters are decoded).
pub(crate) fn count_words(text: &str, cap: usize) -> usize {
    let bytes = text.as_bytes();
    let (mut n, mut in_word, mut i) = (0, false, 0);
    while let Some(&b) = bytes.get(i) {
        // Eight ASCII bytes at a time (most text), one byte per lane: a
        // word starts at a non-space byte after a space. The result is
        // min(words, cap), so stopping once `cap` is reached is exact.
        if let Some(chunk) = bytes.get(i..i + 8) {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            let x = u64::from_le_bytes(w);
            if x & HIGH == 0 {
                let space = ascii_space_lanes(x);
                let before = (space << 8) | if in_word { 0 } else { 0x80 };
                n += lanes_set(!space & HIGH & before);
                if n >= cap {
                    return cap;
                }
                in_word = space >> 63 == 0;
                i += 8;
                continue;
            }
        }
        let (space, len) = match b {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => (true, 1),
            // U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000 start so.
            0xC2 | 0xE1 | 0xE2 | 0xE3 => {
                let c = text.get(i..).and_then(|t| t.chars().next());
                (
                    c.is_some_and(char::is_whitespace),
                    c.map_or(1, char::len_utf8),
                )
            }
            _ => (false, 1),
        };
        if !space && !in_word {
            if n == cap {
                return n;
            }
            n += 1;
        }
        in_word = !space;
        i += len;
    }
    n
}

/// How many lanes of `m` have their high bit set (`m` has no other bits):
/// the lanes' bits moved to bit 0 and summed into the top byte by one
/// multiplication (at most 8, no carry out). `count_ones` is a long
/// instruction sequence on the baseline x86-64 target, which has no POPCNT.
pub(crate) fn lanes_set(m: u64) -> usize {
    ((m >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize
}

/// The high bit of every byte lane.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// For eight ASCII bytes (high bits clear), the high bit of each lane set
/// where the byte is ASCII whitespace (space, `\t`, `\n`, `\r`, VT, FF).
/// No lane carries into the next: every sum stays below 0x100.
pub(crate) fn ascii_space_lanes(x: u64) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let lanes = |b: u8| u64::from_le_bytes([b; 8]);
    // Lanes equal to 0x20: the lane of `x ^ 0x20` is zero.
    let y = x ^ lanes(0x20);
    let is_space = !(((y & LOW7) + LOW7) | y | LOW7);
    // Lanes from 0x09 to 0x0D: at least 9 and not at least 14.
    let ge9 = x + lanes(0x80 - 0x09);
    let ge14 = x + lanes(0x80 - 0x0E);
    (is_space | (ge9 & !ge14)) & HIGH
}

/// For eight ASCII bytes (high bits clear), the high bit of each lane set
/// where the byte is `b`.
pub(crate) fn byte_lanes(x: u64, b: u8) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    // Lanes equal to `b`: the lane of `x ^ b` is zero.
    let y = x ^ u64::from_le_bytes([b; 8]);
    !(((y & LOW7) + LOW7) | y | LOW7) & HIGH
}

/// See [`words`].
pub(crate) const WORD_CAP: usize = 1000;

/// [`words`] of a block's text.
pub(crate) fn block_words(block: &DraftBlock) -> usize {
    words(&block.text)
}

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

/// Ends with a period, exclamation mark, ellipsis or semicolon (a question
/// mark is allowed in headings, so it is not counted here).
pub(crate) fn ends_with_stop(text: &str) -> bool {
    matches!(final_punct(text), Some('.' | '!' | '…' | ';' | ','))
}

/// Sentence-like prose: long enough and ending like a sentence. Blocks like
/// this end the head zone and start the body.
pub(crate) fn is_prose(block: &DraftBlock) -> bool {
    // Counting past 20 changes nothing below.
    let words = count_words_cjk(&block.text, 20);
    words >= 20 || (words >= 8 && matches!(final_punct(&block.text), Some('.' | '!' | '?')))
}

/// Number of sentences, roughly: sentence ends followed by a space and more text.
pub(crate) fn sentence_count(text: &str) -> usize {
    let mut n = 1;
    let mut rest = text;
    while let Some((_, tail)) = crate::assemble::split_first_sentence(rest) {
        n += 1;
        rest = tail;
        if n > 10 {
            break;
        }
    }
    n
}

/// True for list items, headings, quotes, code, tables and figures: blocks
/// whose shape already says what they are.
pub(crate) fn is_structural(block: &DraftBlock) -> bool {
    !matches!(block.shape, Shape::Paragraph)
}

/// A byline line: "By Jane Doe", "Written by ...", "Von ...", "Par ...".
/// After Readability.js's byline cues, for text lines.
pub(crate) static BYLINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^(?:(?i:by|written by|words by|reporting by|story by)|BY|Von|Par)\s+\p{Lu}[\p{L}'’.-]*(?:[ ,&]+(?:and |und |et )?\p{Lu}[\p{L}'’.-]*){0,8}(?:\s*[|,·•–—-]\s*.{0,80})?$",
    )
    .expect("BYLINE")
});

/// Month names (English, French, German, Spanish) for date lines.
const MONTHS: &str = r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sep(?:t(?:ember)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)";

/// A dateline line: "Published Dec. 12, 2025", "Updated: 3 March 2025 10:03 CET",
/// "December 12, 2025", "2025-12-12". Whole line, short.
pub(crate) static DATELINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:(?:published|updated|posted|last updated|first published|modified|veröffentlicht|publié le|mis à jour)(?: on| le| am)?:?\s+.{{0,60}}\d.{{0,30}}|(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\.?\s+{MONTHS}\s+\d{{4}})(?:[,\s]+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}.{{0,20}})?|\d{{4}}-\d{{2}}-\d{{2}}(?:[T ]\d{{2}}:\d{{2}}.{{0,12}})?)$"
    ))
    .expect("DATELINE")
});

#[cfg(test)]
mod tests {
    #[test]
    fn han_kana_counted_on_lead_bytes() {
        for t in [
            "",
            "plain ascii",
            "“curly” quotes — and dashes",
            "港口的渡轮「恢復」した。カタカナ、ひらがな",
            "\u{3000}\u{303F}\u{3040}\u{30FF}\u{3100}\u{33FF}\u{3400}\u{9FFF}\u{A000}\u{F8FF}\u{F900}\u{FAFF}\u{FB00}한국어",
        ] {
            let want = t.chars().filter(|c| crate::util::is_han_kana(*c)).count();
            assert_eq!(super::han_kana_chars(t), want, "{t}");
        }
    }

    use super::*;

    #[test]
    fn byline_table() {
        for hit in [
            "By Jane Doe",
            "by Ana Ruiz and Lee Kim",
            "Written by Marta Silva",
            "BY TOM HOLT",
            "By Jane Doe | March 3, 2025",
            "By Jane Doe, Staff Writer",
            "Von Anna Schmidt",
        ] {
            assert!(BYLINE.is_match(hit), "{hit}");
        }
        for miss in [
            "By the end of the year, prices had doubled.",
            "Bypass road opens",
            "By 2030 the plan should be complete",
        ] {
            assert!(!BYLINE.is_match(miss), "{miss}");
        }
    }

    #[test]
    fn dateline_table() {
        for hit in [
            "Published Dec. 12, 2025",
            "Updated: 3 March 2025 10:03 CET",
            "December 12, 2025",
            "Friday, June 6, 2025",
            "2025-12-12",
            "Posted on 12/03/2025",
            "12 mars 2025",
        ] {
            assert!(DATELINE.is_match(hit), "{hit}");
        }
        for miss in [
            "Published reports say the plan failed in 2019 and again later that year, officials said.",
            "March on Washington",
            "Updated guidance for schools",
        ] {
            assert!(!DATELINE.is_match(miss), "{miss}");
        }
    }

    #[test]
    fn word_counts_match_split_whitespace() {
        for text in [
            "",
            "  ",
            "one",
            " one  two\tthree\nfour ",
            "“Quoted,” she said — then left.",
            "a\u{a0}b\u{2009}c\u{3000}d\u{85}e\u{1680}f",
            "é è ü ß 東京 ١٢",
            "\u{b}x\u{c}y\u{2028}z",
            "eight ch",
            "eightchr nine more words  to\tcount\r\nacross\x0bchunks\x0cof eight",
            "        leading spaces then words ending in space        ",
            "mixed ascii and é in the middle of a long line of words, twice é",
            "\x1f\x7f!~ \x08\x0e\x1f\x21 controls near the whitespace range",
        ] {
            for cap in [0, 1, 3, 5, 8, 1000] {
                assert_eq!(
                    count_words(text, cap),
                    text.split_whitespace().take(cap).count(),
                    "{text:?} cap {cap}"
                );
            }
        }
    }

    #[test]
    fn word_counts_for_every_ascii_byte_in_a_chunk() {
        for b in 0u8..0x80 {
            for at in 0..8 {
                let mut bytes = *b"abcdefghijklmnop";
                bytes[at] = b;
                bytes[at + 8] = b;
                let text = String::from_utf8(bytes.to_vec()).expect("ASCII");
                assert_eq!(
                    count_words(&text, 1000),
                    text.split_whitespace().count(),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn byte_lanes_mark_exactly_the_equal_bytes() {
        for b in 0u8..0x80 {
            for other in 0u8..0x80 {
                let mut lanes = [other; 8];
                lanes[3] = b;
                lanes[7] = b;
                let want = (0..8)
                    .filter(|&i| lanes[i] == b)
                    .fold(0u64, |m, i| m | 0x80 << (8 * i));
                assert_eq!(
                    byte_lanes(u64::from_le_bytes(lanes), b),
                    want,
                    "{b} {other}"
                );
            }
        }
    }

    #[test]
    fn lanes_set_counts_high_bits() {
        for m in 0u32..256 {
            let mut x = 0u64;
            for lane in 0..8 {
                if m & (1 << lane) != 0 {
                    x |= 0x80 << (8 * lane);
                }
            }
            assert_eq!(lanes_set(x), m.count_ones() as usize, "{x:#x}");
        }
    }

    #[test]
    fn punctuation_helpers() {
        assert_eq!(final_punct("He left.\""), Some('.'));
        assert!(ends_with_stop("A sentence."));
        assert!(!ends_with_stop("Why now?"));
        assert_eq!(sentence_count("One. Two. Three."), 3);
    }
}
