//! The options of issue #18 item 5: comments on request and the
//! precision/recall preference.
//!
//! - Comment fixtures: every `fixtures/comments/<slug>/input.html` is
//!   extracted with comments requested and compared, as JSON, with
//!   `expected.json` beside it (`COPYDESK_BLESS=1 cargo test --test options`
//!   rewrites them; read `git diff fixtures/` before committing).
//! - Without comments, and with the balanced preference set explicitly, the
//!   output of every golden fixture is byte for byte its `expected.json`.

use std::fs;
use std::path::{Path, PathBuf};

use copydesk::{Article, Extractor, Favor, Input, Kind};
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

#[path = "common/fixture_cases.rs"]
mod fixture_cases;

/// `(slug, input)` of every case folder under `fixtures/<group>`.
fn cases(group: &str) -> Vec<(String, PathBuf)> {
    fixture_cases::cases(&fixtures().join(group))
}

fn extract(extractor: &Extractor, input: &Path) -> Article {
    let bytes = fs::read(input).expect("read input");
    let kind = match input.extension().and_then(|e| e.to_str()) {
        Some("html" | "htm") => Kind::Html,
        _ => Kind::Text,
    };
    let url = fs::read_to_string(input.with_file_name("url.txt")).ok();
    let mut inp = Input::bytes(&bytes).kind(kind);
    if let Some(url) = url.as_deref() {
        inp = inp.url(url.trim());
    }
    extractor.extract(inp).expect("extracts")
}

/// The golden harness's file form of an article.
fn golden_form(a: &Article) -> String {
    let v = serde_json::to_value(a).expect("json");
    serde_json::to_string_pretty(&v).expect("json") + "\n"
}

fn with_comments() -> Extractor {
    Extractor::builder().comments(true).build().expect("builds")
}

#[test]
fn comment_fixtures_match_their_expected_json() {
    let bless = std::env::var_os("COPYDESK_BLESS").is_some();
    let cases = cases("comments");
    assert!(cases.len() >= 5, "comment fixtures found: {cases:?}");
    let extractor = with_comments();
    let mut failed = Vec::new();
    for (slug, input) in &cases {
        let got = golden_form(&extract(&extractor, input));
        let path = input.with_file_name("expected.json");
        if bless {
            fs::write(&path, &got).expect("write expected.json");
            continue;
        }
        let want = fs::read_to_string(&path).unwrap_or_default();
        if want != got {
            failed.push(format!("{slug}:\n{got}"));
        }
    }
    assert!(
        failed.is_empty(),
        "differs from expected.json:\n{}",
        failed.join("\n")
    );
}

#[test]
fn comment_text_never_reaches_the_body() {
    let extractor = with_comments();
    for (slug, input) in cases("comments") {
        let a = extract(&extractor, &input);
        let comments = a.comments.as_ref().expect("requested: a list");
        for c in comments {
            for p in c.text.split("\n\n") {
                assert!(!a.text.contains(p), "{slug}: comment {p:?} is in the body");
            }
            assert!(!c.text.contains("Reply"), "{slug}: {c:?}");
        }
    }
}

#[test]
fn comments_found_per_fixture() {
    let extractor = with_comments();
    let get = |slug: &str| {
        let (_, input) = cases("comments")
            .into_iter()
            .find(|(s, _)| s == slug)
            .expect("fixture");
        extract(&extractor, &input)
    };
    let wp = get("wordpress-comment-list");
    let c = wp.comments.as_ref().expect("list");
    let authors: Vec<_> = c
        .iter()
        .map(|c| c.author.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(authors, ["Marta Quinn", "June Hale", "Tom B."]);
    assert_eq!(
        c[0].text,
        "We chop everything with a spade before it goes in, and it halves the time.\n\n\
         Do you cover your bays in winter?"
    );
    assert_eq!(c[0].published.as_deref(), Some("2024-05-03T08:15:00+00:00"));
    let md = get("microdata-blog-comments");
    let c = md.comments.as_ref().expect("list");
    assert_eq!(c.len(), 2);
    assert_eq!(c[1].author.as_deref(), Some("Ros Adair"));
    assert_eq!(c[1].published.as_deref(), Some("2023-11-24"));
    let widget = get("news-comment-widget");
    let c = widget.comments.as_ref().expect("list");
    assert_eq!(c.len(), 2);
    assert_eq!(c[0].author.as_deref(), Some("river_fan_22"));
    assert_eq!(c[0].published, None, "a relative time is not a date");
    assert_eq!(
        c[1].text,
        "Good to see drainage this time. Last repair lasted one winter."
    );
    assert_eq!(get("no-comments").comments, Some(Vec::new()));
    let forum = get("forum-thread-replies");
    assert_eq!(forum.comments, Some(Vec::new()));
    assert!(forum.text.contains("Paper sacks in a frost-free shed"));
}

#[test]
fn without_comments_the_field_is_absent_and_the_rest_unchanged() {
    let plain = Extractor::default();
    let requested = with_comments();
    for (slug, input) in cases("comments") {
        let a = extract(&plain, &input);
        assert_eq!(a.comments, None);
        let v = serde_json::to_value(&a).expect("json");
        assert!(
            v.get("comments").is_none(),
            "{slug}: absent when not requested"
        );
        // On these pages the comments are outside the body chosen without
        // them: asking for them changes nothing else.
        let mut b = extract(&requested, &input);
        b.comments = None;
        assert_eq!(golden_form(&a), golden_form(&b), "{slug}");
    }
}

#[test]
fn defaults_spelled_out_are_byte_identical_to_the_goldens() {
    let explicit = Extractor::builder()
        .comments(false)
        .favor(Favor::Balanced)
        .build()
        .expect("builds");
    let known = fs::read_to_string(fixtures().join("known_failures.txt")).unwrap_or_default();
    let mut checked = 0;
    for group in ["html", "text"] {
        for (slug, input) in cases(group) {
            let id = format!("{group}/{slug}");
            if known
                .lines()
                .any(|l| l.split('#').next().unwrap_or("").trim() == id)
            {
                continue;
            }
            let want = fs::read_to_string(input.with_file_name("expected.json")).expect("expected");
            assert_eq!(
                golden_form(&extract(&explicit, &input)),
                want,
                "{group}/{slug}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 20, "{checked} goldens checked");
}

#[test]
fn favor_parses_and_reaches_the_extractor() {
    for (name, f) in [
        ("precision", Favor::Precision),
        ("balanced", Favor::Balanced),
        ("recall", Favor::Recall),
    ] {
        assert_eq!(name.parse::<Favor>(), Ok(f));
        let e = Extractor::builder().favor(f).build().expect("builds");
        assert!(format!("{e:?}").contains(&format!("favor: {f:?}")));
    }
    let err = "most".parse::<Favor>().unwrap_err();
    assert!(err.to_string().contains("precision, balanced or recall"));
    // The JSON form is the name.
    assert_eq!(
        serde_json::to_value(Favor::Recall).expect("json"),
        Value::from("recall")
    );
}

#[test]
fn microdata_comments_inside_the_story_leave_the_body_when_requested() {
    let para = |n: u32| {
        format!(
            "<p>Part {n}: the ferry returned to service on Tuesday after a refit that replaced \
             both engines and added a covered deck for cyclists on the morning crossings.</p>"
        )
    };
    let page = format!(
        "<html><body><article><h1>Ferry Back</h1>{}{}{}\
         <div itemscope itemtype=\"https://schema.org/Comment\"><b itemprop=\"author\">Noor</b>\
         <p itemprop=\"text\">The covered deck is a real improvement for the winter months, thanks.</p></div>\
         </article></body></html>",
        para(1),
        para(2),
        para(3)
    );
    let plain = Extractor::default()
        .extract(page.as_str())
        .expect("extracts");
    assert!(plain.text.contains("real improvement"), "{}", plain.text);
    let a = with_comments().extract(page.as_str()).expect("extracts");
    assert!(!a.text.contains("real improvement"), "{}", a.text);
    assert!(a.text.contains("Part 3"));
    let c = a.comments.expect("requested");
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].author.as_deref(), Some("Noor"));
    assert_eq!(
        c[0].text,
        "The covered deck is a real improvement for the winter months, thanks."
    );
}

#[test]
fn deep_and_wide_comment_threads_stay_bounded() {
    let start = std::time::Instant::now();
    let deep = format!(
        "<html><body><article><h1>T</h1><p>Body text of the story, long enough to read.</p></article>\
         <div id=\"comments\">{}{}</div></body></html>",
        "<div class=\"comment\"><p>reply</p>".repeat(3000),
        "</div>".repeat(3000)
    );
    let a = with_comments().extract(deep.as_str()).expect("an article");
    assert!(a.comments.is_some());
    let wide = format!(
        "<html><body><article><h1>T</h1><p>Body text of the story, long enough to read.</p></article>\
         <ol class=\"commentlist\">{}</ol></body></html>",
        "<li class=\"comment\"><cite class=\"fn\">A</cite><p>Same words.</p><a href=\"#\">Reply</a></li>"
            .repeat(20_000)
    );
    let a = with_comments().extract(wide.as_str()).expect("an article");
    assert!(!a.comments.expect("list").is_empty());
    assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
}

#[test]
fn a_short_comment_is_kept_when_its_words_occur_in_the_body() {
    let page = "<html><body><article><h1>Vote Tonight</h1>\
        <p>No decision was taken on the bypass, the council said, and the vote moves to March.</p>\
        <p>The committee will publish its report on the bypass route before the vote.</p></article>\
        <ol class=\"commentlist\"><li class=\"comment\"><cite class=\"fn\">Ed</cite><p>No</p></li></ol>\
        </body></html>";
    let a = with_comments().extract(page).expect("extracts");
    let c = a.comments.expect("requested");
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].text, "No");
}
