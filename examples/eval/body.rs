//! `eval body`: body-text F1 on the scrapinghub-dev corpus (metric in `metric.rs`).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use crate::metric;

struct Options {
    corpus: PathBuf,
    min_f1: Option<f64>,
    out: Option<PathBuf>,
    headings: bool,
    page: Option<String>,
    disable: Vec<String>,
    repeat: u32,
}

fn options(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        corpus: PathBuf::from("../shared/corpus/scrapinghub-dev"),
        min_f1: None,
        out: None,
        headings: false,
        page: None,
        disable: Vec::new(),
        repeat: 1,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--corpus" => o.corpus = it.next().ok_or("--corpus needs a value")?.into(),
            "--out" => o.out = Some(it.next().ok_or("--out needs a value")?.into()),
            "--min-f1" => {
                let v = it.next().ok_or("--min-f1 needs a value")?;
                o.min_f1 = Some(v.parse().map_err(|_| format!("bad --min-f1 {v}"))?);
            }
            // Also score section headings as body text (diagnostic).
            "--with-headings" => o.headings = true,
            // Run without a heuristic (ablation).
            // Time each page N times and keep the fastest run (steadier figures).
            "--repeat" => {
                let v = it.next().ok_or("--repeat needs a value")?;
                o.repeat = v.parse().map_err(|_| format!("bad --repeat {v}"))?;
            }
            "--disable" => o
                .disable
                .push(it.next().ok_or("--disable needs a value")?.clone()),
            // Print the report notes and text of pages whose id starts so.
            "--page" => o.page = Some(it.next().ok_or("--page needs a value")?.clone()),
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(o)
}

fn text_with_headings(article: &copydesk::Article) -> String {
    let mut out = String::new();
    for s in &article.sections {
        if let Some(h) = &s.heading {
            out.push_str(h);
            out.push_str("\n\n");
        }
        for b in &s.blocks {
            if !matches!(b, copydesk::Block::Figure { .. }) {
                out.push_str(&b.plain_text());
                out.push_str("\n\n");
            }
        }
    }
    out
}

pub fn run(args: &[String]) -> ExitCode {
    let o = match options(args) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("eval body: {e}");
            return ExitCode::from(2);
        }
    };
    let truth_path = o.corpus.join("ground-truth.json");
    let Ok(truth_json) = std::fs::read_to_string(&truth_path) else {
        println!("eval body: no corpus at {}; skipped", o.corpus.display());
        return ExitCode::SUCCESS;
    };
    let truth: BTreeMap<String, serde_json::Value> = match serde_json::from_str(&truth_json) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("eval body: bad ground truth: {e}");
            return ExitCode::from(2);
        }
    };
    let mut builder = copydesk::Extractor::builder();
    for name in &o.disable {
        builder = builder.disable(name);
    }
    let extractor = match builder.build() {
        Ok(x) => x,
        Err(e) => {
            eprintln!("eval body: {e}");
            return ExitCode::from(2);
        }
    };
    let mut pages = Vec::new();
    let mut rows = Vec::new();
    let mut predictions = serde_json::Map::new();
    let (mut parse_time, mut extract_time) = (Duration::ZERO, Duration::ZERO);
    for (id, entry) in &truth {
        let expected = entry["articleBody"].as_str().unwrap_or("");
        let path = o.corpus.join("html").join(format!("{id}.html.gz"));
        let mut html = String::new();
        let read = std::fs::File::open(&path)
            .map(flate2::read::GzDecoder::new)
            .and_then(|mut gz| gz.read_to_string(&mut html));
        if let Err(e) = read {
            eprintln!("eval body: {}: {e}", path.display());
        }
        if o.page.as_deref().is_some_and(|p| id.starts_with(p)) {
            if let Ok((a, report)) = extractor.extract_with_report(html.as_str()) {
                println!(
                    "== {id}\nnotes: {:?}\nheadline: {:?}",
                    report.notes, a.headline
                );
                for s in &a.sections {
                    println!("[section {:?}]", s.heading);
                    for b in &s.blocks {
                        println!("  {b:?}");
                    }
                }
                println!("related: {:?}\ndisclaimers: {:?}", a.related, a.disclaimers);
            }
        }
        let mut best_parse = Duration::MAX;
        for _ in 0..o.repeat.max(1) {
            let t = Instant::now();
            drop(std::hint::black_box(scraper::Html::parse_document(&html)));
            best_parse = best_parse.min(t.elapsed());
        }
        parse_time += best_parse;
        let mut best_extract = Duration::MAX;
        let mut result = None;
        for _ in 0..o.repeat.max(1) {
            let t = Instant::now();
            let r = extractor.extract(html.as_str());
            best_extract = best_extract.min(t.elapsed());
            result = Some(r);
        }
        extract_time += best_extract;
        let text = match result {
            Some(Ok(a)) if o.headings => text_with_headings(&a),
            Some(Ok(a)) => a.text,
            Some(Err(e)) => {
                eprintln!("eval body: {id}: {e}");
                String::new()
            }
            None => String::new(),
        };
        let s = metric::score_page(expected, &text);
        rows.push((id.clone(), s));
        pages.push(s);
        predictions.insert(id.clone(), serde_json::json!({ "articleBody": text }));
    }
    let c = metric::corpus(&pages);
    println!(
        "body: {} pages  P {:.3}  R {:.3}  F1 {:.3}  accuracy {:.3}",
        pages.len(),
        c.precision,
        c.recall,
        c.f1,
        c.accuracy
    );
    let n = pages.len().max(1) as f64;
    let secs = extract_time.as_secs_f64();
    println!(
        "speed: {:.1} pages/s ({:.2} ms/page, parse included); scraper parse alone {:.2} ms/page; work beyond parsing {:.2} ms/page = {:.2}x parse",
        n / secs.max(1e-9),
        1000.0 * secs / n,
        1000.0 * parse_time.as_secs_f64() / n,
        1000.0 * (secs - parse_time.as_secs_f64()) / n,
        (secs - parse_time.as_secs_f64()) / parse_time.as_secs_f64().max(1e-9)
    );
    let f1 = |s: &metric::PageScore| {
        let p = s.precision.unwrap_or(0.0);
        let r = s.recall.unwrap_or(0.0);
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    };
    rows.sort_by(|a, b| f1(&a.1).total_cmp(&f1(&b.1)));
    println!("worst pages:");
    for (id, s) in rows.iter().take(10) {
        println!(
            "  {}  F1 {:.3}  P {:.3}  R {:.3}",
            id.get(..12).unwrap_or(id),
            f1(s),
            s.precision.unwrap_or(0.0),
            s.recall.unwrap_or(0.0)
        );
    }
    if let Some(out) = &o.out {
        let json = serde_json::Value::Object(predictions);
        if let Err(e) = std::fs::write(out, json.to_string()) {
            eprintln!("eval body: {}: {e}", out.display());
            return ExitCode::from(2);
        }
    }
    match o.min_f1 {
        Some(min) if c.f1 < min => {
            eprintln!("eval body: F1 {:.3} < --min-f1 {min}", c.f1);
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    }
}
