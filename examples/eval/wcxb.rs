//! `eval wcxb` and `eval wet`: main content on wcxb-dev, with the WCXB
//! benchmark's metric (see `../shared/corpus/wcxb-dev/README.md`).
//!
//! ```text
//! eval wcxb [--corpus DIR] [--floors NAME=V,...] [--ceilings NAME=V,...]
//!           [--worst N] [--worst-half tune|held|both] [--out FILE.jsonl] [--figures]
//!           [--favor precision|balanced|recall] [--comments]
//! eval wet  [--corpus DIR] [--dumps DIR] (same options)
//! ```
//!
//! `--favor` builds the extractor with that precision/recall preference
//! (default balanced, the default extractor); `--comments` asks for
//! comments too (they are never part of the scored body).
//!
//! `wcxb` extracts every `html/<id>.html.gz` as HTML; `wet` extracts the
//! crawler-style dump `../wcxb-dev-wet/text/<id>.txt.gz` of the same page
//! with `Kind::Text`. Both pass the page's URL from the truth, as a pipeline
//! would, and score the body as **subheadings + blocks**: every section
//! heading and every block's text (figures left out, as in `Article::text`)
//! in reading order, because the WCXB truth keeps the headings in its main
//! content while `Article::text` leaves section headings out by contract.
//!
//! Metric, per page: tokens are `[\p{L}\p{N}_]+` after lower-casing
//! (Python's `\w+`), compared as multisets; precision, recall and F1 of the
//! overlap; an empty reference scores 1 only against an empty prediction,
//! an empty prediction 0. Corpus figures are the means of the per-page
//! values. The snippet rates are the share of the truth's `with` (higher is
//! better) and `without` (lower is better) snippets found in the prediction
//! as case-insensitive substrings, averaged over the pages that have such
//! snippets. A collapse is a page with F1 < 0.3; an empty body is a page
//! whose prediction has no token.
//!
//! Halves: **tune** = even numeric page id, **held** = odd id. Rules are
//! chosen on the tuning half; both halves are always reported side by side,
//! and `--worst` lists pages of the tuning half unless `--worst-half` says
//! otherwise.
//!
//! Page-type verdict: when the serialised `Article` has a `page_type` (a
//! string, or an object with a `type`/`kind`/`value`/`label` string), its
//! accuracy against the truth's `page_type` is reported per half; while the
//! field is absent the column says `n/a`.
//!
//! Figures for `--floors` (higher is better): `f1`, `p`, `r`, `with`,
//! `verdict` and per page type `<type>` (its F1); for `--ceilings` (lower is
//! better): `without`, `collapses`, `empty`, `<type>.collapses`,
//! `<type>.empty` (page counts). Every name exists as `NAME.tune` and
//! `NAME.held`; a limit on `NAME` applies to both.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use serde_json::{Value, json};

use crate::common::{self, Bow, Figures, Half, Truth, fmt3};

/// The order the issue and the README use.
pub const TYPES: [&str; 7] = [
    "article",
    "documentation",
    "service",
    "forum",
    "collection",
    "listing",
    "product",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Html,
    Wet,
}

impl Mode {
    fn cmd(self) -> &'static str {
        match self {
            Mode::Html => "wcxb",
            Mode::Wet => "wet",
        }
    }
}

/// One scored page.
#[derive(Debug, Clone)]
pub struct Page {
    pub score: Bow,
    /// F1 of `Article::text` alone (section headings left out), for comparison.
    pub text_f1: f64,
    pub with: Option<f64>,
    pub without: Option<f64>,
    pub pred_chars: usize,
    pub truth_chars: usize,
    pub empty: bool,
    pub verdict: Option<String>,
    /// `headline` equal to the truth's title (folded), where it has one.
    pub headline: Option<bool>,
    pub headline_got: Option<String>,
    pub error: Option<String>,
    pub prediction: String,
}

/// Section headings and blocks in reading order, blank-line separated;
/// figures left out as in [`copydesk::Article::body_text`].
pub fn outline_text(article: &copydesk::Article) -> String {
    let mut out = String::new();
    let mut push = |s: &str| {
        let s = s.trim();
        if !s.is_empty() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(s);
        }
    };
    for s in &article.sections {
        if let Some(h) = &s.heading {
            push(h);
        }
        for b in &s.blocks {
            if !matches!(b, copydesk::Block::Figure { .. }) {
                push(&b.plain_text());
            }
        }
    }
    out
}

/// The page-type verdict of a serialised Article, when it has one.
pub fn verdict_of(article: &Value) -> Option<String> {
    let v = article.get("page_type")?;
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Object(o) => ["type", "kind", "value", "label"]
            .iter()
            .find_map(|k| o.get(*k).and_then(Value::as_str))?
            .to_owned(),
        _ => return None,
    };
    Some(canonical_type(&s))
}

/// A verdict label in the benchmark's vocabulary (a few obvious synonyms).
pub fn canonical_type(s: &str) -> String {
    let k = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
    match k.as_str() {
        "docs" | "doc" => "documentation".into(),
        "forum_thread" | "thread" | "qa" | "q_and_a" | "discussion" => "forum".into(),
        "landing" | "landing_page" | "service_page" => "service".into(),
        "category" | "collection_page" => "collection".into(),
        "index" => "listing".into(),
        _ => k,
    }
}

fn score_one(
    extractor: &copydesk::Extractor,
    t: &Truth,
    input: Result<Vec<u8>, String>,
    mode: Mode,
) -> Page {
    let result = input.and_then(|bytes| {
        let mut inp = copydesk::Input::bytes(&bytes).kind(match mode {
            Mode::Html => copydesk::Kind::Html,
            Mode::Wet => copydesk::Kind::Text,
        });
        if let Some(u) = &t.url {
            inp = inp.url(u);
        }
        extractor.extract(inp).map_err(|e| e.to_string())
    });
    let (prediction, text, verdict, headline, error) = match result {
        Ok(a) => {
            let verdict = serde_json::to_value(&a).ok().as_ref().and_then(verdict_of);
            let headline = t.title.as_ref().map(|want| {
                a.headline
                    .as_deref()
                    .is_some_and(|h| common::fold(h) == common::fold(want))
            });
            let got = a.headline.clone();
            (
                outline_text(&a),
                a.text.clone(),
                verdict,
                (headline, got),
                None,
            )
        }
        Err(e) => (
            String::new(),
            String::new(),
            None,
            (t.title.as_ref().map(|_| false), None),
            Some(e),
        ),
    };
    let (headline, headline_got) = headline;
    let lower = prediction.to_lowercase();
    let score = common::text_f1(&t.body, &prediction);
    Page {
        score,
        text_f1: common::text_f1(&t.body, &text).f1,
        with: common::snippet_rate(&lower, &t.with),
        without: common::snippet_rate(&lower, &t.without),
        pred_chars: prediction.chars().count(),
        truth_chars: t.body.chars().count(),
        empty: common::bow_tokens(&prediction).is_empty(),
        verdict,
        headline,
        headline_got,
        error,
        prediction,
    }
}

/// Aggregates of one (half, type) cell.
#[derive(Debug, Default, Clone)]
pub struct Cell {
    pub n: usize,
    pub f1: Option<f64>,
    pub p: Option<f64>,
    pub r: Option<f64>,
    pub text_f1: Option<f64>,
    pub with: Option<f64>,
    pub without: Option<f64>,
    pub collapses: usize,
    pub empty: usize,
    /// (correct, with a verdict)
    pub verdict: (usize, usize),
}

pub fn cell<'a>(pages: impl Iterator<Item = (&'a Truth, &'a Page)> + Clone) -> Cell {
    let n = pages.clone().count();
    Cell {
        n,
        f1: common::mean(pages.clone().map(|(_, p)| p.score.f1)),
        p: common::mean(pages.clone().map(|(_, p)| p.score.precision)),
        r: common::mean(pages.clone().map(|(_, p)| p.score.recall)),
        text_f1: common::mean(pages.clone().map(|(_, p)| p.text_f1)),
        with: common::mean(pages.clone().filter_map(|(_, p)| p.with)),
        without: common::mean(pages.clone().filter_map(|(_, p)| p.without)),
        collapses: pages.clone().filter(|(_, p)| p.score.f1 < 0.3).count(),
        empty: pages.clone().filter(|(_, p)| p.empty).count(),
        verdict: (
            pages
                .clone()
                .filter(|(t, p)| p.verdict.as_deref() == Some(t.page_type.as_str()))
                .count(),
            pages.filter(|(_, p)| p.verdict.is_some()).count(),
        ),
    }
}

fn verdict_acc(c: &Cell) -> Option<f64> {
    (c.verdict.1 > 0).then(|| c.verdict.0 as f64 / c.n.max(1) as f64)
}

pub fn run(args: &[String], mode: Mode) -> ExitCode {
    let cmd = mode.cmd();
    let (common, rest) = match common::parse_common(args) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("eval {cmd}: {e}");
            return ExitCode::from(2);
        }
    };
    let mut dumps: Option<PathBuf> = None;
    let mut worst_half: Vec<Half> = vec![Half::Tune];
    let mut favor = copydesk::Favor::Balanced;
    let mut comments = false;
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--comments" => comments = true,
            "--favor" => match it.next().map(|f| f.parse::<copydesk::Favor>()) {
                Some(Ok(f)) => favor = f,
                Some(Err(e)) => {
                    eprintln!("eval {cmd}: {e}");
                    return ExitCode::from(2);
                }
                None => {
                    eprintln!("eval {cmd}: --favor precision|balanced|recall");
                    return ExitCode::from(2);
                }
            },
            "--dumps" if mode == Mode::Wet => dumps = it.next().map(PathBuf::from),
            "--worst-half" => {
                worst_half = match it.next().map(String::as_str) {
                    Some("tune") => vec![Half::Tune],
                    Some("held") => vec![Half::Held],
                    Some("both") => Half::BOTH.to_vec(),
                    _ => {
                        eprintln!("eval {cmd}: --worst-half tune|held|both");
                        return ExitCode::from(2);
                    }
                }
            }
            other => {
                eprintln!("eval {cmd}: unknown option {other}");
                return ExitCode::from(2);
            }
        }
    }
    let corpus = common
        .corpus
        .clone()
        .unwrap_or_else(|| PathBuf::from("../shared/corpus/wcxb-dev"));
    let dumps = dumps.unwrap_or_else(|| {
        corpus
            .parent()
            .unwrap_or(Path::new("."))
            .join("wcxb-dev-wet")
    });
    let truth = match common::load_wcxb_truth(&corpus) {
        Ok(Some(t)) => t,
        Ok(None) => {
            println!("eval {cmd}: no corpus at {}; skipped", corpus.display());
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("eval {cmd}: {e}");
            return ExitCode::from(2);
        }
    };
    if mode == Mode::Wet && !dumps.join("text").is_dir() {
        println!("eval wet: no dumps at {}; skipped", dumps.display());
        return ExitCode::SUCCESS;
    }
    let extractor = match copydesk::Extractor::builder()
        .favor(favor)
        .comments(comments)
        .build()
    {
        Ok(e) => e,
        Err(e) => {
            eprintln!("eval {cmd}: {e}");
            return ExitCode::from(2);
        }
    };
    if favor != copydesk::Favor::Balanced {
        println!("favor: {favor}");
    }
    let start = Instant::now();
    let pages: Vec<Page> = common::par_map(&truth, |t| {
        let path = match mode {
            Mode::Html => corpus.join("html").join(format!("{}.html.gz", t.id)),
            Mode::Wet => dumps.join("text").join(format!("{}.txt.gz", t.id)),
        };
        let input = common::read_gz(&path).map_err(|e| format!("{}: {e}", path.display()));
        score_one(&extractor, t, input, mode)
    });
    let secs = start.elapsed().as_secs_f64();
    for (t, p) in truth.iter().zip(&pages) {
        if let Some(e) = &p.error {
            eprintln!("eval {cmd}: {}: {e}", t.id);
        }
    }

    let what = match mode {
        Mode::Html => "HTML",
        Mode::Wet => "text dumps, Kind::Text",
    };
    println!(
        "wcxb-dev main content ({what}; body = subheadings + blocks): {} pages in {secs:.1} s ({:.0} pages/s)",
        pages.len(),
        pages.len() as f64 / secs.max(1e-9)
    );
    println!(
        "halves: tune = even page id, held = odd page id; mean per-page F1/P/R; with/w-o = snippet rates; coll = pages with F1 < 0.3; empty = no token"
    );
    let rows: Vec<(&str, Vec<Cell>)> = std::iter::once("all")
        .chain(TYPES)
        .map(|ty| {
            let cells =
                Half::BOTH
                    .iter()
                    .map(|&h| {
                        cell(truth.iter().zip(&pages).filter(move |(t, _)| {
                            t.half == h && (ty == "all" || t.page_type == ty)
                        }))
                    })
                    .collect();
            (ty, cells)
        })
        .collect();
    let head = "   n    F1     P     R  with   w/o  coll empty verdict";
    println!("{:<14}| {:<53}| held (odd ids)", "", "tune (even ids)");
    println!("{:<14}|{head} |{head}", "type");
    let mut figures = Figures::default();
    for (ty, cells) in &rows {
        let mut line = format!("{ty:<14}");
        for (h, c) in Half::BOTH.iter().zip(cells) {
            line.push_str(&format!(
                "|{:>4} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>7} ",
                c.n,
                fmt3(c.f1),
                fmt3(c.p),
                fmt3(c.r),
                fmt3(c.with),
                fmt3(c.without),
                c.collapses,
                c.empty,
                fmt3(verdict_acc(c)),
            ));
            let hn = h.name();
            if *ty == "all" {
                figures.up(format!("f1.{hn}"), c.f1.unwrap_or(0.0));
                figures.up(format!("p.{hn}"), c.p.unwrap_or(0.0));
                figures.up(format!("r.{hn}"), c.r.unwrap_or(0.0));
                figures.up(format!("with.{hn}"), c.with.unwrap_or(0.0));
                figures.down(format!("without.{hn}"), c.without.unwrap_or(0.0));
                figures.down(format!("collapses.{hn}"), c.collapses as f64);
                figures.down(format!("empty.{hn}"), c.empty as f64);
                if let Some(v) = verdict_acc(c) {
                    figures.up(format!("verdict.{hn}"), v);
                }
            } else if c.n > 0 {
                figures.up(format!("{ty}.{hn}"), c.f1.unwrap_or(0.0));
                figures.down(format!("{ty}.collapses.{hn}"), c.collapses as f64);
                figures.down(format!("{ty}.empty.{hn}"), c.empty as f64);
            }
        }
        println!("{}", line.trim_end());
    }
    let all = &rows[0].1;
    println!(
        "F1 of `text` alone (section headings left out): tune {}  held {}",
        fmt3(all[0].text_f1),
        fmt3(all[1].text_f1)
    );
    // The headline against the truth's title (info; `eval wcxb-meta`
    // gates the HTML figure).
    let headline_of = |half: Half| {
        let judged: Vec<bool> = truth
            .iter()
            .zip(&pages)
            .filter(|(t, _)| t.half == half)
            .filter_map(|(_, p)| p.headline)
            .collect();
        let ok = judged.iter().filter(|&&b| b).count();
        format!(
            "{} ({ok}/{})",
            fmt3((!judged.is_empty()).then(|| ok as f64 / judged.len() as f64)),
            judged.len()
        )
    };
    println!(
        "headline = the truth's title (info): tune {}  held {}",
        headline_of(Half::Tune),
        headline_of(Half::Held)
    );
    if verdict_acc(&all[0]).is_none() {
        println!("page-type verdict: n/a (the Article has no `page_type` field)");
    }

    println!(
        "\nall pages, both halves together; reference rows from the corpus README (same scorer):"
    );
    match mode {
        Mode::Html => {
            println!(
                "{:<28} {:>5} {:>7} {:>5} {:>7} {:>5} {:>10} {:>7} {:>7}",
                "",
                "all",
                "article",
                "docs",
                "service",
                "forum",
                "collection",
                "listing",
                "product"
            );
            let both = |ty: &str| {
                common::mean(
                    truth
                        .iter()
                        .zip(&pages)
                        .filter(|(t, _)| ty == "all" || t.page_type == ty)
                        .map(|(_, p)| p.score.f1),
                )
                .unwrap_or(0.0)
            };
            let ours: Vec<f64> = std::iter::once("all").chain(TYPES).map(both).collect();
            for (name, v) in [
                (
                    "copydesk, this run",
                    [
                        ours[0], ours[1], ours[2], ours[3], ours[4], ours[5], ours[6], ours[7],
                    ],
                ),
                (
                    "trafilatura 2.3.1",
                    [0.823, 0.937, 0.917, 0.765, 0.694, 0.574, 0.583, 0.637],
                ),
                (
                    "rs_trafilatura 0.2.2",
                    [0.845, 0.934, 0.939, 0.825, 0.734, 0.676, 0.665, 0.626],
                ),
                (
                    "dom_smoothie 0.19",
                    [0.778, 0.929, 0.912, 0.731, 0.478, 0.493, 0.538, 0.493],
                ),
            ] {
                println!(
                    "{name:<28} {:>5.3} {:>7.3} {:>5.3} {:>7.3} {:>5.3} {:>10.3} {:>7.3} {:>7.3}",
                    v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]
                );
            }
        }
        Mode::Wet => {
            println!(
                "{:<48} {:>5} {:>5} {:>5} {:>5} {:>5}",
                "", "F1", "P", "R", "with", "w/o"
            );
            let c = cell(truth.iter().zip(&pages));
            let ours = [c.f1, c.p, c.r, c.with, c.without].map(|v| v.unwrap_or(0.0));
            for (name, v) in [
                ("copydesk --kind text, this run", ours),
                (
                    "the whole dump as the body (nothing removed)",
                    [0.684, 0.586, 0.960, 0.839, 0.886],
                ),
                (
                    "copydesk --kind text (main, README's time)",
                    [0.714, 0.660, 0.899, 0.773, 0.453],
                ),
                (
                    "copydesk on the HTML of the same pages",
                    [0.763, 0.839, 0.768, 0.666, 0.055],
                ),
            ] {
                println!(
                    "{name:<48} {:>5.3} {:>5.3} {:>5.3} {:>5.3} {:>5.3}",
                    v[0], v[1], v[2], v[3], v[4]
                );
            }
        }
    }

    if common.worst > 0 {
        let halves = worst_half
            .iter()
            .map(|h| h.name())
            .collect::<Vec<_>>()
            .join("+");
        println!(
            "\nworst {} pages of each type ({halves} half):",
            common.worst
        );
        for ty in TYPES {
            let mut list: Vec<(&Truth, &Page)> = truth
                .iter()
                .zip(&pages)
                .filter(|(t, _)| t.page_type == ty && worst_half.contains(&t.half))
                .collect();
            list.sort_by(|a, b| {
                a.1.score
                    .f1
                    .total_cmp(&b.1.score.f1)
                    .then(a.0.id.cmp(&b.0.id))
            });
            for (t, p) in list.iter().take(common.worst) {
                println!(
                    "  {:<13} {} {}  F1 {:.3}  P {:.3}  R {:.3}  chars {} / truth {}",
                    ty,
                    t.id,
                    t.half.name(),
                    p.score.f1,
                    p.score.precision,
                    p.score.recall,
                    p.pred_chars,
                    p.truth_chars
                );
            }
        }
    }

    if let Some(out) = &common.out {
        let rows: Vec<Value> = truth
            .iter()
            .zip(&pages)
            .map(|(t, p)| {
                json!({
                    "id": t.id, "half": t.half.name(), "page_type": t.page_type,
                    "f1": p.score.f1, "precision": p.score.precision, "recall": p.score.recall,
                    "text_f1": p.text_f1, "with": p.with, "without": p.without,
                    "pred_chars": p.pred_chars, "truth_chars": p.truth_chars,
                    "empty": p.empty, "verdict": p.verdict, "error": p.error,
                    "headline": {"truth": t.title, "got": p.headline_got, "ok": p.headline},
                    "prediction": p.prediction,
                })
            })
            .collect();
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

    #[test]
    fn outline_keeps_section_headings_and_drops_figures() {
        let mut a = copydesk::Article::new();
        let mut s1 = copydesk::Section::new(None, 0);
        s1.blocks.push(copydesk::Block::paragraph("Intro text."));
        s1.blocks.push(copydesk::Block::Figure {
            src: None,
            alt: None,
            caption: Some("A caption".into()),
        });
        let mut s2 = copydesk::Section::new(Some("Second part".into()), 2);
        s2.blocks.push(copydesk::Block::list(
            false,
            vec!["one".into(), "two".into()],
        ));
        a.sections = vec![s1, s2];
        assert_eq!(outline_text(&a), "Intro text.\n\nSecond part\n\none\ntwo");
    }

    #[test]
    fn verdict_read_from_string_or_object() {
        assert_eq!(
            verdict_of(&json!({"page_type": "Docs"})).as_deref(),
            Some("documentation")
        );
        assert_eq!(
            verdict_of(&json!({"page_type": {"kind": "forum", "confidence": 0.9}})).as_deref(),
            Some("forum")
        );
        assert_eq!(verdict_of(&json!({"headline": "x"})), None);
    }
}
