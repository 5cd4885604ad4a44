//! The HTML path: parse, clean, locate the main content, flatten it into
//! [`DraftBlock`](crate::DraftBlock)s.
//!
//! PLACEHOLDER: a basic flattening of `<body>` until the full HTML path lands.

use std::sync::Arc;

use ego_tree::NodeId;
use scraper::{ElementRef, Html, Node};

use crate::error::BoxError;
use crate::heuristic::{Builtin, Context, Draft, DraftBlock, Heuristic, Shape, Stage};
use crate::limits::Limits;

/// The parsed page, alive for one extraction.
pub(crate) struct Dom {
    pub html: Html,
    /// The main-content root chosen by the score stage.
    pub main: Option<NodeId>,
}

impl Dom {
    pub(crate) fn parse(source: &str, _limits: &Limits) -> Dom {
        Dom {
            html: Html::parse_document(source),
            main: None,
        }
    }
}

pub(crate) fn heuristics() -> Vec<Arc<dyn Heuristic>> {
    vec![Arc::new(Builtin {
        name: "segment.html-blocks",
        stage: Stage::Segment,
        description: "Flattens the main content (or the body) into blocks: paragraphs, headings, list items, quotes, figures, tables, code.",
        run: segment_blocks,
    })]
}

fn segment_blocks(draft: &mut Draft, _cx: &Context<'_>) -> Result<(), BoxError> {
    let Some(dom) = draft.dom.take() else {
        return Ok(());
    };
    let root = dom
        .main
        .and_then(|id| dom.html.tree.get(id))
        .unwrap_or_else(|| dom.html.tree.root());
    let mut blocks = Vec::new();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        if let Some(el) = ElementRef::wrap(node) {
            let name = el.value().name();
            let shape = match name {
                "script" | "style" | "noscript" | "template" | "head" | "nav" | "footer" => {
                    continue;
                }
                "p" => Some(Shape::Paragraph),
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(Shape::Heading {
                    level: name.as_bytes()[1] - b'0',
                }),
                "li" => Some(Shape::ListItem {
                    ordered: false,
                    list: 0,
                }),
                "blockquote" => Some(Shape::Quote),
                "pre" => Some(Shape::Code { language: None }),
                _ => None,
            };
            if let Some(shape) = shape {
                let text = el.text().collect::<Vec<_>>().join(" ");
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if !text.is_empty() {
                    blocks.push(DraftBlock::new(shape, text));
                }
                continue;
            }
        } else if !matches!(node.value(), Node::Document | Node::Fragment) {
            continue;
        }
        let children: Vec<_> = node.children().collect();
        stack.extend(children.into_iter().rev());
    }
    *draft.blocks_mut() = blocks;
    draft.dom = Some(dom);
    Ok(())
}
