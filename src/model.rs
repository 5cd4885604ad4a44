//! The public data model: [`Article`] and the types it is made of.
//!
//! The JSON shape is part of the contract: snake_case field names, enums as
//! lower snake_case strings, blocks internally tagged by `kind`, and absent
//! values written as `null` or `[]` (never omitted), so consumers see one
//! stable shape. [`SCHEMA_VERSION`] changes whenever a consumer could notice.

use serde::{Deserialize, Serialize};

/// Version of the JSON shape written in [`Article::schema_version`].
///
/// It is bumped on any change a JSON consumer could notice (a field added,
/// renamed or given a new meaning).
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
    /// Language tag such as `en` or `pt-BR`.
    pub language: Option<String>,
    /// Canonical URL of the article.
    pub url: Option<String>,
    /// Keywords and tags.
    pub tags: Vec<String>,
    /// Image URLs, lead image first.
    pub images: Vec<String>,
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
            url: None,
            tags: Vec::new(),
            images: Vec::new(),
            sections: Vec::new(),
            quotes: Vec::new(),
            disclaimers: Vec::new(),
            related: Vec::new(),
            text: String::new(),
            page_type: None,
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
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Section {
    /// The subheading; `None` for the part before the first subheading.
    pub heading: Option<String>,
    /// Heading level: 2 for `h2`/`##`, 3 for `h3`, ...; 0 when `heading` is `None`.
    pub level: u8,
    /// The section's content in reading order.
    pub blocks: Vec<Block>,
}

impl Section {
    /// A section with the given heading and level and no blocks.
    pub fn new(heading: Option<String>, level: u8) -> Self {
        Section {
            heading,
            level,
            blocks: Vec::new(),
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

/// A teaser in a related-articles list.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RelatedLink {
    /// The teaser's title.
    pub title: String,
    /// Where it links, when known.
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
            level: 0,
            blocks: vec![
                Block::paragraph("Hello."),
                Block::list(false, vec!["a".into()]),
            ],
        });
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
        assert_eq!(v["disclaimers"][0]["kind"], "ai_generated");
        let back: Article = serde_json::from_value(v).unwrap();
        assert_eq!(back, a);
    }

    #[test]
    fn body_text_joins_blocks_without_section_headings() {
        let mut a = Article::new();
        a.sections.push(Section {
            heading: None,
            level: 0,
            blocks: vec![Block::paragraph("One.")],
        });
        a.sections.push(Section {
            heading: Some("Two".into()),
            level: 2,
            blocks: vec![Block::list(true, vec!["x".into(), "y".into()])],
        });
        assert_eq!(a.body_text(), "One.\n\nx\ny");
    }
}
