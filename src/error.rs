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
    /// A heuristic's name is not `stage.kebab-name` for the stage it runs
    /// in (reported by [`ExtractorBuilder::build`](crate::ExtractorBuilder::build)).
    #[error("heuristic name `{name}` is not `{stage}.kebab-name`: {reason}")]
    InvalidHeuristicName {
        /// The name as given.
        name: String,
        /// The stage the heuristic runs in (its name must start with it).
        stage: &'static str,
        /// What is wrong, e.g. "`Drop_Ads` has characters other than a-z, 0-9 and `-`".
        reason: String,
    },
    /// [`run_before`](crate::ExtractorBuilder::run_before) was asked to order
    /// two heuristics of different stages (stages always run in
    /// [`Stage`](crate::Stage) order, so the call could not do anything).
    #[error(
        "cannot run `{name}` ({stage} stage) before `{before}` ({before_stage} stage): \
         run_before orders heuristics within one stage"
    )]
    RunBeforeAcrossStages {
        /// The heuristic to move.
        name: String,
        /// Its stage.
        stage: &'static str,
        /// The heuristic it was to run before.
        before: String,
        /// That heuristic's stage.
        before_stage: &'static str,
    },
    /// The charset given with [`Input::charset`](crate::Input::charset) is
    /// not a known encoding label.
    #[error(
        "unknown charset `{0}` (expected an encoding label such as utf-8, windows-1252 or shift_jis)"
    )]
    UnknownCharset(String),
    /// A CSS selector given to [`Page::select`](crate::Page::select) is not valid.
    #[error("`{selector}` is not a valid CSS selector: {reason}")]
    InvalidSelector {
        /// The selector as given.
        selector: String,
        /// What the selector parser said.
        reason: String,
    },
    /// A heuristic took a [`PageDecision`](crate::PageDecision) that cannot
    /// be carried out ([`Draft::decide`](crate::Draft::decide)).
    #[error("page decision refused: {reason}")]
    InvalidDecision {
        /// Why, e.g. "MainContent(..) is taken in the score stage, not the clean stage".
        reason: String,
    },
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
