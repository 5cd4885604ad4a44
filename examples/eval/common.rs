//! Pieces shared by the corpus subcommands: the bag-of-words metric of the
//! WCXB benchmark, the title/name normalisation, the wcxb-dev halves,
//! floors and ceilings, per-page JSONL output and a parallel map.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::Path;

use rayon::prelude::*;
use unicode_normalization::UnicodeNormalization;

// ---------------------------------------------------------------- metric

/// Bag-of-words tokens: lower-cased, then `[\p{L}\p{N}_]+` (Python's `\w+`
/// on str, the benchmark's `re.findall(r"\w+", text.lower())`).
pub fn bow_tokens(text: &str) -> Vec<String> {
    crate::metric::tokens(&text.to_lowercase())
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// One page's bag-of-words figures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bow {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// Multiset overlap F1 of two token lists. An empty reference scores 1
/// only against an empty prediction; an empty prediction scores 0.
pub fn multiset_f1<T: std::hash::Hash + Eq>(reference: &[T], prediction: &[T]) -> Bow {
    if reference.is_empty() {
        let v = if prediction.is_empty() { 1.0 } else { 0.0 };
        return Bow {
            precision: v,
            recall: v,
            f1: v,
        };
    }
    if prediction.is_empty() {
        return Bow {
            precision: 0.0,
            recall: 0.0,
            f1: 0.0,
        };
    }
    let overlap = multiset_overlap(reference, prediction);
    let precision = overlap as f64 / prediction.len() as f64;
    let recall = overlap as f64 / reference.len() as f64;
    let f1 = if overlap == 0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    Bow {
        precision,
        recall,
        f1,
    }
}

/// `|A ∩ B|` for multisets.
pub fn multiset_overlap<T: std::hash::Hash + Eq>(a: &[T], b: &[T]) -> usize {
    let mut counts: HashMap<&T, usize> = HashMap::new();
    for t in a {
        *counts.entry(t).or_insert(0) += 1;
    }
    let mut overlap = 0;
    for t in b {
        if let Some(c) = counts.get_mut(t) {
            if *c > 0 {
                *c -= 1;
                overlap += 1;
            }
        }
    }
    overlap
}

/// The benchmark's text F1 of a prediction against a reference text.
pub fn text_f1(reference: &str, prediction: &str) -> Bow {
    multiset_f1(&bow_tokens(reference), &bow_tokens(prediction))
}

/// Share of `snippets` found in `prediction` as case-insensitive
/// substrings; `None` when there are no snippets (the page does not count).
pub fn snippet_rate(prediction_lower: &str, snippets: &[String]) -> Option<f64> {
    if snippets.is_empty() {
        return None;
    }
    let found = snippets
        .iter()
        .filter(|s| prediction_lower.contains(s.to_lowercase().as_str()))
        .count();
    Some(found as f64 / snippets.len() as f64)
}

// --------------------------------------------------------- normalisation

/// Titles and names compared as people read them: Unicode NFC, whitespace
/// runs collapsed to one space and trimmed, case folded (Unicode lower-case
/// mapping, plus `ß` → `ss` and final `ς` → `σ` as full case folding does).
pub fn fold(s: &str) -> String {
    let nfc: String = s.nfc().collect();
    let lower = nfc.to_lowercase().replace('ß', "ss").replace('ς', "σ");
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Author names of a byline string: split on `,`, `;`, ` and ` and `&`,
/// each name folded as titles are; empty parts dropped. A set.
pub fn author_names(s: &str) -> std::collections::BTreeSet<String> {
    let folded = fold(s);
    folded
        .split([',', ';', '&'])
        .flat_map(|part| part.split(" and "))
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
        .collect()
}

// ------------------------------------------------------------ the corpus

/// The wcxb-dev halves, by parity of the numeric page id: even ids are the
/// tuning half, odd ids the held-back half.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Half {
    Tune,
    Held,
}

impl Half {
    pub const BOTH: [Half; 2] = [Half::Tune, Half::Held];

    pub fn of(id: &str) -> Half {
        let n: u64 = id
            .chars()
            .filter(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .unwrap_or(0);
        if n % 2 == 0 { Half::Tune } else { Half::Held }
    }

    pub fn name(self) -> &'static str {
        match self {
            Half::Tune => "tune",
            Half::Held => "held",
        }
    }
}

/// One wcxb-dev page's truth.
#[derive(Debug, Clone)]
pub struct Truth {
    pub id: String,
    pub half: Half,
    pub page_type: String,
    pub url: Option<String>,
    pub body: String,
    pub with: Vec<String>,
    pub without: Vec<String>,
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
}

/// wcxb-dev's `ground-truth.json`, in id order; `None` when absent.
pub fn load_wcxb_truth(corpus: &Path) -> Result<Option<Vec<Truth>>, String> {
    let path = corpus.join("ground-truth.json");
    let Ok(json) = std::fs::read_to_string(&path) else {
        return Ok(None);
    };
    let map: BTreeMap<String, serde_json::Value> =
        serde_json::from_str(&json).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = |v: &serde_json::Value, k: &str| {
        v.get(k)
            .and_then(serde_json::Value::as_str)
            .map(str::to_owned)
            .filter(|s| !s.trim().is_empty())
    };
    let list = |v: &serde_json::Value, k: &str| -> Vec<String> {
        v.get(k)
            .and_then(serde_json::Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(serde_json::Value::as_str)
                    .filter(|s| !s.trim().is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    };
    Ok(Some(
        map.into_iter()
            .map(|(id, v)| Truth {
                half: Half::of(&id),
                page_type: text(&v, "page_type").unwrap_or_else(|| "unknown".into()),
                url: text(&v, "url"),
                body: text(&v, "articleBody").unwrap_or_default(),
                with: list(&v, "with"),
                without: list(&v, "without"),
                title: text(&v, "title"),
                author: text(&v, "author"),
                date: text(&v, "publish_date"),
                id,
            })
            .collect(),
    ))
}

/// A gzip file's bytes.
pub fn read_gz(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path)?).read_to_end(&mut out)?;
    Ok(out)
}

/// `f` over `items` on all cores, results in input order.
pub fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    items.par_iter().map(f).collect()
}

// ------------------------------------------------------ floors, options

/// Figures a run produced, by name; `higher` says which way is better.
#[derive(Debug, Default)]
pub struct Figures {
    values: BTreeMap<String, (f64, bool)>,
}

impl Figures {
    /// A figure where higher is better (gated by `--floors`).
    pub fn up(&mut self, name: impl Into<String>, v: f64) {
        self.values.insert(name.into(), (v, true));
    }

    /// A figure where lower is better (gated by `--ceilings`).
    pub fn down(&mut self, name: impl Into<String>, v: f64) {
        self.values.insert(name.into(), (v, false));
    }

    /// The names failing a floor or ceiling. A limit named `x` with figures
    /// `x.tune` and `x.held` applies to both halves. `Err` for a limit that
    /// names no figure (a typo must not pass silently) or the wrong direction.
    pub fn check(&self, limits: &Limits) -> Result<Vec<String>, String> {
        let mut failing = Vec::new();
        for (want_up, map) in [(true, &limits.floors), (false, &limits.ceilings)] {
            for (name, &limit) in map {
                let matched: Vec<(&String, &(f64, bool))> = self
                    .values
                    .iter()
                    .filter(|(k, _)| {
                        *k == name
                            || Half::BOTH
                                .iter()
                                .any(|h| **k == format!("{name}.{}", h.name()))
                    })
                    .collect();
                if matched.is_empty() {
                    return Err(format!("no figure named `{name}`"));
                }
                for (k, &(v, up)) in matched {
                    if up != want_up {
                        let (flag, other) = if up {
                            ("--ceilings", "--floors")
                        } else {
                            ("--floors", "--ceilings")
                        };
                        return Err(format!("`{k}` is not gated by {flag}; use {other}"));
                    }
                    let bad = if up { v < limit } else { v > limit };
                    if bad {
                        let rel = if up { "<" } else { ">" };
                        failing.push(format!("{k} {v:.3} {rel} {limit}"));
                    }
                }
            }
        }
        Ok(failing)
    }

    pub fn names(&self) -> impl Iterator<Item = &String> {
        self.values.keys()
    }
}

/// `--floors a=0.8,b=0.7` and `--ceilings c=0.1`.
#[derive(Debug, Default, Clone)]
pub struct Limits {
    pub floors: BTreeMap<String, f64>,
    pub ceilings: BTreeMap<String, f64>,
}

pub fn parse_limits(spec: &str, into: &mut BTreeMap<String, f64>) -> Result<(), String> {
    for kv in spec.split(',').filter(|s| !s.trim().is_empty()) {
        let (k, v) = kv
            .split_once('=')
            .ok_or_else(|| format!("bad limit `{kv}` (want name=value)"))?;
        let v: f64 = v
            .trim()
            .parse()
            .map_err(|_| format!("bad value in `{kv}`"))?;
        into.insert(k.trim().to_owned(), v);
    }
    Ok(())
}

/// Options every corpus subcommand takes.
#[derive(Debug, Clone)]
pub struct Common {
    pub corpus: Option<std::path::PathBuf>,
    pub limits: Limits,
    pub out: Option<std::path::PathBuf>,
    pub worst: usize,
    pub list_figures: bool,
}

/// Parses the common options; returns the ones it does not know, in order.
pub fn parse_common(args: &[String]) -> Result<(Common, Vec<String>), String> {
    let mut c = Common {
        corpus: None,
        limits: Limits::default(),
        out: None,
        worst: 3,
        list_figures: false,
    };
    let mut rest = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || it.next().cloned().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--corpus" => c.corpus = Some(value()?.into()),
            "--floors" => parse_limits(&value()?, &mut c.limits.floors)?,
            "--ceilings" => parse_limits(&value()?, &mut c.limits.ceilings)?,
            "--out" => c.out = Some(value()?.into()),
            "--worst" => {
                let v = value()?;
                c.worst = v.parse().map_err(|_| format!("bad --worst {v}"))?;
            }
            "--figures" => c.list_figures = true,
            _ => rest.push(a.clone()),
        }
    }
    Ok((c, rest))
}

/// Prints the gate's verdict; exit code 1 with the failing names.
pub fn finish(cmd: &str, figures: &Figures, common: &Common) -> std::process::ExitCode {
    if common.list_figures {
        println!(
            "figures: {}",
            figures.names().cloned().collect::<Vec<_>>().join(" ")
        );
    }
    match figures.check(&common.limits) {
        Err(e) => {
            eprintln!("eval {cmd}: {e}");
            std::process::ExitCode::from(2)
        }
        Ok(failing) if failing.is_empty() => {
            let n = common.limits.floors.len() + common.limits.ceilings.len();
            if n > 0 {
                println!("eval {cmd}: all {n} limits met");
            }
            std::process::ExitCode::SUCCESS
        }
        Ok(failing) => {
            eprintln!("eval {cmd}: FAILED: {}", failing.join("; "));
            std::process::ExitCode::FAILURE
        }
    }
}

/// Writes one JSON object per line.
pub fn write_jsonl(path: &Path, rows: &[serde_json::Value]) -> Result<(), String> {
    use std::io::Write;
    let file = std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut w = std::io::BufWriter::new(file);
    for r in rows {
        writeln!(w, "{r}").map_err(|e| format!("{}: {e}", path.display()))?;
    }
    w.flush().map_err(|e| format!("{}: {e}", path.display()))
}

pub fn mean(v: impl IntoIterator<Item = f64>) -> Option<f64> {
    let (mut s, mut n) = (0.0, 0usize);
    for x in v {
        s += x;
        n += 1;
    }
    (n > 0).then(|| s / n as f64)
}

/// `0.812` or `n/a`.
pub fn fmt3(v: Option<f64>) -> String {
    v.map_or_else(|| "n/a".into(), |v| format!("{v:.3}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn bow_tokens_lowercase_and_split_like_python_w() {
        assert_eq!(
            bow_tokens("Don't STOP—3.5 km_h Über"),
            ["don", "t", "stop", "3", "5", "km_h", "über"]
        );
        assert!(bow_tokens(" ... — ").is_empty());
    }

    #[test]
    fn multiset_f1_counts_repeats_once_each() {
        let r = ["a", "a", "b", "c"];
        let p = ["a", "b", "b", "d"];
        // overlap: one a, one b = 2; P = 2/4, R = 2/4.
        let s = multiset_f1(&r, &p);
        assert!(close(s.precision, 0.5) && close(s.recall, 0.5) && close(s.f1, 0.5));
        assert_eq!(multiset_overlap(&["x", "x", "x"], &["x", "x"]), 2);
    }

    #[test]
    fn multiset_f1_empty_sides() {
        let none: [&str; 0] = [];
        assert!(close(multiset_f1(&none, &none).f1, 1.0));
        assert!(close(multiset_f1(&none, &["a"]).f1, 0.0));
        assert!(close(multiset_f1(&["a"], &none).f1, 0.0));
        assert!(close(multiset_f1(&["a"], &["b"]).f1, 0.0));
    }

    #[test]
    fn text_f1_ignores_order_case_and_punctuation() {
        let s = text_f1("The cat sat.", "sat, the CAT");
        assert!(close(s.f1, 1.0));
        let s = text_f1("one two three four", "one two");
        assert!(close(s.precision, 1.0) && close(s.recall, 0.5));
        assert!(close(s.f1, 2.0 / 3.0));
    }

    #[test]
    fn snippet_rate_is_case_insensitive_and_skips_empty_lists() {
        let pred = "Hello World, this is it".to_lowercase();
        let s = vec!["hello world".to_owned(), "NOT HERE".to_owned()];
        assert_eq!(snippet_rate(&pred, &s), Some(0.5));
        assert_eq!(snippet_rate(&pred, &[]), None);
    }

    #[test]
    fn fold_nfc_whitespace_and_case() {
        // "é" decomposed (e + U+0301) equals the composed one after NFC.
        assert_eq!(fold("Caf\u{0065}\u{0301}  au\tLait "), fold("café au lait"));
        assert_eq!(fold("  STRASSE  "), fold("Straße"));
        assert_eq!(fold("ΟΔΟΣ"), fold("οδος"));
        assert_ne!(fold("cafe"), fold("café"));
    }

    #[test]
    fn author_names_split_on_separators() {
        let want: std::collections::BTreeSet<String> =
            ["jane doe", "john smith", "ann lee", "bo ek"]
                .iter()
                .map(|s| s.to_string())
                .collect();
        assert_eq!(
            author_names("Jane Doe, John Smith and Ann Lee & Bo Ek"),
            want
        );
        assert_eq!(author_names("Bo Ek; Ann Lee, John  SMITH & jane doe"), want);
        // "and" inside a name is not a separator.
        assert_eq!(author_names("Sandy Anderson").len(), 1);
        assert!(author_names(" , ; ").is_empty());
    }

    #[test]
    fn halves_by_id_parity() {
        assert_eq!(Half::of("0002"), Half::Tune);
        assert_eq!(Half::of("1497"), Half::Held);
        assert_eq!(Half::of("0010"), Half::Tune);
    }

    #[test]
    fn limits_apply_to_both_halves_and_reject_unknown_names() {
        let mut f = Figures::default();
        f.up("f1.tune", 0.80);
        f.up("f1.held", 0.78);
        f.down("without.held", 0.10);
        let mut l = Limits::default();
        l.floors.insert("f1".into(), 0.79);
        assert_eq!(f.check(&l).unwrap().len(), 1);
        l.floors.insert("f1".into(), 0.70);
        l.ceilings.insert("without".into(), 0.05);
        let fails = f.check(&l).unwrap();
        assert!(fails.len() == 1 && fails[0].starts_with("without.held"));
        l.floors.insert("nope".into(), 0.5);
        assert!(f.check(&l).is_err());
        let mut wrong = Limits::default();
        wrong.floors.insert("without".into(), 0.5);
        assert!(f.check(&wrong).is_err());
    }
}
