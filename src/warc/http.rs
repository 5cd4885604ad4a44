//! The HTTP response inside a WARC `response` record: status, the headers
//! that matter, and the body with transfer and content encodings undone.

use std::borrow::Cow;
use std::io::Read;

/// Largest HTTP header block read.
const MAX_HTTP_HEAD: usize = 64 << 10;

pub(super) struct Response<'a> {
    pub status: u16,
    pub content_type: Option<String>,
    transfer_encoding: Option<String>,
    content_encoding: Option<String>,
    body: &'a [u8],
}

/// Parses an HTTP response; `Ok(None)` when the block is not one (then the
/// record holds no page).
pub(super) fn parse(block: &[u8]) -> Result<Option<Response<'_>>, String> {
    if !block.starts_with(b"HTTP/") {
        return Ok(None);
    }
    let window = &block[..block.len().min(MAX_HTTP_HEAD)];
    // The header block ends at the first empty line (CRLF or bare LF).
    let mut pos = 0;
    let mut lines: Vec<&[u8]> = Vec::new();
    let body_start = loop {
        let Some(nl) = memchr::memchr(b'\n', &window[pos..]) else {
            if block.len() > MAX_HTTP_HEAD {
                return Err(format!(
                    "HTTP headers are longer than {MAX_HTTP_HEAD} bytes"
                ));
            }
            // Headers without a body (the block ends in the headers).
            lines.push(&window[pos..]);
            break block.len();
        };
        let line = &window[pos..pos + nl];
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        pos += nl + 1;
        if line.is_empty() {
            break pos;
        }
        lines.push(line);
    };
    let status_line = String::from_utf8_lossy(lines.first().copied().unwrap_or_default());
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| {
            let shown: String = status_line.chars().take(40).collect();
            format!("bad HTTP status line {shown:?}")
        })?;
    let mut response = Response {
        status,
        content_type: None,
        transfer_encoding: None,
        content_encoding: None,
        body: &block[body_start..],
    };
    for line in lines.iter().skip(1) {
        let line = String::from_utf8_lossy(line);
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().to_owned();
        let name = name.trim();
        let slot = if name.eq_ignore_ascii_case("content-type") {
            &mut response.content_type
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            &mut response.transfer_encoding
        } else if name.eq_ignore_ascii_case("content-encoding") {
            &mut response.content_encoding
        } else {
            continue;
        };
        if slot.is_none() {
            *slot = Some(value);
        }
    }
    Ok(Some(response))
}

impl<'a> Response<'a> {
    /// The body with `chunked` transfer encoding and `gzip`/`deflate`
    /// content encoding undone, at most `limit` bytes once decoded.
    pub fn decoded_body(&self, limit: usize) -> Result<Cow<'a, [u8]>, String> {
        let mut body = Cow::Borrowed(self.body);
        if self
            .transfer_encoding
            .as_deref()
            .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"))
        {
            body = Cow::Owned(dechunk(self.body)?);
        }
        let encoding = self
            .content_encoding
            .as_deref()
            .map(|e| e.trim().to_ascii_lowercase())
            .unwrap_or_default();
        match encoding.as_str() {
            "" | "identity" => Ok(body),
            "gzip" | "x-gzip" => {
                let decoder = flate2::read::MultiGzDecoder::new(&body[..]);
                read_bounded(decoder, limit, "gzip")
                    .map(Cow::Owned)
                    .map_err(Bounded::into_message)
            }
            "deflate" => {
                // Servers send zlib-wrapped or raw deflate under this name.
                // A zlib body over the limit is not retried as raw deflate.
                match read_bounded(flate2::read::ZlibDecoder::new(&body[..]), limit, "deflate") {
                    Err(Bounded::Bad(_)) => read_bounded(
                        flate2::read::DeflateDecoder::new(&body[..]),
                        limit,
                        "deflate",
                    ),
                    other => other,
                }
                .map(Cow::Owned)
                .map_err(Bounded::into_message)
            }
            other => {
                let shown: String = other.chars().take(40).collect();
                Err(format!("unsupported HTTP Content-Encoding {shown:?}"))
            }
        }
    }
}

/// Why a compressed body could not be decoded.
enum Bounded {
    /// The data is not valid for the encoding.
    Bad(String),
    /// The data decodes to more than the limit.
    TooLarge(String),
}

impl Bounded {
    fn into_message(self) -> String {
        match self {
            Bounded::Bad(m) | Bounded::TooLarge(m) => m,
        }
    }
}

/// Decodes all of `reader`, holding at most `limit + 1` decoded bytes: a
/// body that decodes to more (a compression bomb) is an error, read no
/// further.
fn read_bounded(reader: impl Read, limit: usize, what: &str) -> Result<Vec<u8>, Bounded> {
    let mut out = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    reader
        .take(cap)
        .read_to_end(&mut out)
        .map_err(|e| Bounded::Bad(format!("bad {what} content encoding: {e}")))?;
    if out.len() > limit {
        return Err(Bounded::TooLarge(format!(
            "{what} content decodes to more than {limit} bytes"
        )));
    }
    Ok(out)
}

/// Undoes `Transfer-Encoding: chunked`. A body that ends early keeps what
/// it had (crawlers cut long bodies); a malformed size line is an error.
fn dechunk(mut body: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let Some(nl) = memchr::memchr(b'\n', body) else {
            return Ok(out);
        };
        let line = String::from_utf8_lossy(&body[..nl]);
        let size = line.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size, 16).map_err(|_| {
            let shown: String = size.chars().take(20).collect();
            format!("bad chunk size {shown:?} in a chunked HTTP body")
        })?;
        body = &body[nl + 1..];
        if size == 0 {
            return Ok(out);
        }
        let take = size.min(body.len());
        out.extend_from_slice(&body[..take]);
        body = &body[take..];
        body = body
            .strip_prefix(b"\r\n")
            .or_else(|| body.strip_prefix(b"\n"))
            .unwrap_or(body);
    }
}

/// True for the media types of HTML pages.
pub(super) fn is_html_type(content_type: &str) -> bool {
    let mime = content_type.split(';').next().unwrap_or_default().trim();
    mime.eq_ignore_ascii_case("text/html") || mime.eq_ignore_ascii_case("application/xhtml+xml")
}

/// The `charset` parameter of a Content-Type, without quotes.
pub(super) fn charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        (!value.is_empty()).then(|| value.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_and_type() {
        assert_eq!(
            charset("text/html; charset=\"ISO-8859-1\""),
            Some("ISO-8859-1".into())
        );
        assert_eq!(charset("text/html;charset=utf-8;q=1"), Some("utf-8".into()));
        assert_eq!(charset("text/html"), None);
        assert!(is_html_type("TEXT/HTML; charset=x"));
        assert!(is_html_type("application/xhtml+xml"));
        assert!(!is_html_type("text/plain"));
    }

    #[test]
    fn chunked_and_gzip_bodies() {
        assert_eq!(
            dechunk(b"5\r\nhello\r\n6;x=y\r\n world\r\n0\r\n\r\n").unwrap(),
            b"hello world"
        );
        assert_eq!(dechunk(b"5\r\nhel").unwrap(), b"hel");
        assert!(dechunk(b"zz\r\nhello").unwrap_err().contains("chunk size"));
        use std::io::Write as _;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"<p>zipped</p>").unwrap();
        let gz = enc.finish().unwrap();
        let mut block =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"
                .to_vec();
        block.extend_from_slice(&gz);
        let r = parse(&block).unwrap().unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(&r.decoded_body(1000).unwrap()[..], b"<p>zipped</p>");
        assert!(r.decoded_body(5).unwrap_err().contains("more than 5 bytes"));
        let block = b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxx";
        assert!(
            parse(block)
                .unwrap()
                .unwrap()
                .decoded_body(10)
                .unwrap_err()
                .contains("br")
        );
    }

    #[test]
    fn status_lines() {
        assert!(parse(b"not http").unwrap().is_none());
        assert!(parse(b"HTTP/1.1 OK\r\n\r\n").is_err());
        let r = parse(b"HTTP/1.0 404 Not Found\nContent-Type: text/html\n\nbody")
            .unwrap()
            .unwrap();
        assert_eq!((r.status, r.body), (404, &b"body"[..]));
    }
}
