//! The precision/recall preference ([`Favor`]) and the one table of the
//! thresholds it moves ([`Tune`]).
//!
//! Every rule a setting changes is a named field here, so a reader sees in
//! one place what "precision" and "recall" mean. [`Favor::Balanced`] holds
//! the values the extractor used before the setting existed: its output is
//! the default output, byte for byte.

use std::fmt;
use std::str::FromStr;

/// How much borderline content an extraction keeps.
///
/// Set with [`ExtractorBuilder::favor`](crate::ExtractorBuilder::favor) (CLI
/// `--favor precision|balanced|recall`); heuristics read it from
/// [`Context::favor`](crate::Context::favor). Like trafilatura's
/// `favor_precision` / `favor_recall`:
///
/// - [`Precision`](Favor::Precision) drops more of what may be chrome: short
///   link-dense lines anywhere in the body, short lines without a sentence at
///   the body's tail, and longer kicker lines above it; the JSON-LD
///   `articleBody` stands in for the page's text only when it is much longer.
///   For pipelines that want clean text (training data).
/// - [`Balanced`](Favor::Balanced) is the default.
/// - [`Recall`](Favor::Recall) keeps more of what may be text: a page with
///   little text gets the second opinion (a relaxed reading of the page) more
///   readily, and prose lines past the body's tail cues are kept. For
///   archivists.
///
/// The README gives the effect of each setting on wcxb-dev.
///
/// # Examples
///
/// ```
/// use copydesk::{Extractor, Favor};
/// let extractor = Extractor::builder().favor(Favor::Precision).build()?;
/// assert_eq!("recall".parse::<Favor>(), Ok(Favor::Recall));
/// assert_eq!(Favor::default(), Favor::Balanced);
/// # let _ = extractor;
/// # Ok::<(), copydesk::Error>(())
/// ```
#[non_exhaustive]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Favor {
    /// Keep less: drop borderline blocks.
    Precision,
    /// The default trade-off.
    #[default]
    Balanced,
    /// Keep more: keep borderline blocks.
    Recall,
}

impl Favor {
    /// The setting's name: `precision`, `balanced` or `recall`.
    pub fn as_str(self) -> &'static str {
        match self {
            Favor::Precision => "precision",
            Favor::Balanced => "balanced",
            Favor::Recall => "recall",
        }
    }

    /// The thresholds of this setting.
    pub(crate) fn tune(self) -> &'static Tune {
        match self {
            Favor::Precision => &PRECISION,
            Favor::Balanced => &BALANCED,
            Favor::Recall => &RECALL,
        }
    }
}

impl fmt::Display for Favor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing a [`Favor`] from a name it does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFavor(pub String);

impl fmt::Display for UnknownFavor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown favor `{}` (expected precision, balanced or recall)",
            self.0
        )
    }
}

impl std::error::Error for UnknownFavor {}

impl FromStr for Favor {
    type Err = UnknownFavor;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "precision" => Ok(Favor::Precision),
            "balanced" => Ok(Favor::Balanced),
            "recall" => Ok(Favor::Recall),
            _ => Err(UnknownFavor(s.to_owned())),
        }
    }
}

/// The thresholds a [`Favor`] sets. Field by field, what each rule does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Tune {
    /// Score stage: a first choice with fewer non-space characters than
    /// this gets a second opinion (relaxed clean, paragraph scoring).
    pub second_opinion_below: u32,
    /// Score stage: the second opinion must hold this many times the first
    /// choice's text, in percent (200 = twice).
    pub second_opinion_pct: u64,
    /// Score stage: the JSON-LD `articleBody` replaces the DOM text when it
    /// is this many times longer.
    pub json_ld_factor: f64,
    /// Edge trimming: a short block at the body's head or tail with this
    /// link density or more is boilerplate.
    pub edge_link_density: f32,
    /// Edge trimming: at the head, a line of at most this many words and no
    /// sentence punctuation is a kicker or a section label.
    pub kicker_words: usize,
    /// Edge trimming, anywhere in the body: a block of at most
    /// [`Tune::dense_words`] words with this link density or more is a
    /// link line, not text (`None`: no such rule).
    pub dense_link_density: Option<f32>,
    /// Words of a block under [`Tune::dense_link_density`].
    pub dense_words: usize,
    /// Edge trimming, tail zone: a line of at most this many words without
    /// sentence punctuation is boilerplate (0: no such rule).
    pub tail_fragment_words: usize,
    /// Edge trimming, past a tail cue: a block ending a sentence with at
    /// least this many words is kept as text (`None`: every short block
    /// after the cue goes).
    pub tail_keep_prose_words: Option<usize>,
}

/// Today's thresholds.
const BALANCED: Tune = Tune {
    second_opinion_below: 2000,
    second_opinion_pct: 200,
    json_ld_factor: 2.0,
    edge_link_density: 0.8,
    kicker_words: 4,
    dense_link_density: None,
    dense_words: 0,
    tail_fragment_words: 0,
    tail_keep_prose_words: None,
};

const PRECISION: Tune = Tune {
    json_ld_factor: 3.0,
    edge_link_density: 0.5,
    kicker_words: 6,
    dense_link_density: Some(0.6),
    dense_words: 25,
    tail_fragment_words: 8,
    ..BALANCED
};

const RECALL: Tune = Tune {
    second_opinion_below: 4000,
    second_opinion_pct: 150,
    tail_keep_prose_words: Some(12),
    ..BALANCED
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for f in [Favor::Precision, Favor::Balanced, Favor::Recall] {
            assert_eq!(f.as_str().parse::<Favor>(), Ok(f));
            assert_eq!(f.to_string(), f.as_str());
        }
        assert_eq!(" Recall ".parse::<Favor>(), Ok(Favor::Recall));
        assert!("fast".parse::<Favor>().is_err());
    }

    #[test]
    fn balanced_is_the_default_table() {
        assert_eq!(Favor::default().tune(), &BALANCED);
        assert_ne!(Favor::Precision.tune(), &BALANCED);
        assert_ne!(Favor::Recall.tune(), &BALANCED);
    }
}
