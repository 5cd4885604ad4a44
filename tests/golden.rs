//! Golden fixtures: every `fixtures/{text,html}/<slug>/input.*` is extracted
//! and compared, as JSON, with `expected.json` beside it.
//!
//! - `cargo test --test golden` runs all cases and reports each one;
//! - `cargo test --test golden -- SUBSTRING` runs the cases whose slug matches;
//! - `COPYDESK_BLESS=1 cargo test --test golden` rewrites `expected.json`
//!   from the current output. Read `git diff fixtures/` before committing.
//!
//! `fixtures/known_failures.txt` lists slugs known to fail; an unexpected
//! pass fails too, so the list only shrinks.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use copydesk::{Extractor, Input, Kind};
use serde_json::Value;

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let bless = std::env::var_os("COPYDESK_BLESS").is_some();
    let known: BTreeSet<String> = fs::read_to_string(root.join("known_failures.txt"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect();

    let extractor = Extractor::default();
    let mut cases = cases(&root);
    cases.retain(|(slug, _)| filter.is_empty() || filter.iter().any(|f| slug.contains(f)));
    let (mut passed, mut failed, mut blessed) = (0, 0, 0);
    for (slug, input) in &cases {
        let dir = input.parent().expect("case folder");
        let expected_path = dir.join("expected.json");
        let actual = match run(&extractor, input) {
            Ok(v) => v,
            Err(e) => {
                println!("❌ {slug}: extraction failed: {e}");
                failed += 1;
                continue;
            }
        };
        if bless {
            let old = fs::read_to_string(&expected_path).ok();
            let new = serde_json::to_string_pretty(&actual).expect("json") + "\n";
            if old.as_deref() != Some(new.as_str()) {
                fs::write(&expected_path, new).expect("write expected.json");
                println!("✍️  {slug}: blessed");
                blessed += 1;
            }
            continue;
        }
        let expected: Value = match fs::read_to_string(&expected_path)
            .map_err(|e| e.to_string())
            .and_then(|s| serde_json::from_str(&s).map_err(|e| e.to_string()))
        {
            Ok(v) => v,
            Err(e) => {
                println!("❌ {slug}: cannot read expected.json: {e}");
                failed += 1;
                continue;
            }
        };
        let mut diffs = Vec::new();
        diff("", &expected, &actual, &mut diffs);
        let known_bad = known.contains(slug);
        match (diffs.is_empty(), known_bad) {
            (true, false) => {
                println!("✅ {slug}");
                passed += 1;
            }
            (false, true) => {
                println!("➖ {slug}: known failure ({} differences)", diffs.len());
                passed += 1;
            }
            (true, true) => {
                println!("❌ {slug}: passes but is listed in known_failures.txt; remove it");
                failed += 1;
            }
            (false, false) => {
                println!("❌ {slug}:");
                for d in diffs.iter().take(12) {
                    println!("     {d}");
                }
                if diffs.len() > 12 {
                    println!("     … and {} more", diffs.len() - 12);
                }
                failed += 1;
            }
        }
    }
    if bless {
        println!(
            "blessed {blessed} of {} cases; review with `git diff fixtures/`",
            cases.len()
        );
        return ExitCode::SUCCESS;
    }
    println!("\ngolden: {passed} passed, {failed} failed");
    if cases.is_empty() && filter.is_empty() {
        println!("golden: no fixtures found under {}", root.display());
        return ExitCode::FAILURE;
    }
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

#[path = "common/fixture_cases.rs"]
mod fixture_cases;

/// `(slug, input path)` for every case, slug = `text/<name>` or `html/<name>`.
fn cases(root: &Path) -> Vec<(String, PathBuf)> {
    let mut out: Vec<(String, PathBuf)> = ["text", "html"]
        .into_iter()
        .flat_map(|group| {
            fixture_cases::cases(&root.join(group))
                .into_iter()
                .map(move |(name, p)| (format!("{group}/{name}"), p))
        })
        .collect();
    out.sort();
    out
}

fn run(extractor: &Extractor, input: &Path) -> Result<Value, String> {
    let bytes = fs::read(input).map_err(|e| e.to_string())?;
    let kind = match input.extension().and_then(|e| e.to_str()) {
        Some("html" | "htm") => Kind::Html,
        _ => Kind::Text,
    };
    let url = fs::read_to_string(input.with_file_name("url.txt")).ok();
    let mut inp = Input::bytes(&bytes).kind(kind);
    if let Some(url) = url.as_deref() {
        inp = inp.url(url.trim());
    }
    let article = extractor.extract(inp).map_err(|e| e.to_string())?;
    serde_json::to_value(&article).map_err(|e| e.to_string())
}

/// Field-by-field differences, as `path: expected … got …` lines.
fn diff(path: &str, expected: &Value, actual: &Value, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            let keys: BTreeSet<&String> = e.keys().chain(a.keys()).collect();
            for k in keys {
                let p = format!("{path}.{k}");
                diff(
                    &p,
                    e.get(k).unwrap_or(&Value::Null),
                    a.get(k).unwrap_or(&Value::Null),
                    out,
                );
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            for i in 0..e.len().max(a.len()) {
                let p = format!("{path}[{i}]");
                diff(
                    &p,
                    e.get(i).unwrap_or(&Value::Null),
                    a.get(i).unwrap_or(&Value::Null),
                    out,
                );
            }
        }
        (e, a) if e != a => out.push(format!("{path}: expected {} got {}", short(e), short(a))),
        _ => {}
    }
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 100 {
        format!("{}…", s.chars().take(100).collect::<String>())
    } else {
        s
    }
}
