//! The parsed page: [`Dom`] (the scraper tree and what the stages decide
//! about it, the score stage's choice in [`ScoreDecision`]), the parse behind the nesting guard, per-node text
//! [`Stats`] and node-indexed tables. Below `heuristic` (the draft holds a
//! `Dom`) and above the base helpers; the HTML stages read and edit it.

use std::collections::HashMap;

use std::cell::{Cell, RefCell};

use ego_tree::NodeId;
use html5ever::TokenizerResult;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts, TreeSink};
use scraper::{Html, HtmlTreeSink};

pub(crate) use crate::base::hash::IdHasher;
use crate::limits::{Limits, NestingGuard};

// What the score stage hands to the segment stage.
mod decision;
pub(crate) use decision::ScoreDecision;

// The public view of the page; re-exported by the crate root.
pub(crate) mod view;
pub(crate) use view::{decide, shown_chars};

/// Structure counts the clean stage gathers for the page-type verdict:
/// elements by tag and by class/id word group.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct StructureCounts {
    pub pre: u32,
    pub code: u32,
    pub sections: u32,
    pub post: u32,
    pub user: u32,
    pub shop: u32,
    pub filter: u32,
    pub card: u32,
    pub promo: u32,
    /// `<h2>`–`<h4>` whose text is a link: the titles of teaser cards.
    pub linked_headings: u32,
}

/// What a kept box next to (or inside) the body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BoxKind {
    /// "Related articles", "Read more" lists.
    Related,
    /// Editor's notes, AI notices, corrections, disclosures.
    Disclaimer,
    /// Pull quotes.
    Pull,
    /// Captions and credits.
    Caption,
}

/// Distinct microdata types a page's [`Dom::microdata_types`] keeps.
pub(crate) const MAX_MICRODATA_TYPES: usize = 16;

/// The parsed page, alive for one extraction.
pub(crate) struct Dom {
    pub html: Html,
    /// What the score stage decided (main-content roots, kept boxes,
    /// fallbacks), for the segment stage: see [`ScoreDecision`].
    pub decision: ScoreDecision,
    /// Text of the JSON-LD scripts, saved before the scripts are removed.
    pub json_ld: Vec<String>,
    /// `og:type`, lower-cased, saved by the clean stage before the head is
    /// removed (for the page-type verdict).
    pub og_type: Option<String>,
    /// Microdata `itemtype` names (`DiscussionForumPosting` of
    /// `https://schema.org/DiscussionForumPosting`), at most
    /// [`MAX_MICRODATA_TYPES`], saved by the clean stage for the page-type
    /// verdict.
    pub microdata_types: Vec<String>,
    /// Structure counts for the page-type verdict, gathered by the clean stage.
    pub counts: StructureCounts,
    /// [`token_flags`] of the elements the clean stage looked at, marked
    /// with [`flag::KNOWN`], so later stages do not recompute them.
    pub flags: NodeTable<u32>,
    /// A site rule or a user heuristic dropped elements: a second reading
    /// of the page before the chrome rules (the score stage's second
    /// opinion) would bring them back, so none is taken. Their removals are
    /// not in the [`Trail`].
    pub dropped_by_caller: bool,
    /// The removals since `clean.scripts-and-hidden`, so that the score
    /// stage's second opinion can read that page again without parsing it
    /// again: see [`Trail`].
    pub trail: Trail,
}

/// Where a removed node was: its parent and the sibling before it (`None`:
/// it was the first child), as they were just before it was detached.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Removal {
    node: NodeId,
    parent: NodeId,
    prev: Option<NodeId>,
}

/// The removals made since the page was as `clean.scripts-and-hidden` left
/// it (what is never text gone, `<noscript>` views grafted), in order.
/// Putting them back in reverse order gives that page again, node for node
/// (ego-tree keeps a detached node with its subtree in the arena), and
/// applying them again in order gives the page as it was.
#[derive(Debug, Default)]
pub(crate) enum Trail {
    /// `clean.scripts-and-hidden` has not run yet.
    #[default]
    Fresh,
    /// The removals since it ran.
    Logging(Vec<Removal>),
    /// The page it left cannot be had back from the trail: something was
    /// removed before it ran, or it ran twice (a reordered or replaced
    /// pipeline).
    Lost,
}

impl Dom {
    /// Parses the page with the nesting and node limits applied as the
    /// tokenizer goes (see [`NestingGuard`]); the guard tells what it left
    /// out and whether the page went over [`Limits::max_nodes`].
    pub(crate) fn parse(source: StrTendril, limits: &Limits) -> (Dom, NestingGuard) {
        let (html, guard) = parse_guarded(source, NestingGuard::new(limits));
        let dom = Dom {
            html,
            decision: ScoreDecision::default(),
            json_ld: Vec::new(),
            og_type: None,
            microdata_types: Vec::new(),
            counts: StructureCounts::default(),
            flags: NodeTable::default(),
            dropped_by_caller: false,
            trail: Trail::Fresh,
        };
        (dom, guard)
    }

    /// Starts the [`Trail`]: the page is now as `clean.scripts-and-hidden`
    /// leaves it.
    pub(crate) fn start_trail(&mut self) {
        self.trail = match std::mem::take(&mut self.trail) {
            Trail::Fresh => Trail::Logging(Vec::new()),
            Trail::Logging(_) | Trail::Lost => Trail::Lost,
        };
    }

    /// Detaches the node (with its subtree), logging where it was in the
    /// [`Trail`]. A node already detached, or the root, is left alone.
    pub(crate) fn remove(&mut self, id: NodeId) {
        let Some(node) = self.html.tree.get(id) else {
            return;
        };
        let Some(parent) = node.parent().map(|p| p.id()) else {
            return;
        };
        let prev = node.prev_sibling().map(|p| p.id());
        match &mut self.trail {
            Trail::Logging(log) => log.push(Removal {
                node: id,
                parent,
                prev,
            }),
            // Removed before the page the trail starts from.
            Trail::Fresh => self.trail = Trail::Lost,
            Trail::Lost => {}
        }
        if let Some(mut n) = self.html.tree.get_mut(id) {
            n.detach();
        }
    }

    /// Puts the nodes of `log` back where they were, the last removed
    /// first: each then finds its parent and previous sibling as they were
    /// when it was removed.
    pub(crate) fn put_back(&mut self, log: &[Removal]) {
        let tree = &mut self.html.tree;
        for r in log.iter().rev() {
            // Checked, so that a trail that does not fit the tree (which
            // the stages never make) cannot panic inside ego-tree.
            let detached = tree.get(r.node).is_some_and(|n| n.parent().is_none());
            let fits = match r.prev {
                Some(prev) => tree
                    .get(prev)
                    .and_then(|p| p.parent())
                    .is_some_and(|p| p.id() == r.parent),
                None => tree.get(r.parent).is_some(),
            };
            debug_assert!(detached && fits, "the trail fits the tree");
            if !(detached && fits) || r.node == r.parent || r.prev == Some(r.node) {
                continue;
            }
            match r.prev {
                Some(prev) => {
                    if let Some(mut p) = tree.get_mut(prev) {
                        p.insert_id_after(r.node);
                    }
                }
                None => {
                    if let Some(mut p) = tree.get_mut(r.parent) {
                        p.prepend_id(r.node);
                    }
                }
            }
        }
    }

    /// Non-space characters of text inside the nodes of `log` (detached,
    /// so not in any statistics of the page): what putting them back can
    /// add to the page's text at most.
    pub(crate) fn removed_chars(&self, log: &[Removal]) -> u64 {
        log.iter()
            .filter_map(|r| self.html.tree.get(r.node))
            .flat_map(|n| n.descendants())
            .filter_map(|d| d.value().as_text())
            .map(|t| u64::from(text_counts(t).0))
            .sum()
    }

    /// Removes the nodes of `log` again, in order (after
    /// [`put_back`](Dom::put_back), the page as it was).
    pub(crate) fn remove_again(&mut self, log: &[Removal]) {
        for r in log {
            if let Some(mut n) = self.html.tree.get_mut(r.node) {
                n.detach();
            }
        }
    }
}

/// The tree builder behind a [`NestingGuard`]: tags the guard refuses
/// never reach it, and once the page is over the node limit nothing but
/// the end of input does.
struct Guarded<S> {
    inner: S,
    guard: RefCell<NestingGuard>,
    /// The guard went over the node limit (read for every token).
    stopped: Cell<bool>,
}

impl<S: TokenSink> TokenSink for Guarded<S> {
    type Handle = S::Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<S::Handle> {
        let keep = if self.stopped.get() {
            matches!(token, Token::EOFToken)
        } else if let Token::TagToken(tag) = &token {
            let mut g = self.guard.borrow_mut();
            let keep = match tag.kind {
                TagKind::StartTag => {
                    // Formatting elements the guard closes before a block.
                    for name in g.close_before(&tag.name) {
                        let end = Tag {
                            kind: TagKind::EndTag,
                            name,
                            self_closing: false,
                            attrs: Vec::new(),
                            had_duplicate_attributes: false,
                        };
                        let _ = self.inner.process_token(Token::TagToken(end), line_number);
                    }
                    g.start(&tag.name, tag.self_closing)
                }
                TagKind::EndTag => g.end(&tag.name),
            };
            // Only start tags add nodes: from here on, nothing more is built.
            self.stopped.set(g.over_nodes());
            keep && !g.over_nodes()
        } else {
            true
        };
        if keep {
            self.inner.process_token(token, line_number)
        } else {
            TokenSinkResult::Continue
        }
    }

    fn end(&self) {
        self.inner.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// `scraper::Html::parse_document`, with `guard` between the tokenizer and
/// the tree builder.
pub(crate) fn parse_guarded(source: StrTendril, guard: NestingGuard) -> (Html, NestingGuard) {
    let builder = TreeBuilder::new(
        HtmlTreeSink::new(Html::new_document()),
        TreeBuilderOpts::default(),
    );
    let sink = Guarded {
        inner: builder,
        guard: RefCell::new(guard),
        stopped: Cell::new(false),
    };
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(source);
    // The tokenizer stops at each `</script>` for a script engine and at a
    // `<meta charset>` for a decoder to restart; the input is decoded
    // already and there is no script engine, so it is resumed until the
    // input is used up.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    let Guarded { inner, guard, .. } = tokenizer.sink;
    (inner.sink.finish(), guard.into_inner())
}

/// Attribute lookup without interning the name: scraper's own
/// `Element::attr` builds an atom on every call, which costs more than
/// scanning the handful of attributes an element has.
pub(crate) trait FastAttr {
    fn fattr(&self, name: &str) -> Option<&str>;
}

impl FastAttr for scraper::node::Element {
    fn fattr(&self, name: &str) -> Option<&str> {
        self.attrs().find_map(|(k, v)| (k == name).then_some(v))
    }
}

/// A map keyed by node id.
pub(crate) type IdMap<V> = HashMap<NodeId, V, std::hash::BuildHasherDefault<IdHasher>>;

/// Per-node text statistics, computed in one post-order pass.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Stats {
    /// Non-whitespace characters of text.
    pub chars: u32,
    /// Of which inside links.
    pub link_chars: u32,
    /// Of which inside `<p>` (and `<pre>`, `<blockquote>`).
    pub p_chars: u32,
    /// Commas in the text.
    pub commas: u32,
    /// Descendant `<p>` elements.
    pub paragraphs: u32,
    /// Descendant `<table>` elements.
    pub tables: u32,
    /// Characters of the element's own text nodes (not its descendants').
    pub own_chars: u32,
}

impl Stats {
    pub fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

/// Non-whitespace characters and commas (`,` `，` `、` `،`) of a text, by
/// bytes: continuation bytes are not characters, and only the lead bytes
/// that can start non-ASCII whitespace or a non-ASCII comma are decoded.
fn text_counts(text: &str) -> (u32, u32) {
    let bytes = text.as_bytes();
    let (mut chars, mut commas, mut i) = (0u32, 0u32, 0);
    while let Some(&b) = bytes.get(i) {
        // Eight ASCII bytes at a time (most text), one byte per lane.
        if let Some(w) = bytes
            .get(i..i + 8)
            .and_then(|c| <[u8; 8]>::try_from(c).ok())
            .map(u64::from_le_bytes)
            .filter(|w| w & crate::base::words::HIGH == 0)
        {
            let space = crate::base::words::ascii_space_lanes(w);
            let comma = crate::base::words::byte_lanes(w, b',');
            chars += 8 - crate::base::words::lanes_set(space) as u32;
            commas += crate::base::words::lanes_set(comma) as u32;
            i += 8;
            continue;
        }
        match b {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => {}
            b',' => {
                chars += 1;
                commas += 1;
            }
            0x80..=0xBF => {}
            0xC2 | 0xD8 | 0xE1 | 0xE2 | 0xE3 | 0xEF => {
                if let Some(c) = text.get(i..).and_then(|t| t.chars().next()) {
                    if !c.is_whitespace() {
                        chars += 1;
                    }
                    if matches!(c, '，' | '、' | '،') {
                        commas += 1;
                    }
                }
            }
            _ => chars += 1,
        }
        i += 1;
    }
    (chars, commas)
}

/// The position of a node in its tree's arena (`0..tree.values().len()`),
/// read from the one integer its `Hash` writes (ego-tree keeps the
/// position private). A unit test checks it against [`ego_tree::Tree::nodes`].
pub(crate) fn node_index(id: NodeId) -> usize {
    use std::hash::{Hash, Hasher};
    /// Keeps the last integer written.
    struct Capture(usize);
    impl Hasher for Capture {
        fn finish(&self) -> u64 {
            self.0 as u64
        }
        fn write(&mut self, bytes: &[u8]) {
            self.0 = bytes
                .iter()
                .rev()
                .fold(0, |n, &b| (n << 8) | usize::from(b));
        }
        fn write_usize(&mut self, n: usize) {
            self.0 = n;
        }
    }
    let mut h = Capture(0);
    id.hash(&mut h);
    // The id is the position plus one.
    h.0.wrapping_sub(1)
}

/// A value for every node of one tree, by position: cheaper than a map
/// when most nodes have one, and read in the order the nodes were made.
/// The default table is empty (every `get` is `None`).
#[derive(Default)]
pub(crate) struct NodeTable<V>(Vec<V>);

impl<V: Clone + Default> NodeTable<V> {
    /// Default values for the `len` nodes of a tree (`tree.values().len()`).
    pub(crate) fn new(len: usize) -> Self {
        NodeTable(vec![V::default(); len])
    }

    /// The node's value; `None` for an id of another, larger tree.
    pub(crate) fn get(&self, id: NodeId) -> Option<&V> {
        self.0.get(node_index(id))
    }

    pub(crate) fn set(&mut self, id: NodeId, value: V) {
        if let Some(v) = self.0.get_mut(node_index(id)) {
            *v = value;
        }
    }
}

/// Raw `<noscript>` text at least this long can be a content view.
const NOSCRIPT_VIEW_BYTES: usize = 1000;
/// Paragraph tags a `<noscript>` content view holds at least.
const NOSCRIPT_VIEW_PARAGRAPHS: usize = 3;

/// True when the raw text of a `<noscript>` (the parser keeps it as text)
/// is the page's content written for readers without scripts: long markup
/// with several paragraphs, not a tracking pixel or an "enable JavaScript"
/// line.
pub(crate) fn is_content_view(raw: &str) -> bool {
    raw.len() >= NOSCRIPT_VIEW_BYTES
        && raw.matches("<p").take(NOSCRIPT_VIEW_PARAGRAPHS).count() >= NOSCRIPT_VIEW_PARAGRAPHS
}

/// Text statistics of every element (and the document) in the tree, in one
/// iterative pass: each element's sums are kept open on a stack until its
/// end, then added to its parent's; text nodes count towards their parent.
/// Other nodes read as zeros.
#[cfg(test)]
pub(crate) fn stats(html: &Html) -> NodeTable<Stats> {
    stats_with(html, |_, _| {})
}

/// [`stats`], calling `visit` with each element (or the document) as it is
/// entered, with `None`, and as it is left (post-order), with its finished
/// statistics: a caller can survey the tree in the same pass.
pub(crate) fn stats_with<'a>(
    html: &'a Html,
    mut visit: impl FnMut(ego_tree::NodeRef<'a, scraper::Node>, Option<&Stats>),
) -> NodeTable<Stats> {
    use ego_tree::iter::Edge;
    use scraper::Node;
    let mut out = NodeTable::new(html.tree.values().len());
    // The sums of the elements entered and not yet left, innermost last.
    let mut sums: Vec<Stats> = Vec::new();
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(t) => {
                    if let Some(s) = sums.last_mut() {
                        let (chars, commas) = text_counts(t);
                        s.own_chars += chars;
                        s.chars += chars;
                        s.commas += commas;
                    }
                }
                Node::Element(_) | Node::Document | Node::Fragment => {
                    sums.push(Stats::default());
                    visit(node, None);
                }
                _ => {}
            },
            Edge::Close(node) => {
                let value = node.value();
                if !matches!(value, Node::Element(_) | Node::Document | Node::Fragment) {
                    continue;
                }
                let Some(mut s) = sums.pop() else {
                    continue;
                };
                if let Node::Element(el) = value {
                    match el.name() {
                        "a" => s.link_chars = s.chars,
                        "p" | "pre" | "blockquote" => {
                            s.p_chars = s.chars;
                            s.paragraphs += 1;
                        }
                        "table" => s.tables += 1,
                        // Text written straight into a block container is
                        // paragraph text too (`<div>text<br>text</div>`).
                        "div" | "section" | "article" | "td" | "font" | "span" | "center"
                            if s.own_chars >= 25 =>
                        {
                            s.p_chars += s.own_chars;
                        }
                        _ => {}
                    }
                }
                visit(node, Some(&s));
                out.set(node.id(), s);
                if let Some(p) = sums.last_mut() {
                    p.chars += s.chars;
                    p.link_chars += s.link_chars;
                    p.p_chars += s.p_chars;
                    p.commas += s.commas;
                    p.paragraphs += s.paragraphs;
                    p.tables += s.tables;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `<body>` of `page` parsed under `limits`, as HTML, and the guard.
    fn parsed_body(page: &str, limits: &Limits) -> (String, NestingGuard) {
        let (dom, guard) = Dom::parse(StrTendril::from_slice(page), limits);
        let body = scraper::Selector::parse("body").expect("selector");
        let html = dom
            .html
            .select(&body)
            .next()
            .map(|b| b.inner_html())
            .unwrap_or_default();
        (html, guard)
    }

    #[test]
    fn nesting_within_the_limit_is_parsed_as_it_is() {
        let limits = Limits::default().max_nesting(3);
        for page in [
            "<div><div><p>a</p><p>b</p></div></div>",
            "<ul><li>a</li><li>b</li><li>c</li></ul><br><br><br><img src=\"x\">",
            "<div><!-- <div><div><div> --></div>",
            "<p>x</p><script>'<div><div><div><div>'</script><div></div>",
            "<svg><path></path><path></path><path></path><path></path></svg>",
        ] {
            let (body, guard) = parsed_body(page, &limits);
            assert_eq!(body, page, "{page}");
            assert_eq!(guard.left_out, 0, "{page}");
        }
    }

    #[test]
    fn deeper_tags_are_left_out_and_their_text_kept() {
        let limits = Limits::default().max_nesting(2);
        let cases = [
            (
                "<div><div><div><div>x</div></div></div></div>",
                "<div><div>x</div></div>",
            ),
            (
                "<b><i><u><s>deep</s></u> text</i></b>",
                "<b><i>deep text</i></b>",
            ),
            ("<div><div><div>unclosed", "<div><div>unclosed</div></div>"),
            (
                "<DIV><Div><div class=\"a>b\">é</div></Div></DIV>",
                "<div><div>é</div></div>",
            ),
            (
                "<div><span><p>para</p><span>x</span></span></div>",
                "<div><span><p>para</p>x</span></div>",
            ),
        ];
        for (page, want) in cases {
            assert_eq!(parsed_body(page, &limits).0, want, "{page}");
        }
    }

    #[test]
    fn hostile_nesting_is_flattened_in_one_pass() {
        let page = format!(
            "{}text{}",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let (body, guard) = parsed_body(&page, &Limits::default().max_nesting(10));
        assert_eq!(
            body,
            format!("{}text{}", "<div>".repeat(10), "</div>".repeat(10))
        );
        assert_eq!(guard.left_out, 100_000 - 10);
    }

    #[test]
    fn formatting_left_open_is_carried_into_later_blocks_one_deep() {
        let limits = Limits::default();
        // Four unclosed: the fourth is left out (three open at most); at
        // the next block the inner ones are closed, the outer one goes on.
        let (body, guard) = parsed_body(
            "<p><b id=1><i id=2><u id=3><s id=4>a</p><p>x</p><div>y</div>",
            &limits,
        );
        assert_eq!(
            body,
            "<p><b id=\"1\"><i id=\"2\"><u id=\"3\">a</u></i></b></p><p><b id=\"1\">x</b></p><div><b id=\"1\">y</b></div>"
        );
        assert_eq!(guard.left_out, 1);
        // Nesting inside a block, closed before the next, is untouched.
        let page = "<p><strong><em>x</em></strong></p><p><em>y</em></p>";
        assert_eq!(parsed_body(page, &limits).0, page);
        // A formatting element around blocks is carried one deep.
        let page = "<i><p>one</p><p>two</p></i>";
        assert_eq!(parsed_body(page, &limits).0, page);
    }

    #[test]
    fn a_page_over_the_node_limit_stops_growing() {
        let page = "<p>Hello there.</p>".repeat(10_000);
        let (dom, guard) = Dom::parse(
            StrTendril::from_slice(&page),
            &Limits::default().max_nodes(100),
        );
        assert!(guard.over_nodes());
        // Nothing past the limit was built: 100 paragraphs and their text
        // nodes, not 10 000.
        assert!(dom.html.tree.values().len() < 2 * 100 + 10);
    }

    #[test]
    fn fast_attr_reads_attributes() {
        let doc = Html::parse_fragment(r#"<div class="a b" data-x="1">t</div>"#);
        let el = doc
            .root_element()
            .first_child()
            .and_then(scraper::ElementRef::wrap)
            .expect("element");
        assert_eq!(el.value().fattr("class"), Some("a b"));
        assert_eq!(el.value().fattr("data-x"), Some("1"));
        assert_eq!(el.value().fattr("id"), None);
    }

    #[test]
    fn text_counts_match_chars() {
        for t in [
            "",
            " a, b ",
            "東京、大阪，京都 ، x",
            "a\u{a0}b\u{2009}c\u{3000}d — “é”",
            "\u{85}\u{1680}z\u{feff}",
            "The council met on Tuesday, and again on Friday,\tto\r\nvote.\x0b\x0c ,,,,,,,,",
            "Eight by eight: abcdefgh,ijklmnop qrstuvwx\u{a0}yz, éèê and more text, here.",
        ] {
            let chars = t.chars().filter(|c| !c.is_whitespace()).count() as u32;
            let commas = t
                .chars()
                .filter(|c| matches!(c, ',' | '，' | '、' | '،'))
                .count() as u32;
            assert_eq!(text_counts(t), (chars, commas), "{t:?}");
        }
    }

    #[test]
    fn node_index_is_the_position_in_the_tree() {
        let doc = Html::parse_document("<title>t</title><div><p>a<b>b</b></p><!-- c --></div>");
        for (i, node) in doc.tree.nodes().enumerate() {
            assert_eq!(node_index(node.id()), i);
        }
    }

    #[test]
    fn stats_count_links_and_paragraphs() {
        let doc =
            Html::parse_document("<body><div><p>ab, c <a href=x>dd</a></p><p>e</p></div></body>");
        let st = stats(&doc);
        let body = doc.root_element().last_child().expect("body");
        let s = st.get(body.id()).copied().unwrap_or_default();
        assert_eq!(
            (s.chars, s.link_chars, s.paragraphs, s.commas),
            (7, 2, 2, 1)
        );
    }
}
