//! Resource limits: every input gets an [`Article`](crate::Article) or a
//! typed error in bounded time and memory.

/// Bounds on the work one extraction may do.
///
/// | limit | default | over the limit |
/// |---|---|---|
/// | [`max_input_bytes`](Limits::max_input_bytes) | 64 MiB | [`Error::InputTooLarge`](crate::Error::InputTooLarge), before any decoding or parsing |
/// | [`max_nodes`](Limits::max_nodes) | 4 000 000 | [`Error::TooManyNodes`](crate::Error::TooManyNodes), right after parsing, before any heuristic walks the DOM |
/// | [`max_depth`](Limits::max_depth) | 512 | degrades: content deeper than this is read as flat text of its ancestor at that depth |
/// | [`max_blocks`](Limits::max_blocks) | 100 000 | degrades: later blocks are dropped, with a note in the [`Report`](crate::Report) |
///
/// The two byte/node limits are errors because nothing useful can be made
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
    /// elements in every new paragraph), and every heuristic walks the tree.
    /// Over it: [`Error::TooManyNodes`](crate::Error::TooManyNodes), checked
    /// after parsing and before any heuristic runs. Text input has no DOM
    /// and is not affected.
    pub max_nodes: usize,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn setters_set_one_field_each() {
        let l = Limits::default()
            .max_input_bytes(1)
            .max_nodes(2)
            .max_depth(3)
            .max_blocks(4);
        assert_eq!(
            (l.max_input_bytes, l.max_nodes, l.max_depth, l.max_blocks),
            (1, 2, 3, 4)
        );
        let d = Limits::default();
        assert_eq!(d.max_nodes, 4_000_000);
        assert_eq!(Limits::default().max_nodes(7).max_depth, d.max_depth);
    }
}
