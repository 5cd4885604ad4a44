//! The head of a text dump: headline, dek, byline and dateline lines.
//! The headline is the first non-chrome line of a few words without a final
//! period, followed by a longer block; the dek is the next block of one or
//! two sentences before the byline/date; byline and date lines are "By …",
//! "Published/Updated …" and month-name dates.

use once_cell::sync::Lazy;
use regex::Regex;

use super::{BYLINE, BYLINE_LABEL, DATELINE, final_punct, is_prose, relabel, sentence_count};
use crate::error::BoxError;
use crate::heuristic::{Builtin, Context, Draft, DraftBlock, Role, Shape, Stage};

/// The heuristic's id.
const HEADLINE: &str = "label.headline";
/// How sure a "Title | Site" line repeated by the headline is chrome.
const TITLE_LINE: f32 = 0.7;
/// `label.headline`, as [`heuristics`](super::heuristics) lists it.
pub(super) const HEADLINE_BUILTIN: Builtin = Builtin {
    name: HEADLINE,
    stage: Stage::Label,
    description: "Marks the headline of a text: its first line after any leading chrome when it reads as a title (no final period, followed by body text), or in a dump the line that repeats the page title.",
    run: headline,
};
/// The heuristic's id.
const DEK: &str = "label.dek";
/// How sure a dump's line that repeats the page title is the headline.
const TITLE_ECHO: f32 = 0.8;
/// How far down an untrimmed dump its headline is looked for.
const TITLE_ECHO_REACH: usize = 200;
/// How sure a dek-shaped block after the headline is the dek.
const DEK_CONFIDENCE: f32 = 0.6;
/// `label.dek`, as [`heuristics`](super::heuristics) lists it.
pub(super) const DEK_BUILTIN: Builtin = Builtin {
    name: DEK,
    stage: Stage::Label,
    description: "Marks the block right after a text headline as the dek when it is one or two sentences (at most ~45 words) before the body.",
    run: dek,
};
/// The heuristic's id.
const BYLINE_DATELINE: &str = "label.byline-dateline";
/// How sure a "By …" or date line near the head is the byline or dateline.
const BYLINE_DATELINE_CONFIDENCE: f32 = 0.7;
/// `label.byline-dateline`, as [`heuristics`](super::heuristics) lists it.
pub(super) const BYLINE_DATELINE_BUILTIN: Builtin = Builtin {
    name: BYLINE_DATELINE,
    stage: Stage::Label,
    description: "Marks \"By ...\" lines as the byline and \"Published/Updated ...\" or date lines as the dateline near the head of the article.",
    run: byline_dateline,
};

/// How many blocks from the top the head may span.
const HEAD_BLOCKS: usize = 8;

/// A wire-story opening: "LISBON (Reuters) —", "PARIS, March 3 (AFP) -",
/// "BERLIN —". Such a paragraph is the lede, never a dek.
pub(crate) static WIRE_DATELINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^\p{Lu}[\p{Lu}\p{M} .'-]{2,40}(?:,\s*[\p{L}\p{N} .]{2,30})?(?:\s*\([^)]{1,40}\))?\s*[—–-]{1,2}\s")
        .expect("WIRE_DATELINE")
});

/// Blocks the head scan walks past: chrome and notices already labelled.
fn is_aside(block: &DraftBlock) -> bool {
    matches!(
        block.role,
        Role::Boilerplate | Role::Disclaimer(_) | Role::RelatedHeader | Role::RelatedItem
    )
}

/// Where the head scan starts: after the chrome that leads the text (a
/// dump's menus, cookie prompts and page title, labelled before the head
/// rules run), however long it is.
fn head_start(blocks: &[DraftBlock]) -> usize {
    blocks
        .iter()
        .position(|b| !is_aside(b))
        .unwrap_or(blocks.len())
}

/// Index of the first block that is not an aside.
fn first_content(blocks: &[DraftBlock], from: usize) -> Option<usize> {
    (from..blocks.len().min(from + HEAD_BLOCKS)).find(|&i| !is_aside(&blocks[i]))
}

/// A headline's shape. `first_line`: the input's first line, which reads
/// as a title whatever its word count ("Hermitian matrix", "remoteStorage")
/// up to a title-like length for its script (words count CJK characters
/// two to a word); other lines need three words, or two in title case.
fn headline_shaped(block: &DraftBlock, text: &str, first_line: bool) -> bool {
    let words = super::words(text);
    let shape_ok = match block.shape {
        Shape::Paragraph => true,
        Shape::Heading { level } => level <= 2,
        _ => false,
    };
    // Two-word headlines ("Quiet Harbour") only in title case: a lower-case
    // pair is more often a kicker or a menu entry.
    let title_case = text
        .split_whitespace()
        .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()));
    let length_ok = if first_line {
        (1..=40).contains(&words)
    } else {
        (3..=25).contains(&words) || (words == 2 && title_case)
    };
    // A final colon introduces what follows, except a title separator
    // ("Blog :: Site ::").
    let lead_in = final_punct(text) == Some(':') && !text.trim_end().ends_with("::");
    shape_ok
        && length_ok
        && text.chars().count() <= 250
        && (!matches!(final_punct(text), Some('.' | ',' | ';')) || ends_with_initials(text))
        && !lead_in
        && !BYLINE.is_match(text)
        && !DATELINE.is_match(text)
}

/// The text ends with an initialism ("… Underneath N.Y.C."): its final
/// period does not end a sentence.
fn ends_with_initials(text: &str) -> bool {
    let last = text.split_whitespace().last().unwrap_or("");
    let mut chars = last.chars();
    let mut pairs = 0;
    while let (Some(a), Some(b)) = (chars.next(), chars.next()) {
        if !(a.is_uppercase() && b == '.') {
            return false;
        }
        pairs += 1;
    }
    pairs >= 2 && last.chars().count() == pairs * 2
}

pub(super) fn headline(draft: &mut Draft, _cx: &Context<'_>) -> Result<(), BoxError> {
    if draft.is_html() {
        return Ok(());
    }
    let blocks = draft.blocks_mut();
    let Some(mut i) = first_content(blocks, head_start(blocks)) else {
        return Ok(());
    };
    // An untrimmed dump opens with the page title ("Headline | Site"),
    // and its article prints the headline alone further down: that line
    // is the headline, the title line chrome.
    // The title's parts are split and tokenised once (none: no search).
    let parts: Vec<Vec<String>> = if i == 0 {
        super::dump::title_parts(&blocks[0].text)
            .map(super::dump::tokens)
            .filter(|t| !t.is_empty())
            .collect()
    } else {
        Vec::new()
    };
    if !parts.is_empty() {
        let echo = (1..blocks.len().min(TITLE_ECHO_REACH)).find(|&j| {
            blocks[j].role == Role::Unknown
                && headline_shaped(&blocks[j], &blocks[j].text, false)
                && parts.contains(&super::dump::tokens(&blocks[j].text))
        });
        if let Some(j) = echo {
            relabel(&mut blocks[0], Role::Boilerplate, HEADLINE, TITLE_LINE);
            relabel(&mut blocks[j], Role::Headline, HEADLINE, TITLE_ECHO);
            return Ok(());
        }
    }
    // A "Title | Site" line (the page title) before the headline itself:
    // it is chrome when the headline repeats it, else its title part is
    // the headline (a headline candidate is confirmed when it recurs in
    // a "title | site" line).
    let mut text = blocks[i].text.clone();
    let title = super::dump::clean_title(&blocks[i].text);
    if title.len() < blocks[i].text.trim().len() {
        let repeated = (i + 1..blocks.len().min(i + 4))
            .find(|&j| blocks[j].text.trim().eq_ignore_ascii_case(title));
        match repeated {
            Some(j) => {
                relabel(&mut blocks[i], Role::Boilerplate, HEADLINE, TITLE_LINE);
                i = j;
                text = blocks[i].text.clone();
            }
            // A clean text's first line is its title as given ("How to
            // Build a Terrarium | eHow"); a dump's is the page's
            // `<title>`, whose site part goes.
            None => {
                if i > 0
                    || super::dump::opens_with_chrome(blocks)
                    || super::dump::dated_title(&blocks[i].text)
                {
                    text = title.to_owned();
                }
            }
        }
    }
    // In a dump whose first line, the page title, was taken for chrome,
    // the article's head prints that title again (under a breadcrumb or
    // a kicker, maybe): that line is the headline.
    if i > 0 && blocks[0].role == Role::Boilerplate {
        let echo = (i..blocks.len().min(i + HEAD_BLOCKS)).find(|&j| {
            blocks[j].role == Role::Unknown
                && headline_shaped(&blocks[j], &blocks[j].text, false)
                && super::dump::echoes_title(&blocks[0].text, &blocks[j].text)
        });
        if let Some(j) = echo {
            relabel(&mut blocks[j], Role::Headline, HEADLINE, TITLE_ECHO);
            return Ok(());
        }
    }
    if !matches!(blocks[i].role, Role::Unknown) || !headline_shaped(&blocks[i], &text, i == 0) {
        return Ok(());
    }
    // "Followed by longer text": the next content block that is not a
    // byline or date line has more words (chrome in between is skipped,
    // not counted).
    let words = super::words(&text);
    let mut next = blocks
        .iter()
        .skip(i + 1)
        .filter(|b| !is_aside(b) && !BYLINE.is_match(&b.text) && !DATELINE.is_match(&b.text))
        .take(HEAD_BLOCKS)
        .filter(|b| b.role.is_body() || b.role == Role::Unknown);
    let (first, second) = (next.next(), next.next());
    let longer_follows =
        first.is_some_and(|next| super::block_words(next) > words || is_prose(next));
    // A title, a standfirst no longer than it, then the body: a
    // title-shaped first line followed by body text is the headline
    // whatever the standfirst's length.
    let text_after_dek = first.is_some_and(|d| d.shape == Shape::Paragraph && !is_prose(d))
        && second.is_some_and(is_prose);
    // The input's first line heads the text when body text follows within
    // its head (short lines — dek, date, credits — may come between).
    let first_line_heads = i == 0
        && blocks
            .iter()
            .skip(1)
            .filter(|b| !is_aside(b))
            .take(HEAD_BLOCKS)
            .any(is_prose);
    if longer_follows || text_after_dek || first_line_heads {
        let conf = if matches!(blocks[i].shape, Shape::Heading { .. }) {
            0.9
        } else {
            0.7
        };
        if relabel(&mut blocks[i], Role::Headline, HEADLINE, conf) {
            blocks[i].text = text;
        }
    }
    Ok(())
}

pub(super) fn dek(draft: &mut Draft, _cx: &Context<'_>) -> Result<(), BoxError> {
    if draft.is_html() {
        return Ok(());
    }
    let from = head_start(draft.blocks());
    let Some(h) = draft
        .blocks()
        .iter()
        .enumerate()
        .skip(from)
        .take(HEAD_BLOCKS)
        .find_map(|(i, b)| (b.role == Role::Headline).then_some(i))
    else {
        return Ok(());
    };
    let Some(i) = first_content(draft.blocks(), h + 1) else {
        return Ok(());
    };
    let head_block = h == 0 && i == 1 && is_head_block(draft.source(), draft.blocks());
    let blocks = draft.blocks_mut();
    // A Markdown document marks its standfirst (`*…*`); its plain first
    // paragraph is the introduction, i.e. body.
    let markdown = matches!(blocks[h].shape, Shape::Heading { .. });
    let cand = &blocks[i];
    let emphasized = strip_emphasis(&cand.text);
    if markdown && emphasized.is_none() {
        return Ok(());
    }
    let words = super::block_words(cand);
    // The body opens with the same text (assembly keeps one copy of a
    // standfirst printed twice, the dek's).
    let printed_twice = {
        let mut twice = false;
        for b in blocks.iter().skip(i + 1).take(HEAD_BLOCKS) {
            twice |= b.text.trim() == cand.text.trim();
            if twice || (b.shape == Shape::Paragraph && is_prose(b)) {
                break;
            }
        }
        twice
    };
    // The line under the title, set apart with it from the body by a blank
    // line, is the standfirst whatever its length, unless the body opens
    // with it again: then it is the lede, and the body keeps it.
    let head_dek = head_block
        && cand.role == Role::Unknown
        && cand.shape == Shape::Paragraph
        && words <= HEAD_DEK_WORDS
        && !BYLINE.is_match(&cand.text)
        && !DATELINE.is_match(&cand.text);
    let dek_shaped = cand.role == Role::Unknown
        && cand.shape == Shape::Paragraph
        && (4..=45).contains(&words)
        && sentence_count(&cand.text) <= 2
        && !WIRE_DATELINE.is_match(&cand.text)
        && !BYLINE.is_match(&cand.text)
        && !DATELINE.is_match(&cand.text)
        && !has_quotation(&cand.text);
    // "Before the body": more content must follow. When a paragraph follows
    // directly, the dek must be clearly shorter than it; otherwise a short
    // lede would be taken for a dek.
    let next = first_content(blocks, i + 1).map(|j| &blocks[j]);
    let before_body = next.is_some_and(|n| {
        n.shape != Shape::Paragraph
            || !matches!(n.role, Role::Unknown | Role::Paragraph)
            || BYLINE.is_match(&n.text)
            || DATELINE.is_match(&n.text)
            || !is_prose(n)
            || words * 5 <= super::block_words(n) * 4
    });
    // A standfirst stands before a body other than itself repeated.
    let body_of_its_own = blocks
        .iter()
        .skip(i + 1)
        .any(|b| !is_aside(b) && b.text.trim() != cand.text.trim());
    if body_of_its_own
        && ((head_dek && !printed_twice) || (dek_shaped && before_body))
        && relabel(&mut blocks[i], Role::Dek, DEK, DEK_CONFIDENCE)
    {
        if let Some(t) = emphasized {
            blocks[i].text = t;
        }
    } else if head_dek && printed_twice {
        // The standfirst under the title is also the body's opening
        // paragraph (a summary that is the lede): it is the dek, and the
        // body keeps its own copy, as with a page whose description is
        // its first paragraph.
        let text = blocks[i].text.clone();
        let span = blocks[i].span.clone();
        if draft.article.dek.is_none() {
            draft.article.dek = Some(text);
            draft.record(
                "dek",
                DEK,
                format!("line under the title, bytes {}..{}", span.start, span.end),
                DEK_CONFIDENCE,
            );
        }
    }
    Ok(())
}

/// Longest standfirst line a head block holds.
const HEAD_DEK_WORDS: usize = 150;

/// The text opens with a head block: its first two lines (the title and
/// the line under it) with no blank line between them, then a blank line
/// before the rest, as a writer sets a title and standfirst apart.
pub(super) fn is_head_block(src: &str, blocks: &[DraftBlock]) -> bool {
    let [title, dek, next, ..] = blocks else {
        return false;
    };
    let breaks = |a: usize, b: usize| {
        src.get(a..b)
            .filter(|gap| gap.trim().is_empty())
            .map(|gap| {
                // `\r\n` is one line end.
                gap.matches('\n').count().max(gap.matches('\r').count())
            })
    };
    title.span.start < title.span.end
        && breaks(title.span.end, dek.span.start) == Some(1)
        && breaks(dek.span.end, next.span.start).is_some_and(|n| n >= 2)
}

/// The text inside `*…*` or `_…_`, when the whole block is emphasised.
fn strip_emphasis(text: &str) -> Option<String> {
    let t = text.trim();
    ["**", "*", "__", "_"].iter().find_map(|m| {
        let inner = t.strip_prefix(m)?.strip_suffix(m)?.trim();
        (!inner.is_empty() && !inner.contains(m)).then(|| inner.to_owned())
    })
}

/// A quotation of four words or more: such a paragraph reports speech, so it
/// is body, not a standfirst.
fn has_quotation(text: &str) -> bool {
    super::inline_quotes::find_quotes(text)
        .iter()
        .any(|q| super::words(&q.text) >= 4)
}

pub(super) fn byline_dateline(draft: &mut Draft, _cx: &Context<'_>) -> Result<(), BoxError> {
    let blocks = draft.blocks_mut();
    let from = head_start(blocks);
    for block in blocks.iter_mut().skip(from).take(HEAD_BLOCKS * 2) {
        if is_aside(block) || block.role == Role::Headline || block.role == Role::Dek {
            continue;
        }
        if is_prose(block) && super::block_words(block) > 20 {
            break;
        }
        let t = block.text.trim();
        if super::block_words(block) > 20 || block.shape != Shape::Paragraph {
            continue;
        }
        if BYLINE.is_match(t) || BYLINE_LABEL.is_match(t) {
            relabel(
                block,
                Role::Byline,
                BYLINE_DATELINE,
                BYLINE_DATELINE_CONFIDENCE,
            );
        } else if DATELINE.is_match(t) {
            relabel(
                block,
                Role::Dateline,
                BYLINE_DATELINE,
                BYLINE_DATELINE_CONFIDENCE,
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_dateline_table() {
        for hit in [
            "LISBON (Reuters) — Portugal's parliament voted",
            "PARIS, March 3 (AFP) - France said",
            "BERLIN — The German government",
            "SÃO PAULO (Wire) -- Brazil",
        ] {
            assert!(WIRE_DATELINE.is_match(hit), "{hit}");
        }
        for miss in [
            "Lisbon has a new mayor — again.",
            "The council voted — narrowly — to approve.",
            "NATO allies met on Monday.",
        ] {
            assert!(!WIRE_DATELINE.is_match(miss), "{miss}");
        }
    }

    #[test]
    fn headline_shape() {
        let shaped =
            |t: &str, first: bool| headline_shaped(&DraftBlock::new(Shape::Paragraph, t), t, first);
        let b = |t: &str| shaped(t, false);
        assert!(b("Ferry Service Resumes After Storm"));
        assert!(b("Is the port ready for winter?"));
        assert!(!b("The ferry resumed service on Monday."));
        assert!(!b("By Jane Doe"));
        assert!(b("Quiet Headline"));
        assert!(!b("quiet headline"));
        assert!(!b("Hi"));
        // The first line of the input reads as a title at any word count.
        assert!(shaped("quiet headline", true));
        assert!(shaped("Harbourmaster", true));
        assert!(shaped("Ferries: What They Are and How to Board Them", true));
        assert!(!shaped("The ferries run again:", true));
        assert!(shaped("港口渡轮恢复运行", true));
        // An initialism's period does not end a sentence.
        assert!(b("Winter Wreaks Havoc Under the Streets of N.Y.C."));
        assert!(!b("Winter wreaks havoc under the streets again."));
    }
}
