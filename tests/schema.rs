//! The committed `schema/article.schema.json` must equal
//! [`copydesk::schema()`], and every `expected.json` and render case under
//! `fixtures/` must validate against it.
//!
//! After a model change: `COPYDESK_BLESS=1 cargo test --test schema`, then
//! review `git diff schema/` (and bump `SCHEMA_VERSION` if a JSON consumer
//! could notice).

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn committed_path() -> PathBuf {
    root().join("schema/article.schema.json")
}

fn pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).expect("schema serializes");
    s.push('\n');
    s
}

#[test]
fn committed_schema_is_up_to_date() {
    let generated = pretty(&copydesk::schema());
    let path = committed_path();
    if std::env::var_os("COPYDESK_BLESS").is_some() {
        fs::create_dir_all(path.parent().expect("schema dir")).expect("mkdir schema/");
        fs::write(&path, &generated).expect("write schema");
        return;
    }
    let committed = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "schema/article.schema.json differs from copydesk::schema().\n\
         Regenerate it with `COPYDESK_BLESS=1 cargo test --test schema` and review `git diff schema/`."
    );
}

/// Validates against the committed file, what consumers use (the generated
/// schema while re-blessing, as the file is being rewritten meanwhile).
fn validator() -> jsonschema::Validator {
    let schema: Value = if std::env::var_os("COPYDESK_BLESS").is_some() {
        copydesk::schema()
    } else {
        serde_json::from_str(&fs::read_to_string(committed_path()).expect("read committed schema"))
            .expect("committed schema is JSON")
    };
    jsonschema::validator_for(&schema).expect("schema is a valid JSON Schema")
}

fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// `fixtures/**/expected.json` plus `fixtures/render/*/article.json`, sorted.
/// The layout zoo (`fixtures/zoo`) is left out: its `expected.json` files
/// are lists of checks for `eval zoo`, not serialised Articles.
fn fixture_articles() -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![root().join("fixtures")];
    let zoo = root().join("fixtures/zoo");
    while let Some(dir) = stack.pop() {
        if dir == zoo {
            continue;
        }
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.file_name().is_some_and(|n| n == "expected.json")
                || (path.file_name().is_some_and(|n| n == "article.json")
                    && path.parent().and_then(Path::parent)
                        == Some(&root().join("fixtures/render")))
            {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

#[test]
fn every_fixture_article_validates() {
    let validator = validator();
    let files = fixture_articles();
    assert!(!files.is_empty(), "at least the render cases are checked");
    let mut failures = Vec::new();
    for path in &files {
        let text = fs::read_to_string(path).expect("read fixture");
        let value: Value = match serde_json::from_str(&text) {
            Ok(v) => v,
            Err(e) => {
                failures.push(format!("{}: not JSON: {e}", path.display()));
                continue;
            }
        };
        for e in errors(&validator, &value) {
            failures.push(format!("{}: {e}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn extracted_articles_validate() {
    let validator = validator();
    let article = copydesk::extract(
        "Harbour Ferries Resume Service\n\n\
         Ferries returned on Monday after a week of storms.\n\n\
         - One\n- Two\n",
    )
    .expect("extracts");
    let value = serde_json::to_value(&article).expect("serializes");
    assert_eq!(errors(&validator, &value), Vec::<String>::new());
}

#[test]
fn schema_rejects_wrong_shapes() {
    let validator = validator();
    let bad = [
        serde_json::json!({"sections": [{"blocks": [{"kind": "video", "text": "x"}]}]}),
        serde_json::json!({"headline": 5}),
        serde_json::json!({"disclaimers": [{"kind": "rumour", "text": "x"}]}),
        serde_json::json!({"byline": [{"url": "https://a.example"}]}),
        serde_json::json!({"schema_version": -1}),
    ];
    for instance in bad {
        assert!(!validator.is_valid(&instance), "accepted {instance}");
    }
    assert!(
        validator.is_valid(&serde_json::json!({})),
        "every field has a default"
    );
}

#[test]
fn readme_article_example_is_valid() {
    let readme = fs::read_to_string(root().join("README.md")).expect("read README.md");
    let start = readme.find("```json\n").expect("README has a JSON example") + "```json\n".len();
    let len = readme[start..].find("```").expect("closed JSON block");
    let value: Value =
        serde_json::from_str(&readme[start..start + len]).expect("README JSON parses");
    assert_eq!(errors(&validator(), &value), Vec::<String>::new());
    let article: copydesk::Article =
        serde_json::from_value(value).expect("README JSON is an Article");
    assert_eq!(
        article.text,
        article.body_text(),
        "README `text` matches its sections"
    );
    assert_eq!(
        article.lede.as_deref(),
        article.sections[0].blocks[0].plain_text().as_str().into()
    );
}
