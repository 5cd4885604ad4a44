//! Inline spans as a tree the renderers walk: a block's text cut at span
//! boundaries into text runs, opened and closed marks, and line breaks.

use crate::model::{Span, SpanKind};

/// One step of a block's inline content, in order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Event<'a> {
    /// Plain text.
    Text(&'a str),
    /// A mark starts (never [`SpanKind::LineBreak`]).
    Open(&'a Span),
    /// The mark opened last ends.
    Close(&'a Span),
    /// A line break.
    Break,
    /// Inline code: its raw text (marks inside code are dropped).
    Code(&'a str),
}

/// A span cut to byte offsets of the text.
struct Cut<'a> {
    span: &'a Span,
    start: usize,
    end: usize,
}

/// The events of `text` with `spans`. Spans out of range, empty ones (but
/// line breaks), links without a target, and spans crossing an earlier
/// span are dropped, so the events always nest. Whitespace at either end
/// of a mark is moved outside it (`*a *` is not emphasis in Markdown).
pub(crate) fn events<'a>(text: &'a str, spans: &'a [Span]) -> Vec<Event<'a>> {
    if spans.is_empty() {
        return vec![Event::Text(text)];
    }
    // Character offset → byte offset, for the offsets spans use.
    let boundaries: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let mut cuts: Vec<Cut<'a>> = spans
        .iter()
        .filter_map(|span| {
            let start = *boundaries.get(span.start)?;
            let end = *boundaries.get(span.end)?;
            if start > end {
                return None;
            }
            let (start, end) = if span.kind == SpanKind::LineBreak {
                (start, end)
            } else {
                let inner = &text[start..end];
                let lead = inner.len() - inner.trim_start().len();
                let trail = inner.len() - inner.trim_end().len();
                if lead == inner.len() {
                    return None;
                }
                (start + lead, end - trail)
            };
            let keep = match span.kind {
                SpanKind::LineBreak => true,
                SpanKind::Link => span.href.as_deref().is_some_and(|h| !h.trim().is_empty()),
                _ => start < end,
            };
            keep.then_some(Cut { span, start, end })
        })
        .collect();
    // Outer spans first: by start, longer first.
    cuts.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));

    let mut out = Vec::new();
    let mut stack: Vec<&Cut<'a>> = Vec::new();
    let mut at = 0;
    // Inside a code span or a break: the end of the raw run.
    let mut leaf_end = 0;
    let mut kept: Vec<&Cut<'a>> = Vec::new();
    for cut in &cuts {
        if cut.start < leaf_end {
            continue;
        }
        while let Some(top) = stack.last() {
            if top.end <= cut.start {
                stack.pop();
            } else {
                break;
            }
        }
        if let Some(top) = stack.last() {
            let crosses = cut.end > top.end;
            // A link in a link, strong in strong: the outer one says it.
            let nested_same = stack.iter().any(|c| c.span.kind == cut.span.kind);
            if crosses || nested_same {
                continue;
            }
        }
        if matches!(cut.span.kind, SpanKind::Code | SpanKind::LineBreak) {
            leaf_end = cut.end.max(cut.start + 1);
        } else {
            stack.push(cut);
        }
        kept.push(cut);
    }
    // Walk the kept cuts (already nested) and emit events.
    stack.clear();
    for cut in kept {
        while let Some(top) = stack.last() {
            if top.end <= cut.start {
                if at < top.end {
                    out.push(Event::Text(&text[at..top.end]));
                    at = top.end;
                }
                out.push(Event::Close(top.span));
                stack.pop();
            } else {
                break;
            }
        }
        if at < cut.start {
            out.push(Event::Text(&text[at..cut.start]));
            at = cut.start;
        }
        match cut.span.kind {
            SpanKind::LineBreak => {
                out.push(Event::Break);
                at = at.max(cut.end);
            }
            SpanKind::Code => {
                out.push(Event::Code(&text[cut.start..cut.end]));
                at = cut.end;
            }
            _ => {
                out.push(Event::Open(cut.span));
                stack.push(cut);
            }
        }
    }
    while let Some(top) = stack.pop() {
        if at < top.end {
            out.push(Event::Text(&text[at..top.end]));
            at = top.end;
        }
        out.push(Event::Close(top.span));
    }
    if at < text.len() {
        out.push(Event::Text(&text[at..]));
    }
    out
}

/// The spans of a list's items (or a table's cells), each shifted to its
/// own text: `texts` were joined by one separator character into the text
/// the spans index. Spans across a separator are dropped.
pub(crate) fn split_spans(texts: &[&str], spans: &[Span]) -> Vec<Vec<Span>> {
    let mut out = vec![Vec::new(); texts.len()];
    if spans.is_empty() {
        return out;
    }
    let mut start = 0;
    for (i, t) in texts.iter().enumerate() {
        let len = t.chars().count();
        for s in spans {
            if s.start >= start && s.end <= start + len {
                let mut s = s.clone();
                s.start -= start;
                s.end -= start;
                out[i].push(s);
            }
        }
        start += len + 1;
    }
    out
}

/// An absolute `http:`/`https:` URL with no whitespace or control
/// characters; anything else (`javascript:`, `data:`, relative) is refused.
pub(crate) fn safe_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let scheme_ok = lower.starts_with("https://") || lower.starts_with("http://");
    let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    (scheme_ok && clean && url.len() > 8).then_some(url)
}

/// A link target: [`safe_url`] or a `mailto:` address.
pub(crate) fn safe_link(url: &str) -> Option<&str> {
    safe_url(url).or_else(|| {
        let is_mail = url
            .get(..7)
            .is_some_and(|s| s.eq_ignore_ascii_case("mailto:"))
            && url.len() > 7
            && !url.chars().any(|c| c.is_whitespace() || c.is_control());
        is_mail.then_some(url)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str, spans: &[Span]) -> String {
        events(text, spans)
            .iter()
            .map(|e| match e {
                Event::Text(t) => (*t).to_owned(),
                Event::Open(s) => format!("<{:?}>", s.kind),
                Event::Close(s) => format!("</{:?}>", s.kind),
                Event::Break => "<br>".to_owned(),
                Event::Code(t) => format!("`{t}`"),
            })
            .collect()
    }

    #[test]
    fn spans_nest_and_crossing_ones_are_dropped() {
        let spans = [
            Span::link(0, 9, "https://a.example/"),
            Span::new(SpanKind::Strong, 5, 9),
            Span::new(SpanKind::Emphasis, 7, 12),
        ];
        assert_eq!(
            show("Read more now.", &spans),
            "<Link>Read <Strong>more</Strong></Link> now."
        );
    }

    #[test]
    fn whitespace_moves_out_and_bad_spans_go() {
        let spans = [
            Span::new(SpanKind::Emphasis, 0, 3),
            Span::new(SpanKind::Strong, 3, 99),
            Span::new(SpanKind::Code, 4, 4),
            Span::new(SpanKind::Link, 4, 5),
        ];
        assert_eq!(show("ab c d", &spans), "<Emphasis>ab</Emphasis> c d");
    }

    #[test]
    fn code_and_breaks_are_leaves() {
        let spans = [
            Span::new(SpanKind::Code, 4, 9),
            Span::new(SpanKind::Strong, 5, 7),
            Span::new(SpanKind::LineBreak, 12, 13),
        ];
        assert_eq!(show("Use x.len() \nok", &spans), "Use `x.len`() <br>ok");
    }

    #[test]
    fn list_spans_split_per_item() {
        let spans = [
            Span::new(SpanKind::Strong, 0, 1),
            Span::new(SpanKind::Code, 3, 5),
            Span::new(SpanKind::Emphasis, 1, 4),
        ];
        let split = split_spans(&["ab", "cd"], &spans);
        assert_eq!(split[0], [Span::new(SpanKind::Strong, 0, 1)]);
        assert_eq!(split[1], [Span::new(SpanKind::Code, 0, 2)]);
    }
}
