//! The public data model: [`Article`] and the types it is made of.
//!
//! The JSON shape is part of the contract: snake_case field names, enums as
//! lower snake_case strings, blocks internally tagged by `kind`, and absent
//! values written as `null` or `[]` (never omitted), so consumers see one
//! stable shape. The exceptions are [`Article::comments`], an opt-in
//! part: absent unless the caller asked for comments, and a section's
//! `heading_spans` ([`Section::heading_spans`]), written only when its
//! subheading has inline spans. [`SCHEMA_VERSION`]
//! changes whenever a consumer could notice.

use serde::{Deserialize, Serialize};

/// Version of the JSON shape written in [`Article::schema_version`].
///
/// It is bumped on any change a JSON consumer could notice (a field added,
/// renamed or given a new meaning).
///
/// - 1: the first release.
/// - 2: `page_type`; inline `spans` on every block (table cells and figure
///   captions included) and `heading_spans` on sections whose subheading
///   has some, `script`, `image_details`;
///   `images` lists every content image (figures too), not only the page's
///   lead images; `comments`, present only when requested.
pub const SCHEMA_VERSION: u32 = 2;

/// An extracted article.
///
/// Built by [`crate::extract`] or [`crate::Extractor::extract`]. The headline,
/// dek, disclaimers and related links are never repeated inside
/// [`sections`](Article::sections) or [`text`](Article::text).
///
/// # Examples
///
/// ```
/// let article = copydesk::extract("Budget Passes After Long Night\n\n\
///     The council approved the budget on Tuesday, ending a month of talks.")?;
/// assert_eq!(article.headline.as_deref(), Some("Budget Passes After Long Night"));
/// assert!(article.text.starts_with("The council approved"));
/// # Ok::<(), copydesk::Error>(())
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Article {
    /// The JSON shape's version; [`SCHEMA_VERSION`] for articles made by this crate.
    pub schema_version: u32,
    /// The title of the piece, cleaned of `" | Site Name"` suffixes and the like.
    pub headline: Option<String>,
    /// Subtitle, standfirst or description shown under the headline.
    pub dek: Option<String>,
    /// The first paragraph of the body.
    pub lede: Option<String>,
    /// The authors, in the order given.
    pub byline: Vec<Person>,
    /// Publication time, ISO 8601 (`2025-12-12`, or `2025-12-12T10:03:00+01:00`
    /// when the source gives a time; the time zone is kept when given).
    ///
    /// For HTML, the date the page declares for this article (JSON-LD
    /// `datePublished`, `article:published_time` and similar `<meta>` names,
    /// microdata `datePublished`), else a date shown in the article header
    /// (next to the author line or the headline). A `<time>` elsewhere in
    /// the page (a comment's, a related story's), an "updated" stamp, or a
    /// date in the URL alone is not taken; a URL date counts when a date
    /// shown in the page agrees. `None` when the page does not say.
    pub published: Option<String>,
    /// Last modification time, ISO 8601 like [`published`](Article::published).
    pub modified: Option<String>,
    /// The publication's name (`og:site_name`, JSON-LD publisher, ...).
    pub site_name: Option<String>,
    /// Language tag such as `en` or `pt-BR`: the one the page declares
    /// (`<html lang>`, `content-language`, JSON-LD `inLanguage`, ...) when it
    /// is a well-formed tag, else the language detected from the body text
    /// (ISO 639-1 where there is one, else ISO 639-3) when the text is long
    /// enough to tell. The [`Report`](crate::Report) names the source.
    pub language: Option<String>,
    /// The body's writing system as an ISO 15924 code (`Latn`, `Cyrl`,
    /// `Arab`, `Hani`, `Jpan`, ...), detected from the body text; `None`
    /// when the body has no letters.
    pub script: Option<String>,
    /// Canonical URL of the article.
    pub url: Option<String>,
    /// Keywords and tags.
    pub tags: Vec<String>,
    /// Image URLs, lead image first: the images the page declares for the
    /// article (`og:image`, JSON-LD `image`, ...), then every other content
    /// image (the figures of [`sections`](Article::sections)) in reading
    /// order, each once. Absolute when the page or the caller gave a base URL.
    pub images: Vec<String>,
    /// The [`images`](Article::images) with what is known about each: alt
    /// text and caption (from the figure that shows it). Same order.
    pub image_details: Vec<Image>,
    /// The body in reading order. The part before the first subheading has
    /// `heading: None`.
    pub sections: Vec<Section>,
    /// Every quote found in the body, in reading order.
    pub quotes: Vec<Quote>,
    /// Notices about the piece: AI-generated, editor's note, correction, ...
    pub disclaimers: Vec<Disclaimer>,
    /// The "Related articles" / "Read more" teasers.
    pub related: Vec<RelatedLink>,
    /// The body as plain text: the sections' blocks, blank-line separated.
    /// Derived from [`sections`](Article::sections); see [`Article::body_text`].
    pub text: String,
    /// What kind of page the source is (article, forum thread, product,
    /// ...), with a confidence; `None` for text input. The signals behind
    /// it are listed in the [`Report`](crate::Report)'s notes. Added in
    /// schema version 2.
    pub page_type: Option<PageType>,
    /// The page's comments or replies, in page order, when the caller asked
    /// for them ([`ExtractorBuilder::comments`](crate::ExtractorBuilder::comments));
    /// `None` otherwise, and then absent from the JSON. Requested, it is a
    /// list, empty when the page has none. A comment is never both here and
    /// in [`sections`](Article::sections) / [`text`](Article::text): the
    /// comment sections the clean stage removes stay out of the body, and
    /// `Comment` microdata inside the story is taken out of it; one the body
    /// still holds (a forum thread's or Q&A page's replies, which are its
    /// content) is not repeated here. Added in schema version 2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comments: Option<Vec<Comment>>,
}

impl Default for Article {
    fn default() -> Self {
        Article {
            schema_version: SCHEMA_VERSION,
            headline: None,
            dek: None,
            lede: None,
            byline: Vec::new(),
            published: None,
            modified: None,
            site_name: None,
            language: None,
            script: None,
            url: None,
            tags: Vec::new(),
            images: Vec::new(),
            image_details: Vec::new(),
            sections: Vec::new(),
            quotes: Vec::new(),
            disclaimers: Vec::new(),
            related: Vec::new(),
            text: String::new(),
            page_type: None,
            comments: None,
        }
    }
}

impl Article {
    /// An empty article with the current [`SCHEMA_VERSION`].
    pub fn new() -> Self {
        Self::default()
    }

    /// The body as plain text, computed from [`sections`](Article::sections):
    /// every block's text (list items one per line, table rows one per line),
    /// blocks separated by a blank line. Figures (captions) are left out.
    /// Section headings are structure, not
    /// body text, and are left out; deeper [`Block::Heading`]s are kept.
    ///
    /// This is what [`text`](Article::text) holds after extraction.
    pub fn body_text(&self) -> String {
        let mut out = String::new();
        for section in &self.sections {
            for block in &section.blocks {
                // Captions describe images; readers and benchmarks do not
                // count them as body text.
                if !matches!(block, Block::Figure { .. }) {
                    push_block(&mut out, &block.plain_text());
                }
            }
        }
        out
    }

    /// True when the article has no body blocks.
    pub fn is_empty(&self) -> bool {
        self.sections
            .iter()
            .all(|s| s.blocks.is_empty() && s.heading.is_none())
    }

    /// All body blocks in reading order, with the index of their section.
    pub fn blocks(&self) -> impl Iterator<Item = (usize, &Block)> {
        self.sections
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.blocks.iter().map(move |b| (i, b)))
    }
}

fn push_block(out: &mut String, text: &str) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push_str("\n\n");
    }
    out.push_str(text);
}

/// A part of the body, started by a subheading (or by the start of the body).
///
/// In JSON each block carries its own inline spans, `{"kind": "paragraph",
/// "text": "…", "spans": […]}`; in Rust they are kept next to the blocks, in
/// [`spans`](Section::spans), so [`Block`]'s variants stay as they are.
///
/// Two sections are equal when their headings (with their spans), levels,
/// blocks and every block's spans are: a missing entry of `spans` equals an
/// empty one.
#[non_exhaustive]
#[derive(Debug, Clone, Default)]
pub struct Section {
    /// The subheading; `None` for the part before the first subheading.
    pub heading: Option<String>,
    /// Inline spans of [`heading`](Section::heading) (a link or emphasis in
    /// the subheading), with offsets into it; empty when it has none. In
    /// JSON `heading_spans`, written only when not empty. Added in schema
    /// version 2.
    pub heading_spans: Vec<Span>,
    /// Heading level: 2 for `h2`/`##`, 3 for `h3`, ...; 0 when `heading` is `None`.
    pub level: u8,
    /// The section's content in reading order.
    pub blocks: Vec<Block>,
    /// Inline spans of each block: `spans[i]` belongs to `blocks[i]`, with
    /// offsets into that block's [`Block::plain_text`]. Shorter than
    /// `blocks` (or empty) when later blocks have none; read it with
    /// [`Section::spans_of`].
    pub spans: Vec<Vec<Span>>,
}

impl Section {
    /// A section with the given heading and level and no blocks.
    pub fn new(heading: Option<String>, level: u8) -> Self {
        Section {
            heading,
            heading_spans: Vec::new(),
            level,
            blocks: Vec::new(),
            spans: Vec::new(),
        }
    }

    /// Drops trailing empty entries of [`spans`](Section::spans).
    pub(crate) fn tidy_spans(&mut self) {
        while self.spans.last().is_some_and(Vec::is_empty) {
            self.spans.pop();
        }
    }

    /// The inline spans of block `index` (empty when it has none).
    pub fn spans_of(&self, index: usize) -> &[Span] {
        self.spans.get(index).map_or(&[], Vec::as_slice)
    }

    /// Appends a block with its inline spans.
    pub fn push(&mut self, block: Block, spans: Vec<Span>) {
        if !spans.is_empty() {
            self.spans.resize_with(self.blocks.len(), Vec::new);
            self.spans.push(spans);
        }
        self.blocks.push(block);
    }
}

impl PartialEq for Section {
    fn eq(&self, other: &Self) -> bool {
        self.heading == other.heading
            && self.heading_spans == other.heading_spans
            && self.level == other.level
            && self.blocks == other.blocks
            && (0..self.spans.len().max(other.spans.len()))
                .all(|i| self.spans_of(i) == other.spans_of(i))
    }
}

/// What an inline [`Span`] marks.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SpanKind {
    /// A link (`<a href>`, `[text](url)`); [`Span::href`] is its target.
    Link,
    /// Emphasis (`<em>`, `<i>`, `*text*`).
    Emphasis,
    /// Strong importance (`<strong>`, `<b>`, `**text**`).
    Strong,
    /// Inline code (`<code>`, `` `text` ``).
    Code,
    /// A line break (`<br>`) inside the block: the span covers the one
    /// whitespace character that stands for it in the text.
    LineBreak,
}

/// A run of a block's text with inline structure: a link, emphasis, strong,
/// inline code or a line break.
///
/// `start` and `end` are offsets in Unicode scalar values (characters, as
/// Python's `str` indexes them), not bytes, into the block's
/// [`Block::plain_text`]: a paragraph's, quote's, heading's or code block's
/// `text`; a list's items joined by `\n`; a table's cells joined by `\t`
/// within a row and rows by `\n`; a figure's caption. A section's
/// subheading has its own, [`Section::heading_spans`], with offsets into
/// [`Section::heading`]. `end` is exclusive.
/// Spans nest (a strong run inside a link) but do not cross.
///
/// # Examples
///
/// ```
/// use copydesk::{Span, SpanKind};
/// let text = "Read the café report.";
/// let link = Span::link(9, 20, "https://news.example/report");
/// assert_eq!(link.kind, SpanKind::Link);
/// assert_eq!(&text[link.byte_range(text).unwrap()], "café report");
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Span {
    /// What the span marks.
    pub kind: SpanKind,
    /// First character, counted from 0.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// A link's absolute target; `None` for other kinds.
    #[serde(default)]
    pub href: Option<String>,
}

impl Span {
    /// A span of the given kind over characters `start..end`.
    pub fn new(kind: SpanKind, start: usize, end: usize) -> Self {
        Span {
            kind,
            start,
            end,
            href: None,
        }
    }

    /// A link over characters `start..end`.
    pub fn link(start: usize, end: usize, href: impl Into<String>) -> Self {
        Span {
            kind: SpanKind::Link,
            start,
            end,
            href: Some(href.into()),
        }
    }

    /// The span as a byte range of `text`, or `None` when it does not fit in
    /// `text` (or `start > end`).
    pub fn byte_range(&self, text: &str) -> Option<std::ops::Range<usize>> {
        if self.start > self.end {
            return None;
        }
        let mut chars = text.char_indices().map(|(i, _)| i).chain([text.len()]);
        let start = chars.nth(self.start)?;
        let end = if self.end == self.start {
            start
        } else {
            chars.nth(self.end - self.start - 1)?
        };
        Some(start..end)
    }
}

/// A content image with what is known about it.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Image {
    /// The image URL.
    pub url: String,
    /// Alternative text, when given.
    pub alt: Option<String>,
    /// The caption shown with it, when there is one.
    pub caption: Option<String>,
}

impl Image {
    /// An image with a URL only.
    pub fn new(url: impl Into<String>) -> Self {
        Image {
            url: url.into(),
            alt: None,
            caption: None,
        }
    }
}

/// Section's JSON form: the spans inside each block.
mod section_json {
    use super::{Block, Section, Span};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize)]
    struct SectionOut<'a> {
        heading: &'a Option<String>,
        #[serde(skip_serializing_if = "<[Span]>::is_empty")]
        heading_spans: &'a [Span],
        level: u8,
        blocks: Vec<BlockOut<'a>>,
    }

    #[derive(Serialize)]
    struct BlockOut<'a> {
        #[serde(flatten)]
        block: &'a Block,
        spans: &'a [Span],
    }

    #[derive(Deserialize, Default)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[cfg_attr(feature = "schema", schemars(rename = "Section"))]
    #[serde(default)]
    pub(super) struct SectionIn {
        /// The subheading; `null` for the part before the first subheading.
        heading: Option<String>,
        /// Inline spans of `heading`: offsets in characters into it. Written
        /// only when the heading has spans.
        heading_spans: Vec<Span>,
        /// Heading level: 2 for `h2`/`##`, 3 for `h3`, ...; 0 when `heading` is `null`.
        level: u8,
        /// The section's content in reading order.
        blocks: Vec<BlockIn>,
    }

    /// A block with its inline spans.
    #[derive(Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[cfg_attr(feature = "schema", schemars(rename = "BlockWithSpans"))]
    pub(super) struct BlockIn {
        #[serde(flatten)]
        block: Block,
        /// Inline spans: offsets in characters into the block's plain text
        /// (`text`; list items joined by a line feed; table cells by a tab
        /// within a row and rows by a line feed; a figure's caption).
        #[serde(default)]
        spans: Vec<Span>,
    }

    impl Serialize for Section {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            SectionOut {
                heading: &self.heading,
                heading_spans: &self.heading_spans,
                level: self.level,
                blocks: self
                    .blocks
                    .iter()
                    .enumerate()
                    .map(|(i, block)| BlockOut {
                        block,
                        spans: self.spans_of(i),
                    })
                    .collect(),
            }
            .serialize(serializer)
        }
    }

    impl<'de> Deserialize<'de> for Section {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let json = SectionIn::deserialize(deserializer)?;
            let mut section = Section::new(json.heading, json.level);
            section.heading_spans = json.heading_spans;
            for b in json.blocks {
                section.push(b.block, b.spans);
            }
            Ok(section)
        }
    }

    #[cfg(feature = "schema")]
    impl schemars::JsonSchema for Section {
        fn schema_name() -> std::borrow::Cow<'static, str> {
            SectionIn::schema_name()
        }
        fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
            SectionIn::json_schema(generator)
        }
    }
}

/// One unit of body content.
///
/// In JSON a block is an object tagged by `kind`:
/// `{"kind": "paragraph", "text": "…"}`, `{"kind": "list", "ordered": false, "items": […]}`.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A paragraph of prose.
    Paragraph {
        /// The paragraph's text.
        text: String,
    },
    /// A quotation set apart from the prose (block quote or pull quote).
    Quote {
        /// The quoted words, without enclosing quotation marks.
        text: String,
        /// Who said it, or the label it was given.
        attribution: Option<String>,
    },
    /// A bulleted or numbered list.
    List {
        /// True for a numbered list.
        ordered: bool,
        /// The items' text, without bullets or numbers.
        items: Vec<String>,
    },
    /// An image or other figure.
    Figure {
        /// Image URL, when known.
        src: Option<String>,
        /// Alternative text.
        alt: Option<String>,
        /// The caption shown with it.
        caption: Option<String>,
    },
    /// A table, as rows of cell texts.
    Table {
        /// Rows of cells, header row first when there is one.
        rows: Vec<Vec<String>>,
    },
    /// Preformatted code or text.
    Code {
        /// The code, with its line breaks.
        text: String,
        /// Language hint, when given.
        language: Option<String>,
    },
    /// A subheading deeper than the one that starts the section.
    Heading {
        /// The heading's text.
        text: String,
        /// Its level (3 for `h3`/`###`, ...).
        level: u8,
    },
}

impl Block {
    /// A paragraph block.
    pub fn paragraph(text: impl Into<String>) -> Self {
        Block::Paragraph { text: text.into() }
    }

    /// A quote block.
    pub fn quote(text: impl Into<String>, attribution: Option<String>) -> Self {
        Block::Quote {
            text: text.into(),
            attribution,
        }
    }

    /// A list block.
    pub fn list(ordered: bool, items: Vec<String>) -> Self {
        Block::List { ordered, items }
    }

    /// The block as plain text: list items and table rows one per line,
    /// table cells separated by tabs, a figure by its caption (or alt text).
    pub fn plain_text(&self) -> String {
        match self {
            Block::Paragraph { text }
            | Block::Quote { text, .. }
            | Block::Code { text, .. }
            | Block::Heading { text, .. } => text.clone(),
            Block::List { items, .. } => items.join("\n"),
            Block::Figure { caption, alt, .. } => {
                caption.clone().or_else(|| alt.clone()).unwrap_or_default()
            }
            Block::Table { rows } => rows
                .iter()
                .map(|r| r.join("\t"))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

/// Where a quote was found and how it was set.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A block quotation (`<blockquote>`, a `>` line).
    Block,
    /// A pull quote: a highlighted line, often `Label: "…"`.
    Pull,
    /// A quotation inside a paragraph, such as `"…," said Kim`.
    Inline,
}

/// A quotation found in the body.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Quote {
    /// The quoted words, without enclosing quotation marks.
    pub text: String,
    /// The speaker, or the label the quote was given.
    pub attribution: Option<String>,
    /// How the quote was set.
    pub kind: QuoteKind,
    /// Index into [`Article::sections`] of the section it is in.
    pub section: usize,
}

impl Quote {
    /// A quote of the given kind in section `section`.
    pub fn new(
        text: impl Into<String>,
        attribution: Option<String>,
        kind: QuoteKind,
        section: usize,
    ) -> Self {
        Quote {
            text: text.into(),
            attribution,
            kind,
            section,
        }
    }
}

/// The kind of page a source is.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PageKind {
    /// News, blog posts, editorials, guides, reviews.
    Article,
    /// A discussion thread or a question with its answers.
    Forum,
    /// One product: description, specifications, price.
    Product,
    /// A category page: a grid of products, filters.
    Collection,
    /// An index of repeated cards: a catalogue, a list of reviews or posts.
    Listing,
    /// API docs, tutorials, wikis.
    Documentation,
    /// A service or landing page: hero, features, pricing, FAQ.
    Service,
    /// None of the above.
    Other,
}

/// The page-type verdict: the kind and how sure it is.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PageType {
    /// The kind of page.
    pub kind: PageKind,
    /// 0.0–1.0: the weight of the winning kind's signals against the
    /// runner-up's (a page with no signal is a weak article).
    pub confidence: f32,
}

impl PageType {
    /// A verdict of `kind` with `confidence`.
    pub fn new(kind: PageKind, confidence: f32) -> Self {
        PageType { kind, confidence }
    }
}

/// What a disclaimer says about the piece.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DisclaimerKind {
    /// The text was written or assisted by AI.
    AiGenerated,
    /// An editor's note about the piece.
    EditorsNote,
    /// A correction or clarification.
    Correction,
    /// Sponsored content or a paid partnership.
    Sponsored,
    /// Affiliate links / commissions.
    Affiliate,
    /// A copyright or reprint notice.
    Copyright,
    /// Any other notice (disclosures, opinion disclaimers, updates).
    Other,
}

/// A notice about the piece, kept out of the body.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Disclaimer {
    /// What kind of notice it is.
    pub kind: DisclaimerKind,
    /// The notice's full text.
    pub text: String,
}

impl Disclaimer {
    /// A disclaimer of the given kind.
    pub fn new(kind: DisclaimerKind, text: impl Into<String>) -> Self {
        Disclaimer {
            kind,
            text: text.into(),
        }
    }
}

/// A reader's comment (or a reply under a post), from the page's comment
/// section, its `Comment` microdata or its JSON-LD `comment`.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Comment {
    /// The commenter's name, when shown.
    pub author: Option<String>,
    /// When it was posted, ISO 8601 like [`Article::published`], when the
    /// page gives a machine-readable time (`<time datetime>`, microdata or
    /// JSON-LD `datePublished`) or a date line it can read.
    pub published: Option<String>,
    /// The comment's words: its paragraphs, blank-line separated, without
    /// the author line, the date and the "Reply" / "Report" links.
    pub text: String,
    /// The comment's own link (its permalink), absolute when the page or
    /// the caller gave a base URL.
    pub url: Option<String>,
}

impl Comment {
    /// A comment with text only.
    pub fn new(text: impl Into<String>) -> Self {
        Comment {
            author: None,
            published: None,
            text: text.into(),
            url: None,
        }
    }
}

/// A teaser in a related-articles list.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RelatedLink {
    /// The teaser's title.
    pub title: String,
    /// Where it links, when known: absolute, resolved against the page's
    /// canonical or given URL when there is one.
    pub url: Option<String>,
    /// The teaser's summary, when it has one.
    pub summary: Option<String>,
}

impl RelatedLink {
    /// A related link with a title only.
    pub fn new(title: impl Into<String>) -> Self {
        RelatedLink {
            title: title.into(),
            url: None,
            summary: None,
        }
    }
}

/// An author or contributor.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Person {
    /// The person's name, without "By".
    pub name: String,
    /// A profile URL, when given.
    pub url: Option<String>,
    /// A role such as "Staff writer" or "Photographer", when given.
    pub role: Option<String>,
}

impl Person {
    /// A person with a name only.
    pub fn new(name: impl Into<String>) -> Self {
        Person {
            name: name.into(),
            url: None,
            role: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_shape_is_stable() {
        let mut a = Article::new();
        a.sections.push(Section {
            heading: None,
            heading_spans: Vec::new(),
            level: 0,
            blocks: vec![
                Block::paragraph("Hello."),
                Block::list(false, vec!["a".into()]),
            ],
            spans: vec![vec![Span::new(SpanKind::Strong, 0, 5)]],
        });
        let mut headed = Section::new(Some("See the map".into()), 2);
        headed.heading_spans = vec![Span::link(8, 11, "https://map.example/")];
        headed.push(Block::paragraph("Text."), Vec::new());
        a.sections.push(headed);
        a.disclaimers
            .push(Disclaimer::new(DisclaimerKind::AiGenerated, "AI."));
        let v = serde_json::to_value(&a).unwrap();
        assert_eq!(v["schema_version"], SCHEMA_VERSION);
        assert!(
            v["headline"].is_null(),
            "absent values are null, not omitted"
        );
        assert_eq!(v["byline"], serde_json::json!([]));
        assert_eq!(v["sections"][0]["blocks"][0]["kind"], "paragraph");
        assert_eq!(v["sections"][0]["blocks"][1]["ordered"], false);
        assert_eq!(v["sections"][0]["blocks"][0]["spans"][0]["kind"], "strong");
        assert!(v["sections"][0]["blocks"][0]["spans"][0]["href"].is_null());
        assert_eq!(
            v["sections"][0]["blocks"][1]["spans"],
            serde_json::json!([])
        );
        // A heading's spans are written only when it has some.
        assert!(v["sections"][0].get("heading_spans").is_none());
        assert_eq!(v["sections"][1]["heading_spans"][0]["kind"], "link");
        assert_eq!(v["sections"][1]["heading_spans"][0]["start"], 8);
        assert!(v["script"].is_null());
        assert_eq!(v["image_details"], serde_json::json!([]));
        assert_eq!(v["disclaimers"][0]["kind"], "ai_generated");
        let back: Article = serde_json::from_value(v).unwrap();
        assert_eq!(back, a);
        // Version 1 JSON (no spans) still reads.
        let old = r#"{"sections":[{"heading":null,"level":0,"blocks":[{"kind":"paragraph","text":"x"}]}]}"#;
        let old: Article = serde_json::from_str(old).unwrap();
        assert_eq!(old.sections[0].blocks, [Block::paragraph("x")]);
        assert!(old.sections[0].spans_of(0).is_empty());
    }

    #[test]
    fn span_byte_ranges_count_characters() {
        let text = "né à Paris";
        assert_eq!(
            Span::new(SpanKind::Emphasis, 3, 4).byte_range(text),
            Some(4..6)
        );
        assert_eq!(
            Span::new(SpanKind::Emphasis, 5, 10).byte_range(text),
            Some(7..12)
        );
        assert_eq!(
            Span::new(SpanKind::Emphasis, 10, 10).byte_range(text),
            Some(12..12)
        );
        assert_eq!(Span::new(SpanKind::Emphasis, 5, 11).byte_range(text), None);
        assert_eq!(Span::new(SpanKind::Emphasis, 4, 3).byte_range(text), None);
    }

    #[test]
    fn section_push_keeps_spans_aligned() {
        let mut s = Section::new(None, 0);
        s.push(Block::paragraph("a"), Vec::new());
        s.push(Block::paragraph("b"), vec![Span::new(SpanKind::Code, 0, 1)]);
        s.push(Block::paragraph("c"), Vec::new());
        assert!(s.spans_of(0).is_empty());
        assert_eq!(s.spans_of(1).len(), 1);
        assert!(s.spans_of(2).is_empty());
        // A missing entry equals an empty one (JSON round trips drop them).
        let mut padded = s.clone();
        padded.spans.push(Vec::new());
        padded.spans.push(Vec::new());
        assert_eq!(padded, s);
        padded.tidy_spans();
        assert_eq!(padded.spans.len(), 2);
    }

    #[test]
    fn body_text_joins_blocks_without_section_headings() {
        let mut a = Article::new();
        a.sections.push(Section {
            heading: None,
            heading_spans: Vec::new(),
            level: 0,
            blocks: vec![Block::paragraph("One.")],
            spans: Vec::new(),
        });
        a.sections.push(Section {
            heading: Some("Two".into()),
            heading_spans: Vec::new(),
            level: 2,
            blocks: vec![Block::list(true, vec!["x".into(), "y".into()])],
            spans: Vec::new(),
        });
        assert_eq!(a.body_text(), "One.\n\nx\ny");
    }
}
