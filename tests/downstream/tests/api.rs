//! The public API as seen from another crate.

use copydesk::{
    Article, Block, Disclaimer, DisclaimerKind, Error, Extractor, Input, Kind, Limits, Person,
    Quote, QuoteKind, RelatedLink, Role, SCHEMA_VERSION, Section, Stage, heuristic_fn,
};

const STORY: &str = "Harbour Ferries Resume Service\n\n\
    Ferries returned to the harbour on Monday after a week of storms.\n\n\
    Tickets are valid for another month, the operator said.";

#[test]
fn one_call_extraction() {
    let article = copydesk::extract(STORY).unwrap();
    assert_eq!(article.schema_version, SCHEMA_VERSION);
    assert!(article.text.contains("Ferries returned"));
    let from_bytes = copydesk::extract_bytes(STORY.as_bytes()).unwrap();
    assert_eq!(from_bytes.text, article.text);
}

#[test]
fn extractor_is_shareable_across_threads() {
    fn check<T: Send + Sync + Clone>() {}
    check::<Extractor>();
    let extractor = Extractor::default();
    let texts: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..2)
            .map(|_| s.spawn(|| extractor.extract(STORY).unwrap().text))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(texts[0], texts[1]);
}

#[test]
fn builder_customisation_and_errors() {
    let seen = heuristic_fn("assemble.downstream-tag", Stage::Assemble, |draft, _cx| {
        draft.article.tags.push("checked".to_owned());
        Ok(())
    });
    let extractor = Extractor::builder()
        .add(seen)
        .limits(Limits::default().max_input_bytes(1 << 20))
        .build()
        .unwrap();
    assert!(
        extractor
            .heuristic_names()
            .contains(&"assemble.downstream-tag")
    );
    let article = extractor
        .extract(Input::new(STORY).kind(Kind::Text))
        .unwrap();
    assert_eq!(article.tags, ["checked"]);

    let err = Extractor::builder().disable("no.such").build().unwrap_err();
    assert!(matches!(err, Error::UnknownHeuristic(ref n) if n == "no.such"));
    assert!(matches!(copydesk::extract("   "), Err(Error::EmptyInput)));
    let small = Extractor::builder().max_input_bytes(8).build().unwrap();
    assert!(matches!(
        small.extract(STORY),
        Err(Error::InputTooLarge { limit: 8, .. })
    ));
}

#[test]
fn failing_heuristic_is_an_error_not_a_panic() {
    let failing = heuristic_fn("label.always-fails", Stage::Label, |_draft, _cx| {
        Err("refused".into())
    });
    let extractor = Extractor::builder().add(failing).build().unwrap();
    let err = extractor.extract(STORY).unwrap_err();
    assert_eq!(
        err.to_string(),
        "heuristic `label.always-fails` failed: refused"
    );
}

#[test]
fn heuristics_can_relabel_blocks() {
    let drop_tickets = heuristic_fn("label.drop-tickets", Stage::Label, |draft, _cx| {
        for block in draft.blocks_mut() {
            if block.text.starts_with("Tickets") {
                block.set_role(Role::Boilerplate, "label.drop-tickets", 1.0);
            }
        }
        Ok(())
    });
    let extractor = Extractor::builder().add(drop_tickets).build().unwrap();
    let article = extractor.extract(STORY).unwrap();
    assert!(!article.text.contains("Tickets"), "{}", article.text);
}

#[test]
fn model_is_buildable_serializable_and_renderable() {
    let mut a = Article::new();
    a.headline = Some("Built Downstream".to_owned());
    a.byline.push(Person::new("Ana Ruiz"));
    let mut s = Section::new(None, 0);
    s.blocks.push(Block::paragraph("A paragraph."));
    s.blocks
        .push(Block::quote("Said so.", Some("Ana".to_owned())));
    s.blocks.push(Block::list(false, vec!["one".to_owned()]));
    a.sections.push(s);
    a.quotes.push(Quote::new(
        "Said so.",
        Some("Ana".to_owned()),
        QuoteKind::Block,
        0,
    ));
    a.disclaimers.push(Disclaimer::new(
        DisclaimerKind::Sponsored,
        "Paid for by Acme.",
    ));
    a.related.push(RelatedLink::new("Next story"));
    a.text = a.body_text();

    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(json["sections"][0]["blocks"][1]["kind"], "quote");
    let back: Article = serde_json::from_value(json).unwrap();
    assert_eq!(back, a);
    assert!(a.to_markdown().starts_with("# Built Downstream\n"));
    assert!(a.to_text().ends_with("A paragraph.\n\nSaid so.\n\none\n"));
    let url = "https://a.example/x";
    let extractor = Extractor::default();
    let md = copydesk_downstream::to_markdown(&extractor, STORY.as_bytes(), url).unwrap();
    let article = extractor
        .extract(Input::bytes(STORY.as_bytes()).url(url))
        .unwrap();
    assert_eq!(md, article.to_markdown());
}
