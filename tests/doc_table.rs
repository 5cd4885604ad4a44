//! The crate docs' table of built-in heuristics (in `src/lib.rs`) must list
//! exactly what `builtin_heuristics()` returns, in order, with the same stage
//! and description. When this fails, the message prints the rows to paste.

use copydesk::builtin_heuristics;

/// One table row as rendered in the crate docs (`<` escaped for rustdoc,
/// `|` escaped for Markdown tables).
fn row(name: &str, stage: &str, description: &str) -> String {
    let description = description.replace('<', "&lt;").replace('|', "\\|");
    format!("//! | `{name}` | {stage} | {description} |")
}

#[test]
fn crate_docs_list_every_builtin_heuristic() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/lib.rs");
    let lib = std::fs::read_to_string(path).expect("src/lib.rs is readable");
    let documented: Vec<&str> = lib
        .lines()
        .filter(|line| line.starts_with("//! | `") && line.contains('.'))
        .filter(|line| {
            // Only rows of the heuristics table: first cell is `stage.name`.
            let cell = line.trim_start_matches("//! | `");
            cell.split('`').next().is_some_and(|name| {
                name.contains('.')
                    && name
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '.' || c == '-')
            })
        })
        .collect();
    let expected: Vec<String> = builtin_heuristics()
        .into_iter()
        .map(|(name, stage, description)| row(name, stage.as_str(), description))
        .collect();
    assert!(!expected.is_empty(), "the built-in set is never empty");
    assert_eq!(
        documented,
        expected,
        "the Heuristics table in src/lib.rs is stale; replace its rows with:\n{}",
        expected.join("\n")
    );
}
