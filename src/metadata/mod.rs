//! Metadata harvest for HTML pages.
//!
//! PLACEHOLDER: `<title>` only, until the full metadata stage lands.

use std::sync::Arc;

use once_cell::sync::Lazy;
use scraper::Selector;

use crate::error::BoxError;
use crate::heuristic::{Builtin, Context, Draft, Heuristic, Stage};

static TITLE: Lazy<Selector> = Lazy::new(|| Selector::parse("title").expect("TITLE"));

pub(crate) fn heuristics() -> Vec<Arc<dyn Heuristic>> {
    vec![Arc::new(Builtin {
        name: "metadata.title",
        stage: Stage::Metadata,
        description: "Takes the headline from the page's <title>.",
        run: title,
    })]
}

fn title(draft: &mut Draft, _cx: &Context<'_>) -> Result<(), BoxError> {
    let Some(dom) = draft.dom.as_ref() else {
        return Ok(());
    };
    let t = dom.html.select(&TITLE).next().map(|t| {
        t.text()
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    });
    if let Some(t) = t.filter(|t| !t.is_empty()) {
        draft.article.headline = Some(t);
        draft.record("headline", "metadata.title", "<title>", 0.5);
    }
    Ok(())
}

/// Parses a date in a news format into ISO 8601.
///
/// PLACEHOLDER: accepts ISO 8601 dates only.
pub(crate) fn parse_date(text: &str) -> Option<String> {
    let t = text.trim();
    let ok = t.len() >= 10
        && t.as_bytes()[..10].iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    ok.then(|| t[..10].to_owned())
}
