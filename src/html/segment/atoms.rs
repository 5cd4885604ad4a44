//! The blocks read whole rather than walked: figures (image, alt text and
//! caption), tables (rows of cells, for tables of data) and code (a
//! `<pre>`'s text and the language its class names), and the text helpers
//! they share with the walk.

use ego_tree::NodeRef;
use scraper::Node;

use super::super::FastAttr;
use super::{Segmenter, is_block};
use crate::heuristic::{Role, Shape};

impl Segmenter<'_> {
    pub(super) fn figure(&mut self, node: NodeRef<'_, Node>) {
        let mut src = None;
        let mut alt = None;
        let mut caption = String::new();
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
                        let t = collect_text(n);
                        if !t.is_empty() {
                            if !caption.is_empty() {
                                caption.push(' ');
                            }
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
            self.emit_atomic(Shape::Figure { src, alt }, caption, Role::Caption);
        }
    }

    pub(super) fn table(&mut self, node: NodeRef<'_, Node>) {
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut stack = vec![node];
        while let Some(n) = stack.pop() {
            if let Node::Element(el) = n.value() {
                match el.name() {
                    "tr" => rows.push(Vec::new()),
                    "td" | "th" => {
                        let cell = collect_text(n);
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
        rows.retain(|r| r.iter().any(|c| !c.is_empty()));
        if rows.is_empty() {
            return;
        }
        let text = rows
            .iter()
            .map(|r| r.join("\t"))
            .collect::<Vec<_>>()
            .join("\n");
        self.emit_atomic(Shape::Table { rows }, text, Role::Paragraph);
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

/// Whitespace-normalised text of a subtree, with a space at every element
/// boundary that is a block or a line break.
pub(super) fn collect_text(node: NodeRef<'_, Node>) -> String {
    let mut out = String::new();
    let mut space = false;
    for edge in node.traverse() {
        match edge {
            ego_tree::iter::Edge::Open(n) => match n.value() {
                Node::Text(t) => {
                    if t.starts_with(char::is_whitespace) {
                        space = true;
                    }
                    for w in t.split_whitespace() {
                        if space && !out.is_empty() {
                            out.push(' ');
                        }
                        out.push_str(w);
                        space = true;
                    }
                    if !t.ends_with(char::is_whitespace) && !t.trim().is_empty() {
                        space = false;
                    }
                }
                Node::Element(e) if e.name() == "br" || is_block(e.name()) => space = true,
                _ => {}
            },
            ego_tree::iter::Edge::Close(n) => {
                if n.value().as_element().is_some_and(|e| is_block(e.name())) {
                    space = true;
                }
            }
        }
    }
    out
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
