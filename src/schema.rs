//! The JSON Schema of [`Article`](crate::Article) (feature `schema`).

/// The JSON Schema (draft 2020-12) of the [`Article`](crate::Article) JSON
/// shape, with the model's docs as descriptions.
///
/// The repository keeps a copy in `schema/article.schema.json`; a test fails
/// when the two differ. The CLI prints it with `copydesk schema`.
///
/// Available with the `schema` feature (on by default through `cli`).
///
/// # Examples
///
/// ```
/// let schema = copydesk::schema();
/// assert_eq!(schema["title"], "Article");
/// assert!(schema["properties"]["sections"].is_object());
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "schema")))]
pub fn schema() -> serde_json::Value {
    schemars::schema_for!(crate::model::Article).to_value()
}

#[cfg(test)]
mod tests {
    #[test]
    fn blocks_are_tagged_by_kind() {
        let text = super::schema().to_string();
        for kind in [
            "paragraph",
            "quote",
            "list",
            "figure",
            "table",
            "code",
            "heading",
        ] {
            assert!(text.contains(&format!("\"const\":\"{kind}\"")), "{kind}");
        }
    }
}
