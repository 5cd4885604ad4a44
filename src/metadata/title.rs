//! Headline cleaning: site-name suffixes and prefixes, and Readability.js's
//! `_getArticleTitle` choice for the `<title>` element.

use crate::base::collapse_whitespace as collapse;

/// Separators between a title and a site name (after Readability.js).
const SEPARATORS: &[char] = &['|', '-', '–', '—', '\\', '/', '>', '»', '·', ':'];
/// The "hierarchical" ones (breadcrumb-like).
const HIERARCHICAL: &[char] = &['\\', '/', '>', '»'];

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Byte offsets of " X " separators (X one of `SEPARATORS` except ':').
fn separator_positions(s: &str) -> Vec<(usize, char)> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        if c != ':'
            && SEPARATORS.contains(&c)
            && prev.is_some_and(char::is_whitespace)
            && next.is_some_and(char::is_whitespace)
        {
            out.push((i, c));
        }
        prev = Some(c);
    }
    out
}

/// Readability.js `_getArticleTitle`, on the `<title>` text: drop the last
/// " | part" (or the first when too few words remain), take the part after a
/// colon unless a heading repeats the whole title, use the lone `<h1>` for
/// very short or long titles, and fall back to the original when ≤ 4 words
/// remain.
pub(crate) fn from_title_element(orig: &str, h1s: &[String], h2s: &[String]) -> String {
    let orig = orig.trim();
    let mut cur = orig.to_owned();
    let mut hierarchical = false;
    let seps = separator_positions(orig);
    if let Some(&(last, _)) = seps.last() {
        hierarchical = seps.iter().any(|(_, c)| HIERARCHICAL.contains(c));
        cur = orig.get(..last).unwrap_or(orig).trim().to_owned();
        if word_count(&cur) < 3 {
            // Remove the first part instead.
            if let Some(&(first, c)) = seps.first() {
                cur = orig
                    .get(first + c.len_utf8()..)
                    .unwrap_or(orig)
                    .trim()
                    .to_owned();
            }
        }
    } else if orig.contains(": ") {
        let whole_is_heading = h1s.iter().chain(h2s).any(|h| h.trim() == orig);
        if !whole_is_heading {
            let after_last = orig
                .rfind(':')
                .and_then(|i| orig.get(i + 1..))
                .unwrap_or(orig);
            cur = after_last.trim().to_owned();
            if word_count(&cur) < 3 {
                cur = orig
                    .find(':')
                    .and_then(|i| orig.get(i + 1..))
                    .unwrap_or(orig)
                    .trim()
                    .to_owned();
            } else if orig
                .find(':')
                .and_then(|i| orig.get(..i))
                .is_some_and(|before| word_count(before) > 5)
            {
                cur = orig.to_owned();
            }
        }
    } else if orig.chars().count() > 150 || orig.chars().count() < 15 {
        if let [h1] = h1s {
            cur = h1.clone();
        }
    }
    let cur = collapse(&cur);
    let n = word_count(&cur);
    let stripped: String = orig
        .chars()
        .filter(|c| !SEPARATORS.contains(c) || *c == ':')
        .collect();
    if n <= 4 && (!hierarchical || n + 1 != word_count(&stripped)) {
        return collapse(orig);
    }
    cur
}

/// Removes a leading or trailing part that names the site (`Title | Site`,
/// `Site - Title`, `Title – Site`), comparing loosely with `site`.
pub(crate) fn strip_site_name(title: &str, site: &str) -> String {
    let site_key = key(site);
    if site_key.is_empty() {
        return title.to_owned();
    }
    if let Some(head) = without_site_suffix(title, &site_key) {
        return head;
    }
    let seps = separator_positions(title);
    if let Some(&(i, c)) = seps.first() {
        let (head, tail) = (
            title.get(..i).unwrap_or(""),
            title.get(i + c.len_utf8()..).unwrap_or(""),
        );
        if same_site(head, &site_key) && word_count(tail) >= 1 {
            return collapse(tail);
        }
    }
    title.to_owned()
}

/// Removes a trailing part that names the site (`Title | Site`), as
/// [`strip_site_name`] does; a leading part stays (on a home page,
/// "Brand | What We Do" is the brand's own title).
pub(crate) fn strip_site_suffix(title: &str, site: &str) -> String {
    let site_key = key(site);
    if site_key.is_empty() {
        return title.to_owned();
    }
    without_site_suffix(title, &site_key).unwrap_or_else(|| title.to_owned())
}

/// `title` without its last part when that part names the site.
fn without_site_suffix(title: &str, site_key: &str) -> Option<String> {
    let &(i, c) = separator_positions(title).last()?;
    let (head, tail) = (
        title.get(..i).unwrap_or(""),
        title.get(i + c.len_utf8()..).unwrap_or(""),
    );
    (same_site(tail, site_key) && word_count(head) >= 1).then(|| collapse(head))
}

/// When a meta title has a " | part" and the page's `<h1>` is exactly the
/// part before it, the `<h1>` is the headline and the rest is site chrome
/// (`og:title` "Bridge Reopens | Daily Example" with `<h1>` "Bridge
/// Reopens").
pub(crate) fn reconcile_with_h1(title: &str, h1s: &[String]) -> Option<String> {
    // Only the part before the last separator: an `<h1>` equal to the part
    // after it is usually the site's banner, not the story.
    let &(last, _) = separator_positions(title).last()?;
    let head = collapse(title.get(..last)?);
    h1s.iter()
        .map(|h| collapse(h))
        .find(|h| word_count(h) >= 2 && *h == head)
}

/// The article `<h1>` when a meta or `<title>` headline is that `<h1>` plus
/// a part set off by a separator, bracket or other punctuation ("Bridge
/// Reopens [2025]: What Drivers Need | Daily Example" or "Daily Example:
/// Bridge Reopens" with `<h1>` "Bridge Reopens"): the page shows the
/// `<h1>`, the rest is a site name or search-engine wording. Case and
/// whitespace are ignored; an `<h1>` that names the site is not taken.
pub(crate) fn h1_within(title: &str, h1: &str, site: Option<&str>) -> Option<String> {
    let t = collapse(title);
    let h = collapse(h1);
    if h.is_empty() || t.chars().count() <= h.chars().count() {
        return None;
    }
    if site.is_some_and(|s| same_site(&h, &key(s))) {
        return None;
    }
    let boundary = |c: Option<char>| c.is_some_and(|c| !c.is_alphanumeric());
    let rt: String = t.chars().rev().collect();
    let rh: String = h.chars().rev().collect();
    [strip_prefix_ci(&t, &h), strip_prefix_ci(&rt, &rh)]
        .into_iter()
        .flatten()
        .any(|rest| boundary(rest.trim_start().chars().next()))
        .then_some(h)
}

/// `s` without a leading `prefix`, compared char by char ignoring case.
fn strip_prefix_ci<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
    let mut rest = s.char_indices();
    for p in prefix.chars() {
        let (_, c) = rest.next()?;
        if c != p && !c.to_lowercase().eq(p.to_lowercase()) {
            return None;
        }
    }
    let at = rest.next().map_or(s.len(), |(i, _)| i);
    s.get(at..)
}

/// `name` names the site `site` (compared as [`strip_site_name`] does,
/// a leading "The" aside): "PCWorld", "The Commercial Appeal" for
/// "commercialappeal".
pub(crate) fn names_site(name: &str, site: &str) -> bool {
    let without_the = |s: &str| {
        let k = key(s);
        k.strip_prefix("the")
            .filter(|r| r.len() >= 4)
            .map_or(k.clone(), str::to_owned)
    };
    let site_key = without_the(site);
    !site_key.is_empty() && same_site(&without_the(name), &site_key)
}

fn same_site(part: &str, site_key: &str) -> bool {
    let k = key(part);
    !k.is_empty()
        && (k == site_key
            || (k.len() >= 4 && (site_key.starts_with(&k) || k.starts_with(site_key))))
}

/// Lower-case letters and digits only ("The Daily-Example.com" → "thedailyexamplecom").
fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Readability.js `_textSimilarity`: the share of `b`'s token text that
/// also occurs in `a`.
pub(crate) fn similarity(a: &str, b: &str) -> f32 {
    let tokens = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let ta = tokens(a);
    let tb = tokens(b);
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let all: usize = tb.iter().map(|t| t.chars().count() + 1).sum::<usize>() - 1;
    let uniq: Vec<&String> = tb.iter().filter(|t| !ta.contains(t)).collect();
    let uniq_len: usize = uniq.iter().map(|t| t.chars().count() + 1).sum::<usize>();
    let uniq_len = uniq_len.saturating_sub(1);
    1.0 - uniq_len as f32 / all.max(1) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_element_table() {
        let none: Vec<String> = Vec::new();
        for (title, want) in [
            (
                "Bridge Reopens After Long Repairs | The Daily Example",
                "Bridge Reopens After Long Repairs",
            ),
            (
                "Daily Example - Bridge Reopens After Long Repairs",
                "Bridge Reopens After Long Repairs",
            ),
            (
                "Bridge Reopens After Long Repairs – Example",
                "Bridge Reopens After Long Repairs",
            ),
            (
                "Local News: Bridge Reopens After Long Repairs",
                "Bridge Reopens After Long Repairs",
            ),
            ("Short | Site", "Short | Site"),
            (
                "Bridge Reopens After Long Repairs",
                "Bridge Reopens After Long Repairs",
            ),
        ] {
            assert_eq!(from_title_element(title, &none, &none), want, "{title}");
        }
        let h1 = vec!["The Bridge Reopens At Last".to_owned()];
        assert_eq!(
            from_title_element("Bridge", &h1, &none),
            "The Bridge Reopens At Last"
        );
        let whole = vec!["Update: The Bridge Reopens".to_owned()];
        assert_eq!(
            from_title_element("Update: The Bridge Reopens", &whole, &none),
            "Update: The Bridge Reopens"
        );
    }

    #[test]
    fn strip_site_name_table() {
        for (title, site, want) in [
            (
                "Bridge Reopens | The Daily Example",
                "The Daily Example",
                "Bridge Reopens",
            ),
            (
                "The Daily Example — Bridge Reopens",
                "The Daily Example",
                "Bridge Reopens",
            ),
            ("Bridge Reopens - Example.com", "Example", "Bridge Reopens"),
            (
                "Bridge Reopens - Again",
                "The Daily Example",
                "Bridge Reopens - Again",
            ),
            ("Bridge Reopens", "The Daily Example", "Bridge Reopens"),
            ("Left - Right", "", "Left - Right"),
        ] {
            assert_eq!(strip_site_name(title, site), want, "{title}");
        }
        // The suffix only: a leading brand stays.
        assert_eq!(
            strip_site_suffix("Tide Tables Explained | Harbourline", "harbourline"),
            "Tide Tables Explained"
        );
        assert_eq!(
            strip_site_suffix("Harbourline | Tide Tables Explained", "harbourline"),
            "Harbourline | Tide Tables Explained"
        );
    }

    #[test]
    fn h1_within_table() {
        for (title, h1, want) in [
            (
                "Bridge Reopens | Daily Example",
                "Bridge Reopens",
                Some("Bridge Reopens"),
            ),
            (
                "Average Cost of a Bridge [2025]: Tolls + Fees",
                "Average Cost of a Bridge",
                Some("Average Cost of a Bridge"),
            ),
            (
                "Example Shop: Garden Kneeler, Green : Garden",
                "garden kneeler, green",
                None,
            ),
            (
                "Daily Example: Bridge Reopens",
                "Bridge Reopens",
                Some("Bridge Reopens"),
            ),
            ("News | Example Council", "News", Some("News")),
            // A word goes on after the h1: a longer headline, not a suffix.
            ("Project Management Certificate", "Project Management", None),
            ("Bridge Reopens", "bridge  reopens", None),
            // The h1 is the site banner.
            ("Daily Example | Bridge Reopens", "Daily Example", None),
        ] {
            assert_eq!(
                h1_within(title, h1, Some("Daily Example")).as_deref(),
                want,
                "{title} / {h1}"
            );
        }
    }

    #[test]
    fn reconcile_with_h1_table() {
        let h1 = vec!["Bridge Reopens Today".to_owned()];
        for (title, want) in [
            (
                "Bridge Reopens Today | Daily Example",
                Some("Bridge Reopens Today"),
            ),
            ("Daily Example - Bridge Reopens Today", None),
            ("Bridge Reopens Today - Ana Ruiz | Daily Example", None),
            ("Bridge Reopens Today", None),
            ("Other Story | Daily Example", None),
        ] {
            assert_eq!(reconcile_with_h1(title, &h1).as_deref(), want, "{title}");
        }
    }

    #[test]
    fn similarity_scores() {
        assert!(similarity("Bridge reopens today", "Bridge reopens today") > 0.99);
        assert!(similarity("Bridge reopens today", "Mayor resigns") < 0.01);
    }
}
