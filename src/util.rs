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
