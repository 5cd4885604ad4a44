//! The meta key tables: which `<meta>`/microdata keys feed each field, and
//! the key normalisation the walk applies.

use std::borrow::Cow;
use std::collections::HashSet;

use once_cell::sync::Lazy;

/// The static table entry equal to `k` (keys come from those tables), so
/// provenance needs no allocation.
pub(super) fn static_key(k: &str) -> &'static str {
    KNOWN_KEYS.get(k).copied().unwrap_or("meta")
}

pub(super) const TITLE_KEYS: &[&str] = &[
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
pub(super) const AUTHOR_KEYS: &[&str] = &[
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
pub(super) const DESCRIPTION_KEYS: &[&str] = &[
    "dc:description",
    "dcterm:description",
    "dcterms:description",
    "og:description",
    "weibo:article:description",
    "weibo:webpage:description",
    "description",
    "twitter:description",
];
pub(super) const SITE_KEYS: &[&str] = &[
    "og:site_name",
    "application-name",
    "apple-mobile-web-app-title",
];
pub(super) const PUBLISHED_KEYS: &[&str] = &[
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
    "og:publish_date",
    "cxenseparse:publishtime",
    "published",
    "published_at",
    "published-date",
    "publish_time",
    "publication_date",
];
pub(super) const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms:modified",
    "last-modified",
    "lastmod",
    "og:article:modified_time",
    "updated_at",
    "last-updated",
];
pub(super) const LANGUAGE_KEYS: &[&str] =
    &["content-language", "dc:language", "og:locale", "inlanguage"];
pub(super) const IMAGE_KEYS: &[&str] = &[
    "og:image",
    "og:image:url",
    "og:image:secure_url",
    "twitter:image",
    "twitter:image:src",
    "image",
    "thumbnailurl",
];
pub(super) const TAG_KEYS: &[&str] = &["article:tag", "keywords", "news_keywords", "parsely-tags"];
pub(super) const URL_KEYS: &[&str] = &["og:url", "twitter:url"];

pub(super) static KNOWN_KEYS: Lazy<HashSet<&'static str>> = Lazy::new(|| {
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

/// Lower case, no whitespace, dots as colons (`DC.Title` → `dc:title`);
/// borrowed when the key is already so (most are).
pub(super) fn norm_key(k: &str) -> Cow<'_, str> {
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
