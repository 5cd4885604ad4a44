//! Stage::Segment: flatten the main content into [`DraftBlock`]s.
//!
//! One iterative walk (explicit stack) per main-content root. Text is
//! gathered into a buffer; every block-level boundary flushes it as a block
//! of the nearest block ancestor's shape, so words of two blocks or two
//! cells are never glued.

use std::collections::HashSet;

use ego_tree::{NodeId, NodeRef};
use scraper::Node;
use scraper::node::Element;

mod atoms;
mod roles;

use super::FastAttr;
use super::clean::box_kind_of;
use super::{BoxKind, Dom, IdMap};
use crate::error::BoxError;
use crate::heuristic::{Builtin, Context, Draft, DraftBlock, Role, Shape, Stage};
use crate::model::{Span, SpanKind};
use atoms::{code_language, collect_inline, has_descendant, is_data_table, raw_text};
pub(super) use roles::normalized;
use roles::{assign_role, drop_duplicate_quotes};

/// The heuristic's id.
pub(crate) const NAME: &str = "segment.html-blocks";
/// How sure a role the markup states is: a heading, a block quote, a
/// figure or table.
pub(super) const MARKUP: f32 = 0.9;
/// How sure the default role of running text is (a paragraph, a list
/// item): any label heuristic may refine it.
pub(super) const DEFAULT: f32 = 0.5;
/// `segment.html-blocks`, as [`heuristics`](super::super::heuristics) lists it.
pub(in crate::html) const BUILTIN: Builtin = Builtin {
    name: NAME,
    stage: Stage::Segment,
    description: "Flattens the main content into blocks: paragraphs, headings, list items, quotes, figures, tables, code; blocks of related, notice, pull-quote and caption boxes are marked for the label stage.",
    run: html_blocks,
};

/// The shape of block the nearest block-level element makes (what a
/// flushed buffer becomes): the segment stage's own working form of
/// [`Shape`], before figures, tables and code are told apart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum BlockShape {
    Paragraph,
    Heading(u8),
    ListItem,
    Quote,
}

#[derive(Debug, Clone, Copy)]
struct Ctx<'d> {
    kind: BlockShape,
    boxed: Option<BoxKind>,
    list: Option<(u32, bool)>,
    /// The nearest element (this one or an ancestor) with a class or id,
    /// and the nearest one above it: a block's
    /// [`container`](crate::Hints::container) hint is made from their
    /// tokens when the block is emitted, not for every element.
    tokens: Option<&'d Element>,
    outer_tokens: Option<&'d Element>,
    /// In wild-`<p>` mode only text inside paragraph-like elements counts.
    keep: bool,
    /// The innermost `<blockquote>` this element is in (a quotation inside
    /// a quotation is a quote of its own).
    quote: Option<NodeId>,
}

impl Ctx<'_> {
    /// Lower-cased class and id of the nearest element that has them,
    /// after those of the one above it and a `|`.
    fn container(&self) -> String {
        fn own(el: &Element) -> String {
            let (class, id) = (
                el.fattr("class").unwrap_or(""),
                el.fattr("id").unwrap_or(""),
            );
            let mut s = String::with_capacity(class.len() + 1 + id.len());
            s.push_str(class);
            s.push(' ');
            s.push_str(id);
            let t = s.trim();
            if !t.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                t.to_lowercase()
            } else if t.len() == s.len() {
                s
            } else {
                t.to_owned()
            }
        }
        let Some(el) = self.tokens else {
            return String::new();
        };
        let base = self.outer_tokens.map(own).unwrap_or_default();
        if base.is_empty() {
            own(el)
        } else {
            format!("{base}|{}", own(el))
        }
    }
}

/// An inline element whose class names a title ("card-title",
/// "RelatedRail_title__t3", "teaser__headline").
fn names_a_title(el: &Element) -> bool {
    el.fattr("class").is_some_and(|c| {
        c.split(|ch: char| ch.is_whitespace() || ch == '-' || ch == '_')
            .any(|part| part.eq_ignore_ascii_case("title") || part.eq_ignore_ascii_case("headline"))
    })
}

enum Frame<'a> {
    /// A node at a depth; with `true`, its next siblings follow it (they
    /// are pushed one at a time as the walk reaches them, so the stack
    /// grows with the depth, not with the number of children).
    Enter(NodeRef<'a, Node>, usize, bool),
    ExitBlock,
    ExitLink,
    ExitEmph,
    /// The inline mark opened last ends (link, emphasis, strong, code).
    ExitMark,
    /// An inline title element inside a leading link ends (a card's
    /// `<a><span class="card-title">…</span><span>summary</span></a>`).
    ExitTitle,
}

/// Start offset of a mark that has no word yet in the current block.
const UNSTARTED: usize = usize::MAX;

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "dd"
            | "details"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "footer"
            | "header"
            | "hgroup"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "main"
            | "nav"
            | "ol"
            | "p"
            | "section"
            | "summary"
            | "ul"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "form"
            | "menu"
    )
}

/// Words from which a heading that ends with a full stop is a sentence.
const SENTENCE_WORDS: usize = 12;

/// A long line that ends with a full stop (not "?" or "!", which
/// headings use, nor an ellipsis): prose, not a title. Han and kana count
/// a word per two characters, as in the label heuristics.
fn is_sentence(text: &str) -> bool {
    crate::base::sentences::final_punct(text) == Some('.')
        && !text.trim_end().ends_with("...")
        && crate::base::words::count_words_cjk(text, SENTENCE_WORDS) >= SENTENCE_WORDS
}

/// Symbols that documentation generators append to headings as permalinks.
const PERMALINK_MARKS: &[char] = &['¶', '🔗', '⚓'];

struct Segmenter<'d> {
    boxes: &'d IdMap<BoxKind>,
    flags: &'d super::NodeTable<u32>,
    max_depth: usize,
    /// [`Limits::max_blocks`](crate::Limits::max_blocks): the walk stops
    /// once it has made one block more (the extractor drops the rest and
    /// notes it), so a page of a million paragraphs does not build a
    /// million blocks only to drop them.
    max_blocks: usize,
    wild: bool,
    outside_main: bool,
    blocks: Vec<DraftBlock>,
    buf: String,
    pending_space: bool,
    last_br: bool,
    chars: usize,
    link_chars: usize,
    emph_chars: usize,
    links: u32,
    href: Option<String>,
    /// The block's text so far is one open link (a leading link).
    lead_open: bool,
    /// The length of `buf` when a leading link closed.
    lead_len: Option<usize>,
    /// The length of `buf` when an inline title element inside the
    /// leading link closed: where a card's title ends and its summary
    /// begins when one link holds both.
    title_len: Option<usize>,
    /// Targets of the links open now, outermost first (its length is the
    /// link depth): a block inside a link (a card's `<a href><h2>Title</h2></a>`)
    /// is that link.
    open_links: Vec<Option<String>>,
    emph_depth: u32,
    /// Characters in `buf` (spaces included): span offsets.
    buf_chars: usize,
    /// Inline marks open now: kind, start in the current block (or
    /// [`UNSTARTED`] until a word comes), link target.
    marks: Vec<(SpanKind, usize, Option<String>)>,
    /// How many of `marks` wait for their first word.
    unstarted: usize,
    /// The current block's inline spans so far.
    spans: Vec<Span>,
    /// A `<br>` came and the next word's space stands for it.
    br_pending: bool,
    next_list: u32,
    /// The last container hint made, by the two elements it was made
    /// from: consecutive blocks mostly share it.
    last_container: (Option<*const Element>, Option<*const Element>, String),
    ctx: Vec<Ctx<'d>>,
    /// The `<blockquote>` of the last block made, when that block is its
    /// quote text, with the block count then: the next paragraph of the
    /// same quotation joins it.
    open_quote: Option<(NodeId, usize)>,
}

impl<'d> Segmenter<'d> {
    fn push_text(&mut self, text: &str) {
        if text.starts_with(char::is_whitespace) {
            self.pending_space = true;
        }
        // ASCII text (most of it) is split and counted by bytes; a vertical
        // tab is whitespace to `split_whitespace` but not to the ASCII split.
        if text.bytes().all(|b| b.is_ascii() && b != 0x0b) {
            for word in text.split_ascii_whitespace() {
                self.push_word(word, word.len());
            }
        } else {
            for word in text.split_whitespace() {
                self.push_word(word, word.chars().count());
            }
        }
        if !text.ends_with(char::is_whitespace) && !text.trim().is_empty() {
            self.pending_space = false;
        }
    }

    /// One word of `chars` characters.
    fn push_word(&mut self, word: &str, chars: usize) {
        if self.pending_space && !self.buf.is_empty() {
            if self.br_pending {
                self.spans.push(Span::new(
                    SpanKind::LineBreak,
                    self.buf_chars,
                    self.buf_chars + 1,
                ));
            }
            self.buf.push(' ');
            self.buf_chars += 1;
        }
        self.br_pending = false;
        if self.unstarted > 0 {
            for mark in self.marks.iter_mut().filter(|m| m.1 == UNSTARTED) {
                mark.1 = self.buf_chars;
            }
            self.unstarted = 0;
        }
        self.buf_chars += chars;
        self.buf.push_str(word);
        self.chars += chars;
        if !self.open_links.is_empty() {
            self.link_chars += chars;
        }
        if self.emph_depth > 0 {
            self.emph_chars += chars;
        }
        self.pending_space = true;
        self.last_br = false;
    }

    /// [`Ctx::container`], remembered for the next block of the same context.
    fn container_of(&mut self, ctx: &Ctx<'d>) -> String {
        let key = (
            ctx.tokens.map(std::ptr::from_ref),
            ctx.outer_tokens.map(std::ptr::from_ref),
        );
        if (self.last_container.0, self.last_container.1) != key {
            self.last_container = (key.0, key.1, ctx.container());
        }
        self.last_container.2.clone()
    }

    fn top(&self) -> Ctx<'d> {
        self.ctx.last().copied().unwrap_or(Ctx {
            kind: BlockShape::Paragraph,
            boxed: None,
            list: None,
            tokens: None,
            outer_tokens: None,
            keep: !self.wild,
            quote: None,
        })
    }

    /// Opens an inline mark at the next word.
    fn open_mark(&mut self, kind: SpanKind, href: Option<String>) {
        self.marks.push((kind, UNSTARTED, href));
        self.unstarted += 1;
    }

    /// Closes the mark opened last: a span when it holds a word.
    fn close_mark(&mut self) {
        if let Some((kind, start, href)) = self.marks.pop() {
            if start == UNSTARTED {
                self.unstarted = self.unstarted.saturating_sub(1);
            } else if start < self.buf_chars {
                let mut span = Span::new(kind, start, self.buf_chars);
                span.href = href;
                self.spans.push(span);
            }
        }
    }

    /// At a block boundary: marks still open end here and go on in the
    /// next block.
    fn cut_marks(&mut self) {
        for (kind, start, href) in &mut self.marks {
            if *start != UNSTARTED && *start < self.buf_chars {
                let mut span = Span::new(*kind, *start, self.buf_chars);
                span.href = href.clone();
                self.spans.push(span);
            }
            if *start != UNSTARTED {
                *start = UNSTARTED;
                self.unstarted += 1;
            }
        }
    }

    fn reset(&mut self) {
        self.cut_marks();
        self.spans.clear();
        self.buf_chars = 0;
        self.br_pending = false;
        self.buf.clear();
        self.pending_space = false;
        self.last_br = false;
        self.chars = 0;
        self.link_chars = 0;
        self.emph_chars = 0;
        self.links = 0;
        self.href = None;
        self.lead_open = false;
        self.lead_len = None;
        self.title_len = None;
    }

    fn flush(&mut self) {
        if self.buf.is_empty() {
            self.reset();
            return;
        }
        let ctx = self.top();
        if !ctx.keep {
            self.reset();
            return;
        }
        self.cut_marks();
        let mut spans = std::mem::take(&mut self.spans);
        let mut text = std::mem::take(&mut self.buf);
        // Permalink marks after headings and paragraphs ("Setting up¶").
        if text.ends_with(PERMALINK_MARKS) {
            let kept = text.trim_end_matches(PERMALINK_MARKS).trim_end().len();
            text.truncate(kept);
            if text.is_empty() {
                self.reset();
                return;
            }
            let chars = text.chars().count();
            spans.retain_mut(|s| {
                s.end = s.end.min(chars);
                s.start < s.end
            });
        }
        let kind = match ctx.kind {
            // A whole sentence set as a subheading (an intro in `<h2>`) is
            // read as a paragraph.
            BlockShape::Heading(level) if level >= 2 && is_sentence(&text) => BlockShape::Paragraph,
            kind => kind,
        };
        let shape = match kind {
            BlockShape::Paragraph => Shape::Paragraph,
            BlockShape::Heading(level) => Shape::Heading { level },
            BlockShape::ListItem => {
                let (list, ordered) = ctx.list.unwrap_or((0, false));
                Shape::ListItem { ordered, list }
            }
            BlockShape::Quote => Shape::Quote,
        };
        let mut block = DraftBlock::new(shape, text);
        let ld = if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        };
        block.hints.link_density = ld;
        // A link that holds the whole card ends where its title element
        // does.
        let lead = match self.lead_len {
            Some(len) if len < block.text.len() => Some(len),
            _ => self.title_len,
        };
        if let (Some(len), Some(href)) = (lead, &self.href) {
            if len > 0 && len < block.text.len() {
                block.hints.lead_link = Some((len, href.clone()));
            }
        }
        if self.links == 1 && ld >= 0.6 {
            block.hints.href = self.href.take();
        } else if self.links == 0 && ld >= 0.6 {
            // The whole block sits inside a link that opened before it.
            block.hints.href = self.open_links.iter().rev().flatten().next().cloned();
        }
        block.hints.emphasized = self.chars > 0 && self.emph_chars * 10 >= self.chars * 9;
        block.hints.container = self.container_of(&ctx);
        block.hints.outside_main = self.outside_main;
        if !spans.is_empty() {
            // Reading order, outer marks first.
            spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end), s.kind as u8));
            // `<b><strong>x</strong></b>` is one strong run.
            spans.dedup();
            block.set_spans(spans);
        }
        assign_role(&mut block, kind, ctx.boxed);
        // A quotation of several paragraphs (or a forum quote with its
        // "Ana wrote:" line) is one quote block, its paragraphs parted by
        // a blank line, as the renderers print them.
        // A pull-quote box's lines and a credit line ("— Ana Ruiz", a
        // `<cite>`) stay apart: `label.pull-quotes` and
        // `label.block-quotes` read the credit as the attribution.
        let same_quote = matches!(kind, BlockShape::Quote)
            && ctx.quote.is_some()
            && ctx.boxed.is_none()
            && self.open_quote == ctx.quote.map(|q| (q, self.blocks.len()))
            && crate::grammar::attribution::source_line(&block.text, true).is_none();
        if let Some(prev) = self.blocks.last_mut().filter(|_| same_quote) {
            join_quote_paragraph(prev, block);
        } else {
            self.blocks.push(block);
        }
        self.open_quote = match (kind, ctx.quote) {
            (BlockShape::Quote, Some(q)) => Some((q, self.blocks.len())),
            _ => None,
        };
        self.reset();
    }

    fn enter_ctx(&mut self, el: &'d Element, id: NodeId) {
        let parent = self.top();
        let name = el.name();
        let kind = match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                BlockShape::Heading(name.as_bytes().get(1).map_or(2, |b| b.saturating_sub(b'0')))
            }
            "li" | "dd" | "dt" => BlockShape::ListItem,
            "blockquote" => BlockShape::Quote,
            _ => parent.kind,
        };
        let list = match name {
            "ul" | "ol" | "dl" => {
                self.next_list += 1;
                Some((self.next_list, name == "ol"))
            }
            _ => parent.list,
        };
        let boxed = self.boxes.get(&id).copied().or(parent.boxed);
        let (tokens, outer_tokens) = if el.fattr("class").is_some() || el.fattr("id").is_some() {
            (Some(el), parent.tokens)
        } else {
            (parent.tokens, parent.outer_tokens)
        };
        let keep = parent.keep
            || matches!(
                name,
                "p" | "blockquote" | "h2" | "h3" | "h4" | "h5" | "h6" | "pre"
            );
        let quote = if name == "blockquote" {
            Some(id)
        } else {
            parent.quote
        };
        self.ctx.push(Ctx {
            kind,
            boxed,
            list,
            tokens,
            outer_tokens,
            keep,
            quote,
        });
    }

    fn box_kind(&self, id: NodeId, el: &Element) -> Option<BoxKind> {
        box_kind_of(super::cached_flags(self.flags, id, el))
    }

    /// A caption box's text without its image: a figure whose role
    /// (a caption) `label.html-boxes` gives from the recorded box.
    fn emit_caption(&mut self, (caption, spans): (String, Vec<Span>)) {
        let shape = Shape::Figure {
            src: None,
            alt: None,
        };
        let mut block = self.atomic_block(shape, caption, spans);
        block.hints.boxed = Some(BoxKind::Caption);
        self.blocks.push(block);
    }

    /// A block of one element (figure, table, code) with its inline spans
    /// and the container hints of where it sits, and no role yet.
    fn atomic_block(&mut self, shape: Shape, text: String, spans: Vec<Span>) -> DraftBlock {
        let ctx = self.top();
        let mut block = DraftBlock::new(shape, text);
        if !spans.is_empty() {
            block.set_spans(spans);
        }
        block.hints.container = self.container_of(&ctx);
        block.hints.outside_main = self.outside_main;
        block
    }

    fn emit_atomic(&mut self, shape: Shape, text: String, spans: Vec<Span>, role: Role) {
        let ctx = self.top();
        if !ctx.keep && !matches!(shape, Shape::Figure { .. }) {
            return;
        }
        let mut block = self.atomic_block(shape, text, spans);
        block.set_role(role, NAME, MARKUP);
        if let (Some(BoxKind::Related | BoxKind::Disclaimer), Shape::Paragraph) =
            (ctx.boxed, &block.shape)
        {
            assign_role(&mut block, BlockShape::Paragraph, ctx.boxed);
        }
        self.blocks.push(block);
    }

    /// More blocks made than [`max_blocks`](Segmenter::max_blocks): later
    /// ones would be dropped.
    fn full(&self) -> bool {
        self.blocks.len() > self.max_blocks
    }

    fn walk(&mut self, root: NodeRef<'d, Node>) {
        let mut stack = vec![Frame::Enter(root, 0, false)];
        // The children of `node`, in order, after what is on the stack now.
        let children = |stack: &mut Vec<Frame<'d>>, node: NodeRef<'d, Node>, depth: usize| {
            if let Some(first) = node.first_child() {
                stack.push(Frame::Enter(first, depth + 1, true));
            }
        };
        while let Some(frame) = stack.pop() {
            if self.full() {
                return;
            }
            let (node, depth) = match frame {
                Frame::Enter(node, depth, siblings) => {
                    if let Some(next) = node.next_sibling().filter(|_| siblings) {
                        stack.push(Frame::Enter(next, depth, true));
                    }
                    (node, depth)
                }
                Frame::ExitBlock => {
                    self.flush();
                    self.ctx.pop();
                    continue;
                }
                Frame::ExitLink => {
                    self.open_links.pop();
                    if self.lead_open && self.open_links.is_empty() {
                        self.lead_open = false;
                        self.lead_len = Some(self.buf.len());
                    }
                    continue;
                }
                Frame::ExitEmph => {
                    self.emph_depth = self.emph_depth.saturating_sub(1);
                    continue;
                }
                Frame::ExitMark => {
                    self.close_mark();
                    continue;
                }
                Frame::ExitTitle => {
                    if self.lead_open && !self.buf.is_empty() {
                        self.title_len.get_or_insert(self.buf.len());
                        // Set as its own line: the summary is not glued on.
                        self.pending_space = true;
                    }
                    continue;
                }
            };
            let el = match node.value() {
                Node::Text(t) => {
                    self.push_text(t);
                    continue;
                }
                Node::Element(el) => el,
                Node::Document | Node::Fragment => {
                    children(&mut stack, node, depth);
                    continue;
                }
                _ => continue,
            };
            let name = el.name();
            if depth > self.max_depth {
                // Too deep: read as flat text of the ancestor block.
                children(&mut stack, node, depth);
                continue;
            }
            match name {
                "br" => {
                    if self.last_br {
                        self.flush();
                    } else {
                        self.last_br = !self.buf.is_empty();
                        self.br_pending = self.last_br;
                        self.pending_space = true;
                    }
                    continue;
                }
                "hr" => {
                    self.flush();
                    continue;
                }
                "img" | "picture" | "source" => continue,
                "figure" if !has_descendant(node, &["blockquote", "p", "table"]) => {
                    self.flush();
                    self.figure(node);
                    continue;
                }
                "figcaption" => {
                    self.flush();
                    let caption = collect_inline(node);
                    self.emit_caption(caption);
                    continue;
                }
                "pre" => {
                    self.flush();
                    let text = raw_text(node);
                    if !text.trim().is_empty() {
                        let language = code_language(node);
                        self.emit_atomic(
                            Shape::Code { language },
                            text,
                            Vec::new(),
                            Role::Paragraph,
                        );
                    }
                    continue;
                }
                "table" if is_data_table(node) => {
                    self.flush();
                    self.table(node);
                    continue;
                }
                "a" => {
                    if self.links == 0 && self.buf.is_empty() {
                        self.lead_open = true;
                    }
                    let href = el.fattr("href").map(str::to_owned);
                    self.links += 1;
                    if self.href.is_none() {
                        self.href.clone_from(&href);
                    }
                    self.open_links.push(href);
                    stack.push(Frame::ExitLink);
                    if let Some(href) = el.fattr("href") {
                        self.open_mark(SpanKind::Link, Some(href.to_owned()));
                        stack.push(Frame::ExitMark);
                    }
                    children(&mut stack, node, depth);
                    continue;
                }
                "em" | "i" | "small" => {
                    self.emph_depth += 1;
                    stack.push(Frame::ExitEmph);
                    if name != "small" {
                        self.open_mark(SpanKind::Emphasis, None);
                        stack.push(Frame::ExitMark);
                    }
                    children(&mut stack, node, depth);
                    continue;
                }
                _ => {}
            }
            if !is_block(name) {
                // Inline caption/credit spans are never body text.
                if el.fattr("class").is_some()
                    && self.box_kind(node.id(), el) == Some(BoxKind::Caption)
                {
                    let caption = collect_inline(node);
                    if !caption.0.is_empty() && self.buf.is_empty() {
                        self.emit_caption(caption);
                        continue;
                    }
                }
                let mark = match name {
                    "strong" | "b" => Some(SpanKind::Strong),
                    "code" | "kbd" | "samp" => Some(SpanKind::Code),
                    _ => None,
                };
                if let Some(kind) = mark {
                    self.open_mark(kind, None);
                    stack.push(Frame::ExitMark);
                }
                if self.lead_open && self.title_len.is_none() && names_a_title(el) {
                    stack.push(Frame::ExitTitle);
                }
                children(&mut stack, node, depth);
                continue;
            }
            self.flush();
            if (el.fattr("class").is_some() || el.fattr("id").is_some())
                && self.box_kind(node.id(), el) == Some(BoxKind::Caption)
                && !has_descendant(node, &["p", "blockquote", "table"])
            {
                let caption = collect_inline(node);
                if !caption.0.is_empty() {
                    self.emit_caption(caption);
                }
                continue;
            }
            self.enter_ctx(el, node.id());
            stack.push(Frame::ExitBlock);
            children(&mut stack, node, depth);
        }
        self.flush();
    }
}

/// True when any of `roots` is `node` or one of its ancestors.
fn inside(dom: &Dom, roots: &HashSet<NodeId>, node: NodeId) -> bool {
    let mut cur = dom.html.tree.get(node);
    while let Some(n) = cur {
        if roots.contains(&n.id()) {
            return true;
        }
        cur = n.parent();
    }
    false
}

pub(crate) fn html_blocks(draft: &mut Draft, cx: &Context<'_>) -> Result<(), BoxError> {
    let Some(dom) = draft.dom.take() else {
        return Ok(());
    };
    if let Some(body) = dom.decision.body_override.as_deref() {
        let blocks = body
            .split('\n')
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| {
                let mut b = DraftBlock::new(Shape::Paragraph, crate::base::collapse_whitespace(l));
                b.set_role(Role::Paragraph, NAME, DEFAULT);
                b
            })
            .collect();
        *draft.blocks_mut() = blocks;
        draft.dom = Some(dom);
        return Ok(());
    }
    let boxes: IdMap<BoxKind> = dom.decision.boxes.iter().copied().collect();
    let mut seg = Segmenter {
        boxes: &boxes,
        flags: &dom.flags,
        max_depth: cx.limits.max_depth,
        max_blocks: cx.limits.max_blocks,
        wild: dom.decision.wild,
        outside_main: false,
        blocks: Vec::new(),
        buf: String::new(),
        pending_space: false,
        last_br: false,
        chars: 0,
        link_chars: 0,
        lead_open: false,
        lead_len: None,
        title_len: None,
        emph_chars: 0,
        links: 0,
        href: None,
        open_links: Vec::new(),
        emph_depth: 0,
        buf_chars: 0,
        marks: Vec::new(),
        unstarted: 0,
        spans: Vec::new(),
        br_pending: false,
        next_list: 0,
        last_container: (None, None, String::new()),
        ctx: Vec::new(),
        open_quote: None,
    };
    let roots: Vec<NodeId> = if dom.decision.roots.is_empty() {
        vec![dom.html.tree.root().id()]
    } else {
        dom.decision.roots.clone()
    };
    for id in &roots {
        if let Some(node) = dom.html.tree.get(*id) {
            seg.walk(node);
        }
    }
    drop_duplicate_quotes(&mut seg.blocks);

    // Related and disclaimer boxes next to the main content (children of its
    // parent or grandparent) are read too, outside the body.
    if !dom.decision.roots.is_empty() && !dom.decision.wild {
        let root_set: HashSet<NodeId> = roots.iter().copied().collect();
        let near: HashSet<NodeId> = dom
            .decision
            .main()
            .and_then(|id| dom.html.tree.get(id))
            .map(|n| n.ancestors().take(2).map(|a| a.id()).collect())
            .unwrap_or_default();
        seg.outside_main = true;
        for (id, kind) in &dom.decision.boxes {
            if seg.full() {
                break;
            }
            if !matches!(kind, BoxKind::Related | BoxKind::Disclaimer)
                || inside(&dom, &root_set, *id)
            {
                continue;
            }
            let Some(node) = dom.html.tree.get(*id) else {
                continue;
            };
            if node.ancestors().take(4).any(|a| near.contains(&a.id())) {
                seg.ctx.clear();
                seg.walk(node);
            }
        }
    }
    *draft.blocks_mut() = seg.blocks;
    draft.dom = Some(dom);
    Ok(())
}

/// Appends `next`, a further paragraph of the quotation `prev` holds, to
/// `prev` after a blank line, its inline spans moved along.
fn join_quote_paragraph(prev: &mut DraftBlock, next: DraftBlock) {
    let shift = prev.text.chars().count() + 2;
    let mut spans = prev.spans().to_vec();
    spans.extend(next.spans().iter().cloned().map(|mut s| {
        s.start += shift;
        s.end += shift;
        s
    }));
    prev.text.push_str("\n\n");
    prev.text.push_str(&next.text);
    if !spans.is_empty() {
        prev.set_spans(spans);
    }
}

#[cfg(test)]
mod tests {
    use crate::{Block, extract};

    #[test]
    fn container_hint_is_the_two_nearest_class_or_id_holders() {
        use super::{BlockShape, Ctx};
        let doc = scraper::Html::parse_fragment(
            "<div class=' Outer BOX '></div><p id='Main'></p><span class='' id=''></span>\
             <b class='Été'></b>",
        );
        let els: Vec<&scraper::node::Element> = doc
            .root_element()
            .children()
            .filter_map(|n| n.value().as_element())
            .collect();
        let ctx = |tokens, outer_tokens| Ctx {
            kind: BlockShape::Paragraph,
            boxed: None,
            list: None,
            tokens,
            outer_tokens,
            keep: true,
            quote: None,
        };
        assert_eq!(ctx(None, None).container(), "");
        assert_eq!(ctx(Some(els[0]), None).container(), "outer box");
        assert_eq!(
            ctx(Some(els[1]), Some(els[0])).container(),
            "outer box|main"
        );
        // An empty class and id give an empty part.
        assert_eq!(ctx(Some(els[2]), Some(els[1])).container(), "main|");
        assert_eq!(ctx(Some(els[1]), Some(els[2])).container(), "main");
        assert_eq!(ctx(Some(els[3]), None).container(), "été");
    }

    #[test]
    fn data_tables_and_layout_tables() {
        let is_data = |html: &str| {
            let doc = scraper::Html::parse_fragment(html);
            let table = doc
                .tree
                .nodes()
                .find(|n| n.value().as_element().is_some_and(|e| e.name() == "table"))
                .expect("table");
            super::is_data_table(table)
        };
        // Short cells; header cells over paragraphs in cells.
        assert!(is_data(
            "<table><tr><td>Auckland</td><td>23</td></tr></table>"
        ));
        assert!(is_data(
            "<table><tr><th>Film</th><th>Plot</th></tr>\
             <tr><td>Loop</td><td><p>A day repeats.</p><p>Then again.</p></td></tr></table>"
        ));
        // Paragraphs without a header row, nested tables, headings: layout.
        assert!(!is_data(
            "<table><tr><td><p>A day repeats.</p></td><td>x</td></tr></table>"
        ));
        assert!(!is_data(
            "<table><tr><th>a</th></tr><tr><td><table><tr><td>b</td></tr></table></td></tr></table>"
        ));
        assert!(!is_data("<table><tr><td><h2>Story</h2></td></tr></table>"));
        assert!(!is_data("<table></table>"));
    }

    #[test]
    fn a_sentence_in_a_subheading_is_a_paragraph() {
        use super::is_sentence;
        assert!(is_sentence(
            "The town has long been known as a place where the ferry runs every day of the year."
        ));
        assert!(is_sentence(
            "港口的渡轮在冬季整修三个月后于周二恢复了服务，运营方表示新引擎更省油。"
        ));
        for miss in [
            "How the ferry came back",
            "Why has the ferry been gone for three months, and who will pay for the repairs?",
            "Ferry returns.",
            "渡轮恢复服务。",
            "The ferry, the harbour, the bridge, the tolls, the market and the school...",
        ] {
            assert!(!is_sentence(miss), "{miss}");
        }
        let html = "<html><body><article><h1>Ferry</h1>\
            <h2>The town has long been known as a place where the ferry runs every day of the year.</h2>\
            <p>But the ferry stopped for three months this winter while both of its engines were replaced, the operator said.</p>\
            <h2>What comes next</h2>\
            <p>A second boat is due in the spring, and the timetable will double in the summer months, officials said.</p>\
            </article></body></html>";
        let a = extract(html).expect("article");
        let headings: Vec<_> = a
            .sections
            .iter()
            .filter_map(|s| s.heading.as_deref())
            .collect();
        assert_eq!(headings, ["What comes next"]);
        assert!(
            a.text.starts_with("The town has long been known"),
            "{}",
            a.text
        );
    }

    #[test]
    fn blocks_stop_one_past_the_limit_and_the_rest_are_noted() {
        let page = format!(
            "<html><body><article><h1>Title</h1>{}</article></body></html>",
            (0..50)
                .map(|i| format!("<p>Paragraph number {i} of the story.</p>"))
                .collect::<String>()
        );
        let extractor = crate::Extractor::builder()
            .limits(crate::Limits::default().max_blocks(10))
            .build()
            .expect("extractor");
        let (article, report) = extractor
            .extract_with_report(page.as_str())
            .expect("article");
        let text = article.body_text();
        // The first blocks are kept in order; nothing of the later ones.
        assert!(text.contains("Paragraph number 5 of"), "{text}");
        assert!(!text.contains("Paragraph number 12 of"), "{text}");
        assert!(
            report.notes.iter().any(|n| n.contains("max_blocks")),
            "{:?}",
            report.notes
        );
    }

    #[test]
    fn permalink_marks_are_cut_from_headings() {
        let p = |n: u32| {
            format!(
                "<p>Part {n}: the ferry returned to service on Tuesday after a three-month refit \
                 that replaced both engines, the operator said.</p>"
            )
        };
        let html = format!(
            "<html><body><article><h1>Ferry</h1>{}\
             <h2>Setting up<a class=\"headerlink\" href=\"#setting-up\">¶</a></h2>{}\
             <h2>C#</h2>{}</article></body></html>",
            p(1),
            p(2),
            p(3)
        );
        let a = extract(html.as_str()).expect("article");
        let headings: Vec<_> = a
            .sections
            .iter()
            .filter_map(|s| s.heading.as_deref())
            .collect();
        assert_eq!(headings, ["Setting up", "C#"]);
    }

    #[test]
    fn normalized_words_are_lower_case_and_single_spaced() {
        use super::normalized;
        let cases = [
            ("Hello, World!", "hello world"),
            ("  --Ünïcode ÉTÉ 2025--  ", "ünïcode été 2025"),
            ("İstanbul", "i\u{307}stanbul"),
            ("a\u{00a0}b\tc\n\nd", "a b c d"),
            ("日本語のテキスト。次", "日本語のテキスト 次"),
            ("", ""),
            ("?!", ""),
        ];
        for (text, want) in cases {
            assert_eq!(normalized(text), want, "{text}");
            // The same as splitting on non-alphanumerics and lower-casing.
            let reference: Vec<String> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            assert_eq!(normalized(text), reference.join(" "), "{text}");
        }
    }

    #[test]
    fn blocks_are_separated() {
        let a = extract(
            "<html><body><article><p>One two. The council met for a long time on Tuesday, and talked.</p><p>Another long paragraph follows here, with more words in it.</p><div>Loose text<br><br>after break</div>\
             <table><tr><td>a</td><td>b</td></tr></table><ul><li>x</li><li>y</li></ul></article></body></html>",
        )
        .expect("article");
        assert!(a.text.contains("One two."), "{}", a.text);
        assert!(a.text.contains("Loose text\n\nafter break"), "{}", a.text);
        assert!(a.text.contains("a\tb"), "{}", a.text);
        assert!(
            a.sections
                .iter()
                .flat_map(|s| &s.blocks)
                .any(|b| matches!(b, Block::List { items, .. } if items.len() == 2))
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!(
            "<html><body>{}deep text{}</body></html>",
            "<div>".repeat(3_000),
            "</div>".repeat(3_000)
        );
        let a = extract(html.as_str()).expect("article");
        assert!(a.text.contains("deep text"));
    }
}
#[cfg(test)]
mod embed_tests {
    #[test]
    fn social_embeds_stay() {
        let p = "<p>Long enough paragraph of the story that talks about many things, and more.</p>";
        let html = format!(
            "<html><body><article>{p}{p}<div class=\"social-media-embed\"><blockquote class=\"twitter-tweet\"><p>Tweet text here</p>— Someone (@someone) November 18, 2019</blockquote></div>{p}</article></body></html>"
        );
        let a = crate::extract(html.as_str()).expect("article");
        assert!(a.text.contains("Tweet text here"), "{:#?}", a.sections);
    }
}

#[cfg(test)]
mod robustness_tests {
    /// Odd inputs give an article (or a typed error), never a panic.
    #[test]
    fn odd_inputs_do_not_panic() {
        let inputs = [
            String::from("<html></html>"),
            String::from("<html><body><p></p><br><br><br></body></html>"),
            format!(
                "<html><body>{}</body></html>",
                "<table><tr><td>".repeat(1500)
            ),
            format!(
                "<html><body><article>{}</article></body></html>",
                "x<br>".repeat(5000)
            ),
            format!(
                "<html><body>{}</body></html>",
                "<blockquote>q ".repeat(2000)
            ),
            String::from(
                "<html><body><figure><figcaption></figcaption></figure><pre></pre><ul><li></ul></body></html>",
            ),
            String::from(
                "<html><body><div class=\"related\"><a>no href</a></div><div itemprop=\"articleBody\"></div></body></html>",
            ),
            String::from(
                "<html><head><script type=\"application/ld+json\">{\"articleBody\": 5}</script></head><body>t</body></html>",
            ),
        ];
        for input in &inputs {
            let _ = crate::extract(input.as_str());
        }
    }
}

#[cfg(test)]
mod box_tests {
    const P: &str = "<p>The council met on Tuesday and voted to approve the new budget, after a long debate about libraries, roads and the pool.</p>";

    #[test]
    fn related_box_next_to_the_body_goes_to_related() {
        let html = format!(
            "<html><body><article><div class=\"article-body\">{P}{P}{P}</div>\
             <div class=\"more-stories related\"><h3>More stories</h3><ul>\
             <li><a href=\"/a\">Library hours cut at two branches</a></li>\
             <li><a href=\"/b\">Pool fees rise again</a></li></ul></div></article></body></html>"
        );
        let a = crate::extract(html.as_str()).expect("article");
        let titles: Vec<_> = a.related.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Library hours cut at two branches", "Pool fees rise again"]
        );
        assert_eq!(a.related[0].url.as_deref(), Some("/a"));
        assert!(!a.text.contains("Pool fees"), "{}", a.text);
    }

    #[test]
    fn pull_quote_repeating_the_body_is_a_pull_quote_once() {
        let html = format!(
            "<html><body><article><div class=\"article-body\">{P}\
             <aside class=\"pull-quote\"><p>The library will stay open late on every weekday this winter.</p></aside>\
             <p>Officials said the library will stay open late on every weekday this winter, starting next month.</p>{P}</div></article></body></html>"
        );
        let a = crate::extract(html.as_str()).expect("article");
        assert_eq!(a.text.matches("stay open late").count(), 1, "{}", a.text);
        let pulls: Vec<_> = a
            .quotes
            .iter()
            .filter(|q| q.kind == crate::QuoteKind::Pull)
            .map(|q| q.text.as_str())
            .collect();
        assert_eq!(
            pulls,
            ["The library will stay open late on every weekday this winter."]
        );
    }

    #[test]
    fn disclaimer_box_goes_to_disclaimers() {
        let html = format!(
            "<html><body><div class=\"entry-content\">{P}{P}\
             <div class=\"disclaimer\"><p>This article was produced with the help of artificial intelligence.</p></div></div></body></html>"
        );
        let a = crate::extract(html.as_str()).expect("article");
        assert_eq!(a.disclaimers.len(), 1);
        assert_eq!(a.disclaimers[0].kind, crate::DisclaimerKind::AiGenerated);
        assert!(!a.text.contains("artificial"), "{}", a.text);
    }
}
