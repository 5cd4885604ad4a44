//! Runs the built `copydesk` binary on files made here and checks the CLI
//! contract: formats, kinds, gzip, stdin, batch JSON Lines, exit codes and
//! error messages. Output is compared with the library's, never with
//! hand-written expectations of extraction quality.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use copydesk::{Article, Extractor, Input, Kind, Limits};
use serde_json::Value;

const STORY: &str = "Harbour Ferries Resume Service\n\n\
    Ferries returned to the harbour on Monday after a week of storms kept them in port.\n\n\
    \"We are glad to be back,\" said Maria Lopez, a captain.\n";

const PAGE: &str = "<!doctype html><html><head><title>Market Hall Reopens</title></head>\
    <body><article><h1>Market Hall Reopens</h1>\
    <p>The market hall opened again on Saturday after two years of repairs.</p>\
    <h2>Stalls</h2><p>Forty stalls are back, and twelve are new.</p></article></body></html>";

fn copydesk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run copydesk")
}

fn copydesk_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn copydesk");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin)
        .expect("write stdin");
    child.wait_with_output().expect("wait for copydesk")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).expect("gzip");
    enc.finish().expect("gzip")
}

fn library(bytes: &[u8], kind: Kind) -> Article {
    Extractor::default()
        .extract(Input::bytes(bytes).kind(kind))
        .expect("library extracts")
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

/// A one-line message naming the file, with no panic or backtrace.
fn assert_one_line_error(o: &Output, file: &str, reason: &str) {
    let err = stderr(o);
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(err.contains(file), "names {file}: {err}");
    assert!(err.contains(reason), "says `{reason}`: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(o.stdout.is_empty(), "nothing on stdout when failing");
}

#[test]
fn extract_prints_pretty_json_of_the_library_article() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("story.txt");
    fs::write(&file, STORY).unwrap();
    let o = copydesk(&["extract", path_str(&file)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("{\n  \"schema_version\""),
        "pretty JSON: {out}"
    );
    let article: Article = serde_json::from_str(&out).unwrap();
    assert_eq!(article, library(STORY.as_bytes(), Kind::Auto));
    let v: Value = serde_json::from_str(&out).unwrap();
    for key in [
        "headline", "dek", "lede", "byline", "sections", "quotes", "text",
    ] {
        assert!(v.get(key).is_some(), "{key} is always present");
    }
}

#[test]
fn extract_formats_match_the_renderers() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("page.html");
    fs::write(&file, PAGE).unwrap();
    let article = library(PAGE.as_bytes(), Kind::Auto);
    let md = copydesk(&["extract", path_str(&file), "--format", "markdown"]);
    assert!(md.status.success(), "{}", stderr(&md));
    assert_eq!(stdout(&md), article.to_markdown());
    let text = copydesk(&["extract", path_str(&file), "--format", "text"]);
    assert!(text.status.success(), "{}", stderr(&text));
    assert_eq!(stdout(&text), article.to_text());
}

#[test]
fn extract_kind_and_url_reach_the_extractor() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("page.html");
    fs::write(&file, PAGE).unwrap();
    for (flag, kind) in [
        ("html", Kind::Html),
        ("text", Kind::Text),
        ("auto", Kind::Auto),
    ] {
        let o = copydesk(&["extract", path_str(&file), "--kind", flag]);
        assert!(o.status.success(), "{flag}: {}", stderr(&o));
        let got: Article = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(got, library(PAGE.as_bytes(), kind), "--kind {flag}");
    }
    let url = "https://news.example/2025/market-hall";
    let o = copydesk(&["extract", path_str(&file), "--url", url]);
    let got: Article = serde_json::from_slice(&o.stdout).unwrap();
    let want = Extractor::default()
        .extract(Input::bytes(PAGE.as_bytes()).url(url))
        .unwrap();
    assert_eq!(got, want);
    assert!(
        got.url.is_some(),
        "the URL is at least the fallback canonical URL"
    );
}

#[test]
fn extract_reads_gzip_and_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("story.txt");
    let gz = dir.path().join("story.txt.gz");
    fs::write(&plain, STORY).unwrap();
    fs::write(&gz, gzip(STORY.as_bytes())).unwrap();
    let want = stdout(&copydesk(&["extract", path_str(&plain)]));
    let from_gz = copydesk(&["extract", path_str(&gz)]);
    assert!(from_gz.status.success(), "{}", stderr(&from_gz));
    assert_eq!(stdout(&from_gz), want);
    let dash = copydesk_stdin(&["extract", "-"], STORY.as_bytes());
    assert!(dash.status.success(), "{}", stderr(&dash));
    assert_eq!(stdout(&dash), want);
    let bare = copydesk_stdin(&["extract", "--format", "text"], &gzip(STORY.as_bytes()));
    assert!(bare.status.success(), "{}", stderr(&bare));
    assert_eq!(
        stdout(&bare),
        library(STORY.as_bytes(), Kind::Auto).to_text()
    );
}

#[test]
fn extract_decodes_bytes_by_declared_charset() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("latin1.html");
    let page = b"<html><head><meta charset=\"windows-1252\"><title>Caf\xe9</title></head>\
        <body><p>The caf\xe9 on the square reopened on Monday morning.</p></body></html>";
    fs::write(&file, page).unwrap();
    let o = copydesk(&["extract", path_str(&file), "--format", "text"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("café"), "{}", stdout(&o));
}

#[test]
fn extract_errors_are_one_line_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, "  \n").unwrap();
    let binary = dir.path().join("image.html");
    fs::write(
        &binary,
        (0..4096u32).map(|i| (i % 7) as u8).collect::<Vec<_>>(),
    )
    .unwrap();
    let big = dir.path().join("big.txt");
    fs::write(&big, STORY).unwrap();
    let bad_gz = dir.path().join("broken.txt.gz");
    let mut truncated = gzip(STORY.as_bytes());
    truncated.truncate(truncated.len() / 2);
    fs::write(&bad_gz, truncated).unwrap();
    let missing = dir.path().join("missing.txt");
    let folder = dir.path().join("folder.html");
    fs::create_dir(&folder).unwrap();
    let cases: [(&Path, &[&str], &str); 6] = [
        (&folder, &[], "is a directory"),
        (&empty, &[], "empty"),
        (&binary, &[], "not text"),
        (&big, &["--max-input-bytes", "20"], "size limit"),
        (&bad_gz, &[], "gzip"),
        (&missing, &[], "no such file"),
    ];
    for (file, extra, reason) in cases {
        let mut args = vec!["extract", path_str(file)];
        args.extend_from_slice(extra);
        let o = copydesk(&args);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        assert_one_line_error(&o, path_str(file), reason);
    }
}

#[test]
fn gzip_bombs_stop_at_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bomb.txt.gz");
    fs::write(&file, gzip(&vec![b'a'; 4 << 20])).unwrap();
    let o = copydesk(&["extract", path_str(&file), "--max-input-bytes", "100000"]);
    assert_eq!(o.status.code(), Some(1));
    assert_one_line_error(&o, "bomb.txt.gz", "size limit");
}

#[test]
fn disable_takes_heuristic_names() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("story.txt");
    fs::write(&file, STORY).unwrap();
    let (name, ..) = copydesk::builtin_heuristics()[0];
    let o = copydesk(&["extract", path_str(&file), "--disable", name]);
    assert!(o.status.success(), "{}", stderr(&o));
    let got: Article = serde_json::from_slice(&o.stdout).unwrap();
    let want = Extractor::builder()
        .disable(name)
        .build()
        .unwrap()
        .extract(Input::bytes(STORY.as_bytes()))
        .unwrap();
    assert_eq!(got, want);
    let o = copydesk(&["extract", path_str(&file), "--disable", "no.such-heuristic"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown heuristic `no.such-heuristic`"));
}

/// A corpus folder: nested files, a file to skip, one that fails.
fn batch_dir(root: &Path, with_failure: bool) {
    fs::create_dir_all(root.join("b/deeper")).unwrap();
    fs::write(root.join("a.txt"), STORY).unwrap();
    fs::write(root.join("b/page.HTML"), PAGE).unwrap();
    fs::write(root.join("b/deeper/z.htm.gz"), gzip(PAGE.as_bytes())).unwrap();
    fs::write(root.join("c.txt.gz"), gzip(STORY.as_bytes())).unwrap();
    fs::write(root.join("notes.md"), "not an input").unwrap();
    fs::write(root.join("data.json"), "{}").unwrap();
    if with_failure {
        fs::write(root.join("b/empty.html"), "").unwrap();
    }
}

fn jsonl(s: &str) -> Vec<Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn sources(lines: &[Value]) -> Vec<String> {
    lines
        .iter()
        .map(|v| v["source"].as_str().expect("source").to_owned())
        .collect()
}

#[test]
fn batch_writes_sorted_relative_jsonl_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    batch_dir(&corpus, false);
    let single = dir.path().join("single.txt");
    fs::write(&single, STORY).unwrap();
    let o = copydesk(&["batch", path_str(&single), path_str(&corpus)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines = jsonl(&stdout(&o));
    assert_eq!(
        sources(&lines),
        [
            path_str(&single),
            "a.txt",
            "b/deeper/z.htm.gz",
            "b/page.HTML",
            "c.txt.gz"
        ]
    );
    for line in &lines {
        let obj = line.as_object().unwrap();
        assert_eq!(obj.len(), 2, "source + article: {line}");
        let article: Article = serde_json::from_value(line["article"].clone()).unwrap();
        assert_eq!(article.schema_version, copydesk::SCHEMA_VERSION);
    }
    let z: Article = serde_json::from_value(lines[2]["article"].clone()).unwrap();
    assert_eq!(z, library(PAGE.as_bytes(), Kind::Auto));
}

#[test]
fn batch_order_does_not_depend_on_jobs() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        let body = if i % 3 == 0 { PAGE } else { STORY };
        fs::write(dir.path().join(format!("doc-{i:02}.html")), body).unwrap();
    }
    let one = copydesk(&["batch", path_str(dir.path()), "--jobs", "1"]);
    let four = copydesk(&["batch", path_str(dir.path()), "--jobs", "4"]);
    assert!(one.status.success() && four.status.success());
    assert_eq!(stdout(&one), stdout(&four));
    assert_eq!(jsonl(&stdout(&one)).len(), 40);
}

#[test]
fn batch_with_failures_writes_the_rest_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    batch_dir(&corpus, true);
    let missing = dir.path().join("missing-dir");
    let out = dir.path().join("out.jsonl");
    let o = copydesk(&[
        "batch",
        path_str(&corpus),
        path_str(&missing),
        "--out",
        path_str(&out),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(o.stdout.is_empty(), "--out takes the output");
    let lines = jsonl(&fs::read_to_string(&out).unwrap());
    assert_eq!(
        sources(&lines),
        [
            "a.txt",
            "b/deeper/z.htm.gz",
            "b/empty.html",
            "b/page.HTML",
            "c.txt.gz",
            path_str(&missing)
        ]
    );
    assert_eq!(lines[2]["error"], "input is empty");
    assert!(lines[2].get("article").is_none());
    assert!(lines[5]["error"].as_str().unwrap().contains("no such file"));
    assert!(lines[0]["article"].is_object());
    let err = stderr(&o);
    assert!(err.contains("empty.html: input is empty"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["batch"][..],
        &["batch", ".", "--jobs", "0"],
        &["batch", ".", "--jobs", "many"],
        &["extract", "--format", "pdf", "x.txt"],
        &["extract", "--kind", "xml", "x.txt"],
        &["frobnicate"],
        &[],
    ] {
        let o = copydesk(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(!stderr(&o).is_empty(), "{args:?} explains itself");
    }
}

#[test]
fn schema_command_prints_the_library_schema() {
    let o = copydesk(&["schema"]);
    assert!(o.status.success());
    let printed: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(printed, copydesk::schema());
}

#[test]
fn heuristics_command_lists_every_builtin() {
    let o = copydesk(&["heuristics"]);
    assert!(o.status.success());
    let out = stdout(&o);
    let builtins = copydesk::builtin_heuristics();
    assert_eq!(out.lines().count(), builtins.len());
    for (line, (name, stage, description)) in out.lines().zip(builtins) {
        let mut cols = line.split_whitespace();
        assert_eq!(cols.next(), Some(name));
        assert_eq!(cols.next(), Some(stage.as_str()));
        assert!(line.ends_with(description), "{line}");
    }
}

#[cfg(unix)]
#[test]
fn batch_does_not_follow_symlinked_directories() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), STORY).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("a.txt"), dir.path().join("link.txt")).unwrap();
    let o = copydesk(&["batch", path_str(dir.path())]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(sources(&jsonl(&stdout(&o))), ["a.txt", "link.txt"]);
}

#[test]
fn limit_flags_reach_the_extractor() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    fs::write(&page, PAGE).unwrap();
    let story = dir.path().join("story.txt");
    fs::write(&story, STORY).unwrap();
    let with = |limits: Limits, bytes: &[u8]| {
        Extractor::builder()
            .limits(limits)
            .build()
            .unwrap()
            .extract(Input::bytes(bytes))
            .unwrap()
    };
    for (file, bytes, flag, limits) in [
        (
            &story,
            STORY.as_bytes(),
            "--max-blocks",
            Limits::default().max_blocks(1),
        ),
        (
            &page,
            PAGE.as_bytes(),
            "--max-blocks",
            Limits::default().max_blocks(1),
        ),
        (
            &page,
            PAGE.as_bytes(),
            "--max-depth",
            Limits::default().max_depth(1),
        ),
        (
            &page,
            PAGE.as_bytes(),
            "--max-nesting",
            Limits::default().max_nesting(1),
        ),
    ] {
        let o = copydesk(&["extract", path_str(file), flag, "1"]);
        assert!(o.status.success(), "{flag}: {}", stderr(&o));
        let got: Article = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(got, with(limits, bytes), "{flag}");
    }
    // Text has no DOM: --max-nodes does not apply to it.
    let o = copydesk(&["extract", path_str(&story), "--max-nodes", "1"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn max_nodes_fails_html_inputs_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    fs::write(&page, PAGE).unwrap();
    let o = copydesk(&["extract", path_str(&page), "--max-nodes", "5"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_one_line_error(&o, "page.html", "DOM nodes; the limit is 5");
    let o = copydesk(&["extract", path_str(&page), "--max-nodes", "1000"]);
    assert!(o.status.success(), "{}", stderr(&o));

    let root = dir.path().join("corpus");
    batch_dir(&root, false);
    let o = copydesk(&["batch", path_str(&root), "--max-nodes", "5", "--jobs", "1"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let lines = jsonl(&stdout(&o));
    assert_eq!(lines.len(), 4);
    for line in &lines {
        let source = line["source"].as_str().unwrap();
        if source.contains(".htm") || source.contains(".HTML") {
            let error = line["error"].as_str().unwrap();
            assert!(error.contains("the limit is 5"), "{source}: {error}");
        } else {
            assert!(line["article"].is_object(), "{source} is text: no DOM");
        }
    }
}

#[test]
fn bad_limit_values_are_usage_errors() {
    for args in [
        &["extract", "--max-nodes", "many", "x.html"][..],
        &["extract", "--max-depth=-1", "x.html"],
        &["batch", ".", "--max-blocks", "1.5"],
        &["batch", ".", "--max-input-bytes", ""],
    ] {
        let o = copydesk(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&o).contains("invalid value"),
            "{args:?}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn site_rules_flag_applies_the_rules_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/site_rules");
    let rules_path = root.join("rules.json");
    let page_path = root.join("page.html");
    let url = "https://www.harbour-gazette.test/news/ferry-timetable";
    let o = copydesk(&[
        "extract",
        path_str(&page_path),
        "--url",
        url,
        "--site-rules",
        path_str(&rules_path),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let got: Article = serde_json::from_slice(&o.stdout).unwrap();
    let rules = copydesk::SiteRules::from_json(&fs::read_to_string(&rules_path).unwrap()).unwrap();
    let extractor = Extractor::builder().site_rules(rules).build().unwrap();
    let page = fs::read(&page_path).unwrap();
    let want = extractor
        .extract(Input::bytes(&page).kind(Kind::Auto).url(url))
        .unwrap();
    assert_eq!(got, want);
    // The rules change the result on this page (else the test shows nothing).
    let plain: Article =
        serde_json::from_slice(&copydesk(&["extract", path_str(&page_path), "--url", url]).stdout)
            .unwrap();
    assert_ne!(got.headline, plain.headline);
}

#[test]
fn bad_site_rules_file_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules.json");
    fs::write(
        &rules,
        r#"{"sites":[{"domain":"example.com","remove":["div["]}]}"#,
    )
    .unwrap();
    let page = dir.path().join("page.html");
    fs::write(&page, PAGE).unwrap();
    for args in [
        &["extract", path_str(&page), "--site-rules", path_str(&rules)][..],
        &[
            "batch",
            path_str(dir.path()),
            "--site-rules",
            path_str(&rules),
        ],
        &[
            "extract",
            path_str(&page),
            "--site-rules",
            "no-such-rules.json",
        ],
    ] {
        let o = copydesk(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(
            err.starts_with("copydesk: --site-rules "),
            "{args:?}: {err}"
        );
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    }
}

#[test]
fn extract_report_goes_to_stderr_or_a_file_and_stdout_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("page.html");
    fs::write(&file, PAGE).unwrap();
    let plain = copydesk(&["extract", path_str(&file)]);
    assert!(plain.status.success(), "{}", stderr(&plain));
    assert!(stderr(&plain).is_empty(), "{}", stderr(&plain));

    // `--report` before the path does not take the path as its file.
    let to_stderr = copydesk(&["extract", "--report", path_str(&file)]);
    assert!(to_stderr.status.success(), "{}", stderr(&to_stderr));
    assert_eq!(stdout(&to_stderr), stdout(&plain));
    let report: Value = serde_json::from_str(&stderr(&to_stderr)).expect("report JSON on stderr");
    let (_, library_report) = Extractor::default()
        .extract_with_report(Input::bytes(PAGE.as_bytes()))
        .unwrap();
    assert_eq!(
        report["ran"],
        serde_json::to_value(&library_report.ran).unwrap()
    );
    assert_eq!(
        report["main_content"],
        serde_json::to_value(&library_report.main_content).unwrap()
    );
    assert_eq!(report["sections"].as_array().unwrap().len(), 2);

    let dash = copydesk(&["extract", path_str(&file), "--report=-", "--format", "text"]);
    assert!(dash.status.success(), "{}", stderr(&dash));
    assert_eq!(
        stdout(&dash),
        library(PAGE.as_bytes(), Kind::Auto).to_text()
    );
    assert!(serde_json::from_str::<Value>(&stderr(&dash)).is_ok());

    let out = dir.path().join("report.json");
    let arg = format!("--report={}", path_str(&out));
    let to_file = copydesk(&["extract", path_str(&file), &arg]);
    assert!(to_file.status.success(), "{}", stderr(&to_file));
    assert_eq!(stdout(&to_file), stdout(&plain));
    assert!(stderr(&to_file).is_empty(), "{}", stderr(&to_file));
    let written: Value = serde_json::from_str(&fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(written["main_content"], report["main_content"]);

    let unwritable = format!(
        "--report={}",
        path_str(&dir.path().join("no/such/dir.json"))
    );
    let failed = copydesk(&["extract", path_str(&file), &unwritable]);
    assert_eq!(failed.status.code(), Some(1));
    assert!(
        stderr(&failed).contains("cannot write the report"),
        "{}",
        stderr(&failed)
    );
}

#[test]
fn extract_report_notes_an_empty_body() {
    let para = "Readers wrote in about the bridge, the buses and the new cycle lane all week. ";
    let page = format!(
        "<html><body><aside class=\"comments\"><p>{}</p></aside></body></html>",
        para.repeat(20)
    );
    let o = copydesk_stdin(&["extract", "-", "--report"], page.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let report: Value = serde_json::from_str(&stderr(&o)).unwrap();
    assert_eq!(report["body"]["confidence"], 0.0);
    assert!(
        report["notes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n.as_str().unwrap().starts_with("the body is empty")),
        "{report}"
    );
}

#[test]
fn extract_charset_flag_is_obeyed_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("latin1.html");
    // No <meta charset>: without the flag the bytes are guessed.
    fs::write(
        &file,
        b"<html><body><p>The caf\xe9 on the square reopened on Monday morning.</p></body></html>",
    )
    .unwrap();
    let o = copydesk(&[
        "extract",
        path_str(&file),
        "--format",
        "text",
        "--charset",
        "latin1",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("café"), "{}", stdout(&o));
    let bad = copydesk(&["extract", path_str(&file), "--charset", "latin-9000"]);
    assert_one_line_error(&bad, path_str(&file), "unknown charset `latin-9000`");
}

#[test]
fn batch_out_dir_writes_one_file_per_input_in_each_format() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    batch_dir(&corpus, false);
    for (format, ext) in [
        ("json", "json"),
        ("markdown", "md"),
        ("text", "txt"),
        ("html", "html"),
    ] {
        let out = dir.path().join(format!("out-{format}"));
        let o = copydesk(&[
            "batch",
            path_str(&corpus),
            "--format",
            format,
            "--out-dir",
            path_str(&out),
        ]);
        assert_eq!(o.status.code(), Some(0), "{format}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{format}: files only");
        let page = fs::read_to_string(out.join(format!("b/page.{ext}"))).unwrap();
        let want = library(PAGE.as_bytes(), Kind::Auto);
        let want = match format {
            "json" => serde_json::to_string_pretty(&want).unwrap() + "\n",
            "markdown" => want.to_markdown(),
            "text" => want.to_text(),
            _ => want.to_html(),
        };
        assert_eq!(page, want, "{format}");
        for rel in ["a", "b/deeper/z", "c"] {
            assert!(
                out.join(format!("{rel}.{ext}")).is_file(),
                "{format}: {rel}"
            );
        }
        assert!(!out.join(format!("notes.{ext}")).exists());
    }
}

#[test]
fn batch_out_dir_failures_name_the_source_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    batch_dir(&corpus, true);
    let out = dir.path().join("out");
    let o = copydesk(&[
        "batch",
        path_str(&corpus),
        "--format",
        "markdown",
        "--out-dir",
        path_str(&out),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    // The same name as the JSON `source`: relative to the directory argument.
    assert!(
        err.contains("copydesk: b/empty.html: input is empty"),
        "{err}"
    );
    assert!(!out.join("b/empty.md").exists());
    assert!(out.join("b/page.md").is_file());
}

#[test]
fn batch_without_input_files_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.md"), "not an input").unwrap();
    let o = copydesk(&["batch", path_str(dir.path())]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(
        stderr(&o).contains("no input files found"),
        "{}",
        stderr(&o)
    );
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    let o = copydesk(&[
        "batch",
        path_str(&empty),
        "--format",
        "html",
        "--out-dir",
        "x",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no input files found"));
}

#[test]
fn batch_rendered_formats_need_out_dir() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), STORY).unwrap();
    let o = copydesk(&["batch", path_str(dir.path()), "--format", "markdown"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--out-dir"), "{}", stderr(&o));
    let o = copydesk(&[
        "batch",
        path_str(dir.path()),
        "--out",
        "a",
        "--out-dir",
        "b",
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn extract_html_format_is_the_library_rendering() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("page.html");
    fs::write(&file, PAGE).unwrap();
    let o = copydesk(&["extract", path_str(&file), "--format", "html"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), library(PAGE.as_bytes(), Kind::Auto).to_html());
    assert!(stdout(&o).starts_with("<!DOCTYPE html>"));
}
