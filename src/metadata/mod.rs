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
//! | `byline`    | JSON-LD authors (the article node's, else a Q&A page's question's; a forum post's or question's author may be a user handle), `dc:creator`, meta `author`, `parsely-author`, `article:author` (not a URL), the share card's labelled author (`twitter:label1` "Written by", `twitter:data1`), the first byline element outside page chrome (an author box too long for a byline gives its name line; a script-rendered page's `<noscript>` content view is read when the page has none), links to an author's or member's page whose address spells the name (one author line of them), the author line printed under the headline, then a byline element inside page chrome; the first that yields a cleaned name (post-nominal letters kept with it, a reviewer's credit cut) |
//! | `published` | declarations: JSON-LD `datePublished`, publication-date meta names, microdata `datePublished` (not a comment's), with a later one on the same date that has a time or zone replacing an earlier one; then JSON-LD `dateCreated`; then `<time pubdate>`; then a `<time>` or date-class element in the article header (by the author line or near a headline); then a date line printed by the headline, then an update stamp printed there when the page prints no other date; `metadata.url-date` (a URL date a shown date confirms) when none. See `choose_published` |
//! | `modified`  | JSON-LD `dateModified`, `article:modified_time`, `og:updated_time`, itemprop `dateModified`, then an update stamp printed by the headline ("Updated on July 9, 2025") |
//! | `language`  | `<html lang>`, `content-language`, `dc:language`, `og:locale`, JSON-LD `inLanguage` |
//! | `url`       | `<link rel=canonical>`, `og:url`, JSON-LD `url`, resolved against `<base>` and the caller URL |
//! | `tags`      | `article:tag`, `keywords`, `news_keywords`, JSON-LD `keywords` |
//! | `images`    | `og:image`, `twitter:image`, itemprop `image`, JSON-LD `image`  |
//!
//! For a meta key given several times the last tag wins (a `property`
//! after a `name`), as reader modes do.

mod choose;
mod harvest;
mod json_ld;
mod keys;
mod title;
pub(crate) use crate::base::url;

use std::sync::Arc;

use ego_tree::NodeRef;
use scraper::{ElementRef, Node};

use crate::error::BoxError;
use crate::heuristic::{Builtin, Context, Draft, Heuristic, Stage};

use crate::grammar::dates::{When, parse_when};
use choose::{harvest_from, url_date};
pub(crate) use harvest::spaced_text_of;
use harvest::{Attrs, text_of};
pub(crate) use url::host as url_host;

/// The id of the harvest heuristic (its sources are recorded under it).
pub(super) const HARVEST: &str = "metadata.harvest";
/// The id of the URL-date fallback.
const URL_DATE_FALLBACK: &str = "metadata.url-date";

pub(crate) fn heuristics() -> Vec<Arc<dyn Heuristic>> {
    vec![
        Arc::new(Builtin {
            name: HARVEST,
            stage: Stage::Metadata,
            description: "Reads headline, dek, byline, dates, site name, language, canonical URL, tags and lead image from JSON-LD, Open Graph, Twitter cards, meta tags, microdata, <time>, byline elements and <title>, in one pass over the page.",
            run: harvest_metadata,
        }),
        Arc::new(Builtin {
            name: URL_DATE_FALLBACK,
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
        URL_DATE_FALLBACK,
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

#[cfg(test)]
mod tests {
    use super::choose::*;
    use super::harvest::*;

    /// The chrome list as it was before it was composed from the groups of
    /// `base::tokens`: the same set of words.
    #[test]
    fn chrome_words_are_the_same_set() {
        use std::collections::BTreeSet;
        let before: BTreeSet<&str> = [
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
        ]
        .into_iter()
        .collect();
        let now: BTreeSet<&str> = CHROME_WORDS.iter().copied().collect();
        assert_eq!(now, before);
        assert_eq!(CHROME_WORDS.len(), before.len(), "no word twice");
    }

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

    /// Dates and names printed as plain text under the headline, on a page
    /// that declares neither.
    #[test]
    fn printed_header_lines() {
        let body = "<p>Paragraph of article text that goes on for a while.</p>".repeat(5);
        let page = |header: &str| {
            format!(
                "<html><head><title>Garden Ponds in Winter</title></head><body>\
                 <nav><a href=\"/\">Home</a></nav><main><h1>Garden Ponds in Winter</h1>\
                 {header}{body}</main><footer>© 2024 Example</footer></body></html>"
            )
        };
        let cases: &[(&str, Option<&str>, &[&str])] = &[
            (
                "<div><span>By</span> <a href=\"/a\">Nora Quill</a> - <span>June 12, 2025</span></div>",
                Some("2025-06-12"),
                &["Nora Quill"],
            ),
            (
                "<p>Written by Tomas van Berg</p><p>Published on 3 March 2025</p>",
                Some("2025-03-03"),
                &["Tomas van Berg"],
            ),
            (
                "<div>12.12.2025</div><div>4 min read</div>",
                Some("2025-12-12"),
                &[],
            ),
            // An update stamp is the page's date only when it prints no
            // other (it is the modified date either way; see below).
            ("<p>Updated: December 19, 2025</p>", Some("2025-12-19"), &[]),
            (
                "<span>Last updated</span><span>Aug 04, 2025</span>",
                Some("2025-08-04"),
                &[],
            ),
            // An update stamp with its own date does not hide the next line's
            // publication date.
            (
                "<p>Updated: 5 April 2025</p><p>Published on 3 March 2025</p>",
                Some("2025-03-03"),
                &[],
            ),
            // A lower-case phrase after "by" is no name.
            ("<p>by clicking below you agree</p>", None, &[]),
            // A date inside a sentence of the dek does not count.
            (
                "<p>On March 3, 2025 the council met to discuss a long list of plans for ponds, parks and the winter season ahead of us.</p>",
                None,
                &[],
            ),
        ];
        for (header, date, names) in cases {
            let a = run(&page(header), None);
            assert_eq!(a.published.as_deref(), *date, "{header}");
            let got: Vec<&str> = a.byline.iter().map(|p| p.name.as_str()).collect();
            assert_eq!(got, *names, "{header}");
        }
    }

    /// A printed update stamp is the modified date when nothing declares
    /// one, and the publication date only when the page prints no other.
    #[test]
    fn printed_update_stamp() {
        let body = "<p>Paragraph of article text that goes on for a while.</p>".repeat(5);
        let page = |head: &str, header: &str| {
            format!(
                "<html><head>{head}</head><body><main><h1>Garden Ponds in Winter</h1>\
                 {header}{body}</main></body></html>"
            )
        };
        let declared = r#"<meta property="article:modified_time" content="2025-09-01">"#;
        let cases: &[(&str, &str, Option<&str>, Option<&str>)] = &[
            (
                "",
                "<p>Updated on July 9, 2025</p>",
                Some("2025-07-09"),
                Some("2025-07-09"),
            ),
            (
                "",
                "<p>Updated: 5 April 2025</p><p>Published on 3 March 2025</p>",
                Some("2025-03-03"),
                Some("2025-04-05"),
            ),
            // A declared modified date wins over the printed one.
            (
                declared,
                "<p>Updated on July 9, 2025</p>",
                Some("2025-07-09"),
                Some("2025-09-01"),
            ),
            // A date inside a sentence (a line over 100 bytes) is neither.
            (
                "",
                "<p>It was updated on July 9, 2025 after the council met to discuss a long list of plans for the ponds and parks.</p>",
                None,
                None,
            ),
        ];
        for (head, header, published, modified) in cases {
            let a = run(&page(head, header), None);
            assert_eq!(a.published.as_deref(), *published, "{header}");
            assert_eq!(a.modified.as_deref(), *modified, "{head} {header}");
        }
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
}
