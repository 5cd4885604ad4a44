//! Input handling before the pipeline: the [`Input`] type, size limits,
//! charset decoding and HTML-vs-text detection.

mod decode;
mod sniff;

pub(crate) use decode::{check_charset, decode};
pub(crate) use sniff::looks_like_html;

/// What kind of input the caller says it is.
///
/// This is the caller's claim, [`Auto`](Kind::Auto) when it leaves the
/// choice to detection; [`InputKind`](crate::InputKind) is what the input
/// was taken for once detected (HTML or text, never "auto"), as the draft
/// and the report hold it. Two meanings, two types.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Kind {
    /// Detect HTML vs plain text from the content (the default).
    #[default]
    Auto,
    /// An HTML page.
    Html,
    /// A plain-text dump.
    Text,
}

impl std::str::FromStr for Kind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Ok(Kind::Auto),
            "html" | "htm" => Ok(Kind::Html),
            "text" | "txt" => Ok(Kind::Text),
            other => Err(format!(
                "unknown input kind `{other}` (expected auto, html or text)"
            )),
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Data<'a> {
    Str(&'a str),
    Bytes(&'a [u8]),
}

/// One input to extract: a string or bytes, with an optional kind hint,
/// URL and charset.
///
/// `&str`, `&String` and `&[u8]` convert into an `Input` with everything
/// else left to detection.
///
/// # Examples
///
/// ```
/// use copydesk::{Extractor, Input, Kind};
/// let extractor = Extractor::builder().build()?;
/// let page = "<html><head><title>Hi</title></head><body><p>Hello there, reader.</p></body></html>";
/// let article = extractor.extract(Input::new(page).kind(Kind::Html).url("https://example.com/a"))?;
/// assert_eq!(article.url.as_deref(), Some("https://example.com/a"));
/// # Ok::<(), copydesk::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub(crate) data: Data<'a>,
    pub(crate) kind: Kind,
    pub(crate) url: Option<&'a str>,
    pub(crate) charset: Option<&'a str>,
}

impl<'a> Input<'a> {
    /// Input from a decoded string.
    pub fn new(text: &'a str) -> Self {
        Input {
            data: Data::Str(text),
            kind: Kind::Auto,
            url: None,
            charset: None,
        }
    }

    /// Input from raw bytes, decoded by BOM, then the declared charset
    /// ([`charset`](Input::charset) or `<meta charset>`), then detection.
    ///
    /// One difference from browsers: when only `<meta>` declares a legacy
    /// charset and the bytes are valid UTF-8 with non-ASCII characters, they
    /// are read as UTF-8 (the page was re-saved without updating the tag). A
    /// charset given with [`charset`](Input::charset) is always obeyed.
    pub fn bytes(bytes: &'a [u8]) -> Self {
        Input {
            data: Data::Bytes(bytes),
            kind: Kind::Auto,
            url: None,
            charset: None,
        }
    }

    /// Says what kind of input this is, skipping detection.
    pub fn kind(mut self, kind: Kind) -> Self {
        self.kind = kind;
        self
    }

    /// The page's URL: used to resolve relative links and as a fallback
    /// canonical URL.
    pub fn url(mut self, url: &'a str) -> Self {
        self.url = Some(url);
        self
    }

    /// The charset declared by the transport (an HTTP `Content-Type`), for
    /// byte input. It wins over `<meta charset>`; a byte-order mark wins over it.
    ///
    /// The label is a WHATWG encoding label (`utf-8`, `latin1`,
    /// `Windows-1252`, `shift_jis`, …; any case). A label that names no
    /// encoding makes the extraction fail with
    /// [`Error::UnknownCharset`](crate::Error::UnknownCharset), for string
    /// input too, rather than being silently ignored.
    ///
    /// # Examples
    ///
    /// ```
    /// use copydesk::{Error, Extractor, Input};
    /// let extractor = Extractor::default();
    /// let page = b"<html><body><p>Caf\xe9 owners met on Monday to plan the summer market.</p></body></html>";
    /// let article = extractor.extract(Input::bytes(page).charset("latin1"))?;
    /// assert!(article.text.contains("Café"));
    /// let err = extractor.extract(Input::bytes(page).charset("latin-9000")).unwrap_err();
    /// assert!(matches!(err, Error::UnknownCharset(label) if label == "latin-9000"));
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    pub fn charset(mut self, charset: &'a str) -> Self {
        self.charset = Some(charset);
        self
    }

    /// Size of the input in bytes.
    pub fn len(&self) -> usize {
        match self.data {
            Data::Str(s) => s.len(),
            Data::Bytes(b) => b.len(),
        }
    }

    /// True when the input has no bytes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<'a> From<&'a str> for Input<'a> {
    fn from(s: &'a str) -> Self {
        Input::new(s)
    }
}

impl<'a> From<&'a String> for Input<'a> {
    fn from(s: &'a String) -> Self {
        Input::new(s)
    }
}

impl<'a> From<&'a [u8]> for Input<'a> {
    fn from(b: &'a [u8]) -> Self {
        Input::bytes(b)
    }
}

impl<'a> From<&'a Vec<u8>> for Input<'a> {
    fn from(b: &'a Vec<u8>) -> Self {
        Input::bytes(b)
    }
}
