//! copydesk turns raw article input — a scraped web page or a text dump of
//! one — into a typed [`Article`]: headline, dek, lede, sections with their
//! subheadings, quotes with who said them, disclaimers, the related-articles
//! list, and metadata (byline, dates, site, language, canonical URL).
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
//! # Ok::<(), copydesk::Error>(())
//! ```
#![warn(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]

mod assemble;
mod error;
mod extractor;
mod heuristic;
mod html;
mod input;
mod label;
mod limits;
mod metadata;
mod model;
mod render;
#[cfg(feature = "schema")]
mod schema;
pub mod site_rules;
mod text;

pub use error::{BoxError, Error, Result};
pub use extractor::{Extractor, ExtractorBuilder, builtin_heuristics, extract, extract_bytes};
pub use heuristic::{
    Context, Draft, DraftBlock, FnHeuristic, Heuristic, Hints, InputKind, Provenance, Report, Role,
    Shape, Stage, heuristic_fn,
};
pub use input::{Input, Kind};
pub use limits::Limits;
pub use model::{
    Article, Block, Disclaimer, DisclaimerKind, Person, Quote, QuoteKind, RelatedLink,
    SCHEMA_VERSION, Section,
};
#[cfg(feature = "schema")]
pub use schema::schema;
pub use site_rules::SiteRules;

/// The README's Rust examples run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
