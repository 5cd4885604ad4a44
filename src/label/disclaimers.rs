//! Disclaimers: notices about the piece, kept out of the body.
//!
//! Two kinds of evidence, because a notice is set apart by its position
//! (the first or last blocks) or by a prefix of its own: a *prefix* that only notices use
//! ("Editor's note:", "Correction:", "©") is enough anywhere; *wording*
//! that body prose may also use ("generated using AI", "sponsored by") counts
//! only at the edges — the head before the first prose paragraph, or the
//! tail after the last one — and, for AI wording, only when the notice
//! talks about the piece itself ("this article", "this content").

use super::{is_prose, relabel};
use crate::error::BoxError;
use crate::grammar::notices::{BARE_SPONSORED, prefix_kind, wording_kind};
use crate::heuristic::{Builtin, Context, Draft, DraftBlock, Role, Stage};
use crate::model::DisclaimerKind;

/// `label.disclaimers`, as [`heuristics`](super::heuristics) lists it.
pub(super) const BUILTIN: Builtin = Builtin {
    name: NAME,
    stage: Stage::Label,
    description: "Marks notices about the piece (AI-generated, editor's note, correction, sponsored, affiliate, copyright, disclosure) by wording and position.",
    run: disclaimers,
};

const NAME: &str = "label.disclaimers";
const CONFIDENCE: f32 = 0.8;
/// Longer blocks are articles, not notices.
const MAX_WORDS: usize = 90;

fn label(block: &mut DraftBlock, kind: DisclaimerKind) -> bool {
    relabel(block, Role::Disclaimer(kind), NAME, CONFIDENCE)
}

/// Blocks other heuristics already took out of the body do not interrupt
/// the edge scans.
fn is_aside(block: &DraftBlock) -> bool {
    matches!(
        block.role,
        Role::Boilerplate | Role::RelatedHeader | Role::RelatedItem | Role::Disclaimer(_)
    )
}

pub(super) fn disclaimers(draft: &mut Draft, _cx: &Context<'_>) -> Result<(), BoxError> {
    let blocks = draft.blocks_mut();
    // Prefixed notices, anywhere. A copyright line is short: a longer block
    // starting with "©" is a photo credit glued to body text.
    for block in blocks.iter_mut() {
        // Every threshold here is at most MAX_WORDS: count no further.
        let words = super::count_words(&block.text, MAX_WORDS + 1);
        if words <= MAX_WORDS && !is_aside(block) {
            match prefix_kind(&block.text) {
                Some(DisclaimerKind::Copyright) if words > 40 => {}
                // "Disclaimer: This content was created with AI" says more
                // in its wording than in its prefix.
                Some(DisclaimerKind::Other) => {
                    let kind = wording_kind(&block.text).unwrap_or(DisclaimerKind::Other);
                    label(block, kind);
                }
                Some(kind) => {
                    label(block, kind);
                }
                None => {}
            }
        }
    }
    // Head zone: until the third prose paragraph that is not a notice (the
    // first may be a dek; notices sit between dek and lede, or after an
    // interview's introduction).
    let mut prose_seen = 0;
    for block in blocks.iter_mut().take(12) {
        if is_aside(block) && block.role != Role::Boilerplate {
            continue;
        }
        if BARE_SPONSORED.is_match(block.text.trim()) {
            label(block, DisclaimerKind::Sponsored);
            continue;
        }
        if is_aside(block) {
            continue;
        }
        // Wording is only looked for in notice-sized blocks.
        let short = super::count_words(&block.text, MAX_WORDS + 1) <= MAX_WORDS;
        match short.then(|| wording_kind(&block.text)).flatten() {
            Some(kind) => {
                label(block, kind);
            }
            _ if is_prose(block) => {
                prose_seen += 1;
                if prose_seen == 3 {
                    break;
                }
            }
            _ => {}
        }
    }
    // Tail zone: backwards until the last prose paragraph that is not a notice.
    for block in blocks.iter_mut().rev() {
        if is_aside(block) {
            continue;
        }
        let short = super::count_words(&block.text, MAX_WORDS + 1) <= MAX_WORDS;
        match short.then(|| wording_kind(&block.text)).flatten() {
            Some(kind) => {
                label(block, kind);
            }
            _ if is_prose(block) => break,
            _ => {}
        }
    }
    Ok(())
}
