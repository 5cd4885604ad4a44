//! Renderers: [`Article::to_markdown`](crate::Article::to_markdown),
//! [`Article::to_html`](crate::Article::to_html) and
//! [`Article::to_text`](crate::Article::to_text). JSON is serde's job.
//!
//! Both render from [`sections`](crate::Article::sections), not from
//! [`text`](crate::Article::text), so an `Article` built or edited in code
//! renders as it is.

mod html;
mod inline;
mod markdown;
mod text;

use crate::model::DisclaimerKind;

/// "A", "A and B", "A, B and C": a byline's names as both renderers print them.
pub(super) fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The label both renderers put before a disclaimer's text.
pub(super) fn disclaimer_label(kind: DisclaimerKind) -> &'static str {
    match kind {
        DisclaimerKind::AiGenerated => "AI notice",
        DisclaimerKind::EditorsNote => "Editor's note",
        DisclaimerKind::Correction => "Correction",
        DisclaimerKind::Sponsored => "Sponsored",
        DisclaimerKind::Affiliate => "Affiliate disclosure",
        DisclaimerKind::Copyright => "Copyright",
        DisclaimerKind::Other => "Note",
    }
}
