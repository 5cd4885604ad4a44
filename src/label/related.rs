//! Related-articles lists: a header line, then teasers until the end or a
//! block that is clearly not a teaser; and inline `Read more: <headline>`
//! lines anywhere (a "Read more:/Related:" line that is one link is a
//! related item, even mid-article: sites splice recirculation links into
//! the story's own paragraphs).

use once_cell::sync::Lazy;
use regex::Regex;

use super::relabel;
use crate::error::BoxError;
use crate::grammar::notices::looks_like_notice;
use crate::heuristic::{Builtin, Context, Draft, DraftBlock, Role, Shape, Stage};

/// `label.related`, as [`heuristics`](super::heuristics) lists it.
pub(super) const BUILTIN: Builtin = Builtin {
    name: NAME,
    stage: Stage::Label,
    description: "Finds a related-articles header (\"Related Articles\", \"You may also like\", ...) and marks the teasers after it, and inline \"Read more: ...\" lines, as related items.",
    run: related,
};

const NAME: &str = "label.related";
const CONFIDENCE: f32 = 0.75;

/// Whole-line headers of a related list. After trafilatura's related
/// tokens and the headings related boxes use ("Related", "You may also
/// like", "More from X", "Read next", "Don't miss", "Recommended").
static HEADER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^(?:related(?: articles?| stories| posts?| coverage| reading| content| news| links| topics)?|read more|read next|read also|also read|more (?:from|on|in|about) .{1,40}|more (?:stories|news|articles|reading)|further reading|you (?:may|might|could) also (?:like|enjoy|be interested in)|recommended(?: for you| reading| stories| articles)?|see also|don'?t miss|up next|what to read next|most (?:popular|read)|trending(?: now)?|latest (?:news|stories)|à lire aussi|lire aussi|mehr zum thema|das könnte sie auch interessieren)\s*[:.]?$",
    )
    .expect("HEADER")
});

/// Inline teaser lines: `Read more: <headline>`, `Related: <headline>`.
static INLINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^(?:read more|related|see also|also read|read also|more|lire aussi|mehr dazu)\s*[:»>–—-]\s*(\S.*)$",
    )
    .expect("INLINE")
});

/// A URL written out in a teaser line ("Title – https://…", "Title (https://…)").
static URL: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\s*[(<\[]?\s*(https?://[^\s)>\]]+)\s*[)>\]]?\s*").expect("URL"));

/// Moves a written-out URL from a teaser's text into its link hint.
fn take_url(block: &mut DraftBlock) {
    if block.hints.href.is_some() {
        return;
    }
    let Some(m) = URL.captures(&block.text) else {
        return;
    };
    let (Some(whole), Some(url)) = (m.get(0), m.get(1)) else {
        return;
    };
    let href = url.as_str().trim_end_matches(['.', ',']).to_owned();
    let mut text = String::with_capacity(block.text.len());
    text.push_str(&block.text[..whole.start()]);
    text.push(' ');
    text.push_str(&block.text[whole.end()..]);
    let text = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" .", ".")
        .replace(" ,", ",")
        .trim_end_matches([' ', '-', '–', '—', ':', '|'])
        .to_owned();
    if !text.is_empty() {
        block.text = text;
        block.hints.href = Some(href);
    }
}

/// A teaser: a headline or a headline plus a summary, not an article-length
/// paragraph or a heading of the page's own structure.
fn is_teaser(block: &DraftBlock) -> bool {
    let words = super::count_words(&block.text, 81);
    (2..=80).contains(&words) && !matches!(block.shape, Shape::Heading { .. } | Shape::Code { .. })
}

/// In HTML a teaser is a link: prose after a "Read more"-like line is the
/// story going on (the segmenter already reads related boxes by structure).
fn is_html_teaser(block: &DraftBlock) -> bool {
    block.hints.href.is_some() || block.hints.link_density >= 0.5
}

pub(super) fn related(draft: &mut Draft, _cx: &Context<'_>) -> Result<(), BoxError> {
    let is_html = draft.is_html();
    let blocks = draft.blocks_mut();
    let mut in_list = false;
    for block in blocks.iter_mut() {
        // Thresholds below are at most 40 words.
        let words = super::count_words(&block.text, 41);
        if words <= 10 && HEADER.is_match(block.text.trim()) {
            in_list = relabel(block, Role::RelatedHeader, NAME, CONFIDENCE) || in_list;
            continue;
        }
        if let Some(c) = super::captures(&INLINE, block.text.trim()) {
            let rest = c.get(1).map_or("", |m| m.as_str()).to_owned();
            if words <= 40 && relabel(block, Role::RelatedItem, NAME, CONFIDENCE) {
                block.text = rest;
                take_url(block);
                continue;
            }
        }
        if !in_list {
            continue;
        }
        // Notices and chrome after the list keep their own label.
        if block.role == Role::Boilerplate || looks_like_notice(&block.text) {
            continue;
        }
        if !is_teaser(block) || (is_html && !is_html_teaser(block)) {
            in_list = false;
            continue;
        }
        if relabel(block, Role::RelatedItem, NAME, CONFIDENCE) {
            take_url(block);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_prose_after_a_read_more_line_stays_body() {
        let p = "<p>The council met on Tuesday and voted to approve the new budget, after a long debate about libraries, roads and the pool.</p>";
        let html = format!(
            "<html><body><article>{p}{p}<p>Read more</p>\
             <p>Members also agreed to review the bus timetable next year, after complaints from riders in the north of the town.</p>{p}</article></body></html>"
        );
        let a = crate::extract(html.as_str()).expect("article");
        assert!(a.text.contains("bus timetable"), "{}", a.text);
        assert!(a.related.is_empty(), "{:?}", a.related);
    }

    #[test]
    fn header_table() {
        for hit in [
            "Related Articles",
            "Related Stories",
            "Read more",
            "More from Business",
            "You may also like",
            "Recommended",
            "Read next:",
            "See also",
            "Don't miss",
            "RELATED",
        ] {
            assert!(HEADER.is_match(hit), "{hit}");
        }
        for miss in [
            "Related costs rose sharply",
            "More than 200 people attended",
            "Recommended dose",
            "See also the report",
        ] {
            assert!(!HEADER.is_match(miss), "{miss}");
        }
    }

    #[test]
    fn urls_move_to_the_link() {
        let mut b = DraftBlock::new(
            Shape::Paragraph,
            "Port strike ends – https://example.com/port-strike",
        );
        take_url(&mut b);
        assert_eq!(b.text, "Port strike ends");
        assert_eq!(
            b.hints.href.as_deref(),
            Some("https://example.com/port-strike")
        );
        let mut b = DraftBlock::new(
            Shape::Paragraph,
            "Rates rise again (https://example.com/rates). Banks react.",
        );
        take_url(&mut b);
        assert_eq!(b.text, "Rates rise again. Banks react.");
    }

    #[test]
    fn inline_table() {
        for hit in [
            "Read more: Port strike ends",
            "Related: Rates rise again",
            "READ MORE - Floods",
        ] {
            assert!(INLINE.is_match(hit), "{hit}");
        }
        for miss in [
            "Read more books this year.",
            "Related costs: high",
            "More than 200 came",
        ] {
            assert!(!INLINE.is_match(miss), "{miss}");
        }
        assert_eq!(
            &INLINE.captures("Read more: Port strike ends").expect("hit")[1],
            "Port strike ends"
        );
    }
}
