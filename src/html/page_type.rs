//! The page-type verdict: what kind of page this is (an article, a forum
//! thread, a product, a category, a listing, documentation, a service
//! page), from generic signals any page of the kind shows: the JSON-LD
//! `@type`s and `og:type` it declares, the words of its URL path, whether
//! it names an author and a date, and how it is built (code blocks,
//! sections, post and price markup, repeated cards).
//!
//! Every signal adds weight to one or more kinds; the heaviest wins. The
//! confidence is its weight over the two heaviest plus one (the one stands
//! for the signals not seen: a page with no signal is a weak article), so
//! it grows with the evidence and with the margin. The evidence lists the
//! signals that counted.

use crate::model::{PageKind, PageType};

/// Class/id words counted as structure signals, by group (see
/// [`Counts`]). Matched like the clean stage's tokens (whole words with
/// separators removed, and their `-`/`_` parts).
pub(crate) const POST_WORDS: &[&str] = &[
    "post", "posts", "postbody", "reply", "replies", "message", "messages", "answer", "answers",
    "topic", "thread", "comment", "comments",
];
pub(crate) const USER_WORDS: &[&str] = &[
    "username",
    "avatar",
    "userinfo",
    "postauthor",
    "poster",
    "usercard",
    "memberinfo",
];
pub(crate) const SHOP_WORDS: &[&str] = &[
    "price",
    "prices",
    "cart",
    "addtocart",
    "sku",
    "stock",
    "quantity",
    "checkout",
    "variant",
    "swatch",
    "wishlist",
];
pub(crate) const FILTER_WORDS: &[&str] =
    &["filter", "filters", "facet", "facets", "sort", "sorting"];
pub(crate) const CARD_WORDS: &[&str] = &[
    "card", "cards", "tile", "tiles", "item", "items", "teaser", "result", "results", "listing",
];
pub(crate) const PROMO_WORDS: &[&str] = &[
    "hero",
    "cta",
    "pricing",
    "features",
    "testimonial",
    "testimonials",
    "faq",
    "plans",
];

/// Structure counts gathered while the page is cleaned.
pub(crate) use crate::page::StructureCounts as Counts;

/// What the verdict reads.
#[derive(Debug, Default)]
pub(crate) struct Signals<'a> {
    /// Types the page declares: JSON-LD `@type` values and microdata
    /// `itemtype` names.
    pub ld_types: &'a [String],
    /// `og:type`, lower-cased.
    pub og_type: Option<&'a str>,
    /// The page's URL (canonical, else the caller's).
    pub url: Option<&'a str>,
    pub has_date: bool,
    pub has_author: bool,
    pub counts: Counts,
    /// Non-space characters of the main content and of them in paragraphs.
    pub body_chars: u32,
    pub body_p_chars: u32,
}

const KINDS: [PageKind; 7] = [
    PageKind::Article,
    PageKind::Forum,
    PageKind::Product,
    PageKind::Collection,
    PageKind::Listing,
    PageKind::Documentation,
    PageKind::Service,
];

/// Weights by kind, with the signals that gave them.
struct Tally {
    weight: [f32; 7],
    evidence: Vec<String>,
}

impl Tally {
    fn add(&mut self, kind: PageKind, w: f32, why: &str) {
        if let Some(i) = KINDS.iter().position(|k| *k == kind) {
            self.weight[i] += w;
        }
        self.evidence
            .push(format!("{why} → {} +{w}", kind_name(kind)));
    }
}

fn kind_name(kind: PageKind) -> &'static str {
    match kind {
        PageKind::Article => "article",
        PageKind::Forum => "forum",
        PageKind::Product => "product",
        PageKind::Collection => "collection",
        PageKind::Listing => "listing",
        PageKind::Documentation => "documentation",
        PageKind::Service => "service",
        _ => "other",
    }
}

/// The host and the lower-cased words of the path of `url` (split at `/`,
/// `.`, `-`, `_`; query and fragment left out).
fn url_words(url: &str) -> (String, Vec<String>) {
    let rest = url
        .split_once("://")
        .map_or(url, |(_, r)| r)
        .to_ascii_lowercase();
    let (host, path) = rest.split_once('/').unwrap_or((rest.as_str(), ""));
    let path = path.split(['?', '#']).next().unwrap_or("");
    let words = path
        .split(['/', '.', '-', '_'])
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    (host.to_owned(), words)
}

fn any_word(words: &[String], set: &[&str]) -> Option<String> {
    words.iter().find(|w| set.contains(&w.as_str())).cloned()
}

/// The `@type` values of the JSON-LD scripts (iterative walk; a type
/// given as a list gives each of its names).
pub(crate) fn json_ld_types(scripts: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for script in scripts {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(script.trim()) else {
            continue;
        };
        let mut stack = vec![&value];
        while let Some(v) = stack.pop() {
            match v {
                serde_json::Value::Object(map) => {
                    match map.get("@type") {
                        Some(serde_json::Value::String(t)) => out.push(t.clone()),
                        Some(serde_json::Value::Array(ts)) => {
                            out.extend(ts.iter().filter_map(|t| t.as_str().map(str::to_owned)));
                        }
                        _ => {}
                    }
                    stack.extend(map.values());
                }
                serde_json::Value::Array(items) => stack.extend(items),
                _ => {}
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Linked headings that make a page an index of teasers.
const TEASER_TITLES: u32 = 10;

/// The verdict and its evidence.
pub(crate) fn verdict(s: &Signals<'_>) -> (PageType, Vec<String>) {
    let mut t = Tally {
        weight: [0.0; 7],
        evidence: Vec::new(),
    };
    // A weak prior: most pages that reach an article extractor are articles.
    t.weight[0] += 0.8;
    let has = |names: &[&str]| s.ld_types.iter().any(|x| names.contains(&x.as_str()));
    if has(&["DiscussionForumPosting", "QAPage", "SocialMediaPosting"]) {
        t.add(
            PageKind::Forum,
            4.0,
            "declared discussion/Q&A type (JSON-LD or microdata)",
        );
    }
    if has(&[
        "NewsArticle",
        "BlogPosting",
        "Article",
        "ReportageNewsArticle",
        "OpinionNewsArticle",
        "AnalysisNewsArticle",
    ]) {
        t.add(PageKind::Article, 2.0, "declared article type");
    }
    if has(&["TechArticle", "APIReference"]) {
        t.add(
            PageKind::Documentation,
            2.0,
            "declared technical article type",
        );
    }
    if has(&["Product"]) {
        let w = if has(&["Offer"]) { 3.0 } else { 1.0 };
        t.add(PageKind::Product, w, "declared product type");
    }
    if has(&[
        "CollectionPage",
        "ItemList",
        "OfferCatalog",
        "SearchResultsPage",
    ]) {
        t.add(PageKind::Collection, 1.0, "declared collection type");
        t.add(PageKind::Listing, 1.0, "declared collection type");
    }
    match s.og_type {
        Some("article") => t.add(PageKind::Article, 1.5, "og:type article"),
        Some(o) if o.starts_with("product.group") || o == "product:group" => {
            t.add(PageKind::Collection, 3.0, "og:type product group");
        }
        Some(o) if o.starts_with("product") || o.ends_with(":item") => {
            t.add(PageKind::Product, 3.0, "og:type product");
        }
        Some("website") => {
            t.add(PageKind::Service, 0.5, "og:type website");
            t.add(PageKind::Listing, 0.3, "og:type website");
            t.add(PageKind::Collection, 0.3, "og:type website");
        }
        _ => {}
    }
    if let Some(url) = s.url {
        let (host, words) = url_words(url);
        let host_word = |w: &str| host.split(['.', '-']).any(|p| p == w);
        if let Some(w) = any_word(
            &words,
            &[
                "t",
                "threads",
                "thread",
                "topic",
                "questions",
                "viewtopic",
                "forum",
                "forums",
                "community",
                "discussion",
                "discussions",
                "comments",
                "boards",
                "talk",
            ],
        ) {
            t.add(PageKind::Forum, 3.0, &format!("URL word \"{w}\""));
        } else if [
            "forum",
            "forums",
            "community",
            "answers",
            "boards",
            "discuss",
        ]
        .iter()
        .any(|w| host_word(w))
        {
            t.add(PageKind::Forum, 2.5, "forum host name");
        }
        if let Some(w) = any_word(
            &words,
            &[
                "docs",
                "doc",
                "documentation",
                "reference",
                "api",
                "manual",
                "library",
                "tutorial",
                "learn",
                "guide",
                "guides",
                "wiki",
                "man",
                "book",
                "quickstart",
            ],
        ) {
            t.add(PageKind::Documentation, 2.0, &format!("URL word \"{w}\""));
        } else if ["docs", "developer", "wiki", "doc"]
            .iter()
            .any(|w| host.starts_with(w) && host.as_bytes().get(w.len()) == Some(&b'.'))
        {
            t.add(PageKind::Documentation, 2.0, "documentation host name");
        }
        if let Some(w) = any_word(
            &words,
            &[
                "products", "product", "p", "dp", "itm", "item", "pdp", "listing", "app", "detail",
            ],
        ) {
            t.add(PageKind::Product, 2.0, &format!("URL word \"{w}\""));
        }
        if let Some(w) = any_word(
            &words,
            &[
                "collections",
                "collection",
                "c",
                "category",
                "categories",
                "cat",
                "shop",
                "browse",
                "l",
                "b",
                "department",
                "store",
            ],
        ) {
            t.add(PageKind::Collection, 2.0, &format!("URL word \"{w}\""));
        }
        if words.len() >= 2 {
            if let Some(w) = any_word(
                &words,
                &[
                    "blog", "news", "article", "articles", "post", "posts", "story", "stories",
                ],
            ) {
                t.add(PageKind::Article, 1.5, &format!("URL word \"{w}\""));
            }
        }
        if let Some(w) = any_word(
            &words,
            &[
                "services",
                "service",
                "solutions",
                "pricing",
                "features",
                "platform",
                "consulting",
                "programs",
                "certificates",
                "insurance",
            ],
        ) {
            t.add(PageKind::Service, 1.0, &format!("URL word \"{w}\""));
        }
        if words.is_empty() {
            t.add(PageKind::Listing, 1.0, "site's home page");
            t.add(PageKind::Service, 1.5, "site's home page");
        }
    }
    if s.has_date {
        t.add(PageKind::Article, 1.5, "publication date");
    }
    if s.has_author {
        t.add(PageKind::Article, 1.0, "author");
    }
    let c = s.counts;
    if c.pre >= 3 || c.code >= 15 {
        t.add(PageKind::Documentation, 2.0, "code blocks");
    }
    if c.post >= 15 && c.user >= 3 {
        t.add(PageKind::Forum, 1.5, "post and user markup");
    }
    if c.shop >= 3 {
        t.add(PageKind::Product, 1.0, "price/cart markup");
        t.add(PageKind::Collection, 0.5, "price/cart markup");
    }
    if c.shop >= 15 {
        t.add(PageKind::Collection, 1.5, "many prices");
    }
    if c.filter >= 5 {
        t.add(PageKind::Collection, 1.0, "filter/sort markup");
    }
    if c.sections >= 6 {
        t.add(PageKind::Service, 1.0, "many sections");
    }
    if c.promo >= 3 {
        t.add(PageKind::Service, 1.0, "hero/pricing/feature markup");
    }
    if c.card >= 20 && !s.has_date {
        t.add(PageKind::Listing, 1.0, "repeated cards");
    }
    if s.body_p_chars >= 3000 && u64::from(s.body_p_chars) * 10 >= u64::from(s.body_chars) * 7 {
        t.add(PageKind::Article, 1.0, "long running prose");
    }
    // Many headings that are links' text (the titles of teaser cards) over
    // little running prose, and few prices: an index of stories, courses or
    // reviews. It outweighs a date and an author (with the prior): an
    // index shows its newest story's.
    if c.linked_headings >= TEASER_TITLES && s.body_p_chars < 3000 && c.shop < 15 {
        t.add(
            PageKind::Listing,
            3.5,
            "many linked headings (teaser titles)",
        );
    }
    let mut order: Vec<usize> = (0..KINDS.len()).collect();
    order.sort_by(|a, b| t.weight[*b].total_cmp(&t.weight[*a]).then(a.cmp(b)));
    let (best, second) = (t.weight[order[0]], t.weight[order[1]]);
    let confidence = best / (best + second + 1.0);
    (
        PageType {
            kind: KINDS[order[0]],
            confidence: (confidence * 100.0).round() / 100.0,
        },
        t.evidence,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(s: &Signals<'_>) -> PageKind {
        verdict(s).0.kind
    }

    #[test]
    fn declared_types_and_url_words_decide() {
        let forum = ["DiscussionForumPosting".to_owned()];
        assert_eq!(
            kind(&Signals {
                ld_types: &forum,
                has_date: true,
                has_author: true,
                ..Default::default()
            }),
            PageKind::Forum
        );
        assert_eq!(
            kind(&Signals {
                url: Some("https://example.org/docs/guide/install"),
                counts: Counts {
                    pre: 5,
                    ..Default::default()
                },
                ..Default::default()
            }),
            PageKind::Documentation
        );
        let product = ["Product".to_owned(), "Offer".to_owned()];
        assert_eq!(
            kind(&Signals {
                ld_types: &product,
                og_type: Some("product"),
                url: Some("https://shop.example/products/blue-mug"),
                ..Default::default()
            }),
            PageKind::Product
        );
        assert_eq!(
            kind(&Signals {
                og_type: Some("article"),
                url: Some("https://example.com/blog/2025/a-walk-in-the-hills"),
                has_date: true,
                ..Default::default()
            }),
            PageKind::Article
        );
        assert_eq!(
            kind(&Signals {
                url: Some("https://shop.example/collections/mugs"),
                counts: Counts {
                    shop: 40,
                    filter: 8,
                    ..Default::default()
                },
                ..Default::default()
            }),
            PageKind::Collection
        );
    }

    #[test]
    fn teaser_titles_over_little_prose_make_a_listing() {
        let index = |linked_headings, body_p_chars| Signals {
            url: Some("https://example.org/journal/"),
            has_date: true,
            has_author: true,
            counts: Counts {
                linked_headings,
                ..Default::default()
            },
            body_p_chars,
            body_chars: body_p_chars + 2000,
            ..Default::default()
        };
        // A blog's index: a dozen linked titles, a line of excerpt each; the
        // date and author are the newest post's.
        assert_eq!(kind(&index(12, 1800)), PageKind::Listing);
        // An article with a long related-links block stays an article.
        assert_eq!(kind(&index(12, 6000)), PageKind::Article);
        assert_eq!(kind(&index(6, 1800)), PageKind::Article);
    }

    #[test]
    fn no_signal_is_a_weak_article() {
        let (t, evidence) = verdict(&Signals::default());
        assert_eq!(t.kind, PageKind::Article);
        assert!(evidence.is_empty());
        assert!(t.confidence < 0.5, "{t:?}");
    }

    #[test]
    fn url_words_split_the_path() {
        let (host, words) = url_words("https://Forum.Example.org/t/some-topic/123?x=1#y");
        assert_eq!(host, "forum.example.org");
        assert_eq!(words, ["t", "some", "topic", "123"]);
    }
}
