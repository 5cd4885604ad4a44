//! HTML heuristics of your own: one in the clean stage drops elements by
//! class, one in the score stage chooses the main container by a selector,
//! through the read-only page view (`Draft::page`) and `Draft::decide`.
//! Prints the article as Markdown and, on stderr, what the report says
//! about the main content.
//!
//! ```text
//! cargo run --example page_heuristics -- [PAGE.html[.gz]] [--drop-class CLASS]... [--main CSS]
//! ```
//!
//! Without a page it runs on a short built-in page, dropping `promo` and
//! choosing `div.story-text`.

use std::process::ExitCode;

use copydesk::{Error, Extractor, Heuristic, NodeId, PageDecision, Stage, heuristic_fn};

#[path = "support/read_page.rs"]
mod read_page;

const SAMPLE: &str = r#"<!doctype html><html><head><title>Night Market Returns</title></head><body>
<div class="layout">
  <div class="teaser-grid"><p>Other stories: the harbour festival, new bus routes, the library reopening and more this week.</p>
    <p>Other stories: the school run, the cycle lanes, the swimming pool prices and the town hall roof.</p>
    <p>Other stories: the weather, the football results, the theatre season and the farmers' market.</p></div>
  <div class="story-text">
    <h1>Night Market Returns</h1>
    <p>The night market returns to the old square on Friday, with forty stalls and music until midnight.</p>
    <p class="promo">Get our free newsletter with the best of the weekend every Friday morning.</p>
    <p>Stallholders said the first evening would feature food from a dozen countries and local crafts.</p>
  </div>
</div></body></html>"#;

/// Drops every element that has one of `classes`.
fn drop_by_class(classes: Vec<String>) -> impl Heuristic {
    heuristic_fn("clean.drop-by-class", Stage::Clean, move |draft, _cx| {
        let Some(page) = draft.page() else {
            return Ok(()); // text input: nothing to drop
        };
        let ids: Vec<NodeId> = page
            .elements()
            .filter(|e| e.classes().any(|c| classes.iter().any(|x| x == c)))
            .map(|e| e.id())
            .collect();
        for id in ids {
            draft.decide(PageDecision::Drop(id))?;
        }
        Ok(())
    })
}

/// Makes the first element matching `css` the main content, when there
/// is one (else Score's own choice stands).
fn main_by_selector(css: String) -> impl Heuristic {
    heuristic_fn("score.main-by-selector", Stage::Score, move |draft, _cx| {
        let Some(page) = draft.page() else {
            return Ok(());
        };
        let chosen = page.select(&css)?.first().map(|e| e.id());
        match chosen {
            Some(id) => draft.decide(PageDecision::MainContent(id))?,
            None => draft.note(format!("score.main-by-selector: `{css}` matched nothing")),
        }
        Ok(())
    })
}

fn build(classes: Vec<String>, main: String) -> Result<Extractor, Error> {
    Extractor::builder()
        .add(drop_by_class(classes))
        .add(main_by_selector(main))
        .build()
}

/// The page path, the classes to drop and the main selector from the
/// arguments (defaults for the built-in page).
fn parse_args(args: &[String]) -> Result<(Option<String>, Vec<String>, String), String> {
    let (mut path, mut classes, mut main) = (None, Vec::new(), None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--drop-class" => classes.push(it.next().ok_or("--drop-class needs a CLASS")?.clone()),
            "--main" => main = Some(it.next().ok_or("--main needs a CSS selector")?.clone()),
            _ if path.is_none() => path = Some(a.clone()),
            _ => return Err(format!("unexpected argument `{a}`")),
        }
    }
    if classes.is_empty() {
        classes.push("promo".to_owned());
    }
    Ok((
        path,
        classes,
        main.unwrap_or_else(|| "div.story-text".to_owned()),
    ))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (path, classes, main) = match parse_args(&args) {
        Ok(parsed) => parsed,
        Err(e) => {
            eprintln!("page_heuristics: {e}");
            return ExitCode::from(2);
        }
    };
    let page = match &path {
        Some(p) => match read_page::read_page(p.as_ref()) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("page_heuristics: {p}: {e}");
                return ExitCode::FAILURE;
            }
        },
        None => SAMPLE.as_bytes().to_vec(),
    };
    let extractor = match build(classes, main) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("page_heuristics: {e}");
            return ExitCode::FAILURE;
        }
    };
    match extractor.extract_with_report(copydesk::Input::bytes(&page)) {
        Ok((article, report)) => {
            println!("{}", article.to_markdown());
            if let Some(m) = &report.main_content {
                eprintln!(
                    "main content: {} (chosen by {})",
                    m.roots.join(" + "),
                    m.chosen_by.unwrap_or("nobody")
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("page_heuristics: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(classes: &[&str], main: &str) -> copydesk::Article {
        build(
            classes.iter().map(|c| c.to_string()).collect(),
            main.to_owned(),
        )
        .unwrap()
        .extract(SAMPLE)
        .unwrap()
    }

    #[test]
    fn both_heuristics_change_the_output() {
        let plain = Extractor::default().extract(SAMPLE).unwrap();
        let ours = sample(&["promo"], "div.story-text");
        assert!(
            ours.text.starts_with("The night market returns"),
            "{}",
            ours.text
        );
        assert!(!ours.text.contains("newsletter"), "{}", ours.text);
        assert!(!ours.text.contains("Other stories"), "{}", ours.text);
        // The default pipeline reads the page differently.
        assert_ne!(plain.text, ours.text);
    }

    #[test]
    fn the_main_selector_decides_the_body() {
        let teasers = sample(&["promo"], "div.teaser-grid");
        assert!(
            teasers.text.starts_with("Other stories"),
            "{}",
            teasers.text
        );
        assert!(!teasers.text.contains("night market returns"));
    }

    #[test]
    fn a_bad_selector_is_an_error() {
        let err = build(vec![], "div[".to_owned())
            .unwrap()
            .extract(SAMPLE)
            .unwrap_err();
        assert!(
            err.to_string().contains("not a valid CSS selector"),
            "{err}"
        );
    }

    #[test]
    fn arguments() {
        let args: Vec<String> = ["p.html", "--drop-class", "ad", "--main", "main"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let (path, classes, main) = parse_args(&args).unwrap();
        assert_eq!(
            (path.as_deref(), classes, main.as_str()),
            (Some("p.html"), vec!["ad".to_owned()], "main")
        );
        assert!(parse_args(&["--main".to_owned()]).is_err());
    }
}
