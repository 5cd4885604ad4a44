//! Bytes to text, in the WHATWG order: byte-order mark, then the charset the
//! caller declared, then a `<meta>` prescan, then UTF-8 if valid, then a
//! statistical guess (chardetng).
//!
//! One deliberate difference from browsers: when `<meta>` declares a legacy
//! charset but the bytes are valid UTF-8 containing non-ASCII sequences, the
//! bytes win (the page was re-saved as UTF-8). A charset the *caller*
//! declares is always obeyed.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};
use once_cell::sync::Lazy;
use regex::bytes::Regex;

use crate::error::{Error, Result};

/// `<meta charset=…>` or `<meta http-equiv=Content-Type content="…; charset=…">`.
static META_CHARSET: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r#"(?i-u)<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-z0-9_\-:.]{1,40})"#)
        .expect("META_CHARSET")
});

/// How many bytes the `<meta>` prescan looks at (the HTML standard says 1024;
/// real pages put long `<head>`s first, so we look further).
const PRESCAN_BYTES: usize = 4096;
/// How many bytes the binary check looks at.
const SNIFF_BYTES: usize = 8192;

/// The encoding a caller's charset label names (WHATWG labels, any case,
/// surrounding whitespace ignored); an unknown label is an error rather
/// than silently ignored.
pub(crate) fn check_charset(label: &str) -> Result<()> {
    match Encoding::for_label(label.trim().as_bytes()) {
        Some(_) => Ok(()),
        None => Err(Error::UnknownCharset(label.to_owned())),
    }
}

/// Decodes `bytes` to a string. `declared` is the caller's charset label.
pub(crate) fn decode(bytes: &[u8], declared: Option<&str>) -> Result<String> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(decode_with(enc, &bytes[bom_len..]));
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return Ok(decode_with(enc, bytes));
    }
    check_not_binary(bytes)?;
    if let Some(enc) = declared.and_then(|l| Encoding::for_label(l.trim().as_bytes())) {
        return Ok(decode_with(ascii_compatible(enc), bytes));
    }
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    if let Some(enc) = META_CHARSET
        .captures(head)
        .and_then(|c| Encoding::for_label(&c[1]))
    {
        // A page whose `<meta>` names a legacy charset but whose bytes are
        // valid UTF-8 with multi-byte sequences was re-saved as UTF-8 without
        // updating the tag (common for archived pages). Browsers trust the
        // tag; we trust the bytes: legacy-encoded text with non-ASCII bytes
        // is almost never valid UTF-8 by accident.
        if enc != UTF_8 && !bytes.is_ascii() {
            if let Ok(s) = std::str::from_utf8(bytes) {
                return Ok(s.to_owned());
            }
        }
        // A page that says it is UTF-16 but reached here has no UTF-16 shape.
        return Ok(decode_with(ascii_compatible(enc), bytes));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_owned());
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    Ok(decode_with(
        detector.guess(None, chardetng::Utf8Detection::Allow),
        bytes,
    ))
}

fn ascii_compatible(enc: &'static Encoding) -> &'static Encoding {
    if enc == UTF_16LE || enc == UTF_16BE {
        UTF_8
    } else {
        enc
    }
}

fn decode_with(enc: &'static Encoding, bytes: &[u8]) -> String {
    let (text, _) = enc.decode_without_bom_handling(bytes);
    text.into_owned()
}

/// UTF-16 text without a BOM: ASCII characters (markup, digits, spaces)
/// leave a zero byte in every other position, and the other position is
/// almost never zero. Non-Latin text (Cyrillic is `04 xx`) lowers the share
/// of zeros, so the bar is low and the guess is confirmed by decoding: no
/// unpaired surrogates and few control characters.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let even_zero = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let enc = if odd_zero * 5 >= pairs && even_zero * 50 < pairs {
        UTF_16LE
    } else if even_zero * 5 >= pairs && odd_zero * 50 < pairs {
        UTF_16BE
    } else {
        return None;
    };
    let (text, had_errors) = enc
        .decode_without_bom_handling_and_without_replacement(head)
        .map_or((std::borrow::Cow::Borrowed(""), true), |t| (t, false));
    if had_errors {
        // The head may end inside a surrogate pair; judge what decoded.
        let (lossy, _) = enc.decode_without_bom_handling(head);
        let bad = lossy.chars().filter(|&c| c == '\u{fffd}').count();
        if bad > 1 {
            return None;
        }
        return plausible_text(&lossy).then_some(enc);
    }
    plausible_text(&text).then_some(enc)
}

/// Decoded text with few control characters.
fn plausible_text(text: &str) -> bool {
    let total = text.chars().count().max(1);
    let control = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
        .count();
    control * 20 < total
}

/// Rejects data that is clearly not text: many control bytes at the start.
fn check_not_binary(bytes: &[u8]) -> Result<()> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.is_empty() {
        return Ok(());
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    // Scraped text has the odd stray control byte; binary formats have many.
    if control * 100 > head.len() * 10 {
        return Err(Error::NotText {
            reason: format!(
                "{}% of the first {} bytes are control characters",
                control * 100 / head.len(),
                head.len()
            ),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_table() {
        for hit in [
            &b"<meta charset=\"windows-1252\">"[..],
            b"<META http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">",
            b"<meta charset=utf-8 />",
        ] {
            assert!(
                META_CHARSET.is_match(hit),
                "{}",
                String::from_utf8_lossy(hit)
            );
        }
        assert!(!META_CHARSET.is_match(b"<p>charset=latin1</p>"));
    }

    #[test]
    fn decodes_bom_meta_and_detection() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi", None).unwrap(), "hi");
        let latin = b"<meta charset=\"windows-1252\"><p>caf\xe9</p>";
        assert!(decode(latin, None).unwrap().contains("café"));
        assert!(
            decode(b"caf\xe9 au lait", Some("iso-8859-1"))
                .unwrap()
                .contains("café")
        );
        let utf16: Vec<u8> = "hello world"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(decode(&utf16, None).unwrap(), "hello world");
    }

    #[test]
    fn rejects_binary() {
        let bin: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 32) as u8).collect();
        assert!(matches!(decode(&bin, None), Err(Error::NotText { .. })));
    }
}
