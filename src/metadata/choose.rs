//! Field choice: picks each metadata field from the [`Harvest`] in the
//! order documented in the module table of [`super`], and records which
//! source won.

use once_cell::sync::Lazy;
use regex::Regex;

use super::harvest::*;
use super::json_ld::{self, LdArticle};
use super::keys::*;
use super::{title, url};
use crate::grammar::byline;
use crate::grammar::dates::{When, parse_when};
use crate::heuristic::{Context, Draft};

/// Byline sources named in the report and tested below by name.
const CARD_AUTHOR: &str = "twitter:data (labelled \"Written by\")";
const AUTHOR_LINK: &str = "link to the author's page";

/// Text bytes between two linked names of one author line: a separator
/// (", ", " and ", " & "), not a label.
const AUTHOR_LINE_GAP: usize = 5;

/// A full date in a URL path: `/2019/11/19/`, `/2019-11-19`.
pub(super) static URL_DATE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/_-]|\.html?|$)").expect("URL_DATE")
});

/// The name part of a page's host: "news.example.co.uk" → "example",
/// "www.mailer.example" → "mailer"; `None` for a host of one label or an
/// address.
fn site_label(page: &str) -> Option<String> {
    let host = url::host(page)?;
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    if labels.len() < 2 || labels.iter().all(|l| l.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let n = labels.len();
    // "co.uk", "com.au": a second-level label under a country code.
    let second_level = n >= 3 && labels[n - 1].len() == 2 && labels[n - 2].len() <= 3;
    let label = labels[if second_level { n - 3 } else { n - 2 }];
    (label.len() >= 3).then(|| label.to_owned())
}

pub(super) fn harvest_from(dom: &crate::page::Dom, draft: &mut Draft, cx: &Context<'_>) {
    let mut h = collect(dom.html.tree.root());
    if h.dom_byline.is_none() && h.author_links.is_empty() {
        if let Some(raw) = h.noscript_view.take() {
            author_line_of_view(&mut h, &raw, cx);
        }
    }
    let ld = json_ld::find_article(&h.ld_scripts).unwrap_or_default();
    const NAME: &str = super::HARVEST;

    // Base URL for relative links: <base href> resolved against the caller's URL.
    let base = match (&h.base_href, cx.url) {
        (Some(b), Some(u)) => url::resolve(Some(u), b),
        (Some(b), None) => url::resolve(None, b),
        (None, u) => u.map(str::to_owned),
    };
    let base = base.as_deref().or(cx.url);
    // The site's name as its address gives it (headline and byline rules).
    let host_label = base.and_then(site_label);

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
        let site = draft.article.site_name.as_deref();
        let (src, cleaned) = match h
            .article_h1
            .as_deref()
            .filter(|_| src != "<title>")
            .and_then(|h1| title::h1_within(&cleaned, h1, site))
        {
            Some(h1) => ("<h1> (the headline less a site or search part)", h1),
            None => (src, cleaned),
        };
        // A part that names the site by its address ("Weekend Coding Agent
        // | Focus Labs" on focuslabs.example): the domain is the site's
        // name when nothing declares one.
        let cleaned = match &host_label {
            Some(label) => title::strip_site_suffix(&cleaned, label),
            None => cleaned,
        };
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
    if let Some(v) = h.card_author().filter(|v| !url::is_url(v)) {
        author_sources.push((CARD_AUTHOR, vec![v]));
    }
    // The author line of a script-rendered page's content view signs its
    // first post (see `byline::NOSCRIPT_VIEW_BYLINE`).
    let byline_element = if h.byline_from_view {
        byline::NOSCRIPT_VIEW_BYLINE
    } else {
        "byline element"
    };
    if let Some(b) = &h.dom_byline {
        author_sources.push((byline_element, vec![b.clone()]));
    }
    if let Some((first, rest)) = h.author_links.split_first() {
        // Names linked in one author line ("Ana Ruiz, Li Wei and Bo Chen"):
        // only a separator between one link and the next; a label such as
        // "Edited by" ends the line.
        let mut names = vec![first.0.clone()];
        let mut end = first.2;
        for (t, start, stop) in rest {
            if start.saturating_sub(end) > AUTHOR_LINE_GAP {
                break;
            }
            names.push(t.clone());
            end = *stop;
        }
        author_sources.push((AUTHOR_LINK, names));
    }
    // A name printed under the headline ("By Ana Ruiz") comes before an
    // author line in page chrome.
    let printed = || {
        let p = if h.header_from.is_some() {
            byline::printed(&h.header_after)
        } else {
            Vec::new()
        };
        (!p.is_empty()).then_some(("byline printed by the headline", p))
    };
    let in_chrome = || {
        let b = h.chrome_byline.clone()?;
        let p = byline::people(&[b]);
        (!p.is_empty()).then_some(("byline element in page chrome", p))
    };
    // Author markup in the page (`rel=author`, `itemprop=author`) may name
    // a user by handle.
    // So may the JSON-LD author of a forum post or a Q&A question.
    let explicit = |src: &str| {
        src == "json-ld author" && ld.is_discussion
            || src == byline_element && h.dom_byline_explicit
            || src == CARD_AUTHOR
            || src == AUTHOR_LINK
    };
    let candidates: Vec<(&'static str, Vec<crate::model::Person>)> = author_sources
        .iter()
        .map(|(src, raw)| {
            let p = if explicit(src) {
                byline::people_or_handles(raw)
            } else {
                byline::people(raw)
            };
            (*src, p)
        })
        .collect();
    // A site is not its own author: names of the site (its declared name,
    // its publisher, its address) are left out of every source, and a
    // source that names only the site gives way to the next. Organisations
    // come back only when no source names anyone else.
    let site_names: Vec<String> = [
        draft.article.site_name.clone(),
        ld.publisher.as_deref().map(unescape),
        host_label,
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut named_the_site = false;
    let mut not_the_site = |(src, people): (&'static str, Vec<crate::model::Person>)| {
        let before = people.len();
        let people: Vec<_> = people
            .into_iter()
            .filter(|p| !site_names.iter().any(|s| title::names_site(&p.name, s)))
            .collect();
        // After a source that named only the site, a name must read as a
        // person's to replace it.
        let plausible =
            !named_the_site || people.iter().all(|p| byline::looks_like_a_name(&p.name));
        named_the_site |= people.len() < before;
        (!people.is_empty() && plausible).then_some((src, people))
    };
    let chosen = candidates
        .iter()
        .cloned()
        .find_map(&mut not_the_site)
        .or_else(|| printed().and_then(&mut not_the_site))
        .or_else(|| in_chrome().and_then(&mut not_the_site))
        .or_else(|| candidates.iter().find(|&(_, p)| !p.is_empty()).cloned())
        .or_else(printed)
        .or_else(in_chrome);
    if let Some((src, people)) = chosen {
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
    // The update stamp printed by the headline, read once for both fields.
    let stamp_cell = once_cell::unsync::OnceCell::new();
    let update_stamp = || *stamp_cell.get_or_init(|| printed_date(&h, Printed::Update));
    if let Some((src, w, confidence)) = choose_published(&h, &ld, &update_stamp) {
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
    } else if let Some(w) = update_stamp() {
        draft.article.modified = Some(w.iso());
        draft.record("modified", NAME, "update date printed by the headline", 0.5);
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

/// Takes the author line of a `<noscript>` content view (parsed here as
/// the cleaning stage will parse it) into `h`: on a page that renders its
/// posts by script, the view is where the first post names its author.
fn author_line_of_view(h: &mut Harvest<'_>, raw: &str, cx: &Context<'_>) {
    let (view, _) = crate::page::parse_guarded(
        html5ever::tendril::StrTendril::from_slice(raw),
        crate::limits::NestingGuard::new(cx.limits),
    );
    let v = collect(view.tree.root());
    h.byline_from_view = v.dom_byline.is_some() || !v.author_links.is_empty();
    h.dom_byline = v.dom_byline;
    h.dom_byline_explicit = v.dom_byline_explicit;
    h.author_links = v.author_links;
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
/// | date line printed by the headline                 | none of the above                  | 0.4 |
/// | update stamp printed by the headline              | the page prints no other date      | 0.3 |
/// | `<time>` marked `dateModified` / `updated`        | never                              | —   |
/// | any other `<time>`, URL path date                 | never (URL: see `metadata.url-date`) | —   |
///
/// Among the declarations, a later source on the same date with a time or a
/// zone replaces an earlier one.
/// `update_stamp` gives the page's printed update stamp
/// ([`Printed::Update`]), read when needed.
pub(super) fn choose_published(
    h: &Harvest<'_>,
    ld: &LdArticle,
    update_stamp: &dyn Fn() -> Option<When>,
) -> Option<(&'static str, When, f32)> {
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
        (None, None) => printed_date(h, Printed::Publication)
            .map(|w| ("date printed by the headline", w, 0.4))
            .or_else(|| {
                update_stamp().map(|w| {
                    (
                        "update date printed by the headline (no other date)",
                        w,
                        0.3,
                    )
                })
            }),
    }
}

/// Which printed date [`printed_date`] looks for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Printed {
    /// A date line that is not an update stamp.
    Publication,
    /// An update stamp ("Updated on July 9, 2025", or "Updated:" then the
    /// date): the page's only date when it prints no other. A reader takes
    /// it as the date of the article as it stands, and so do the date
    /// finders that report the latest date a page shows.
    Update,
}

/// Words that mark a printed date as a revision, not the publication
/// ("Updated Dec 18, 2025", "Zuletzt aktualisiert: 18.12.2025").
const UPDATE_WORDS: &[&str] = &[
    "updated",
    "modified",
    "edited",
    "revised",
    "reviewed",
    "aktualisiert",
    "geändert",
    "actualizado",
    "actualisé",
    "mis à jour",
    "modifié",
    "aggiornato",
    "bijgewerkt",
    "atualizado",
];

/// The first date printed as text right after the article `<h1>` (the
/// author-and-date line: "By Ana Ruiz - June 12, 2025", "Published on 12
/// June 2025", "12.06.2025 · 4 min read"), else just before it (a
/// dateline above the headline). A line that says the date is an update,
/// or a copyright line, is passed over, and so is a date right after such a
/// label ("Updated:" in its own element, the date in the next one); after an
/// update line that carries its own date, the next line is read as usual. Only short lines count: a date
/// inside a sentence of the dek or the body is not the article's.
/// [`Printed::Update`] reads the update lines instead, same places, same
/// limits.
fn printed_date(h: &Harvest<'_>, want: Printed) -> Option<When> {
    // Longest line, in bytes, that still reads as an author or date line.
    const LINE: usize = 100;
    h.header_from?;
    let revision = |s: &str| {
        let l = s.to_lowercase();
        UPDATE_WORDS.iter().any(|w| l.contains(w))
    };
    let copyright = |s: &str| s.contains('©') || s.to_lowercase().contains("copyright");
    let after = h.header_after.iter().enumerate().map(|(i, s)| {
        let prev = i
            .checked_sub(1)
            .and_then(|p| h.header_after.get(p))
            .or_else(|| h.header_before.last());
        (s, prev)
    });
    let before = h.header_before.iter().enumerate().rev().map(|(i, s)| {
        let prev = i.checked_sub(1).and_then(|p| h.header_before.get(p));
        (s, prev)
    });
    after
        .chain(before)
        .filter(|(s, prev)| {
            let labelled =
                prev.is_some_and(|p| p.len() <= 30 && revision(p) && parse_when(p).is_none());
            let update = revision(s) || labelled;
            s.len() <= LINE && !copyright(s) && (update == (want == Printed::Update))
        })
        .find_map(|(s, _)| parse_when(s))
}

/// The date a page declares for one field: the JSON-LD value, then the
/// first parseable value of each meta key, the most specific of them (see
/// [`most_specific`]).
pub(super) fn declared_date(
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
pub(super) fn most_specific(cands: &[(&'static str, When)]) -> Option<(&'static str, When)> {
    let (mut src, mut best) = *cands.first()?;
    for (s, w) in cands.iter().skip(1) {
        if w.same_date(&best) && w.specificity() > best.specificity() {
            src = s;
            best = *w;
        }
    }
    Some((src, best))
}

pub(super) fn url_date(u: &str) -> Option<When> {
    let c = URL_DATE.captures(u)?;
    parse_when(&format!("{}-{}-{}", &c[1], &c[2], &c[3]))
}

/// Picks the headline: JSON-LD (name vs headline as Readability does), then
/// title-like meta tags, then the `<title>` element cleaned like
/// Readability's `_getArticleTitle`.
pub(super) fn choose_title(h: &Harvest<'_>, ld: &LdArticle) -> Option<(&'static str, String)> {
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
    #[test]
    fn site_label_is_the_name_part_of_the_host() {
        for (page, want) in [
            ("https://news.harbourline.example/a/b", Some("harbourline")),
            ("https://www.tidebooks.co.uk/x", Some("tidebooks")),
            ("https://shop.example.com.au/", Some("example")),
            ("http://fakehost/test/page.html", None),
            ("http://127.0.0.1/x", None),
            ("not a url", None),
        ] {
            assert_eq!(super::site_label(page).as_deref(), want, "{page}");
        }
    }
}
