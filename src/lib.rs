//! copydesk turns raw article input — a scraped web page or a text dump of
//! one — into a typed [`Article`]: headline, dek, lede, sections with their
//! subheadings, quotes with who said them, disclaimers, the related-articles
//! list, and metadata (byline, dates, site, language, canonical URL).
//!
//! # Overview
//!
//! One call, [`extract`], takes a page or a text and returns an [`Article`].
//! HTML and plain text are told apart by their content (or by the caller,
//! with [`Input::kind`]); bytes in any common charset go through
//! [`extract_bytes`]. Both paths meet in one intermediate form — a sequence of
//! blocks with roles (see [`Draft`]) — so everything after segmentation is
//! shared, and every step is a named, replaceable [`Heuristic`].
//!
//! Extraction never panics: every input gives an [`Article`] or a typed
//! [`Error`], in time and memory bounded by [`Limits`]. An [`Extractor`] is
//! immutable once built, `Send + Sync`, and meant to be shared by all threads
//! of a batch job.
//!
//! # Quick start
//!
//! ```
//! let text = "Ferry Service Resumes After Storm\n\
//!     Boats return to the harbour after a week of closures.\n\n\
//!     Ferries resumed service on Monday after a week of storms kept them in port.\n\n\
//!     \"We are glad to be back,\" said Maria Lopez, a captain.";
//! let article = copydesk::extract(text)?;
//! assert_eq!(article.headline.as_deref(), Some("Ferry Service Resumes After Storm"));
//! assert_eq!(article.dek.as_deref(), Some("Boats return to the harbour after a week of closures."));
//! assert_eq!(article.quotes[0].attribution.as_deref(), Some("Maria Lopez"));
//! # Ok::<(), copydesk::Error>(())
//! ```
//!
//! A page, with a configured extractor built once and reused:
//!
//! ```
//! use copydesk::{Extractor, Input, Kind};
//!
//! let page = r#"<html lang="en"><head><title>Cafe Opens | Town News</title>
//!   <meta property="og:site_name" content="Town News"></head>
//!   <body><article><h1>Cafe Opens</h1>
//!   <p>The cafe on Main Street opened on Monday, the first new business on the street this year.</p>
//!   <p>Its owner said the town had waited long enough for a place to sit down with a coffee.</p>
//!   </article></body></html>"#;
//! let extractor = Extractor::builder().max_input_bytes(8 << 20).build()?;
//! let input = Input::new(page).kind(Kind::Html).url("https://news.example/cafe");
//! let article = extractor.extract(input)?;
//! assert_eq!(article.headline.as_deref(), Some("Cafe Opens"));
//! assert_eq!(article.site_name.as_deref(), Some("Town News"));
//! assert_eq!(article.language.as_deref(), Some("en"));
//! assert!(article.text.starts_with("The cafe on Main Street"));
//! println!("{}", article.to_markdown());
//! # Ok::<(), copydesk::Error>(())
//! ```
//!
//! # The Article
//!
//! [`Article`] is the public contract, in Rust and as JSON (serde; the JSON
//! Schema comes from `schema()` with the `schema` feature). Every field is
//! always present: absent values are `None` / `null` or empty lists (the
//! exceptions are [`Article::comments`], present only when asked for with
//! [`ExtractorBuilder::comments`], and a section's `heading_spans`, present
//! only when its subheading has inline spans).
//!
//! - `headline`, `dek` (the standfirst under the headline), `lede` (the first
//!   body paragraph), `byline` ([`Person`]s), `published` / `modified` (ISO
//!   8601, the time zone kept when the page gave one), `site_name`,
//!   `language`, `url` (canonical), `tags`, `images`;
//! - `sections`: the body as [`Section`]s, each with an optional subheading
//!   and its typed [`Block`]s (paragraph, quote, list, figure, table, code);
//! - `quotes`: every [`Quote`] with its attribution, kind ([`QuoteKind`]) and
//!   section index;
//! - `disclaimers`: notices about the piece ([`Disclaimer`], by
//!   [`DisclaimerKind`]: AI-generated, editor's note, correction, sponsored…),
//!   kept out of the body;
//! - `related`: the related-articles list ([`RelatedLink`]), kept out of the body;
//! - `text`: the plain-text body — the section blocks, blank-line separated,
//!   without headline, dek, subheadings, figures, disclaimers or related items.
//!
//! `schema_version` ([`SCHEMA_VERSION`]) changes whenever a JSON consumer
//! could notice a change. [`Article::to_markdown`], [`Article::to_html`]
//! (a cleaned, safe HTML document) and [`Article::to_text`] render an
//! article for people; blocks keep their inline links, emphasis and code as
//! [`Span`]s ([`Section::spans`]).
//!
//! # Heuristics
//!
//! Extraction is a pipeline of named heuristics run in stages ([`Stage`]):
//! `sniff` → `metadata` → `clean` → `score` → `segment` → `label` →
//! `assemble`. [`Extractor::builder`] starts from the built-in set and can
//! [`add`](ExtractorBuilder::add) a heuristic (a type implementing
//! [`Heuristic`], or a closure through [`heuristic_fn`]),
//! [`replace`](ExtractorBuilder::replace) or
//! [`disable`](ExtractorBuilder::disable) one by name, and
//! [`run_before`](ExtractorBuilder::run_before) another in the same stage.
//! Names are `stage.kebab-name` of the heuristic's own stage (checked by
//! [`build`](ExtractorBuilder::build)); they may be made at run time
//! ([`heuristic_fn`] takes a `String`, [`intern_name`] serves trait impls).
//! [`Extractor::extract_with_report`] returns a [`Report`] (JSON-serialisable)
//! naming the heuristic that set each field, the main content the score
//! stage chose and the fallbacks it took, where each section came from, and
//! a [`BodyCheck`] that flags a body far smaller than the page. No heuristic
//! is keyed to a site: they use generic signals (tags, classes, schema.org
//! data, line shapes).
//!
//! HTML heuristics of your own read the page through [`Draft::page`] — a
//! read-only [`Page`] of [`Element`]s, with no parser type in the API — and,
//! in the clean and score stages, act on it with [`Draft::decide`]: drop an
//! element, choose the main content, mark a related or disclaimer box (see
//! [`Page`] and [`PageDecision`]).
//!
//! Sites whose markup the generic heuristics get wrong can be given rules
//! from data — headline, body and remove selectors per domain, in a JSON
//! file the user keeps: see [`SiteRules`] and the [`site_rules`] module for
//! the format.
//!
//! The built-in heuristics, in the order they run (a test checks this table
//! against [`builtin_heuristics()`], so it cannot go stale):
//!
//! | name | stage | what it does |
//! |---|---|---|
//! | `metadata.harvest` | metadata | Reads headline, dek, byline, dates, site name, language, canonical URL, tags and lead image from JSON-LD, Open Graph, Twitter cards, meta tags, microdata, &lt;time>, byline elements and &lt;title>, in one pass over the page. |
//! | `metadata.url-date` | metadata | When the page declared no publication date, takes a full date from the canonical or caller URL (/2019/11/19/) if a date shown in the page (&lt;time>, date-class element) agrees. |
//! | `clean.scripts-and-hidden` | clean | Removes scripts, styles, embedded frames, SVG, templates and hidden nodes (hidden, aria-hidden, display:none). |
//! | `clean.boilerplate` | clean | Removes navigation, headers, footers, forms, asides and elements whose class/id/role tokens mark menus, share bars, newsletters, cookie banners, comments or ads; keeps related-link, disclaimer and pull-quote boxes. |
//! | `score.main-content` | score | Locates the main content: ordered container selectors, Readability-style scoring as arbiter, split-body merging, wild &lt;p> recovery, JSON-LD articleBody when much longer. |
//! | `segment.html-blocks` | segment | Flattens the main content into blocks: paragraphs, headings, list items, quotes, figures, tables, code; blocks of related, notice, pull-quote and caption boxes are marked for the label stage. |
//! | `segment.html-edges` | segment | Trims the head (kicker, byline, date, lead caption) and tail (bio, credits, newsletter, tags, share, comments prompts, copyright) of the HTML body. |
//! | `segment.text-blocks` | segment | Splits plain text into blocks: paragraphs (blank lines or one block per line in dumps), Markdown headings, `>` quotes, bullet and numbered list items, fenced and indented code. |
//! | `label.html-boxes` | label | Gives the blocks of kept related-link, notice, pull-quote and caption boxes their roles: the box's header, related items and boilerplate; notices of the kind their wording says; pull quotes; captions. |
//! | `label.boilerplate` | label | Marks share/ad/newsletter prompts, skip links, contact lines and runs of menu-like short lines at the edges as boilerplate. |
//! | `label.qa-turns` | label | Marks interview turns (`Q:`/`A:` or a speaker label used at least twice) as paragraphs so they are not taken for headings or pull quotes. |
//! | `label.related` | label | Finds a related-articles header ("Related Articles", "You may also like", ...) and marks the teasers after it, and inline "Read more: ..." lines, as related items. |
//! | `label.disclaimers` | label | Marks notices about the piece (AI-generated, editor's note, correction, sponsored, affiliate, copyright, disclosure) by wording and position. |
//! | `label.dump-body` | label | Finds the article inside a text dump (menus, banners, teasers and footers around it): the run of lines with the most prose, closed by a comments or related header, started at the page title found again; the rest is boilerplate. |
//! | `label.headline` | label | Marks the headline of a text: its first line after any leading chrome when it reads as a title (no final period, followed by body text), or in a dump the line that repeats the page title. |
//! | `label.dek` | label | Marks the block right after a text headline as the dek when it is one or two sentences (at most ~45 words) before the body. |
//! | `label.byline-dateline` | label | Marks "By ..." lines as the byline and "Published/Updated ..." or date lines as the dateline near the head of the article. |
//! | `label.pull-quotes` | label | Marks `Label: "..."` lines, lines that are only a quotation (optionally `— Name`) and short lines repeating a sentence of a nearby paragraph as pull quotes, with their attribution. |
//! | `label.block-quotes` | label | Keeps block quotations as block quotes and takes a trailing `— Name` line as their attribution. |
//! | `label.subheadings` | label | Marks Markdown headings, ALL-CAPS kickers and short lines without closing punctuation between longer paragraphs as subheadings. |
//! | `label.inline-quotes` | label | Finds quotations inside body paragraphs and their speakers ("...," said X; X said: "..."; according to X; pronouns and carry-over). |
//! | `assemble.article` | assemble | Builds sections, quotes, disclaimers and the related list from the labelled blocks; headline, dek and byline blocks fill fields still empty. |
//! | `assemble.lede-and-text` | assemble | Sets the lede (first body paragraph) and the plain-text body. |
//! | `assemble.images` | assemble | Lists every content image: the page's declared images, then each figure in reading order, once each, with alt text and caption. |
//! | `assemble.language` | assemble | Keeps the declared language when plausible, else detects it from the body text (whatlang, 60 letters or more); sets the script (ISO 15924). |
//!
//! ```
//! use copydesk::{Extractor, Stage, heuristic_fn};
//!
//! // Tag every article with the word count of its body, after assembly.
//! let words = heuristic_fn("assemble.word-count-tag", Stage::Assemble, |draft, _cx| {
//!     let n = draft.article.text.split_whitespace().count();
//!     draft.article.tags.push(format!("words:{n}"));
//!     Ok(())
//! });
//! let extractor = Extractor::builder()
//!     .add(words)
//!     .disable("label.disclaimers")
//!     .build()?;
//! let article = extractor.extract("Short Note On Words\n\nOne two three four five six seven.")?;
//! assert!(article.tags.iter().any(|t| t.starts_with("words:")));
//! # Ok::<(), copydesk::Error>(())
//! ```
//!
//! # Limits and errors
//!
//! [`Limits`] bound the work of one extraction (input size, nesting depth,
//! blocks); each limit's default, its reason and what happens over it (a
//! typed error or a documented degradation) are listed on [`Limits`]. The
//! one error type is [`Error`]: empty or binary input, an unknown charset,
//! input over the size limit, builder mistakes (unknown, duplicate or
//! misnamed heuristics, `run_before` across stages), refused page decisions
//! and errors returned by a heuristic. Non-fatal events — a fallback taken, content cut
//! by a limit — are notes in the [`Report`], not errors.
//!
//! ```
//! let err = copydesk::extract("   \n ").unwrap_err();
//! assert!(matches!(err, copydesk::Error::EmptyInput));
//! assert_eq!(err.to_string(), "input is empty");
//! ```
//!
//! # Stability
//!
//! copydesk follows semantic versioning, checked in CI with
//! `cargo semver-checks` against the first release. Public structs and enums
//! are `#[non_exhaustive]` so fields, variants, heuristics and limits can be
//! added in minor releases: build values with their constructors and match
//! with a wildcard arm. The JSON form is versioned separately by
//! [`SCHEMA_VERSION`]. Heuristic names are stable; their exact output is
//! not — accuracy improvements change results and are listed in the
//! changelog. The minimum supported Rust version is the `rust-version` in
//! `Cargo.toml` (1.85); raising it is a minor release, named in the changelog.
//!
//! # Features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `cli` | yes | the `copydesk` command-line tool (clap, rayon, indicatif, flate2); implies `schema` |
//! | `schema` | with `cli` | `schema()`: the Article's JSON Schema (schemars) |
//! | `warc` | with `cli` | `copydesk::warc`: a streaming WARC reader whose records give [`Input`]s (flate2) |
//!
//! In the published API docs each feature-gated item is marked with the feature it needs.
//!
//! Library users should depend on copydesk with `default-features = false`
//! (adding `features = ["schema"]` if they want the schema), so no
//! command-line dependency reaches their build.
#![deny(missing_docs)]
// The published docs build with `--cfg docsrs` (see the docs metadata table in Cargo.toml) and
// shows which items need a feature.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(rustdoc::broken_intra_doc_links)]

mod assemble;
mod base;
mod error;
mod extractor;
mod favor;
mod grammar;
mod heuristic;
mod html;
mod input;
mod label;
mod limits;
mod metadata;
mod model;
mod page;
mod render;
mod report;
#[cfg(feature = "schema")]
mod schema;
pub mod site_rules;
mod text;
#[cfg(feature = "warc")]
pub mod warc;

pub use error::{BoxError, Error, Result};
pub use extractor::{Extractor, ExtractorBuilder, builtin_heuristics, extract, extract_bytes};
pub use favor::{Favor, UnknownFavor};
pub use heuristic::{
    Context, Draft, DraftBlock, FnHeuristic, Heuristic, Hints, InputKind, Provenance, Report, Role,
    Shape, Stage, heuristic_fn, intern_name,
};
pub use input::{Input, Kind};
pub use limits::Limits;
pub use model::{
    Article, Block, Comment, Disclaimer, DisclaimerKind, Image, PageKind, PageType, Person, Quote,
    QuoteKind, RelatedLink, SCHEMA_VERSION, Section, Span, SpanKind,
};
pub use page::view::{Element, NodeId, Page, PageDecision};
pub use report::{BodyCheck, BoxRole, Fallback, KeptBox, MainContent, SectionSource};
#[cfg(feature = "schema")]
#[cfg_attr(docsrs, doc(cfg(feature = "schema")))]
pub use schema::schema;
pub use site_rules::SiteRules;

/// The README's Rust examples run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
