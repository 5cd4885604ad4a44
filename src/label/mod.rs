//! Label heuristics: give every block a [`Role`](crate::Role).
//!
//! PLACEHOLDER: the first short block is the headline, until the full label
//! stage lands.

use std::sync::Arc;

use crate::error::BoxError;
use crate::heuristic::{Builtin, Context, Draft, Heuristic, Role, Stage};

pub(crate) fn heuristics() -> Vec<Arc<dyn Heuristic>> {
    vec![Arc::new(Builtin {
        name: "label.headline",
        stage: Stage::Label,
        description: "Marks a short first line without closing punctuation as the headline (text input).",
        run: headline,
    })]
}

fn headline(draft: &mut Draft, _cx: &Context<'_>) -> Result<(), BoxError> {
    if draft.is_html() {
        return Ok(());
    }
    if let Some(first) = draft.blocks_mut().first_mut() {
        let words = first.word_count();
        if (1..=25).contains(&words) && !first.text.ends_with('.') {
            first.set_role(Role::Headline, "label.headline", 0.6);
        }
    }
    Ok(())
}
