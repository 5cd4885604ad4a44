//! User heuristics in the clean and score stages see the page through
//! `Draft::page` and act on it with `Draft::decide`: dropping elements by
//! class and choosing the main container change the output; decisions out
//! of place are typed errors.

use copydesk::{
    Error, Extractor, Heuristic, Input, Kind, NodeId, PageDecision, Stage, heuristic_fn,
};

const PAGE: &str = r#"<!doctype html><html><head><title>Bridge Opens</title></head><body>
<div id="main" class="story wide">
  <h1>Bridge Opens</h1>
  <p>The new bridge over the river opened on Monday after two years of building work and delays.</p>
  <p class="house-plug">Download our app to get traffic news on your phone before you leave home.</p>
  <p>Drivers saved ten minutes on the first morning, the council said, and buses ran on time.</p>
  <p>The old crossing, built a century ago, will stay open to people on foot until the end of the year.</p>
  <p>Engineers will then take it down in sections over the winter, working mostly at night.</p>
  <div class="editor-box">Editor's note: an earlier version of this story gave the wrong opening date.</div>
</div>
<div class="letters">
  <p>Letter: the town waited far too long for this bridge, and the cost was twice the estimate.</p>
  <p>Letter: the cycle lane is too narrow for cargo bikes, and the railings are far too low.</p>
  <p>Letter: the buses still take the long way round because the junction was never finished.</p>
  <p>Letter: nobody asked the people on the east bank what they wanted from the crossing at all.</p>
</div>
</body></html>"#;

/// Drops every element with class `house-plug` (a class the built-in
/// cleaner does not know).
fn drop_promos() -> impl Heuristic {
    heuristic_fn("clean.drop-promos", Stage::Clean, |draft, _cx| {
        let Some(page) = draft.page() else {
            return Ok(());
        };
        let ids: Vec<NodeId> = page
            .elements()
            .filter(|e| e.has_class("house-plug"))
            .map(|e| e.id())
            .collect();
        for id in ids {
            draft.decide(PageDecision::Drop(id))?;
        }
        Ok(())
    })
}

/// Makes the element with class `letters` the main content.
fn letters_are_main() -> impl Heuristic {
    heuristic_fn("score.letters-page", Stage::Score, |draft, _cx| {
        let found = draft
            .page()
            .and_then(|p| p.elements().find(|e| e.has_class("letters")))
            .map(|e| e.id());
        if let Some(id) = found {
            draft.decide(PageDecision::MainContent(id))?;
        }
        Ok(())
    })
}

#[test]
fn dropping_elements_by_class_changes_the_output() {
    let plain = Extractor::default().extract(PAGE).unwrap();
    assert!(plain.text.contains("Download our app"), "{}", plain.text);
    let extractor = Extractor::builder().add(drop_promos()).build().unwrap();
    let article = extractor.extract(PAGE).unwrap();
    assert!(
        !article.text.contains("Download our app"),
        "{}",
        article.text
    );
    assert!(article.text.contains("Drivers saved ten minutes"));
}

#[test]
fn choosing_the_main_container_changes_the_output() {
    let plain = Extractor::default().extract(PAGE).unwrap();
    assert!(plain.text.starts_with("The new bridge"), "{}", plain.text);
    let extractor = Extractor::builder()
        .add(letters_are_main())
        .build()
        .unwrap();
    let (article, report) = extractor.extract_with_report(PAGE).unwrap();
    assert!(
        article.text.starts_with("Letter: the town waited"),
        "{}",
        article.text
    );
    assert!(!article.text.contains("The new bridge"));
    let main = report.main_content.unwrap();
    assert_eq!(main.chosen_by, Some("score.letters-page"));
    // A sibling `div` without an id: the step says which child it is.
    assert_eq!(main.roots, ["body > div.letters:nth-child(2)"]);
}

#[test]
fn marking_a_box_as_a_disclaimer_moves_it_out_of_the_body() {
    let notes = heuristic_fn("clean.editor-boxes", Stage::Clean, |draft, _cx| {
        let ids: Vec<NodeId> = draft
            .page()
            .map(|p| {
                p.elements()
                    .filter(|e| e.has_class("editor-box"))
                    .map(|e| e.id())
                    .collect()
            })
            .unwrap_or_default();
        for id in ids {
            draft.decide(PageDecision::Disclaimer(id))?;
        }
        Ok(())
    });
    let extractor = Extractor::builder()
        .disable("label.disclaimers")
        .add(notes)
        .build()
        .unwrap();
    let article = extractor.extract(PAGE).unwrap();
    assert!(!article.text.contains("Editor's note"), "{}", article.text);
    assert!(
        article
            .disclaimers
            .iter()
            .any(|d| d.text.starts_with("Editor's note: an earlier version")),
        "{:?}",
        article.disclaimers
    );
    let without = Extractor::builder()
        .disable("label.disclaimers")
        .build()
        .unwrap()
        .extract(PAGE)
        .unwrap();
    assert!(without.text.contains("Editor's note"), "{}", without.text);
}

#[test]
fn the_view_shows_names_attributes_text_and_position() {
    let look = heuristic_fn("clean.look", Stage::Clean, |draft, _cx| {
        let page = draft.page().expect("HTML input");
        let main = page
            .elements()
            .find(|e| e.attr("id") == Some("main"))
            .unwrap();
        assert_eq!(main.name(), "div");
        assert_eq!(main.classes().collect::<Vec<_>>(), ["story", "wide"]);
        assert!(main.has_class("wide") && !main.has_class("Wide"));
        let mut attrs: Vec<(&str, &str)> = main.attrs().collect();
        attrs.sort();
        assert_eq!(attrs, [("class", "story wide"), ("id", "main")]);
        assert_eq!(main.parent().unwrap().name(), "body");
        assert_eq!(main.depth(), 2);
        assert_eq!(main.index(), 0);
        assert_eq!(main.path(), "body > div#main.story.wide");
        let kids: Vec<&str> = main.children().map(|e| e.name()).collect();
        assert_eq!(kids, ["h1", "p", "p", "p", "p", "p", "div"]);
        let promo = main.children().nth(2).unwrap();
        assert_eq!(promo.index(), 2);
        assert_eq!(
            promo.path(),
            "body > div#main.story.wide > p.house-plug:nth-child(3)"
        );
        assert!(promo.text().starts_with("Download our app to get"));
        assert_eq!(promo.prev_sibling().unwrap().index(), 1);
        assert_eq!(main.next_sibling().unwrap().attr("class"), Some("letters"));
        assert_eq!(page.get(promo.id()), Some(promo));
        assert!(main.text().starts_with("Bridge Opens The new bridge"));
        assert_eq!(page.body().unwrap().name(), "body");
        assert_eq!(page.root().unwrap().name(), "html");
        assert_eq!(page.select("div.letters > p").unwrap().len(), 4);
        assert!(matches!(
            page.select("p[").unwrap_err(),
            Error::InvalidSelector { .. }
        ));
        // Nothing is chosen before the score stage.
        assert!(page.main_content().is_empty());
        let id = promo.id();
        draft.decide(PageDecision::Drop(id))?;
        // Gone from the view, and dropping it again does nothing.
        let page = draft.page().unwrap();
        assert!(page.get(id).is_none());
        assert!(page.elements().all(|e| !e.has_class("house-plug")));
        assert!(page.select(".house-plug").unwrap().is_empty());
        draft.decide(PageDecision::Drop(id))?;
        draft.note("looked");
        Ok(())
    });
    let extractor = Extractor::builder().add(look).build().unwrap();
    let (article, report) = extractor.extract_with_report(PAGE).unwrap();
    assert!(report.notes.contains(&"looked".to_owned()));
    assert!(!article.text.contains("Download our app"));
}

#[test]
fn the_score_stage_sees_the_main_content_chosen_so_far() {
    let seen = heuristic_fn("score.look", Stage::Score, |draft, _cx| {
        let page = draft.page().unwrap();
        let roots: Vec<String> = page.main_content().iter().map(|e| e.path()).collect();
        draft.note(format!("roots: {roots:?}"));
        Ok(())
    });
    let (_, report) = Extractor::builder()
        .add(seen)
        .build()
        .unwrap()
        .extract_with_report(PAGE)
        .unwrap();
    assert!(
        report
            .notes
            .contains(&r#"roots: ["body > div#main.story.wide"]"#.to_owned()),
        "{:?}",
        report.notes
    );
}

/// Runs `decide` in a heuristic of `stage` on the first `<p>` and returns
/// the extraction's error, if any.
fn decide_in(stage: Stage, name: &'static str, make: fn(NodeId) -> PageDecision) -> Option<Error> {
    let h = heuristic_fn(name, stage, move |draft, _cx| {
        let id = draft
            .page()
            .and_then(|p| p.elements().find(|e| e.name() == "p"))
            .map(|e| e.id());
        match id {
            Some(id) => draft.decide(make(id))?,
            None => draft.decide(make(fake_id()))?,
        }
        Ok(())
    });
    Extractor::builder()
        .add(h)
        .build()
        .unwrap()
        .extract(PAGE)
        .err()
}

/// A real id, taken from another page, for the text-input case.
fn fake_id() -> NodeId {
    use std::sync::Mutex;
    static ID: Mutex<Option<NodeId>> = Mutex::new(None);
    let grab = heuristic_fn("clean.grab-id", Stage::Clean, |draft, _cx| {
        let id = draft.page().unwrap().body().unwrap().id();
        *ID.lock().unwrap() = Some(id);
        Ok(())
    });
    let _ = Extractor::builder()
        .add(grab)
        .build()
        .unwrap()
        .extract(Input::new("<html><body><p>x y z</p></body></html>").kind(Kind::Html));
    ID.lock().unwrap().expect("grabbed")
}

fn refused(err: Option<Error>) -> String {
    match err {
        Some(Error::Heuristic { source, .. }) => {
            let inner = source
                .downcast_ref::<Error>()
                .expect("the decision's own error");
            assert!(matches!(inner, Error::InvalidDecision { .. }), "{inner}");
            inner.to_string()
        }
        other => panic!("expected a refused decision, got {other:?}"),
    }
}

#[test]
fn decisions_out_of_their_stage_are_refused() {
    let msg = refused(decide_in(
        Stage::Clean,
        "clean.main-too-early",
        PageDecision::MainContent,
    ));
    assert!(
        msg.contains("is taken in the score stage, not the clean stage"),
        "{msg}"
    );
    let msg = refused(decide_in(
        Stage::Label,
        "label.drop-too-late",
        PageDecision::Drop,
    ));
    assert!(
        msg.contains("the clean and score stages, not the label stage"),
        "{msg}"
    );
    let msg = refused(decide_in(
        Stage::Metadata,
        "metadata.related",
        PageDecision::Related,
    ));
    assert!(msg.contains("not the metadata stage"), "{msg}");
    // In their stages they are fine.
    assert!(decide_in(Stage::Score, "score.main-p", PageDecision::MainContent).is_none());
    assert!(decide_in(Stage::Clean, "clean.drop-p", PageDecision::Drop).is_none());
    assert!(decide_in(Stage::Score, "score.related-p", PageDecision::Related).is_none());
}

#[test]
fn the_page_skeleton_cannot_be_dropped() {
    let h = heuristic_fn("clean.drop-body", Stage::Clean, |draft, _cx| {
        let id = draft.page().unwrap().body().unwrap().id();
        draft.decide(PageDecision::Drop(id))?;
        Ok(())
    });
    let err = Extractor::builder()
        .add(h)
        .build()
        .unwrap()
        .extract(PAGE)
        .err();
    let msg = refused(err);
    assert!(msg.contains("cannot drop <body>"), "{msg}");
}

#[test]
fn text_input_has_no_page() {
    let h = heuristic_fn("clean.try-text", Stage::Clean, |draft, _cx| {
        assert!(draft.page().is_none());
        draft.decide(PageDecision::Drop(fake_id()))?;
        Ok(())
    });
    let err = Extractor::builder()
        .add(h)
        .build()
        .unwrap()
        .extract(Input::new("Title Line Here\n\nSome body text for the story.").kind(Kind::Text))
        .err();
    let msg = refused(err);
    assert!(msg.contains("not an HTML page"), "{msg}");
}

#[test]
fn dropping_the_chosen_main_content_falls_back_to_the_page() {
    let h = heuristic_fn("score.drop-main", Stage::Score, |draft, _cx| {
        let roots: Vec<NodeId> = draft
            .page()
            .unwrap()
            .main_content()
            .iter()
            .map(|e| e.id())
            .collect();
        assert_eq!(roots.len(), 1);
        draft.decide(PageDecision::Drop(roots[0]))?;
        assert!(draft.page().unwrap().main_content().is_empty());
        Ok(())
    });
    let (article, report) = Extractor::builder()
        .add(h)
        .build()
        .unwrap()
        .extract_with_report(PAGE)
        .unwrap();
    assert!(!article.text.contains("The new bridge"), "{}", article.text);
    let main = report.main_content.unwrap();
    assert!(main.roots.is_empty());
    assert_eq!(main.chosen_by, Some("score.drop-main"));
    assert!(main.fallbacks.contains(&copydesk::Fallback::WholePage));
}

#[test]
fn deep_pages_are_viewed_without_recursion() {
    let depth = 5000;
    let mut page = String::from("<html><body>");
    page.push_str(&"<div class=\"d\">".repeat(depth));
    page.push_str("<p class=\"deep\">Deep inside the page there is a sentence of text.</p>");
    page.push_str(&"</div>".repeat(depth));
    page.push_str("</body></html>");
    let h = heuristic_fn("clean.deep-look", Stage::Clean, |draft, _cx| {
        let page = draft.page().unwrap();
        let deep = page.elements().last().unwrap();
        let path = deep.path();
        assert!(path.contains('…'), "{path}");
        let depth = deep.depth();
        let top = page.body().unwrap().children().next().unwrap();
        assert!(top.text().contains("Deep inside"));
        draft.note(format!("depth {depth}"));
        Ok(())
    });
    let (_, report) = Extractor::builder()
        .add(h)
        .build()
        .unwrap()
        .extract_with_report(page.as_str())
        .unwrap();
    assert!(
        report.notes.iter().any(|n| n.starts_with("depth ")),
        "{:?}",
        report.notes
    );
}
