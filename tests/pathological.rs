//! Hostile inputs: each gives an Article or a typed error, with no panic and
//! no stack overflow. Timing is measured in benches/pathological.rs, never
//! asserted here.

mod common;

use common::pathological::cases;
use copydesk::{Error, Extractor, Input};

#[test]
fn hostile_inputs_give_an_article_or_a_typed_error() {
    let extractor = Extractor::default();
    let mut failures = Vec::new();
    for case in cases(1.0) {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            extractor.extract(Input::bytes(&case.bytes).kind(case.kind))
        }));
        match result {
            Ok(Ok(article)) => {
                // An article made from hostile input is still well-formed JSON.
                let json = serde_json::to_string(&article).expect("article serialises");
                assert!(json.contains("schema_version"), "{}", case.name);
            }
            Ok(Err(e)) => match e {
                Error::EmptyInput
                | Error::InputTooLarge { .. }
                | Error::TooManyNodes { .. }
                | Error::NotText { .. } => {
                    assert!(!e.to_string().is_empty());
                }
                other => failures.push(format!("{}: unexpected error {other}", case.name)),
            },
            Err(_) => failures.push(format!("{}: panicked", case.name)),
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn pages_keep_their_text_under_hostile_shapes() {
    let extractor = Extractor::default();
    for case in cases(0.01) {
        let Ok(article) = extractor.extract(Input::bytes(&case.bytes).kind(case.kind)) else {
            continue;
        };
        match case.name {
            "utf16-bom" | "utf16-no-bom" | "nul-bytes" | "invalid-utf8" => assert!(
                article.text.contains("council approved the budget"),
                "{}: {:?}",
                case.name,
                article.text
            ),
            // Valid non-ASCII UTF-8 wins over a <meta> that names a legacy charset.
            "meta-charset-lies" => assert!(
                article.text.contains("Crème brûlée"),
                "{}: not read as UTF-8: {:?}",
                case.name,
                article.text
            ),
            _ => {}
        }
    }
}

#[test]
fn max_nodes_is_a_typed_error_before_the_heuristics() {
    let page = format!(
        "<html><body><article>{}</article></body></html>",
        "<p>The council approved the budget.</p>".repeat(50)
    );
    let tight = Extractor::builder()
        .limits(copydesk::Limits::default().max_nodes(100))
        .build()
        .expect("valid");
    match tight.extract(page.as_str()) {
        Err(Error::TooManyNodes { nodes, limit }) => {
            assert_eq!(limit, 100);
            assert!(nodes > 100 && nodes < 200, "{nodes}");
        }
        other => panic!("expected TooManyNodes, got {other:?}"),
    }
    // Text input has no DOM and is not counted.
    let text = "Budget Approved\n\nThe council approved the budget on Tuesday.";
    assert!(tight.extract(text).is_ok());
    // Under the limit nothing changes.
    let roomy = Extractor::builder()
        .limits(copydesk::Limits::default().max_nodes(200))
        .build()
        .expect("valid");
    assert_eq!(
        roomy.extract(page.as_str()).expect("extracts"),
        Extractor::default()
            .extract(page.as_str())
            .expect("extracts")
    );
}

#[test]
fn deep_nesting_is_flattened_before_parsing_and_keeps_its_text() {
    let extractor = Extractor::builder()
        .limits(copydesk::Limits::default().max_nesting(50))
        .build()
        .expect("valid");
    for case in cases(0.01) {
        if !matches!(
            case.name,
            "nested-divs-100k" | "unclosed-tags" | "self-closed-divs-20k"
        ) {
            continue;
        }
        let (article, report) = extractor
            .extract_with_report(Input::bytes(&case.bytes).kind(case.kind))
            .expect("extracts");
        assert!(
            report.notes.iter().any(|n| n.contains("max_nesting")),
            "{}: {:?}",
            case.name,
            report.notes
        );
        let want = if case.name == "unclosed-tags" {
            "cell text here"
        } else {
            "council approved the budget"
        };
        assert!(
            article.text.contains(want),
            "{}: {:?}",
            case.name,
            article.text
        );
    }
}
