//! The scrapinghub article-extraction-benchmark metric: 4-token shingles,
//! per-page normalised counts, corpus means (see the corpus README).

use std::collections::HashMap;

use once_cell::sync::Lazy;
use regex::Regex;

/// Word tokens as Python's `re` `\w+` on str: letters, numbers, underscore
/// (not combining marks, unlike Rust's `\w`).
static TOKEN: Lazy<Regex> = Lazy::new(|| Regex::new(r"[\p{L}\p{N}_]+").expect("TOKEN"));

pub fn tokens(text: &str) -> Vec<&str> {
    TOKEN.find_iter(text).map(|m| m.as_str()).collect()
}

fn shingles<'a>(tokens: &[&'a str]) -> HashMap<Vec<&'a str>, usize> {
    let mut out = HashMap::new();
    if tokens.is_empty() {
        return out;
    }
    if tokens.len() <= 3 {
        out.insert(tokens.to_vec(), 1);
        return out;
    }
    for w in tokens.windows(4) {
        *out.entry(w.to_vec()).or_insert(0) += 1;
    }
    out
}

/// One page's scores: precision and recall when defined, and accuracy.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageScore {
    pub tp: f64,
    pub fp: f64,
    pub fn_: f64,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub accurate: bool,
}

pub fn score_page(truth: &str, prediction: &str) -> PageScore {
    let tt = tokens(truth);
    let pt = tokens(prediction);
    let ts = shingles(&tt);
    let ps = shingles(&pt);
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (s, &p) in &ps {
        let t = ts.get(s).copied().unwrap_or(0);
        tp += p.min(t);
        fp += p.saturating_sub(t);
    }
    for (s, &t) in &ts {
        let p = ps.get(s).copied().unwrap_or(0);
        fn_ += t.saturating_sub(p);
    }
    let (mut tp, mut fp, mut fn_) = (tp as f64, fp as f64, fn_ as f64);
    let sum = tp + fp + fn_;
    if sum > 0.0 {
        tp /= sum;
        fp /= sum;
        fn_ /= sum;
    }
    let perfect = fp == 0.0 && fn_ == 0.0;
    let precision = (tp + fp > 0.0).then(|| if perfect { 1.0 } else { tp / (tp + fp) });
    let recall = (tp + fn_ > 0.0).then(|| if perfect { 1.0 } else { tp / (tp + fn_) });
    PageScore {
        tp,
        fp,
        fn_,
        precision,
        recall,
        accurate: tt == pt,
    }
}

/// Corpus figures: means of the defined per-page values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Corpus {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub accuracy: f64,
}

pub fn corpus(pages: &[PageScore]) -> Corpus {
    let mean = |v: Vec<f64>| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let precision = mean(pages.iter().filter_map(|p| p.precision).collect());
    let recall = mean(pages.iter().filter_map(|p| p.recall).collect());
    let accuracy = mean(
        pages
            .iter()
            .map(|p| if p.accurate { 1.0 } else { 0.0 })
            .collect(),
    );
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Corpus {
        precision,
        recall,
        f1,
        accuracy,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// truth, prediction, [tp, fp, fn], P, R, accurate
    type Vector<'a> = (&'a str, &'a str, [f64; 3], Option<f64>, Option<f64>, bool);

    /// The README's test vectors: truth, prediction, tp, fp, fn, P, R, acc.
    #[test]
    fn readme_vectors() {
        let cat = "The cat sat on the mat today.";
        let six = "one two three four five six";
        let cases: [Vector; 8] = [
            (cat, cat, [1.0, 0.0, 0.0], Some(1.0), Some(1.0), true),
            (
                cat,
                "Menu. The cat sat on the mat today.",
                [0.8, 0.2, 0.0],
                Some(0.8),
                Some(1.0),
                false,
            ),
            (
                "Hello world",
                "Hello, world!",
                [1.0, 0.0, 0.0],
                Some(1.0),
                Some(1.0),
                true,
            ),
            (
                six,
                "one two three",
                [0.0, 0.25, 0.75],
                Some(0.0),
                Some(0.0),
                false,
            ),
            (six, "", [0.0, 0.0, 1.0], None, Some(0.0), false),
            (
                "",
                "Some boilerplate text",
                [0.0, 1.0, 0.0],
                Some(0.0),
                None,
                false,
            ),
            ("", "", [0.0, 0.0, 0.0], None, None, true),
            (
                "a b c d a b c d",
                "a b c d",
                [0.2, 0.0, 0.8],
                Some(1.0),
                Some(0.2),
                false,
            ),
        ];
        for (truth, pred, [tp, fp, fn_], p, r, acc) in cases {
            let s = score_page(truth, pred);
            assert!(
                close(s.tp, tp) && close(s.fp, fp) && close(s.fn_, fn_),
                "{truth} / {pred}: {s:?}"
            );
            assert_eq!(
                s.precision.map(|x| (x * 1e9).round()),
                p.map(|x| (x * 1e9).round()),
                "{pred}"
            );
            assert_eq!(
                s.recall.map(|x| (x * 1e9).round()),
                r.map(|x| (x * 1e9).round()),
                "{pred}"
            );
            assert_eq!(s.accurate, acc, "{truth} / {pred}");
        }
    }

    #[test]
    fn tokens_split_on_marks_and_punctuation() {
        assert_eq!(tokens("it's 3.5 km_h"), ["it", "s", "3", "5", "km_h"]);
        // A combining mark (U+064E, Arabic fatha) separates tokens as in Python.
        assert_eq!(tokens("\u{0643}\u{064E}\u{062A}"), ["\u{0643}", "\u{062A}"]);
    }

    #[test]
    fn corpus_means_skip_undefined() {
        let pages = [
            score_page("a b c d e", "a b c d e"),
            score_page("a b c d e", ""),
        ];
        let c = corpus(&pages);
        assert!(close(c.precision, 1.0));
        assert!(close(c.recall, 0.5));
        assert!(close(c.accuracy, 0.5));
    }
}
