//! The crate's one error type.

/// A boxed error returned by a [`Heuristic`](crate::Heuristic).
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Everything that can go wrong while building an extractor or extracting.
///
/// Messages say what was wrong with the input or the configuration, so they
/// can be shown to a person as they are. Non-fatal events (a fallback taken,
/// a limit that truncated content) are not errors: they are reported in
/// [`Report`](crate::Report).
#[non_exhaustive]
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input was empty or only whitespace.
    #[error("input is empty")]
    EmptyInput,
    /// The input is larger than [`Limits::max_input_bytes`](crate::Limits::max_input_bytes),
    /// or decodes to more than 4 GiB of text (the most the parser holds).
    #[error("input is {bytes} bytes; the limit is {limit} bytes")]
    InputTooLarge {
        /// Size of the input in bytes (of the decoded text for the 4 GiB cap).
        bytes: usize,
        /// The configured limit (or the 4 GiB cap).
        limit: usize,
    },
    /// The HTML page would parse (by the count kept while parsing) or did
    /// parse into more DOM nodes than
    /// [`Limits::max_nodes`](crate::Limits::max_nodes) allows.
    #[error("page has {nodes} DOM nodes; the limit is {limit}")]
    TooManyNodes {
        /// Nodes in the parsed page, or at least that many by the count
        /// kept while parsing (which stops building at the limit).
        nodes: usize,
        /// The configured limit.
        limit: usize,
    },
    /// The input looks like binary data, not a page or a text.
    #[error("input is not text: {reason}")]
    NotText {
        /// What gave it away, e.g. "12% of the first 4096 bytes are control characters".
        reason: String,
    },
    /// A heuristic named in the builder does not exist.
    #[error("unknown heuristic `{0}`")]
    UnknownHeuristic(String),
    /// Two heuristics with the same name were added.
    #[error("heuristic `{0}` is registered twice; use `replace` to swap one out")]
    DuplicateHeuristic(String),
    /// A site rules file could not be loaded
    /// ([`SiteRules::from_json`](crate::SiteRules::from_json)).
    #[error("invalid site rules: {reason}")]
    SiteRules {
        /// What is wrong and where, e.g. "sites\[1\] (example.com): `remove`
        /// selector `div[` is not valid CSS: ...".
        reason: String,
    },
    /// A heuristic returned an error.
    #[error("heuristic `{name}` failed: {source}")]
    Heuristic {
        /// The heuristic's name.
        name: &'static str,
        /// What it reported.
        #[source]
        source: BoxError,
    },
}

/// `Result` with [`Error`] as the default error type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_problem() {
        let e = Error::InputTooLarge {
            bytes: 10,
            limit: 5,
        };
        assert_eq!(e.to_string(), "input is 10 bytes; the limit is 5 bytes");
        assert_eq!(
            Error::UnknownHeuristic("x.y".into()).to_string(),
            "unknown heuristic `x.y`"
        );
        let e = Error::TooManyNodes {
            nodes: 12,
            limit: 10,
        };
        assert_eq!(e.to_string(), "page has 12 DOM nodes; the limit is 10");
    }
}
