//! The builder's checks: heuristic names are `stage.kebab-name` of their own
//! stage, `run_before` stays within a stage, charsets are known labels, and
//! names may be made at run time.

use copydesk::{Error, Extractor, Input, Stage, heuristic_fn, intern_name};

const STORY: &str = "Library Opens Late On Fridays\n\n\
    The town library will stay open until nine on Fridays from next month, the council said.";

fn noop(name: impl Into<std::borrow::Cow<'static, str>>, stage: Stage) -> impl copydesk::Heuristic {
    heuristic_fn(name, stage, |_draft, _cx| Ok(()))
}

fn name_error(name: &str, stage: Stage) -> String {
    match Extractor::builder()
        .add(noop(name.to_owned(), stage))
        .build()
    {
        Err(e @ Error::InvalidHeuristicName { .. }) => e.to_string(),
        Err(e) => panic!("{name}: unexpected error {e}"),
        Ok(_) => panic!("{name} was accepted for the {stage} stage"),
    }
}

#[test]
fn names_must_start_with_their_own_stage() {
    let message = name_error("clean.drop-ads", Stage::Score);
    assert_eq!(
        message,
        "heuristic name `clean.drop-ads` is not `score.kebab-name`: \
         it runs in the score stage, so it must start with `score.`"
    );
    let Err(Error::InvalidHeuristicName {
        name,
        stage,
        reason,
    }) = Extractor::builder()
        .add(noop("dropads", Stage::Clean))
        .build()
    else {
        panic!("a name without a stage was accepted");
    };
    assert_eq!((name.as_str(), stage), ("dropads", "clean"));
    assert!(reason.contains("must start with `clean.`"), "{reason}");
}

#[test]
fn names_must_be_kebab_case_after_the_stage() {
    for (bad, why) in [
        ("label.", "nothing follows"),
        ("label.Drop-Ads", "`D`"),
        ("label.drop_ads", "`_`"),
        ("label.drop ads", "` `"),
        ("label.drop.ads", "`.`"),
        ("label.drop--ads", "single hyphens"),
        ("label.-drop", "single hyphens"),
        ("label.drop-", "single hyphens"),
        ("label.café", "`é`"),
        ("labels.drop-ads", "must start with `label.`"),
    ] {
        let message = name_error(bad, Stage::Label);
        assert!(message.contains(why), "{bad}: {message}");
    }
    for good in [
        "label.drop-ads",
        "label.x",
        "label.h2-kickers",
        "label.2025-notice",
    ] {
        let extractor = Extractor::builder()
            .add(noop(good, Stage::Label))
            .build()
            .unwrap_or_else(|e| panic!("{good}: {e}"));
        assert!(extractor.heuristic_names().contains(&good));
    }
}

#[test]
fn a_misnamed_replacement_is_an_error() {
    let err = Extractor::builder()
        .replace("label.disclaimers", noop("disclaimers", Stage::Label))
        .build()
        .unwrap_err();
    assert!(matches!(err, Error::InvalidHeuristicName { .. }), "{err}");
}

#[test]
fn run_before_across_stages_is_an_error() {
    let err = Extractor::builder()
        .run_before("label.disclaimers", "score.main-content")
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot run `label.disclaimers` (label stage) before `score.main-content` \
         (score stage): run_before orders heuristics within one stage"
    );
    let Error::RunBeforeAcrossStages {
        name,
        stage,
        before,
        before_stage,
    } = err
    else {
        panic!("wrong variant");
    };
    assert_eq!(
        (name.as_str(), stage, before.as_str(), before_stage),
        ("label.disclaimers", "label", "score.main-content", "score")
    );
}

#[test]
fn run_before_within_a_stage_moves_the_heuristic() {
    let extractor = Extractor::builder()
        .add(noop("label.my-first", Stage::Label))
        .run_before("label.my-first", "label.boilerplate")
        .build()
        .unwrap();
    let names = extractor.heuristic_names();
    let pos = |n: &str| names.iter().position(|x| *x == n).unwrap();
    assert_eq!(pos("label.my-first") + 1, pos("label.boilerplate"));
    // Unknown names are still reported as such.
    let err = Extractor::builder()
        .run_before("label.no-such", "label.boilerplate")
        .build()
        .unwrap_err();
    assert!(matches!(err, Error::UnknownHeuristic(n) if n == "label.no-such"));
}

#[test]
fn an_unknown_charset_is_an_error() {
    let extractor = Extractor::default();
    let page =
        b"<html><body><p>Caf\xe9 owners met on Monday to plan the summer market.</p></body></html>";
    for label in ["latin-9000", "", "utf-9"] {
        let err = extractor
            .extract(Input::bytes(page).charset(label))
            .unwrap_err();
        assert!(
            matches!(&err, Error::UnknownCharset(l) if l == label),
            "{label}: {err}"
        );
    }
    let err = extractor
        .extract(Input::bytes(page).charset("latin-9000"))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown charset `latin-9000` (expected an encoding label such as utf-8, \
         windows-1252 or shift_jis)"
    );
    // String input too: the label is a caller mistake either way.
    let err = extractor
        .extract(Input::new(STORY).charset("no-such-charset"))
        .unwrap_err();
    assert!(matches!(err, Error::UnknownCharset(_)), "{err}");
    // Known labels, in any case and with spaces around, still work.
    for label in ["latin1", " ISO-8859-1 ", "Windows-1252"] {
        let article = extractor
            .extract(Input::bytes(page).charset(label))
            .unwrap_or_else(|e| panic!("{label}: {e}"));
        assert!(article.text.contains("Café"), "{label}: {}", article.text);
    }
}

#[test]
fn names_can_be_made_at_run_time() {
    let words = ["podcast", "webinar"];
    let mut builder = Extractor::builder();
    for word in words {
        let prefix = format!("{word}:");
        builder = builder.add(heuristic_fn(
            format!("label.drop-{word}-lines"),
            Stage::Label,
            move |draft, _cx| {
                draft
                    .blocks_mut()
                    .retain(|b| !b.text.to_lowercase().starts_with(&prefix));
                Ok(())
            },
        ));
    }
    let extractor = builder.build().unwrap();
    let story = format!("{STORY}\n\nPodcast: hear the librarians in this week's episode.");
    let (article, report) = extractor.extract_with_report(story.as_str()).unwrap();
    assert!(!article.text.contains("Podcast"), "{}", article.text);
    assert!(report.ran.contains(&"label.drop-podcast-lines"));
    assert!(
        extractor
            .heuristic_names()
            .contains(&"label.drop-webinar-lines")
    );
    // A name made again is the one stored before, not a second copy.
    let a = intern_name(String::from("label.drop-podcast-lines"));
    let b = intern_name(format!("label.drop-{}-lines", "podcast"));
    assert!(std::ptr::eq(a, b));
    // Two extractors built from the same run-time name.
    let again = Extractor::builder()
        .add(noop(String::from("label.drop-podcast-lines"), Stage::Label))
        .build()
        .unwrap();
    assert!(
        again
            .heuristic_names()
            .contains(&"label.drop-podcast-lines")
    );
}
