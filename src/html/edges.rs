//! Segment-stage edge trimming of the HTML body.

use crate::error::BoxError;
use crate::heuristic::{Context, Draft};

pub(crate) fn trim_edges(draft: &mut Draft, _cx: &Context<'_>) -> Result<(), BoxError> {
    if !draft.is_html() {
        return Ok(());
    }
    Ok(())
}
