//! User heuristics plug into the pipeline: add (trait or closure), replace
//! by name, disable by name; unknown names are build errors. Also: hostile
//! inputs give an article or a clear error, never a panic.

use copydesk::{
    BoxError, Context, DisclaimerKind, Draft, Error, Extractor, Heuristic, Input, Kind, Role,
    Stage, heuristic_fn,
};

const STORY: &str = "Harbour Ferry Returns After Winter Break\n\
The island service resumes on Monday with a new timetable.\n\
The ferry between the harbour and the island will run six times a day from Monday, the operator said, after a three-month winter break for repairs to the hull and engines.\n\
Passengers will be able to book seats online for the first time, and bicycles will travel free on weekday mornings.\n\
Sponsored: This timetable guide is paid for by the Island Tourism Board.\n\
This article was generated with the help of AI and checked by our editors.";

/// Turns lines starting `Sponsored:` into a sponsored disclaimer.
struct SponsoredLines;

impl Heuristic for SponsoredLines {
    fn name(&self) -> &'static str {
        "label.sponsored-lines"
    }
    fn stage(&self) -> Stage {
        Stage::Label
    }
    fn description(&self) -> &'static str {
        "Lines starting `Sponsored:` are sponsored disclaimers."
    }
    fn apply(&self, draft: &mut Draft, _cx: &Context<'_>) -> Result<(), BoxError> {
        mark_sponsored(draft);
        Ok(())
    }
}

fn mark_sponsored(draft: &mut Draft) {
    for block in draft.blocks_mut() {
        if block.text.starts_with("Sponsored:") {
            block.set_role(
                Role::Disclaimer(DisclaimerKind::Sponsored),
                "label.sponsored-lines",
                0.99,
            );
        }
    }
}

/// Extractor without the built-in disclaimer heuristic, so only the user
/// heuristic can find the sponsored line.
fn without_builtin() -> copydesk::ExtractorBuilder {
    Extractor::builder().disable("label.disclaimers")
}

fn kinds(article: &copydesk::Article) -> Vec<DisclaimerKind> {
    article.disclaimers.iter().map(|d| d.kind).collect()
}

#[test]
fn trait_heuristic_adds_a_disclaimer() {
    let extractor = without_builtin()
        .add(SponsoredLines)
        .build()
        .expect("valid pipeline");
    let article = extractor.extract(STORY).expect("extracts");
    assert_eq!(kinds(&article), [DisclaimerKind::Sponsored]);
    assert!(article.disclaimers[0].text.contains("Island Tourism Board"));
    assert!(!article.text.contains("Sponsored:"));
}

#[test]
fn closure_heuristic_adds_a_disclaimer() {
    let h = heuristic_fn("label.sponsored-closure", Stage::Label, |draft, _cx| {
        mark_sponsored(draft);
        Ok(())
    });
    let extractor = without_builtin().add(h).build().expect("valid pipeline");
    let article = extractor.extract(STORY).expect("extracts");
    assert_eq!(kinds(&article), [DisclaimerKind::Sponsored]);
}

#[test]
fn replace_by_name_swaps_the_builtin() {
    // Replacing the built-in disclaimer heuristic with the user one: the
    // sponsored line is found, the AI notice (which only the built-in
    // knows) stays in the body.
    let extractor = Extractor::builder()
        .replace("label.disclaimers", SponsoredLines)
        .build()
        .expect("valid pipeline");
    let names = extractor.heuristic_names();
    assert!(names.contains(&"label.sponsored-lines"));
    assert!(!names.contains(&"label.disclaimers"));
    let article = extractor.extract(STORY).expect("extracts");
    assert_eq!(kinds(&article), [DisclaimerKind::Sponsored]);
    assert!(article.text.contains("generated with the help of AI"));
}

#[test]
fn default_pipeline_finds_both_notices() {
    let article = copydesk::extract(STORY).expect("extracts");
    assert_eq!(
        kinds(&article),
        [DisclaimerKind::Sponsored, DisclaimerKind::AiGenerated]
    );
    assert!(!article.text.contains("generated with the help of AI"));
}

#[test]
fn disabling_disclaimers_leaves_the_ai_notice_in_the_body() {
    let extractor = without_builtin().build().expect("valid pipeline");
    let article = extractor.extract(STORY).expect("extracts");
    assert!(article.disclaimers.is_empty(), "{:?}", article.disclaimers);
    assert!(article.text.contains("generated with the help of AI"));
}

#[test]
fn unknown_names_fail_at_build() {
    for builder in [
        Extractor::builder().disable("label.no-such-heuristic"),
        Extractor::builder().replace("label.no-such-heuristic", SponsoredLines),
    ] {
        match builder.build() {
            Err(Error::UnknownHeuristic(name)) => assert_eq!(name, "label.no-such-heuristic"),
            other => panic!("expected UnknownHeuristic, got {other:?}"),
        }
    }
}

#[test]
fn every_label_heuristic_is_listed_and_disableable() {
    let names: Vec<_> = copydesk::builtin_heuristics()
        .into_iter()
        .filter(|(_, stage, _)| *stage == Stage::Label)
        .map(|(name, ..)| name)
        .collect();
    assert!(names.contains(&"label.disclaimers"));
    assert!(names.contains(&"label.inline-quotes"));
    for name in names {
        let extractor = Extractor::builder().disable(name).build().expect(name);
        assert!(extractor.extract(STORY).is_ok(), "{name}");
    }
}

// Hostile inputs: an Article or a clear error, never a panic.

#[test]
fn empty_input_is_an_error() {
    for empty in ["", "   ", "\n\n\r\n\t"] {
        assert!(matches!(copydesk::extract(empty), Err(Error::EmptyInput)));
    }
}

#[test]
fn random_bytes_give_an_article_or_an_error() {
    // A fixed xorshift stream: reproducible "random" bytes.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for len in [1usize, 7, 64, 1000, 65_536] {
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 24) as u8
            })
            .collect();
        match copydesk::extract_bytes(&bytes) {
            Ok(article) => assert!(article.text.len() <= bytes.len() * 4),
            Err(e) => assert!(!e.to_string().is_empty()),
        }
        let lossy = String::from_utf8_lossy(&bytes);
        let as_text = Input::new(&lossy).kind(Kind::Text);
        match Extractor::default().extract(as_text) {
            Ok(_) | Err(Error::EmptyInput) => {}
            Err(e) => panic!("unexpected error on text input: {e}"),
        }
    }
}

#[test]
fn ten_megabytes_on_one_line() {
    // Mostly prose, with a quotation every kilobyte or so.
    let chunk = format!(
        "{}\"quoted words in here,\" said Someone. ",
        "plain words of a long run-on line ".repeat(30)
    );
    let line = chunk.repeat(10 * 1024 * 1024 / chunk.len());
    let article = Extractor::default()
        .extract(Input::new(&line).kind(Kind::Text))
        .expect("one long line extracts");
    assert!(article.text.len() > 1_000_000);
}

#[test]
fn a_hundred_thousand_blank_lines() {
    let mut text = "Headline Of The Story Here\n".to_owned();
    text.push_str(&"\n".repeat(100_000));
    text.push_str("The only paragraph of the story, after a long run of blank lines.\n");
    text.push_str(&"\r\n".repeat(100_000));
    let article = copydesk::extract(&text).expect("extracts");
    assert_eq!(
        article.headline.as_deref(),
        Some("Headline Of The Story Here")
    );
    assert_eq!(
        article.text,
        "The only paragraph of the story, after a long run of blank lines."
    );
}

#[test]
fn many_unclosed_quotes_and_bullets() {
    let nasty = format!(
        "{}\n{}\n{}",
        "«".repeat(200_000),
        "- ".repeat(100_000),
        "„“‚‘\"".repeat(50_000)
    );
    let result = Extractor::default().extract(Input::new(&nasty).kind(Kind::Text));
    assert!(result.is_ok(), "{result:?}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// Arbitrary text never panics: an article, or EmptyInput for blank text.
    #[test]
    fn arbitrary_text_gives_an_article(src in "(?s)\\PC{0,600}") {
        match Extractor::default().extract(Input::new(&src).kind(Kind::Text)) {
            Ok(_) => {}
            Err(Error::EmptyInput) => proptest::prop_assert!(src.trim().is_empty()),
            Err(e) => proptest::prop_assert!(false, "unexpected error {e}"),
        }
    }
}
