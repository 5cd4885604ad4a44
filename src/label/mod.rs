//! Label heuristics: give every block a [`Role`].
//!
//! They work on the one block stream both inputs produce, so each applies to
//! text and HTML alike unless it says otherwise (the head-of-text rules —
//! headline, dek — are text-only: HTML pages have stronger metadata).
//!
//! Convention: a heuristic relabels a block only when its role is still
//! [`Role::Unknown`] or when it is more confident than whoever set the role
//! ([`may_relabel`]). Run order matters and is the order of [`heuristics`]:
//! the roles of the HTML page's kept related-link and notice boxes first,
//! then chrome (boilerplate, Q&A turns, related lists, disclaimers), then
//! the head (headline, dek, byline/dateline), then the body (pull and block
//! quotes, subheadings, inline quotes).

use std::sync::Arc;

use once_cell::sync::Lazy;
use regex::Regex;

pub(crate) use crate::base::sentences::{final_punct, split_first_sentence};
pub(crate) use crate::base::words::{count_words, count_words_cjk, words};
use crate::heuristic::{DraftBlock, Heuristic, Role, Shape};

mod boxes;
mod chrome;
mod disclaimers;
mod dump;
mod head;
mod inline_quotes;
mod quotes;
mod related;
mod subheadings;

pub(crate) fn heuristics() -> Vec<Arc<dyn Heuristic>> {
    let all = [
        // HTML boxes first: their roles come from the page, not the wording.
        boxes::BUILTIN,
        chrome::BOILERPLATE_BUILTIN,
        chrome::QA_TURNS_BUILTIN,
        related::BUILTIN,
        disclaimers::BUILTIN,
        // Text dumps: after the related and notice labels (which it leaves
        // alone), before the head rules (which start at its window).
        dump::BUILTIN,
        head::HEADLINE_BUILTIN,
        head::DEK_BUILTIN,
        head::BYLINE_DATELINE_BUILTIN,
        quotes::PULL_QUOTES_BUILTIN,
        quotes::BLOCK_QUOTES_BUILTIN,
        subheadings::BUILTIN,
        inline_quotes::BUILTIN,
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

/// [`words`] of a block's text.
pub(crate) fn block_words(block: &DraftBlock) -> usize {
    words(&block.text)
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
    while let Some((_, tail)) = split_first_sentence(rest) {
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

/// The label of an author line printed on its own line, the names being
/// links in the next element ("Written by:", "Authors").
pub(crate) static BYLINE_LABEL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^(?i:by|written by|words by|reporting by|story by|edited by|reviewed by|authors?)\s*:?$",
    )
    .expect("BYLINE_LABEL")
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
    fn punctuation_helpers() {
        assert_eq!(final_punct("He left.\""), Some('.'));
        assert!(ends_with_stop("A sentence."));
        assert!(!ends_with_stop("Why now?"));
        assert_eq!(sentence_count("One. Two. Three."), 3);
    }
}
