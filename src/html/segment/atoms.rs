//! The blocks read whole rather than walked: figures (image, alt text and
//! caption), tables (rows of cells, for tables of data) and code (a
//! `<pre>`'s text and the language its class names), and the text helpers
//! they share with the walk.

use ego_tree::NodeRef;
use scraper::Node;

use super::super::FastAttr;
use super::{Segmenter, is_block};
use crate::heuristic::{Role, Shape};
use crate::model::{Span, SpanKind};

impl Segmenter<'_> {
    pub(super) fn figure(&mut self, node: NodeRef<'_, Node>) {
        let mut src = None;
        let mut alt = None;
        let mut caption = String::new();
        let mut caption_chars = 0usize;
        let mut spans = Vec::new();
        let mut stack = vec![node];
        while let Some(n) = stack.pop() {
            if let Node::Element(el) = n.value() {
                match el.name() {
                    "img" if src.is_none() => {
                        src = el
                            .fattr("src")
                            .filter(|s| !s.starts_with("data:"))
                            .or_else(|| el.fattr("data-src"))
                            .map(str::to_owned);
                        alt = el
                            .fattr("alt")
                            .filter(|a| !a.trim().is_empty())
                            .map(str::to_owned);
                    }
                    "figcaption" => {
                        let (t, t_spans) = collect_inline(n);
                        if !t.is_empty() {
                            if !caption.is_empty() {
                                caption.push(' ');
                                caption_chars += 1;
                            }
                            spans.extend(shifted(t_spans, caption_chars));
                            caption_chars += t.chars().count();
                            caption.push_str(&t);
                        }
                        continue;
                    }
                    _ => {}
                }
            }
            stack.extend(n.children().rev());
        }
        if src.is_some() || !caption.is_empty() {
            self.emit_atomic(Shape::Figure { src, alt }, caption, spans, Role::Caption);
        }
    }

    pub(super) fn table(&mut self, node: NodeRef<'_, Node>) {
        let mut rows: Vec<Vec<(String, Vec<Span>)>> = Vec::new();
        let mut stack = vec![node];
        while let Some(n) = stack.pop() {
            if let Node::Element(el) = n.value() {
                match el.name() {
                    "tr" => rows.push(Vec::new()),
                    "td" | "th" => {
                        let cell = collect_inline(n);
                        if let Some(row) = rows.last_mut() {
                            row.push(cell);
                        } else {
                            rows.push(vec![cell]);
                        }
                        continue;
                    }
                    _ => {}
                }
            }
            stack.extend(n.children().rev());
        }
        rows.retain(|r| r.iter().any(|c| !c.0.is_empty()));
        if rows.is_empty() {
            return;
        }
        // The block's text is the cells joined by a tab within a row and the
        // rows by a line feed; each cell's spans move to its place in it.
        let mut text = String::new();
        let mut chars = 0usize;
        let mut spans = Vec::new();
        let mut cells: Vec<Vec<String>> = Vec::with_capacity(rows.len());
        for (r, row) in rows.into_iter().enumerate() {
            if r > 0 {
                text.push('\n');
                chars += 1;
            }
            let mut out = Vec::with_capacity(row.len());
            for (c, (cell, cell_spans)) in row.into_iter().enumerate() {
                if c > 0 {
                    text.push('\t');
                    chars += 1;
                }
                spans.extend(shifted(cell_spans, chars));
                chars += cell.chars().count();
                text.push_str(&cell);
                out.push(cell);
            }
            cells.push(out);
        }
        self.emit_atomic(Shape::Table { rows: cells }, text, spans, Role::Paragraph);
    }
}

/// The language a `<pre>` (or the `<code>` in it) names in its class:
/// `language-rust`, `lang-js` (the HTML standard's and highlighters'
/// convention).
pub(super) fn code_language(pre: NodeRef<'_, Node>) -> Option<String> {
    let own = pre.value().as_element();
    let code = pre
        .children()
        .filter_map(|c| c.value().as_element())
        .find(|e| e.name() == "code");
    own.into_iter().chain(code).find_map(|el| {
        el.fattr("class")?
            .split_ascii_whitespace()
            .find_map(|token| {
                let lang = token
                    .strip_prefix("language-")
                    .or_else(|| token.strip_prefix("lang-"))?;
                let ok = !lang.is_empty()
                    && lang.len() <= 32
                    && lang
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "+#._-".contains(c));
                ok.then(|| lang.to_ascii_lowercase())
            })
    })
}

pub(super) fn has_descendant(node: NodeRef<'_, Node>, names: &[&str]) -> bool {
    node.descendants().skip(1).any(|d| {
        d.value()
            .as_element()
            .is_some_and(|e| names.contains(&e.name()))
    })
}

/// A table of data rather than layout: no nested table or paragraphs, and
/// short cells.
pub(super) fn is_data_table(node: NodeRef<'_, Node>) -> bool {
    let mut cells = 0usize;
    let mut chars = 0usize;
    // Header cells mark a table of data even when its cells hold
    // paragraphs or lists (a list of films with a description column).
    let mut header = false;
    let mut prose = false;
    for d in node.descendants().skip(1) {
        match d.value() {
            Node::Element(e) => match e.name() {
                "table" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "article" => return false,
                "p" | "ul" | "ol" | "blockquote" => prose = true,
                "th" => {
                    cells += 1;
                    header = true;
                }
                "td" => cells += 1,
                _ => {}
            },
            Node::Text(t) => chars += t.trim().len(),
            _ => {}
        }
    }
    if cells == 0 {
        return false;
    }
    if header {
        chars / cells < 1000
    } else {
        !prose && chars / cells < 200
    }
}

/// The inline mark an element makes in [`collect_inline`], as in the walk:
/// a link (with a target), emphasis, strong, inline code.
fn mark_of(el: &scraper::node::Element) -> Option<SpanKind> {
    match el.name() {
        "a" if el.fattr("href").is_some() => Some(SpanKind::Link),
        "em" | "i" => Some(SpanKind::Emphasis),
        "strong" | "b" => Some(SpanKind::Strong),
        "code" | "kbd" | "samp" => Some(SpanKind::Code),
        _ => None,
    }
}

/// Whitespace-normalised text of a subtree, with a space at every element
/// boundary that is a block or a line break, and its inline spans (links,
/// emphasis, strong, code, line breaks) as character offsets into that
/// text, in reading order, outer marks first. Links keep their `href` as
/// written (assemble makes them absolute).
pub(super) fn collect_inline(node: NodeRef<'_, Node>) -> (String, Vec<Span>) {
    let mut out = String::new();
    // Characters in `out`: span offsets.
    let mut chars = 0usize;
    let mut space = false;
    // A `<br>` came and the next word's space stands for it.
    let mut br_pending = false;
    // Open marks: kind, start (`None` until a word comes), link target.
    let mut marks: Vec<(SpanKind, Option<usize>, Option<String>)> = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    for edge in node.traverse() {
        match edge {
            ego_tree::iter::Edge::Open(n) => match n.value() {
                Node::Text(t) => {
                    if t.starts_with(char::is_whitespace) {
                        space = true;
                    }
                    for w in t.split_whitespace() {
                        if space && !out.is_empty() {
                            if br_pending {
                                spans.push(Span::new(SpanKind::LineBreak, chars, chars + 1));
                            }
                            out.push(' ');
                            chars += 1;
                        }
                        br_pending = false;
                        for mark in marks.iter_mut().filter(|m| m.1.is_none()) {
                            mark.1 = Some(chars);
                        }
                        out.push_str(w);
                        chars += if w.is_ascii() {
                            w.len()
                        } else {
                            w.chars().count()
                        };
                        space = true;
                    }
                    if !t.ends_with(char::is_whitespace) && !t.trim().is_empty() {
                        space = false;
                    }
                }
                Node::Element(e) if e.name() == "br" => {
                    space = true;
                    br_pending = !out.is_empty();
                }
                Node::Element(e) => {
                    if is_block(e.name()) {
                        space = true;
                    }
                    if let Some(kind) = mark_of(e) {
                        let href = if kind == SpanKind::Link {
                            e.fattr("href").map(str::to_owned)
                        } else {
                            None
                        };
                        marks.push((kind, None, href));
                    }
                }
                _ => {}
            },
            ego_tree::iter::Edge::Close(n) => {
                if let Some(e) = n.value().as_element() {
                    if is_block(e.name()) {
                        space = true;
                    }
                    if mark_of(e).is_some() {
                        if let Some((kind, Some(start), href)) = marks.pop() {
                            if start < chars {
                                let mut span = Span::new(kind, start, chars);
                                span.href = href;
                                spans.push(span);
                            }
                        }
                    }
                }
            }
        }
    }
    if !spans.is_empty() {
        // Reading order, outer marks first; `<b><strong>x</strong></b>` is
        // one strong run.
        spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end), s.kind as u8));
        spans.dedup();
    }
    (out, spans)
}

/// `spans` moved `by` characters to the right.
fn shifted(spans: Vec<Span>, by: usize) -> impl Iterator<Item = Span> {
    spans.into_iter().map(move |mut s| {
        s.start += by;
        s.end += by;
        s
    })
}

/// Text of a `<pre>`, line breaks kept, outer blank lines trimmed.
pub(super) fn raw_text(node: NodeRef<'_, Node>) -> String {
    let mut out = String::new();
    for d in node.descendants() {
        if let Node::Text(t) = d.value() {
            out.push_str(t);
        } else if d.value().as_element().is_some_and(|e| e.name() == "br") {
            out.push('\n');
        }
    }
    out.trim_matches('\n').trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `collect_inline` of the first `<td>` of `html`, as (kind, text, href).
    fn marks(html: &str) -> (String, Vec<(SpanKind, String, Option<String>)>) {
        let doc =
            scraper::Html::parse_fragment(&format!("<table><tr><td>{html}</td></tr></table>"));
        let cell = doc
            .tree
            .nodes()
            .find(|n| n.value().as_element().is_some_and(|e| e.name() == "td"))
            .expect("cell");
        let (text, spans) = collect_inline(cell);
        let marks = spans
            .iter()
            .map(|s| {
                let r = s.byte_range(&text).expect("span fits its text");
                (s.kind, text[r].to_owned(), s.href.clone())
            })
            .collect();
        (text, marks)
    }

    #[test]
    fn cell_marks_nest_and_point_at_their_words() {
        let (text, m) = marks(
            " <a href=\"/x\"> Café <b><strong>menu</strong></b></a>,<br><br> <em> </em>\
             <code>a  b</code><i></i> <span>plain</span>",
        );
        assert_eq!(text, "Café menu, a b plain");
        assert_eq!(
            m,
            [
                (
                    SpanKind::Link,
                    "Café menu".to_owned(),
                    Some("/x".to_owned())
                ),
                (SpanKind::Strong, "menu".to_owned(), None),
                (SpanKind::LineBreak, " ".to_owned(), None),
                (SpanKind::Code, "a b".to_owned(), None),
            ]
        );
        // A link without a target, a break at the start: no span.
        let (text, m) = marks("<br><a name=\"n\">Anchor</a> text");
        assert_eq!(text, "Anchor text");
        assert!(m.is_empty(), "{m:?}");
    }
}
