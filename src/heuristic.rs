//! The layer every pipeline stage builds on: [`Heuristic`], [`Stage`],
//! [`Draft`] (the article being built) and [`DraftBlock`] (one block of the
//! intermediate representation, with its [`Role`]).
//!
//! Both inputs — HTML and plain text — are turned into one sequence of
//! [`DraftBlock`]s. Label heuristics give each block a [`Role`]; the assemble
//! stage turns labelled blocks into the [`Article`]. A heuristic that labels
//! blocks therefore works for HTML and text alike.

use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::{Mutex, PoisonError};

use once_cell::sync::Lazy;

use html5ever::tendril::StrTendril;

use crate::error::BoxError;
use crate::limits::Limits;
use crate::model::{Article, DisclaimerKind, Quote, QuoteKind, Span};
use crate::page::BoxKind;
use crate::page::view::{Page, PageDecision};
use crate::report::{BodyCheck, MainContent, SectionSource};

/// A pipeline stage. Variant order is run order.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// Look at the decoded input before parsing (kind detection, normalisation).
    Sniff,
    /// Harvest metadata (HTML: JSON-LD, Open Graph, meta tags, ...).
    Metadata,
    /// Remove boilerplate from the document (HTML only).
    Clean,
    /// Locate the main content (HTML only).
    Score,
    /// Turn the input into [`DraftBlock`]s.
    Segment,
    /// Give every block a [`Role`].
    Label,
    /// Build the [`Article`] from the labelled blocks.
    Assemble,
}

impl Stage {
    /// All stages in run order.
    pub const ALL: [Stage; 7] = [
        Stage::Sniff,
        Stage::Metadata,
        Stage::Clean,
        Stage::Score,
        Stage::Segment,
        Stage::Label,
        Stage::Assemble,
    ];

    /// The stage's lower-case name, the prefix of its heuristics' names.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Sniff => "sniff",
            Stage::Metadata => "metadata",
            Stage::Clean => "clean",
            Stage::Score => "score",
            Stage::Segment => "segment",
            Stage::Label => "label",
            Stage::Assemble => "assemble",
        }
    }
}

impl std::fmt::Display for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One named step of the pipeline.
///
/// Heuristics run in [`Stage`] order, and within a stage in the order they
/// were registered. Built-in heuristics check [`Draft::kind`] and do nothing
/// for inputs they do not apply to; yours may do the same.
///
/// # Examples
///
/// A heuristic that turns lines starting with `Sponsored:` into a sponsored
/// disclaimer:
///
/// ```
/// use copydesk::{Draft, Context, Heuristic, Role, Stage, DisclaimerKind, BoxError};
///
/// struct SponsoredLines;
/// impl Heuristic for SponsoredLines {
///     fn name(&self) -> &'static str { "label.sponsored-lines" }
///     fn stage(&self) -> Stage { Stage::Label }
///     fn apply(&self, draft: &mut Draft, _cx: &Context<'_>) -> Result<(), BoxError> {
///         for block in draft.blocks_mut() {
///             if block.text.starts_with("Sponsored:") {
///                 block.role = Role::Disclaimer(DisclaimerKind::Sponsored);
///             }
///         }
///         Ok(())
///     }
/// }
///
/// let extractor = copydesk::Extractor::builder().add(SponsoredLines).build()?;
/// let article = extractor.extract("Headline Here\n\nBody text of the story goes here.\n\nSponsored: paid for by Acme.")?;
/// assert_eq!(article.disclaimers[0].kind, DisclaimerKind::Sponsored);
/// # Ok::<(), copydesk::Error>(())
/// ```
pub trait Heuristic: Send + Sync {
    /// Stable id `stage.kebab-name`, starting with the name of
    /// [`stage`](Heuristic::stage) (checked by
    /// [`ExtractorBuilder::build`](crate::ExtractorBuilder::build)). It is
    /// public API: docs, `disable` and `--disable` use it. A name made at
    /// run time can be returned through [`intern_name`].
    fn name(&self) -> &'static str;
    /// The stage it runs in.
    fn stage(&self) -> Stage;
    /// One sentence on what it does, for docs and `copydesk heuristics`.
    fn description(&self) -> &'static str {
        ""
    }
    /// Does its work on the draft.
    ///
    /// # Errors
    /// An error aborts the extraction with [`Error::Heuristic`](crate::Error::Heuristic).
    fn apply(&self, draft: &mut Draft, cx: &Context<'_>) -> Result<(), BoxError>;
}

/// A heuristic made from a closure; see [`heuristic_fn`].
pub struct FnHeuristic<F> {
    name: &'static str,
    stage: Stage,
    f: F,
}

impl<F> Heuristic for FnHeuristic<F>
where
    F: Fn(&mut Draft, &Context<'_>) -> Result<(), BoxError> + Send + Sync,
{
    fn name(&self) -> &'static str {
        self.name
    }
    fn stage(&self) -> Stage {
        self.stage
    }
    fn apply(&self, draft: &mut Draft, cx: &Context<'_>) -> Result<(), BoxError> {
        (self.f)(draft, cx)
    }
}

/// Makes a [`Heuristic`] from a name, a stage and a closure.
///
/// # Examples
///
/// ```
/// use copydesk::{heuristic_fn, Stage};
/// let upper = heuristic_fn("assemble.shout-headline", Stage::Assemble, |draft, _cx| {
///     if let Some(h) = draft.article.headline.as_mut() {
///         *h = h.to_uppercase();
///     }
///     Ok(())
/// });
/// let extractor = copydesk::Extractor::builder().add(upper).build()?;
/// let article = extractor.extract("Quiet Headline\n\nA body paragraph that is long enough.")?;
/// assert_eq!(article.headline.as_deref(), Some("QUIET HEADLINE"));
/// # Ok::<(), copydesk::Error>(())
/// ```
///
/// The name may be made at run time (a `String`), e.g. one heuristic per
/// entry of a configuration file:
///
/// ```
/// use copydesk::{heuristic_fn, Extractor, Role, Stage};
/// let mut builder = Extractor::builder();
/// for word in ["podcast", "webinar"] {
///     let prefix = format!("{word}:");
///     builder = builder.add(heuristic_fn(format!("label.drop-{word}-lines"), Stage::Label, move |draft, _cx| {
///         for block in draft.blocks_mut() {
///             if block.text.to_lowercase().starts_with(&prefix) {
///                 block.role = Role::Boilerplate;
///             }
///         }
///         Ok(())
///     }));
/// }
/// let extractor = builder.build()?;
/// assert!(extractor.heuristic_names().contains(&"label.drop-webinar-lines"));
/// # Ok::<(), copydesk::Error>(())
/// ```
pub fn heuristic_fn<F>(name: impl Into<Cow<'static, str>>, stage: Stage, f: F) -> FnHeuristic<F>
where
    F: Fn(&mut Draft, &Context<'_>) -> Result<(), BoxError> + Send + Sync,
{
    FnHeuristic {
        name: intern_name(name),
        stage,
        f,
    }
}

/// A heuristic name made at run time, as the `&'static str` that
/// [`Heuristic::name`] returns.
///
/// Each distinct name is stored once for the life of the process (asking
/// again for a name already stored gives the same `&'static str` back and
/// stores nothing), so memory grows with the number of different names, not
/// with the number of extractors built. A `&'static str` is returned as it
/// is. [`heuristic_fn`] calls it for you.
///
/// # Examples
///
/// ```
/// use copydesk::{intern_name, BoxError, Context, Draft, Heuristic, Stage};
///
/// /// Drops blocks that start with a word from a list read at run time.
/// struct DropLines { name: &'static str, word: String }
///
/// impl Heuristic for DropLines {
///     fn name(&self) -> &'static str { self.name }
///     fn stage(&self) -> Stage { Stage::Label }
///     fn apply(&self, draft: &mut Draft, _cx: &Context<'_>) -> Result<(), BoxError> {
///         draft.blocks_mut().retain(|b| !b.text.starts_with(self.word.as_str()));
///         Ok(())
///     }
/// }
///
/// let word = String::from("Advertisement");
/// let name = intern_name(format!("label.drop-{}", word.to_lowercase()));
/// assert_eq!(name, "label.drop-advertisement");
/// assert!(std::ptr::eq(name, intern_name(name.to_owned())));
/// let extractor = copydesk::Extractor::builder().add(DropLines { name, word }).build()?;
/// # Ok::<(), copydesk::Error>(())
/// ```
pub fn intern_name(name: impl Into<Cow<'static, str>>) -> &'static str {
    static NAMES: Lazy<Mutex<HashSet<&'static str>>> = Lazy::new(Mutex::default);
    match name.into() {
        Cow::Borrowed(s) => s,
        Cow::Owned(s) => {
            // A poisoned lock still holds a valid set (inserts cannot panic
            // half-way through), so keep using it.
            let mut names = NAMES.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some(&stored) = names.get(s.as_str()) {
                return stored;
            }
            let stored: &'static str = Box::leak(s.into_boxed_str());
            names.insert(stored);
            stored
        }
    }
}

/// What a heuristic may read about the call it runs in.
#[non_exhaustive]
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The URL the caller gave with the input, if any.
    pub url: Option<&'a str>,
    /// The extractor's limits.
    pub limits: &'a Limits,
    /// How much borderline content to keep ([`ExtractorBuilder::favor`](crate::ExtractorBuilder::favor)).
    pub favor: crate::favor::Favor,
    /// Whether the caller asked for [`Article::comments`](crate::Article::comments)
    /// ([`ExtractorBuilder::comments`](crate::ExtractorBuilder::comments)).
    pub comments: bool,
}

/// The kind of input being extracted, after detection.
///
/// Not the same as [`Kind`](crate::Kind), which is what the caller asked
/// for and may be [`Kind::Auto`](crate::Kind::Auto): an `InputKind` is the
/// answer (an [`Auto`](crate::Kind::Auto) input becomes `Html` or `Text`).
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InputKind {
    /// An HTML page.
    Html,
    /// A plain-text dump of an article.
    Text,
}

/// The part a block plays in the article.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Role {
    /// Not decided yet; assembled as body content.
    #[default]
    Unknown,
    /// The headline.
    Headline,
    /// The dek (subtitle, standfirst).
    Dek,
    /// An author line ("By Jane Doe").
    Byline,
    /// A date or dateline line ("Published Dec. 12, 2025").
    Dateline,
    /// A subheading inside the body.
    Heading,
    /// A body paragraph (or other body block: its [`Shape`] says which).
    Paragraph,
    /// A list item in the body.
    ListItem,
    /// A quote set apart from the prose.
    Quote(QuoteKind),
    /// A figure caption or image credit.
    Caption,
    /// A notice about the piece.
    Disclaimer(DisclaimerKind),
    /// The header of a related-articles list ("Related Articles").
    RelatedHeader,
    /// One teaser of a related-articles list.
    RelatedItem,
    /// Site chrome, ads, share prompts: dropped.
    Boilerplate,
}

impl Role {
    /// True for roles whose blocks go into [`Article::sections`].
    pub fn is_body(self) -> bool {
        matches!(
            self,
            Role::Unknown
                | Role::Heading
                | Role::Paragraph
                | Role::ListItem
                | Role::Quote(_)
                | Role::Caption
        )
    }
}

/// What the source says a block is, independent of its role.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Shape {
    /// A paragraph or a line of text.
    #[default]
    Paragraph,
    /// A heading (`h2`, `## …`) of the given level.
    Heading {
        /// 1 for `h1`, 2 for `h2`, ...
        level: u8,
    },
    /// One item of a list. Consecutive items with the same `list` id form one list.
    ListItem {
        /// Numbered list.
        ordered: bool,
        /// Identifies the list the item belongs to.
        list: u32,
    },
    /// A block quotation (`<blockquote>`, `>` lines).
    Quote,
    /// An image or figure; the block's text is its caption.
    Figure {
        /// Image URL.
        src: Option<String>,
        /// Alternative text.
        alt: Option<String>,
    },
    /// A table; the block's text is the cells, tab- and line-separated.
    Table {
        /// Rows of cell texts.
        rows: Vec<Vec<String>>,
    },
    /// Preformatted text or code.
    Code {
        /// Language hint.
        language: Option<String>,
    },
}

/// Evidence about a block from its source (mostly from HTML).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Hints {
    /// Share of the block's text inside links, 0.0–1.0.
    pub link_density: f32,
    /// The link target when the block is essentially one link.
    pub href: Option<String>,
    /// Lower-cased class/id/role tokens of the block and its containers,
    /// space-separated (e.g. `"related-links card"`).
    pub container: String,
    /// The whole block is emphasised (`<em>`, `<i>`, `<small>`, `*…*`).
    pub emphasized: bool,
    /// The block came from outside the main content (a box next to it that
    /// was kept as a candidate for related links or disclaimers).
    pub outside_main: bool,
    /// The block starts with a link and goes on after it: the byte length
    /// of the link's text at the start of the block's text, and its target
    /// (a teaser's headline before its summary).
    pub(crate) lead_link: Option<(usize, String)>,
    /// HTML: the block sat in a kept related-links, notice, pull-quote or
    /// caption box ([`BoxKind`]); the segment stage records it,
    /// `label.html-boxes` gives the block its role from it
    /// ([`DraftBlock::box_role`]).
    pub(crate) boxed: Option<BoxKind>,
}

/// One block of the intermediate representation.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DraftBlock {
    /// What the source says the block is.
    pub shape: Shape,
    /// The block's text, whitespace-normalised (list items without bullets).
    pub text: String,
    /// The part it plays; set by label heuristics.
    pub role: Role,
    /// For quotes: the speaker or label.
    pub attribution: Option<String>,
    /// How sure the heuristic that set [`role`](DraftBlock::role) was, 0.0–1.0.
    pub confidence: f32,
    /// The heuristic that set the role.
    pub decided_by: Option<&'static str>,
    /// Byte range in the decoded input (text input); empty when unknown.
    pub span: Range<usize>,
    /// Evidence from the source.
    pub hints: Hints,
    /// Inline quotes found in the block's text.
    pub quotes: Vec<Quote>,
    /// Inline spans of [`text`](DraftBlock::text) (character offsets), as
    /// segmentation found them; read with [`DraftBlock::spans`].
    pub(crate) spans: Vec<Span>,
    /// `text.len()` when the spans were set: a heuristic that rewrites the
    /// text leaves them stale, and they are no longer given out.
    pub(crate) spans_len: usize,
}

impl DraftBlock {
    /// A block of the given shape and text, role [`Role::Unknown`].
    pub fn new(shape: Shape, text: impl Into<String>) -> Self {
        DraftBlock {
            shape,
            text: text.into(),
            ..Default::default()
        }
    }

    /// Sets the role, recording who decided and how sure it was.
    pub fn set_role(&mut self, role: Role, by: &'static str, confidence: f32) {
        self.role = role;
        self.decided_by = Some(by);
        self.confidence = confidence;
    }

    /// The block's inline spans: links, emphasis, strong, code and line
    /// breaks, with character offsets into [`text`](DraftBlock::text).
    /// Empty when the source had none, or when a heuristic has rewritten
    /// the text since they were found.
    pub fn spans(&self) -> &[Span] {
        if self.text.len() == self.spans_len {
            &self.spans
        } else {
            &[]
        }
    }

    /// Sets the inline spans of the current text.
    pub(crate) fn set_spans(&mut self, spans: Vec<Span>) {
        self.spans_len = self.text.len();
        self.spans = spans;
    }

    /// Number of whitespace-separated words in the text.
    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }

    /// The role a block of a kept box ([`Hints::boxed`]) is given by
    /// `label.html-boxes`; `None` for other blocks. In a related box, a
    /// block that is a link is an item (a card's linked title too, heading
    /// or not), a heading or a short line that is not a link (six words at
    /// most, under half of it in links) is the list's header, the rest is
    /// boilerplate; in a notice box, every block is a notice of the
    /// kind its wording says
    /// ([`box_kind`](crate::grammar::notices::box_kind)). A pull-quote box's
    /// block is a pull quote and a caption box's a caption while no role is
    /// set: one a segment-stage heuristic gave it since (`segment.html-edges`
    /// taking a credit line or a teaser out of the body) stands.
    pub(crate) fn box_role(&self) -> Option<Role> {
        match self.hints.boxed? {
            BoxKind::Related => Some(
                // A card's linked title (`<a href><h2>…</h2></a>`) is an item.
                if self.hints.href.is_some() && self.hints.link_density >= 0.6 {
                    Role::RelatedItem
                } else if matches!(self.shape, Shape::Heading { .. })
                    || (self.hints.href.is_none()
                        && self.word_count() <= 6
                        && self.hints.link_density < 0.5)
                {
                    Role::RelatedHeader
                } else if self.hints.href.is_some() {
                    Role::RelatedItem
                } else {
                    Role::Boilerplate
                },
            ),
            BoxKind::Disclaimer => Some(Role::Disclaimer(crate::grammar::notices::box_kind(
                &self.text,
            ))),
            // A "callout" box holds notices as often as pull quotes: one
            // that reads as a notice is one.
            BoxKind::Pull if crate::grammar::notices::looks_like_notice(&self.text) => Some(
                Role::Disclaimer(crate::grammar::notices::box_kind(&self.text)),
            ),
            BoxKind::Pull => (self.role == Role::Unknown).then_some(Role::Quote(QuoteKind::Pull)),
            BoxKind::Caption => (self.role == Role::Unknown).then_some(Role::Caption),
        }
    }

    /// The role as the stages before the label stage read it: a block of a
    /// kept box counts as the [`box_role`](Self::box_role) it will be given
    /// (a related-links or notice box's never as body text), any other
    /// block as its role.
    pub(crate) fn role_before_labels(&self) -> Role {
        self.box_role().unwrap_or(self.role)
    }
}

/// Which heuristic set an [`Article`] field, and how sure it was.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Provenance {
    /// The field's JSON name (`headline`, `published`, ...).
    pub field: &'static str,
    /// The heuristic's name.
    pub heuristic: &'static str,
    /// Where the value came from, e.g. `json-ld`, `og:title`, `first line`.
    pub source: String,
    /// 0.0–1.0.
    pub confidence: f32,
}

/// What happened during one extraction: heuristics run, where fields came
/// from, what the score stage chose and why, where each section came from,
/// how much of the input's text the body holds, and non-fatal events.
///
/// It serialises to JSON (`copydesk extract --report` prints it).
///
/// # Examples
///
/// ```
/// let page = "<html><body><nav>Home News Sport</nav><article>\
///     <p>The new bridge opened on Monday after two years of building work.</p>\
///     <h2>Traffic</h2><p>Drivers saved ten minutes on the first morning, the council said.</p>\
///     </article></body></html>";
/// let (article, report) = copydesk::Extractor::default().extract_with_report(page)?;
/// let main = report.main_content.as_ref().expect("an HTML page");
/// assert_eq!(main.chosen_by, Some("score.main-content"));
/// assert_eq!(main.roots, ["body > article"]);
/// assert_eq!(report.sections.len(), article.sections.len());
/// assert_eq!(report.sections[1].heading_by, Some("segment.html-blocks"));
/// assert!(report.provenance_of("lede").is_some());
/// assert_eq!(report.body.confidence, 1.0);
/// let json = serde_json::to_value(&report).unwrap();
/// assert_eq!(json["main_content"]["roots"][0], "body > article");
/// # Ok::<(), copydesk::Error>(())
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Report {
    /// The detected input kind.
    pub kind: Option<InputKind>,
    /// Names of the heuristics that ran, in order.
    pub ran: Vec<&'static str>,
    /// Where each field's value came from.
    pub provenance: Vec<Provenance>,
    /// Non-fatal events: fallbacks taken, limits that cut content, ...
    pub notes: Vec<String>,
    /// Wall time of each step, in run order: `parse` (the HTML parse) and
    /// every heuristic by name. For profiling; never compare across runs.
    /// (In JSON: `[{"step": "parse", "micros": 120}, ...]`.)
    #[serde(serialize_with = "crate::report::timings_as_micros")]
    pub timings: Vec<(&'static str, std::time::Duration)>,
    /// HTML: what the score stage chose as the main content, and why.
    /// `None` for text input.
    pub main_content: Option<MainContent>,
    /// Where each of [`Article::sections`] came from (same order).
    pub sections: Vec<SectionSource>,
    /// The size of the body next to the input's text, and the confidence
    /// in the body that follows (low, with a note, when the body is empty
    /// or far smaller than the text the input holds).
    pub body: BodyCheck,
}

impl Report {
    /// The provenance of a field, if a heuristic recorded one.
    pub fn provenance_of(&self, field: &str) -> Option<&Provenance> {
        self.provenance.iter().rev().find(|p| p.field == field)
    }
}

/// The article being built: the decoded input, the block sequence, the
/// article fields set so far, and the report.
pub struct Draft {
    kind: InputKind,
    /// A tendril so the HTML parser reads the same buffer (no second copy
    /// of the page).
    source: StrTendril,
    blocks: Vec<DraftBlock>,
    /// The article being assembled. Metadata heuristics fill its metadata
    /// fields; the assemble stage fills the body from the blocks.
    pub article: Article,
    /// What happened so far.
    pub report: Report,
    pub(crate) dom: Option<crate::page::Dom>,
    /// The stage of the heuristic running now (set by the extractor), for
    /// the checks of [`Draft::decide`].
    pub(crate) stage: Stage,
}

impl std::fmt::Debug for Draft {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Draft")
            .field("kind", &self.kind)
            .field("blocks", &self.blocks)
            .field("article", &self.article)
            .finish_non_exhaustive()
    }
}

/// Largest input a tendril holds (its length is a `u32`).
pub(crate) const MAX_SOURCE_BYTES: usize = u32::MAX as usize;

/// `text` in a tendril, cut at the last character boundary within
/// [`MAX_SOURCE_BYTES`] (a tendril cannot be longer).
pub(crate) fn tendril_of(text: &str) -> StrTendril {
    StrTendril::from_slice(cut_at(text, MAX_SOURCE_BYTES))
}

/// The longest prefix of `text` of at most `max` bytes that ends on a
/// character boundary.
fn cut_at(text: &str, max: usize) -> &str {
    &text[..crate::base::floor_char_boundary(text, max)]
}

impl Draft {
    /// A draft for the given decoded input. Input over 4 GiB is cut at the
    /// last character that fits (the extractor refuses such input first).
    pub fn new(kind: InputKind, source: String) -> Self {
        Self::with_source(kind, tendril_of(&source))
    }

    /// A draft over input already in a tendril (shared, not copied).
    pub(crate) fn with_source(kind: InputKind, source: StrTendril) -> Self {
        Draft {
            kind,
            source,
            blocks: Vec::new(),
            article: Article::new(),
            report: Report {
                kind: Some(kind),
                ..Report::default()
            },
            dom: None,
            stage: Stage::Sniff,
        }
    }

    /// The input kind.
    pub fn kind(&self) -> InputKind {
        self.kind
    }

    /// True for HTML input.
    pub fn is_html(&self) -> bool {
        self.kind == InputKind::Html
    }

    /// The decoded input.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The decoded input as the parser reads it.
    pub(crate) fn source_tendril(&self) -> &StrTendril {
        &self.source
    }

    /// Replaces the decoded input (Sniff stage only: later stages have
    /// already read it). Input over 4 GiB is cut as in [`Draft::new`].
    pub fn set_source(&mut self, source: String) {
        self.source = tendril_of(&source);
    }

    /// Changes the input kind (Sniff stage only).
    pub fn set_kind(&mut self, kind: InputKind) {
        self.kind = kind;
        self.report.kind = Some(kind);
    }

    /// The blocks in reading order.
    pub fn blocks(&self) -> &[DraftBlock] {
        &self.blocks
    }

    /// The blocks, to relabel or edit.
    pub fn blocks_mut(&mut self) -> &mut Vec<DraftBlock> {
        &mut self.blocks
    }

    /// Records where a field's value came from.
    pub fn record(
        &mut self,
        field: &'static str,
        heuristic: &'static str,
        source: impl Into<String>,
        confidence: f32,
    ) {
        self.report.provenance.push(Provenance {
            field,
            heuristic,
            source: source.into(),
            confidence,
        });
    }

    /// Adds a non-fatal note to the report.
    pub fn note(&mut self, note: impl Into<String>) {
        self.report.notes.push(note.into());
    }

    /// Consumes the draft and gives the article and report.
    pub fn finish(self) -> (Article, Report) {
        (self.article, self.report)
    }
}

impl Draft {
    /// A read-only view of the parsed page, for HTML input (`None` for
    /// text, and for a draft made outside an extraction).
    pub fn page(&self) -> Option<Page<'_>> {
        self.dom.as_ref().map(Page::new)
    }

    /// Takes a decision about the page: see [`PageDecision`] for what each
    /// does, and [`Page`] for an example. [`PageDecision::MainContent`] is
    /// for the score stage, the others for the clean and score stages.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDecision`](crate::Error::InvalidDecision) when the
    /// input is not HTML, the element is not in the page (for anything but
    /// [`PageDecision::Drop`], which then does nothing), the decision is not
    /// one for the stage the heuristic runs in, or it would drop the page's
    /// `<html>`, `<head>` or `<body>`. Returned with `?` from a heuristic,
    /// it stops the extraction with [`Error::Heuristic`](crate::Error::Heuristic).
    pub fn decide(&mut self, decision: PageDecision) -> crate::error::Result<()> {
        let stage = self.stage;
        let (allowed, stages) = match decision {
            PageDecision::MainContent(_) => (stage == Stage::Score, "the score stage"),
            _ => (
                matches!(stage, Stage::Clean | Stage::Score),
                "the clean and score stages",
            ),
        };
        if !allowed {
            return Err(crate::error::Error::InvalidDecision {
                reason: format!(
                    "{} is taken in {stages}, not the {stage} stage",
                    decision.what()
                ),
            });
        }
        match self.dom.as_mut() {
            Some(dom) => crate::page::decide(dom, decision),
            None => Err(crate::error::Error::InvalidDecision {
                reason: "the input is not an HTML page".to_owned(),
            }),
        }
    }
}

/// A built-in heuristic: a name, a stage, a description and a function.
/// Stage modules list theirs as `Builtin` values.
pub(crate) struct Builtin {
    pub name: &'static str,
    pub stage: Stage,
    pub description: &'static str,
    pub run: fn(&mut Draft, &Context<'_>) -> Result<(), BoxError>,
}

impl Heuristic for Builtin {
    fn name(&self) -> &'static str {
        self.name
    }
    fn stage(&self) -> Stage {
        self.stage
    }
    fn description(&self) -> &'static str {
        self.description
    }
    fn apply(&self, draft: &mut Draft, cx: &Context<'_>) -> Result<(), BoxError> {
        (self.run)(draft, cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_cut_on_character_boundaries() {
        assert_eq!(cut_at("aé", 2), "a");
        assert_eq!(cut_at("aé", 3), "aé");
        assert_eq!(cut_at("aé", 100), "aé");
        assert_eq!(cut_at("é", 1), "");
        let d = Draft::new(InputKind::Text, "Story text".to_owned());
        assert_eq!(d.source(), "Story text");
    }
}
