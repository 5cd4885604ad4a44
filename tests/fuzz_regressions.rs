//! Replays every input in `fixtures/fuzz/` — crash inputs found by the fuzz
//! targets (after minimising) and hand-made inputs of shapes that stress the
//! parser or the pipeline — through every entry point, with the invariants
//! the fuzz targets check (`fuzz/fuzz_targets/check.rs`): an `Article` or a
//! typed error, never a panic; JSON round-trips deterministically; `text` is
//! the section body. Some inputs also pin what must survive.

use std::path::{Path, PathBuf};

use copydesk::{Article, Error, Input, Kind};

/// Text that must be in the body when the file is read with auto detection.
const MUST_KEEP: &[(&str, &str)] = &[
    (
        "nesting-over-limit.html",
        "Deep text survives: the council met on Tuesday",
    ),
    ("stray-end-tags.html", "Body after stray end tags."),
    ("utf16le-no-bom.bin", "Grüße aus Köln, sagte sie."),
    ("broken-jsonld.html", "Body."),
    ("nul-in-text.txt", "paragraph with NUL bytes."),
];

fn inputs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/fuzz");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures/fuzz exists")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

fn check(name: &str, how: &str, result: Result<Article, Error>) -> Option<Article> {
    match result {
        Ok(article) => {
            let json = serde_json::to_string(&article).expect("serialises");
            let back: Article = serde_json::from_str(&json).expect("reads back");
            assert_eq!(back, article, "{name} ({how}): JSON round trip");
            assert_eq!(serde_json::to_string(&back).expect("serialises"), json);
            assert_eq!(article.text, article.body_text(), "{name} ({how})");
            Some(article)
        }
        Err(e) => {
            assert!(!e.to_string().is_empty(), "{name} ({how}): empty message");
            None
        }
    }
}

#[test]
fn every_recorded_input_gives_an_article_or_a_typed_error() {
    let files = inputs();
    assert!(files.len() >= MUST_KEEP.len(), "fixtures/fuzz is populated");
    for path in &files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("file name");
        let bytes = std::fs::read(path).expect("readable");
        let auto = check(name, "bytes", copydesk::extract_bytes(&bytes));
        for kind in [Kind::Html, Kind::Text] {
            let input = Input::bytes(&bytes).kind(kind);
            check(
                name,
                &format!("{kind:?}"),
                copydesk::Extractor::default().extract(input),
            );
        }
        if let Some((_, keep)) = MUST_KEEP.iter().find(|(file, _)| *file == name) {
            let article = auto.unwrap_or_else(|| panic!("{name}: expected an Article"));
            assert!(article.text.contains(keep), "{name}: {:?}", article.text);
        }
    }
}

#[test]
fn every_pinned_input_exists() {
    let files = inputs();
    for (file, _) in MUST_KEEP {
        assert!(
            files.iter().any(|p| p.ends_with(file)),
            "fixtures/fuzz/{file} is missing"
        );
    }
}
