//! Resource limits: every input gets an [`Article`](crate::Article) or a
//! typed error in bounded time and memory.

/// Bounds on the work one extraction may do.
///
/// | limit | default | over the limit |
/// |---|---|---|
/// | [`max_input_bytes`](Limits::max_input_bytes) | 64 MiB | [`Error::InputTooLarge`](crate::Error::InputTooLarge) |
/// | [`max_depth`](Limits::max_depth) | 512 | content deeper than this is read as flat text of its ancestor at that depth |
/// | [`max_blocks`](Limits::max_blocks) | 100 000 | later blocks are dropped, with a note in the [`Report`](crate::Report) |
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
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest input accepted, in bytes (before decoding). 64 MiB by default:
    /// larger than any real article page (the median is ~100 KB), small
    /// enough that a batch job on many cores stays within memory.
    pub max_input_bytes: usize,
    /// Deepest element nesting read as structure. 512 by default: real pages
    /// nest under 100; hostile ones nest 100 000 deep, and traversals stay
    /// iterative regardless.
    pub max_depth: usize,
    /// Most blocks kept from one input. 100 000 by default, about 100 times
    /// the longest real article.
    pub max_blocks: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 64 << 20,
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
