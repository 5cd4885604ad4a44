//! Golden tests for the Markdown, HTML and text renderers: each
//! `fixtures/render/<case>/article.json` is rendered and compared with
//! `expected.md`, `expected.html` and `expected.txt` next to it.
//!
//! `COPYDESK_BLESS=1 cargo test --test render` rewrites the expected files;
//! review them with `git diff fixtures/render/`.

use std::fs;
use std::path::{Path, PathBuf};

use copydesk::Article;

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/render");
    let mut dirs: Vec<PathBuf> = fs::read_dir(&root)
        .expect("fixtures/render exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("article.json").is_file())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 3, "render cases in {}", root.display());
    dirs
}

fn check(dir: &Path, file: &str, actual: &str, failures: &mut Vec<String>) {
    let path = dir.join(file);
    if std::env::var_os("COPYDESK_BLESS").is_some() {
        fs::write(&path, actual).expect("write expected file");
        return;
    }
    let expected = fs::read_to_string(&path).unwrap_or_default();
    if expected != actual {
        failures.push(format!(
            "{}:\n--- expected\n{expected}\n--- actual\n{actual}",
            path.display()
        ));
    }
}

#[test]
fn renderers_match_goldens() {
    let mut failures = Vec::new();
    for dir in cases() {
        let json = fs::read_to_string(dir.join("article.json")).expect("read article.json");
        let article: Article =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        check(&dir, "expected.md", &article.to_markdown(), &mut failures);
        check(&dir, "expected.html", &article.to_html(), &mut failures);
        check(&dir, "expected.txt", &article.to_text(), &mut failures);
    }
    assert!(
        failures.is_empty(),
        "{}\n\nIf the change is intended: COPYDESK_BLESS=1 cargo test --test render, then review git diff fixtures/render/",
        failures.join("\n\n")
    );
}

#[test]
fn text_is_headline_dek_and_body_text() {
    for dir in cases() {
        let json = fs::read_to_string(dir.join("article.json")).expect("read article.json");
        let a: Article = serde_json::from_str(&json).expect("article");
        let text = a.to_text();
        let body = a.body_text();
        assert!(text.trim_end().ends_with(body.trim()), "{}", dir.display());
        if let Some(h) = &a.headline {
            let first = h.split_whitespace().next().unwrap_or_default();
            assert!(text.starts_with(first), "{}", dir.display());
            assert!(!text.lines().next().unwrap_or_default().contains("  "));
        }
    }
}

/// The HTML renderer's safety promise, on every case: no script, style or
/// event attribute, and every link and image target absolute.
#[test]
fn html_is_safe_on_every_case() {
    for dir in cases() {
        let json = fs::read_to_string(dir.join("article.json")).expect("read article.json");
        let a: Article = serde_json::from_str(&json).expect("article");
        let html = a.to_html().to_lowercase();
        for banned in [
            "<script",
            "<style",
            "<iframe",
            " on",
            "javascript:",
            " style=",
        ] {
            let hits: Vec<&str> = html
                .lines()
                .filter(|l| l.contains(banned) && (banned != " on" || attr_like(l)))
                .collect();
            assert!(hits.is_empty(), "{}: {banned}: {hits:?}", dir.display());
        }
        let targets = |attr: &str| {
            html.split(attr)
                .skip(1)
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        for target in targets(" href=\"").iter().chain(&targets(" src=\"")) {
            assert!(
                target.starts_with("http://")
                    || target.starts_with("https://")
                    || target.starts_with("mailto:"),
                "{}: {target}",
                dir.display()
            );
        }
    }
}

/// An `on…=` attribute inside a tag (not the word "on" in text).
fn attr_like(line: &str) -> bool {
    line.split('<').skip(1).any(|tag| {
        let tag = tag.split('>').next().unwrap_or("");
        tag.split_whitespace()
            .skip(1)
            .any(|attr| attr.starts_with("on") && attr.contains('='))
    })
}
