//! Extracts a page with per-site rules loaded from a JSON file and prints
//! the headline, where it came from, and the body text.
//!
//! ```text
//! cargo run --example site_rules -- [RULES.json] [PAGE.html[.gz]] [URL]
//! ```
//!
//! With no arguments it uses the sample rules and page in
//! `fixtures/site_rules/` and a URL on the sample's domain. The rules format
//! is documented in the `copydesk::site_rules` module.

use std::error::Error;
use std::process::ExitCode;

#[path = "support/read_page.rs"]
mod read_page;

use copydesk::{Extractor, Input, Kind, SiteRules};

const SAMPLE_RULES: &str = include_str!("../fixtures/site_rules/rules.json");
const SAMPLE_PAGE: &str = include_str!("../fixtures/site_rules/page.html");
const SAMPLE_URL: &str = "https://www.harbour-gazette.test/news/ferry-timetable";

/// Extracts `page` (fetched from `url`) with the rules in `rules_json` and
/// returns a short printout.
fn run(rules_json: &str, page: &[u8], url: &str) -> Result<String, Box<dyn Error>> {
    let rules = SiteRules::from_json(rules_json)?;
    let extractor = Extractor::builder().site_rules(rules.clone()).build()?;
    let host_rule = url_host(url).and_then(|h| rules.domain_for(&h).map(str::to_owned));
    let (article, report) =
        extractor.extract_with_report(Input::bytes(page).kind(Kind::Html).url(url))?;
    let mut out = String::new();
    out.push_str(&format!(
        "rules: {} site(s); for this page: {}\n",
        rules.len(),
        host_rule.as_deref().unwrap_or("none")
    ));
    out.push_str(&format!(
        "headline: {}\n",
        article.headline.as_deref().unwrap_or("(none)")
    ));
    if let Some(p) = report.provenance_of("headline") {
        out.push_str(&format!("  from: {} ({})\n", p.heuristic, p.source));
    }
    for note in report.notes.iter().filter(|n| n.contains("site-")) {
        out.push_str(&format!("note: {note}\n"));
    }
    out.push('\n');
    out.push_str(&article.text);
    out.push('\n');
    Ok(out)
}

/// The host of `url`, for the printout.
fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    Some(host.to_ascii_lowercase())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rules = match args.first() {
        Some(path) => match std::fs::read_to_string(path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("site_rules: {path}: {e}");
                return ExitCode::from(2);
            }
        },
        None => SAMPLE_RULES.to_owned(),
    };
    let page = match args.get(1) {
        Some(path) => match read_page::read_page(path.as_ref()) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("site_rules: {path}: {e}");
                return ExitCode::from(2);
            }
        },
        None => SAMPLE_PAGE.as_bytes().to_vec(),
    };
    let url = args.get(2).map(String::as_str).unwrap_or(SAMPLE_URL);
    match run(&rules, &page, url) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("site_rules: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_applies_the_rules() {
        let out = run(SAMPLE_RULES, SAMPLE_PAGE.as_bytes(), SAMPLE_URL).unwrap();
        assert!(out.contains("for this page: harbour-gazette.test"), "{out}");
        assert!(out.contains("from: metadata.site-headline"), "{out}");
    }

    #[test]
    fn bad_rules_are_an_error() {
        let e = run(
            "{\"sites\":[{\"domain\":\"x.test\",\"body\":\"[\"}]}",
            b"<p>x</p>",
            SAMPLE_URL,
        )
        .unwrap_err();
        assert!(e.to_string().contains("`body` selector"), "{e}");
    }
}
