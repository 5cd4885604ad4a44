//! The chrome vocabulary: class/id words that name site chrome, in named
//! groups, and [`concat`] to compose a stage's list from them at compile
//! time.
//!
//! Three stages keep a list of chrome words, each matched its own way and
//! each after its own source: the clean stage's discard tokens
//! (`html/clean.rs`, after trafilatura and Readability's
//! `unlikelyCandidates`; whole tokens), the score stage's negative class
//! weights (`html/score.rs`, after Readability's `negative`; whole tokens)
//! and the metadata stage's chrome words (`metadata/harvest.rs`, after
//! Readability's `unlikelyCandidates`; substrings). The words two or three
//! of them share are written here once; each list is its groups plus its
//! own words:
//!
//! | group | clean discard | score negative | metadata chrome |
//! |---|---|---|---|
//! | [`CHROME`] | ✓ | ✓ | ✓ |
//! | [`FURNITURE`] | ✓ | ✓ | |
//! | [`NAVIGATION`] | ✓ | | ✓ |
//! | [`WIDGETS`] | | ✓ | ✓ |

/// Every list: the page frame, ad and cookie banners, comments.
pub(crate) const CHROME: &[&str] = &["banner", "comment", "footer", "gdpr", "sidebar"];

/// Clean and score: the masthead, post meta and tags, promos and
/// recirculation, share bars.
pub(crate) const FURNITURE: &[&str] = &["masthead", "meta", "outbrain", "promo", "share", "tags"];

/// Clean and metadata: menus, breadcrumbs and paging, social links,
/// comment systems, popups.
pub(crate) const NAVIGATION: &[&str] = &[
    "breadcrumbs",
    "disqus",
    "menu",
    "pager",
    "pagination",
    "popup",
    "social",
];

/// Score and metadata: Readability's comment widgets, related lists, tall
/// ad slots and sponsor boxes.
pub(crate) const WIDGETS: &[&str] = &["combx", "related", "shoutbox", "skyscraper", "sponsor"];

/// How many words `parts` hold together: the length for [`concat`].
pub(crate) const fn total(parts: &[&[&'static str]]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < parts.len() {
        n += parts[i].len();
        i += 1;
    }
    n
}

/// The words of `parts`, one after another; `N` is [`total`]`(parts)`
/// (a build error otherwise, as the list is a constant).
pub(crate) const fn concat<const N: usize>(parts: &[&[&'static str]]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut k = 0;
    let mut i = 0;
    while i < parts.len() {
        let mut j = 0;
        while j < parts[i].len() {
            out[k] = parts[i][j];
            k += 1;
            j += 1;
        }
        i += 1;
    }
    assert!(k == N, "concat: N is not the total length of the parts");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concat_keeps_the_order_of_the_parts() {
        const PARTS: &[&[&str]] = &[&["a", "b"], &[], &["c"]];
        const ALL: [&str; total(PARTS)] = concat(PARTS);
        assert_eq!(ALL, ["a", "b", "c"]);
    }

    #[test]
    fn no_word_is_in_two_groups() {
        let all = [CHROME, FURNITURE, NAVIGATION, WIDGETS].concat();
        let mut set = all.clone();
        set.sort_unstable();
        set.dedup();
        assert_eq!(set.len(), all.len());
    }
}
