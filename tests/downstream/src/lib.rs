//! A downstream crate: uses copydesk through its public API only, with
//! `default-features = false` (no CLI dependencies), as a library user would.
//! `cargo test --workspace` builds and tests it.

use copydesk::{Article, Error, Extractor, Input, Kind};

/// A helper a downstream crate might write: extract, then render as Markdown.
///
/// # Errors
/// Whatever copydesk reports for the input.
pub fn to_markdown(extractor: &Extractor, page: &[u8], url: &str) -> Result<String, Error> {
    let article: Article = extractor.extract(Input::bytes(page).kind(Kind::Auto).url(url))?;
    Ok(article.to_markdown())
}
