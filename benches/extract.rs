//! Extraction time as a ratio to the bare HTML parse, side by side with
//! dom_smoothie, on the same pages in the same run.
//!
//! `cargo bench --bench extract` — uses ../shared/corpus/scrapinghub-dev when
//! it exists, else the repository's own fixtures/html pages. Settings:
//! `COPYDESK_BENCH_REPS` (default 7) repetitions per page; the minimum of the
//! repetitions is kept, which is the most stable statistic on a shared,
//! noisy machine. Ratios are computed within one run; absolute times are only
//! indicative.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use copydesk::{Extractor, Input, Kind};

#[path = "pages.rs"]
mod pages;
use pages::load_pages;

fn min_time(reps: usize, mut f: impl FnMut()) -> Duration {
    (0..reps)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn main() {
    // `cargo test --benches` passes --bench-less flags; run a single rep then.
    let quick = std::env::args().any(|a| a == "--test");
    let reps: usize = if quick {
        1
    } else {
        std::env::var("COPYDESK_BENCH_REPS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(7)
    };
    let (source, pages) = load_pages();
    if pages.is_empty() {
        println!("no pages to benchmark");
        return;
    }
    let extractor = Extractor::default();
    let bytes: usize = pages.iter().map(|p| p.html.len()).sum();
    println!(
        "copydesk bench: {} pages from {source}, {:.1} MB, {reps} reps per page (min kept)\n",
        pages.len(),
        bytes as f64 / 1e6
    );

    let (mut parse_total, mut extract_total, mut smoothie_total) =
        (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let mut ratios = Vec::new();
    let mut smoothie_ratios = Vec::new();
    let mut stages: BTreeMap<&'static str, Duration> = BTreeMap::new();
    let mut order: Vec<&'static str> = Vec::new();
    for page in &pages {
        let parse = min_time(reps, || {
            std::hint::black_box(scraper::Html::parse_document(&page.html));
        });
        let mut best: Option<(Duration, copydesk::Report)> = None;
        for _ in 0..reps {
            let start = Instant::now();
            let result = extractor.extract_with_report(Input::new(&page.html).kind(Kind::Html));
            let took = start.elapsed();
            if let Ok((_, report)) = result {
                if best.as_ref().is_none_or(|(d, _)| took < *d) {
                    best = Some((took, report));
                }
            }
        }
        let Some((extract, report)) = best else {
            println!("{}: extraction failed", page.name);
            continue;
        };
        for (step, d) in report.timings {
            if !stages.contains_key(step) {
                order.push(step);
            }
            *stages.entry(step).or_default() += d;
        }
        let smoothie = min_time(reps, || {
            if let Ok(mut r) = dom_smoothie::Readability::new(page.html.as_str(), None, None) {
                let _ = std::hint::black_box(r.parse());
            }
        });
        parse_total += parse;
        extract_total += extract;
        smoothie_total += smoothie;
        ratios.push(extract.as_secs_f64() / parse.as_secs_f64().max(1e-9));
        smoothie_ratios.push(smoothie.as_secs_f64() / parse.as_secs_f64().max(1e-9));
    }
    ratios.sort_by(f64::total_cmp);
    smoothie_ratios.sort_by(f64::total_cmp);
    let n = ratios.len() as f64;
    let pps = |d: Duration| n / d.as_secs_f64().max(1e-9);
    println!("{:<28}{:>12}{:>12}{:>14}", "", "pages/s", "MB/s", "× parse");
    for (name, d) in [
        ("scraper parse_document", parse_total),
        ("copydesk extract", extract_total),
        ("dom_smoothie parse", smoothie_total),
    ] {
        println!(
            "{name:<28}{:>12.0}{:>12.1}{:>14.2}",
            pps(d),
            bytes as f64 / 1e6 / d.as_secs_f64().max(1e-9),
            d.as_secs_f64() / parse_total.as_secs_f64().max(1e-9)
        );
    }
    println!(
        "\nper page, extract ÷ parse: median {:.2}, p99 {:.2}; dom_smoothie ÷ parse: median {:.2}, p99 {:.2}",
        percentile(&ratios, 0.5),
        percentile(&ratios, 0.99),
        percentile(&smoothie_ratios, 0.5),
        percentile(&smoothie_ratios, 0.99)
    );
    println!(
        "copydesk ÷ dom_smoothie over the corpus: {:.2}",
        extract_total.as_secs_f64() / smoothie_total.as_secs_f64().max(1e-9)
    );
    println!("\nstages (sum over pages, share of copydesk extract):");
    for step in order {
        let d = stages[step];
        println!(
            "  {step:<36}{:>10.2} ms{:>8.1} %",
            d.as_secs_f64() * 1e3,
            100.0 * d.as_secs_f64() / extract_total.as_secs_f64().max(1e-9)
        );
    }
    text_throughput(reps, &extractor);
}

/// Plain-text mode throughput on a synthetic multi-article dump.
fn text_throughput(reps: usize, extractor: &Extractor) {
    let mut text = String::from("Harbour Authority Approves Expansion Plan\n\n");
    for i in 0..4000 {
        text.push_str(&format!(
            "Paragraph {i} describes the plan in detail, with figures, quotes and context. \
             \"We expect the work to take two years,\" said Dana Ortiz, the authority's director.\n\n"
        ));
        if i % 40 == 0 {
            text.push_str("A Subheading For The Next Part\n\n");
        }
    }
    let took = min_time(reps, || {
        let _ = std::hint::black_box(extractor.extract(Input::new(&text).kind(Kind::Text)));
    });
    println!(
        "\ntext mode: {:.1} MB in {:.1} ms = {:.1} MB/s",
        text.len() as f64 / 1e6,
        took.as_secs_f64() * 1e3,
        text.len() as f64 / 1e6 / took.as_secs_f64().max(1e-9)
    );
}
