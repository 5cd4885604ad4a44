//! Per-site rules end to end: a synthetic page and the sample rules file in
//! `fixtures/site_rules/`, applied on the rules' domain and not elsewhere.

use copydesk::{Article, Error, Extractor, Input, Kind, Report, SiteRules};

const RULES: &str = include_str!("../fixtures/site_rules/rules.json");
const PAGE: &str = include_str!("../fixtures/site_rules/page.html");
const HEADLINE: &str = "Ferry Timetable Returns To Normal After Storm Repairs";

fn extract(page: &str, url: Option<&str>) -> (Article, Report) {
    let rules = SiteRules::from_json(RULES).expect("sample rules load");
    let extractor = Extractor::builder()
        .site_rules(rules)
        .build()
        .expect("builder");
    let mut input = Input::new(page).kind(Kind::Html);
    if let Some(u) = url {
        input = input.url(u);
    }
    extractor.extract_with_report(input).expect("extract")
}

#[test]
fn rules_apply_on_their_domain() {
    let (a, report) = extract(PAGE, Some("https://www.harbour-gazette.test/news/ferry"));
    assert_eq!(a.headline.as_deref(), Some(HEADLINE));
    let p = report.provenance_of("headline").expect("provenance");
    assert_eq!(p.heuristic, "metadata.site-headline");
    assert!(p.source.contains("h2.story-title"), "{}", p.source);
    // body: the story, not the teaser column.
    assert!(
        a.text.starts_with("The harbour ferry will run"),
        "{}",
        a.text
    );
    assert!(a.text.contains("Passengers have been very patient"));
    assert!(!a.text.contains("Lighthouse keepers"), "{}", a.text);
    // remove: the tide table and the filing note are gone.
    assert!(!a.text.contains("high water"), "{}", a.text);
    assert!(!a.text.contains("quay office"), "{}", a.text);
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.starts_with("clean.site-remove: dropped 2 element(s)")),
        "{:?}",
        report.notes
    );
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.starts_with("score.site-body"))
    );
}

#[test]
fn rules_do_not_apply_on_another_domain() {
    let (a, report) = extract(PAGE, Some("https://harbour-gazette.example/news/ferry"));
    assert_ne!(
        report.provenance_of("headline").map(|p| p.heuristic),
        Some("metadata.site-headline")
    );
    assert!(
        !report.notes.iter().any(|n| n.contains("site-")),
        "{:?}",
        report.notes
    );
    // Nothing removed: the tide table and the filing note are there.
    assert!(a.text.contains("high water"), "{}", a.text);
    assert!(a.text.contains("quay office"), "{}", a.text);
    // The same extraction as without any rules.
    let plain = Extractor::default()
        .extract(
            Input::new(PAGE)
                .kind(Kind::Html)
                .url("https://harbour-gazette.example/news/ferry"),
        )
        .expect("extract");
    assert_eq!(a, plain);
    // And a suffix that is not a subdomain does not match either.
    let (_, report) = extract(PAGE, Some("https://notharbour-gazette.test/x"));
    assert!(!report.notes.iter().any(|n| n.contains("site-")));
}

#[test]
fn canonical_url_decides_without_a_caller_url() {
    let page = PAGE.replace(
        "<meta charset=\"utf-8\">",
        "<meta charset=\"utf-8\"><link rel=\"canonical\" href=\"https://harbour-gazette.test/news/ferry\">",
    );
    let (a, _) = extract(&page, None);
    assert_eq!(a.headline.as_deref(), Some(HEADLINE));
    // The caller's URL wins over the canonical one (a syndicated copy).
    let (a, _) = extract(&page, Some("https://syndication.example/copy"));
    assert_ne!(a.headline.as_deref(), Some(HEADLINE));
}

#[test]
fn text_input_is_left_alone() {
    let text = "Ferry Timetable Returns\n\nThe harbour ferry will run its full timetable again from Monday.";
    let rules = SiteRules::from_json(RULES).expect("rules");
    let e = Extractor::builder()
        .site_rules(rules)
        .build()
        .expect("builder");
    let url = "https://harbour-gazette.test/x";
    let a = e
        .extract(Input::new(text).kind(Kind::Text).url(url))
        .expect("extract");
    let plain = Extractor::default()
        .extract(Input::new(text).kind(Kind::Text).url(url))
        .expect("extract");
    assert_eq!(a, plain);
}

#[test]
fn adding_rules_twice_is_reported() {
    let rules = SiteRules::from_json(RULES).expect("rules");
    let e = Extractor::builder()
        .site_rules(rules.clone())
        .site_rules(rules)
        .build()
        .expect_err("twice");
    assert!(matches!(e, Error::DuplicateHeuristic(_)), "{e}");
}

#[test]
fn removing_everything_does_not_break_the_pipeline() {
    // (remove list, story text survives)
    for (remove, kept) in [
        (r#"["html"]"#, true),
        (r#"["body", "head"]"#, true),
        (r#"["*"]"#, false),
        (r#"["body > *", "p"]"#, false),
    ] {
        let json = format!(
            r#"{{"sites":[{{"domain":"harbour-gazette.test","remove":{remove},"body":"body","headline":"h9"}}]}}"#
        );
        let rules = SiteRules::from_json(&json).expect("rules");
        let e = Extractor::builder()
            .site_rules(rules)
            .build()
            .expect("builder");
        // An error (nothing left to extract) is fine; a panic is not.
        let r = e.extract(
            Input::new(PAGE)
                .kind(Kind::Html)
                .url("https://harbour-gazette.test/x"),
        );
        let has_story = r.is_ok_and(|a| a.text.contains("Engineers replaced"));
        assert_eq!(has_story, kept, "{remove}");
    }
}
