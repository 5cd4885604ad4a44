//! Extracts every `.html`, `.htm` and `.txt` file under a directory (each
//! optionally gzipped, `.html.gz`, as the `copydesk` command takes them) in
//! parallel with rayon, sharing one `Extractor`, and writes JSON Lines
//! (`{"source": …, "article": …}` or `{"source": …, "error": …}`) in path
//! order. The `copydesk batch` command does the same with more options.
//!
//! ```text
//! cargo run --release --example batch_rayon -- DIR > articles.jsonl
//! ```

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use copydesk::Extractor;
use rayon::prelude::*;

#[path = "support/read_page.rs"]
mod read_page;

/// File extensions the batch reads (also before a `.gz`).
const EXTENSIONS: [&str; 3] = ["html", "htm", "txt"];

/// `page.html`, `page.HTM`, `page.txt.gz`, ... (as `copydesk batch`).
fn is_batch_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    EXTENSIONS
        .iter()
        .any(|ext| name.len() > ext.len() + 1 && name.ends_with(&format!(".{ext}")))
}

/// Files under `dir` with a batch extension, sorted (iterative walk).
fn files_under(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let entry = entry?;
            let path = entry.path();
            if entry.file_type()?.is_dir() {
                stack.push(path);
            } else if is_batch_file(&path) {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// One JSON line for one file, and whether it failed.
fn line_for(extractor: &Extractor, dir: &Path, path: &Path) -> (String, bool) {
    let source = path
        .strip_prefix(dir)
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned();
    let result = read_page::read_page(path)
        .map_err(|e| e.to_string())
        .and_then(|bytes| extractor.extract_bytes(&bytes).map_err(|e| e.to_string()));
    let failed = result.is_err();
    let value = match result {
        Ok(article) => serde_json::json!({ "source": source, "article": article }),
        Err(error) => serde_json::json!({ "source": source, "error": error }),
    };
    (value.to_string(), failed)
}

/// Writes one line per file in `dir` to `out`, in path order; returns how
/// many failed. Works through the files in windows so memory stays bounded.
fn run(dir: &Path, out: &mut impl Write) -> io::Result<usize> {
    let extractor = Extractor::default();
    let files = files_under(dir)?;
    let window = rayon::current_num_threads() * 8;
    let mut failed = 0;
    for chunk in files.chunks(window.max(1)) {
        let lines: Vec<(String, bool)> = chunk
            .par_iter()
            .map(|p| line_for(&extractor, dir, p))
            .collect();
        for (line, line_failed) in lines {
            failed += usize::from(line_failed);
            writeln!(out, "{line}")?;
        }
    }
    out.flush()?;
    Ok(failed)
}

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: batch_rayon DIR");
        return ExitCode::from(2);
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match run(Path::new(&dir), &mut out) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(failed) => {
            eprintln!("batch_rayon: {failed} files failed");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("batch_rayon: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_one_line_per_file_in_order() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let story = "Park Opens\n\nThe new park opened on Sunday with a concert.";
        std::fs::write(dir.path().join("b.txt"), story).unwrap();
        std::fs::write(dir.path().join("sub/a.html"), story).unwrap();
        std::fs::write(dir.path().join("c.txt"), "").unwrap();
        std::fs::write(dir.path().join("skip.md"), story).unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, story.as_bytes()).unwrap();
        std::fs::write(dir.path().join("d.txt.gz"), gz.finish().unwrap()).unwrap();
        std::fs::write(dir.path().join("e.tar.gz"), b"not a page").unwrap();
        let mut out = Vec::new();
        let failed = run(dir.path(), &mut out).unwrap();
        assert_eq!(failed, 1);
        let lines: Vec<serde_json::Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let sources: Vec<&str> = lines
            .iter()
            .map(|l| l["source"].as_str().unwrap())
            .collect();
        assert_eq!(sources.len(), 4);
        assert_eq!(&sources[..3], ["b.txt", "c.txt", "d.txt.gz"]);
        assert!(sources[3].ends_with("a.html"));
        assert_eq!(lines[1]["error"], "input is empty");
        assert!(lines[0]["article"].is_object());
        // The gzipped copy gives the same article as the plain one.
        assert_eq!(lines[2]["article"], lines[0]["article"]);
    }
}
