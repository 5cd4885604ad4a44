//! `eval rdtext` and `eval structure`: the Readability test pages
//! (`../shared/corpus/readability/<case>/`), scored against the structure of
//! Readability.js's expected output (`expected.html`, silver truth) and its
//! `expected-metadata.json`.
//!
//! ```text
//! eval rdtext    [--corpus DIR] [--floors headline=V,dek=V,headings=V,body=V] [--out FILE.jsonl] [--worst N]
//! eval structure [--corpus DIR] [--floors headline=V,headings=V,quotes=V] [--out FILE.jsonl] [--worst N]
//! ```
//!
//! `rdtext` makes a text rendition of every case in memory (nothing is
//! written to the repository): line 1 is the expected title (the page's
//! `<title>` text when Readability gives none) — the title as the article
//! shows it, which is how a clean text of the article starts — line 2 the expected
//! excerpt (left out when there is none), then a blank line and the blocks
//! of `expected.html`, one per line with a blank line between blocks;
//! headings are their own blocks, list items one per line. It extracts the
//! rendition with `Kind::Text` and scores:
//! - **headline**: `headline` equal to the expected title after NFC,
//!   whitespace collapsing and case folding (cases with a non-empty title);
//! - **dek**: `dek` equal to the expected excerpt, same normalisation
//!   (cases with an excerpt);
//! - **headings**: the `h1`–`h6` texts of `expected.html` against the
//!   Article's section headings and `Heading` blocks, normalised, as
//!   multisets; F1 of the overlap pooled over all cases (micro F1);
//! - **body**: the expected blocks other than headings against the
//!   Article's `text`, the WCXB bag-of-words F1, mean over cases.
//!
//! `structure` extracts `source.html` as HTML (URL `http://fakehost/test/page.html`,
//! as Readability's tests use) and scores:
//! - **headline**: `headline` against the expected title, normalised as above;
//! - **headings**: as in `rdtext` (micro F1);
//! - **quotes**: the texts of the outermost `<blockquote>`s of
//!   `expected.html` against the Article's `Quote` blocks; a pair matches
//!   when the bag-of-words token F1 of the two texts is at least 0.8
//!   (greedy one-to-one, best pairs first); F1 of the matches pooled over
//!   all cases (micro F1).
//!
//! `rdtext` also prints, for information, the headline when line 1 is the
//! page's `<title>` text instead (site suffixes and all, as a crawler
//! stores it), scored against the expected title the same way: many
//! expected titles come from metadata the text does not carry, so that
//! figure has no target.
//!
//! Cases with a `headings`/`quotes` figure of nothing expected and nothing
//! found add nothing to the pooled counts. Per-page means over the cases
//! that expect at least one heading/quote are printed too, for reference.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::{Value, json};

use crate::common::{self, Figures, fmt3};

/// Blocks of expected.html.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Heading,
    Item,
    Text,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub kind: Kind,
    pub text: String,
}

const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "ul",
    "body",
    "html",
];

fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// The blocks of an HTML fragment in reading order (iterative walk):
/// text between block-element boundaries is one block; headings and list
/// items are marked; `<pre>` keeps its (non-blank) lines.
pub fn pieces(doc: &Html) -> Vec<Piece> {
    pieces_of(doc.root_element())
}

/// [`pieces`] of one element's subtree.
pub fn pieces_of(root: ElementRef) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut buf = String::new();
    // Open block elements: (tag, is pre).
    let mut stack: Vec<String> = Vec::new();
    let mut skip = 0usize;
    let flush = |buf: &mut String, stack: &[String], out: &mut Vec<Piece>| {
        let in_pre = stack.iter().any(|t| t == "pre");
        let text = if in_pre {
            buf.lines()
                .map(str::trim_end)
                .filter(|l| !l.trim().is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            buf.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        buf.clear();
        if text.trim().is_empty() {
            return;
        }
        let kind = match stack.iter().rev().find(|t| is_heading(t) || *t == "li") {
            Some(t) if is_heading(t) => Kind::Heading,
            Some(_) => Kind::Item,
            None => Kind::Text,
        };
        out.push(Piece { kind, text });
    };
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let tag = e.name();
                    if matches!(tag, "script" | "style" | "noscript" | "template" | "head") {
                        skip += 1;
                    } else if skip == 0 {
                        if BLOCK_TAGS.contains(&tag) {
                            flush(&mut buf, &stack, &mut out);
                            stack.push(tag.to_owned());
                        } else if tag == "br" {
                            buf.push(if stack.iter().any(|t| t == "pre") {
                                '\n'
                            } else {
                                ' '
                            });
                        } else if matches!(tag, "td" | "th") {
                            buf.push(' ');
                        }
                    }
                }
                Node::Text(t) if skip == 0 => buf.push_str(t),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    let tag = e.name();
                    if matches!(tag, "script" | "style" | "noscript" | "template" | "head") {
                        skip = skip.saturating_sub(1);
                    } else if skip == 0 && BLOCK_TAGS.contains(&tag) {
                        flush(&mut buf, &stack, &mut out);
                        stack.pop();
                    } else if skip == 0 && matches!(tag, "td" | "th") {
                        buf.push(' ');
                    }
                }
            }
        }
    }
    flush(&mut buf, &stack, &mut out);
    out
}

/// The text rendition of a case: title line, excerpt line, blocks.
pub fn rendition(title: &str, excerpt: Option<&str>, pieces: &[Piece]) -> String {
    let mut out = String::new();
    out.push_str(title.trim());
    out.push('\n');
    if let Some(x) = excerpt.map(str::trim).filter(|x| !x.is_empty()) {
        out.push_str(&x.split_whitespace().collect::<Vec<_>>().join(" "));
        out.push('\n');
    }
    let mut prev: Option<&Kind> = None;
    for p in pieces {
        let sep = match (prev, &p.kind) {
            (None, _) => "\n",
            (Some(Kind::Item), Kind::Item) => "\n",
            _ => "\n\n",
        };
        out.push_str(sep);
        out.push_str(&p.text);
        prev = Some(&p.kind);
    }
    out.push('\n');
    out
}

/// Element text, whitespace collapsed.
fn text_of(e: ElementRef) -> String {
    e.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Normalised `h1`–`h6` texts of a document, in order.
pub fn expected_headings(doc: &Html) -> Vec<String> {
    let sel = Selector::parse("h1, h2, h3, h4, h5, h6").expect("heading selector");
    doc.select(&sel)
        .map(|e| common::fold(&text_of(e)))
        .filter(|s| !s.is_empty())
        .collect()
}

/// Texts of the outermost `<blockquote>`s.
pub fn expected_quotes(doc: &Html) -> Vec<String> {
    let sel = Selector::parse("blockquote").expect("blockquote selector");
    doc.select(&sel)
        .filter(|e| {
            !e.ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| a.value().name() == "blockquote")
        })
        .map(|e| {
            pieces_of(e)
                .into_iter()
                .map(|p| p.text)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|s| !s.is_empty())
        .collect()
}

/// The Article's section headings and `Heading` blocks, normalised.
pub fn article_headings(a: &copydesk::Article) -> Vec<String> {
    let mut out = Vec::new();
    for s in &a.sections {
        if let Some(h) = &s.heading {
            out.push(common::fold(h));
        }
        for b in &s.blocks {
            if let copydesk::Block::Heading { text, .. } = b {
                out.push(common::fold(text));
            }
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

/// The Article's quote blocks' texts.
pub fn article_quotes(a: &copydesk::Article) -> Vec<String> {
    a.blocks()
        .filter_map(|(_, b)| match b {
            copydesk::Block::Quote { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

/// Greedy one-to-one matching of quote texts: pairs with token F1 >= 0.8,
/// best first. Returns the number of matched pairs.
pub fn match_quotes(expected: &[String], got: &[String]) -> usize {
    let e: Vec<Vec<String>> = expected.iter().map(|s| common::bow_tokens(s)).collect();
    let g: Vec<Vec<String>> = got.iter().map(|s| common::bow_tokens(s)).collect();
    let mut pairs = Vec::new();
    for (i, a) in e.iter().enumerate() {
        for (j, b) in g.iter().enumerate() {
            let f = common::multiset_f1(a, b).f1;
            if f >= 0.8 {
                pairs.push((f, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut ue, mut ug) = (vec![false; e.len()], vec![false; g.len()]);
    let mut n = 0;
    for (_, i, j) in pairs {
        if !ue[i] && !ug[j] {
            ue[i] = true;
            ug[j] = true;
            n += 1;
        }
    }
    n
}

/// Pooled (micro) counts: matched, expected, predicted.
#[derive(Debug, Default, Clone, Copy)]
pub struct Pool {
    pub matched: usize,
    pub expected: usize,
    pub got: usize,
}

impl Pool {
    pub fn add(&mut self, matched: usize, expected: usize, got: usize) {
        self.matched += matched;
        self.expected += expected;
        self.got += got;
    }

    pub fn f1(&self) -> f64 {
        if self.expected + self.got == 0 {
            return 1.0;
        }
        2.0 * self.matched as f64 / (self.expected + self.got) as f64
    }

    pub fn precision(&self) -> f64 {
        if self.got == 0 {
            1.0
        } else {
            self.matched as f64 / self.got as f64
        }
    }

    pub fn recall(&self) -> f64 {
        if self.expected == 0 {
            1.0
        } else {
            self.matched as f64 / self.expected as f64
        }
    }
}

/// Per-page F1 of `matched` out of `expected` and `got`.
fn page_f1(matched: usize, expected: usize, got: usize) -> f64 {
    if expected + got == 0 {
        1.0
    } else {
        2.0 * matched as f64 / (expected + got) as f64
    }
}

struct Case {
    name: String,
    meta: Value,
    source: Vec<u8>,
    expected: Html,
}

fn load_cases(corpus: &Path) -> Option<Vec<Case>> {
    let entries = std::fs::read_dir(corpus).ok()?;
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.join("source.html").is_file()
                && p.join("expected.html").is_file()
                && p.join("expected-metadata.json").is_file()
        })
        .collect();
    dirs.sort();
    let cases = dirs
        .into_iter()
        .filter_map(|d| {
            let meta = serde_json::from_str(
                &std::fs::read_to_string(d.join("expected-metadata.json")).ok()?,
            )
            .ok()?;
            let source = std::fs::read(d.join("source.html")).ok()?;
            let expected =
                Html::parse_document(&std::fs::read_to_string(d.join("expected.html")).ok()?);
            Some(Case {
                name: d.file_name()?.to_string_lossy().into_owned(),
                meta,
                source,
                expected,
            })
        })
        .collect();
    Some(cases)
}

fn meta_str<'a>(meta: &'a Value, key: &str) -> Option<&'a str> {
    meta.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The `<title>` text of a page.
fn page_title(source: &[u8]) -> Option<String> {
    let html = Html::parse_document(&String::from_utf8_lossy(source));
    let sel = Selector::parse("title").expect("title selector");
    html.select(&sel)
        .next()
        .map(text_of)
        .filter(|s| !s.is_empty())
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Text,
    Structure,
}

pub fn run(args: &[String], which: Which) -> ExitCode {
    let cmd = match which {
        Which::Text => "rdtext",
        Which::Structure => "structure",
    };
    let (common, rest) = match common::parse_common(args) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("eval {cmd}: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(o) = rest.first() {
        eprintln!("eval {cmd}: unknown option {o}");
        return ExitCode::from(2);
    }
    let corpus = common
        .corpus
        .clone()
        .unwrap_or_else(|| PathBuf::from("../shared/corpus/readability"));
    let cases = match load_cases(&corpus) {
        Some(c) if !c.is_empty() => c,
        _ => {
            println!("eval {cmd}: no cases under {}; skipped", corpus.display());
            return ExitCode::SUCCESS;
        }
    };
    let extractor = copydesk::Extractor::default();
    let (mut headline, mut dek) = ((0usize, 0usize), (0usize, 0usize));
    // rdtext: the headline when line 1 is the page's `<title>` (info).
    let mut title_line = (0usize, 0usize);
    let (mut headings, mut quotes) = (Pool::default(), Pool::default());
    let (mut heading_pages, mut quote_pages, mut body) = (Vec::new(), Vec::new(), Vec::new());
    let mut rows = Vec::new();
    let mut misses: Vec<String> = Vec::new();
    for case in &cases {
        let title = meta_str(&case.meta, "title");
        let excerpt = meta_str(&case.meta, "excerpt");
        let pieces = pieces(&case.expected);
        let result = match which {
            Which::Text => {
                let page = page_title(&case.source);
                let line1 = title
                    .map(str::to_owned)
                    .or_else(|| page.clone())
                    .unwrap_or_default();
                if let (Some(t), Some(page)) = (title, page.as_deref()) {
                    let text = rendition(page, excerpt, &pieces);
                    let got = extractor
                        .extract(copydesk::Input::new(&text).kind(copydesk::Kind::Text))
                        .ok()
                        .and_then(|a| a.headline);
                    title_line.1 += 1;
                    title_line.0 += usize::from(
                        got.as_deref()
                            .is_some_and(|h| common::fold(h) == common::fold(t)),
                    );
                }
                let text = rendition(&line1, excerpt, &pieces);
                extractor.extract(copydesk::Input::new(&text).kind(copydesk::Kind::Text))
            }
            Which::Structure => extractor.extract(
                copydesk::Input::bytes(&case.source)
                    .kind(copydesk::Kind::Html)
                    .url("http://fakehost/test/page.html"),
            ),
        };
        let article = result.unwrap_or_else(|e| {
            eprintln!("eval {cmd}: {}: {e}", case.name);
            copydesk::Article::new()
        });
        let mut row = json!({ "case": case.name });
        if let Some(t) = title {
            let ok = article
                .headline
                .as_deref()
                .is_some_and(|h| common::fold(h) == common::fold(t));
            headline.1 += 1;
            headline.0 += usize::from(ok);
            row["headline"] = json!({"expected": t, "got": article.headline, "ok": ok});
            if !ok {
                misses.push(format!(
                    "headline {}: want {t:?}, got {:?}",
                    case.name,
                    article.headline.as_deref().unwrap_or("")
                ));
            }
        }
        if which == Which::Text {
            if let Some(x) = excerpt {
                let ok = article
                    .dek
                    .as_deref()
                    .is_some_and(|d| common::fold(d) == common::fold(x));
                dek.1 += 1;
                dek.0 += usize::from(ok);
                row["dek"] = json!({"expected": x, "got": article.dek, "ok": ok});
            }
            let want: String = pieces
                .iter()
                .filter(|p| p.kind != Kind::Heading)
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join("\n\n");
            let s = common::text_f1(&want, &article.text);
            body.push(s.f1);
            row["body"] = json!({"f1": s.f1, "precision": s.precision, "recall": s.recall});
        }
        let eh = expected_headings(&case.expected);
        let gh = article_headings(&article);
        let m = common::multiset_overlap(&eh, &gh);
        headings.add(m, eh.len(), gh.len());
        if !eh.is_empty() {
            heading_pages.push(page_f1(m, eh.len(), gh.len()));
        }
        row["headings"] = json!({"expected": eh, "got": gh, "matched": m});
        if which == Which::Structure {
            let eq = expected_quotes(&case.expected);
            let gq = article_quotes(&article);
            let m = match_quotes(&eq, &gq);
            quotes.add(m, eq.len(), gq.len());
            if !eq.is_empty() {
                quote_pages.push(page_f1(m, eq.len(), gq.len()));
            }
            row["quotes"] = json!({"expected": eq.len(), "got": gq.len(), "matched": m});
        }
        rows.push(row);
    }

    let acc = |(k, n): (usize, usize)| if n == 0 { 0.0 } else { k as f64 / n as f64 };
    let mut figures = Figures::default();
    match which {
        Which::Text => println!(
            "Readability pages as text renditions (title line, excerpt line, expected blocks), Kind::Text: {} cases",
            cases.len()
        ),
        Which::Structure => println!(
            "Readability pages (source.html as HTML) against the structure of expected.html: {} cases",
            cases.len()
        ),
    }
    println!(
        "  headline   {:.3} ({}/{})  = expected title after NFC, whitespace and case folding",
        acc(headline),
        headline.0,
        headline.1
    );
    figures.up("headline", acc(headline));
    if which == Which::Text {
        println!(
            "  (info) headline with line 1 = the page's <title>: {:.3} ({}/{}), same scoring",
            acc(title_line),
            title_line.0,
            title_line.1
        );
        println!(
            "  dek        {:.3} ({}/{})  = expected excerpt, same normalisation",
            acc(dek),
            dek.0,
            dek.1
        );
        figures.up("dek", acc(dek));
    }
    println!(
        "  headings   F1 {:.3}  P {:.3}  R {:.3}  ({} matched, {} expected, {} found; pooled; per-page mean over {} cases with headings {})",
        headings.f1(),
        headings.precision(),
        headings.recall(),
        headings.matched,
        headings.expected,
        headings.got,
        heading_pages.len(),
        fmt3(common::mean(heading_pages.iter().copied()))
    );
    figures.up("headings", headings.f1());
    match which {
        Which::Text => {
            let b = common::mean(body.iter().copied());
            println!(
                "  body       F1 {}  (expected blocks minus headings vs `text`, bag of words, mean over cases)",
                fmt3(b)
            );
            figures.up("body", b.unwrap_or(0.0));
        }
        Which::Structure => {
            println!(
                "  quotes     F1 {:.3}  P {:.3}  R {:.3}  ({} matched, {} expected, {} found; a match = token F1 >= 0.8; pooled; per-page mean over {} cases with quotes {})",
                quotes.f1(),
                quotes.precision(),
                quotes.recall(),
                quotes.matched,
                quotes.expected,
                quotes.got,
                quote_pages.len(),
                fmt3(common::mean(quote_pages.iter().copied()))
            );
            figures.up("quotes", quotes.f1());
        }
    }
    if common.worst > 0 && !misses.is_empty() {
        println!("first {} headline misses:", common.worst);
        for m in misses.iter().take(common.worst) {
            println!("  {m}");
        }
    }
    if let Some(out) = &common.out {
        if let Err(e) = common::write_jsonl(out, &rows) {
            eprintln!("eval {cmd}: {e}");
            return ExitCode::from(2);
        }
    }
    common::finish(cmd, &figures, &common)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<div id=\"readability-page-1\" class=\"page\"><div>\
        <h2>The  Plan</h2><p>First <b>bold</b> words.<br>Same block.</p>\
        <ul><li>one</li><li>two <i>too</i></li></ul>\
        <blockquote><p>Quoted line.</p><blockquote>inner</blockquote></blockquote>\
        loose text<script>var x = 1;</script>\
        <pre>a = 1\n\n  b = 2</pre></div></div>";

    #[test]
    fn pieces_follow_block_boundaries() {
        let doc = Html::parse_document(PAGE);
        let got: Vec<(Kind, &str)> = pieces(&doc).iter().map(|p| (p.kind.clone(), "")).collect();
        assert_eq!(got.len(), 8, "{:?}", pieces(&doc));
        let p = pieces(&doc);
        assert_eq!(
            p[0],
            Piece {
                kind: Kind::Heading,
                text: "The Plan".into()
            }
        );
        assert_eq!(p[1].text, "First bold words. Same block.");
        assert_eq!(
            (p[2].kind.clone(), p[3].text.as_str()),
            (Kind::Item, "two too")
        );
        assert_eq!(p[4].text, "Quoted line.");
        assert_eq!(p[5].text, "inner");
        assert_eq!(p[6].text, "loose text");
        assert_eq!(p[7].text, "a = 1\n  b = 2");
    }

    #[test]
    fn rendition_lines() {
        let doc = Html::parse_document(PAGE);
        let r = rendition("Title", Some("The  excerpt."), &pieces(&doc)[..4]);
        assert_eq!(
            r,
            "Title\nThe excerpt.\n\nThe Plan\n\nFirst bold words. Same block.\n\none\ntwo too\n"
        );
        let r = rendition("Title", None, &pieces(&doc)[..1]);
        assert_eq!(r, "Title\n\nThe Plan\n");
    }

    #[test]
    fn headings_and_outer_quotes() {
        let doc = Html::parse_document(PAGE);
        assert_eq!(expected_headings(&doc), ["the plan"]);
        assert_eq!(expected_quotes(&doc), ["Quoted line. inner"]);
    }

    #[test]
    fn quote_matching_is_one_to_one_at_f1_08() {
        let e = vec![
            "we will build the bridge this year".to_owned(),
            "short".to_owned(),
        ];
        let g = vec![
            "We will build the bridge this year!".to_owned(),
            "we will build the bridge this year".to_owned(),
            "something else".to_owned(),
        ];
        assert_eq!(match_quotes(&e, &g), 1);
        // 3 of 6 tokens found: F1 2*3/(6+3) = 0.667 < 0.8; 4 of 6: exactly 0.8.
        assert_eq!(match_quotes(&["a b c d e f".into()], &["a b c".into()]), 0);
        assert_eq!(
            match_quotes(&["a b c d e f".into()], &["a b c d".into()]),
            1
        );
        let mut p = Pool::default();
        p.add(1, 2, 3);
        assert!((p.f1() - 0.4).abs() < 1e-9);
    }
}
