//! `eval wcxb-meta`: title, author and date on wcxb-dev against its
//! human-reviewed truth (issue #14's scoring rule).
//!
//! ```text
//! eval wcxb-meta [--corpus DIR] [--floors title=V,author=V,date=V] [--out FILE.jsonl] [--worst N]
//! ```
//!
//! Only pages whose truth has a value count for a field.
//! - title: `headline` equal to the truth's `title` after Unicode NFC,
//!   whitespace collapsing and case folding (see `common::fold`);
//! - author: the set of names in the `byline` (names joined, then split
//!   like the truth) equal to the set of names of the truth's `author`,
//!   both split on `,` `;` ` and ` `&` and folded like titles;
//! - date: the calendar day (`YYYY-MM-DD`, the first ten characters) of
//!   `published` equal to the truth's `publish_date`.
//!
//! Halves as in `eval wcxb`: tune = even id, held = odd id. Figures:
//! `title`, `author`, `date` (each `.tune` / `.held`).

use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::{Value, json};

use crate::common::{self, Figures, Half, Truth};

const FIELDS: [&str; 3] = ["title", "author", "date"];

/// trafilatura 2.3.1 on all pages (both halves), issue #14.
const TRAFILATURA: [(&str, f64, &str); 3] = [
    ("title", 0.486, "727/1497"),
    ("author", 0.585, "432/739"),
    ("date", 0.830, "649/782"),
];

/// The calendar day of an ISO date or date-time, when it starts with one.
pub fn day_of(s: &str) -> Option<&str> {
    let d = s.trim().get(..10)?;
    let b = d.as_bytes();
    let ok = b.iter().enumerate().all(|(i, c)| match i {
        4 | 7 => *c == b'-',
        _ => c.is_ascii_digit(),
    });
    ok.then_some(d)
}

/// `Some(correct)` for each field the truth has.
pub fn judge(t: &Truth, a: &copydesk::Article) -> [Option<bool>; 3] {
    let title = t.title.as_ref().map(|want| {
        a.headline
            .as_deref()
            .is_some_and(|h| common::fold(h) == common::fold(want))
    });
    let author = t.author.as_ref().map(|want| {
        let got = a
            .byline
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let want = common::author_names(want);
        !want.is_empty() && common::author_names(&got) == want
    });
    let date = t.date.as_ref().map(|want| {
        a.published
            .as_deref()
            .and_then(day_of)
            .is_some_and(|d| Some(d) == day_of(want))
    });
    [title, author, date]
}

pub fn run(args: &[String]) -> ExitCode {
    let (common, rest) = match common::parse_common(args) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("eval wcxb-meta: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(o) = rest.first() {
        eprintln!("eval wcxb-meta: unknown option {o}");
        return ExitCode::from(2);
    }
    let corpus = common
        .corpus
        .clone()
        .unwrap_or_else(|| PathBuf::from("../shared/corpus/wcxb-dev"));
    let truth = match common::load_wcxb_truth(&corpus) {
        Ok(Some(t)) => t,
        Ok(None) => {
            println!("eval wcxb-meta: no corpus at {}; skipped", corpus.display());
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("eval wcxb-meta: {e}");
            return ExitCode::from(2);
        }
    };
    let extractor = copydesk::Extractor::default();
    let results: Vec<(copydesk::Article, [Option<bool>; 3])> = common::par_map(&truth, |t| {
        let path = corpus.join("html").join(format!("{}.html.gz", t.id));
        let article = common::read_gz(&path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                let mut inp = copydesk::Input::bytes(&bytes).kind(copydesk::Kind::Html);
                if let Some(u) = &t.url {
                    inp = inp.url(u);
                }
                extractor.extract(inp).map_err(|e| e.to_string())
            })
            .unwrap_or_else(|e| {
                eprintln!("eval wcxb-meta: {}: {e}", t.id);
                copydesk::Article::new()
            });
        let j = judge(t, &article);
        (article, j)
    });

    println!(
        "wcxb-dev metadata: {} pages; only pages whose truth has the field count; tune = even id, held = odd id",
        truth.len()
    );
    println!(
        "{:<8} {:>22} {:>22} {:>22}   trafilatura 2.3.1 (all pages, both halves)",
        "field", "tune", "held", "all"
    );
    let mut figures = Figures::default();
    for (fi, field) in FIELDS.iter().enumerate() {
        let mut line = format!("{field:<8}");
        for half in [Some(Half::Tune), Some(Half::Held), None] {
            let (mut k, mut n) = (0usize, 0usize);
            for (t, (_, j)) in truth.iter().zip(&results) {
                if half.is_some_and(|h| h != t.half) {
                    continue;
                }
                if let Some(ok) = j[fi] {
                    n += 1;
                    k += usize::from(ok);
                }
            }
            let acc = if n == 0 { 0.0 } else { k as f64 / n as f64 };
            line.push_str(&format!(" {:>22}", format!("{acc:.3} ({k}/{n})")));
            if let Some(h) = half {
                figures.up(format!("{field}.{}", h.name()), acc);
            }
        }
        let (_, tv, tk) = TRAFILATURA[fi];
        line.push_str(&format!("   {tv:.3} ({tk})"));
        println!("{line}");
    }

    if common.worst > 0 {
        println!("\nfirst {} misses per field (tuning half):", common.worst);
        for (fi, field) in FIELDS.iter().enumerate() {
            let misses = truth
                .iter()
                .zip(&results)
                .filter(|(t, (_, j))| t.half == Half::Tune && j[fi] == Some(false))
                .take(common.worst);
            for (t, (a, _)) in misses {
                let (want, got) = match *field {
                    "title" => (t.title.clone(), a.headline.clone()),
                    "author" => (
                        t.author.clone(),
                        Some(
                            a.byline
                                .iter()
                                .map(|p| p.name.as_str())
                                .collect::<Vec<_>>()
                                .join(", "),
                        ),
                    ),
                    _ => (t.date.clone(), a.published.clone()),
                };
                println!(
                    "  {field:<7} {}: want {:?}, got {:?}",
                    t.id,
                    want.unwrap_or_default(),
                    got.unwrap_or_default()
                );
            }
        }
    }

    if let Some(out) = &common.out {
        let rows: Vec<Value> = truth
            .iter()
            .zip(&results)
            .map(|(t, (a, j))| {
                json!({
                    "id": t.id, "half": t.half.name(), "page_type": t.page_type,
                    "title": {"truth": t.title, "got": a.headline, "ok": j[0]},
                    "author": {"truth": t.author,
                               "got": a.byline.iter().map(|p| p.name.clone()).collect::<Vec<_>>(),
                               "ok": j[1]},
                    "date": {"truth": t.date, "got": a.published, "ok": j[2]},
                })
            })
            .collect();
        if let Err(e) = common::write_jsonl(out, &rows) {
            eprintln!("eval wcxb-meta: {e}");
            return ExitCode::from(2);
        }
    }
    common::finish("wcxb-meta", &figures, &common)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn truth(title: Option<&str>, author: Option<&str>, date: Option<&str>) -> Truth {
        Truth {
            id: "0002".into(),
            half: Half::Tune,
            page_type: "article".into(),
            url: None,
            body: String::new(),
            with: vec![],
            without: vec![],
            title: title.map(Into::into),
            author: author.map(Into::into),
            date: date.map(Into::into),
        }
    }

    #[test]
    fn day_of_takes_the_calendar_day() {
        assert_eq!(day_of("2025-03-04T23:30:00-05:00"), Some("2025-03-04"));
        assert_eq!(day_of("2025-03-04"), Some("2025-03-04"));
        assert_eq!(day_of("March 4, 2025"), None);
        assert_eq!(day_of("2025"), None);
    }

    #[test]
    fn judge_fields_present_in_truth_only() {
        let mut a = copydesk::Article::new();
        a.headline = Some("How To  Bake\u{a0}Bread".into());
        a.byline = vec![
            copydesk::Person::new("Ann Lee"),
            copydesk::Person::new("Bo Ek"),
        ];
        a.published = Some("2025-01-02T08:00:00Z".into());
        let t = truth(
            Some("how to bake bread"),
            Some("Bo Ek and Ann Lee"),
            Some("2025-01-02"),
        );
        assert_eq!(judge(&t, &a), [Some(true), Some(true), Some(true)]);
        let t = truth(Some("How to bake bread - Site"), None, Some("2025-01-03"));
        assert_eq!(judge(&t, &a), [Some(false), None, Some(false)]);
        // One of two authors is not the set.
        a.byline.pop();
        let t = truth(None, Some("Ann Lee & Bo Ek"), None);
        assert_eq!(judge(&t, &a), [None, Some(false), None]);
    }
}
