//! The Report explains the body: the main content Score chose and why, the
//! fallbacks taken, where the lede and each section came from, and a low
//! confidence with a note when the body is empty or far smaller than the
//! input's text. It serialises to JSON, and asking for it never changes
//! the Article.

use std::path::Path;

use copydesk::{Extractor, Fallback, Input, Kind};

const PAGE: &str = r#"<!doctype html><html><head><title>Bridge Opens | Town News</title></head><body>
<nav class="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<div id="page"><article class="story">
<h1>Bridge Opens</h1>
<p>The new bridge over the river opened on Monday after two years of building work and many delays.</p>
<p>Drivers saved ten minutes on the first morning, the council said, and buses ran on time for once.</p>
<h2>Cyclists</h2>
<p>A separate lane for bicycles runs along the east side, with railings and lights all the way across.</p>
<aside class="related-links"><h3>Related Articles</h3><ul>
<li><a href="https://news.example/old-bridge">The old bridge closes for good after a century</a></li>
<li><a href="https://news.example/bus-routes">Bus routes change when the new bridge opens</a></li></ul></aside>
</article></div>
<footer class="site-footer"><p>Copyright 2025 Town News. All rights reserved.</p></footer>
</body></html>"#;

#[test]
fn html_report_names_the_main_content_sections_and_lede() {
    let (article, report) = Extractor::default().extract_with_report(PAGE).unwrap();
    let main = report
        .main_content
        .as_ref()
        .expect("HTML has a main content");
    assert_eq!(main.chosen_by, Some("score.main-content"));
    assert_eq!(main.roots, ["body > div#page > article.story"]);
    assert!(main.fallbacks.is_empty(), "{:?}", main.fallbacks);
    assert!(
        main.boxes
            .iter()
            .any(|b| b.path == "body > div#page > article.story > aside.related-links"),
        "{:?}",
        main.boxes
    );

    assert_eq!(article.sections.len(), 2);
    assert_eq!(report.sections.len(), 2);
    assert_eq!(report.sections[0].heading_by, None);
    assert_eq!(report.sections[0].blocks, 2);
    assert_eq!(report.sections[1].heading_by, Some("segment.html-blocks"));
    assert_eq!(report.sections[1].blocks, 1);
    assert!(
        report.sections[0]
            .containers
            .iter()
            .any(|c| c.contains("story")),
        "{:?}",
        report.sections[0].containers
    );

    let lede = report.provenance_of("lede").expect("lede provenance");
    assert_eq!(lede.heuristic, "assemble.lede-and-text");
    assert!(
        lede.source.starts_with("first body paragraph"),
        "{}",
        lede.source
    );

    assert_eq!(report.body.confidence, 1.0);
    assert!(report.body.body_chars > 200);
    assert!(report.body.page_chars > report.body.body_chars);
}

#[test]
fn report_serialises_to_json() {
    let (_, report) = Extractor::default().extract_with_report(PAGE).unwrap();
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["kind"], "html");
    assert_eq!(json["main_content"]["chosen_by"], "score.main-content");
    assert_eq!(json["main_content"]["boxes"][0]["kind"], "related");
    assert_eq!(json["sections"][1]["heading_by"], "segment.html-blocks");
    assert!(
        json["ran"]
            .as_array()
            .unwrap()
            .contains(&"score.main-content".into())
    );
    assert_eq!(json["timings"][0]["step"], "parse");
    assert!(json["timings"][0]["micros"].is_u64());
    assert!(
        json["provenance"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["field"] == "lede")
    );
    assert_eq!(json["body"]["confidence"], 1.0);
}

#[test]
fn an_empty_body_on_a_page_full_of_text_is_noted() {
    // All the text sits in boxes the cleaner removes as chrome.
    let para =
        "Readers wrote in about the bridge, the buses and the new cycle lane all week long. ";
    let page = format!(
        "<html><body><aside class=\"comments\"><p>{}</p></aside>\
         <footer class=\"site-footer\"><p>{}</p></footer></body></html>",
        para.repeat(12),
        para.repeat(4)
    );
    let (article, report) = Extractor::default()
        .extract_with_report(page.as_str())
        .unwrap();
    assert!(article.text.is_empty(), "{}", article.text);
    assert_eq!(report.body.body_chars, 0);
    assert!(report.body.page_chars > 1000, "{}", report.body.page_chars);
    assert_eq!(report.body.confidence, 0.0);
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.starts_with("the body is empty although the input holds")),
        "{:?}",
        report.notes
    );
}

#[test]
fn a_body_far_smaller_than_the_page_is_noted() {
    // A menu of far more text than the story: counted in the page's text,
    // removed as chrome.
    let menu = "<li><a href=\"/s\">Every section of the site, listed again for readers</a></li>";
    let page = format!(
        "<html><body><nav><ul>{}</ul></nav>\
         <article><p>The pool opens on Monday, the council said in a statement.</p></article></body></html>",
        menu.repeat(60)
    );
    let (article, report) = Extractor::default()
        .extract_with_report(page.as_str())
        .unwrap();
    assert!(
        article.text.starts_with("The pool opens"),
        "{}",
        article.text
    );
    assert!(report.body.confidence < 0.5, "{:?}", report.body);
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("the main content may have been missed")),
        "{:?}",
        report.notes
    );
}

#[test]
fn a_json_ld_body_is_a_fallback() {
    let sentence = "The harbour wall will be repaired over the summer, the port authority said. ";
    let page = format!(
        r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle","headline":"Wall Repairs","articleBody":"{}"}}</script></head>
        <body><article><p>Short teaser about the harbour wall and its repairs this summer.</p></article></body></html>"#,
        sentence.repeat(20)
    );
    let (article, report) = Extractor::default()
        .extract_with_report(page.as_str())
        .unwrap();
    assert!(article.text.len() > 1000, "{}", article.text);
    let main = report.main_content.unwrap();
    assert!(main.fallbacks.contains(&Fallback::JsonLdBody), "{main:?}");
    assert!(
        main.reasons
            .iter()
            .any(|r| r.contains("JSON-LD articleBody")),
        "{main:?}"
    );
}

#[test]
fn text_report_has_spans_and_no_main_content() {
    let text = "Ferry Service Resumes\n\n\
        Ferries resumed service on Monday after a week of storms kept them in port.\n\n\
        ## Timetable\n\n\
        Boats leave every hour from seven in the morning until nine at night.";
    let (article, report) = Extractor::default()
        .extract_with_report(Input::new(text).kind(Kind::Text))
        .unwrap();
    assert!(report.main_content.is_none());
    assert_eq!(report.sections.len(), article.sections.len());
    let last = report.sections.last().unwrap();
    let span = last.span.clone().expect("text blocks have spans");
    assert!(text[span].starts_with("Boats leave every hour"));
    assert!(last.heading_by.is_some());
    assert_eq!(report.body.confidence, 1.0);
}

#[test]
fn the_article_is_the_same_with_or_without_the_report() {
    let extractor = Extractor::default();
    let mut inputs: Vec<Vec<u8>> = vec![PAGE.as_bytes().to_vec()];
    for dir in ["fixtures/html", "fixtures/text"] {
        let Ok(entries) = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            for name in ["input.html", "input.txt"] {
                if let Ok(bytes) = std::fs::read(entry.path().join(name)) {
                    inputs.push(bytes);
                }
            }
        }
    }
    assert!(inputs.len() > 10, "fixtures found: {}", inputs.len());
    for bytes in &inputs {
        let plain = extractor.extract_bytes(bytes);
        let reported = extractor.extract_with_report(Input::bytes(bytes));
        match (plain, reported) {
            (Ok(a), Ok((b, _))) => assert_eq!(a, b),
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
            (a, b) => panic!("differ: {a:?} vs {:?}", b.map(|(a, _)| a)),
        }
    }
}
