//! Extracts one file (HTML or text) and prints the Article as JSON.
//!
//! ```text
//! cargo run --example extract_file -- path/to/page.html
//! ```

use std::error::Error;
use std::path::Path;
use std::process::ExitCode;

/// Reads `path` as bytes (so the page's charset is honoured) and returns the
/// extracted Article as pretty JSON.
fn extract_file(path: &Path) -> Result<String, Box<dyn Error>> {
    let bytes = std::fs::read(path)?;
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
