//! The plain-text path: normalise, then segment into blocks.
//!
//! PLACEHOLDER: one block per non-empty line, until the full text stage lands.

use std::sync::Arc;

use crate::error::BoxError;
use crate::heuristic::{Builtin, Context, Draft, DraftBlock, Heuristic, Shape, Stage};

pub(crate) fn heuristics() -> Vec<Arc<dyn Heuristic>> {
    vec![Arc::new(Builtin {
        name: "segment.text-lines",
        stage: Stage::Segment,
        description: "Splits plain text into blocks, one per non-empty line.",
        run: segment_lines,
    })]
}

fn segment_lines(draft: &mut Draft, _cx: &Context<'_>) -> Result<(), BoxError> {
    if draft.is_html() {
        return Ok(());
    }
    let mut blocks = Vec::new();
    let mut offset = 0;
    for line in draft.source().split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let text = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            let mut b = DraftBlock::new(Shape::Paragraph, text);
            b.span = start..offset;
            blocks.push(b);
        }
    }
    *draft.blocks_mut() = blocks;
    Ok(())
}
