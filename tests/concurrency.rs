//! One `Extractor` shared by several threads gives the same articles as a
//! sequential run, byte for byte.
//!
//! The pages are the shared corpus next to the repository (scrapinghub-dev
//! and readability); when it is absent (a checkout of the published package, CI without the
//! corpus) the test prints why and passes without checking.

use std::io::Read;
use std::path::{Path, PathBuf};

use copydesk::{Extractor, Input};

const THREADS: usize = 4;

// Compile-time: the extractor and its results cross threads.
const _: () = {
    const fn send_sync<T: Send + Sync>() {}
    send_sync::<Extractor>();
    send_sync::<copydesk::Article>();
    send_sync::<copydesk::Error>();
};

fn corpus_files() -> Option<Vec<PathBuf>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut files = Vec::new();
    if let Ok(entries) = std::fs::read_dir(root.join("scrapinghub-dev/html")) {
        files.extend(entries.flatten().map(|e| e.path()));
    }
    if let Ok(entries) = std::fs::read_dir(root.join("readability")) {
        files.extend(
            entries
                .flatten()
                .map(|e| e.path().join("source.html"))
                .filter(|p| p.is_file()),
        );
    }
    if files.is_empty() {
        println!("skipping: no corpus pages under {}", root.display());
        return None;
    }
    files.sort();
    Some(files)
}

fn read(path: &Path) -> Vec<u8> {
    let raw = std::fs::read(path).expect("read corpus page");
    if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(raw.as_slice())
            .read_to_end(&mut out)
            .expect("gunzip corpus page");
        out
    } else {
        raw
    }
}

/// The JSON of the article, or the error message: both must match.
fn run(extractor: &Extractor, bytes: &[u8]) -> String {
    match extractor.extract(Input::bytes(bytes)) {
        Ok(a) => serde_json::to_string(&a).expect("serialises"),
        Err(e) => format!("error: {e}"),
    }
}

#[test]
fn shared_extractor_on_threads_matches_a_sequential_run() {
    let Some(files) = corpus_files() else { return };
    let pages: Vec<Vec<u8>> = files.iter().map(|p| read(p)).collect();
    let extractor = Extractor::default();
    let sequential: Vec<String> = pages.iter().map(|p| run(&extractor, p)).collect();

    // Each thread takes every THREADS-th page, in reverse, so pages are
    // extracted in a different order and interleaving than sequentially.
    let mut parallel = vec![String::new(); pages.len()];
    let extractor = &extractor;
    let pages = &pages;
    let results: Vec<Vec<(usize, String)>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..THREADS)
            .map(|t| {
                s.spawn(move || {
                    (0..pages.len())
                        .rev()
                        .filter(|i| i % THREADS == t)
                        .map(|i| (i, run(extractor, &pages[i])))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("worker thread"))
            .collect()
    });
    for (i, json) in results.into_iter().flatten() {
        parallel[i] = json;
    }
    let differ: Vec<_> = files
        .iter()
        .zip(sequential.iter().zip(&parallel))
        .filter(|(_, (a, b))| a != b)
        .map(|(f, _)| f.display().to_string())
        .collect();
    assert!(differ.is_empty(), "thread results differ: {differ:#?}");
    assert!(
        sequential.iter().any(|j| !j.starts_with("error")),
        "some page extracts"
    );
}
