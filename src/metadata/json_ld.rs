//! JSON-LD (`<script type="application/ld+json">`): the schema.org article
//! node of the page, wherever it sits (top level, array, `@graph`), with
//! `@id` references to its author and publisher resolved.

use std::collections::HashMap;

use once_cell::sync::Lazy;
use regex::Regex;
use serde_json::Value;

/// schema.org types that describe an article (after Readability.js
/// `REGEXPS.jsonLdArticleTypes`), matched as whole type names.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "AdvertiserContentArticle",
    "NewsArticle",
    "AnalysisNewsArticle",
    "AskPublicNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "Report",
    "SatiricalArticle",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "SocialMediaPosting",
    "BlogPosting",
    "LiveBlogPosting",
    "DiscussionForumPosting",
    "TechArticle",
    "APIReference",
];

/// Page types: used when no article node exists.
const PAGE_TYPES: &[&str] = &[
    "WebPage",
    "ItemPage",
    "AboutPage",
    "CollectionPage",
    "ProfilePage",
    "QAPage",
];

/// A trailing comma before `}` or `]`, which JSON forbids and CMSs emit.
static TRAILING_COMMA: Lazy<Regex> =
    Lazy::new(|| Regex::new(r",(\s*[}\]])").expect("TRAILING_COMMA"));

/// What the article node says, as raw strings.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct LdArticle {
    pub name: Option<String>,
    pub headline: Option<String>,
    pub description: Option<String>,
    pub authors: Vec<String>,
    /// Profile URLs of `authors`, by name.
    pub author_urls: Vec<(String, String)>,
    pub publisher: Option<String>,
    /// The `WebSite` node's name (a weaker site name).
    pub website: Option<String>,
    pub published: Option<String>,
    /// `dateCreated`: when the CMS record was made, a weaker date.
    pub created: Option<String>,
    pub modified: Option<String>,
    pub images: Vec<String>,
    pub keywords: Vec<String>,
    pub language: Option<String>,
    pub url: Option<String>,
    /// True when the node is an article type (not a generic page).
    pub is_article: bool,
    /// True when the node is a forum post or a Q&A page's question, whose
    /// authors are users, often named by handle.
    pub is_discussion: bool,
}

/// Parses a script's text, tolerating CDATA/comment wrappers, control
/// characters inside strings and trailing commas. `None` when still broken.
pub(crate) fn parse_script(text: &str) -> Option<Value> {
    let t = text.trim();
    let t = t
        .strip_prefix("<![CDATA[")
        .map(|s| s.strip_suffix("]]>").unwrap_or(s))
        .unwrap_or(t);
    let t = t
        .strip_prefix("<!--")
        .map(|s| s.strip_suffix("-->").unwrap_or(s))
        .unwrap_or(t)
        .trim()
        .trim_end_matches(';');
    if let Ok(v) = serde_json::from_str(t) {
        return Some(v);
    }
    // Raw control characters (newlines in strings) are invalid JSON; outside
    // strings they are whitespace, so a space is right in both places.
    let cleaned: String = t
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let cleaned = TRAILING_COMMA.replace_all(&cleaned, "$1");
    serde_json::from_str(&cleaned).ok()
}

/// Finds the article node among the parsed scripts of a page.
pub(crate) fn find_article(scripts: &[Value]) -> Option<LdArticle> {
    // Every object with a type, in document order, and an @id index.
    let mut nodes: Vec<&serde_json::Map<String, Value>> = Vec::new();
    let mut by_id: HashMap<&str, &serde_json::Map<String, Value>> = HashMap::new();
    for script in scripts {
        let mut stack: Vec<(&Value, usize)> = vec![(script, 0)];
        while let Some((v, depth)) = stack.pop() {
            if depth > 16 {
                continue;
            }
            match v {
                Value::Array(items) => {
                    stack.extend(items.iter().rev().map(|i| (i, depth + 1)));
                }
                Value::Object(map) => {
                    if map.contains_key("@type") {
                        nodes.push(map);
                    }
                    if let Some(id) = map.get("@id").and_then(Value::as_str) {
                        if map.len() > 1 {
                            by_id.entry(id).or_insert(map);
                        }
                    }
                    // Only descend where nodes are listed, not into every
                    // property (an author inside an article is not a page node).
                    if let Some(g) = map.get("@graph") {
                        stack.push((g, depth + 1));
                    }
                    if let Some(m) = map.get("mainEntity") {
                        stack.push((m, depth + 1));
                    }
                }
                _ => {}
            }
        }
    }
    // A Q&A page's question (its `mainEntity`) is the thread: its title,
    // asker and date. Not an FAQ page's questions: those are sections.
    let question = || {
        nodes
            .iter()
            .filter(|n| has_type(n, &["QAPage"]))
            .find_map(|n| match n.get("mainEntity")? {
                Value::Object(q) if has_type(q, &["Question"]) => Some(q),
                _ => None,
            })
            .map(|q| (q, true))
    };
    let article = nodes
        .iter()
        .find(|n| has_type(n, ARTICLE_TYPES))
        .map(|n| (*n, true))
        .or_else(question)
        .or_else(|| {
            nodes
                .iter()
                .find(|n| has_type(n, PAGE_TYPES))
                .map(|n| (*n, false))
        });
    let website = nodes
        .iter()
        .find(|n| has_type(n, &["WebSite"]))
        .and_then(|n| string(n.get("name")));
    let Some((node, is_article)) = article else {
        return website.map(|w| LdArticle {
            website: Some(w),
            ..Default::default()
        });
    };
    let resolve = |v| resolve_ref(v, &by_id);
    let mut out = LdArticle {
        name: string(node.get("name")),
        headline: string(node.get("headline")),
        description: string(node.get("description")),
        published: string(node.get("datePublished")),
        created: string(node.get("dateCreated")),
        modified: string(node.get("dateModified")),
        language: string(node.get("inLanguage")),
        url: string(node.get("url")),
        website,
        is_article,
        is_discussion: has_type(node, &["DiscussionForumPosting", "Question"]),
        ..Default::default()
    };
    for a in as_list(node.get("author")).chain(as_list(node.get("creator"))) {
        let (name, url) = match a {
            Value::String(s) => (Some(s.clone()), None),
            v => match resolve(v) {
                Some(m) => (
                    string(m.get("name")),
                    string(m.get("url")).or_else(|| string(m.get("sameAs"))),
                ),
                None => (None, None),
            },
        };
        if let Some(n) = name.filter(|n| !n.trim().is_empty()) {
            if let Some(u) = url {
                out.author_urls.push((n.clone(), u));
            }
            if !out.authors.contains(&n) {
                out.authors.push(n);
            }
        }
    }
    out.publisher = node
        .get("publisher")
        .and_then(|p| match p {
            Value::Array(a) => a.first(),
            v => Some(v),
        })
        .and_then(|p| match p {
            Value::String(s) => Some(s.clone()),
            v => resolve(v).and_then(|m| string(m.get("name"))),
        });
    for img in as_list(node.get("image")).chain(as_list(node.get("thumbnailUrl"))) {
        let url = match img {
            Value::String(s) => Some(s.clone()),
            v => resolve(v)
                .and_then(|m| string(m.get("url")).or_else(|| string(m.get("contentUrl")))),
        };
        if let Some(u) = url.filter(|u| !u.trim().is_empty()) {
            if !out.images.contains(&u) {
                out.images.push(u);
            }
        }
    }
    for k in as_list(node.get("keywords")) {
        if let Value::String(s) = k {
            out.keywords.extend(
                s.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned),
            );
        }
    }
    Some(out)
}

/// An object, or the node a lone `{"@id": …}` reference points to.
fn resolve_ref<'a>(
    v: &'a Value,
    by_id: &HashMap<&str, &'a serde_json::Map<String, Value>>,
) -> Option<&'a serde_json::Map<String, Value>> {
    let map = v.as_object()?;
    if map.len() == 1 {
        if let Some(id) = map.get("@id").and_then(Value::as_str) {
            return by_id.get(id).copied();
        }
    }
    Some(map)
}

fn has_type(node: &serde_json::Map<String, Value>, types: &[&str]) -> bool {
    let matches = |t: &str| {
        let t = t.rsplit('/').next().unwrap_or(t);
        types.contains(&t)
    };
    match node.get("@type") {
        Some(Value::String(t)) => matches(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(matches),
        _ => false,
    }
}

fn as_list(v: Option<&Value>) -> impl Iterator<Item = &Value> {
    let items: &[Value] = match v {
        Some(Value::Array(a)) => a,
        Some(other) => std::slice::from_ref(other),
        None => &[],
    };
    items.iter()
}

/// A non-empty trimmed string (a lone-string array counts; `{"@value": …}` too).
fn string(v: Option<&Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => s.as_str(),
        Value::Array(a) => return string(a.first()),
        Value::Object(m) => return m.get("@value").and_then(Value::as_str).map(str::to_owned),
        _ => return None,
    };
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(scripts: &[&str]) -> Option<LdArticle> {
        let parsed: Vec<Value> = scripts.iter().filter_map(|s| parse_script(s)).collect();
        find_article(&parsed)
    }

    #[test]
    fn plain_article_with_nested_author_and_publisher() {
        let a = article(&[r#"{"@context":"https://schema.org","@type":"NewsArticle",
            "headline":"Bridge Reopens","author":{"@type":"Person","name":"Ana Ruiz","url":"https://x.test/ana"},
            "publisher":{"@type":"Organization","name":"The Daily Example"},
            "datePublished":"2025-12-12T10:03:00+01:00","image":["https://x.test/a.jpg"],
            "keywords":"bridges, traffic"}"#])
        .unwrap();
        assert_eq!(a.headline.as_deref(), Some("Bridge Reopens"));
        assert_eq!(a.authors, ["Ana Ruiz"]);
        assert_eq!(
            a.author_urls,
            [("Ana Ruiz".to_owned(), "https://x.test/ana".to_owned())]
        );
        assert_eq!(a.publisher.as_deref(), Some("The Daily Example"));
        assert_eq!(a.images, ["https://x.test/a.jpg"]);
        assert_eq!(a.keywords, ["bridges", "traffic"]);
        assert!(a.is_article);
    }

    #[test]
    fn graph_with_references() {
        let a = article(&[r##"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","@id":"#site","name":"Example Site"},
            {"@type":"Organization","@id":"#org","name":"Example Media"},
            {"@type":"Person","@id":"#p1","name":"Li Wei"},
            {"@type":["BlogPosting"],"headline":"Notes","author":[{"@id":"#p1"},{"name":"Sam Doe"}],
             "publisher":{"@id":"#org"},"image":{"@type":"ImageObject","url":"https://x.test/i.png"}}]}"##])
        .unwrap();
        assert_eq!(a.authors, ["Li Wei", "Sam Doe"]);
        assert_eq!(a.publisher.as_deref(), Some("Example Media"));
        assert_eq!(a.website.as_deref(), Some("Example Site"));
        assert_eq!(a.images, ["https://x.test/i.png"]);
    }

    #[test]
    fn top_level_array_and_several_scripts() {
        let a = article(&[
            r#"{"@type":"BreadcrumbList","itemListElement":[]}"#,
            r#"[{"@type":"Organization","name":"Org"},{"@type":"Article","name":"Second Script"}]"#,
        ])
        .unwrap();
        assert_eq!(a.name.as_deref(), Some("Second Script"));
    }

    #[test]
    fn web_page_is_a_fallback() {
        let a =
            article(&[r#"{"@type":"WebPage","name":"Page","description":"About it"}"#]).unwrap();
        assert!(!a.is_article);
        assert_eq!(a.description.as_deref(), Some("About it"));
    }

    #[test]
    fn broken_json_is_repaired_or_skipped() {
        let a = article(&[
            "{\"@type\":\"Article\",\"headline\":\"Line\nbreak\",\"author\":[\"Kim Lee\",],}",
        ])
        .unwrap();
        assert_eq!(a.headline.as_deref(), Some("Line break"));
        assert_eq!(a.authors, ["Kim Lee"]);
        assert!(parse_script("<![CDATA[{\"@type\":\"Article\"}]]>").is_some());
        assert!(parse_script("{\"@type\": \"Article\", headline: }").is_none());
        assert_eq!(article(&["not json at all"]), None);
    }
}
