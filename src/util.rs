//! Small string helpers shared by the pipeline and the renderers.

/// Every run of whitespace (line breaks included) as one space, none at
/// either end.
pub(crate) fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Han and kana: scripts written without spaces between words.
pub(crate) fn is_han_kana(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// Han, kana and hangul: scripts where word counts say little (hangul has
/// spaces, but short words).
pub(crate) fn is_cjk(c: char) -> bool {
    is_han_kana(c) || matches!(c, '\u{AC00}'..='\u{D7AF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_runs_become_one_space() {
        for (text, want) in [
            ("  a \n\t b  ", "a b"),
            ("a\u{a0}\u{3000}b", "a b"),
            ("", ""),
            (" \n ", ""),
            ("one", "one"),
        ] {
            assert_eq!(collapse_whitespace(text), want, "{text:?}");
        }
    }
}
