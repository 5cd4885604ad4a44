//! Metadata harvest for HTML pages (Stage::Metadata, before cleaning).
//!
//! One pass over the document collects every source — `<html lang>`,
//! `<title>`, `<base>`, `<meta>` (name/property/itemprop/http-equiv),
//! `<link rel=canonical>`, JSON-LD scripts, `<time>`, microdata `itemprop`,
//! `rel=author` and byline-class elements, `h1`/`h2` texts — into a
//! [`Harvest`]; `metadata.harvest` then picks each field from it and records
//! which source won (`Report::provenance`). Order per field:
//!
//! | field       | sources, first wins                                                     |
//! |-------------|-------------------------------------------------------------------------|
//! | `site_name` | JSON-LD article `publisher.name`, `og:site_name`, `application-name` (not title-like), JSON-LD `WebSite.name` |
//! | `headline`  | JSON-LD `name`/`headline` (the one like `<title>`), `dc:title`, `og:title`, meta `title`, `twitter:title`, `parsely-title`, itemprop `headline`, then `<title>` cleaned like Readability.js `_getArticleTitle`; then a site-name part is cut and a part equal to the `<h1>` kept |
//! | `dek`       | JSON-LD description, `dc:description`, `og:description`, meta `description`, `twitter:description` |
//! | `byline`    | JSON-LD authors, `dc:creator`, meta `author`, `parsely-author`, `article:author` (not a URL), the first byline element outside page chrome, then inside it; the first that yields a cleaned name |
//! | `published` | declarations: JSON-LD `datePublished`, publication-date meta names, microdata `datePublished` (not a comment's), with a later one on the same date that has a time or zone replacing an earlier one; then JSON-LD `dateCreated`; then `<time pubdate>`; then a `<time>` or date-class element in the article header (by the author line or near a headline); `metadata.url-date` (a URL date a shown date confirms) when none. See `choose_published` |
//! | `modified`  | JSON-LD `dateModified`, `article:modified_time`, `og:updated_time`, itemprop `dateModified` |
//! | `language`  | `<html lang>`, `content-language`, `dc:language`, `og:locale`, JSON-LD `inLanguage` |
//! | `url`       | `<link rel=canonical>`, `og:url`, JSON-LD `url`, resolved against `<base>` and the caller URL |
//! | `tags`      | `article:tag`, `keywords`, `news_keywords`, JSON-LD `keywords` |
//! | `images`    | `og:image`, `twitter:image`, itemprop `image`, JSON-LD `image`  |
//!
//! For a meta key given several times the last tag wins (a `property`
//! after a `name`), as reader modes do.

mod byline;
mod dates;
mod json_ld;
mod title;
mod url;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use ego_tree::NodeRef;
use once_cell::sync::Lazy;
use regex::Regex;
use scraper::{ElementRef, Node};

use crate::error::BoxError;
use crate::heuristic::{Builtin, Context, Draft, Heuristic, Stage};

use crate::util::collapse_whitespace as collapse;
pub(crate) use byline::people;
pub(crate) use dates::parse_date;
use dates::{When, parse_when};
use json_ld::LdArticle;
pub(crate) use url::host as url_host;

/// Class/id of an element holding the author line (after Readability.js
/// `REGEXPS.byline`). Every table below is matched as substrings, ignoring
/// ASCII case.
const BYLINE_WORDS: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];
/// Class/id of site chrome around the article (after Readability.js
/// `REGEXPS.unlikelyCandidates`).
const CHROME_WORDS: &[&str] = &[
    "-ad-",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
];
/// Class/id that rescues a chrome-looking container (after Readability.js
/// `REGEXPS.okMaybeItsACandidate`).
const NOT_CHROME_WORDS: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "shadow",
];
/// Class/id of an element holding the publication date.
const DATE_WORDS: &[&str] = &[
    "publish",
    "pubdate",
    "posted",
    "dateline",
    "timestamp",
    "post-date",
    "entry-date",
    "article-date",
    "date-published",
];

/// The four class/id tables above in one automaton, so each class and id
/// string is scanned once per element; [`CLASS_TABLE`] gives each
/// pattern's table. A regex set did the same job at ten times the cost.
static CLASS_WORDS: Lazy<(aho_corasick::dfa::DFA, Vec<u8>)> = Lazy::new(|| {
    let tables = [BYLINE_WORDS, CHROME_WORDS, NOT_CHROME_WORDS, DATE_WORDS];
    let mut words = Vec::new();
    let mut table_of = Vec::new();
    for (t, table) in (0u8..).zip(tables) {
        words.extend_from_slice(table);
        table_of.extend(std::iter::repeat_n(t, table.len()));
    }
    // A DFA driven byte by byte below: class strings are short, and the
    // searcher's per-call setup cost more than the scan.
    let dfa = aho_corasick::dfa::DFA::builder()
        .ascii_case_insensitive(true)
        .match_kind(aho_corasick::MatchKind::Standard)
        .build(words)
        .expect("CLASS_WORDS");
    (dfa, table_of)
});

/// A full date in a URL path: `/2019/11/19/`, `/2019-11-19`.
static URL_DATE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/_-]|\.html?|$)").expect("URL_DATE")
});

/// An inline `display:none` / `visibility:hidden` style.
static HIDDEN_STYLE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i-u)display\s*:\s*none|visibility\s*:\s*hidden").expect("HIDDEN_STYLE")
});

pub(crate) fn heuristics() -> Vec<Arc<dyn Heuristic>> {
    vec![
        Arc::new(Builtin {
            name: "metadata.harvest",
            stage: Stage::Metadata,
            description: "Reads headline, dek, byline, dates, site name, language, canonical URL, tags and lead image from JSON-LD, Open Graph, Twitter cards, meta tags, microdata, <time>, byline elements and <title>, in one pass over the page.",
            run: harvest_metadata,
        }),
        Arc::new(Builtin {
            name: "metadata.url-date",
            stage: Stage::Metadata,
            description: "When the page declared no publication date, takes a full date from the canonical or caller URL (/2019/11/19/) if a date shown in the page (<time>, date-class element) agrees.",
            run: url_date_fallback,
        }),
    ]
}

/// A URL date alone is weak (a slug date, an archive path); a date shown in
/// the page on the same day confirms it, and gives the time of day when it
/// has one.
fn url_date_fallback(draft: &mut Draft, cx: &Context<'_>) -> Result<(), BoxError> {
    let Some(dom) = draft.dom.as_ref() else {
        return Ok(());
    };
    if draft.article.published.is_some() {
        return Ok(());
    }
    let Some(from_url) = [draft.article.url.as_deref(), cx.url]
        .into_iter()
        .flatten()
        .find_map(url_date)
    else {
        return Ok(());
    };
    let Some(shown) = shown_date_on(dom.html.tree.root(), &from_url) else {
        return Ok(());
    };
    let w = if shown.specificity() > from_url.specificity() {
        shown
    } else {
        from_url
    };
    draft.article.published = Some(w.iso());
    draft.record(
        "published",
        "metadata.url-date",
        "url path, confirmed by a date in the page",
        0.5,
    );
    Ok(())
}

/// The first `<time>` or date-class element (outside `<head>`) on the same
/// day as `day`. Looks at no more than 64 candidates.
fn shown_date_on(root: NodeRef<'_, Node>, day: &When) -> Option<When> {
    root.descendants()
        .filter_map(ElementRef::wrap)
        .filter_map(|el| {
            let a = Attrs::of(el.value());
            let is_time = el.value().name() == "time";
            if !(is_time || a.class_flags().date) || a.marks_update() {
                return None;
            }
            Some(match (is_time, a.datetime) {
                (true, Some(d)) => d.to_owned(),
                (true, None) => text_of(el, 100),
                (false, _) => text_of(el, 120),
            })
        })
        .take(64)
        .filter_map(|t| parse_when(&t))
        .find(|w| w.same_date(day))
}

/// Everything the pass collects.
#[derive(Debug, Default)]
struct Harvest<'a> {
    html_lang: Option<String>,
    base_href: Option<String>,
    canonical: Option<String>,
    title: Option<String>,
    /// (normalised key, content) for meta name/property/itemprop/http-equiv
    /// and microdata itemprop values, in document order.
    /// The flag marks microdata (`itemprop`) values, which can come from
    /// nested items (comments, related stories) further down the page.
    /// Keys and values borrow from the page unless normalising changed them.
    metas: Vec<(Cow<'a, str>, Cow<'a, str>, bool)>,
    /// Positions in `metas` of each key of the tables below: the lookups
    /// ask for dozens of keys, and a page has dozens of meta tags.
    by_key: HashMap<&'static str, Vec<usize>>,
    ld_scripts: Vec<serde_json::Value>,
    /// `<time>` elements outside page chrome, and any `<time pubdate>`.
    times: Vec<ShownDate>,
    /// Texts of elements whose class/id says "date", outside page chrome.
    date_texts: Vec<ShownDate>,
    /// Text offsets (see [`ShownDate::pos`]) of the page's headlines: `<h1>`
    /// and `itemprop=headline` elements outside page chrome.
    headline_pos: Vec<usize>,
    h1s: Vec<String>,
    h2s: Vec<String>,
    /// The first author line in the page body (Readability's DOM byline).
    dom_byline: Option<String>,
    /// The first author line inside page chrome (header, footer, sidebar):
    /// a last resort.
    chrome_byline: Option<String>,
}

impl<'a> Harvest<'a> {
    /// Records a meta value (`key` normalised).
    fn push_meta(&mut self, key: Cow<'a, str>, value: Cow<'a, str>, microdata: bool) {
        if let Some(known) = KNOWN_KEYS.get(key.as_ref()) {
            self.by_key.entry(known).or_default().push(self.metas.len());
        }
        self.metas.push((key, value, microdata));
    }

    /// The `(value, microdata)` entries of one key of the tables, in
    /// document order.
    fn entries(&self, key: &str) -> impl DoubleEndedIterator<Item = (&str, bool)> + '_ {
        debug_assert!(KNOWN_KEYS.contains(key), "{key} is in no key table");
        self.by_key
            .get(key)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.metas.get(i))
            .map(|(_, v, micro)| (v.as_ref(), *micro))
    }

    /// The first non-empty value for any of the keys, in key order. For a
    /// key, the last `<meta>` tag wins (a later `property` overrides an
    /// earlier `name`, as reader modes do); microdata is used only when no
    /// tag has the key, and then the first value wins (later ones tend to
    /// belong to nested items).
    fn meta(&self, keys: &[&str]) -> Option<(&'static str, String)> {
        keys.iter().find_map(|k| {
            let usable = |(v, _): &(&str, bool)| !v.trim().is_empty();
            self.entries(k)
                .rev()
                .filter(|(_, micro)| !micro)
                .find(usable)
                .or_else(|| self.entries(k).filter(|(_, micro)| *micro).find(usable))
                .map(|(v, _)| (static_key(k), unescape(v.trim())))
        })
    }

    /// All values of the keys, in document order.
    fn meta_all(&self, keys: &[&str]) -> impl Iterator<Item = &str> + '_ {
        let mut at: Vec<usize> = keys
            .iter()
            .filter_map(|k| {
                debug_assert!(KNOWN_KEYS.contains(k), "{k} is in no key table");
                self.by_key.get(k)
            })
            .flatten()
            .copied()
            .collect();
        at.sort_unstable();
        at.into_iter()
            .filter_map(|i| self.metas.get(i))
            .map(|(_, v, _)| v.as_ref())
    }
}

/// A date shown in the page body (a `<time>` or a date-class element): a
/// weak signal, see [`choose_published`].
#[derive(Debug, Clone)]
struct ShownDate {
    /// `datetime` attribute or text.
    value: String,
    /// Has the HTML `pubdate` attribute (explicit publication-date markup).
    pubdate: bool,
    /// Number of body text bytes (trimmed text nodes) before the element.
    pos: usize,
    /// Sits in the author line: inside a byline/`<address>` element or next
    /// to one (`By <a rel=author>Ana</a> on <time>`).
    by_byline: bool,
}

/// How far from a headline, in text bytes, a shown date still belongs to
/// the article header: before it, a kicker or dateline; after it, a dek and
/// an author line.
const HEADER_BEFORE: usize = 300;
const HEADER_AFTER: usize = 600;

impl ShownDate {
    /// In the article header: next to the author line, or close to a
    /// headline.
    fn in_header(&self, headlines: &[usize]) -> bool {
        self.by_byline
            || headlines
                .iter()
                .any(|&h| self.pos + HEADER_BEFORE >= h && self.pos <= h + HEADER_AFTER)
    }
}

/// The static table entry equal to `k` (keys come from those tables), so
/// provenance needs no allocation.
fn static_key(k: &str) -> &'static str {
    KNOWN_KEYS.get(k).copied().unwrap_or("meta")
}

const TITLE_KEYS: &[&str] = &[
    "dc:title",
    "dcterm:title",
    "dcterms:title",
    "og:title",
    "weibo:article:title",
    "weibo:webpage:title",
    "title",
    "twitter:title",
    "parsely-title",
    "headline",
];
const AUTHOR_KEYS: &[&str] = &[
    "dc:creator",
    "dcterm:creator",
    "dcterms:creator",
    "author",
    "parsely-author",
    "article:author",
    "og:article:author",
    "sailthru:author",
    "byl",
];
const DESCRIPTION_KEYS: &[&str] = &[
    "dc:description",
    "dcterm:description",
    "dcterms:description",
    "og:description",
    "weibo:article:description",
    "weibo:webpage:description",
    "description",
    "twitter:description",
];
const SITE_KEYS: &[&str] = &[
    "og:site_name",
    "application-name",
    "apple-mobile-web-app-title",
];
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "parsely-pub-date",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "article:published",
    "sailthru:date",
    "dc:date",
    "dcterm:date",
    "dcterms:date",
    "dc:date:issued",
    "dcterms:created",
    "dcterm:created",
    "dcterms:issued",
    "dcterm:issued",
    "citation_publication_date",
    "citation_date",
    "date",
    "datecreated",
    "originalpublicationdate",
    "article_date_original",
    "cxenseparse:recs:publishtime",
    "og:article:published_time",
];
const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms:modified",
    "last-modified",
    "lastmod",
];
const LANGUAGE_KEYS: &[&str] = &["content-language", "dc:language", "og:locale", "inlanguage"];
const IMAGE_KEYS: &[&str] = &[
    "og:image",
    "og:image:url",
    "og:image:secure_url",
    "twitter:image",
    "twitter:image:src",
    "image",
    "thumbnailurl",
];
const TAG_KEYS: &[&str] = &["article:tag", "keywords", "news_keywords", "parsely-tags"];
const URL_KEYS: &[&str] = &["og:url", "twitter:url"];

static KNOWN_KEYS: Lazy<HashSet<&'static str>> = Lazy::new(|| {
    [
        TITLE_KEYS,
        AUTHOR_KEYS,
        DESCRIPTION_KEYS,
        SITE_KEYS,
        PUBLISHED_KEYS,
        MODIFIED_KEYS,
        LANGUAGE_KEYS,
        IMAGE_KEYS,
        TAG_KEYS,
        URL_KEYS,
    ]
    .concat()
    .into_iter()
    .collect()
});

/// What encloses a node, for the pass below.
#[derive(Debug, Default, Clone, Copy)]
struct Within {
    /// Inside `<body>`.
    body: bool,
    /// Inside a site-chrome container (header, sidebar, comments, ...).
    chrome: bool,
    /// Inside an author-line element.
    byline: bool,
    /// Inside a microdata comment item.
    comment: bool,
}

/// One iterative pass over the document.
fn collect(root: NodeRef<'_, Node>) -> Harvest<'_> {
    let mut h = Harvest::default();
    // Body text bytes seen so far (document order): positions for the
    // header test of shown dates.
    let mut text_pos = 0usize;
    let mut class_cache = ClassCache::default();
    // Document order. A node's next sibling is pushed when the node is
    // taken (with `true`), so the stack grows with the depth, not with the
    // number of children.
    let mut stack: Vec<(NodeRef<'_, Node>, Within, bool)> = vec![(root, Within::default(), false)];
    while let Some((node, within, siblings)) = stack.pop() {
        if let Some(next) = node.next_sibling().filter(|_| siblings) {
            stack.push((next, within, true));
        }
        let Within {
            body: in_body,
            chrome: in_chrome,
            byline: in_byline,
            comment: in_comment,
        } = within;
        let mut child = within;
        if let Some(el) = ElementRef::wrap(node) {
            let e = el.value();
            let name = e.name();
            // One scan of the attributes; `Element::attr` interns its
            // argument on every call, which dominated this pass.
            let a = Attrs::of(e);
            // Class/id words matter in the body only; inside site chrome
            // only while no author line is found (every other use of them
            // there is settled: the subtree is chrome already, and its
            // dates do not count).
            let settled = in_chrome && (h.dom_byline.is_some() || h.chrome_byline.is_some());
            let cf = if in_body && !settled {
                a.class_flags_cached(&mut class_cache)
            } else {
                ClassFlags::default()
            };
            match name {
                "html" if h.html_lang.is_none() => {
                    h.html_lang = a.lang.map(str::to_owned);
                }
                "body" => child.body = true,
                "base" if h.base_href.is_none() => {
                    h.base_href = a.href.map(str::to_owned);
                }
                "title" if h.title.is_none() && !in_body => {
                    h.title = Some(text_of(el, 600));
                    continue;
                }
                "meta" => {
                    if let Some(content) = a.content {
                        let keys = [
                            (a.property, false),
                            (a.name, false),
                            (a.http_equiv, false),
                            (a.itemprop, true),
                        ];
                        for (attr, microdata) in keys {
                            // `property` may list several, space-separated.
                            for k in attr.into_iter().flat_map(str::split_whitespace) {
                                h.push_meta(norm_key(k), Cow::Borrowed(content), microdata);
                            }
                        }
                    }
                    continue;
                }
                "link" => {
                    let rel = a.rel.unwrap_or("");
                    if h.canonical.is_none()
                        && rel
                            .split_whitespace()
                            .any(|r| r.eq_ignore_ascii_case("canonical"))
                    {
                        h.canonical = a.href.map(str::to_owned);
                    }
                    if let (Some(ip), Some(href)) = (a.itemprop, a.href) {
                        h.push_meta(norm_key(ip), Cow::Borrowed(href), true);
                    }
                    continue;
                }
                "script" => {
                    let ld = a
                        .type_
                        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                    if ld && h.ld_scripts.len() < 32 {
                        let text: String = el.text().collect();
                        if let Some(v) = json_ld::parse_script(&text) {
                            h.ld_scripts.push(v);
                        }
                    }
                    continue;
                }
                "style" | "noscript" | "template" | "svg" => continue,
                _ => {}
            }
            if in_body && a.is_hidden() {
                continue;
            }
            if let Some(ip) = a.itemprop {
                let value = a.content.or(a.datetime).map(Cow::Borrowed).or_else(|| {
                    let t = text_of(el, 300);
                    (!t.is_empty() && t.chars().count() < 300).then_some(Cow::Owned(t))
                });
                if let Some(v) = value {
                    for k in ip.split_whitespace() {
                        let k = norm_key(k);
                        // An itemprop=author container holds a name inside.
                        // A date of a comment or related item is not the
                        // article's.
                        if k == "author" || k == "creator" || in_comment && k.starts_with("date") {
                            continue;
                        }
                        h.push_meta(k, v.clone(), true);
                    }
                }
            }
            let headline_like = name == "h1"
                || a.itemprop
                    .is_some_and(|i| i.eq_ignore_ascii_case("headline"));
            if in_body && !in_chrome && headline_like && h.headline_pos.len() < 8 {
                h.headline_pos.push(text_pos);
            }
            match name {
                // A `<time>` marked as an update is never the publication;
                // an unmarked one in a header, sidebar or comment list
                // belongs to another story or to a comment.
                "time" if h.times.len() < 16 && !a.marks_update() && (a.pubdate || !in_chrome) => {
                    let value = a
                        .datetime
                        .map(str::to_owned)
                        .unwrap_or_else(|| text_of(el, 100));
                    h.times.push(ShownDate {
                        value,
                        pubdate: a.pubdate,
                        pos: text_pos,
                        by_byline: in_byline || next_to_byline(node),
                    });
                }
                "h1" if h.h1s.len() < 8 => h.h1s.push(text_of(el, 400)),
                "h2" if h.h2s.len() < 16 => h.h2s.push(text_of(el, 400)),
                _ => {}
            }
            if in_body {
                if h.date_texts.len() < 8 && !in_chrome && cf.date && !a.marks_update() {
                    let t = text_of(el, 120);
                    if !t.is_empty() && t.chars().count() < 120 {
                        h.date_texts.push(ShownDate {
                            value: t,
                            pubdate: false,
                            pos: text_pos,
                            by_byline: in_byline || next_to_byline(node),
                        });
                    }
                }
                if is_byline_marker(name, &a, cf) {
                    child.byline = true;
                }
                if h.dom_byline.is_none() && (!in_chrome || h.chrome_byline.is_none()) {
                    let rel_author = a.rel.is_some_and(|r| r.eq_ignore_ascii_case("author"));
                    let ip_author = a
                        .itemprop
                        .is_some_and(|i| i.to_ascii_lowercase().contains("author"));
                    if (rel_author || ip_author || cf.byline) && raw_len_below(el, 100) {
                        let t = byline_text(el);
                        if t.is_empty() {
                        } else if in_chrome {
                            h.chrome_byline = Some(t);
                        } else {
                            h.dom_byline = Some(t);
                        }
                    }
                }
                // Bylines inside headers, footers, sidebars or comment lists
                // belong to something else (Readability.js drops these
                // containers before it looks further down).
                if name != "body" && name != "a" && cf.chrome && !cf.not_chrome {
                    child.chrome = true;
                }
                // Dates inside a comment item are the comment's.
                if a.itemtype.is_some_and(|t| t.contains("Comment"))
                    || a.itemprop
                        .is_some_and(|i| i.eq_ignore_ascii_case("comment"))
                {
                    child.chrome = true;
                    child.comment = true;
                }
            }
        } else if let Node::Text(t) = node.value() {
            if in_body {
                // Indentation between tags is most text nodes: ASCII
                // whitespace first, without decoding characters.
                text_pos += t.trim_ascii().trim().len();
            }
            continue;
        } else if !matches!(node.value(), Node::Document | Node::Fragment) {
            continue;
        }
        if let Some(first) = node.first_child() {
            stack.push((first, child, true));
        }
    }
    h
}

/// An author-line element: `rel=author`, `itemprop=author`, a byline
/// class/id, or `<address>` (the contact line of an article).
fn is_byline_marker(name: &str, a: &Attrs<'_>, cf: ClassFlags) -> bool {
    name == "address"
        || cf.byline
        || a.rel.is_some_and(|r| r.eq_ignore_ascii_case("author"))
        || a.itemprop
            .is_some_and(|i| i.to_ascii_lowercase().contains("author"))
}

/// A sibling within a few elements is an author-line element. Bounded: at
/// most 12 nodes each way.
fn next_to_byline(node: NodeRef<'_, Node>) -> bool {
    let check = |n: NodeRef<'_, Node>| {
        ElementRef::wrap(n).is_some_and(|e| {
            let a = Attrs::of(e.value());
            is_byline_marker(e.value().name(), &a, a.class_flags())
        })
    };
    let before = node
        .prev_siblings()
        .take(12)
        .filter(|n| n.value().is_element());
    let after = node
        .next_siblings()
        .take(12)
        .filter(|n| n.value().is_element());
    before.chain(after).any(check)
}

/// True when the element's trimmed text, whitespace included, is non-empty
/// and shorter than `limit` chars (a byline is short; a box with a bio is
/// not). Stops counting at the limit.
fn raw_len_below(el: ElementRef<'_>, limit: usize) -> bool {
    let mut n = 0usize;
    let mut pending_ws = 0usize;
    let mut started = false;
    let mut scanned = 0usize;
    for t in el.text() {
        for c in t.chars() {
            // Whitespace-only megabytes must not be scanned once per
            // nested byline-like element.
            scanned += 1;
            if scanned > 4 * limit + 4096 {
                return false;
            }
            if c.is_whitespace() {
                if started {
                    pending_ws += 1;
                }
            } else {
                started = true;
                n += pending_ws + 1;
                pending_ws = 0;
            }
            if n >= limit {
                return false;
            }
        }
    }
    n > 0
}

/// The author text of a byline element: an `itemprop=name` inside wins.
fn byline_text(el: ElementRef<'_>) -> String {
    for d in el.descendants().take(200) {
        if let Some(de) = ElementRef::wrap(d) {
            if de
                .value()
                .attr("itemprop")
                .is_some_and(|i| i.to_ascii_lowercase().contains("name"))
            {
                let t = spaced_text_of(de, 200);
                if !t.is_empty() {
                    return t;
                }
            }
        }
    }
    spaced_text_of(el, 200)
}

/// Class/id matches of one element.
#[derive(Debug, Default, Clone, Copy)]
struct ClassFlags {
    byline: bool,
    chrome: bool,
    not_chrome: bool,
    date: bool,
}

impl ClassFlags {
    /// Adds the tables a class or id string matches.
    fn add(&mut self, s: &str) {
        use aho_corasick::Anchored;
        use aho_corasick::automaton::Automaton;
        let (dfa, table_of) = &*CLASS_WORDS;
        let Ok(mut sid) = dfa.start_state(Anchored::No) else {
            return;
        };
        for &b in s.as_bytes() {
            sid = dfa.next_state(Anchored::No, sid, b);
            // Standard semantics: a match state lists every word ending
            // here, those inside longer ones included (overlapping).
            if dfa.is_special(sid) && dfa.is_match(sid) {
                for i in 0..dfa.match_len(sid) {
                    match table_of.get(dfa.match_pattern(sid, i).as_usize()) {
                        Some(0) => self.byline = true,
                        Some(1) => self.chrome = true,
                        Some(2) => self.not_chrome = true,
                        _ => self.date = true,
                    }
                }
            }
        }
    }
}

/// Class strings already matched, with a cheap byte hash (class strings
/// are short and not attacker-chosen keys of anything that matters).
type ClassCache<'a> = std::collections::HashMap<
    &'a str,
    ClassFlags,
    std::hash::BuildHasherDefault<crate::html::IdHasher>,
>;

/// The attributes the pass reads, found in one scan.
#[derive(Debug, Default, Clone, Copy)]
struct Attrs<'a> {
    class: Option<&'a str>,
    id: Option<&'a str>,
    itemprop: Option<&'a str>,
    rel: Option<&'a str>,
    style: Option<&'a str>,
    hidden: bool,
    aria_hidden: Option<&'a str>,
    content: Option<&'a str>,
    datetime: Option<&'a str>,
    pubdate: bool,
    itemtype: Option<&'a str>,
    href: Option<&'a str>,
    lang: Option<&'a str>,
    type_: Option<&'a str>,
    property: Option<&'a str>,
    name: Option<&'a str>,
    http_equiv: Option<&'a str>,
}

impl<'a> Attrs<'a> {
    fn of(e: &'a scraper::node::Element) -> Self {
        let mut a = Attrs::default();
        for (k, v) in e.attrs() {
            match k {
                "class" => a.class = Some(v),
                "id" => a.id = Some(v),
                "itemprop" => a.itemprop = Some(v),
                "rel" => a.rel = Some(v),
                "style" => a.style = Some(v),
                "hidden" => a.hidden = true,
                "aria-hidden" => a.aria_hidden = Some(v),
                "content" => a.content = Some(v),
                "datetime" => a.datetime = Some(v),
                "pubdate" => a.pubdate = true,
                "itemtype" => a.itemtype = Some(v),
                "href" => a.href = Some(v),
                "lang" => a.lang = Some(v),
                "xml:lang" if a.lang.is_none() => a.lang = Some(v),
                "type" => a.type_ = Some(v),
                "property" => a.property = Some(v),
                "name" => a.name = Some(v),
                "http-equiv" => a.http_equiv = Some(v),
                _ => {}
            }
        }
        a
    }

    /// The pattern matches the class or the id.
    /// Which of [`CLASS_WORDS`]' tables the class or the id matches.
    fn class_flags(&self) -> ClassFlags {
        let mut f = ClassFlags::default();
        for s in [self.class, self.id].into_iter().flatten() {
            f.add(s);
        }
        f
    }

    /// [`class_flags`](Attrs::class_flags), with the class string's result
    /// remembered in `cache`: pages repeat a few hundred class strings over
    /// thousands of elements. The cache stops growing at 4096 entries.
    fn class_flags_cached(&self, cache: &mut ClassCache<'a>) -> ClassFlags {
        let mut f = match self.class {
            Some(c) => match cache.get(c) {
                Some(f) => *f,
                None => {
                    let mut f = ClassFlags::default();
                    f.add(c);
                    if cache.len() < 4096 {
                        cache.insert(c, f);
                    }
                    f
                }
            },
            None => ClassFlags::default(),
        };
        if let Some(id) = self.id {
            f.add(id);
        }
        f
    }

    /// Marked as a modification date (`itemprop=dateModified`, class
    /// `updated`/`modified`).
    fn marks_update(&self) -> bool {
        let has = |s: Option<&str>, w: &[&str]| {
            s.is_some_and(|s| {
                let s = s.to_ascii_lowercase();
                w.iter().any(|w| s.contains(w))
            })
        };
        // WordPress marks an unmodified post `published updated`.
        has(self.itemprop, &["datemodified", "dateupdated"])
            || has(self.class, &["updated", "modified"]) && !has(self.class, &["publish"])
    }

    /// Hidden the way Readability.js `_isProbablyVisible` checks.
    fn is_hidden(&self) -> bool {
        self.hidden
            || self.aria_hidden == Some("true")
                && !self.class.is_some_and(|c| c.contains("fallback-image"))
            || self.style.is_some_and(|s| HIDDEN_STYLE.is_match(s))
    }
}

/// Whitespace-collapsed text with a space between text nodes, stopping
/// after about `4 × limit` bytes: in an author line, nodes are
/// separate fields (`<a>Ana Ruiz</a><span>22 Dec</span>`).
pub(crate) fn spaced_text_of(el: ElementRef<'_>, limit: usize) -> String {
    let mut out = String::new();
    for t in el.text() {
        for w in t.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
        if out.len() > limit * 4 {
            break;
        }
    }
    out
}

/// Whitespace-collapsed text, stopping after about `limit` chars. Text
/// nodes are joined as they are ("<b>Hel</b>lo" is "Hello").
fn text_of(el: ElementRef<'_>, limit: usize) -> String {
    let mut raw = String::new();
    for t in el.text() {
        raw.push_str(t);
        if raw.len() > limit * 4 {
            break;
        }
    }
    collapse(&raw)
}

/// Lower case, no whitespace, dots as colons (`DC.Title` → `dc:title`);
/// borrowed when the key is already so (most are).
fn norm_key(k: &str) -> Cow<'_, str> {
    let k = k.trim();
    let plain = |c: char| !c.is_whitespace() && c != '.' && !c.is_ascii_uppercase();
    if k.chars().all(plain) {
        return Cow::Borrowed(k);
    }
    Cow::Owned(
        k.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| {
                if c == '.' {
                    ':'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect(),
    )
}

/// Decodes entities left in attribute values by double escaping
/// (`&amp;quot;` arrives as `&quot;`).
fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return collapse(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let end = after.find(';').filter(|&e| e <= 16);
        let decoded = end.and_then(|e| {
            let ent = after.get(1..e)?;
            let numeric = |n: Option<u32>| {
                // Out-of-range, NUL and surrogate code points become U+FFFD,
                // as HTML parsers do.
                n.map(|n| {
                    char::from_u32(n)
                        .filter(|&c| c != '\0')
                        .unwrap_or('\u{fffd}')
                })
            };
            let c = match ent {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => {
                    if let Some(h) = ent.strip_prefix("#x").or_else(|| ent.strip_prefix("#X")) {
                        let ok = !h.is_empty() && h.chars().all(|c| c.is_ascii_hexdigit());
                        numeric(ok.then(|| u32::from_str_radix(h, 16).unwrap_or(u32::MAX)))
                    } else if let Some(d) = ent.strip_prefix('#') {
                        let ok = !d.is_empty() && d.chars().all(|c| c.is_ascii_digit());
                        numeric(ok.then(|| d.parse().unwrap_or(u32::MAX)))
                    } else {
                        None
                    }
                }
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    collapse(&out)
}

fn harvest_metadata(draft: &mut Draft, cx: &Context<'_>) -> Result<(), BoxError> {
    // Taken out while the harvest, which borrows from the page, fills in
    // the draft.
    let Some(dom) = draft.dom.take() else {
        return Ok(());
    };
    harvest_from(&dom, draft, cx);
    draft.dom = Some(dom);
    Ok(())
}

fn harvest_from(dom: &crate::html::Dom, draft: &mut Draft, cx: &Context<'_>) {
    let h = collect(dom.html.tree.root());
    let ld = json_ld::find_article(&h.ld_scripts).unwrap_or_default();
    const NAME: &str = "metadata.harvest";

    // Base URL for relative links: <base href> resolved against the caller's URL.
    let base = match (&h.base_href, cx.url) {
        (Some(b), Some(u)) => url::resolve(Some(u), b),
        (Some(b), None) => url::resolve(None, b),
        (None, u) => u.map(str::to_owned),
    };
    let base = base.as_deref().or(cx.url);

    // Site name first: the headline cleaner uses it.
    let site = ld
        .publisher
        .clone()
        .filter(|_| ld.is_article)
        .map(|s| ("json-ld publisher.name", unescape(&s)))
        .or_else(|| {
            // An application name with a title separator is a page title.
            h.meta(SITE_KEYS)
                .filter(|(k, v)| *k == "og:site_name" || !(v.contains(" - ") || v.contains(" | ")))
        })
        .or_else(|| {
            ld.website
                .clone()
                .map(|s| ("json-ld WebSite.name", unescape(&s)))
        });
    if let Some((src, s)) = site.filter(|(_, s)| !s.is_empty()) {
        draft.article.site_name = Some(s);
        draft.record("site_name", NAME, src, 0.8);
    }

    // Headline.
    if let Some((src, t)) = choose_title(&h, &ld) {
        let cleaned = match &draft.article.site_name {
            Some(site) if src != "<title>" => title::strip_site_name(&t, site),
            _ => t,
        };
        let cleaned = title::reconcile_with_h1(&cleaned, &h.h1s).unwrap_or(cleaned);
        if !cleaned.is_empty() {
            draft.article.headline = Some(cleaned);
            draft.record(
                "headline",
                NAME,
                src,
                if src == "<title>" { 0.6 } else { 0.85 },
            );
        }
    }

    // Dek (Readability's excerpt order).
    let dek = ld
        .description
        .clone()
        .filter(|_| ld.is_article)
        .map(|d| ("json-ld description", unescape(&d)))
        .or_else(|| h.meta(DESCRIPTION_KEYS))
        .or_else(|| {
            ld.description
                .clone()
                .map(|d| ("json-ld description", unescape(&d)))
        });
    if let Some((src, d)) = dek.filter(|(_, d)| !d.is_empty()) {
        draft.article.dek = Some(d);
        draft.record("dek", NAME, src, 0.7);
    }

    // Byline: the first source that yields a cleaned name wins.
    let mut author_sources: Vec<(&'static str, Vec<String>)> = Vec::new();
    if ld.is_article && !ld.authors.is_empty() {
        author_sources.push((
            "json-ld author",
            ld.authors.iter().map(|a| unescape(a)).collect(),
        ));
    }
    for k in AUTHOR_KEYS {
        // The last tag of a key wins, as in `Harvest::meta`.
        if let Some(v) = h
            .meta_all(std::slice::from_ref(k))
            .map(unescape)
            .filter(|v| !v.is_empty() && !url::is_url(v))
            .last()
        {
            author_sources.push((static_key(k), vec![v]));
        }
    }
    if let Some(b) = &h.dom_byline {
        author_sources.push(("byline element", vec![b.clone()]));
    }
    if let Some(b) = &h.chrome_byline {
        author_sources.push(("byline element in page chrome", vec![b.clone()]));
    }
    if let Some((src, people)) = author_sources
        .iter()
        .map(|(src, raw)| (*src, byline::people(raw)))
        .find(|(_, p)| !p.is_empty())
    {
        let mut people = people;
        if src == "json-ld author" {
            // A profile URL given next to a name in JSON-LD.
            for p in &mut people {
                let key = p.name.to_lowercase();
                p.url = ld
                    .author_urls
                    .iter()
                    .find(|(n, _)| unescape(n).to_lowercase().contains(&key))
                    .and_then(|(_, u)| url::resolve(base, u));
            }
        }
        draft.article.byline = people;
        draft.record("byline", NAME, src, 0.75);
    }

    // Dates.
    let canonical = h
        .canonical
        .as_deref()
        .and_then(|c| url::resolve(base, c))
        .or_else(|| h.meta(URL_KEYS).and_then(|(_, u)| url::resolve(base, &u)))
        .or_else(|| ld.url.as_deref().and_then(|u| url::resolve(base, u)));
    if let Some((src, w, confidence)) = choose_published(&h, &ld) {
        draft.article.published = Some(w.iso());
        draft.record("published", NAME, src, confidence);
    }
    let modified = declared_date(
        &h,
        ld.modified.as_deref(),
        "json-ld dateModified",
        MODIFIED_KEYS,
    );
    if let Some((src, w)) = modified {
        draft.article.modified = Some(w.iso());
        draft.record("modified", NAME, src, 0.7);
    }

    // Language.
    let lang = h
        .html_lang
        .as_deref()
        .filter(|l| !l.trim().is_empty())
        .map(|l| ("<html lang>", l.to_owned()))
        .or_else(|| h.meta(LANGUAGE_KEYS))
        .or_else(|| ld.language.clone().map(|l| ("json-ld inLanguage", l)));
    if let Some((src, l)) = lang {
        let l = l.split(',').next().unwrap_or("").trim().replace('_', "-");
        if !l.is_empty()
            && l.len() <= 35
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            draft.article.language = Some(l);
            draft.record("language", NAME, src, 0.9);
        }
    }

    // Canonical URL.
    if let Some(c) = canonical {
        draft.article.url = Some(c);
        draft.record("url", NAME, "link rel=canonical / og:url", 0.9);
    }

    // Tags.
    let mut tags: Vec<String> = Vec::new();
    let raw_tags = h
        .meta_all(TAG_KEYS)
        .map(str::to_owned)
        .chain(ld.keywords.iter().cloned());
    for raw in raw_tags {
        for t in raw.split([',', ';']) {
            let t = unescape(t);
            if !t.is_empty()
                && t.chars().count() <= 60
                && tags.len() < 50
                && !tags.iter().any(|x| x.eq_ignore_ascii_case(&t))
            {
                tags.push(t);
            }
        }
    }
    if !tags.is_empty() {
        draft.article.tags = tags;
        draft.record("tags", NAME, "keywords / article:tag / json-ld", 0.6);
    }

    // Images, lead image first.
    let mut images: Vec<String> = Vec::new();
    let raw_images = h
        .meta_all(IMAGE_KEYS)
        .map(str::to_owned)
        .chain(ld.images.iter().cloned());
    for raw in raw_images {
        if let Some(u) = url::resolve(base, raw.trim()) {
            if images.len() < 20 && !images.contains(&u) {
                images.push(u);
            }
        }
    }
    if !images.is_empty() {
        draft.article.images = images;
        draft.record(
            "images",
            NAME,
            "og:image / twitter:image / json-ld image",
            0.7,
        );
    }
}

/// The article's publication date, its source and a confidence.
///
/// `published` means the date this article was first published, as the page
/// declares it. Declarations come first: JSON-LD `datePublished` of the
/// article node, the publication-date `<meta>` names ([`PUBLISHED_KEYS`]),
/// microdata `datePublished` outside comments and page chrome; then JSON-LD
/// `dateCreated` (a CMS record date, sometimes later than the shown one).
/// Only when the page declares nothing does a date *shown* in the body
/// count, and only where it is the article's own: a `<time pubdate>`, or a
/// `<time>` / date-class element in the article header (next to the author
/// line, or within a few hundred characters of a headline). A bare `<time>`
/// elsewhere (a comment's, a related story's, a "last updated" stamp) and a
/// date in the URL are not promoted here; `metadata.url-date` accepts a URL
/// date only when a date shown in the page agrees.
///
/// | source                                            | taken when                         | confidence |
/// |---------------------------------------------------|------------------------------------|-----------:|
/// | JSON-LD `datePublished`, publication `<meta>`, microdata `datePublished` | always                      | 0.8 |
/// | JSON-LD `dateCreated`                             | no declaration above               | 0.7 |
/// | `<time pubdate>`                                  | nothing declared                   | 0.6 |
/// | `<time>` / date-class element in the header       | nothing declared                   | 0.5 |
/// | `<time>` marked `dateModified` / `updated`        | never                              | —   |
/// | any other `<time>`, URL path date                 | never (URL: see `metadata.url-date`) | —   |
///
/// Among the declarations, a later source on the same date with a time or a
/// zone replaces an earlier one.
fn choose_published(h: &Harvest<'_>, ld: &LdArticle) -> Option<(&'static str, When, f32)> {
    let declared = declared_date(
        h,
        ld.published.as_deref(),
        "json-ld datePublished",
        PUBLISHED_KEYS,
    );
    if let Some((src, w)) = declared {
        return Some((src, w, 0.8));
    }
    if let Some(w) = ld.created.as_deref().and_then(parse_when) {
        return Some(("json-ld dateCreated", w, 0.7));
    }
    if let Some(w) = h
        .times
        .iter()
        .filter(|t| t.pubdate)
        .find_map(|t| parse_when(&t.value))
    {
        return Some(("<time pubdate>", w, 0.6));
    }
    let in_header = |d: &&ShownDate| d.in_header(&h.headline_pos);
    let time = h
        .times
        .iter()
        .filter(in_header)
        .find_map(|t| parse_when(&t.value));
    let elem = h
        .date_texts
        .iter()
        .filter(in_header)
        .find_map(|t| parse_when(&t.value));
    match (time, elem) {
        // The element may say the time the `<time>` left out.
        (Some(t), Some(e)) if e.same_date(&t) && e.specificity() > t.specificity() => {
            Some(("date-class element in the article header", e, 0.5))
        }
        (Some(t), _) => Some(("<time> in the article header", t, 0.5)),
        (None, Some(e)) => Some(("date-class element in the article header", e, 0.5)),
        (None, None) => None,
    }
}

/// The date a page declares for one field: the JSON-LD value, then the
/// first parseable value of each meta key, the most specific of them (see
/// [`most_specific`]).
fn declared_date(
    h: &Harvest<'_>,
    ld_value: Option<&str>,
    ld_source: &'static str,
    keys: &[&str],
) -> Option<(&'static str, When)> {
    let mut found: Vec<(&'static str, When)> = Vec::new();
    if let Some(w) = ld_value.and_then(parse_when) {
        found.push((ld_source, w));
    }
    for k in keys {
        if let Some(w) = h.meta_all(std::slice::from_ref(k)).find_map(parse_when) {
            found.push((static_key(k), w));
        }
    }
    most_specific(&found)
}

/// The first candidate, replaced by a later one on the same date that says
/// more (a time, a zone).
fn most_specific(cands: &[(&'static str, When)]) -> Option<(&'static str, When)> {
    let (mut src, mut best) = *cands.first()?;
    for (s, w) in cands.iter().skip(1) {
        if w.same_date(&best) && w.specificity() > best.specificity() {
            src = s;
            best = *w;
        }
    }
    Some((src, best))
}

fn url_date(u: &str) -> Option<When> {
    let c = URL_DATE.captures(u)?;
    parse_when(&format!("{}-{}-{}", &c[1], &c[2], &c[3]))
}

/// Picks the headline: JSON-LD (name vs headline as Readability does), then
/// title-like meta tags, then the `<title>` element cleaned like
/// Readability's `_getArticleTitle`.
fn choose_title(h: &Harvest<'_>, ld: &LdArticle) -> Option<(&'static str, String)> {
    let page_title = h
        .title
        .as_deref()
        .map(|t| title::from_title_element(&unescape(t), &h.h1s, &h.h2s));
    if ld.is_article {
        let t = match (&ld.name, &ld.headline) {
            (Some(n), Some(hl)) if n != hl => {
                let pt = page_title.as_deref().unwrap_or("");
                let name_ok = title::similarity(n, pt) > 0.75;
                let head_ok = title::similarity(hl, pt) > 0.75;
                if head_ok && !name_ok {
                    Some(hl)
                } else {
                    Some(n)
                }
            }
            (Some(n), _) => Some(n),
            (None, Some(hl)) => Some(hl),
            _ => None,
        };
        if let Some(t) = t.map(|t| unescape(t)).filter(|t| !t.is_empty()) {
            return Some(("json-ld headline", t));
        }
    }
    if let Some(found) = h.meta(TITLE_KEYS) {
        return Some(found);
    }
    page_title
        .filter(|t| !t.is_empty())
        .map(|t| ("<title>", t))
        .or_else(|| {
            h.h1s
                .first()
                .filter(|t| !t.is_empty())
                .map(|t| ("<h1>", t.clone()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(html: &str, url: Option<&str>) -> crate::model::Article {
        let mut e = crate::Input::new(html).kind(crate::Kind::Html);
        if let Some(u) = url {
            e = e.url(u);
        }
        crate::Extractor::builder()
            .build()
            .expect("default")
            .extract(e)
            .expect("extract")
    }

    #[test]
    fn class_flags_find_every_word_even_overlapping() {
        let naive = |s: &str| {
            let s = s.to_ascii_lowercase();
            let any = |words: &[&str]| words.iter().any(|w| s.contains(w));
            (
                any(BYLINE_WORDS),
                any(CHROME_WORDS),
                any(NOT_CHROME_WORDS),
                any(DATE_WORDS),
            )
        };
        let mut cases: Vec<String> = [
            "sidebarticle",
            "DATELINE",
            "p-authorss",
            "post-dateline",
            "x-ad-break",
            "commentsandheader",
            "entry-date-published",
            "mainmenu",
            "",
            "é-byline-ü",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Every pair of words glued, sharing a letter where they can.
        let all: Vec<&str> = [BYLINE_WORDS, CHROME_WORDS, NOT_CHROME_WORDS, DATE_WORDS].concat();
        for a in &all {
            for b in &all {
                cases.push(format!("{a}{b}"));
                cases.push(format!("{a}{}", &b[1..]));
                cases.push(format!("x{}", &a[1..]));
            }
        }
        for case in cases {
            let mut f = ClassFlags::default();
            f.add(&case);
            assert_eq!(
                (f.byline, f.chrome, f.not_chrome, f.date),
                naive(&case),
                "{case}"
            );
        }
    }

    #[test]
    fn table_patterns() {
        let is = |table: usize, s: &str| {
            let mut f = ClassFlags::default();
            f.add(s);
            [f.byline, f.chrome, f.not_chrome, f.date][table]
        };
        const BYLINE: usize = 0;
        const CHROME: usize = 1;
        const NOT_CHROME: usize = 2;
        const DATE: usize = 3;
        for hit in ["byline", "article-author", "p-author h-card", "writtenBy"] {
            assert!(is(BYLINE, hit), "{hit}");
        }
        assert!(!is(BYLINE, "headline"));
        for hit in [
            "site-header",
            "footer-author",
            "comment-list",
            "left-sidebar",
        ] {
            assert!(is(CHROME, hit), "{hit}");
        }
        for miss in ["entry", "story-body", "byline"] {
            assert!(!is(CHROME, miss), "{miss}");
        }
        assert!(is(NOT_CHROME, "article-header"));
        for hit in [
            "published-date",
            "entry-date",
            "post-date meta",
            "timestamp",
        ] {
            assert!(is(DATE, hit), "{hit}");
        }
        for miss in ["update-box", "data", "candidate"] {
            assert!(!is(DATE, miss), "{miss}");
        }
        for hit in [
            "https://x.test/2019/11/19/story",
            "/news/2019-11-19-story.html",
        ] {
            assert!(URL_DATE.is_match(hit), "{hit}");
        }
        for miss in ["https://x.test/2019/story", "/id/12345678901"] {
            assert!(!URL_DATE.is_match(miss), "{miss}");
        }
        for hit in ["display: none", "visibility:hidden"] {
            assert!(HIDDEN_STYLE.is_match(hit), "{hit}");
        }
        assert!(!HIDDEN_STYLE.is_match("display:block"));
    }

    #[test]
    fn harvests_a_full_page() {
        let page = r#"<!doctype html><html lang="en-GB"><head>
            <title>Bridge Reopens After Repairs | The Daily Example</title>
            <base href="/news/">
            <link rel="canonical" href="story.html">
            <meta property="og:site_name" content="The Daily Example">
            <meta property="og:title" content="Bridge Reopens After Repairs - The Daily Example">
            <meta name="description" content="Traffic returns &amp;quot;at last&amp;quot;.">
            <meta property="og:image" content="/img/lead.jpg">
            <meta name="keywords" content="bridges, traffic, Bridges">
            <meta property="article:published_time" content="2025-12-12">
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-12-12T10:03:00+01:00",
              "author":{"@type":"Person","name":"By ANA RUIZ","url":"/staff/ana"},}</script>
            </head><body><h1>Bridge Reopens After Repairs</h1><p>Body text of the story.</p></body></html>"#;
        let a = run(page, Some("https://example.test/a/b"));
        assert_eq!(a.headline.as_deref(), Some("Bridge Reopens After Repairs"));
        assert_eq!(a.site_name.as_deref(), Some("The Daily Example"));
        assert_eq!(a.dek.as_deref(), Some("Traffic returns \"at last\"."));
        assert_eq!(a.byline.first().map(|p| p.name.as_str()), Some("Ana Ruiz"));
        assert_eq!(
            a.byline.first().and_then(|p| p.url.as_deref()),
            Some("https://example.test/staff/ana")
        );
        assert_eq!(a.published.as_deref(), Some("2025-12-12T10:03:00+01:00"));
        assert_eq!(a.language.as_deref(), Some("en-GB"));
        assert_eq!(
            a.url.as_deref(),
            Some("https://example.test/news/story.html")
        );
        assert_eq!(a.images, ["https://example.test/img/lead.jpg"]);
        assert_eq!(a.tags, ["bridges", "traffic"]);
    }

    #[test]
    fn falls_back_to_dom_sources() {
        let page = r#"<html><head><title>Local: Council Votes To Expand The Park</title>
            <meta http-equiv="content-language" content="fr"></head><body>
            <div class="author-box" hidden>Hidden Person</div>
            <div class="byline">By <a rel="author" href="/u/kim">Kim Lee</a></div>
            <time datetime="2024-01-05T15:04:00-05:00" pubdate>Jan. 5</time>
            <p>Text.</p></body></html>"#;
        let a = run(page, Some("https://example.test/2023/02/03/park"));
        assert_eq!(
            a.headline.as_deref(),
            Some("Council Votes To Expand The Park")
        );
        assert_eq!(a.byline.first().map(|p| p.name.as_str()), Some("Kim Lee"));
        assert_eq!(a.published.as_deref(), Some("2024-01-05T15:04:00-05:00"));
        assert_eq!(a.language.as_deref(), Some("fr"));
    }

    #[test]
    fn microdata_does_not_override_meta_tags() {
        let page = r#"<html><head><title>x</title>
            <meta name="description" content="The page's own summary.">
            </head><body><article itemscope>
            <h2 itemprop="headline">Bridge Reopens After Long Repairs</h2>
            <aside itemscope><span itemprop="description">A related story's teaser.</span>
            <span itemprop="headline">Another Story Entirely Here</span></aside>
            <p>Body.</p></article></body></html>"#;
        let a = run(page, None);
        assert_eq!(a.dek.as_deref(), Some("The page's own summary."));
        assert_eq!(
            a.headline.as_deref(),
            Some("Bridge Reopens After Long Repairs")
        );
    }

    #[test]
    fn url_date_needs_a_shown_date() {
        // The only shown date sits far below the headline: too weak alone.
        let filler = "<p>Paragraph of article text that goes on for a while.</p>".repeat(30);
        let page = format!(
            "<html><head><title>A Fairly Long Page Title Here</title></head><body>\
             <h1>A Fairly Long Page Title Here</h1>{filler}\
             <div><time datetime=\"2023-02-03T09:30:00Z\">Feb 3</time></div></body></html>"
        );
        let url = "https://example.test/2023/02/03/park";
        let a = run(&page, Some(url));
        assert_eq!(a.published.as_deref(), Some("2023-02-03T09:30:00+00:00"));
        let e = crate::Extractor::builder()
            .disable("metadata.url-date")
            .build()
            .expect("builder");
        let a = e
            .extract(crate::Input::new(&page).kind(crate::Kind::Html).url(url))
            .expect("extract");
        assert_eq!(a.published, None);
        // A URL date with no date in the page is not promoted.
        let a = run(
            "<html><head><title>A Fairly Long Page Title Here</title></head><body><p>x</p></body></html>",
            Some(url),
        );
        assert_eq!(a.published, None);
        // Nor with a shown date on another day.
        let a = run(&page.replace("2023-02-03T", "2023-02-04T"), Some(url));
        assert_eq!(a.published, None);
    }

    /// What `published` means: see [`choose_published`].
    #[test]
    fn published_sources_table() {
        let far = "<p>Paragraph of article text that goes on for a while.</p>".repeat(30);
        let head = "<h1>Council Votes To Expand The Park</h1>";
        let cases: Vec<(&str, String, Option<&str>)> = vec![
            (
                "JSON-LD datePublished",
                r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-01-05T10:00:00Z"}</script>"#.into(),
                Some("2024-01-05T10:00:00+00:00"),
            ),
            (
                "article:published_time",
                r#"<meta property="article:published_time" content="2024-01-05">"#.into(),
                Some("2024-01-05"),
            ),
            (
                "microdata datePublished far from the headline",
                format!(r#"{head}{far}<time itemprop="datePublished" datetime="2024-01-05">x</time>"#),
                Some("2024-01-05"),
            ),
            (
                "microdata datePublished of a comment only",
                format!(r#"{head}{far}<div itemscope itemtype="https://schema.org/Comment"><time itemprop="datePublished" datetime="2024-01-07">x</time></div>"#),
                None,
            ),
            (
                "JSON-LD dateCreated only",
                r#"<script type="application/ld+json">{"@type":"NewsArticle","dateCreated":"2024-01-06"}</script>"#.into(),
                Some("2024-01-06"),
            ),
            (
                "declaration beats JSON-LD dateCreated",
                r#"<script type="application/ld+json">{"@type":"NewsArticle","dateCreated":"2024-01-06"}</script><meta name="publishdate" content="2024-01-05">"#.into(),
                Some("2024-01-05"),
            ),
            (
                "bare <time> under the headline",
                format!(r#"{head}<p>A short dek.</p><time datetime="2024-01-05T08:00:00Z">Jan 5</time>{far}"#),
                Some("2024-01-05T08:00:00+00:00"),
            ),
            (
                "bare <time> far below the headline",
                format!(r#"{head}{far}<div><time datetime="2024-01-05">Jan 5</time></div>"#),
                None,
            ),
            (
                "<time> in the author line at the end",
                format!(r#"{head}{far}<p>Posted by <a rel="author" href="/u/kim">Kim Lee</a> on <time datetime="2024-01-05">Jan 5</time></p>"#),
                Some("2024-01-05"),
            ),
            (
                "<time pubdate> anywhere",
                format!(r#"{head}{far}<time pubdate datetime="2024-01-05">Jan 5</time>"#),
                Some("2024-01-05"),
            ),
            (
                "<time> marked dateModified under the headline",
                format!(r#"{head}<time itemprop="dateModified" datetime="2024-01-09">Updated</time>{far}"#),
                None,
            ),
            (
                "class `updated` alone is an update",
                format!(r#"{head}<time class="updated" datetime="2024-01-09">Jan 9</time>{far}"#),
                None,
            ),
            (
                "class `published updated` is the publication",
                format!(r#"{head}<time class="entry-date published updated" datetime="2024-01-05">Jan 5</time>{far}"#),
                Some("2024-01-05"),
            ),
            (
                "date-class element above the headline",
                format!(r#"<span class="dateline">Jan. 5, 2024 10:03 AM ET</span>{head}{far}"#),
                Some("2024-01-05T10:03:00-05:00"),
            ),
            (
                "<time> in a comment list",
                format!(r#"{head}<div class="comments"><time datetime="2024-01-05">Jan 5</time></div>{far}"#),
                None,
            ),
        ];
        for (what, body, want) in cases {
            let page = format!(
                "<html><head><title>Council Votes To Expand The Park</title></head><body>{body}</body></html>"
            );
            let a = run(&page, Some("https://example.test/news/park"));
            assert_eq!(a.published.as_deref(), want, "{what}");
        }
    }

    proptest::proptest! {
        /// Arbitrary head markup never makes the harvest fail.
        #[test]
        fn harvest_survives_odd_markup(
            head in "(<meta (name|property|itemprop)=\"[a-z:.]{1,12}\" content=\"[^\"]{0,20}\">|<script type=\"application/ld\\+json\">[{}\\[\\]\":,a-z@ ]{0,40}</script>|<time datetime=\"[0-9TZ:+-]{0,25}\">|<base href=\"[a-z:/.]{0,12}\">|<link rel=canonical href=\"[a-z:/.?#]{0,15}\">){0,8}"
        ) {
            let page = format!("<html><head>{head}<title>T | S</title></head><body><p>Body text.</p></body></html>");
            let e = crate::Extractor::builder().build().expect("default");
            proptest::prop_assert!(e.extract(crate::Input::new(&page).kind(crate::Kind::Html).url("https://x.test/a/")).is_ok());
        }
    }

    #[test]
    fn unescape_table() {
        for (i, o) in [
            ("a &amp; b", "a & b"),
            ("&#39;x&#x27;", "'x'"),
            ("&bogus; &", "&bogus; &"),
            ("&#xg; &#xFFFFFFFF; &#0;", "&#xg; \u{fffd} \u{fffd}"),
            ("plain", "plain"),
        ] {
            assert_eq!(unescape(i), o, "{i}");
        }
    }

    #[test]
    fn parse_date_is_exported() {
        assert_eq!(parse_date("Dec. 12, 2025").as_deref(), Some("2025-12-12"));
    }
}
