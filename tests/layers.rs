//! The crate's modules are layered (see "Architecture" in the README): a
//! module may use its own items and those of the layers below it, never a
//! layer above, and never another module of its own layer (no stage knows a
//! sibling stage). This test reads every `crate::` path in `src/` — `use`
//! lines and paths written inline — and fails on an upward or sideways one.
//!
//! Unit-test modules (`#[cfg(test)] mod …` at the end of a file) are not
//! read: a test may drive the whole pipeline. Comments are not read either
//! (doc links may point anywhere). `crate::Name` with a capital is a
//! re-export of the crate root, so it counts as the top layer.

use std::path::{Path, PathBuf};

/// The layers, bottom first, and the top-level modules of each. The README's
/// Architecture table lists the same rows.
const LAYERS: &[(&str, &[&str])] = &[
    ("base", &["base", "error"]),
    ("data", &["favor", "limits", "model", "report"]),
    ("page", &["page"]),
    ("grammars", &["grammar"]),
    ("intermediate form", &["heuristic"]),
    (
        "stages",
        &[
            "input", "text", "html", "metadata", "label", "assemble", "render",
        ],
    ),
    ("extractor", &["extractor"]),
    ("configuration", &["site_rules", "schema"]),
    ("crate root", &["lib"]),
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS
        .iter()
        .position(|(_, modules)| modules.contains(&module))
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).expect("src/ is readable");
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without its unit-test module and its comments.
fn code_of(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if line.trim() == "#[cfg(test)]"
            && lines
                .peek()
                .is_some_and(|next| next.starts_with("mod ") || next.starts_with("pub mod "))
        {
            break;
        }
        let code = line.find("//").map_or(line, |at| &line[..at]);
        out.push_str(code);
        out.push('\n');
    }
    out
}

/// The top-level module each `crate::` path of `code` names.
fn crate_paths(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        // `$crate::`, `my_crate::` are not paths of this crate.
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            // `crate::{a, b::c}`: the first name of each top-level item.
            let mut depth = 0usize;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        found.push(first_name(&item));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(c);
            }
            found.push(first_name(&item));
        } else {
            found.push(first_name(rest));
        }
    }
    found.retain(|name| !name.is_empty());
    found
}

fn first_name(path: &str) -> String {
    path.trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

#[test]
fn no_module_uses_a_layer_above_or_beside_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    files.sort();
    let mut broken = Vec::new();
    let mut checked = 0;
    for file in &files {
        let rel = file.strip_prefix(&src).expect("under src/");
        let first = rel.components().next().expect("a path");
        let first = first.as_os_str().to_string_lossy();
        let module = first.trim_end_matches(".rs");
        if module == "main" {
            // The binary is its own crate: it uses `copydesk::`, not `crate::`.
            continue;
        }
        let Some(own) = layer_of(module) else {
            broken.push(format!(
                "{}: module `{module}` is in no layer of LAYERS",
                rel.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(file).expect("source is readable");
        for name in crate_paths(&code_of(&text)) {
            checked += 1;
            let target = if name.starts_with(|c: char| c.is_ascii_uppercase()) || name == "lib" {
                "lib"
            } else {
                name.as_str()
            };
            if target == module {
                continue;
            }
            match layer_of(target) {
                Some(layer) if layer < own => {}
                Some(layer) => broken.push(format!(
                    "{}: `{module}` ({}) uses `crate::{name}` ({}): {}",
                    rel.display(),
                    LAYERS[own].0,
                    LAYERS[layer].0,
                    if layer == own { "sideways" } else { "upward" }
                )),
                None => broken.push(format!(
                    "{}: `crate::{name}` is in no layer of LAYERS",
                    rel.display()
                )),
            }
        }
    }
    assert!(
        checked > 50,
        "only {checked} crate:: paths found: is the parser broken?"
    );
    assert!(broken.is_empty(), "layering broken:\n{}", broken.join("\n"));
}

#[test]
fn the_readme_lists_the_same_layers() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).expect("README.md is readable");
    let documented: Vec<&str> = readme
        .lines()
        .skip_while(|l| !l.starts_with("## Architecture"))
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .filter(|l| !l.starts_with("| layer") && !l.starts_with("|-"))
        .collect();
    let expected: Vec<String> = LAYERS
        .iter()
        .rev()
        .map(|(layer, modules)| {
            let modules: Vec<String> = modules.iter().map(|m| format!("`{m}`")).collect();
            format!("| {layer} | {} |", modules.join(", "))
        })
        .collect();
    assert_eq!(
        documented,
        expected,
        "the Architecture table in README.md is stale; its rows should be:\n{}",
        expected.join("\n")
    );
}

#[test]
fn the_parser_sees_groups_and_inline_paths() {
    let code = code_of(
        "use crate::{heuristic::Draft, model::{Article, Quote}};\n\
         let x = crate::base::words(t); // crate::extractor in a comment\n\
         macro_rules! m { () => { $crate::x } }\n\
         #[cfg(test)]\nmod tests { use crate::extractor::Extractor; }\n",
    );
    assert_eq!(crate_paths(&code), ["heuristic", "model", "base"]);
}
