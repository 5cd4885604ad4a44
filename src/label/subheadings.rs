//! Subheadings inside the body (a subhead is short, has no final
//! punctuation and stands between longer paragraphs): Markdown headings,
//! ALL-CAPS kickers, and short lines without closing punctuation (a
//! trailing `?` is fine) that stand before a longer paragraph. Numbered
//! listicle entries followed by prose ("3. Water less often") are headings
//! too.

use super::{BYLINE, DATELINE, ends_with_stop, is_open_body, is_prose, relabel};
use crate::error::BoxError;
use crate::heuristic::{Builtin, Context, Draft, DraftBlock, Role, Shape, Stage};
use crate::model::SpanKind;

/// `label.subheadings`, as [`heuristics`](super::heuristics) lists it.
pub(super) const BUILTIN: Builtin = Builtin {
    name: NAME,
    stage: Stage::Label,
    description: "Marks Markdown headings, ALL-CAPS kickers and short lines without closing punctuation between longer paragraphs as subheadings.",
    run: subheadings,
};

const NAME: &str = "label.subheadings";
/// How sure a Markdown or HTML heading is a subheading.
const BY_SHAPE: f32 = 0.9;
/// How sure an ALL-CAPS kicker between paragraphs is a subheading.
const ALL_CAPS: f32 = 0.7;
/// How sure a short line without closing punctuation (or a numbered item
/// heading prose) is a subheading.
const SHORT_LINE: f32 = 0.6;
const MAX_WORDS: usize = 12;
const MAX_CHARS: usize = 90;

/// A line of three words or more ending with a colon introduces what
/// follows ("Here is his text:"); "Ingredients:" may head a list.
fn is_lead_in(t: &str, words: usize) -> bool {
    t.ends_with(':') && words >= 3
}

/// A sentence ends inside the line and another begins ("Next, define
/// the deviation. Let's use this:"): three words or more before the stop,
/// a capital after it (not "St. Louis").
fn two_sentences(t: &str) -> bool {
    let b = t.as_bytes();
    (1..b.len().saturating_sub(1)).any(|i| {
        matches!(b[i], b'.' | b'!' | b'?')
            && b[i + 1] == b' '
            && t[i + 2..].chars().next().is_some_and(char::is_uppercase)
            && super::words(&t[..i]) >= 3
    })
}

/// A line that opens with a quoted title and goes on after it in other
/// words than a speech tag ("“Rez Infinite” ($30)", "“Job Simulator”:
/// A Review"): a heading naming a work, not a quotation.
fn quoted_title_first(t: &str) -> bool {
    let Some(close) = t
        .char_indices()
        .skip(1)
        .find(|&(_, c)| matches!(c, '”' | '"' | '»' | '“'))
    else {
        return false;
    };
    let rest = t[close.0 + close.1.len_utf8()..].trim_start();
    !rest.is_empty()
        && !rest.starts_with(|c: char| c.is_lowercase())
        && !t[..close.0].ends_with([',', '.', '!', '?'])
}

/// Short, unpunctuated, not a byline/date/quotation, not a lead-in that
/// ends with a colon ("Here is his text:") or a line of two sentences.
fn heading_shaped(text: &str) -> bool {
    let t = text.trim();
    let words = super::words(t);
    (1..=MAX_WORDS).contains(&words)
        && t.chars().count() <= MAX_CHARS
        && !ends_with_stop(t)
        && !is_lead_in(t, words)
        && !two_sentences(t)
        && !t.ends_with(['"', '”', '»', '“'])
        && (!t.starts_with(['"', '“', '„', '«', '(']) || quoted_title_first(t))
        && t.chars().next().is_some_and(|c| !c.is_lowercase())
        && !BYLINE.is_match(t)
        && !DATELINE.is_match(t)
}

fn is_all_caps(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic());
    let (mut n, mut upper) = (0, 0);
    for c in letters {
        n += 1;
        upper += usize::from(c.is_uppercase());
    }
    n >= 3 && upper == n
}

/// The next block that is body, skipping nothing: a heading must be
/// followed directly by what it introduces — a longer paragraph, or a list
/// of at least two items ("What you need" + bullets).
fn next_is_longer_body(blocks: &[DraftBlock], i: usize) -> bool {
    let words = blocks.get(i).map_or(0, super::block_words);
    let is_item = |j: usize| {
        blocks
            .get(j)
            .is_some_and(|b| matches!(b.shape, Shape::ListItem { .. }) && b.role.is_body())
    };
    let this_is_item = blocks
        .get(i)
        .is_some_and(|b| matches!(b.shape, Shape::ListItem { .. }));
    if !this_is_item && is_item(i + 1) && is_item(i + 2) {
        return true;
    }
    blocks.get(i + 1).is_some_and(|next| {
        next.role.is_body()
            && next.role != Role::Heading
            && !matches!(next.shape, Shape::Heading { .. })
            && (is_prose(next) || super::block_words(next) > words + 3)
    })
}

/// Text of a numbered item with its number put back as the source writes
/// it ("3. Water less often", "10) A Quiet Passion").
fn numbered_text(source: &str, block: &DraftBlock) -> Option<String> {
    let line = source.get(block.span.clone())?.lines().next()?.trim();
    let n: String = line.chars().take_while(char::is_ascii_digit).collect();
    let mark = match line[n.len()..].chars().next() {
        Some(')') => ')',
        _ => '.',
    };
    (!n.is_empty()).then(|| format!("{n}{mark} {}", block.text))
}

pub(super) fn subheadings(draft: &mut Draft, _cx: &Context<'_>) -> Result<(), BoxError> {
    let is_html = draft.is_html();
    // Numbered headings get their number back from the source; copy it only
    // when there are numbered items at all.
    let has_numbered = draft
        .blocks()
        .iter()
        .any(|b| matches!(b.shape, Shape::ListItem { ordered: true, .. }));
    let source = if is_html || !has_numbered {
        String::new()
    } else {
        draft.source().to_owned()
    };
    let blocks = draft.blocks_mut();
    // Markdown/HTML headings are headings by shape.
    for block in blocks.iter_mut() {
        if matches!(block.shape, Shape::Heading { .. }) && block.role.is_body() {
            relabel(block, Role::Heading, NAME, BY_SHAPE);
        }
    }
    if is_html {
        html_subheads(blocks);
        return Ok(());
    }
    let first_body = blocks.iter().position(|b| b.role.is_body()).unwrap_or(0);
    for i in first_body..blocks.len() {
        let b = &blocks[i];
        // A numbered entry heads prose only when it stands alone between
        // paragraphs; the last item of a real list must stay an item.
        let in_run = |j: Option<usize>| {
            j.and_then(|j| blocks.get(j))
                .is_some_and(|x| matches!(x.shape, Shape::ListItem { .. }))
        };
        let numbered = matches!(b.shape, Shape::ListItem { ordered: true, .. })
            && !in_run(i.checked_sub(1))
            && !in_run(Some(i + 1));
        let candidate = (b.shape == Shape::Paragraph || numbered)
            && matches!(b.role, Role::Unknown)
            && heading_shaped(&b.text)
            && next_is_longer_body(blocks, i);
        if !candidate {
            continue;
        }
        // A numbered item heads prose only if the list around it is not a
        // plain run of items (the next block is not another item).
        if numbered {
            let text = numbered_text(&source, &blocks[i]);
            if relabel(&mut blocks[i], Role::Heading, NAME, SHORT_LINE) {
                if let Some(t) = text {
                    blocks[i].text = t;
                }
                blocks[i].shape = Shape::Heading { level: 2 };
            }
            continue;
        }
        let conf = if is_all_caps(&blocks[i].text) {
            ALL_CAPS
        } else {
            SHORT_LINE
        };
        if is_open_body(&blocks[i]) {
            relabel(&mut blocks[i], Role::Heading, NAME, conf);
        }
    }
    Ok(())
}

/// The whole block is bold (`<p><strong>Subhead</strong></p>`,
/// `<div><span><b>Subhead</b></span></div>`): one strong mark over all of
/// its text.
fn all_strong(block: &DraftBlock) -> bool {
    let n = block.text.trim_end().chars().count();
    let lead = block.text.chars().take_while(|c| c.is_whitespace()).count();
    n > 0
        && block
            .spans()
            .iter()
            .any(|s| s.kind == SpanKind::Strong && s.start <= lead && s.end >= n)
}

/// The block's own class names a subheading (`wp-block-heading`,
/// `article-subhead`): its container string's last part, the block's own
/// element, not the article wrapper around it.
fn subhead_class(block: &DraftBlock) -> bool {
    let own = block.hints.container.rsplit('|').next().unwrap_or("");
    own.split_whitespace().any(|t| {
        t == "heading"
            || t.ends_with("-heading")
            || t.ends_with("_heading")
            || t.contains("subhead")
    })
}

/// HTML subheadings set without a heading tag: a bold line, or a line
/// whose class says subheading, that is heading-shaped and stands before
/// a longer paragraph, as the short-line rule of text input asks.
fn html_subheads(blocks: &mut [DraftBlock]) {
    // A page that sets its subheads in heading tags does not also set them
    // as bold lines: there a bold line is emphasis (a lead-in, a label).
    let tagged = blocks
        .iter()
        .any(|b| matches!(b.shape, Shape::Heading { level: 2.. }) && b.role == Role::Heading);
    for i in 0..blocks.len() {
        let b = &blocks[i];
        let candidate = b.shape == Shape::Paragraph
            && matches!(b.role, Role::Unknown | Role::Paragraph)
            && b.quotes.is_empty()
            && heading_shaped(&b.text)
            && (!tagged && all_strong(b) || subhead_class(b))
            && next_is_longer_body(blocks, i);
        if candidate {
            relabel(&mut blocks[i], Role::Heading, NAME, SHORT_LINE);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_shape_table() {
        for hit in [
            "The Lead: A Strategic Economic Overhaul",
            "What happens next?",
            "WHY IT MATTERS",
            "3 Water less often",
            "“Rez Infinite” ($30)",
            "Ingredients:",
        ] {
            assert!(heading_shaped(hit), "{hit}");
        }
        for miss in [
            "The council voted on Monday.",
            "\"We will rebuild.\"",
            "By Jane Doe",
            "and then it rained",
            "A line that is far too long to be a subheading because it has many words",
            "Here is what the council decided:",
            "Next, define the deviation. Then plot it",
            "“We will rebuild,” she said",
        ] {
            assert!(!heading_shaped(miss), "{miss}");
        }
    }

    /// HTML subheads without a heading tag: a bold line or a line whose own
    /// class says subheading, before longer prose; a bold line is no
    /// subhead on a page that sets its subheads in `<h2>`s.
    #[test]
    fn html_subheads_without_heading_tags() {
        let p = "<p>The ferry returns to the harbour on Monday after a winter refit that replaced both engines and the passenger deck.</p>";
        let headings = |body: &str| {
            let html = format!(
                "<html><body><article><h1>Ferry back</h1>{p}{body}{p}</article></body></html>"
            );
            let a = crate::extract(&html).expect("article");
            a.sections
                .iter()
                .filter_map(|s| s.heading.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            headings("<p><strong>What changes for riders</strong></p>"),
            ["What changes for riders"]
        );
        assert_eq!(
            headings(
                "<div><span style=\"font-size: large\"><b>What changes for riders</b></span></div>"
            ),
            ["What changes for riders"]
        );
        assert_eq!(
            headings("<div class=\"wp-block-heading\">What changes for riders</div>"),
            ["What changes for riders"]
        );
        // With <h2> subheads on the page, a bold line is emphasis.
        assert_eq!(
            headings(&format!(
                "<h2>Timetable</h2>{p}<p><strong>What changes for riders</strong></p>"
            )),
            ["Timetable"]
        );
        // A bold lead-in of a sentence is no subhead.
        assert!(
            headings(
                "<p><strong>Note:</strong> the timetable changes on Monday for all riders.</p>"
            )
            .is_empty()
        );
    }

    #[test]
    fn caps() {
        assert!(is_all_caps("WHY IT MATTERS"));
        assert!(!is_all_caps("Why It Matters"));
        assert!(!is_all_caps("A1"));
    }
}
