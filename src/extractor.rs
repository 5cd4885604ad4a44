//! The entry points: [`extract`], [`Extractor`] and its builder.

use std::sync::Arc;
use std::time::Instant;

use once_cell::sync::Lazy;

use crate::error::{Error, Result};
use crate::favor::Favor;
use crate::heuristic::{
    Context, Draft, DraftBlock, Heuristic, InputKind, MAX_SOURCE_BYTES, Report, Role, Shape, Stage,
};
use crate::input::{self, Data, Input, Kind};
use crate::limits::Limits;
use crate::model::Article;
use crate::page::view::NodeId;
use crate::report::{BodyCheck, KeptBox, MainContent, SectionSource};

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
    favor: Favor,
    with_comments: bool,
}

impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor")
            .field("heuristics", &self.heuristic_names())
            .field("limits", &self.limits)
            .field("favor", &self.favor)
            .field("comments", &self.with_comments)
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
            favor: Favor::default(),
            with_comments: false,
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
    /// (byte input), [`Error::UnknownCharset`] (an [`Input::charset`] label
    /// that names no encoding), [`Error::TooManyNodes`] (HTML over
    /// [`Limits::max_nodes`]), or [`Error::Heuristic`] when a heuristic fails.
    pub fn extract<'a>(&self, input: impl Into<Input<'a>>) -> Result<Article> {
        self.run(input.into(), false).map(|(article, _)| article)
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
    /// heuristics that ran, where each field came from, what the score stage
    /// chose and the fallbacks it took, where each section came from, and
    /// a low [`BodyCheck::confidence`](crate::BodyCheck::confidence) with a
    /// note when the body is empty or far smaller than the input's text.
    /// The article is the one [`extract`](Extractor::extract) returns.
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
        self.run(input.into(), true)
    }

    /// Runs the pipeline. With `explain`, the report also gets what only a
    /// reader of the report needs (element paths, section sources, the
    /// body check), which [`extract`](Extractor::extract) skips.
    fn run(&self, input: Input<'_>, explain: bool) -> Result<(Article, Report)> {
        if let Some(label) = input.charset {
            input::check_charset(label)?;
        }
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
            favor: self.favor,
            comments: self.with_comments,
        };
        let mut parsed = false;
        let mut explainer = Explainer::default();
        for h in &self.heuristics {
            if explain && h.stage() > Stage::Score {
                explainer.main_content(&mut draft);
            }
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
                    if explain {
                        explainer.page_chars = Some(crate::page::shown_chars(&dom));
                    }
                    draft.dom = Some(dom);
                }
            }
            draft.report.ran.push(h.name());
            draft.stage = h.stage();
            let start = Instant::now();
            let watch = (explain && h.stage() == Stage::Score).then(|| explainer.before(&draft));
            h.apply(&mut draft, &cx)
                .map_err(|source| Error::Heuristic {
                    name: h.name(),
                    source,
                })?;
            draft.report.timings.push((h.name(), start.elapsed()));
            if let Some(before) = watch {
                explainer.after(&draft, h.name(), before);
            }
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
        if self.with_comments {
            crate::html::settle_comments(&mut draft);
        }
        if explain {
            explainer.main_content(&mut draft);
            explainer.finish(&mut draft);
        }
        draft.dom = None;
        Ok(draft.finish())
    }
}

/// What [`Extractor::extract_with_report`] gathers as the pipeline runs,
/// for the report's [`MainContent`], [`SectionSource`]s and [`BodyCheck`].
#[derive(Default)]
struct Explainer {
    /// Shown characters of the parsed page.
    page_chars: Option<usize>,
    /// The score-stage heuristic that last changed the main content.
    chosen_by: Option<&'static str>,
    /// Notes made by score-stage heuristics.
    reasons: Vec<String>,
    /// The main content was put in the report.
    reported: bool,
}

impl Explainer {
    /// The main content and note count before a score heuristic runs.
    fn before(&self, draft: &Draft) -> (Vec<NodeId>, usize) {
        let roots = draft
            .page()
            .map(|p| p.main_content().iter().map(|e| e.id()).collect())
            .unwrap_or_default();
        (roots, draft.report.notes.len())
    }

    /// After a score heuristic: who changed the choice, what it said.
    fn after(&mut self, draft: &Draft, name: &'static str, before: (Vec<NodeId>, usize)) {
        let (roots, notes) = before;
        if self.before(draft).0 != roots {
            self.chosen_by = Some(name);
        }
        self.reasons
            .extend(draft.report.notes.iter().skip(notes).cloned());
    }

    /// Puts the score stage's choice in the report, once, before the page
    /// is segmented (HTML only).
    fn main_content(&mut self, draft: &mut Draft) {
        if self.reported {
            return;
        }
        self.reported = true;
        let Some(page) = draft.page() else {
            return;
        };
        // The score stage's decision, as Segment will read it.
        let decision = page.decision();
        let content = MainContent {
            chosen_by: self.chosen_by,
            roots: page.main_content().iter().map(|e| e.path()).collect(),
            fallbacks: decision.fallbacks(),
            boxes: page
                .boxes()
                .into_iter()
                .map(|(e, kind)| KeptBox {
                    kind,
                    path: e.path(),
                })
                .collect(),
            reasons: std::mem::take(&mut self.reasons),
        };
        draft.report.main_content = Some(content);
    }

    /// Section sources, the lede's provenance and the body check.
    fn finish(&mut self, draft: &mut Draft) {
        let sections = section_sources(draft.blocks(), &draft.article);
        draft.report.sections = sections;
        if let Some((by, confidence, source)) = lede_source(draft) {
            draft.record("lede", by, source, confidence);
        }
        let page_chars = self
            .page_chars
            .unwrap_or_else(|| crate::report::text_chars(draft.source()));
        let body_chars = crate::report::text_chars(&draft.article.text);
        let (check, note) = BodyCheck::new(body_chars, page_chars);
        draft.report.body = check;
        if let Some(note) = note {
            draft.note(note);
        }
    }
}

/// Where each section of `article` came from: its subheading block is
/// found among the labelled blocks by its text, and the body blocks up to
/// the next section's subheading are its blocks.
fn section_sources(blocks: &[DraftBlock], article: &Article) -> Vec<SectionSource> {
    // The block index of each section's subheading, searched in order.
    let mut cursor = 0;
    let starts: Vec<Option<usize>> = article
        .sections
        .iter()
        .map(|s| {
            let heading = s.heading.as_deref()?;
            let found = blocks[cursor..]
                .iter()
                .position(|b| b.role == Role::Heading && b.text == heading)
                .map(|i| cursor + i);
            if let Some(i) = found {
                cursor = i + 1;
            }
            found
        })
        .collect();
    let mut out = Vec::with_capacity(starts.len());
    for (k, start) in starts.iter().enumerate() {
        let from = start.map_or(0, |i| i + 1);
        let to = starts[k + 1..]
            .iter()
            .find_map(|s| *s)
            .unwrap_or(blocks.len());
        let body: Vec<&DraftBlock> = blocks[from.min(to)..to]
            .iter()
            .filter(|b| b.role.is_body())
            .collect();
        let mut roles_by: Vec<(&'static str, usize)> = Vec::new();
        for b in &body {
            let by = b.decided_by.unwrap_or("(none)");
            match roles_by.iter_mut().find(|(n, _)| *n == by) {
                Some((_, count)) => *count += 1,
                None => roles_by.push((by, 1)),
            }
        }
        roles_by.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let mut containers: Vec<String> = Vec::new();
        for b in &body {
            let c = &b.hints.container;
            if !c.is_empty() && containers.len() < 3 && !containers.contains(c) {
                containers.push(c.clone());
            }
        }
        let spans = body.iter().map(|b| &b.span).filter(|s| !s.is_empty());
        let span = spans.fold(None, |acc: Option<std::ops::Range<usize>>, s| {
            Some(match acc {
                Some(a) => a.start.min(s.start)..a.end.max(s.end),
                None => s.clone(),
            })
        });
        let heading = start.and_then(|i| blocks.get(i));
        out.push(SectionSource {
            heading_by: heading.and_then(|b| b.decided_by),
            heading_confidence: heading.map_or(0.0, |b| b.confidence),
            blocks: body.len(),
            roles_by,
            containers,
            span,
        });
    }
    out
}

/// Who set the lede and from what: the first body paragraph, which
/// `assemble.lede-and-text` takes, and the block it was.
fn lede_source(draft: &Draft) -> Option<(&'static str, f32, String)> {
    const LEDE: &str = crate::assemble::LEDE_AND_TEXT;
    let lede = draft.article.lede.as_deref()?;
    if draft.report.provenance_of("lede").is_some() || !draft.report.ran.contains(&LEDE) {
        return None;
    }
    let block = draft
        .blocks()
        .iter()
        .find(|b| b.role.is_body() && matches!(b.shape, Shape::Paragraph) && b.text == lede);
    let Some(block) = block else {
        return Some((LEDE, 0.5, "first body paragraph".to_owned()));
    };
    let mut source = String::from("first body paragraph");
    if let Some(by) = block.decided_by {
        source.push_str(&format!(", labelled {:?} by {by}", block.role));
    }
    if !block.hints.container.is_empty() {
        source.push_str(&format!(", in `{}`", block.hints.container));
    }
    if !block.span.is_empty() {
        source.push_str(&format!(", bytes {:?}", block.span));
    }
    let confidence = if block.decided_by.is_some() {
        block.confidence
    } else {
        0.5
    };
    Some((LEDE, confidence, source))
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
    favor: Favor,
    with_comments: bool,
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
            .field("favor", &self.favor)
            .field("comments", &self.with_comments)
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

    /// Moves the heuristic called `name` to run just before `before`. Both
    /// must run in the same stage: stages always run in [`Stage`] order, so
    /// ordering across stages is a mistake that
    /// [`build`](ExtractorBuilder::build) reports as
    /// [`Error::RunBeforeAcrossStages`].
    ///
    /// # Examples
    ///
    /// ```
    /// use copydesk::{Error, Extractor};
    /// let ok = Extractor::builder()
    ///     .run_before("label.disclaimers", "label.boilerplate")
    ///     .build()?;
    /// let names = ok.heuristic_names();
    /// let pos = |n: &str| names.iter().position(|x| *x == n);
    /// assert!(pos("label.disclaimers") < pos("label.boilerplate"));
    ///
    /// let err = Extractor::builder()
    ///     .run_before("label.disclaimers", "clean.boilerplate")
    ///     .build()
    ///     .unwrap_err();
    /// assert!(matches!(err, Error::RunBeforeAcrossStages { .. }));
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    pub fn run_before(mut self, name: &str, before: &str) -> Self {
        match (self.position(name), self.position(before)) {
            (Some(i), Some(j)) if self.heuristics[i].stage() != self.heuristics[j].stage() => {
                let stage = self.heuristics[i].stage().as_str();
                let before_stage = self.heuristics[j].stage().as_str();
                self.fail(Error::RunBeforeAcrossStages {
                    name: name.to_owned(),
                    stage,
                    before: before.to_owned(),
                    before_stage,
                });
            }
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

    /// Sets how much borderline content is kept (default
    /// [`Favor::Balanced`]); see [`Favor`] for the rules each setting moves.
    pub fn favor(mut self, favor: Favor) -> Self {
        self.favor = favor;
        self
    }

    /// Asks for the page's comments or replies in [`Article::comments`]
    /// (default `false`: the field is `None` and absent from the JSON).
    /// A comment is never both in `comments` and in the body: on a forum
    /// thread or a Q&A page the replies are the content, so they stay in
    /// the body and are not repeated in `comments`. Apart from `Comment`
    /// microdata inside the story, which moves out of the body, the body is
    /// the one extracted without comments.
    ///
    /// # Examples
    ///
    /// ```
    /// let page = r#"<html><body><article><h1>Pond Notes</h1>
    ///   <p>The frogs came back to the pond this spring, after two dry years that left it half empty.</p>
    ///   <p>We counted forty of them on one warm evening, more than in any year since we began.</p>
    ///   </article>
    ///   <ol class="commentlist"><li class="comment"><cite class="fn">Ana</cite>
    ///   <p>Lovely to hear, ours are back too.</p><a class="comment-reply-link" href="/pond/?replytocom=1">Reply</a></li></ol>
    ///   </body></html>"#;
    /// let extractor = copydesk::Extractor::builder().comments(true).build()?;
    /// let article = extractor.extract(page)?;
    /// let comments = article.comments.expect("requested");
    /// assert_eq!(comments[0].author.as_deref(), Some("Ana"));
    /// assert_eq!(comments[0].text, "Lovely to hear, ours are back too.");
    /// assert!(!article.text.contains("Lovely to hear"));
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    pub fn comments(mut self, comments: bool) -> Self {
        self.with_comments = comments;
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
    /// The first mistake made on the builder: [`Error::UnknownHeuristic`],
    /// [`Error::DuplicateHeuristic`] or [`Error::RunBeforeAcrossStages`];
    /// else [`Error::InvalidHeuristicName`] for the first heuristic whose
    /// name is not `stage.kebab-name` of its own stage (`label.paywall-notice`
    /// for a [`Stage::Label`] heuristic).
    ///
    /// # Examples
    ///
    /// ```
    /// use copydesk::{Error, Extractor, Stage, heuristic_fn};
    /// let misnamed = heuristic_fn("clean.sponsor-lines", Stage::Label, |_draft, _cx| Ok(()));
    /// let err = Extractor::builder().add(misnamed).build().unwrap_err();
    /// assert!(matches!(err, Error::InvalidHeuristicName { .. }));
    /// assert_eq!(
    ///     err.to_string(),
    ///     "heuristic name `clean.sponsor-lines` is not `label.kebab-name`: \
    ///      it runs in the label stage, so it must start with `label.`"
    /// );
    /// ```
    pub fn build(self) -> Result<Extractor> {
        if let Some(e) = self.error {
            return Err(e);
        }
        for h in &self.heuristics {
            check_name(h.name(), h.stage())?;
        }
        let mut heuristics = self.heuristics;
        // Stable: keeps registration order within a stage.
        heuristics.sort_by_key(|h| h.stage());
        Ok(Extractor {
            heuristics,
            limits: self.limits,
            favor: self.favor,
            with_comments: self.with_comments,
        })
    }

    fn position(&self, name: &str) -> Option<usize> {
        self.heuristics.iter().position(|h| h.name() == name)
    }

    fn fail(&mut self, e: Error) {
        self.error.get_or_insert(e);
    }
}

/// Checks that `name` is `stage.kebab-name` for `stage`: the stage's name,
/// a dot, then lower-case ASCII letters and digits in words joined by single
/// hyphens.
fn check_name(name: &str, stage: Stage) -> Result<()> {
    let invalid = |reason: String| Error::InvalidHeuristicName {
        name: name.to_owned(),
        stage: stage.as_str(),
        reason,
    };
    let Some(rest) = name
        .strip_prefix(stage.as_str())
        .and_then(|r| r.strip_prefix('.'))
    else {
        return Err(invalid(format!(
            "it runs in the {stage} stage, so it must start with `{stage}.`"
        )));
    };
    if rest.is_empty() {
        return Err(invalid(format!("nothing follows `{stage}.`")));
    }
    if let Some(c) = rest
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        return Err(invalid(format!(
            "`{c}` after `{stage}.`: use only a-z, 0-9 and `-`"
        )));
    }
    if rest.split('-').any(str::is_empty) {
        return Err(invalid(
            "the words after the stage are joined by single hyphens, with none at either end"
                .to_owned(),
        ));
    }
    Ok(())
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
