//! HTML or plain text?

use once_cell::sync::Lazy;
use regex::Regex;

/// Tags that only markup has; three of them make a document HTML.
static MARKUP_TAG: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)</?(?:p|div|span|a|br|h[1-6]|li|ul|ol|article|section|table|img|meta|script|body|head|title)\b[^<>]{0,500}>")
        .expect("MARKUP_TAG")
});

/// How much of the input detection looks at.
const SNIFF_CHARS: usize = 16 * 1024;

/// True when the input looks like an HTML document or fragment.
pub(crate) fn looks_like_html(text: &str) -> bool {
    let end = crate::base::floor_char_boundary(text, SNIFF_CHARS);
    let head = text[..end].trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let lower: String = head
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    if lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || lower.starts_with("<?xml")
        || lower.starts_with("<head")
        || lower.starts_with("<body")
        || lower.starts_with("<!--")
    {
        return true;
    }
    MARKUP_TAG.find_iter(head).take(3).count() >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_tag_table() {
        for hit in ["<p>", "</div>", "<a href=\"x\">", "<BR/>", "<h2 class=x>"] {
            assert!(MARKUP_TAG.is_match(hit), "{hit}");
        }
        for miss in ["<3 you", "a < b > c", "<pretend>"] {
            assert!(!MARKUP_TAG.is_match(miss), "{miss}");
        }
    }

    #[test]
    fn detects_documents_and_text() {
        assert!(looks_like_html("<!DOCTYPE html><html></html>"));
        assert!(looks_like_html("  <div><p>One</p><p>Two</p></div>"));
        assert!(!looks_like_html(
            "Headline\n\nA story about <b>bold</b> claims."
        ));
        assert!(!looks_like_html("If a < b and c > d, then what?"));
    }
}
