//! The CLI's `--comments` and `--favor` flags on `extract` and `batch`:
//! the output equals the library's with the same builder settings.
#![cfg(feature = "cli")]

use std::fs;
use std::process::{Command, Output, Stdio};

use copydesk::{Article, Extractor, Favor, Input, Kind};
use serde_json::Value;

fn copydesk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run copydesk")
}

fn fixture(slug: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/comments")
        .join(slug)
        .join("input.html")
}

fn library(path: &std::path::Path, comments: bool, favor: Favor) -> Article {
    let bytes = fs::read(path).expect("read");
    Extractor::builder()
        .comments(comments)
        .favor(favor)
        .build()
        .expect("builds")
        .extract(Input::bytes(&bytes).kind(Kind::Html))
        .expect("extracts")
}

fn article_of(o: &Output) -> Article {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("JSON article")
}

#[test]
fn extract_comments_flag() {
    let page = fixture("wordpress-comment-list");
    let p = page.to_str().expect("utf-8 path");
    let with = article_of(&copydesk(&["extract", p, "--kind", "html", "--comments"]));
    assert_eq!(with, library(&page, true, Favor::Balanced));
    assert_eq!(with.comments.as_ref().map(Vec::len), Some(3));
    let o = copydesk(&["extract", p, "--kind", "html"]);
    let v: Value = serde_json::from_slice(&o.stdout).expect("json");
    assert!(v.get("comments").is_none(), "absent without --comments");
}

#[test]
fn extract_favor_flag() {
    let page = fixture("news-comment-widget");
    let p = page.to_str().expect("utf-8 path");
    for (name, favor) in [
        ("precision", Favor::Precision),
        ("balanced", Favor::Balanced),
        ("recall", Favor::Recall),
    ] {
        let got = article_of(&copydesk(&[
            "extract", p, "--kind", "html", "--favor", name,
        ]));
        assert_eq!(got, library(&page, false, favor), "--favor {name}");
    }
    let o = copydesk(&["extract", p, "--favor", "most"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--favor"));
}

#[test]
fn batch_takes_both_flags() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::copy(
        fixture("microdata-blog-comments"),
        dir.path().join("a.html"),
    )
    .expect("copy");
    fs::copy(fixture("wordpress-comment-list"), dir.path().join("b.html")).expect("copy");
    let o = copydesk(&[
        "batch",
        dir.path().to_str().expect("utf-8 path"),
        "--comments",
        "--favor",
        "precision",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let lines: Vec<Value> = String::from_utf8(o.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), 2);
    for (line, name) in lines.iter().zip(["a.html", "b.html"]) {
        assert_eq!(line["source"], name);
        let got: Article = serde_json::from_value(line["article"].clone()).expect("article");
        let want = library(&dir.path().join(name), true, Favor::Precision);
        assert_eq!(got, want, "{name}");
        assert!(got.comments.as_ref().is_some_and(|c| !c.is_empty()));
    }
}
