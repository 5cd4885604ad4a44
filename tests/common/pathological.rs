//! Generators of hostile inputs, shared by tests/pathological.rs (no panic,
//! an Article or a typed error) and benches/pathological.rs (seconds per MB).
//! Inputs are generated, never committed.

#![allow(dead_code)]

use copydesk::Kind;

/// One hostile input.
pub struct Case {
    pub name: &'static str,
    pub bytes: Vec<u8>,
    pub kind: Kind,
}

fn html(name: &'static str, s: String) -> Case {
    Case {
        name,
        bytes: s.into_bytes(),
        kind: Kind::Html,
    }
}

fn text(name: &'static str, s: String) -> Case {
    Case {
        name,
        bytes: s.into_bytes(),
        kind: Kind::Text,
    }
}

const PARA: &str = "<p>The council approved the budget on Tuesday, after a long debate about schools, roads and the harbour.</p>";

fn page(body: &str) -> String {
    format!(
        "<!doctype html><html lang=en><head><title>Budget Approved | Town Times</title></head><body><article><h1>Budget Approved</h1>{body}</article></body></html>"
    )
}

/// All cases. `scale` 1.0 is the size the issue asks for; smaller scales
/// give the same shapes for quick runs.
pub fn cases(scale: f64) -> Vec<Case> {
    let n = |x: usize| ((x as f64 * scale) as usize).max(1);
    let mut out = Vec::new();
    out.push(html(
        "nested-divs-100k",
        page(&format!(
            "{}{PARA}{}",
            "<div>".repeat(n(100_000)),
            "</div>".repeat(n(100_000))
        )),
    ));
    out.push(html(
        "nested-blockquotes-100k",
        page(&format!(
            "{}deep quote{}",
            "<blockquote>".repeat(n(100_000)),
            "</blockquote>".repeat(n(100_000))
        )),
    ));
    out.push(html(
        "page-50mb",
        page(&PARA.repeat(n(50_000_000) / PARA.len())),
    ));
    out.push(html(
        "tiny-paragraphs-1m",
        page(&"<p>x</p>".repeat(n(1_000_000))),
    ));
    out.push(html(
        "attribute-5mb",
        page(&format!(
            "<p class=\"{}\">Hello there, reader.</p>{PARA}",
            "a".repeat(n(5_000_000))
        )),
    ));
    out.push(html(
        "h1-10k",
        page(&"<h1>Headline again</h1><p>Body text, short.</p>".repeat(n(10_000))),
    ));
    out.push(html("jsonld-scripts-50k", page(&format!("{}{PARA}", r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","author":{"name":"A"}}</script>"#.repeat(n(50_000))))));
    let depth = n(10_000);
    let mut deep = String::from(
        r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Deep","x":"#,
    );
    deep.push_str(&"{\"a\":[".repeat(depth));
    let filler = format!("\"{}\"", "z".repeat(n(10_000_000)));
    deep.push_str(&filler);
    deep.push_str(&"]}".repeat(depth));
    deep.push_str("}</script>");
    out.push(html("jsonld-10mb-deep", page(&format!("{deep}{PARA}"))));
    out.push(html(
        "unclosed-tags",
        page(&"<div><p><span><em><a href=x><table><tr><td>cell text here ".repeat(n(20_000))),
    ));
    // Distinct formatting elements left open are re-opened (cloned) by the
    // HTML parser in every later paragraph: 50 KB parse into 4.5 million
    // nodes, over the default `max_nodes`.
    let mut reopen = String::from("<p>");
    for i in 0..n(1_000) {
        reopen.push_str(&format!("<b id=b{i}>"));
    }
    reopen.push_str("</p>");
    reopen.push_str(&"<p>x</p>".repeat(n(4_500)));
    out.push(html("formatting-reopen", page(&reopen)));
    // The HTML parser ignores the slash of a self-closed non-void tag:
    // these open, nest and re-open like their unclosed forms.
    out.push(html(
        "self-closed-divs-20k",
        page(&format!("{}{PARA}", "<div/>".repeat(n(20_000)))),
    ));
    let mut reopen = String::from("<p>");
    for i in 0..n(1_000) {
        reopen.push_str(&format!("<b id=\"b{i}\"/>"));
    }
    reopen.push_str("</p>");
    reopen.push_str(&"<p>x</p>".repeat(n(4_500)));
    out.push(html("self-closed-formatting", page(&reopen)));
    out.push(Case {
        name: "nul-bytes",
        bytes: page(&format!("{PARA}\0\0<p>after\0nul</p>{PARA}")).into_bytes(),
        kind: Kind::Auto,
    });
    let mut invalid = page(PARA).into_bytes();
    invalid.splice(
        40..40,
        [0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1],
    );
    out.push(Case {
        name: "invalid-utf8",
        bytes: invalid,
        kind: Kind::Auto,
    });
    let utf16: Vec<u8> = page(PARA)
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    let mut with_bom = vec![0xff, 0xfe];
    with_bom.extend_from_slice(&utf16);
    out.push(Case {
        name: "utf16-bom",
        bytes: with_bom,
        kind: Kind::Auto,
    });
    out.push(Case {
        name: "utf16-no-bom",
        bytes: utf16,
        kind: Kind::Auto,
    });
    out.push(Case {
        name: "meta-charset-lies",
        bytes: "<html><head><meta charset=\"windows-1252\"><title>Café société</title></head><body><p>Crème brûlée, naïve café — “quoted” text for the reader.</p></body></html>".as_bytes().to_vec(),
        kind: Kind::Auto,
    });
    out.push(html("zero-width-bidi", page(&"<p>Zero\u{200b}width\u{200d} and \u{202e}bidi\u{202c} \u{2066}isolates\u{2069}, \u{feff}everywhere.</p>".repeat(n(1000)))));
    out.push(text(
        "text-100k-one-word-lines",
        "word\n".repeat(n(100_000)),
    ));
    out.push(text(
        "text-20mb-one-line",
        "All work and no play makes a dull story. ".repeat(n(20_000_000) / 41),
    ));
    out.push(text(
        "text-100k-blank-lines",
        format!("Headline Here\n{}Body text.", "\n".repeat(n(100_000))),
    ));
    out.push(text("text-10mb-one-line", "x".repeat(n(10_000_000))));
    out
}
