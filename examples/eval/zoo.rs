//! `eval zoo [--pages DIR] [--floors tune=X,held=Y] [--template NAME] [--verbose]`
//!
//! Scores copydesk on the layout zoo (`fixtures/zoo`, see its README): every
//! `<template>/<article>/input.html` is extracted with the page URL from its
//! `expected.json`, and each field the expected file names becomes one or
//! more pass/fail checks:
//!
//! | check        | per           | passes when                                                        |
//! |--------------|---------------|--------------------------------------------------------------------|
//! | `headline`   | page          | equal                                                              |
//! | `dek`        | page          | equal                                                              |
//! | `lede`       | page          | equal, or equal to the expected lede without its wire dateline     |
//! | `heading`    | subheading    | in the longest common subsequence of expected and found headings (section headings and deeper heading blocks, in order) |
//! | `quote:KIND` | quote         | a found quote has the text, the same attribution (both absent counts) and the same kind; each found quote is used once |
//! | `disclaimer` | notice        | a found disclaimer has the text and the kind, and the body text does not contain the notice (its first 50 normalised characters) |
//! | `related`    | related item  | a found related item has the title and the same absolute URL, and the body text does not contain the title |
//! | `body`       | page          | body-text F1 (the 4-shingle metric of `metric.rs`, `Article::text` against the expected body) ≥ 0.9 |
//!
//! Text comparisons normalise both sides the same way: curly single and double
//! quotation marks (and the low and prime forms) become straight ones, every
//! run of whitespace becomes one space, the text is lower-cased, and leading and
//! trailing spaces and punctuation (`,.;:!?…` and quotation marks) are cut;
//! an attribution also loses a leading dash or "by". Nothing else is forgiven.
//!
//! Figures are printed as the share of checks passed, for the `tune` and `held`
//! templates separately (the split is fixed in the zoo README), per check and
//! per template. `--verbose` lists every failed check with what was expected
//! and what was found. `--floors tune=95,held=90` exits 1 when a group's share
//! (in percent) is below its floor.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use copydesk::{Article, Block, Input, Kind};
use serde_json::Value;

use crate::metric;

const FIELDS: [&str; 10] = [
    "headline",
    "dek",
    "lede",
    "heading",
    "quote:inline",
    "quote:block",
    "quote:pull",
    "disclaimer",
    "related",
    "body",
];

const GROUPS: [&str; 2] = ["tune", "held"];

/// Body F1 at or above this passes the `body` check.
const BODY_F1: f64 = 0.9;

/// How much of a notice must not be in the body text.
const NOTICE_PREFIX: usize = 50;

struct Options {
    pages: PathBuf,
    floors: Vec<(String, f64)>,
    template: Option<String>,
    verbose: bool,
}

fn options(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        pages: Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/zoo/pages"),
        floors: Vec::new(),
        template: None,
        verbose: false,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--pages" => o.pages = it.next().ok_or("--pages needs a value")?.into(),
            "--template" => o.template = Some(it.next().ok_or("--template needs a value")?.clone()),
            "--verbose" | "-v" => o.verbose = true,
            "--floors" => {
                let v = it.next().ok_or("--floors needs a value")?;
                for part in v.split(',') {
                    let (group, x) = part
                        .split_once('=')
                        .ok_or_else(|| format!("bad floor {part}: want group=percent"))?;
                    if !GROUPS.contains(&group) {
                        return Err(format!("bad floor {part}: groups are tune and held"));
                    }
                    let x: f64 = x.parse().map_err(|_| format!("bad floor {part}"))?;
                    o.floors.push((group.to_string(), x));
                }
            }
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(o)
}

/// The comparison form of a text (see the module doc).
fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{00ab}'
            | '\u{00bb}' => '"',
            c => c,
        };
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    out.trim_matches(|c: char| c == ' ' || ",.;:!?\u{2026}\"'".contains(c))
        .to_string()
}

fn norm_attribution(s: &str) -> String {
    let s = s.trim_start_matches(|c: char| c.is_whitespace() || "\u{2014}\u{2013}-".contains(c));
    let n = norm(s);
    match n.strip_prefix("by ") {
        Some(rest) => rest.to_string(),
        None => n,
    }
}

fn same(a: &str, b: &str) -> bool {
    norm(a) == norm(b)
}

fn opt_str(v: &Value) -> Option<&str> {
    v.as_str().filter(|s| !s.trim().is_empty())
}

fn short(s: &str) -> String {
    const MAX: usize = 90;
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= MAX {
        return s;
    }
    let cut: String = s.chars().take(MAX).collect();
    format!("{cut}…")
}

fn show(s: Option<&str>) -> String {
    s.map_or_else(|| "none".to_string(), |s| format!("{:?}", short(s)))
}

struct Check {
    field: &'static str,
    ok: bool,
    detail: String,
}

fn check(out: &mut Vec<Check>, field: &'static str, ok: bool, detail: impl FnOnce() -> String) {
    let detail = if ok { String::new() } else { detail() };
    out.push(Check { field, ok, detail });
}

/// Section headings and deeper heading blocks, in reading order.
fn found_headings(article: &Article) -> Vec<String> {
    let mut out = Vec::new();
    for s in &article.sections {
        if let Some(h) = &s.heading {
            out.push(h.clone());
        }
        for b in &s.blocks {
            if let Block::Heading { text, .. } = b {
                out.push(text.clone());
            }
        }
    }
    out
}

/// Which items of `want` are in a longest common subsequence with `got`.
fn lcs_members(want: &[String], got: &[String]) -> Vec<bool> {
    let (n, m) = (want.len(), got.len());
    let mut t = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i][j] = if want[i] == got[j] {
                t[i + 1][j + 1] + 1
            } else {
                t[i + 1][j].max(t[i][j + 1])
            };
        }
    }
    let mut member = vec![false; n];
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if want[i] == got[j] {
            member[i] = true;
            i += 1;
            j += 1;
        } else if t[i + 1][j] >= t[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    member
}

fn f1(truth: &str, prediction: &str) -> f64 {
    let s = metric::score_page(truth, prediction);
    match (s.precision, s.recall) {
        (Some(p), Some(r)) if p + r > 0.0 => 2.0 * p * r / (p + r),
        (None, None) => 1.0,
        _ => 0.0,
    }
}

fn kind_name(kind: copydesk::QuoteKind) -> &'static str {
    match kind {
        copydesk::QuoteKind::Block => "block",
        copydesk::QuoteKind::Pull => "pull",
        copydesk::QuoteKind::Inline => "inline",
        _ => "other",
    }
}

fn disclaimer_kind(kind: copydesk::DisclaimerKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// All checks of one page.
fn score(expected: &Value, article: &Article) -> (Vec<Check>, f64) {
    let mut out = Vec::new();
    let body = norm(&article.text);

    let want = expected["headline"].as_str().unwrap_or("");
    check(
        &mut out,
        "headline",
        article.headline.as_deref().is_some_and(|h| same(h, want)),
        || {
            format!(
                "want {:?}, got {}",
                short(want),
                show(article.headline.as_deref())
            )
        },
    );

    if let Some(want) = opt_str(&expected["dek"]) {
        check(
            &mut out,
            "dek",
            article.dek.as_deref().is_some_and(|d| same(d, want)),
            || {
                format!(
                    "want {:?}, got {}",
                    short(want),
                    show(article.dek.as_deref())
                )
            },
        );
    }

    if let Some(want) = opt_str(&expected["lede"]) {
        let bare = opt_str(&expected["lede_dateline"])
            .and_then(|d| want.strip_prefix(d))
            .map(str::trim);
        let ok = article
            .lede
            .as_deref()
            .is_some_and(|l| same(l, want) || bare.is_some_and(|b| same(l, b)));
        check(&mut out, "lede", ok, || {
            format!(
                "want {:?}, got {}",
                short(want),
                show(article.lede.as_deref())
            )
        });
    }

    let want: Vec<String> = expected["headings"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).map(norm).collect())
        .unwrap_or_default();
    let got_raw = found_headings(article);
    let got: Vec<String> = got_raw.iter().map(|h| norm(h)).collect();
    for (h, ok) in want.iter().zip(lcs_members(&want, &got)) {
        check(&mut out, "heading", ok, || {
            let found: Vec<String> = got_raw.iter().map(|h| short(h)).collect();
            format!("want {h:?} (in order), found {found:?}")
        });
    }

    let mut used = vec![false; article.quotes.len()];
    for q in expected["quotes"].as_array().into_iter().flatten() {
        let text = norm(q["text"].as_str().unwrap_or(""));
        let attribution = opt_str(&q["attribution"]).map(norm_attribution);
        let kind = q["kind"].as_str().unwrap_or("");
        let field = match kind {
            "inline" => "quote:inline",
            "block" => "quote:block",
            _ => "quote:pull",
        };
        let candidates: Vec<usize> = (0..article.quotes.len())
            .filter(|&i| !used[i] && norm(&article.quotes[i].text) == text)
            .collect();
        let full = candidates.iter().copied().find(|&i| {
            let g = &article.quotes[i];
            kind_name(g.kind) == kind
                && g.attribution
                    .as_deref()
                    .map(norm_attribution)
                    .filter(|a| !a.is_empty())
                    == attribution
        });
        if let Some(i) = full {
            used[i] = true;
        }
        check(&mut out, field, full.is_some(), || {
            match candidates.first() {
                Some(&i) => {
                    let g = &article.quotes[i];
                    format!(
                        "{:?}: want {kind} by {}, got {} by {}",
                        short(&text),
                        show(attribution.as_deref()),
                        kind_name(g.kind),
                        show(g.attribution.as_deref())
                    )
                }
                None => format!(
                    "{:?} by {}: not found",
                    short(&text),
                    show(attribution.as_deref())
                ),
            }
        });
    }

    for d in expected["disclaimers"].as_array().into_iter().flatten() {
        let text = norm(d["text"].as_str().unwrap_or(""));
        let kind = d["kind"].as_str().unwrap_or("");
        let found = article.disclaimers.iter().find(|g| norm(&g.text) == text);
        let prefix: String = text.chars().take(NOTICE_PREFIX).collect();
        let in_body = body.contains(&prefix);
        let kind_ok = found.is_some_and(|g| disclaimer_kind(g.kind) == kind);
        check(&mut out, "disclaimer", kind_ok && !in_body, || {
            let mut why = Vec::new();
            match found {
                None => why.push("not found".to_string()),
                Some(g) if !kind_ok => why.push(format!("kind {}", disclaimer_kind(g.kind))),
                _ => {}
            }
            if in_body {
                why.push("in the body".to_string());
            }
            let kinds: Vec<String> = article
                .disclaimers
                .iter()
                .map(|g| format!("{} {:?}", disclaimer_kind(g.kind), short(&g.text)))
                .collect();
            format!(
                "{kind} {:?}: {}; found {kinds:?}",
                short(&text),
                why.join(", ")
            )
        });
    }

    for r in expected["related"].as_array().into_iter().flatten() {
        let title = norm(r["title"].as_str().unwrap_or(""));
        let url = r["url"].as_str().unwrap_or("");
        let found = article.related.iter().find(|g| norm(&g.title) == title);
        let url_ok = found.is_some_and(|g| g.url.as_deref() == Some(url));
        let in_body = body.contains(&title);
        check(&mut out, "related", url_ok && !in_body, || {
            let mut why = Vec::new();
            match found {
                None => why.push("not found".to_string()),
                Some(g) if !url_ok => why.push(format!("url {}", show(g.url.as_deref()))),
                _ => {}
            }
            if in_body {
                why.push("in the body".to_string());
            }
            format!("{:?} <{url}>: {}", short(&title), why.join(", "))
        });
    }

    let want = expected["body"].as_str().unwrap_or("");
    let f = f1(want, &article.text);
    check(&mut out, "body", f >= BODY_F1, || format!("F1 {f:.3}"));
    (out, f)
}

#[derive(Default, Clone, Copy)]
struct Tally {
    pass: usize,
    all: usize,
}

impl Tally {
    fn add(&mut self, ok: bool) {
        self.all += 1;
        self.pass += usize::from(ok);
    }

    fn cell(&self) -> String {
        if self.all == 0 {
            return format!("{:>15}", "-");
        }
        format!(
            "{:>5}/{:<4} {:>5.1}%",
            self.pass,
            self.all,
            100.0 * self.pass as f64 / self.all as f64
        )
    }

    fn percent(&self) -> f64 {
        if self.all == 0 {
            100.0
        } else {
            100.0 * self.pass as f64 / self.all as f64
        }
    }
}

fn group_index(group: &str) -> usize {
    usize::from(group != "tune")
}

pub fn run(args: &[String]) -> ExitCode {
    let o = match options(args) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("eval zoo: {e}");
            return ExitCode::from(2);
        }
    };
    let mut pages = Vec::new();
    let Ok(templates) = std::fs::read_dir(&o.pages) else {
        eprintln!("eval zoo: no pages at {}", o.pages.display());
        return ExitCode::from(2);
    };
    for t in templates.flatten() {
        if let Ok(articles) = std::fs::read_dir(t.path()) {
            pages.extend(articles.flatten().map(|a| a.path()));
        }
    }
    pages.sort();
    let extractor = copydesk::Extractor::default();

    let mut by_field: BTreeMap<&str, [Tally; 2]> = BTreeMap::new();
    let mut by_template: BTreeMap<String, (String, Tally, f64, usize)> = BTreeMap::new();
    let mut totals = [Tally::default(); 2];
    let mut f1_sum = [0.0f64; 2];
    let mut page_count = [0usize; 2];
    let mut failures = Vec::new();
    for dir in &pages {
        let expected: Value = match std::fs::read_to_string(dir.join("expected.json"))
            .map_err(|e| e.to_string())
            .and_then(|s| serde_json::from_str(&s).map_err(|e| e.to_string()))
        {
            Ok(v) => v,
            Err(e) => {
                eprintln!("eval zoo: {}: {e}", dir.display());
                return ExitCode::from(2);
            }
        };
        let template = expected["template"].as_str().unwrap_or("?").to_string();
        if o.template.as_ref().is_some_and(|t| *t != template) {
            continue;
        }
        let group = expected["group"].as_str().unwrap_or("held").to_string();
        let g = group_index(&group);
        let html = match std::fs::read_to_string(dir.join("input.html")) {
            Ok(h) => h,
            Err(e) => {
                eprintln!("eval zoo: {}: {e}", dir.display());
                return ExitCode::from(2);
            }
        };
        let url = expected["url"].as_str().unwrap_or("");
        let input = Input::new(&html).kind(Kind::Html).url(url);
        let article = match extractor.extract(input) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("eval zoo: {}: extraction failed: {e}", dir.display());
                Article::new()
            }
        };
        let (checks, f) = score(&expected, &article);
        let page = format!("{template}/{}", expected["article"].as_str().unwrap_or("?"));
        let entry = by_template
            .entry(template.clone())
            .or_insert_with(|| (group.clone(), Tally::default(), 0.0, 0));
        entry.2 += f;
        entry.3 += 1;
        f1_sum[g] += f;
        page_count[g] += 1;
        for c in checks {
            by_field.entry(c.field).or_default()[g].add(c.ok);
            entry.1.add(c.ok);
            totals[g].add(c.ok);
            if !c.ok {
                failures.push(format!("{page} {}: {}", c.field, c.detail));
            }
        }
    }

    let held_templates = by_template.values().filter(|t| t.0 != "tune").count();
    println!(
        "eval zoo: {} pages, {} templates ({} tune, {} held)",
        page_count[0] + page_count[1],
        by_template.len(),
        by_template.len() - held_templates,
        held_templates
    );
    println!("{:<14} {:>15}   {:>15}", "checks passed", "tune", "held");
    for field in FIELDS {
        let t = by_field.get(field).copied().unwrap_or_default();
        println!("{field:<14} {}   {}", t[0].cell(), t[1].cell());
    }
    println!("{:<14} {}   {}", "all", totals[0].cell(), totals[1].cell());
    let mean = |g: usize| {
        if page_count[g] == 0 {
            0.0
        } else {
            f1_sum[g] / page_count[g] as f64
        }
    };
    println!(
        "{:<14} {:>15.3}   {:>15.3}",
        "mean body F1",
        mean(0),
        mean(1)
    );
    println!();
    println!(
        "{:<12} {:<5} {:>15}   mean body F1",
        "template", "group", "checks passed"
    );
    for (name, (group, tally, f, n)) in &by_template {
        println!(
            "{name:<12} {group:<5} {}   {:.3}",
            tally.cell(),
            f / (*n).max(1) as f64
        );
    }
    if o.verbose {
        println!();
        println!("failed checks ({}):", failures.len());
        for f in &failures {
            println!("  {f}");
        }
    }
    let mut ok = true;
    for (group, floor) in &o.floors {
        let got = totals[group_index(group)].percent();
        if got < *floor {
            eprintln!("eval zoo: {group} {got:.1}% is below the floor {floor}%");
            ok = false;
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_folds_quotes_space_case_and_edge_punctuation() {
        assert_eq!(norm("  \u{201c}It\u{2019}s   here,\u{201d} "), "it's here");
        assert_eq!(norm("A\u{a0}B\n\nC."), "a b c");
        assert_eq!(norm_attribution("\u{2014} By Jane Doe"), "jane doe");
    }

    #[test]
    fn lcs_keeps_order() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let want = s(&["a", "b", "c"]);
        assert_eq!(
            lcs_members(&want, &s(&["a", "x", "c"])),
            [true, false, true]
        );
        assert_eq!(
            lcs_members(&want, &s(&["c", "b", "a"]))
                .iter()
                .filter(|m| **m)
                .count(),
            1
        );
    }
}
