//! Streaming WARC input (feature `warc`): read the records of a WARC file —
//! plain, or gzip with one member per record as Common Crawl writes them —
//! and turn the ones that hold a page into an [`Input`].
//!
//! - `response` records whose HTTP `Content-Type` is HTML (`text/html`,
//!   `application/xhtml+xml`) and whose status is 2xx give an HTML page,
//!   with the charset of the HTTP header as the transport charset (the page's
//!   `<meta>` and detection come after it, as for [`Input::charset`]);
//!   `Transfer-Encoding: chunked` and `Content-Encoding: gzip`/`deflate`
//!   are undone.
//! - `conversion` records (WET files) give plain text.
//! - Every other record (`warcinfo`, `request`, `metadata`, `revisit`,
//!   images, redirects) is read past.
//!
//! Memory is bounded: one record at a time, a record larger than
//! [`WarcReader::max_record_bytes`] is skipped without being held, header
//! blocks are at most 64 KiB, a compressed HTTP body is decoded up to
//! [`MAX_DECODED_BODY_BYTES`] (or the bound given to
//! [`Record::page_with_limit`]). A truncated or corrupt file ends the
//! iteration with an [`Error`] naming the offset where the bad record
//! starts; the records before it were already returned.
//!
//! Offsets are those of the file: for gzip files the offset of the gzip
//! member in which the record starts (the `offset` of a Common Crawl index
//! entry), for plain files the record's first byte. An [`Error`]'s offset is
//! where the bad record starts, or the bad gzip member when the gzip data
//! itself is broken (see [`Error::offset`]).
//!
//! # Examples
//!
//! ```
//! use copydesk::warc::WarcReader;
//!
//! let page = "<html><body><article><p>The ferry returned to the harbour on Monday morning.</p></article></body></html>";
//! let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{page}");
//! let warc = format!(
//!     "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/ferry\r\n\
//!      Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
//!     http.len()
//! );
//! let extractor = copydesk::Extractor::default();
//! for record in WarcReader::new(warc.as_bytes()) {
//!     let record = record?;
//!     if let Some(page) = record.page()? {
//!         let article = extractor.extract(page.input())?;
//!         assert!(article.text.starts_with("The ferry returned"));
//!         assert_eq!(article.url.as_deref(), Some("https://news.example/ferry"));
//!     }
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod http;
mod reader;

use std::borrow::Cow;

pub use reader::WarcReader;

use crate::input::{Input, Kind};

/// The default bound on a decompressed HTTP body in [`Record::page`]: 64 MiB,
/// the default [`Limits::max_input_bytes`](crate::Limits::max_input_bytes).
pub const MAX_DECODED_BODY_BYTES: usize = 64 << 20;

/// A WARC reading error: where it happened and what was wrong.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// Byte offset in the file where the bad part starts, so that a reader
    /// can seek there (or cut the file there) to look at it:
    ///
    /// - a record that is truncated, malformed or not a WARC record at all
    ///   (garbage): the offset of that record's first byte, after the blank
    ///   lines that end the record before it — for gzip files the offset of
    ///   the gzip member in which the record starts (what a Common Crawl
    ///   index gives);
    /// - gzip data that cannot be decoded (a corrupt or truncated member):
    ///   the offset of that gzip member's first byte;
    /// - [`Record::page`] errors (an oversized block, a broken HTTP body):
    ///   the record's [`offset`](Record::offset).
    pub offset: u64,
    /// What was wrong, e.g. "truncated record: 120 of 2048 content bytes".
    pub message: String,
}

impl Error {
    pub(crate) fn new(offset: u64, message: impl Into<String>) -> Error {
        Error {
            offset,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "at offset {}: {}", self.offset, self.message)
    }
}

impl std::error::Error for Error {}

/// One WARC record: its named headers, all headers, and its content block.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Offset of the record in the file (for gzip files: of its gzip member).
    pub offset: u64,
    /// The version line, e.g. `WARC/1.0`.
    pub version: String,
    /// `WARC-Type` (`response`, `conversion`, `request`, ...), empty when missing.
    pub record_type: String,
    /// `WARC-Target-URI`.
    pub target_uri: Option<String>,
    /// `WARC-Record-ID`, e.g. `<urn:uuid:...>`.
    pub record_id: Option<String>,
    /// `WARC-Date`.
    pub date: Option<String>,
    /// `Content-Type` of the block, e.g. `application/http; msgtype=response`.
    pub content_type: Option<String>,
    /// Every header in file order, names as written.
    pub headers: Vec<(String, String)>,
    /// `Content-Length`: the block's size in the file.
    pub content_length: u64,
    /// The content block; empty when [`body_skipped`](Record::body_skipped).
    pub body: Vec<u8>,
    /// True when the block was larger than the reader's
    /// [`max_record_bytes`](WarcReader::max_record_bytes) and was read past
    /// unkept.
    pub body_skipped: bool,
}

impl Record {
    /// The value of the first header named `name` (ASCII case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The page this record holds, if it holds one: `Ok(None)` for records
    /// that are not pages (see the [module docs](self)), an [`Error`] at the
    /// record's offset when it should hold one but cannot be read (an
    /// oversized block, a broken HTTP message or content encoding).
    ///
    /// A compressed HTTP body (`Content-Encoding: gzip`/`deflate`) is
    /// decoded up to [`MAX_DECODED_BODY_BYTES`] (64 MiB, the extractor's
    /// default input limit); a body that decodes to more (a gzip bomb) is an
    /// [`Error`], with no more than the limit ever held in memory. Use
    /// [`page_with_limit`](Record::page_with_limit) to set the bound, e.g. to
    /// the [`Limits::max_input_bytes`](crate::Limits::max_input_bytes) of the
    /// extractor the page goes to.
    pub fn page(&self) -> Result<Option<Page<'_>>, Error> {
        self.page_with_limit(MAX_DECODED_BODY_BYTES)
    }

    /// [`page`](Record::page) with the bound on a decoded (decompressed)
    /// HTTP body set to `max_body_bytes` instead of
    /// [`MAX_DECODED_BODY_BYTES`].
    pub fn page_with_limit(&self, max_body_bytes: usize) -> Result<Option<Page<'_>>, Error> {
        let fail = |message: String| Error::new(self.offset, message);
        let is_type = |t: &str| self.record_type.eq_ignore_ascii_case(t);
        if is_type("conversion") {
            if self.body_skipped {
                return Err(fail(self.skipped_message()));
            }
            return Ok(Some(Page {
                body: Cow::Borrowed(&self.body),
                kind: Kind::Text,
                charset: Some("utf-8".to_owned()),
                url: self.target_uri.as_deref(),
            }));
        }
        if !is_type("response") {
            return Ok(None);
        }
        let is_http = self
            .content_type
            .as_deref()
            .is_none_or(|ct| ct.to_ascii_lowercase().starts_with("application/http"));
        if !is_http {
            return Ok(None);
        }
        if self.body_skipped {
            // Only an HTML response is worth a line; the header says if it was.
            let html = self
                .header("WARC-Identified-Payload-Type")
                .is_some_and(http::is_html_type);
            return if html {
                Err(fail(self.skipped_message()))
            } else {
                Ok(None)
            };
        }
        let Some(response) = http::parse(&self.body).map_err(&fail)? else {
            return Ok(None);
        };
        let html = match response.content_type.as_deref() {
            Some(ct) => http::is_html_type(ct),
            None => self
                .header("WARC-Identified-Payload-Type")
                .is_some_and(http::is_html_type),
        };
        if !html || !(200..300).contains(&response.status) {
            return Ok(None);
        }
        let body = response.decoded_body(max_body_bytes).map_err(&fail)?;
        Ok(Some(Page {
            body,
            kind: Kind::Html,
            charset: response.content_type.as_deref().and_then(http::charset),
            url: self.target_uri.as_deref(),
        }))
    }

    fn skipped_message(&self) -> String {
        format!(
            "record content is {} bytes, over the reader's limit (not read)",
            self.content_length
        )
    }
}

/// A page held by a [`Record`]: the payload, its kind, the transport
/// charset and the URL.
#[non_exhaustive]
#[derive(Debug, Clone)]
pub struct Page<'a> {
    /// The payload: the HTTP body (de-chunked and decompressed when the
    /// response said so), or the WET text.
    pub body: Cow<'a, [u8]>,
    /// [`Kind::Html`] for responses, [`Kind::Text`] for WET conversions.
    pub kind: Kind,
    /// The charset of the HTTP `Content-Type`, if it named one.
    pub charset: Option<String>,
    /// The record's `WARC-Target-URI`.
    pub url: Option<&'a str>,
}

impl Page<'_> {
    /// The [`Input`] to extract: bytes, kind, charset and URL.
    pub fn input(&self) -> Input<'_> {
        let mut input = Input::bytes(&self.body).kind(self.kind);
        if let Some(charset) = &self.charset {
            input = input.charset(charset);
        }
        if let Some(url) = self.url {
            input = input.url(url);
        }
        input
    }
}
