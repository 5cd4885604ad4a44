//! Who a quotation is from, as a page prints it next to the quotation: an
//! attribution after a dash ("— Jane Doe, harbour master") or a caption
//! that names the source. The segment stage (a pull quote that repeats the
//! body, whose credit line follows it) and the label stage (block and pull
//! quotes) read the same lines the same way.

use once_cell::sync::Lazy;
use regex::Regex;

use crate::base::words::words;

/// A line that is only an attribution: "— Jane Doe, harbour master".
static DASH_LINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:[—–]{1,2}|--)\s*(\p{Lu}[\p{L}\p{N}.'’ ,&-]{1,80})$").expect("DASH_LINE")
});

/// Longest source line, in characters.
const LINE: usize = 100;

/// An attribution names someone: at most eight words, not a clause that
/// starts with a pronoun or an article ("He added", "The vote").
pub(crate) fn plausible(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or("");
    words(name) <= 8
        && !matches!(
            first,
            "He" | "She" | "They" | "It" | "We" | "I" | "You" | "This" | "That" | "The"
        )
}

/// The name a source line gives: a dash line ("— Jane Doe"), or, when
/// `caption` (the line captions the quotation, as a `<figcaption>` or a
/// credit element does), the line itself with or without the dash. `None`
/// when the line is long or names no one plausible.
pub(crate) fn source_line(text: &str, caption: bool) -> Option<String> {
    let text = text.trim();
    if text.chars().count() > LINE {
        return None;
    }
    let name = match DASH_LINE.captures(text) {
        Some(c) => c[1].trim().to_owned(),
        None if caption => text.trim_start_matches(['—', '–', '-']).trim().to_owned(),
        None => return None,
    };
    let capital = name.chars().next().is_some_and(char::is_uppercase);
    (capital && plausible(&name)).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_line_table() {
        for (line, caption, want) in [
            (
                "— Ines Marlow, harbour master",
                false,
                Some("Ines Marlow, harbour master"),
            ),
            ("–– Regional Police", false, Some("Regional Police")),
            (
                "-- District report, January 2026",
                false,
                Some("District report, January 2026"),
            ),
            (
                "Ines Marlow, harbour master",
                true,
                Some("Ines Marlow, harbour master"),
            ),
            // Without a dash only a caption names the source.
            ("Ines Marlow, harbour master", false, None),
            ("— He added nothing more", false, None),
            ("— lower-case words are a clause", false, None),
            (
                "— One two three four five six seven eight nine ten",
                false,
                None,
            ),
        ] {
            assert_eq!(source_line(line, caption).as_deref(), want, "{line}");
        }
        assert!(plausible("Ana Ruiz, mayor of Valdo"));
        assert!(!plausible("He added"));
    }
}
