//! The public, read-only view of the parsed page ([`Page`], [`Element`],
//! [`NodeId`]) and the decisions heuristics may take about it
//! ([`PageDecision`], carried out by [`decide`]). No parser type appears in
//! the public items, so the view stays the same when the parser changes.
//! `Draft::page` and `Draft::decide` (in `heuristic`) hand them out.

use ego_tree::NodeRef;
use scraper::Node;

use super::{BoxKind, Dom, ScoreDecision};
use crate::error::{Error, Result};
use crate::report::BoxRole;

/// Identifies one element of the page during one extraction.
///
/// Ids are only meaningful for the page they came from; an id from another
/// page names an unrelated element or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NodeId(ego_tree::NodeId);

/// A read-only view of the parsed HTML page for heuristics, and the few
/// decisions a heuristic may take about it.
///
/// Heuristics get the view with [`Draft::page`](crate::Draft::page) (HTML input only; `None` for
/// text). It shows each element's name, attributes, classes, text, parent,
/// children and position, and the main content chosen so far. A heuristic in
/// the [`Clean`](crate::Stage::Clean) or [`Score`](crate::Stage::Score) stage
/// then acts through [`Draft::decide`](crate::Draft::decide) with a [`PageDecision`]:
///
/// | decision | stages | effect |
/// |---|---|---|
/// | [`Drop`](PageDecision::Drop) | clean, score | the element and all inside it leave the page |
/// | [`MainContent`](PageDecision::MainContent) | score | the element becomes the main content, replacing what was chosen |
/// | [`Related`](PageDecision::Related) | clean, score | the element is read as a related-articles box |
/// | [`Disclaimer`](PageDecision::Disclaimer) | clean, score | the element is read as a notice about the piece |
///
/// A `Page` borrows the draft, so collect the [`NodeId`]s you want first,
/// then decide. No type of the HTML parser appears here: the view stays the
/// same when the parser changes.
///
/// # Examples
///
/// Drop elements by class, and choose the main container, in two user
/// heuristics:
///
/// ```
/// use copydesk::{Extractor, PageDecision, Stage, heuristic_fn};
///
/// let page = r#"<html><body>
///   <div class="story"><p>The bridge on Mill Road will close for repairs from Monday, the council said.</p>
///     <p class="promo">Download our app for traffic news on the go and more.</p></div>
///   <div class="column"><p>Opinion: the town has waited far too long for a proper bridge over the river.</p>
///     <p>Readers have written to us about the state of the crossing for years now, again and again.</p></div>
/// </body></html>"#;
///
/// let drop_promos = heuristic_fn("clean.drop-promos", Stage::Clean, |draft, _cx| {
///     let Some(page) = draft.page() else { return Ok(()) };
///     let promos: Vec<_> = page.elements().filter(|e| e.has_class("promo")).map(|e| e.id()).collect();
///     for id in promos {
///         draft.decide(PageDecision::Drop(id))?;
///     }
///     Ok(())
/// });
/// let story_is_main = heuristic_fn("score.story-class", Stage::Score, |draft, _cx| {
///     let story = draft.page().and_then(|p| p.elements().find(|e| e.has_class("story")).map(|e| e.id()));
///     if let Some(id) = story {
///         draft.decide(PageDecision::MainContent(id))?;
///     }
///     Ok(())
/// });
/// let extractor = Extractor::builder().add(drop_promos).add(story_is_main).build()?;
/// let article = extractor.extract(page)?;
/// assert!(article.text.starts_with("The bridge on Mill Road"));
/// assert!(!article.text.contains("Download our app"));
/// assert!(!article.text.contains("Opinion"));
/// # Ok::<(), copydesk::Error>(())
/// ```
#[derive(Clone, Copy)]
pub struct Page<'a> {
    dom: &'a Dom,
}

impl std::fmt::Debug for Page<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Page")
            .field("root", &self.root())
            .finish_non_exhaustive()
    }
}

impl<'a> Page<'a> {
    pub(crate) fn new(dom: &'a Dom) -> Self {
        Page { dom }
    }

    /// The `<html>` element (the parser always makes one; `None` is only
    /// for a page that lost it).
    pub fn root(&self) -> Option<Element<'a>> {
        self.dom.html.tree.root().children().find_map(Element::of)
    }

    /// The `<body>` element, when the page has one (a frameset page has none).
    pub fn body(&self) -> Option<Element<'a>> {
        self.root()?.children().find(|e| e.name() == "body")
    }

    /// The element with this id, if it is still in the page (`None` once it
    /// or an element around it was dropped).
    pub fn get(&self, id: NodeId) -> Option<Element<'a>> {
        let node = self.dom.html.tree.get(id.0)?;
        let el = Element::of(node)?;
        let attached = node
            .ancestors()
            .last()
            .is_some_and(|top| top.id() == self.dom.html.tree.root().id());
        attached.then_some(el)
    }

    /// Every element in the page, in document order.
    pub fn elements(&self) -> impl Iterator<Item = Element<'a>> + 'a {
        self.dom
            .html
            .tree
            .root()
            .descendants()
            .filter_map(Element::of)
    }

    /// The elements matching a CSS selector (as `querySelectorAll`), in
    /// document order.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidSelector`] when `css` is not a valid selector.
    ///
    /// # Examples
    ///
    /// ```
    /// use copydesk::{Extractor, Stage, heuristic_fn};
    /// let count = heuristic_fn("clean.count-figures", Stage::Clean, |draft, _cx| {
    ///     let n = draft.page().map_or(Ok(0), |p| p.select("figure > img").map(|v| v.len()))?;
    ///     draft.note(format!("{n} figure images"));
    ///     Ok(())
    /// });
    /// let extractor = Extractor::builder().add(count).build()?;
    /// let (_, report) = extractor.extract_with_report(
    ///     "<html><body><figure><img src=a.jpg></figure><p>A short story about one picture.</p></body></html>",
    /// )?;
    /// assert!(report.notes.contains(&"1 figure images".to_owned()));
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    pub fn select(&self, css: &str) -> Result<Vec<Element<'a>>> {
        let selector = scraper::Selector::parse(css).map_err(|e| Error::InvalidSelector {
            selector: css.to_owned(),
            reason: e.to_string(),
        })?;
        // `Html::select` also visits dropped elements: walk the page instead.
        Ok(self
            .dom
            .html
            .tree
            .root()
            .descendants()
            .filter_map(scraper::ElementRef::wrap)
            .filter(|e| selector.matches(e))
            .filter_map(|e| Element::of(*e))
            .collect())
    }

    /// The main-content roots chosen so far, in order (more than one for a
    /// body split in parts). Empty before the score stage, and when no
    /// container was found (the whole page is then read).
    pub fn main_content(&self) -> Vec<Element<'a>> {
        self.dom
            .decision
            .roots
            .iter()
            .filter_map(|id| self.get(NodeId(*id)))
            .collect()
    }

    /// The score stage's decision as it stands (roots, boxes, fallbacks):
    /// the report reads it.
    pub(crate) fn decision(&self) -> &'a ScoreDecision {
        &self.dom.decision
    }

    /// The boxes kept so far to be read as related links or disclaimers,
    /// with their kind.
    pub fn boxes(&self) -> Vec<(Element<'a>, BoxRole)> {
        self.dom
            .decision
            .boxes
            .iter()
            .filter_map(|(id, kind)| {
                let role = match kind {
                    BoxKind::Related => BoxRole::Related,
                    BoxKind::Disclaimer => BoxRole::Disclaimer,
                    BoxKind::Pull | BoxKind::Caption => return None,
                };
                Some((self.get(NodeId(*id))?, role))
            })
            .collect()
    }
}

/// One element of the [`Page`].
#[derive(Clone, Copy)]
pub struct Element<'a> {
    node: NodeRef<'a, Node>,
    el: &'a scraper::node::Element,
}

impl std::fmt::Debug for Element<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Element").field(&self.path()).finish()
    }
}

impl PartialEq for Element<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.node == other.node
    }
}

impl Eq for Element<'_> {}

/// Elements whose text is not shown: left out of [`Element::text`].
const UNSHOWN: [&str; 4] = ["script", "style", "template", "noscript"];

impl<'a> Element<'a> {
    fn of(node: NodeRef<'a, Node>) -> Option<Self> {
        match node.value() {
            Node::Element(el) => Some(Element { node, el }),
            _ => None,
        }
    }

    /// The element's id, for [`Page::get`] and [`Draft::decide`](crate::Draft::decide).
    pub fn id(&self) -> NodeId {
        NodeId(self.node.id())
    }

    /// The tag name, lower case (`div`, `p`, `article`).
    pub fn name(&self) -> &'a str {
        self.el.name()
    }

    /// The value of an attribute (names are lower case, as the parser
    /// stores them).
    pub fn attr(&self, name: &str) -> Option<&'a str> {
        self.el.attrs().find_map(|(n, v)| (n == name).then_some(v))
    }

    /// All attributes as (name, value), in the parser's order (which need
    /// not be the source's).
    pub fn attrs(&self) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        self.el.attrs()
    }

    /// The classes in the `class` attribute.
    pub fn classes(&self) -> impl Iterator<Item = &'a str> + 'a {
        self.attr("class").unwrap_or("").split_ascii_whitespace()
    }

    /// True when `class` is one of the element's classes (exact match).
    pub fn has_class(&self, class: &str) -> bool {
        self.classes().any(|c| c == class)
    }

    /// The text inside the element, whitespace runs collapsed to one space
    /// and trimmed; scripts, styles, templates and `<noscript>` are left out.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut skip_depth = 0usize;
        for edge in self.node.traverse() {
            match edge {
                ego_tree::iter::Edge::Open(n) => match n.value() {
                    Node::Element(e) if UNSHOWN.contains(&e.name()) => skip_depth += 1,
                    Node::Text(t) if skip_depth == 0 => {
                        for w in t.split_whitespace() {
                            if !out.is_empty() {
                                out.push(' ');
                            }
                            out.push_str(w);
                        }
                    }
                    _ => {}
                },
                ego_tree::iter::Edge::Close(n) => {
                    if let Node::Element(e) = n.value() {
                        if UNSHOWN.contains(&e.name()) {
                            skip_depth -= 1;
                        }
                    }
                }
            }
        }
        out
    }

    /// The parent element (`None` for `<html>`).
    pub fn parent(&self) -> Option<Element<'a>> {
        self.node.parent().and_then(Element::of)
    }

    /// The elements around this one, nearest first.
    pub fn ancestors(&self) -> impl Iterator<Item = Element<'a>> + 'a {
        self.node.ancestors().filter_map(Element::of)
    }

    /// The child elements, in order.
    pub fn children(&self) -> impl Iterator<Item = Element<'a>> + 'a {
        self.node.children().filter_map(Element::of)
    }

    /// Every element inside this one, in document order (itself not
    /// included).
    pub fn descendants(&self) -> impl Iterator<Item = Element<'a>> + 'a {
        self.node.descendants().skip(1).filter_map(Element::of)
    }

    /// The next element with the same parent.
    pub fn next_sibling(&self) -> Option<Element<'a>> {
        self.node.next_siblings().find_map(Element::of)
    }

    /// The previous element with the same parent.
    pub fn prev_sibling(&self) -> Option<Element<'a>> {
        self.node.prev_siblings().find_map(Element::of)
    }

    /// The position among the parent's child elements, from 0.
    pub fn index(&self) -> usize {
        self.node
            .prev_siblings()
            .filter(|n| n.value().is_element())
            .count()
    }

    /// How many elements enclose this one (0 for `<html>`).
    pub fn depth(&self) -> usize {
        self.ancestors().count()
    }

    /// A CSS-like path from `<body>` (or the top) down to the element, for
    /// people: `body > div#page > article.story.long > p:nth-child(3)`.
    /// Each step shows the tag, the `id` and up to three classes; a step
    /// without an id gets `:nth-child(n)` when a sibling has the same tag.
    /// Long paths keep their first two and last six steps.
    pub fn path(&self) -> String {
        let mut steps: Vec<String> = Vec::new();
        let mut cur = Some(*self);
        while let Some(e) = cur {
            steps.push(e.step());
            if e.name() == "body" {
                break;
            }
            cur = e.parent();
        }
        steps.reverse();
        if steps.len() > 8 {
            let tail = steps.split_off(steps.len() - 6);
            steps.truncate(2);
            steps.push("…".to_owned());
            steps.extend(tail);
        }
        steps.join(" > ")
    }

    fn step(&self) -> String {
        let mut s = self.name().to_owned();
        if let Some(id) = self.attr("id").map(str::trim).filter(|i| !i.is_empty()) {
            s.push('#');
            s.push_str(id);
        }
        for c in self.classes().take(3) {
            s.push('.');
            s.push_str(c);
        }
        if self.attr("id").is_none() && !matches!(self.name(), "html" | "body" | "head") {
            let same_tag = |n: NodeRef<'a, Node>| matches!(n.value(), Node::Element(e) if e.name() == self.name());
            let twin =
                self.node.prev_siblings().any(same_tag) || self.node.next_siblings().any(same_tag);
            if twin {
                s.push_str(&format!(":nth-child({})", self.index() + 1));
            }
        }
        s
    }
}

/// A decision a heuristic takes about the page; see
/// [`Draft::decide`](crate::Draft::decide) and [`Page`].
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PageDecision {
    /// Remove the element and everything inside it from the page (clean and
    /// score stages). Dropping an element already gone does nothing.
    Drop(NodeId),
    /// Make the element the main content, in place of whatever was chosen
    /// (score stage; add your heuristic after `score.main-content` — the
    /// default — so it has the last word).
    MainContent(NodeId),
    /// Read the element as a related-articles box: its links become
    /// [`Article::related`](crate::Article::related) when it is inside the
    /// main content or next to it (clean and score stages).
    Related(NodeId),
    /// Read the element as a notice about the piece: it becomes one of
    /// [`Article::disclaimers`](crate::Article::disclaimers) when inside the
    /// main content or next to it (clean and score stages).
    Disclaimer(NodeId),
}

/// Carries out `decision` on the page (the stage was checked by the
/// caller, `Draft::decide`).
pub(crate) fn decide(dom: &mut Dom, decision: PageDecision) -> Result<()> {
    let refuse = |reason: String| Err(Error::InvalidDecision { reason });
    let page = Page::new(dom);
    let Some(el) = page.get(decision.id()) else {
        if let PageDecision::Drop(_) = decision {
            return Ok(());
        }
        return refuse(format!(
            "{}: the element is not in the page",
            decision.what()
        ));
    };
    let id = el.node.id();
    match decision {
        PageDecision::Drop(_) => {
            if matches!(el.name(), "html" | "head" | "body") {
                return refuse(format!(
                    "cannot drop <{}>: later stages read the page from it",
                    el.name()
                ));
            }
            if let Some(mut node) = dom.html.tree.get_mut(id) {
                node.detach();
                dom.dropped_by_caller = true;
            }
            // Roots and boxes inside the dropped element go with it.
            let tree = &dom.html.tree;
            let root = tree.root().id();
            let attached = |n: &ego_tree::NodeId| {
                tree.get(*n)
                    .and_then(|n| n.ancestors().last())
                    .is_some_and(|top| top.id() == root)
            };
            dom.decision.roots.retain(attached);
            dom.decision.boxes.retain(|(n, _)| attached(n));
        }
        PageDecision::MainContent(_) => {
            dom.decision.choose(id);
        }
        PageDecision::Related(_) | PageDecision::Disclaimer(_) => {
            let kind = match decision {
                PageDecision::Related(_) => BoxKind::Related,
                _ => BoxKind::Disclaimer,
            };
            dom.decision.boxes.retain(|(n, _)| *n != id);
            dom.decision.boxes.push((id, kind));
        }
    }
    Ok(())
}

impl PageDecision {
    /// The decision's name, for messages.
    pub(crate) fn what(&self) -> &'static str {
        match self {
            PageDecision::Drop(_) => "Drop",
            PageDecision::MainContent(_) => "MainContent",
            PageDecision::Related(_) => "Related",
            PageDecision::Disclaimer(_) => "Disclaimer",
        }
    }

    /// The element the decision is about.
    pub fn id(&self) -> NodeId {
        match *self {
            PageDecision::Drop(id)
            | PageDecision::MainContent(id)
            | PageDecision::Related(id)
            | PageDecision::Disclaimer(id) => id,
        }
    }
}

/// Characters other than whitespace in the page's shown text: every text
/// node except those in `<script>`, `<style>`, `<template>`, `<noscript>`
/// and `<title>`. One pass over the node arena (no tree walk); for the
/// report's comparison of the body with the page.
pub(crate) fn shown_chars(dom: &Dom) -> usize {
    dom.html
        .tree
        .nodes()
        .filter_map(|n| match n.value() {
            Node::Text(t) => Some((n, t)),
            _ => None,
        })
        .filter(|(n, _)| {
            !n.parent()
                .and_then(|p| p.value().as_element().map(|e| e.name()))
                .is_some_and(|name| UNSHOWN.contains(&name) || name == "title")
        })
        // Counted by bytes, as the text statistics are (the same count).
        .map(|(_, t)| super::text_counts(t).0 as usize)
        .sum()
}
