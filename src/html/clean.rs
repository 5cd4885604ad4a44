//! Stage::Clean: remove what is never article text, keep boxes that become
//! related links, disclaimers or pull quotes.

use scraper::Node;
use scraper::node::Element;

use super::FastAttr;
use super::{BoxKind, flag, token_flags};
use crate::base::tokens;
use crate::error::BoxError;
use crate::heuristic::{Builtin, Context, Draft, Stage};

/// The id of the first clean heuristic.
const SCRIPTS_AND_HIDDEN: &str = "clean.scripts-and-hidden";
/// `clean.scripts-and-hidden`, as [`heuristics`](super::heuristics) lists it.
pub(super) const SCRIPTS_AND_HIDDEN_BUILTIN: Builtin = Builtin {
    name: SCRIPTS_AND_HIDDEN,
    stage: Stage::Clean,
    description: "Removes scripts, styles, embedded frames, SVG, templates and hidden nodes (hidden, aria-hidden, display:none).",
    run: scripts_and_hidden,
};
/// The id of the second clean heuristic.
const BOILERPLATE: &str = "clean.boilerplate";
/// `clean.boilerplate`, as [`heuristics`](super::heuristics) lists it.
pub(super) const BOILERPLATE_BUILTIN: Builtin = Builtin {
    name: BOILERPLATE,
    stage: Stage::Clean,
    description: "Removes navigation, headers, footers, forms, asides and elements whose class/id/role tokens mark menus, share bars, newsletters, cookie banners, comments or ads; keeps related-link, disclaimer and pull-quote boxes.",
    run: boilerplate,
};

/// Elements whose content is never text a reader sees.
fn never_text(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "audio"
            | "video"
            | "map"
            | "head"
            | "link"
            | "meta"
            | "button"
            | "input"
            | "select"
            | "textarea"
            | "dialog"
            | "math"
    )
}

/// `buf` is scratch space, reused from element to element.
fn is_hidden(el: &Element, buf: &mut String) -> bool {
    // One pass over the attributes; most elements have none of these.
    el.attrs().any(|(name, value)| match name {
        "hidden" => true,
        "aria-hidden" => value == "true",
        "style" => style_hides(value, buf),
        _ => false,
    })
}

/// A server-rendered segment streamed after the page's shell: React's
/// `<div hidden id="S:4">`, which a script moves into its placeholder as
/// soon as it arrives. Its content is the page's, shown on load.
/// Returns the segment's number.
fn streamed_segment(el: &Element) -> Option<&str> {
    el.fattr("id")
        .and_then(|id| id.strip_prefix("S:"))
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_alphanumeric()))
        .filter(|_| {
            el.name() == "div" && el.fattr("hidden").is_some() && el.fattr("style").is_none()
        })
}

/// The style, without whitespace and in lower case, says `display:none` or
/// `visibility:hidden`. Only ASCII is lower-cased: no other character
/// lower-cases into those words.
fn style_hides(style: &str, buf: &mut String) -> bool {
    buf.clear();
    buf.extend(
        style
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_lowercase()),
    );
    buf.contains("display:none") || buf.contains("visibility:hidden")
}

/// The nearest sibling before `node` that `kept` accepts. The walks below
/// go from the last child back to the first, pushing a node's previous
/// sibling when they take it, so the stack grows with the depth, not with
/// the number of children.
fn before<'a>(
    node: ego_tree::NodeRef<'a, Node>,
    kept: impl Fn(ego_tree::NodeRef<'a, Node>) -> bool,
) -> Option<ego_tree::NodeRef<'a, Node>> {
    node.prev_siblings().find(|n| kept(*n))
}

/// Removes scripts, styles, frames, hidden nodes; saves JSON-LD text first.
/// A `<noscript>` holding the page's own content view (a forum's crawler
/// view of its posts) is read as markup in its place.
pub(crate) fn scripts_and_hidden(draft: &mut Draft, cx: &Context<'_>) -> Result<(), BoxError> {
    let Some(dom) = draft.dom.as_mut() else {
        return Ok(());
    };
    let views = clean_walk(dom, dom.html.tree.root().id());
    if !views.is_empty() {
        graft_noscript_views(dom, views, cx.limits);
    }
    // What later stages remove is logged from here: the score stage's
    // second opinion reads this page again by putting it back.
    dom.start_trail();
    Ok(())
}

/// Keeps the type names of an `itemtype` value (space-separated URLs, the
/// name after the last `/`), for the page-type verdict.
fn note_microdata_types(kept: &mut Vec<String>, types: &str) {
    for url in types.split_ascii_whitespace() {
        let name = url.trim_end_matches('/').rsplit('/').next().unwrap_or("");
        if kept.len() >= crate::page::MAX_MICRODATA_TYPES {
            return;
        }
        if !name.is_empty() && !kept.iter().any(|t| t == name) {
            kept.push(name.to_owned());
        }
    }
}

/// Parses each `<noscript>` content view and puts its body's nodes in
/// place of the `<noscript>`, then cleans them as the rest of the page.
fn graft_noscript_views(
    dom: &mut super::Dom,
    views: Vec<(ego_tree::NodeId, String)>,
    limits: &crate::limits::Limits,
) {
    for (id, raw) in views {
        let (frag, _) = crate::page::parse_guarded(
            html5ever::tendril::StrTendril::from_slice(&raw),
            crate::limits::NestingGuard::new(limits),
        );
        let Some(body) = frag
            .root_element()
            .children()
            .find(|c| c.value().as_element().is_some_and(|e| e.name() == "body"))
        else {
            continue;
        };
        // (node in the fragment, parent in the page); the top-level nodes
        // go before the `<noscript>`, in order.
        let mut stack: Vec<(ego_tree::NodeRef<'_, Node>, Option<ego_tree::NodeId>)> =
            body.children().rev().map(|c| (c, None)).collect();
        let mut tops = Vec::new();
        while let Some((src, parent)) = stack.pop() {
            let value = src.value().clone();
            let new_id = match parent {
                None => match dom.html.tree.get_mut(id) {
                    Some(mut ns) => ns.insert_before(value).id(),
                    None => break,
                },
                Some(p) => match dom.html.tree.get_mut(p) {
                    Some(mut pm) => pm.append(value).id(),
                    None => continue,
                },
            };
            if parent.is_none() {
                tops.push(new_id);
            }
            stack.extend(src.children().rev().map(|c| (c, Some(new_id))));
        }
        if let Some(mut ns) = dom.html.tree.get_mut(id) {
            ns.detach();
        }
        for top in tops {
            // Views inside views are not read again.
            for (nested, _) in clean_walk(dom, top) {
                if let Some(mut n) = dom.html.tree.get_mut(nested) {
                    n.detach();
                }
            }
        }
    }
}

/// [`scripts_and_hidden`] from `root` down: removes what is never text,
/// saves JSON-LD, and returns the `<noscript>` content views it removed
/// too, with their raw text.
fn clean_walk(dom: &mut super::Dom, root: ego_tree::NodeId) -> Vec<(ego_tree::NodeId, String)> {
    let mut views = Vec::new();
    let Some(root) = dom.html.tree.get(root) else {
        return views;
    };
    let mut drop = Vec::new();
    let mut buf = String::new();
    // React's streamed segments (`<div hidden id="S:1">`) and the
    // placeholders they fill (`<template id="B:1">`).
    let mut segments: Vec<(ego_tree::NodeId, String)> = Vec::new();
    // The `<body>`'s text bytes, counted when first needed.
    let mut page_text = None;
    let mut placeholders: std::collections::HashMap<String, ego_tree::NodeId> =
        std::collections::HashMap::new();
    // Text stays: only the other children are looked at.
    let kept = |n: ego_tree::NodeRef<'_, Node>| !n.value().is_text();
    let mut stack = vec![(root, false)];
    while let Some((node, siblings)) = stack.pop() {
        if siblings {
            if let Some(prev) = before(node, kept) {
                stack.push((prev, true));
            }
        }
        if let Node::Element(el) = node.value() {
            let name = el.name();
            if name == "noscript" {
                let raw: String = node
                    .children()
                    .filter_map(|c| c.value().as_text().map(|t| &**t))
                    .collect();
                if crate::page::is_content_view(&raw) {
                    views.push((node.id(), raw));
                    continue;
                }
            }
            if name == "script" {
                if el
                    .fattr("type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"))
                {
                    let text: String = node
                        .children()
                        .filter_map(|c| c.value().as_text().map(|t| &**t))
                        .collect();
                    dom.json_ld.push(text);
                }
                drop.push(node.id());
                continue;
            }
            if let Some(n) = streamed_segment(el) {
                if segments.len() < MAX_SEGMENTS {
                    segments.push((node.id(), n.to_owned()));
                }
            } else if name == "template" {
                if let Some(n) = el.fattr("id").and_then(|id| id.strip_prefix("B:")) {
                    if placeholders.len() < MAX_SEGMENTS {
                        placeholders.insert(n.to_owned(), node.id());
                    }
                }
            }
            if let Some(types) = el.fattr("itemtype") {
                note_microdata_types(&mut dom.microdata_types, types);
            }
            // A hidden element holding running prose is the page itself,
            // shown by a script (a streamed segment, an anti-flicker
            // wrapper, a closed tab of the description): it is kept.
            let hidden = name != "html"
                && name != "body"
                && is_hidden(el, &mut buf)
                && streamed_segment(el).is_none()
                && !holds_prose(node)
                && !holds_the_page(node, &mut page_text);
            if never_text(name) || hidden {
                if name == "head" {
                    // The page type it declares, for the page-type verdict.
                    if dom.og_type.is_none() {
                        dom.og_type = node.descendants().find_map(|d| {
                            let el = d.value().as_element()?;
                            let og = el.name() == "meta"
                                && el
                                    .fattr("property")
                                    .is_some_and(|p| p.eq_ignore_ascii_case("og:type"));
                            og.then(|| el.fattr("content"))
                                .flatten()
                                .map(|c| c.trim().to_ascii_lowercase())
                        });
                    }
                    // Its JSON-LD may hold the article body.
                    dom.json_ld.extend(node.descendants().filter_map(|d| {
                        let el = d.value().as_element()?;
                        let ld = el.name() == "script"
                            && el
                                .fattr("type")
                                .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"));
                        ld.then(|| {
                            d.children()
                                .filter_map(|c| c.value().as_text().map(|t| &**t))
                                .collect::<String>()
                        })
                    }));
                }
                drop.push(node.id());
                continue;
            }
        } else if matches!(
            node.value(),
            Node::Comment(_) | Node::ProcessingInstruction(_)
        ) {
            drop.push(node.id());
            continue;
        }
        if let Some(last) = node.children().rev().find(|c| kept(*c)) {
            stack.push((last, true));
        }
    }
    // Each segment goes where the page's script puts it: in place of its
    // placeholder, so that it is read in its place in the layout.
    for (seg, n) in segments {
        let Some(&at) = placeholders.get(&n) else {
            continue;
        };
        let children: Vec<ego_tree::NodeId> = match dom.html.tree.get(seg) {
            Some(s) => s.children().map(|c| c.id()).collect(),
            None => continue,
        };
        for child in children {
            if let Some(mut p) = dom.html.tree.get_mut(at) {
                p.insert_id_before(child);
            }
        }
        // The fallback shown meanwhile ("Loading…") runs from the
        // placeholder to the boundary's closing comment `<!--/$-->`; without
        // that comment nothing is taken for it.
        if let Some(t) = dom.html.tree.get(at) {
            let mut fallback = Vec::new();
            for n in t.next_siblings().take(MAX_FALLBACK_NODES) {
                if matches!(n.value(), Node::Comment(c) if c.trim() == "/$") {
                    drop.append(&mut fallback);
                    break;
                }
                fallback.push(n.id());
            }
        }
    }
    for id in drop {
        if let Some(mut n) = dom.html.tree.get_mut(id) {
            n.detach();
        }
    }
    views
}

/// Streamed segments and placeholders remembered per page.
const MAX_SEGMENTS: usize = 256;
/// Nodes of a placeholder's fallback removed at most.
const MAX_FALLBACK_NODES: usize = 64;

/// Structural elements that are site chrome.
const CHROME_TAGS: &[&str] = &["nav", "header", "footer", "aside", "form", "menu"];

/// Class/id/role tokens of site chrome. Whole words (separators removed)
/// and `-`/`_` parts are both matched, exactly: "ad" does not match "head".
/// After trafilatura OVERALL_DISCARD and Readability `unlikelyCandidates`.
pub(crate) const DISCARD_TOKENS: &[&str] =
    &tokens::concat::<{ tokens::total(DISCARD_TOKENS_PARTS) }>(DISCARD_TOKENS_PARTS);
/// The groups of [`DISCARD_TOKENS`] and its own words.
const DISCARD_TOKENS_PARTS: &[&[&str]] = &[
    tokens::CHROME,
    tokens::FURNITURE,
    tokens::NAVIGATION,
    OWN_DISCARD,
];
/// The discard tokens no other stage's list has.
const OWN_DISCARD: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "submenu",
    "breadcrumb",
    "sitefooter",
    "topbar",
    "toolbar",
    "sharing",
    "sharebar",
    "shares",
    "socialmedia",
    "sociallinks",
    "newsletter",
    "newsletters",
    "subscribe",
    "subscription",
    "signup",
    "optin",
    "cookie",
    "cookies",
    "consent",
    "comments",
    "commentlist",
    "ad",
    "ads",
    "adv",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "adsense",
    "adslot",
    "adunit",
    "dfp",
    "googleads",
    "sponsoredcontent",
    "taboola",
    "promotion",
    "modal",
    "skiplink",
    "skiptocontent",
    "srtext",
    "sronly",
    "screenreader",
    "visuallyhidden",
    "login",
    "signin",
    "tagcloud",
    "taglist",
    "author",
    "authorbio",
    "bio",
    "byline",
    "postmeta",
    "entrymeta",
    "articlemeta",
    "dateline",
    "timestamp",
    "nextprev",
    "prevnext",
    "rating",
    "reactions",
    "jumplink",
    "tooltip",
    "offscreen",
    "rollover",
    "hovercard",
    "popover",
];

/// Discard tokens matched only as a whole class word ("overflow-hidden" is
/// a layout class, "hidden" is not shown).
pub(crate) const WHOLE_DISCARD_TOKENS: &[&str] =
    &["hidden", "hide", "invisible", "modal", "overlay"];

/// Tokens of related-links boxes (kept as related blocks).
pub(crate) const RELATED_TOKENS: &[&str] = &[
    "related",
    "relatedposts",
    "relatedarticles",
    "relatedstories",
    "relatedlinks",
    "relatedcontent",
    "recirc",
    "recirculation",
    "readnext",
    "readmore",
    "upnext",
    "morefrom",
    "morestories",
    "recommended",
    "recommendations",
    "mostpopular",
    "mostread",
    "popular",
    "trending",
    "seealso",
    "alsoread",
];

/// Tokens of disclaimer boxes (kept as disclaimer blocks).
pub(crate) const DISCLAIMER_TOKENS: &[&str] = &[
    "disclaimer",
    "disclosure",
    "editorsnote",
    "editornote",
    "correction",
    "corrections",
    "aidisclaimer",
    "ainote",
    "affiliate",
    "affiliatedisclosure",
];

/// Tokens of pull-quote boxes.
pub(crate) const PULL_TOKENS: &[&str] = &[
    "pullquote",
    "pull",
    "callout",
    "highlight",
    "blockquotepull",
];

/// Tokens of captions and credits.
pub(crate) const CAPTION_TOKENS: &[&str] = &[
    "caption",
    "figcaption",
    "wpcaptiontext",
    "credit",
    "credits",
    "photocredit",
    "imagecredit",
    "imagecaption",
    "photocaption",
    "mediacaption",
];

/// Tokens that say "this is (part of) the article": an element with one of
/// them is never removed by a discard token (Readability `okMaybeItsACandidate`).
pub(crate) const KEEP_TOKENS: &[&str] = &[
    // Social-post embeds are body content (the benchmark keeps them).
    "embed",
    "embedded",
    "article",
    "articlebody",
    "body",
    "content",
    "entry",
    "entrycontent",
    "main",
    "post",
    "postbody",
    "postcontent",
    "story",
    "storybody",
    "text",
    "blog",
    "column",
    "shadow",
];

/// The kind of box an element is, by its [`token_flags`].
pub(crate) fn box_kind_of(bits: u32) -> Option<BoxKind> {
    if bits & flag::RELATED != 0 {
        Some(BoxKind::Related)
    } else if bits & flag::DISCLAIMER != 0 {
        Some(BoxKind::Disclaimer)
    } else if bits & flag::PULL != 0 {
        Some(BoxKind::Pull)
    } else if bits & flag::CAPTION != 0 {
        Some(BoxKind::Caption)
    } else {
        None
    }
}

enum Verdict {
    Keep,
    Drop,
    /// Dropped unless it holds paragraphs of the story.
    DropUnlessProse,
    Box(BoxKind),
}

fn verdict(el: &Element, bits: u32, in_running_text: bool) -> Verdict {
    let name = el.name();
    if matches!(name, "html" | "body" | "main") {
        return Verdict::Keep;
    }
    if el
        .fattr("itemprop")
        .is_some_and(|v| v.eq_ignore_ascii_case("articleBody"))
    {
        return Verdict::Keep;
    }
    match box_kind_of(bits) {
        Some(k @ (BoxKind::Related | BoxKind::Disclaimer | BoxKind::Pull)) => {
            return Verdict::Box(k);
        }
        Some(BoxKind::Caption) => return Verdict::Keep,
        None => {}
    }
    if CHROME_TAGS.contains(&name) {
        return Verdict::Drop;
    }
    if el.fattr("role").is_some_and(|r| {
        matches!(
            r.to_ascii_lowercase().as_str(),
            "navigation"
                | "banner"
                | "contentinfo"
                | "complementary"
                | "menu"
                | "menubar"
                | "search"
                | "dialog"
                | "alert"
        )
    }) {
        return Verdict::Drop;
    }
    let discard = bits & (flag::DISCARD | flag::WHOLE_DISCARD) != 0;
    // A class on a word inside a sentence (`<a class="popup">`, a glossary
    // `<span class="tooltip">`) names how it behaves, not page chrome:
    // dropping it would cut words out of the text (Readability likewise never
    // drops links by class).
    if bits & flag::KEEP == 0 && !in_running_text {
        if discard {
            return Verdict::Drop;
        }
        if bits & flag::HUMP_DISCARD != 0 {
            return Verdict::DropUnlessProse;
        }
    }
    Verdict::Keep
}

/// Phrasing elements that can carry a word of a sentence.
const PHRASING: &[&str] = &[
    "a", "abbr", "b", "cite", "code", "dfn", "em", "font", "i", "kbd", "mark", "q", "s", "small",
    "span", "strong", "sub", "sup", "time", "u", "var",
];

/// True for a phrasing element standing inside running text: non-blank
/// text among its nearest siblings (a few each way, so a row of thousands of
/// flagged spans stays linear).
fn in_running_text(node: ego_tree::NodeRef<'_, Node>, el: &Element) -> bool {
    const NEAR: usize = 4;
    if !PHRASING.contains(&el.name()) {
        return false;
    }
    let is_text =
        |n: ego_tree::NodeRef<'_, Node>| n.value().as_text().is_some_and(|t| !t.trim().is_empty());
    node.prev_siblings().take(NEAR).any(is_text) || node.next_siblings().take(NEAR).any(is_text)
}

/// True when a node marked as chrome wraps the article itself (an ASP.NET
/// page-wide `<form>`, a `has-sidebar` page wrapper): it is kept.
fn wraps_article(node: ego_tree::NodeRef<'_, Node>, count_paragraphs: bool) -> bool {
    let mut paragraphs = 0;
    for d in node.descendants().skip(1) {
        if let Node::Element(e) = d.value() {
            match e.name() {
                "main" => return true,
                "article" if token_flags(e) & flag::DISCARD == 0 => return true,
                "p" if count_paragraphs => {
                    paragraphs += 1;
                    if paragraphs >= 3 {
                        return true;
                    }
                }
                _ if e
                    .fattr("itemprop")
                    .is_some_and(|v| v.eq_ignore_ascii_case("articleBody")) =>
                {
                    return true;
                }
                _ => {}
            }
        }
    }
    false
}

/// True when an element holds running prose: three paragraphs of
/// [`PROSE_WORDS`] words or more outside links. Teaser summaries are
/// shorter, and teaser titles are links.
/// A recirculation heading: what a related box is titled.
static RELATED_HEADING: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(|| {
    regex::Regex::new(
        r"(?i)^(?:related(?: articles?| stories| posts| content| reading)?|more from .{1,40}|more (?:stories|articles)(?: from .{1,40})?|read next|up next|what to read next|you (?:may|might) also like|recommended(?: for you)?|keep reading|see also)\W*$",
    )
    .expect("RELATED_HEADING")
});

/// A `div`, `section` or `aside` whose first element is an `h2`–`h4` with a
/// recirculation heading, holding at least two links: a related box.
fn is_headed_link_box(node: ego_tree::NodeRef<'_, Node>, el: &scraper::node::Element) -> bool {
    if !matches!(el.name(), "div" | "section" | "aside") {
        return false;
    }
    let Some(first) = node.children().find(|c| c.value().is_element()) else {
        return false;
    };
    let is_heading = first
        .value()
        .as_element()
        .is_some_and(|e| matches!(e.name(), "h2" | "h3" | "h4"));
    if !is_heading {
        return false;
    }
    let mut heading = String::new();
    for t in first.descendants() {
        if let Node::Text(t) = t.value() {
            heading.push_str(t);
            if heading.len() > 120 {
                return false;
            }
        }
    }
    if !RELATED_HEADING.is_match(crate::base::collapse_whitespace(&heading).trim()) {
        return false;
    }
    node.descendants()
        .filter(|d| {
            d.value()
                .as_element()
                .is_some_and(|e| e.name() == "a" && e.attr("href").is_some())
        })
        .take(2)
        .count()
        == 2
}

/// `role="note"` around text that reads as a notice (its first 600
/// bytes of text; a note is short).
fn is_notice_note(node: ego_tree::NodeRef<'_, Node>, el: &scraper::node::Element) -> bool {
    if !el
        .attr("role")
        .is_some_and(|r| r.trim().eq_ignore_ascii_case("note"))
    {
        return false;
    }
    let mut text = String::new();
    for t in node.descendants() {
        if let Node::Text(t) = t.value() {
            text.push_str(t);
            text.push(' ');
            if text.len() > 600 {
                break;
            }
        }
    }
    crate::grammar::notices::looks_like_notice(&crate::base::collapse_whitespace(&text))
}

fn holds_prose(node: ego_tree::NodeRef<'_, Node>) -> bool {
    let mut long = 0;
    for p in node.descendants().skip(1) {
        if p.value().as_element().is_none_or(|e| e.name() != "p") {
            continue;
        }
        let mut words = 0;
        for t in p.descendants() {
            let Node::Text(text) = t.value() else {
                continue;
            };
            let in_link = t
                .ancestors()
                .take_while(|a| a.id() != p.id())
                .any(|a| a.value().as_element().is_some_and(|e| e.name() == "a"));
            if !in_link {
                words += text.split_whitespace().count();
            }
        }
        if words >= PROSE_WORDS {
            long += 1;
            if long >= 3 {
                return true;
            }
        }
    }
    false
}

/// The element holds an `<h1>` and at least half the text of the page
/// (`page_text`, the `<body>`'s text bytes, counted on first use): a
/// wrapper that hides the page until its scripts have run (an anti-flicker
/// `visibility:hidden` around the whole layout), not a hidden box. A
/// modal, a menu or a closed tab with a heading holds far less.
fn holds_the_page(node: ego_tree::NodeRef<'_, Node>, page_text: &mut Option<usize>) -> bool {
    let mut has_h1 = false;
    let mut text = 0usize;
    for d in node.descendants().skip(1) {
        match d.value() {
            Node::Element(e) if e.name() == "h1" => has_h1 = true,
            Node::Text(t) => text += t.trim().len(),
            _ => {}
        }
    }
    if !has_h1 || text < MIN_PAGE_TEXT {
        return false;
    }
    let page = *page_text.get_or_insert_with(|| {
        let body = node
            .ancestors()
            .find(|a| a.value().as_element().is_some_and(|e| e.name() == "body"));
        body.map_or(0, |b| {
            b.descendants()
                .filter_map(|d| d.value().as_text())
                .map(|t| t.trim().len())
                .sum()
        })
    });
    text * 2 >= page
}

/// Text bytes below which a hidden element is never the page itself.
const MIN_PAGE_TEXT: usize = 500;

/// Words that make a paragraph prose rather than a teaser's summary.
const PROSE_WORDS: usize = 40;

/// Removes chrome by structure and class/id/role tokens; records kept boxes.
pub(crate) fn boilerplate(draft: &mut Draft, cx: &Context<'_>) -> Result<(), BoxError> {
    let Some(dom) = draft.dom.as_mut() else {
        return Ok(());
    };
    // Comments on request are read before their section is removed.
    let comments = cx.comments.then(|| super::comments::take(dom, cx.url));
    boilerplate_walk(dom, false, None);
    if comments.is_some() {
        draft.article.comments = comments;
    }
    Ok(())
}

/// The page cleaned for a second opinion on its main content: what is never
/// text goes as in [`scripts_and_hidden`], but no chrome rule removes an
/// element that holds running prose (a page wrapper named "with-sidebar",
/// a `<header>` or a page-wide `<form>` around the story).
pub(crate) fn relaxed(dom: &mut super::Dom, limits: &crate::limits::Limits) {
    let views = clean_walk(dom, dom.html.tree.root().id());
    if !views.is_empty() {
        graft_noscript_views(dom, views, limits);
    }
    dom.start_trail();
    boilerplate_walk(dom, true, None);
}

/// [`relaxed`] on a page as [`scripts_and_hidden`] left it (put back from
/// its [`Trail`](crate::page::Trail)): only the chrome rules are left to
/// apply. `known` holds the token flags of elements already classified.
pub(crate) fn relaxed_chrome(dom: &mut super::Dom, known: &super::NodeTable<u32>) {
    boilerplate_walk(dom, true, Some(known));
}

/// A heading that is a link's text: inside an `<a>` (a card whose whole
/// face is the link), or holding one `<a>` and no text outside it.
fn is_linked_heading(node: ego_tree::NodeRef<'_, Node>) -> bool {
    let is_a =
        |n: ego_tree::NodeRef<'_, Node>| n.value().as_element().is_some_and(|e| e.name() == "a");
    if node.ancestors().take(2).any(is_a) {
        return true;
    }
    let mut links = 0;
    for c in node.children() {
        match c.value() {
            Node::Text(t) if !t.trim().is_empty() => return false,
            Node::Element(_) if is_a(c) => links += 1,
            Node::Element(_) => {
                // A wrapper span around the link ("<span><a>…</a></span>").
                if !c
                    .children()
                    .all(|g| is_a(g) || g.value().as_text().is_some_and(|t| t.trim().is_empty()))
                {
                    return false;
                }
                links += c.children().filter(|g| is_a(*g)).count();
            }
            _ => {}
        }
    }
    links == 1
}

/// Adds one element to the page-type structure counts.
fn count_structure(c: &mut super::page_type::Counts, name: &str, bits: u32) {
    match name {
        "pre" => c.pre += 1,
        "code" => c.code += 1,
        "section" => c.sections += 1,
        _ => {}
    }
    if bits & flag::TYPE_ALL == 0 {
        return;
    }
    let one = |bit: u32| u32::from(bits & bit != 0);
    c.post += one(flag::TYPE_POST);
    c.user += one(flag::TYPE_USER);
    c.shop += one(flag::TYPE_SHOP);
    c.filter += one(flag::TYPE_FILTER);
    c.card += one(flag::TYPE_CARD);
    c.promo += one(flag::TYPE_PROMO);
}

/// [`boilerplate`]; `relaxed` keeps what holds prose (see [`relaxed`]).
/// The token flags of an element are read from `known` when it has them
/// (they depend on its attributes only).
fn boilerplate_walk(dom: &mut super::Dom, relaxed: bool, known: Option<&super::NodeTable<u32>>) {
    let mut drop = Vec::new();
    dom.flags = super::NodeTable::new(dom.html.tree.values().len());
    // Only elements can be dropped or kept as boxes.
    let kept = |n: ego_tree::NodeRef<'_, Node>| n.value().is_element();
    let mut stack = vec![(dom.html.tree.root(), false)];
    while let Some((node, siblings)) = stack.pop() {
        if siblings {
            if let Some(prev) = before(node, kept) {
                stack.push((prev, true));
            }
        }
        if let Node::Element(el) = node.value() {
            let bits = match known {
                Some(k) => super::cached_flags(k, node.id(), el),
                None => token_flags(el),
            };
            dom.flags.set(node.id(), bits | flag::KNOWN);
            if !relaxed {
                count_structure(&mut dom.counts, el.name(), bits);
                if matches!(el.name(), "h2" | "h3" | "h4") && is_linked_heading(node) {
                    dom.counts.linked_headings += 1;
                }
            }
            let running = bits & !flag::TYPE_ALL != 0 && in_running_text(node, el);
            let mut verdict = verdict(el, bits, running);
            // An ARIA note (`role="note"`, content ancillary to the main
            // content) that reads as a notice about the piece is one, class
            // words or not; other notes (a widget's tooltip) are left alone.
            if !matches!(verdict, Verdict::Box(_)) && is_notice_note(node, el) {
                verdict = Verdict::Box(BoxKind::Disclaimer);
            }
            // A box of links under a recirculation heading ("More from Ana
            // Ruiz", "Read next") is a related box, whatever its classes.
            if !matches!(verdict, Verdict::Box(_)) && is_headed_link_box(node, el) {
                verdict = Verdict::Box(BoxKind::Related);
            }
            if relaxed && matches!(verdict, Verdict::Drop) {
                verdict = Verdict::DropUnlessProse;
            }
            match verdict {
                Verdict::DropUnlessProse if relaxed && !holds_prose(node) => {
                    drop.push(node.id());
                    continue;
                }
                Verdict::Drop if !wraps_article(node, el.name() == "form") => {
                    drop.push(node.id());
                    continue;
                }
                Verdict::DropUnlessProse if !wraps_article(node, true) => {
                    drop.push(node.id());
                    continue;
                }
                // A "read more" wrapper around the rest of the story is not
                // a list of teasers: it is read as content.
                Verdict::Box(BoxKind::Related) if holds_prose(node) => {}
                Verdict::Box(kind) => {
                    dom.decision.boxes.push((node.id(), kind));
                    // Boxes are not cleaned inside: they are read as a whole.
                    continue;
                }
                Verdict::Keep | Verdict::Drop | Verdict::DropUnlessProse => {}
            }
        }
        if let Some(last) = node.children().rev().find(|c| kept(*c)) {
            stack.push((last, true));
        }
    }
    for id in drop {
        dom.remove(id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A box of links under a recirculation heading is a related box,
    /// whatever its class names; one under another heading is not.
    #[test]
    fn headed_link_boxes_are_related() {
        let p = "<p>The ferry returns to the harbour on Monday after a winter refit that replaced both engines and the passenger deck.</p>";
        let cards = "<div class=\"c\"><a href=\"/a\"><h2>Pool fees rise for a third year</h2></a></div>\
                     <div class=\"c\"><a href=\"/b\"><h2>Harbour wall repairs start in May</h2></a></div>";
        let page = |heading: &str| {
            format!(
                "<html><body><main><article><h1>Ferry back</h1>{p}{p}{p}</article>\
                 <div class=\"x-box\"><h2>{heading}</h2>{cards}</div></main></body></html>"
            )
        };
        let a = crate::extract(&page("More from Ines Marlow")).expect("article");
        let titles: Vec<_> = a.related.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Pool fees rise for a third year",
                "Harbour wall repairs start in May"
            ]
        );
        let a = crate::extract(&page("Timetable changes")).expect("article");
        assert!(a.related.is_empty(), "{:?}", a.related);
    }

    /// An ARIA note that reads as a notice is the article's notice, even as
    /// an `<aside>`; a note that does not (a tooltip) is no notice.
    #[test]
    fn aria_notes_that_read_as_notices() {
        let p = "<p>The ferry returns to the harbour on Monday after a winter refit that replaced both engines and the passenger deck.</p>";
        let html = format!(
            "<html><body><article><h1>Ferry back</h1>{p}\
             <aside class=\"Notice_root__n5\" role=\"note\"><p>This guide is sponsored by Harbour Paints. Our editors wrote it independently.</p></aside>\
             {p}<div role=\"note\" aria-label=\"Accepted\">Accepted</div>{p}</article></body></html>"
        );
        let a = crate::extract(&html).expect("article");
        let kinds: Vec<_> = a.disclaimers.iter().map(|d| d.kind).collect();
        assert_eq!(
            kinds,
            [crate::DisclaimerKind::Sponsored],
            "{:?}",
            a.disclaimers
        );
        assert!(!a.text.contains("Harbour Paints"), "{}", a.text);
    }

    /// The discard list as it was before it was composed from the groups of
    /// `base::tokens`: the same set of words.
    #[test]
    fn discard_tokens_are_the_same_set() {
        use std::collections::BTreeSet;
        let before: BTreeSet<&str> = [
            "nav",
            "navbar",
            "navigation",
            "menu",
            "submenu",
            "breadcrumb",
            "breadcrumbs",
            "footer",
            "sitefooter",
            "masthead",
            "topbar",
            "toolbar",
            "share",
            "sharing",
            "sharebar",
            "shares",
            "social",
            "socialmedia",
            "sociallinks",
            "newsletter",
            "newsletters",
            "subscribe",
            "subscription",
            "signup",
            "optin",
            "cookie",
            "cookies",
            "consent",
            "gdpr",
            "comment",
            "comments",
            "commentlist",
            "disqus",
            "ad",
            "ads",
            "adv",
            "advert",
            "adverts",
            "advertisement",
            "advertising",
            "adsense",
            "adslot",
            "adunit",
            "dfp",
            "googleads",
            "sponsoredcontent",
            "outbrain",
            "taboola",
            "promo",
            "promotion",
            "banner",
            "popup",
            "modal",
            "sidebar",
            "skiplink",
            "skiptocontent",
            "srtext",
            "sronly",
            "screenreader",
            "visuallyhidden",
            "pagination",
            "pager",
            "login",
            "signin",
            "tags",
            "tagcloud",
            "taglist",
            "author",
            "authorbio",
            "bio",
            "byline",
            "meta",
            "postmeta",
            "entrymeta",
            "articlemeta",
            "dateline",
            "timestamp",
            "nextprev",
            "prevnext",
            "rating",
            "reactions",
            "jumplink",
            "tooltip",
            "offscreen",
            "rollover",
            "hovercard",
            "popover",
        ]
        .into_iter()
        .collect();
        let now: BTreeSet<&str> = DISCARD_TOKENS.iter().copied().collect();
        assert_eq!(now, before);
        assert_eq!(DISCARD_TOKENS.len(), before.len(), "no word twice");
    }
    use scraper::Html;

    /// A paragraph of about forty-five words about a canal lock.
    fn lock_para(n: usize) -> String {
        format!(
            "<p>Note {n}: the keepers of the old canal lock open the upper gates at dawn, \
             let the narrowboats drift into the chamber, close them again and wait while \
             the water drains away through the sluices until the boats sit level with the \
             lower reach and can slip out towards the mill.</p>"
        )
    }

    #[test]
    fn microdata_types_are_kept_by_name_once() {
        let mut kept = Vec::new();
        note_microdata_types(&mut kept, "http://schema.org/DiscussionForumPosting");
        note_microdata_types(
            &mut kept,
            " https://schema.org/Person  https://schema.org/Person/ ",
        );
        note_microdata_types(&mut kept, "");
        assert_eq!(kept, ["DiscussionForumPosting", "Person"]);
    }

    #[test]
    fn a_noscript_content_view_is_read_and_a_short_one_is_not() {
        let posts: String = (1..=4).map(lock_para).collect();
        let page = format!(
            "<html><body><div id=\"app\"></div>\
             <noscript><div class=\"crawler-view\"><h1>Lock keeping</h1>{posts}</div></noscript>\
             <noscript><p>Please turn on JavaScript.</p></noscript></body></html>"
        );
        let a = crate::extract(page.as_str()).expect("article");
        assert!(a.text.contains("Note 4: the keepers"), "{}", a.text);
        assert!(!a.text.contains("JavaScript"), "{}", a.text);
        // Scripts inside the view are removed like any other.
        let page = format!(
            "<html><body><noscript><div>{posts}<script>var leaked = 1;</script></div></noscript></body></html>"
        );
        let a = crate::extract(page.as_str()).expect("article");
        assert!(a.text.contains("Note 1"), "{}", a.text);
        assert!(!a.text.contains("leaked"), "{}", a.text);
    }

    #[test]
    fn a_hidden_wrapper_holding_prose_is_kept_a_hidden_menu_is_not() {
        let story: String = (1..=4).map(lock_para).collect();
        let page = format!(
            "<html><body><div hidden><ul><li>Home</li><li>Locks and weirs</li></ul></div>\
             <div hidden id=\"segment-1\"><article><h1>At the lock</h1>{story}</article></div>\
             </body></html>"
        );
        let a = crate::extract(page.as_str()).expect("article");
        assert!(a.text.contains("Note 4: the keepers"), "{}", a.text);
        assert!(!a.text.contains("Locks and weirs"), "{}", a.text);
    }

    #[test]
    fn hiding_styles_table() {
        let mut buf = String::new();
        for hit in [
            "display: none",
            "color:red; DISPLAY : NONE ;",
            "visibility:\thidden",
            "display:\u{a0}none",
            "d isplay:none",
        ] {
            assert!(style_hides(hit, &mut buf), "{hit}");
        }
        for miss in [
            "display:block",
            "visibility: visible",
            "",
            "display:inline none-ish",
        ] {
            assert!(!style_hides(miss, &mut buf), "{miss}");
        }
    }

    fn first(html: &str) -> Element {
        let doc = Html::parse_fragment(html);
        doc.root_element()
            .first_child()
            .and_then(scraper::ElementRef::wrap)
            .map(|e| e.value().clone())
            .expect("element")
    }

    #[test]
    fn a_related_box_around_the_story_is_content() {
        let para = |n: usize| {
            format!(
                "<p>Paragraph {n} of the story goes on about the harbour, the ferry, the new \
                 engines, the covered deck for cyclists, the timetable for the summer months, \
                 the fares that stay the same and the passengers who queued from early in the \
                 morning to be on the first crossing.</p>"
            )
        };
        let page = format!(
            "<html><body><article><h1>Ferry returns</h1>{}{}\
             <div class=\"read-more\"><a href=\"\">Read more</a>{}{}{}</div>\
             <div class=\"related-stories\"><p><a href=\"/a\">Bridge tolls stay frozen</a></p>\
             <p><a href=\"/b\">Market hall reopens</a></p></div>\
             </article></body></html>",
            para(1),
            para(2),
            para(3),
            para(4),
            para(5)
        );
        let article = crate::extract(page.as_str()).expect("extracts");
        assert!(article.text.contains("Paragraph 5 of"), "{}", article.text);
        assert!(!article.text.contains("Bridge tolls"), "{}", article.text);
        assert!(
            article
                .related
                .iter()
                .any(|r| r.title == "Bridge tolls stay frozen"),
            "{:?}",
            article.related
        );
    }

    #[test]
    fn words_inside_sentences_survive_their_class() {
        let page = r##"<html><body><article>
            <p>I am a <a class="popup" href="#">lawyer</a> by trade.</p>
            <div class="share-bar"><a class="popup" href="/s">Share</a></div>
            <p><span class="ad">Advertisement</span></p>
            </article></body></html>"##;
        let article = crate::extract(page).expect("extracts");
        assert!(
            article.text.contains("I am a lawyer by trade."),
            "{}",
            article.text
        );
        assert!(!article.text.contains("Share"), "{}", article.text);
        assert!(!article.text.contains("Advertisement"), "{}", article.text);
    }

    #[test]
    fn running_text_is_phrasing_beside_text_or_in_a_paragraph() {
        let html = Html::parse_fragment(
            r#"<div>The <span class="tooltip">rest</span> stays.</div>
               <div><span class="ad">Ad</span></div>
               <p><a class="popup">x</a></p>
               <p>A <i>b</i> <a class="popup">c</a></p>
               <div>Text <div class="share">Share</div> text</div>"#,
        );
        let verdicts: Vec<(String, bool)> = html
            .tree
            .nodes()
            .filter_map(|n| {
                let el = n.value().as_element()?;
                el.attr("class")?;
                Some((el.attr("class")?.to_owned(), in_running_text(n, el)))
            })
            .collect();
        assert_eq!(
            verdicts,
            [
                ("tooltip".to_owned(), true),
                ("ad".to_owned(), false),
                ("popup".to_owned(), false),
                ("popup".to_owned(), true),
                ("share".to_owned(), false),
            ]
        );
    }

    #[test]
    fn discard_tokens_match_tokens_not_substrings() {
        for hit in [
            r#"<div class="share-bar">x</div>"#,
            r#"<div class="ad">x</div>"#,
            r#"<div id="cookie-consent">x</div>"#,
            r#"<div class="site-nav">x</div>"#,
            r#"<div class="newsletter_box">x</div>"#,
            r#"<nav>x</nav>"#,
        ] {
            let el = first(hit);
            assert!(
                matches!(verdict(&el, token_flags(&el), false), Verdict::Drop),
                "{hit}"
            );
        }
        for miss in [
            r#"<div class="head">x</div>"#,
            r#"<div class="loaded shadow">x</div>"#,
            r#"<div class="article-body">x</div>"#,
            r#"<div class="comment-free entry-content">x</div>"#,
            r#"<p class="lead">x</p>"#,
        ] {
            let el = first(miss);
            assert!(
                matches!(verdict(&el, token_flags(&el), false), Verdict::Keep),
                "{miss}"
            );
        }
    }

    #[test]
    fn scripts_and_boxes_are_met_from_the_last_to_the_first() {
        let page = r#"<html><head><title>t</title></head><body>
            <script type="application/ld+json">{"n":1}</script>
            <div><aside class="related-links">a</aside><p>t</p><div class="editors-note">b</div></div>
            <script type="application/ld+json">{"n":2}</script>
            <aside class="pull-quote">c</aside></body></html>"#;
        let limits = crate::Limits::default();
        let cx = Context {
            url: None,
            limits: &limits,
            favor: crate::favor::Favor::Balanced,
            comments: false,
        };
        let mut draft = Draft::new(crate::heuristic::InputKind::Html, page.to_owned());
        let (dom, _) = super::super::Dom::parse(page.into(), &limits);
        draft.dom = Some(dom);
        scripts_and_hidden(&mut draft, &cx).expect("clean");
        boilerplate(&mut draft, &cx).expect("clean");
        let dom = draft.dom.expect("dom");
        assert_eq!(dom.json_ld, [r#"{"n":2}"#, r#"{"n":1}"#]);
        let kinds: Vec<BoxKind> = dom.decision.boxes.iter().map(|(_, k)| *k).collect();
        assert_eq!(
            kinds,
            [BoxKind::Pull, BoxKind::Disclaimer, BoxKind::Related]
        );
    }

    #[test]
    fn json_ld_in_the_head_can_stand_in_for_the_body() {
        let body = "The council voted on Tuesday to approve the new budget. ".repeat(12);
        let page = format!(
            r#"<html><head><title>Budget passes</title>
            <script type="application/ld+json">{{"@type":"NewsArticle","headline":"Budget passes","articleBody":"{body}"}}</script>
            </head><body><article><h1>Budget passes</h1><p>Subscribe to read the full story.</p></article></body></html>"#
        );
        let a = crate::extract(page.as_str()).expect("article");
        assert!(a.text.contains("approve the new budget"), "{}", a.text);
    }

    #[test]
    fn boxes_are_kept() {
        for (html, kind) in [
            (
                r#"<aside class="related-links">x</aside>"#,
                BoxKind::Related,
            ),
            (r#"<div class="editors-note">x</div>"#, BoxKind::Disclaimer),
            (r#"<aside class="pull-quote">x</aside>"#, BoxKind::Pull),
        ] {
            let el = first(html);
            assert!(
                matches!(verdict(&el, token_flags(&el), false), Verdict::Box(k) if k == kind),
                "{html}"
            );
        }
    }
}
