//! The notice grammar: how a notice about the piece (an editor's note, a
//! correction, an AI notice, a sponsor line, a copyright line) is worded,
//! read into a [`DisclaimerKind`]. The one disclaimer vocabulary of the
//! crate: the label stage finds notices in the block stream with it, and
//! the roles of kept disclaimer boxes are read with it.
//!
//! Three classifiers, because the evidence differs:
//!
//! | function | evidence | answer | used for |
//! |---|---|---|---|
//! | [`prefix_kind`] | a prefix only notices use ("Editor's note:", "Correction:", "©") | `None` when there is none | any block (`label.disclaimers`) |
//! | [`wording_kind`] | wording body prose may also use ("generated using AI", "sponsored by") | `None` when there is none | blocks at the edges of the body (`label.disclaimers`) |
//! | [`box_kind`] | keywords anywhere in a text already known to be a notice (a disclaimer box of the page) | always a kind, [`DisclaimerKind::Other`] by default | blocks of disclaimer boxes (`label.html-boxes`) |

use once_cell::sync::Lazy;
use regex::Regex;

use crate::model::DisclaimerKind;

/// The kind of a text already known to be a notice (a disclaimer box), by
/// its wording: the first keyword group that occurs wins, in this order
/// (AI, correction, affiliate, sponsor, editor, copyright); otherwise
/// [`DisclaimerKind::Other`].
pub(crate) fn box_kind(text: &str) -> DisclaimerKind {
    let t = text.to_lowercase();
    if t.contains("artificial intelligence")
        || t.split(|c: char| !c.is_alphanumeric()).any(|w| w == "ai")
    {
        DisclaimerKind::AiGenerated
    } else if t.contains("correction") || t.contains("clarification") {
        DisclaimerKind::Correction
    } else if t.contains("affiliate") || t.contains("commission") {
        DisclaimerKind::Affiliate
    } else if t.contains("sponsor") || t.contains("paid partnership") || t.contains("paid for by") {
        DisclaimerKind::Sponsored
    } else if t.contains("editor") {
        DisclaimerKind::EditorsNote
    } else if t.contains('©') || t.contains("copyright") || t.contains("all rights reserved") {
        DisclaimerKind::Copyright
    } else {
        DisclaimerKind::Other
    }
}

/// Prefixes and whole-notice shapes that are disclaimers wherever they stand.
static PREFIXED: Lazy<[(DisclaimerKind, Regex); 6]> = Lazy::new(|| {
    let re = |p: &str| Regex::new(p).expect("PREFIXED");
    [
        (
            DisclaimerKind::EditorsNote,
            re(
                r"(?i)^(?:\W{0,2})(?:editor['’]?s['’]? note|editorial note|note from the editors?|note de la rédaction|anmerkung der redaktion)(?-u:\b)",
            ),
        ),
        (
            DisclaimerKind::Correction,
            re(
                r"(?i)^(?:\W{0,2})(?:corrections?|clarifications?|rectificatif|korrektur)\s*[:.—–-]|^(?i:an earlier version of this (?:story|article|post|report|piece))|^(?i:this (?:story|article|post) (?:has been|was) (?:corrected|amended))",
            ),
        ),
        (
            DisclaimerKind::Sponsored,
            re(
                r"(?i)^(?:sponsored(?: content| post)?|paid (?:post|content|partnership)|partner content|advertorial|promoted content)\s*(?:[:.—–|-]\s*\S|by(?-u:\b))",
            ),
        ),
        (
            DisclaimerKind::Copyright,
            re(r"(?i)^(?:©\s*\S|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\))?\s*\d{4}|copyright ©)"),
        ),
        (
            DisclaimerKind::Other,
            re(
                r"(?i)^(?:\W{0,2})(?:disclosure|disclaimer|update|transparency note|forward-looking statements?|safe harbou?r statement)\s*:",
            ),
        ),
        (
            DisclaimerKind::AiGenerated,
            re(r"(?i)^(?:\W{0,2})(?:ai[- ]generated content|ai disclosure|ai notice)\s*[:.—–-]"),
        ),
    ]
});

/// One pattern of all the given ones: most blocks match none, and one
/// scan is cheaper than one per pattern.
fn any_of(patterns: &[(DisclaimerKind, Regex)]) -> Regex {
    let joined: Vec<String> = patterns
        .iter()
        .map(|(_, re)| format!("(?:{})", re.as_str()))
        .collect();
    Regex::new(&joined.join("|")).expect("ANY_OF")
}

/// Any of [`PREFIXED`].
static ANY_PREFIXED: Lazy<Regex> = Lazy::new(|| any_of(&*PREFIXED));

/// Any of [`WORDING`].
static ANY_WORDING: Lazy<Regex> = Lazy::new(|| any_of(&*WORDING));

/// Wording that marks a notice only at the edges of the article.
static WORDING: Lazy<[(DisclaimerKind, Regex); 4]> = Lazy::new(|| {
    let re = |p: &str| Regex::new(p).expect("WORDING");
    [
        (
            DisclaimerKind::AiGenerated,
            re(
                r"(?i)(?-u:\b)(?:ai[- ]generated|ai[- ]assisted|ai[- ]written|generated (?:with|by|using|via)(?: the help of| the assistance of)? (?:an? )?(?:ai(?-u:\b)|artificial intelligence|generative ai|a language model|large language models?|an llm)|(?:written|produced|created|drafted|summari[sz]ed|translated|compiled|prepared) (?:with the (?:help|assistance|support) of|by|using|with) (?:an? )?(?:ai(?-u:\b)|artificial intelligence|generative ai|(?:a |an )?(?:large )?language models?|an ai tool|ai tools)|with the (?:help|assistance) of (?:ai|artificial intelligence)(?-u:\b))",
            ),
        ),
        (
            DisclaimerKind::Sponsored,
            re(
                r"(?i)(?-u:\b)(?:sponsored by|paid partnership|in paid partnership with|this (?:content|article|post|story) (?:is|was) (?:sponsored|paid for|funded))(?-u:\b)",
            ),
        ),
        (
            DisclaimerKind::Affiliate,
            re(
                r"(?i)(?-u:\b)(?:we (?:may|might|could) (?:earn|receive|get) (?:a )?(?:small )?(?:commission|compensation|share of sales)|affiliate (?:links?|commission|partner)|earn (?:a|an affiliate) commission)(?-u:\b)",
            ),
        ),
        (
            DisclaimerKind::Other,
            re(
                r"(?i)(?-u:\b)(?:the views (?:and opinions )?expressed (?:in this|here|are)|(?:this|the) (?:story|article) has been updated(?-u:\b)|does not constitute (?:financial|investment|legal|medical) advice|for informational purposes only|(?:has been|was|have been) (?:lightly )?(?:edited|condensed) for (?:length|clarity|brevity)|(?:originally|first) (?:published|appeared) (?:in|on|by)(?-u:\b)|(?:is|was) republished (?:here )?(?:with permission|from|under)(?-u:\b))",
            ),
        ),
    ]
});

/// A bare "Sponsored" / "Paid post" line. At the head it marks the piece;
/// elsewhere (HTML ad slots, teaser cards) it labels something else.
pub(crate) static BARE_SPONSORED: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:sponsored(?: content| post| article)?|paid (?:post|content|partnership)|partner content|advertorial|promoted content)[.:]?$")
        .expect("BARE_SPONSORED")
});

/// The notice speaks about the piece itself. Mid-body sentences that
/// merely mention AI do not.
static SELF_REFERENCE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:\W{0,2})(?:ai(?-u:\b)|generated(?-u:\b)|written(?-u:\b)|produced(?-u:\b)|created(?-u:\b))|(?-u:\b)(?:this|the following|our) (?:content|article|story|post|piece|text|summary|report|page|newsletter|translation|item)(?-u:\b)|(?-u:\b)(?:we|our (?:editors|newsroom|team))(?-u:\b)")
        .expect("SELF_REFERENCE")
});

/// "All rights reserved" anywhere in a line: a copyright notice too.
static ALL_RIGHTS: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)(?-u:\b)all rights reserved(?-u:\b)").expect("ALL_RIGHTS"));

/// "All rights reserved" within the first 200 characters of the first line.
/// Searched for as a literal: as one pattern (`^.{0,200}all rights…`) the
/// lazy DFA tracked every start offset, and its state tables thrashed the
/// cache on every block.
fn all_rights_reserved(head: &str) -> bool {
    ALL_RIGHTS.find(head).is_some_and(|m| {
        let before = &head[..m.start()];
        !before.contains('\n') && before.chars().count() <= 200
    })
}

/// The kind of a notice recognised by its prefix (anywhere in the article).
pub(crate) fn prefix_kind(text: &str) -> Option<DisclaimerKind> {
    // Every prefix pattern is anchored and reads at most ~220 characters
    // (up to "all rights reserved" after 200): a long paragraph is not
    // scanned whole.
    let t = head_chars(text.trim(), 240);
    let rights = || all_rights_reserved(t);
    if !ANY_PREFIXED.is_match(t) && !rights() {
        return None;
    }
    PREFIXED
        .iter()
        .find(|(kind, re)| re.is_match(t) || *kind == DisclaimerKind::Copyright && rights())
        .map(|(kind, _)| *kind)
}

/// At least the first `n` characters of `text` (a prefix of up to `4 n`
/// bytes, cut at a character boundary), without decoding them.
fn head_chars(text: &str, n: usize) -> &str {
    &text[..crate::base::floor_char_boundary(text, n.saturating_mul(4))]
}

/// True when the text reads like a notice, by prefix or by wording.
pub(crate) fn looks_like_notice(text: &str) -> bool {
    prefix_kind(text).is_some() || wording_kind(text).is_some()
}

/// The kind of a notice recognised by its wording (edges only).
pub(crate) fn wording_kind(text: &str) -> Option<DisclaimerKind> {
    let t = text.trim();
    if !ANY_WORDING.is_match(t) {
        return None;
    }
    WORDING
        .iter()
        .find(|(kind, re)| {
            re.is_match(t) && (*kind != DisclaimerKind::AiGenerated || SELF_REFERENCE.is_match(t))
        })
        .map(|(kind, _)| *kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn box_kind_table() {
        for (text, kind) in [
            (
                "This summary was made with AI.",
                DisclaimerKind::AiGenerated,
            ),
            (
                "Artificial intelligence helped.",
                DisclaimerKind::AiGenerated,
            ),
            ("Said the aide.", DisclaimerKind::Other),
            (
                "Correction: the AI tool was named wrongly.",
                DisclaimerKind::AiGenerated,
            ),
            ("A clarification was added.", DisclaimerKind::Correction),
            ("We earn a commission.", DisclaimerKind::Affiliate),
            ("Sponsored content", DisclaimerKind::Sponsored),
            ("A note from the editors", DisclaimerKind::EditorsNote),
            ("© The Daily Post", DisclaimerKind::Copyright),
            ("Updated on Monday.", DisclaimerKind::Other),
        ] {
            assert_eq!(box_kind(text), kind, "{text}");
        }
    }

    #[test]
    fn prefixed_table() {
        let cases = [
            (
                "Editor's note: This essay is part of a series.",
                DisclaimerKind::EditorsNote,
            ),
            (
                "Correction: An earlier version misspelled a name.",
                DisclaimerKind::Correction,
            ),
            (
                "An earlier version of this story gave the wrong date.",
                DisclaimerKind::Correction,
            ),
            (
                "Clarification: The fund is private.",
                DisclaimerKind::Correction,
            ),
            ("Sponsored: Paid for by Acme.", DisclaimerKind::Sponsored),
            ("Sponsored by Acme Travel", DisclaimerKind::Sponsored),
            (
                "© 2025 Example Media. All rights reserved.",
                DisclaimerKind::Copyright,
            ),
            ("Copyright 2024 The Daily Post", DisclaimerKind::Copyright),
            ("Disclosure: The author owns shares.", DisclaimerKind::Other),
            (
                "Forward-looking statements: This release contains plans that may change.",
                DisclaimerKind::Other,
            ),
            (
                "Photos by the newsroom staff. ALL RIGHTS RESERVED.",
                DisclaimerKind::Copyright,
            ),
        ];
        for (text, kind) in cases {
            assert_eq!(prefix_kind(text), Some(kind), "{text}");
        }
        for miss in [
            "Corrections officers went on strike on Monday.",
            "The editor noted the change.",
            "Sponsorship deals rose.",
            "Notebook entries were lost.",
            "copyright",
            "Copyright law changed in the spring.",
            "Note: the striker was sent off in the second half.",
            "Sponsored",
            "Text on one line.\nAll rights reserved on the next one.",
            "Many rights reservedly given.",
            "Trending Latest Sections Tech Health Space Environment Human Science Business Culture Sport Travel Money Weather Video Audio Games Podcasts Newsletters Crosswords Puzzles Quizzes Events Shop Jobs Dating Advertise Contact Help About Careers Privacy Terms Cookies Accessibility Sitemap Archive Topics Authors Tags Feeds Apps Editions Weekly Daily Photos Graphics Interactives Explainers Analysis Opinion Reviews Letters Obituaries Corrections Markets Economy Politics World Local National Regional International Global Europe Asia Africa Americas Oceania Arctic Antarctica Everything Else Too All rights reserved",
        ] {
            assert_eq!(prefix_kind(miss), None, "{miss}");
        }
    }

    #[test]
    fn bare_sponsored_table() {
        for hit in ["Sponsored", "Paid post", "SPONSORED CONTENT"] {
            assert!(BARE_SPONSORED.is_match(hit), "{hit}");
        }
        for miss in ["Sponsored by Acme", "Sponsorship deals rose"] {
            assert!(!BARE_SPONSORED.is_match(miss), "{miss}");
        }
    }

    #[test]
    fn wording_table() {
        let cases = [
            (
                "This content is AI-generated based on source articles.",
                DisclaimerKind::AiGenerated,
            ),
            (
                "This article was written with the help of AI and reviewed by an editor.",
                DisclaimerKind::AiGenerated,
            ),
            (
                "Generated using artificial intelligence; checked by our editors.",
                DisclaimerKind::AiGenerated,
            ),
            (
                "This post is sponsored by Acme Travel.",
                DisclaimerKind::Sponsored,
            ),
            (
                "We may earn a commission when you buy through links on our site.",
                DisclaimerKind::Affiliate,
            ),
            (
                "The views expressed are the author's own.",
                DisclaimerKind::Other,
            ),
        ];
        for (text, kind) in cases {
            assert_eq!(wording_kind(text), Some(kind), "{text}");
        }
        for miss in [
            "The studio said the trailer was generated using AI, which angered fans.",
            "The change would cost 300,000 a year, paid for by savings on landfill.",
            "Researchers trained a model on public data.",
        ] {
            assert_eq!(wording_kind(miss), None, "{miss}");
        }
    }
}
