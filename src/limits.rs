//! Resource limits: every input gets an [`Article`](crate::Article) or a
//! typed error in bounded time and memory.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use once_cell::sync::Lazy;

/// Bounds on the work one extraction may do.
///
/// | limit | default | over the limit |
/// |---|---|---|
/// | [`max_input_bytes`](Limits::max_input_bytes) | 64 MiB | [`Error::InputTooLarge`](crate::Error::InputTooLarge), before any decoding or parsing |
/// | [`max_nodes`](Limits::max_nodes) | 4 000 000 | [`Error::TooManyNodes`](crate::Error::TooManyNodes), from an estimate before parsing or the count right after it, before any heuristic walks the DOM |
/// | [`max_nesting`](Limits::max_nesting) | 1 024 | degrades: tags that would open deeper are left out before parsing, their text kept, with a note in the [`Report`](crate::Report) |
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
    /// Over it: [`Error::InputTooLarge`](crate::Error::InputTooLarge).
    pub max_input_bytes: usize,
    /// Most DOM nodes (elements, text, comments) an HTML page may parse
    /// into. 4 000 000 by default: a real page has a few thousand, a 64 MiB
    /// page of ordinary markup under 2 000 000; the HTML parser can make far
    /// more nodes than there are tags (it re-opens unclosed formatting
    /// elements in every new paragraph, up to 8 of them, see
    /// [`max_nesting`](Limits::max_nesting)), and every heuristic
    /// walks the tree. Checked twice: before parsing, against a count the
    /// pre-parse scan makes of the elements the page will at least parse
    /// into (start tags, plus the unclosed formatting elements the parser
    /// re-opens at each of them), so the parser's memory is bounded too;
    /// and after parsing, against the real count.
    /// Over it: [`Error::TooManyNodes`](crate::Error::TooManyNodes), before
    /// any heuristic runs. Text input has no DOM and is not affected.
    pub max_nodes: usize,
    /// Deepest nesting of unclosed tags in the HTML source, counted by a
    /// linear scan before parsing (void elements, elements the parser closes
    /// by itself such as `<p>` and `<li>`, self-closed tags, comments and
    /// script/style text are not counted). 1 024 by default: real pages stay
    /// under 100, and content nested deeper than
    /// [`max_depth`](Limits::max_depth) is read as flat text anyway. The HTML parser's work grows with the square of the
    /// nesting (each block start tag searches the whole stack of open
    /// elements), so 100 000 nested `<div>`s would take minutes. Over it:
    /// start tags that would open deeper are left out of the parsed source,
    /// with their matching end tags; their text is kept, flat, in the
    /// element at the limit, and the [`Report`](crate::Report) says so (no
    /// error).
    ///
    /// The same scan also keeps at most 8 formatting elements open at once
    /// (`b`, `big`, `code`, `em`, `font`, `i`, `s`, `small`, `strike`,
    /// `strong`, `tt`, `u`): the parser clones every open one into each
    /// new paragraph, so a few kilobytes of distinct unclosed `<b id=…>` tags
    /// followed by short paragraphs would otherwise parse into millions of
    /// nodes (and as many allocations) before any limit could look at them.
    /// Further formatting start tags are left out with their end tags; only
    /// emphasis is lost, never text.
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

/// Elements whose content is text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// A case-insensitive hash of a tag name (FNV-1a).
fn name_key(name: &[u8]) -> u64 {
    name.iter().fold(0xcbf2_9ce4_8422_2325, |h, c| {
        (h ^ u64::from(c.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Formatting elements the parser re-opens in every new block while they
/// are unclosed (`a` and `nobr` are left out: a second one closes the first).
const FORMATTING: &[&str] = &[
    "b", "big", "code", "em", "font", "i", "s", "small", "strike", "strong", "tt", "u",
];

/// Formatting elements kept open at once; see [`Limits::max_nesting`].
pub(crate) const MAX_OPEN_FORMATTING: usize = 8;

/// What the scan needs to know of a tag name (bits of [`TagTable`]).
const NOT_NESTING_BIT: u8 = 1;
const FORMATTING_BIT: u8 = 2;
const RAW_TEXT_BIT: u8 = 4;
/// Marks a used slot of the table.
const USED_BIT: u8 = 0x80;

/// The names of the three tables above by key, in an open-addressed table
/// with one probe for most tags: the scan looks up every tag of the page.
struct TagTable([(u64, u8); 256]);

impl TagTable {
    fn new() -> Self {
        let mut t = TagTable([(0, 0); 256]);
        for (set, bit) in [
            (NOT_NESTING, NOT_NESTING_BIT),
            (FORMATTING, FORMATTING_BIT),
            (RAW_TEXT, RAW_TEXT_BIT),
        ] {
            for name in set {
                let key = name_key(name.as_bytes());
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

    /// The bits of a tag name's key; 0 for a name in none of the tables.
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

type KeyMap = HashMap<u64, usize, BuildHasherDefault<KeyHasher>>;

/// Position of the first `</name` (any case) at or after `from`.
fn find_end_tag(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    // Raw text (scripts, styles) is a large share of a page's bytes: one
    // vectorised search for `</`, then a look at the name.
    let rest = b.get(from..)?;
    memchr::memmem::find_iter(rest, b"</")
        .map(|off| from + off)
        .find(|&at| {
            b.get(at + 2..at + 2 + name.len())
                .is_some_and(|c| c.eq_ignore_ascii_case(name))
        })
}

/// Just after the `>` that ends the tag whose attributes start at `from`;
/// a `>` inside a quoted attribute value does not end it.
fn tag_end(b: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    loop {
        i += memchr::memchr3(b'>', b'"', b'\'', b.get(i..)?)?;
        let c = b[i];
        if c == b'>' {
            return Some(i + 1);
        }
        // A quote opens a value only after `=` (spaces allowed); the value
        // is skipped in one search for its closing quote.
        let after_equals = b
            .get(from..i)
            .unwrap_or_default()
            .iter()
            .rev()
            .find(|c| !c.is_ascii_whitespace())
            == Some(&b'=');
        i += 1;
        if after_equals {
            i += memchr::memchr(c, b.get(i..)?)? + 1;
        }
    }
}

/// What the pre-parse scan found.
pub(crate) struct Scan {
    /// The source with tags over the limits left out; `None` when nothing
    /// was, which is every real page.
    pub flat: Option<String>,
    /// Elements the parser will make at least: one per start tag kept, plus
    /// the open formatting elements it re-opens at each other start tag.
    /// Checked against [`Limits::max_nodes`] before parsing, so a page that
    /// would parse into millions of nodes is refused before it takes the
    /// memory.
    pub nodes: usize,
}

/// The HTML source with start tags nested deeper than `limit` (and their
/// end tags) left out, and the number of nodes it will parse into at least.
/// One linear pass over the bytes, no allocation unless the limit is hit.
/// See [`Limits::max_nesting`] for what is counted.
pub(crate) fn scan_nesting(source: &str, limit: usize) -> Scan {
    let mut nodes = 0usize;
    let flat = flatten(source, limit, &mut nodes);
    Scan { flat, nodes }
}

fn flatten(source: &str, limit: usize, nodes: &mut usize) -> Option<String> {
    let b = source.as_bytes();
    let mut out: Option<String> = None;
    // Bytes of `source` before `copied` are in `out` already.
    let mut copied = 0;
    let mut depth = 0usize;
    let mut formatting_open = 0usize;
    // Per tag name (hashed): elements open, and start tags left out whose
    // end tag is still to come. An end tag closes only a name that is open,
    // as in the parser: stray end tags cannot lower the count.
    let mut open = KeyMap::default();
    let mut skipped = KeyMap::default();
    let mut i = 0;
    while let Some(off) = b.get(i..).and_then(|r| memchr::memchr(b'<', r)) {
        let at = i + off;
        let rest = b.get(at + 1..).unwrap_or_default();
        if rest.starts_with(b"!--") {
            i = match b
                .get(at + 4..)
                .and_then(|r| memchr::memmem::find(r, b"-->"))
            {
                Some(end) => at + 4 + end + 3,
                None => b.len(),
            };
            continue;
        }
        let close = rest.first() == Some(&b'/');
        let name_start = at + 1 + usize::from(close);
        let name_len = b
            .get(name_start..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-' || **c == b':')
            .count();
        let starts_with_letter = b.get(name_start).is_some_and(u8::is_ascii_alphabetic);
        if name_len == 0 || !starts_with_letter {
            i = at + 1;
            continue;
        }
        let name = &b[name_start..name_start + name_len];
        let Some(tag_end) = tag_end(b, name_start + name_len) else {
            break;
        };
        let self_closed = b.get(tag_end.saturating_sub(2)) == Some(&b'/');
        let key = name_key(name);
        let bits = TAGS.bits(key);
        let counted = bits & NOT_NESTING_BIT == 0;
        let formatting = bits & FORMATTING_BIT != 0;
        let mut drop_tag = false;
        if close {
            if counted {
                if let Some(n) = skipped.get_mut(&key).filter(|n| **n > 0) {
                    *n -= 1;
                    drop_tag = true;
                } else if let Some(n) = open.get_mut(&key).filter(|n| **n > 0) {
                    *n -= 1;
                    depth = depth.saturating_sub(1);
                    formatting_open -= usize::from(formatting && formatting_open > 0);
                }
            }
        } else {
            if counted
                && !self_closed
                && (depth >= limit || (formatting && formatting_open >= MAX_OPEN_FORMATTING))
            {
                *skipped.entry(key).or_insert(0) += 1;
                drop_tag = true;
            } else if counted && !self_closed {
                *open.entry(key).or_insert(0) += 1;
                depth += 1;
                formatting_open += usize::from(formatting);
            }
            if !drop_tag {
                // The element itself, and the formatting elements the
                // parser re-opens before it.
                let reopened = if formatting { 0 } else { formatting_open };
                *nodes = nodes.saturating_add(1 + reopened);
            }
        }
        if drop_tag {
            let o = out.get_or_insert_with(|| String::with_capacity(source.len()));
            // `<` and `>` are ASCII: both ends are char boundaries.
            o.push_str(source.get(copied..at).unwrap_or_default());
            copied = tag_end;
        }
        i = tag_end;
        if !close && !self_closed && bits & RAW_TEXT_BIT != 0 {
            i = find_end_tag(b, tag_end, name).unwrap_or(b.len());
        }
    }
    let mut o = out?;
    o.push_str(source.get(copied..).unwrap_or_default());
    Some(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flatten_deep_nesting(source: &str, limit: usize) -> Option<String> {
        scan_nesting(source, limit).flat
    }

    #[test]
    fn node_estimate_counts_tags_and_reopened_formatting() {
        assert_eq!(scan_nesting("<div><p>a</p><p>b</p></div>", 10).nodes, 3);
        // Two unclosed <b>s are re-opened before each of the three <p>s.
        assert_eq!(scan_nesting("<b><b><p>a<p>b<p>c", 10).nodes, 2 + 3 * 3);
        // End tags, comments and script text make no elements.
        assert_eq!(
            scan_nesting("<!-- <p> --><script><p></script></x>", 10).nodes,
            1
        );
    }

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

    #[test]
    fn nesting_within_the_limit_is_left_alone() {
        for page in [
            "<div><div><p>a<p>b</div></div>",
            "<ul><li>a<li>b<li>c</ul><br><br><br><img src=x>",
            "<div><!-- <div><div><div> --></div>",
            "<script>'<div><div><div><div>'</script><div></div>",
            "<svg><path/><path/><path/><path/></svg>",
            "a < b and c<d, <3 <",
            "",
        ] {
            assert_eq!(flatten_deep_nesting(page, 3), None, "{page}");
        }
    }

    #[test]
    fn deeper_tags_are_left_out_and_their_text_kept() {
        let cases = [
            (
                "<div><div><div><div>x</div></div></div></div>",
                "<div><div>x</div></div>",
            ),
            (
                "<b><i><u><s>deep</s></u> text</i></b>",
                "<b><i>deep text</i></b>",
            ),
            ("<div><div><div>unclosed", "<div><div>unclosed"),
            (
                "<DIV><Div><div class=\"a>b\">é</div></Div></DIV>",
                "<DIV><Div>é</Div></DIV>",
            ),
            (
                "<div><span><p>para</p><span>x</span></span></div>",
                "<div><span><p>para</p>x</span></div>",
            ),
        ];
        for (page, want) in cases {
            assert_eq!(
                flatten_deep_nesting(page, 2).as_deref(),
                Some(want),
                "{page}"
            );
        }
    }

    #[test]
    fn tag_table_knows_every_listed_name_in_any_case() {
        let bits = |name: &str| TAGS.bits(name_key(name.as_bytes()));
        for (set, bit) in [
            (NOT_NESTING, NOT_NESTING_BIT),
            (FORMATTING, FORMATTING_BIT),
            (RAW_TEXT, RAW_TEXT_BIT),
        ] {
            for name in set {
                assert_ne!(bits(name) & bit, 0, "{name}");
                assert_ne!(bits(&name.to_ascii_uppercase()) & bit, 0, "{name}");
            }
        }
        for other in ["div", "span", "section", "x-widget", "scripts", "bb"] {
            assert_eq!(bits(other), 0, "{other}");
        }
    }

    #[test]
    fn tag_ends_skip_quoted_values_only() {
        // (tag text after the name, where the tag ends)
        let cases: [(&str, Option<usize>); 7] = [
            (" a=1>", Some(5)),
            (" title=\"a>b\">x", Some(13)),
            (" title = 'a>b' id=\"c\">", Some(22)),
            // A quote that is not a value does not hide the `>`.
            (" it's>", Some(6)),
            (" a=\"unclosed>", None),
            (" a=b", None),
            ("", None),
        ];
        for (tag, want) in cases {
            assert_eq!(tag_end(tag.as_bytes(), 0), want, "{tag}");
        }
    }

    #[test]
    fn end_tags_are_found_in_any_case() {
        let raw = b"x</s a</scrip </SCRIPT>";
        assert_eq!(find_end_tag(raw, 0, b"script"), Some(14));
        assert_eq!(find_end_tag(raw, 15, b"script"), None);
        assert_eq!(find_end_tag(b"</", 0, b"script"), None);
    }

    #[test]
    fn unclosed_formatting_elements_are_capped() {
        let mut page = String::from("<p>");
        for i in 0..40 {
            page.push_str(&format!("<b id=b{i}>"));
        }
        page.push_str("</p><p>x</p>");
        let flat = flatten_deep_nesting(&page, 1024).expect("over the cap");
        assert_eq!(flat.matches("<b ").count(), MAX_OPEN_FORMATTING);
        assert!(flat.ends_with("</p><p>x</p>"));
        // Closed as they go, any number is fine; links never count.
        let closed = "<p><b>x</b><i>y</i></p>".repeat(100) + &"<a href=x>".repeat(40);
        assert_eq!(flatten_deep_nesting(&closed, 1024), None);
    }

    #[test]
    fn stray_end_tags_do_not_hide_nesting() {
        // The parser ignores `</span>` with no open span: the divs nest.
        let page = "<div></span><div></span><div></span>x";
        assert_eq!(
            flatten_deep_nesting(page, 2).as_deref(),
            Some("<div></span><div></span></span>x")
        );
    }

    #[test]
    fn flattening_is_linear_on_hostile_nesting() {
        let page = format!(
            "{}text{}",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let flat = flatten_deep_nesting(&page, 10).expect("over the limit");
        assert_eq!(
            flat,
            format!("{}text{}", "<div>".repeat(10), "</div>".repeat(10))
        );
    }
}
