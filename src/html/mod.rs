//! The HTML path: clean the parsed page, locate the main content, flatten it
//! into [`DraftBlock`](crate::DraftBlock)s and trim the edges of the body.
//!
//! Each heuristic's file declares it (its id, stage, description and
//! function, as a `Builtin`); [`heuristics`] only lists them, in run order.
//!
//! | stage | heuristic | file |
//! |---|---|---|
//! | Clean | `clean.scripts-and-hidden`, `clean.boilerplate` | `clean.rs` |
//! | Score | `score.main-content` | `score.rs` |
//! | Segment | `segment.html-blocks` | `segment/` |
//! | Segment | `segment.html-edges` | `edges.rs` |

mod clean;
mod comments;
mod edges;
mod page_type;
mod score;
mod segment;

use std::collections::HashMap;
use std::sync::Arc;

use crate::heuristic::Heuristic;
use ego_tree::NodeId;

pub(crate) use crate::page::{
    BoxKind, Dom, FastAttr, IdHasher, IdMap, NodeTable, Stats, stats_with,
};

pub(crate) fn heuristics() -> Vec<Arc<dyn Heuristic>> {
    [
        clean::SCRIPTS_AND_HIDDEN_BUILTIN,
        clean::BOILERPLATE_BUILTIN,
        score::BUILTIN,
        segment::BUILTIN,
        edges::BUILTIN,
    ]
    .into_iter()
    .map(|b| Arc::new(b) as Arc<dyn Heuristic>)
    .collect()
}

/// After the pipeline, when comments were asked for: `comments` is a list
/// (empty for text input or a page without comments), and a comment the
/// body already holds (a forum thread's reply, read as its content: its
/// first paragraph is a block of the body, or a paragraph of it of 40 bytes
/// or more is in the body's text) is not repeated there.
pub(crate) fn settle_comments(draft: &mut crate::heuristic::Draft) {
    let mut comments = draft.article.comments.take().unwrap_or_default();
    let before = comments.len();
    // A comment is in the body when its first paragraph is one of the
    // body's blocks (both are whitespace-collapsed); a set keeps this linear.
    let blocks: std::collections::HashSet<&str> = draft
        .article
        .text
        .split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .collect();
    // Or, on pages of ordinary size, when a paragraph of 40 bytes or more
    // of it is inside the body's text (a block the body read differently).
    const SEARCH_BUDGET: usize = 50_000_000;
    let text = &draft.article.text;
    let search = comments.len().saturating_mul(text.len()) <= SEARCH_BUDGET;
    comments.retain(|c| {
        let mut paragraphs = c.text.split("\n\n").map(str::trim);
        let first = paragraphs.next().unwrap_or_default();
        let in_body = blocks.contains(first)
            || (search
                && std::iter::once(first)
                    .chain(paragraphs)
                    .any(|p| p.len() >= 40 && text.contains(p)));
        first.is_empty() || !in_body
    });
    let dropped = before - comments.len();
    draft.article.comments = Some(comments);
    if dropped > 0 {
        draft.note(format!(
            "comments: {dropped} comment(s) already in the body (replies read as the content) were not repeated"
        ));
    }
}

/// Calls `f` with every lower-cased token of the element's class, id and
/// role: each whitespace-separated word whole, with separators removed
/// (`"article-body"` → `"articlebody"`), and each of its `-`/`_` parts.
/// Returns true as soon as `f` does.
#[cfg(test)]
pub(crate) fn any_token(
    el: &scraper::node::Element,
    mut f: impl FnMut(&str, bool) -> bool,
) -> bool {
    let mut buf = String::new();
    el.attrs()
        .filter(|(name, _)| matches!(*name, "class" | "id" | "role"))
        .any(|(_, value)| any_value_token(value, &mut buf, &mut f))
}

/// [`any_token`] over one attribute value.
fn any_value_token(value: &str, buf: &mut String, f: &mut impl FnMut(&str, bool) -> bool) -> bool {
    fn push_lower(buf: &mut String, c: char) {
        if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else {
            buf.extend(c.to_lowercase());
        }
    }
    {
        for word in value.split_whitespace() {
            // A utility class with a variant prefix ("hover:underline",
            // "md:hidden", "[&_a]:shadow-highlight") styles a state or a
            // screen size; it never names what the element is.
            if word.contains(':') {
                continue;
            }
            buf.clear();
            if word.is_ascii() {
                // Class names are nearly always ASCII: no char decoding.
                buf.extend(
                    word.bytes()
                        .filter(|b| *b != b'-' && *b != b'_')
                        .map(|b| char::from(b.to_ascii_lowercase())),
                );
            } else {
                for c in word.chars().filter(|c| *c != '-' && *c != '_') {
                    push_lower(buf, c);
                }
            }
            if f(buf, true) {
                return true;
            }
            if word.contains(['-', '_']) {
                for part in word.split(['-', '_']).filter(|p| !p.is_empty()) {
                    buf.clear();
                    for c in part.chars() {
                        push_lower(buf, c);
                    }
                    if f(buf, false) {
                        return true;
                    }
                }
            }
        }
    }
    false
}

/// Token classes: bits of [`token_flags`].
pub(crate) mod flag {
    pub const DISCARD: u32 = 1;
    /// Discard only as a whole class word.
    pub const WHOLE_DISCARD: u32 = 1 << 1;
    pub const RELATED: u32 = 1 << 2;
    pub const DISCLAIMER: u32 = 1 << 3;
    pub const PULL: u32 = 1 << 4;
    pub const CAPTION: u32 = 1 << 5;
    pub const KEEP: u32 = 1 << 6;
    pub const POSITIVE: u32 = 1 << 7;
    pub const NEGATIVE: u32 = 1 << 8;
    /// A whole word naming the article body ("article-body", "entry-content").
    pub const BODY: u32 = 1 << 9;
    /// A whole word naming a generic main container ("content", "main").
    pub const MAIN: u32 = 1 << 10;
    /// A discard word as a camel-case hump only ("theiaStickySidebar"):
    /// weaker, as in "contentWithSidebar" it names what sits beside.
    pub const HUMP_DISCARD: u32 = 1 << 11;
    /// Page-type structure words ([`super::page_type`]): they never change
    /// what is removed or kept.
    pub const TYPE_POST: u32 = 1 << 12;
    pub const TYPE_USER: u32 = 1 << 13;
    pub const TYPE_SHOP: u32 = 1 << 14;
    pub const TYPE_FILTER: u32 = 1 << 15;
    pub const TYPE_CARD: u32 = 1 << 16;
    pub const TYPE_PROMO: u32 = 1 << 17;
    /// All the page-type bits.
    pub const TYPE_ALL: u32 =
        TYPE_POST | TYPE_USER | TYPE_SHOP | TYPE_FILTER | TYPE_CARD | TYPE_PROMO;
    /// Set in [`Dom::flags`](super::Dom::flags) on the elements whose
    /// flags are stored (a stored 0 is a known "no class").
    pub const KNOWN: u32 = 1 << 31;
}

/// Short ASCII tokens: a multiplicative byte hash is enough and much
/// cheaper than SipHash.
type TokenMap = HashMap<&'static str, u32, std::hash::BuildHasherDefault<IdHasher>>;

/// Every table token with its class bits, built once.
static TOKEN_TABLE: once_cell::sync::Lazy<TokenMap> = once_cell::sync::Lazy::new(|| {
    let mut map = TokenMap::default();
    let tables: [(&[&'static str], u32); 16] = [
        (clean::DISCARD_TOKENS, flag::DISCARD),
        (clean::WHOLE_DISCARD_TOKENS, flag::WHOLE_DISCARD),
        (clean::RELATED_TOKENS, flag::RELATED),
        (clean::DISCLAIMER_TOKENS, flag::DISCLAIMER),
        (clean::PULL_TOKENS, flag::PULL),
        (clean::CAPTION_TOKENS, flag::CAPTION),
        (clean::KEEP_TOKENS, flag::KEEP),
        (score::POSITIVE, flag::POSITIVE),
        (score::NEGATIVE, flag::NEGATIVE),
        (score::MAIN_WORDS, flag::MAIN),
        (page_type::POST_WORDS, flag::TYPE_POST),
        (page_type::USER_WORDS, flag::TYPE_USER),
        (page_type::SHOP_WORDS, flag::TYPE_SHOP),
        (page_type::FILTER_WORDS, flag::TYPE_FILTER),
        (page_type::CARD_WORDS, flag::TYPE_CARD),
        (page_type::PROMO_WORDS, flag::TYPE_PROMO),
    ];
    for (table, bit) in tables {
        for t in table {
            *map.entry(t).or_insert(0) |= bit;
        }
    }
    map
});

/// The token classes of an element's class/id/role, in one pass.
pub(crate) fn token_flags(el: &scraper::node::Element) -> u32 {
    // The bits are an OR over tokens, so over attribute values: each value
    // is classified once per thread (pages repeat the same class strings).
    // Ids are mostly unique, so they are not worth remembering.
    el.attrs().fold(0, |bits, (name, value)| match name {
        "class" | "role" => bits | cached_value_flags(value),
        "id" => bits | value_flags(value),
        _ => bits,
    })
}

/// Distinct attribute values remembered per thread before the cache is reset.
const VALUE_CACHE_CAP: usize = 8192;

/// Longer values (rare) are classified without caching.
const VALUE_CACHE_MAX_LEN: usize = 256;

thread_local! {
    static VALUE_FLAGS: std::cell::RefCell<HashMap<Box<str>, u32, std::hash::BuildHasherDefault<IdHasher>>> =
        std::cell::RefCell::new(HashMap::default());
}

fn cached_value_flags(value: &str) -> u32 {
    if value.len() > VALUE_CACHE_MAX_LEN {
        return value_flags(value);
    }
    VALUE_FLAGS.with(|cache| {
        let Ok(mut cache) = cache.try_borrow_mut() else {
            return value_flags(value);
        };
        if let Some(bits) = cache.get(value) {
            return *bits;
        }
        if cache.len() >= VALUE_CACHE_CAP {
            cache.clear();
        }
        let bits = value_flags(value);
        cache.insert(value.into(), bits);
        bits
    })
}

/// The token classes of one class/id/role value.
fn value_flags(value: &str) -> u32 {
    thread_local! {
        /// Scratch space for the tokens, reused from value to value.
        static BUF: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    BUF.with(|buf| match buf.try_borrow_mut() {
        Ok(mut buf) => value_flags_in(value, &mut buf),
        Err(_) => value_flags_in(value, &mut String::new()),
    })
}

/// [`value_flags`] with `buf` as scratch space.
fn value_flags_in(value: &str, buf: &mut String) -> u32 {
    let mut bits = 0;
    any_value_token(value, buf, &mut |t, whole| {
        let b = TOKEN_TABLE.get(t).copied().unwrap_or(0);
        if whole {
            bits |= b;
            // Every body word is at least 8 bytes long.
            if t.len() >= 8 && score::BODY_RE.is_match(t) {
                bits |= flag::BODY;
            }
        } else {
            bits |= b & !(flag::WHOLE_DISCARD | flag::MAIN);
        }
        false
    });
    bits | camel_flags(value, buf) | component_flags(value, buf)
}

/// [`flag::RELATED`] when a class names a CSS-module component whose first
/// camel-case hump is a related-links word ("RelatedRail_root__r1",
/// "RecommendedList_item"): front ends that hash their class names keep
/// the component's name before the first `_`, and its first word says
/// what the component is.
fn component_flags(value: &str, buf: &mut String) -> u32 {
    for word in value.split_whitespace() {
        let Some((component, _)) = word.split_once('_') else {
            continue;
        };
        if !component.starts_with(|c: char| c.is_ascii_uppercase()) {
            continue;
        }
        let end = component
            .char_indices()
            .skip(1)
            .find(|(_, c)| c.is_uppercase())
            .map_or(component.len(), |(i, _)| i);
        buf.clear();
        buf.extend(component[..end].chars().flat_map(char::to_lowercase));
        if TOKEN_TABLE
            .get(buf.as_str())
            .is_some_and(|b| b & flag::RELATED != 0)
        {
            return flag::RELATED;
        }
    }
    0
}

/// [`flag::HUMP_DISCARD`] when a camel-case hump of one of the value's
/// words is a discard word ("PromoSmall-title" → "promo", "small"). Only
/// discard words count: "post", "text" or "related" inside a camel-case
/// name say little.
fn camel_flags(value: &str, buf: &mut String) -> u32 {
    let mut discard = |hump: &str| {
        buf.clear();
        buf.extend(hump.chars().flat_map(char::to_lowercase));
        TOKEN_TABLE
            .get(buf.as_str())
            .is_some_and(|b| b & flag::DISCARD != 0)
    };
    for part in value.split(|c: char| c.is_whitespace() || c == '-' || c == '_') {
        // A hump starts at a capital that follows a lower-case letter:
        // "PromoSmall", "adSlot"; "HTML5" and "lowercase" are one hump.
        let mut start = 0;
        let mut prev_lower = false;
        for (i, c) in part.char_indices() {
            if c.is_uppercase() && prev_lower {
                if discard(&part[start..i]) {
                    return flag::HUMP_DISCARD;
                }
                start = i;
            }
            prev_lower = c.is_lowercase();
        }
        if start > 0 && discard(&part[start..]) {
            return flag::HUMP_DISCARD;
        }
    }
    0
}

/// [`token_flags`] from the clean stage's table, computed when missing.
pub(crate) fn cached_flags(flags: &NodeTable<u32>, id: NodeId, el: &scraper::node::Element) -> u32 {
    match flags.get(id) {
        Some(&bits) if bits & flag::KNOWN != 0 => bits & !flag::KNOWN,
        _ => token_flags(el),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    #[test]
    fn css_module_components_named_for_related_links() {
        for hit in ["RelatedRail_root__r1", "x RecommendedList_item__a2"] {
            assert!(value_flags(hit) & flag::RELATED != 0, "{hit}");
        }
        // Only the component's first word, only a capitalised component.
        for miss in ["ArticleRelated_root__r1", "Notice_root__n5", "isRelated_x"] {
            assert!(value_flags(miss) & flag::RELATED == 0, "{miss}");
        }
    }

    fn tokens(html: &str) -> Vec<(String, bool)> {
        let doc = Html::parse_fragment(html);
        let el = doc
            .root_element()
            .first_child()
            .and_then(scraper::ElementRef::wrap)
            .expect("element");
        let mut out = Vec::new();
        any_token(el.value(), |t, whole| {
            out.push((t.to_owned(), whole));
            false
        });
        out
    }

    #[test]
    fn tokens_whole_and_parts() {
        let t = tokens(r#"<div class="Article-Body main" id="x_y">t</div>"#);
        let names: Vec<_> = t.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            names,
            ["articlebody", "article", "body", "main", "xy", "x", "y"]
        );
    }

    #[test]
    fn camel_case_humps_weakly_discard() {
        let mut buf = String::new();
        for hit in [
            "PromoSmall-title",
            "theiaStickySidebar",
            "x adSlot",
            "contentWithSidebar",
        ] {
            assert_eq!(camel_flags(hit, &mut buf), flag::HUMP_DISCARD, "{hit}");
        }
        // One hump, no discard hump, or a discard word only inside a hump.
        for miss in [
            "promo",
            "HTML5",
            "relatedLinks",
            "PostBody",
            "headlineText",
            "Adventure",
        ] {
            assert_eq!(camel_flags(miss, &mut buf), 0, "{miss}");
        }
        let p = |n: u32| {
            format!(
                "<p>Part {n}: the ferry returned to service on Tuesday after a refit that \
                 replaced both engines and added a covered deck for cyclists.</p>"
            )
        };
        let promo = "<div class=\"PromoSmall\"><a href=\"/x\">Bridge tolls stay frozen</a>\
             <p>The regional transport board said on Monday that the tolls on the estuary \
             bridge will not change before the spring review, despite rising costs.</p></div>";
        let page = format!(
            "<html><body><div id=\"contentWithSidebar\"><h1>Ferry back</h1>{}{}{promo}{}{}</div>\
             </body></html>",
            p(1),
            p(2),
            p(3),
            p(4)
        );
        let a = crate::extract(page.as_str()).expect("article");
        assert!(a.text.contains("Part 4"), "{}", a.text);
        assert!(!a.text.contains("Bridge tolls"), "{}", a.text);
    }

    #[test]
    fn body_words_are_long_enough_for_the_length_filter() {
        assert!(score::BODY_WORDS.iter().all(|w| w.len() >= 8));
    }
}
