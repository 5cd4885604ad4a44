//! The pages both benches measure: the scrapinghub-dev corpus beside the
//! repository when it is there, else the repository's HTML fixtures.

use std::fs;
use std::io::Read;
use std::path::Path;

/// One page: a short name and its HTML.
pub struct Page {
    #[allow(dead_code, reason = "the pathological bench reads only the HTML")]
    pub name: String,
    pub html: String,
}

/// Where the pages came from, and the pages, sorted by file name.
pub fn load_pages() -> (String, Vec<Page>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("../shared/corpus/scrapinghub-dev/html");
    let mut pages = Vec::new();
    if let Ok(entries) = fs::read_dir(&corpus) {
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            let Ok(file) = fs::File::open(&p) else {
                continue;
            };
            let mut html = String::new();
            if flate2::read::GzDecoder::new(file)
                .read_to_string(&mut html)
                .is_ok()
            {
                let name = p.file_name().unwrap_or_default().to_string_lossy();
                pages.push(Page {
                    name: name.chars().take(12).collect(),
                    html,
                });
            }
        }
        if !pages.is_empty() {
            return ("scrapinghub-dev corpus".into(), pages);
        }
    }
    let fixtures = root.join("fixtures/html");
    if let Ok(entries) = fs::read_dir(&fixtures) {
        let mut dirs: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        dirs.sort();
        for d in dirs {
            if let Ok(html) = fs::read_to_string(d.join("input.html")) {
                let name = d
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                pages.push(Page { name, html });
            }
        }
    }
    ("repository fixtures (../shared absent)".into(), pages)
}
