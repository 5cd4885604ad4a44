//! The case folders of a fixture group, shared by the tests that walk them
//! (`golden`, `options`); included with `#[path]` so that only they
//! compile it.

use std::fs;
use std::path::{Path, PathBuf};

/// `(name, input path)` of every case folder under `group_dir` that holds
/// an `input.*` file, sorted by name; empty when the folder is missing.
pub fn cases(group_dir: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(group_dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let dir = entry.path();
        let Ok(files) = fs::read_dir(&dir) else {
            continue;
        };
        for f in files.flatten() {
            let p = f.path();
            if p.file_stem().is_some_and(|s| s == "input") {
                let name = dir
                    .file_name()
                    .expect("name")
                    .to_string_lossy()
                    .into_owned();
                out.push((name, p));
            }
        }
    }
    out.sort();
    out
}
