//! Resource limits: every input gets an [`Article`](crate::Article) or a
//! typed error in bounded time and memory.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use html5ever::LocalName;
use once_cell::sync::Lazy;

/// Bounds on the work one extraction may do.
///
/// | limit | default | over the limit |
/// |---|---|---|
/// | [`max_input_bytes`](Limits::max_input_bytes) | 64 MiB | [`Error::InputTooLarge`](crate::Error::InputTooLarge), before any decoding or parsing |
/// | [`max_nodes`](Limits::max_nodes) | 4 000 000 | [`Error::TooManyNodes`](crate::Error::TooManyNodes), from a count kept while parsing (which stops building at the limit) or the count right after it, before any heuristic walks the DOM |
/// | [`max_nesting`](Limits::max_nesting) | 1 024 | degrades: tags that would open deeper are left out while parsing, their text kept, with a note in the [`Report`](crate::Report) |
/// | [`max_depth`](Limits::max_depth) | 512 | degrades: content deeper than this is read as flat text of its ancestor at that depth |
/// | [`max_blocks`](Limits::max_blocks) | 100 000 | degrades: later blocks are dropped, with a note in the [`Report`](crate::Report) |
///
/// `max_input_bytes` and `max_nodes` are errors because nothing useful can be made
/// of what they refuse without doing the work they exist to avoid; the two
/// structural limits degrade, because the start of such a page is usually
/// a readable article.
///
/// # Examples
///
/// ```
/// let limits = copydesk::Limits::default().max_input_bytes(1 << 20);
/// let extractor = copydesk::Extractor::builder().limits(limits).build()?;
/// let err = extractor.extract("x".repeat(2 << 20).as_str()).unwrap_err();
/// assert!(matches!(err, copydesk::Error::InputTooLarge { .. }));
/// # Ok::<(), copydesk::Error>(())
/// ```
///
/// ```
/// let limits = copydesk::Limits::default().max_nodes(100);
/// let extractor = copydesk::Extractor::builder().limits(limits).build()?;
/// let page = format!("<html><body>{}</body></html>", "<p>Hello there.</p>".repeat(200));
/// let err = extractor.extract(page.as_str()).unwrap_err();
/// assert!(matches!(err, copydesk::Error::TooManyNodes { limit: 100, .. }));
/// # Ok::<(), copydesk::Error>(())
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest input accepted, in bytes (before decoding). 64 MiB by default:
    /// larger than any real article page (the median is ~100 KB), small
    /// enough that a batch job on many cores stays within memory.
    /// Over it: [`Error::InputTooLarge`](crate::Error::InputTooLarge). Text that
    /// decodes to more than 4 GiB is refused the same way whatever this says.
    pub max_input_bytes: usize,
    /// Most DOM nodes (elements, text, comments) an HTML page may parse
    /// into. 4 000 000 by default: a real page has a few thousand, a 64 MiB
    /// page of ordinary markup under 2 000 000; the HTML parser can make far
    /// more nodes than there are tags (it re-opens unclosed formatting
    /// elements in every new paragraph, up to 2 of them, see
    /// [`max_nesting`](Limits::max_nesting)), and every heuristic
    /// walks the tree. Checked twice: while parsing, against a count of the
    /// elements the page parses into at least (start tags, plus the
    /// unclosed formatting elements the parser re-opens at each of them),
    /// kept as the tokenizer hands tags to the tree builder, which is given
    /// nothing more once the count is over, so the parser's memory is
    /// bounded too; and after parsing, against the real count.
    /// Over it: [`Error::TooManyNodes`](crate::Error::TooManyNodes), before
    /// any heuristic runs. Text input has no DOM and is not affected.
    pub max_nodes: usize,
    /// Deepest nesting of unclosed tags in the HTML source, counted on the
    /// tags the tokenizer hands to the tree builder (void elements, elements
    /// the parser closes by itself such as `<p>` and `<li>`, and self-closed
    /// SVG/MathML tags are not counted; comments and script/style text hold
    /// no tags; `<div/>` counts, as the parser ignores the slash in HTML). 1 024 by default: real pages stay
    /// under 100, and content nested deeper than
    /// [`max_depth`](Limits::max_depth) is read as flat text anyway. The HTML parser's work grows with the square of the
    /// nesting (each block start tag searches the whole stack of open
    /// elements), so 100 000 nested `<div>`s would take minutes. Over it:
    /// start tags that would open deeper never reach the tree builder, nor
    /// do their matching end tags; their text is kept, flat, in the
    /// element at the limit, and the [`Report`](crate::Report) says so (no
    /// error).
    ///
    /// The same count also keeps at most 3 formatting elements open at once
    /// (`b`, `big`, `code`, `em`, `font`, `i`, `s`, `small`, `strike`,
    /// `strong`, `tt`, `u`): the parser clones every open one into each
    /// new paragraph, so a few kilobytes of distinct unclosed `<b id=…>` tags
    /// followed by short paragraphs would otherwise parse into millions of
    /// nodes (and as many allocations) before any limit could look at them,
    /// and even a handful re-opened in every short paragraph multiplies
    /// the nodes of the page. Real pages seldom have more than two open at
    /// once (`<strong><em>…</em></strong>`; three at most in the evaluation
    /// corpus). Further
    /// formatting start tags are left out with their end tags; and when a
    /// block starts (`<p>`, `<div>`, `<li>`, a table cell, …) with more
    /// than one still open, all but the outermost are closed there, as if
    /// the page had closed them, so that at most one is cloned into each
    /// later block (no page of the evaluation corpus carries two into a
    /// block). Only emphasis is lost, never text.
    pub max_nesting: usize,
    /// Deepest element nesting read as structure. 512 by default: real pages
    /// nest under 100; hostile ones nest 100 000 deep, and traversals stay
    /// iterative regardless. Over it: content deeper than this is read as
    /// flat text of its ancestor at that depth (no error).
    pub max_depth: usize,
    /// Most blocks kept from one input. 100 000 by default, about 100 times
    /// the longest real article. Over it: later blocks are dropped and the
    /// [`Report`](crate::Report) says so (no error).
    pub max_blocks: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 64 << 20,
            max_nodes: 4_000_000,
            max_nesting: 1024,
            max_depth: 512,
            max_blocks: 100_000,
        }
    }
}

impl Limits {
    /// Sets [`max_input_bytes`](Limits::max_input_bytes).
    pub fn max_input_bytes(mut self, bytes: usize) -> Self {
        self.max_input_bytes = bytes;
        self
    }
    /// Sets [`max_nodes`](Limits::max_nodes).
    pub fn max_nodes(mut self, nodes: usize) -> Self {
        self.max_nodes = nodes;
        self
    }
    /// Sets [`max_nesting`](Limits::max_nesting).
    pub fn max_nesting(mut self, nesting: usize) -> Self {
        self.max_nesting = nesting;
        self
    }
    /// Sets [`max_depth`](Limits::max_depth).
    pub fn max_depth(mut self, depth: usize) -> Self {
        self.max_depth = depth;
        self
    }
    /// Sets [`max_blocks`](Limits::max_blocks).
    pub fn max_blocks(mut self, blocks: usize) -> Self {
        self.max_blocks = blocks;
        self
    }
}

/// Elements never counted as nesting: void elements and the ones the HTML
/// parser closes by itself when a sibling starts.
const NOT_NESTING: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "menuitem", "meta", "param", "source", "track", "wbr", "p", "li",
    "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "rb", "rt",
    "rtc", "rp", "colgroup", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "html", "head", "body",
    "frameset",
];

/// The key of a tag name, from the hash its atom carries (no pass over the
/// name's bytes). Names arrive lower-cased from the tokenizer; the
/// multiplication is one-to-one and spreads the bits of short (inline)
/// atoms, whose "hash" is their bytes.
fn name_key(name: &LocalName) -> u64 {
    name.get_hash().wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Formatting elements the parser re-opens in every new block while they
/// are unclosed (`a` and `nobr` are left out: a second one closes the first).
const FORMATTING: &[&str] = &[
    "b", "big", "code", "em", "font", "i", "s", "small", "strike", "strong", "tt", "u",
];

/// Formatting elements kept open at once; see [`Limits::max_nesting`].
pub(crate) const MAX_OPEN_FORMATTING: usize = 3;

/// Formatting elements still open when a new block starts that are left
/// open into it (the outermost); the others are closed there.
pub(crate) const MAX_CARRIED_FORMATTING: usize = 1;

/// Start tags of the elements whose end (or the end of the element they
/// close) pops the formatting elements the parser re-opened in them, so
/// the next text re-opens them again: blocks, list items, table parts.
const BLOCK_START: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hgroup",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "search",
    "section",
    "summary",
    "ul",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "listing",
    "form",
    "li",
    "dd",
    "dt",
    "plaintext",
    "table",
    "caption",
    "colgroup",
    "col",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "td",
    "th",
    "hr",
    "template",
    "textarea",
];

/// What the guard needs to know of a tag name (bits of [`TagTable`]).
const NOT_NESTING_BIT: u8 = 1;
const FORMATTING_BIT: u8 = 2;
const BLOCK_START_BIT: u8 = 4;
const FOREIGN_BIT: u8 = 8;

/// The roots of foreign (SVG, MathML) content: inside them, and for
/// themselves, a self-closing tag (`<path/>`) opens nothing; in HTML
/// content the parser ignores the slash (`<div/>` is `<div>`).
const FOREIGN: &[&str] = &["svg", "math"];
/// Marks a used slot of the table.
const USED_BIT: u8 = 0x80;

/// Each tag list with the bit it sets in [`TagTable`].
const TAG_SETS: [(&[&str], u8); 4] = [
    (NOT_NESTING, NOT_NESTING_BIT),
    (FORMATTING, FORMATTING_BIT),
    (BLOCK_START, BLOCK_START_BIT),
    (FOREIGN, FOREIGN_BIT),
];

/// The names of the two tables above by key, in an open-addressed table
/// with one probe for most tags: the guard looks up every tag of the page.
struct TagTable([(u64, u8); 256]);

impl TagTable {
    fn new() -> Self {
        let mut t = TagTable([(0, 0); 256]);
        for (set, bit) in TAG_SETS {
            for name in set {
                let key = name_key(&LocalName::from(*name));
                let mut i = Self::slot(key);
                while t.0[i].1 & USED_BIT != 0 && t.0[i].0 != key {
                    i = (i + 1) % t.0.len();
                }
                t.0[i] = (key, t.0[i].1 | bit | USED_BIT);
            }
        }
        t
    }

    fn slot(key: u64) -> usize {
        (key >> 56) as usize
    }

    /// The bits of a tag name's key; 0 for a name in neither table.
    fn bits(&self, key: u64) -> u8 {
        let mut i = Self::slot(key);
        // The table is far from full, so a probe ends at an empty slot.
        for _ in 0..self.0.len() {
            let (k, bits) = self.0[i];
            if bits & USED_BIT == 0 {
                return 0;
            }
            if k == key {
                return bits;
            }
            i = (i + 1) % self.0.len();
        }
        0
    }
}

static TAGS: Lazy<TagTable> = Lazy::new(TagTable::new);

/// Keys are hashes already: the map uses them as they are.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type KeyMap = HashMap<u64, Count, BuildHasherDefault<KeyHasher>>;

/// Per tag name: elements open, and start tags left out whose end tag is
/// still to come.
#[derive(Debug, Default, Clone, Copy)]
struct Count {
    open: usize,
    skipped: usize,
}

/// [`Count`]s by name key: a direct-mapped table holds the names a page
/// uses most (a page uses a few dozen), a map any name whose slot is taken.
struct Counts {
    slots: Box<[(u64, Count); 64]>,
    overflow: KeyMap,
}

impl Counts {
    fn new() -> Self {
        Counts {
            slots: Box::new([(0, Count::default()); 64]),
            overflow: KeyMap::default(),
        }
    }

    /// The count of a name (key 0 marks an empty slot, so it is moved).
    fn get(&mut self, key: u64) -> &mut Count {
        let key = key.max(1);
        // Keys are multiplicative hashes: their top bits are well spread.
        let slot = &mut self.slots[(key >> 58) as usize];
        if slot.0 == 0 {
            slot.0 = key;
        }
        if slot.0 == key {
            &mut slot.1
        } else {
            self.overflow.entry(key).or_default()
        }
    }
}

/// Decides, tag by tag as the tokenizer emits them, which tags the HTML
/// tree builder sees, so that [`Limits::max_nesting`] and
/// [`Limits::max_nodes`] hold while the page is parsed (the tree builder's
/// work grows with the square of the nesting, and it re-opens unclosed
/// formatting elements in every new block). It sees every tag once, in
/// the tokenizer's own pass: no second scan of the page.
pub(crate) struct NestingGuard {
    limit: usize,
    max_nodes: usize,
    depth: usize,
    /// The formatting elements open, outermost first (at most
    /// [`MAX_OPEN_FORMATTING`]).
    formatting: Vec<LocalName>,
    /// `<svg>` and `<math>` elements open.
    foreign: usize,
    /// Per tag name (hashed): elements open, and start tags left out whose
    /// end tag is still to come. An end tag closes only a name that is
    /// open, as in the parser: stray end tags cannot lower the count.
    counts: Counts,
    /// Elements the parser makes at least: one per start tag kept, plus
    /// the open formatting elements it re-opens at each other start tag.
    pub(crate) nodes: usize,
    /// Start tags left out (nested too deep, or formatting beyond the cap).
    pub(crate) left_out: usize,
}

impl NestingGuard {
    pub(crate) fn new(limits: &Limits) -> Self {
        NestingGuard {
            limit: limits.max_nesting,
            max_nodes: limits.max_nodes,
            depth: 0,
            formatting: Vec::new(),
            foreign: 0,
            counts: Counts::new(),
            nodes: 0,
            left_out: 0,
        }
    }

    /// Over [`Limits::max_nodes`]: the parser is given nothing more, and
    /// the page is refused once the tokenizer is done.
    pub(crate) fn over_nodes(&self) -> bool {
        self.nodes > self.max_nodes
    }

    /// A start tag (lower-case name): true when the parser should see it.
    pub(crate) fn start(&mut self, name: &LocalName, self_closing: bool) -> bool {
        let key = name_key(name);
        let bits = TAGS.bits(key);
        // The slash closes an element only in foreign content.
        let closed = self_closing && (self.foreign > 0 || bits & FOREIGN_BIT != 0);
        let counted = bits & NOT_NESTING_BIT == 0 && !closed;
        let formatting = bits & FORMATTING_BIT != 0;
        if counted {
            let too_deep = self.depth >= self.limit;
            if too_deep || formatting && self.formatting.len() >= MAX_OPEN_FORMATTING {
                self.counts.get(key).skipped += 1;
                self.left_out += 1;
                return false;
            }
            self.counts.get(key).open += 1;
            self.depth += 1;
            if formatting {
                self.formatting.push(name.clone());
            }
            self.foreign += usize::from(bits & FOREIGN_BIT != 0);
        }
        // The element itself, and the formatting elements the parser
        // re-opens before it.
        let reopened = if formatting { 0 } else { self.formatting.len() };
        self.nodes = self.nodes.saturating_add(1 + reopened);
        true
    }

    /// An end tag (lower-case name): true when the parser should see it.
    pub(crate) fn end(&mut self, name: &LocalName) -> bool {
        let key = name_key(name);
        let bits = TAGS.bits(key);
        if bits & NOT_NESTING_BIT != 0 {
            return true;
        }
        let count = self.counts.get(key);
        if count.skipped > 0 {
            count.skipped -= 1;
            return false;
        }
        if count.open > 0 {
            count.open -= 1;
            self.depth = self.depth.saturating_sub(1);
            if bits & FOREIGN_BIT != 0 {
                self.foreign = self.foreign.saturating_sub(1);
            }
            if bits & FORMATTING_BIT != 0 {
                if let Some(i) = self.formatting.iter().rposition(|f| f == name) {
                    self.formatting.remove(i);
                }
            }
        }
        true
    }

    /// Before a start tag: the formatting elements to close first, innermost
    /// first. At the start of a block the parser re-opens (clones) every
    /// formatting element left open, and does so again in every later
    /// block until they are closed; past [`MAX_CARRIED_FORMATTING`] they are
    /// closed there, as if the page had closed them (only emphasis ends
    /// sooner; the text is the same).
    pub(crate) fn close_before(&mut self, name: &LocalName) -> Vec<LocalName> {
        if self.formatting.len() <= MAX_CARRIED_FORMATTING
            || TAGS.bits(name_key(name)) & BLOCK_START_BIT == 0
        {
            return Vec::new();
        }
        let mut closed = self.formatting.split_off(MAX_CARRIED_FORMATTING);
        closed.reverse();
        for f in &closed {
            let count = self.counts.get(name_key(f));
            count.open = count.open.saturating_sub(1);
            self.depth = self.depth.saturating_sub(1);
        }
        closed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn setters_set_one_field_each() {
        let l = Limits::default()
            .max_input_bytes(1)
            .max_nodes(2)
            .max_depth(3)
            .max_blocks(4)
            .max_nesting(5);
        assert_eq!(
            (
                l.max_input_bytes,
                l.max_nodes,
                l.max_depth,
                l.max_blocks,
                l.max_nesting
            ),
            (1, 2, 3, 4, 5)
        );
        let d = Limits::default();
        assert_eq!(d.max_nodes, 4_000_000);
        assert_eq!(Limits::default().max_nodes(7).max_depth, d.max_depth);
    }

    /// Feeds `tags` (`"div"` a start tag, `"/div"` an end tag, `"br/"`
    /// self-closed) and returns the ones kept.
    fn kept(limit: usize, tags: &[&str]) -> (Vec<String>, NestingGuard) {
        let mut g = NestingGuard::new(&Limits::default().max_nesting(limit));
        let mut out = Vec::new();
        for t in tags {
            let keep = match (t.strip_prefix('/'), t.strip_suffix('/')) {
                (Some(end), _) => g.end(&LocalName::from(end)),
                (None, Some(closed)) => g.start(&LocalName::from(closed), true),
                (None, None) => g.start(&LocalName::from(*t), false),
            };
            if keep {
                out.push((*t).to_string());
            }
        }
        (out, g)
    }

    #[test]
    fn node_estimate_counts_tags_and_reopened_formatting() {
        assert_eq!(kept(10, &["div", "p", "/p", "p", "/p", "/div"]).1.nodes, 3);
        // Two unclosed <b>s are re-opened before each of the three <p>s.
        assert_eq!(kept(10, &["b", "b", "p", "p", "p"]).1.nodes, 2 + 3 * 3);
        // End tags make no elements.
        assert_eq!(kept(10, &["/x", "/div"]).1.nodes, 0);
    }

    #[test]
    fn deeper_tags_are_left_out_with_their_end_tags() {
        let (out, g) = kept(
            2,
            &["div", "div", "div", "div", "/div", "/div", "/div", "/div"],
        );
        assert_eq!(out, ["div", "div", "/div", "/div"]);
        assert_eq!(g.left_out, 2);
        // Void elements, elements the parser closes by itself, and
        // self-closed foreign elements never count.
        let tags = [
            "div", "p", "li", "br", "img", "math/", "svg", "path/", "path/", "/svg", "/div",
        ];
        let (out, g) = kept(2, &tags);
        assert_eq!(out.len(), tags.len());
        assert_eq!(g.left_out, 0);
        // In HTML content the slash is ignored: `<div/>` opens a div, and
        // `<b/>` a formatting element.
        let (out, g) = kept(2, &["div/", "div/", "div/", "span"]);
        assert_eq!(out, ["div/", "div/"]);
        assert_eq!(g.left_out, 2);
        let (_, g) = kept(1024, &["b/", "b/", "b/", "i/", "u/"]);
        assert_eq!(g.left_out, 5 - MAX_OPEN_FORMATTING);
    }

    #[test]
    fn stray_end_tags_do_not_hide_nesting() {
        // The parser ignores `</span>` with no open span: the divs nest.
        let (out, _) = kept(2, &["div", "/span", "div", "/span", "div", "/span"]);
        assert_eq!(out, ["div", "/span", "div", "/span", "/span"]);
    }

    #[test]
    fn unclosed_formatting_elements_are_capped() {
        let mut tags = vec!["p"];
        tags.extend(["b"; 40]);
        tags.extend(["/p", "p", "/p"]);
        let (out, g) = kept(1024, &tags);
        assert_eq!(
            out.iter().filter(|t| *t == "b").count(),
            MAX_OPEN_FORMATTING
        );
        assert_eq!(g.left_out, 40 - MAX_OPEN_FORMATTING);
        // Closed as they go, any number is fine; links never count.
        let mut closed = Vec::new();
        for _ in 0..100 {
            closed.extend(["p", "b", "/b", "i", "/i", "/p"]);
        }
        closed.extend(["a"; 40]);
        assert_eq!(kept(1024, &closed).1.left_out, 0);
    }

    #[test]
    fn formatting_beyond_one_is_closed_before_a_block() {
        let mut g = NestingGuard::new(&Limits::default());
        let name = |n: &str| LocalName::from(n);
        assert!(g.start(&name("div"), false));
        assert!(g.start(&name("b"), false));
        assert!(g.start(&name("i"), false));
        // Not before an inline element; before a block, the inner one.
        assert!(g.close_before(&name("span")).is_empty());
        assert_eq!(g.close_before(&name("p")), [name("i")]);
        assert!(g.close_before(&name("p")).is_empty());
        assert_eq!(g.depth, 2);
        // The page's own `</i>` is then a stray end tag; `</b>` still closes b.
        assert!(g.end(&name("i")));
        assert!(g.end(&name("b")));
        assert!(g.formatting.is_empty());
        assert_eq!(g.depth, 1);
    }

    #[test]
    fn many_distinct_names_still_count_each_one() {
        // More names than the table has slots: the rest go to the map.
        let names: Vec<String> = (0..2000).map(|i| format!("x-{i}")).collect();
        let mut tags: Vec<&str> = names.iter().map(String::as_str).collect();
        let ends: Vec<String> = names.iter().rev().map(|n| format!("/{n}")).collect();
        tags.extend(ends.iter().map(String::as_str));
        let (out, g) = kept(1500, &tags);
        // 1 500 open, 500 left out with their end tags.
        assert_eq!(g.left_out, 500);
        assert_eq!(out.len(), 3000);
        assert_eq!(g.depth, 0);
    }

    #[test]
    fn too_many_nodes_is_seen_as_tags_arrive() {
        let mut g = NestingGuard::new(&Limits::default().max_nodes(3));
        let p = LocalName::from("p");
        for _ in 0..3 {
            assert!(g.start(&p, false));
        }
        assert!(!g.over_nodes());
        g.start(&p, false);
        assert!(g.over_nodes());
    }

    #[test]
    fn tag_table_knows_every_listed_name() {
        let bits = |name: &str| TAGS.bits(name_key(&LocalName::from(name)));
        for (set, bit) in TAG_SETS {
            for name in set {
                assert_ne!(bits(name) & bit, 0, "{name}");
            }
        }
        for other in ["span", "a", "x-widget", "script", "bb", "button"] {
            assert_eq!(bits(other), 0, "{other}");
        }
        // A block that nests is not a formatting element, nor one the
        // parser closes by itself.
        let all = NOT_NESTING_BIT | FORMATTING_BIT | BLOCK_START_BIT | FOREIGN_BIT;
        assert_eq!(bits("div") & all, BLOCK_START_BIT);
    }
}
