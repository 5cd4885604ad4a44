//! The entry points: [`extract`], [`Extractor`] and its builder.

use std::sync::Arc;
use std::time::Instant;

use once_cell::sync::Lazy;

use crate::error::{Error, Result};
use crate::heuristic::{Context, Draft, Heuristic, InputKind, MAX_SOURCE_BYTES, Report, Stage};
use crate::input::{self, Data, Input, Kind};
use crate::limits::Limits;
use crate::model::Article;

static DEFAULT: Lazy<Extractor> = Lazy::new(Extractor::default);

/// Extracts an [`Article`] from an HTML page or a plain-text dump with the
/// default pipeline. HTML vs text is detected from the content.
///
/// # Examples
///
/// ```
/// let article = copydesk::extract("Storm Closes Schools\n\n\
///     All schools in the district will stay closed on Friday, officials said.")?;
/// assert_eq!(article.headline.as_deref(), Some("Storm Closes Schools"));
/// # Ok::<(), copydesk::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::EmptyInput`] for blank input, [`Error::InputTooLarge`] or
/// [`Error::TooManyNodes`] over the default [`Limits`].
pub fn extract(input: &str) -> Result<Article> {
    DEFAULT.extract(input)
}

/// Extracts an [`Article`] from raw bytes with the default pipeline,
/// decoding them by byte-order mark, `<meta charset>`, then detection.
///
/// # Examples
///
/// ```
/// // "café" in Windows-1252, declared in the page.
/// let page = b"<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 Opens</title></head>\
///     <body><article><p>The caf\xe9 on Main Street opened its doors on Monday morning.</p></article></body></html>";
/// let article = copydesk::extract_bytes(page)?;
/// assert!(article.text.contains("café"));
/// # Ok::<(), copydesk::Error>(())
/// ```
///
/// # Errors
///
/// As [`extract`], plus [`Error::NotText`] for binary data.
pub fn extract_bytes(input: &[u8]) -> Result<Article> {
    DEFAULT.extract(Input::bytes(input))
}

/// A configured, reusable extraction pipeline.
///
/// `Extractor` is `Send + Sync`: build it once and share it between threads.
///
/// # Examples
///
/// ```
/// use copydesk::{Extractor, Input, Kind};
/// let extractor = Extractor::builder()
///     .disable("label.disclaimers")
///     .build()?;
/// let article = extractor.extract(Input::new("Title Line Here\n\nSome body text for the story.").kind(Kind::Text))?;
/// assert_eq!(article.headline.as_deref(), Some("Title Line Here"));
/// # Ok::<(), copydesk::Error>(())
/// ```
#[derive(Clone)]
pub struct Extractor {
    heuristics: Vec<Arc<dyn Heuristic>>,
    limits: Limits,
}

impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor")
            .field("heuristics", &self.heuristic_names())
            .field("limits", &self.limits)
            .finish()
    }
}

impl Default for Extractor {
    /// The default pipeline with default [`Limits`].
    fn default() -> Self {
        Extractor::builder()
            .build()
            .expect("the default pipeline is valid")
    }
}

impl Extractor {
    /// A builder starting from the default heuristics and limits.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder {
            heuristics: default_heuristics(),
            limits: Limits::default(),
            error: None,
        }
    }

    /// The names of the heuristics, in run order.
    pub fn heuristic_names(&self) -> Vec<&'static str> {
        self.heuristics.iter().map(|h| h.name()).collect()
    }

    /// The limits in force.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Extracts an [`Article`].
    ///
    /// # Errors
    ///
    /// [`Error::EmptyInput`], [`Error::InputTooLarge`], [`Error::NotText`]
    /// (byte input), [`Error::TooManyNodes`] (HTML over
    /// [`Limits::max_nodes`]), or [`Error::Heuristic`] when a heuristic fails.
    pub fn extract<'a>(&self, input: impl Into<Input<'a>>) -> Result<Article> {
        self.extract_with_report(input).map(|(article, _)| article)
    }

    /// Extracts an [`Article`] from raw bytes; see [`extract_bytes`].
    ///
    /// # Errors
    ///
    /// As [`Extractor::extract`].
    pub fn extract_bytes(&self, bytes: &[u8]) -> Result<Article> {
        self.extract(Input::bytes(bytes))
    }

    /// Extracts an [`Article`] and a [`Report`] of what happened: the
    /// heuristics that ran, where each field came from, fallbacks taken.
    ///
    /// # Examples
    ///
    /// ```
    /// let extractor = copydesk::Extractor::default();
    /// let (article, report) = extractor.extract_with_report("Rain Expected Today\n\nIt will rain all afternoon, forecasters said.")?;
    /// assert!(article.headline.is_some());
    /// assert!(report.provenance_of("headline").is_some());
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Extractor::extract`].
    pub fn extract_with_report<'a>(
        &self,
        input: impl Into<Input<'a>>,
    ) -> Result<(Article, Report)> {
        let input = input.into();
        let bytes = input.len();
        if bytes > self.limits.max_input_bytes {
            return Err(Error::InputTooLarge {
                bytes,
                limit: self.limits.max_input_bytes,
            });
        }
        let decoded;
        let source: &str = match input.data {
            Data::Str(s) => s,
            Data::Bytes(b) => {
                decoded = input::decode(b, input.charset)?;
                &decoded
            }
        };
        // Decoding can grow the text; the parser's buffers stop at 4 GiB.
        if source.len() > MAX_SOURCE_BYTES {
            return Err(Error::InputTooLarge {
                bytes: source.len(),
                limit: MAX_SOURCE_BYTES,
            });
        }
        if source.trim().is_empty() {
            return Err(Error::EmptyInput);
        }
        let kind = match input.kind {
            Kind::Html => InputKind::Html,
            Kind::Text => InputKind::Text,
            _ => {
                if input::looks_like_html(source) {
                    InputKind::Html
                } else {
                    InputKind::Text
                }
            }
        };
        // The one copy of the input: the HTML parser reads the same buffer.
        let mut draft =
            Draft::with_source(kind, html5ever::tendril::StrTendril::from_slice(source));
        let cx = Context {
            url: input.url,
            limits: &self.limits,
        };
        let mut parsed = false;
        for h in &self.heuristics {
            if !parsed && h.stage() > Stage::Sniff {
                parsed = true;
                if draft.is_html() {
                    let start = Instant::now();
                    // Nesting and node count are bounded as the parser
                    // goes (its work grows with the square of the nesting).
                    let (dom, guard) =
                        crate::page::Dom::parse(draft.source_tendril().clone(), &self.limits);
                    if guard.over_nodes() {
                        return Err(Error::TooManyNodes {
                            nodes: guard.nodes,
                            limit: self.limits.max_nodes,
                        });
                    }
                    if guard.left_out > 0 {
                        draft.note(format!(
                            "{} tags nested deeper than {}, or formatting tags beyond {} open \
                             at once, were left out while parsing (max_nesting)",
                            guard.left_out,
                            self.limits.max_nesting,
                            crate::limits::MAX_OPEN_FORMATTING
                        ));
                    }
                    draft.report.timings.push(("parse", start.elapsed()));
                    // Checked before any heuristic walks the tree (O(1)).
                    let nodes = dom.html.tree.values().len();
                    if nodes > self.limits.max_nodes {
                        return Err(Error::TooManyNodes {
                            nodes,
                            limit: self.limits.max_nodes,
                        });
                    }
                    draft.dom = Some(dom);
                }
            }
            draft.report.ran.push(h.name());
            let start = Instant::now();
            h.apply(&mut draft, &cx)
                .map_err(|source| Error::Heuristic {
                    name: h.name(),
                    source,
                })?;
            draft.report.timings.push((h.name(), start.elapsed()));
            if h.stage() == Stage::Segment && draft.blocks().len() > self.limits.max_blocks {
                let limit = self.limits.max_blocks;
                draft.blocks_mut().truncate(limit);
                draft.note(format!(
                    "blocks after the first {limit} were dropped (max_blocks)"
                ));
            }
        }
        if draft.article.url.is_none() {
            draft.article.url = input.url.map(str::to_owned);
        }
        draft.dom = None;
        Ok(draft.finish())
    }
}

/// Builds an [`Extractor`]: start from the defaults, then add, replace or
/// disable heuristics by name and set [`Limits`].
///
/// Mistakes (an unknown name, a duplicate) are reported by
/// [`build`](ExtractorBuilder::build), never by a panic.
#[must_use]
pub struct ExtractorBuilder {
    heuristics: Vec<Arc<dyn Heuristic>>,
    limits: Limits,
    error: Option<Error>,
}

impl std::fmt::Debug for ExtractorBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExtractorBuilder")
            .field(
                "heuristics",
                &self.heuristics.iter().map(|h| h.name()).collect::<Vec<_>>(),
            )
            .field("limits", &self.limits)
            .finish()
    }
}

impl ExtractorBuilder {
    /// Adds a heuristic; it runs in its stage after the ones already there.
    #[allow(clippy::should_implement_trait)]
    pub fn add(mut self, heuristic: impl Heuristic + 'static) -> Self {
        if self.position(heuristic.name()).is_some() {
            self.fail(Error::DuplicateHeuristic(heuristic.name().to_owned()));
        } else {
            self.heuristics.push(Arc::new(heuristic));
        }
        self
    }

    /// Replaces the heuristic called `name` with another, in the same place
    /// when the stages match (else at the end of the new one's stage).
    pub fn replace(mut self, name: &str, heuristic: impl Heuristic + 'static) -> Self {
        match self.position(name) {
            Some(i) => self.heuristics[i] = Arc::new(heuristic),
            None => self.fail(Error::UnknownHeuristic(name.to_owned())),
        }
        self
    }

    /// Removes the heuristic called `name`.
    pub fn disable(mut self, name: &str) -> Self {
        match self.position(name) {
            Some(i) => {
                self.heuristics.remove(i);
            }
            None => self.fail(Error::UnknownHeuristic(name.to_owned())),
        }
        self
    }

    /// Moves the heuristic called `name` to run just before `before` (both
    /// must be in the same stage for this to change anything).
    pub fn run_before(mut self, name: &str, before: &str) -> Self {
        match (self.position(name), self.position(before)) {
            (Some(i), Some(_)) => {
                let h = self.heuristics.remove(i);
                let j = self.position(before).unwrap_or(self.heuristics.len());
                self.heuristics.insert(j, h);
            }
            (None, _) => self.fail(Error::UnknownHeuristic(name.to_owned())),
            (_, None) => self.fail(Error::UnknownHeuristic(before.to_owned())),
        }
        self
    }

    /// Sets all limits.
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Sets [`Limits::max_input_bytes`].
    pub fn max_input_bytes(mut self, bytes: usize) -> Self {
        self.limits.max_input_bytes = bytes;
        self
    }

    /// Builds the extractor.
    ///
    /// # Errors
    ///
    /// The first mistake made on the builder: [`Error::UnknownHeuristic`]
    /// or [`Error::DuplicateHeuristic`].
    pub fn build(self) -> Result<Extractor> {
        if let Some(e) = self.error {
            return Err(e);
        }
        let mut heuristics = self.heuristics;
        // Stable: keeps registration order within a stage.
        heuristics.sort_by_key(|h| h.stage());
        Ok(Extractor {
            heuristics,
            limits: self.limits,
        })
    }

    fn position(&self, name: &str) -> Option<usize> {
        self.heuristics.iter().position(|h| h.name() == name)
    }

    fn fail(&mut self, e: Error) {
        self.error.get_or_insert(e);
    }
}

/// The built-in heuristics, in run order within each stage.
fn default_heuristics() -> Vec<Arc<dyn Heuristic>> {
    let mut all: Vec<Arc<dyn Heuristic>> = Vec::new();
    all.extend(crate::metadata::heuristics());
    all.extend(crate::html::heuristics());
    all.extend(crate::text::heuristics());
    all.extend(crate::label::heuristics());
    all.extend(crate::assemble::heuristics());
    all
}

/// Name, stage and one-line description of every built-in heuristic, in
/// run order. The crate docs' heuristics table is checked against it.
pub fn builtin_heuristics() -> Vec<(&'static str, Stage, &'static str)> {
    let mut all = default_heuristics();
    all.sort_by_key(|h| h.stage());
    all.iter()
        .map(|h| (h.name(), h.stage(), h.description()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capped_formatting_is_reported_and_text_kept() {
        let mut page = String::from("<html><body><article><p>");
        for i in 0..20 {
            page.push_str(&format!("<b id=b{i}>"));
        }
        page.push_str("Bold start.</p>");
        page.push_str(&"<p>The council met on Tuesday and approved the budget.</p>".repeat(3));
        let (article, report) = Extractor::default()
            .extract_with_report(page.as_str())
            .expect("extracts");
        assert!(
            article.text.contains("approved the budget"),
            "{}",
            article.text
        );
        assert!(
            report.notes.iter().any(|n| n.contains("(max_nesting)")),
            "{:?}",
            report.notes
        );
    }

    #[test]
    fn extractor_is_send_sync() {
        fn check<T: Send + Sync>() {}
        check::<Extractor>();
    }

    #[test]
    fn builder_reports_unknown_names() {
        let err = Extractor::builder().disable("no.such").build().unwrap_err();
        assert_eq!(err.to_string(), "unknown heuristic `no.such`");
    }

    #[test]
    fn builtin_names_are_unique_and_prefixed_by_stage() {
        let names = builtin_heuristics();
        let mut seen = std::collections::HashSet::new();
        for (name, stage, description) in names {
            assert!(!description.is_empty(), "{name} has no description");
            assert!(seen.insert(name), "duplicate heuristic name {name}");
            assert!(
                name.starts_with(&format!("{stage}.")),
                "{name} should start with `{stage}.`"
            );
        }
    }

    #[test]
    fn empty_and_oversized_inputs_are_errors() {
        assert!(matches!(extract("  \n\t "), Err(Error::EmptyInput)));
        let small = Extractor::builder().max_input_bytes(4).build().unwrap();
        assert!(matches!(
            small.extract("hello"),
            Err(Error::InputTooLarge { bytes: 5, limit: 4 })
        ));
    }
}
