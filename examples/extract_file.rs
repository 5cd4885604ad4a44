//! Extracts one file (HTML or text, gzipped or not, like the `copydesk`
//! command) and prints the Article as JSON.
//!
//! ```text
//! cargo run --example extract_file -- path/to/page.html[.gz]
//! ```

use std::error::Error;
use std::path::Path;
use std::process::ExitCode;

#[path = "support/read_page.rs"]
mod read_page;

/// Reads `path` as bytes (so the page's charset is honoured; gzip data is
/// decompressed) and returns the extracted Article as pretty JSON.
fn extract_file(path: &Path) -> Result<String, Box<dyn Error>> {
    let bytes = read_page::read_page(path)?;
    let article = copydesk::extract_bytes(&bytes)?;
    Ok(serde_json::to_string_pretty(&article)?)
}

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: extract_file PATH");
        return ExitCode::from(2);
    };
    match extract_file(Path::new(&path)) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("extract_file: {}: {e}", Path::new(&path).display());
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_the_article_as_json() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.txt");
        std::fs::write(
            &path,
            "Pool Reopens\n\nThe town pool reopened on Monday after repairs.",
        )
        .unwrap();
        let json = extract_file(&path).unwrap();
        let article: copydesk::Article = serde_json::from_str(&json).unwrap();
        assert_eq!(
            article,
            copydesk::extract_bytes(&std::fs::read(&path).unwrap()).unwrap()
        );
    }

    #[test]
    fn reads_gzipped_pages_like_the_cli() {
        use std::io::Write as _;
        let dir = tempfile::tempdir().unwrap();
        let page = "<html><head><title>Pool Reopens</title></head><body><article>\
            <h1>Pool Reopens</h1><p>The town pool reopened on Monday after a winter of repairs.</p>\
            </article></body></html>";
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(page.as_bytes()).unwrap();
        let gz = gz.finish().unwrap();
        // Named .gz, and gzip data under a plain name (found by its magic bytes).
        for name in ["page.html.gz", "page.html"] {
            let path = dir.path().join(name);
            std::fs::write(&path, &gz).unwrap();
            let article: copydesk::Article =
                serde_json::from_str(&extract_file(&path).unwrap()).unwrap();
            assert_eq!(article, copydesk::extract(page).unwrap(), "{name}");
        }
        let fake = dir.path().join("fake.html.gz");
        std::fs::write(&fake, page).unwrap();
        assert!(
            extract_file(&fake)
                .unwrap_err()
                .to_string()
                .contains("not a gzip file")
        );
    }

    #[test]
    fn reports_missing_and_empty_files() {
        let dir = tempfile::tempdir().unwrap();
        assert!(extract_file(&dir.path().join("missing.html")).is_err());
        let empty = dir.path().join("empty.html");
        std::fs::write(&empty, "").unwrap();
        assert_eq!(
            extract_file(&empty).unwrap_err().to_string(),
            "input is empty"
        );
    }
}
