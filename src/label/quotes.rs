//! Quotes set apart from the prose: pull quotes (`Label: "…"`, a line that
//! is only a quotation) and block quotations with their attribution.

use once_cell::sync::Lazy;
use regex::Regex;

use super::inline_quotes::find_quotes;
use super::{is_open_body, relabel};
use crate::error::BoxError;
use crate::grammar::attribution;
use crate::heuristic::{Builtin, Context, Draft, DraftBlock, Role, Shape, Stage};
use crate::model::QuoteKind;

/// `label.pull-quotes`, as [`heuristics`](super::heuristics) lists it.
pub(super) const PULL_QUOTES_BUILTIN: Builtin = Builtin {
    name: PULL,
    stage: Stage::Label,
    description: "Marks `Label: \"...\"` lines, lines that are only a quotation (optionally `— Name`) and short lines repeating a sentence of a nearby paragraph as pull quotes, with their attribution.",
    run: pull_quotes,
};
/// The heuristic's id.
const BLOCK: &str = "label.block-quotes";
/// `label.block-quotes`, as [`heuristics`](super::heuristics) lists it.
pub(super) const BLOCK_QUOTES_BUILTIN: Builtin = Builtin {
    name: BLOCK,
    stage: Stage::Label,
    description: "Keeps block quotations as block quotes and takes a trailing `— Name` line as their attribution.",
    run: block_quotes,
};

/// `Official Statement: "…"`: a short label (≤ 5 words), a colon, then a
/// quotation that runs to the end of the line.
static LABELLED: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r#"^([\p{L}\p{N}][\p{L}\p{N}'’.&-]*(?:\s+[\p{L}\p{N}'’.&-]+){0,4})\s*:\s*["“„«‚]\s*(.+?)\s*["”“»‘’]\s*$"#,
    )
    .expect("LABELLED")
});

/// A line that is only a quotation, optionally followed by `— Name`.
static QUOTE_ONLY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r#"^["“„«]\s*([^"“”„«»]+?)\s*["”“»]\s*(?:[—–-]{1,2}\s*(\p{Lu}[^"“”„«»—–]{1,80}?))?\s*$"#,
    )
    .expect("QUOTE_ONLY")
});

/// A trailing attribution inside a block quotation: "… — Jane Doe".
static TRAILING_ATTRIBUTION: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?s)^(.*\S)\s+[—–]{1,2}\s*(\p{Lu}[\p{L}\p{N}.'’ ,-]{1,60})$")
        .expect("TRAILING_ATTRIBUTION")
});

/// How sure an attribution line under a block quotation is the quote's
/// source line (not body text).
const ATTRIBUTION_LINE: f32 = 0.8;

/// The name an attribution line under a block quotation gives, when
/// `block` is one: a dash line (a last `<p>— Name</p>` inside the
/// quotation, which segments as a quote block of its own, or one right
/// under it), or the caption of a figure with no image that closes the
/// quotation (`<figure><blockquote>…</blockquote><figcaption>Name`), or
/// a pull-quote box's credit line (with or without a dash).
fn attribution_line(block: &DraftBlock) -> Option<String> {
    // As segment left it: a paragraph, or a quotation by its tag.
    let open = matches!(
        block.role,
        Role::Unknown
            | Role::Paragraph
            | Role::Caption
            | Role::Quote(QuoteKind::Block | QuoteKind::Pull)
    );
    if !open {
        return None;
    }
    // A line of a pull-quote box after its quotation is the box's credit
    // (`<cite>Name</cite>`), dash or not.
    let credit = block.role == Role::Quote(QuoteKind::Pull);
    match &block.shape {
        Shape::Quote | Shape::Paragraph => attribution::source_line(&block.text, credit),
        Shape::Figure { src: None, .. } => attribution::source_line(&block.text, true),
        _ => None,
    }
}

const PULL: &str = "label.pull-quotes";
/// How sure a `Label: "…"` line is a pull quote.
const LABELLED_PULL: f32 = 0.75;
/// How sure a line that is only a quotation is a pull quote.
const BARE_PULL: f32 = 0.65;
/// How sure a short paragraph repeating a nearby sentence is a pull quote.
const REPEATED_PULL: f32 = 0.6;
/// How sure the closing line of an embedded post ("— Jane Doe (@janedoe)
/// …") is a paragraph of the post, not a quotation: it names who posted
/// the quoted lines above it.
const EMBED_TRAILER_LINE: f32 = 0.8;
/// How sure a block quotation is a block quote.
const BLOCK_QUOTE: f32 = 0.7;

/// Reporting verbs: `Kim said: "…"` is reported speech (an inline quote),
/// not a labelled pull quote.
static SPEECH_VERB: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:said|says|say|added|adds|told|tells|asked|asks|explained|explains|noted|notes|wrote|writes|stated|states|continued|declared|replied|sagte|sagt|a déclaré|a dit|explique)\b")
        .expect("SPEECH_VERB")
});

/// Does the block report speech (so a following bare quotation continues it)?
fn has_speech(block: &DraftBlock) -> bool {
    find_quotes(&block.text)
        .iter()
        .any(|q| super::words(&q.text) >= 4)
}

pub(super) fn pull_quotes(draft: &mut Draft, _cx: &Context<'_>) -> Result<(), BoxError> {
    // In HTML a bare quoted paragraph is almost always reported speech whose
    // speaker is named nearby; only text dumps set pull quotes as bare lines.
    let bare_ok = !draft.is_html();
    let blocks = draft.blocks_mut();
    for i in 0..blocks.len() {
        if !is_open_body(&blocks[i]) || blocks[i].shape != Shape::Paragraph {
            continue;
        }
        let text = blocks[i].text.trim().to_owned();
        if let Some(c) = super::captures(&LABELLED, &text) {
            let (label, quote) = (c[1].trim().to_owned(), c[2].to_owned());
            if SPEECH_VERB.is_match(&label) || !attribution::plausible(&label) {
                continue;
            }
            if super::words(&quote) >= 4
                && relabel(
                    &mut blocks[i],
                    Role::Quote(QuoteKind::Pull),
                    PULL,
                    LABELLED_PULL,
                )
            {
                blocks[i].attribution = Some(label);
                blocks[i].text = quote;
            }
            continue;
        }
        let Some(c) = super::captures(&QUOTE_ONLY, &text) else {
            continue;
        };
        let quote = c[1].to_owned();
        let name = c
            .get(2)
            .map(|m| m.as_str().trim().to_owned())
            .filter(|n| attribution::plausible(n));
        // A bare quotation right after reported speech is a floating quote
        // (inline-quotes gives it the previous speaker), not a pull quote.
        let floating = name.is_none() && (!bare_ok || (i > 0 && has_speech(&blocks[i - 1])));
        if super::words(&quote) >= 4
            && !floating
            && relabel(
                &mut blocks[i],
                Role::Quote(QuoteKind::Pull),
                PULL,
                BARE_PULL,
            )
        {
            blocks[i].attribution = name;
            blocks[i].text = quote;
        }
    }
    repeated_sentences(blocks);
    Ok(())
}

/// How many blocks either way a pull quote's source paragraph is looked for.
const REPEAT_REACH: usize = 6;

/// Lower-case words of `text` joined by one space, punctuation and
/// quotation marks left out: "These are the toughest earbuds." and
/// "…these are the toughest earbuds I have…" compare by their words.
fn word_key(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A short paragraph that repeats, word for word, a sentence of a longer
/// body paragraph near it is a pull quote set for display (a styled line
/// between paragraphs), not more body: the body keeps the sentence where
/// it was written. Only after the body has begun (a standfirst repeating
/// the lede is the head's).
fn repeated_sentences(blocks: &mut [DraftBlock]) {
    let Some(first_prose) = blocks.iter().position(super::is_prose) else {
        return;
    };
    // A sentence, not a subheading that names the topic; a line in
    // quotation marks is reported speech or an excerpt (the quotation
    // rules above read it), not a display copy.
    let candidate = |b: &DraftBlock| {
        let t = b.text.trim();
        b.shape == Shape::Paragraph
            && (20..=400).contains(&t.len())
            && t.trim_end_matches(['"', '”', '’', '»'])
                .ends_with(['.', '!', '?', '…'])
            && !t.starts_with(['"', '“', '„', '«', '‘'])
            && is_open_body(b)
            && (6..=35).contains(&super::words(t))
    };
    let picks: Vec<usize> = (first_prose + 1..blocks.len())
        .filter(|&i| candidate(&blocks[i]))
        .collect();
    if picks.is_empty() {
        return;
    }
    // Word keys of the paragraphs near a candidate, made once each.
    let mut keys: Vec<Option<String>> = vec![None; blocks.len()];
    let mut holds = |j: usize, blocks: &[DraftBlock], key: &str| -> bool {
        let o = &blocks[j];
        o.shape == Shape::Paragraph
            && o.role.is_body()
            && keys[j]
                .get_or_insert_with(|| format!(" {} ", word_key(&o.text)))
                .contains(key)
    };
    for i in picks {
        let len = blocks[i].text.len();
        // The candidate's longest word, as printed: a cheap first test
        // before the word keys are made.
        let probe = blocks[i]
            .text
            .split(|c: char| !c.is_alphanumeric())
            .max_by_key(|w| w.len())
            .unwrap_or("")
            .to_owned();
        let (lo, hi) = (
            i.saturating_sub(REPEAT_REACH),
            (i + REPEAT_REACH + 1).min(blocks.len()),
        );
        let near: Vec<usize> = (lo..hi)
            .filter(|&j| j != i && blocks[j].text.len() > len * 3 / 2)
            .filter(|&j| blocks[j].text.contains(probe.as_str()))
            .collect();
        if near.is_empty() {
            continue;
        }
        let key = format!(" {} ", word_key(&blocks[i].text));
        let source = near.into_iter().any(|j| holds(j, blocks, &key));
        if source {
            relabel(
                &mut blocks[i],
                Role::Quote(QuoteKind::Pull),
                PULL,
                REPEATED_PULL,
            );
        }
    }
}

/// The closing line of an embedded social post: "— Jane Doe (@janedoe)
/// November 19, 2019".
static EMBED_TRAILER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^[—–-]{1,2}\s*([^()@]{1,60}?\s*\(@\w{1,30}\))(?:\s+.{0,40})?$")
        .expect("EMBED_TRAILER")
});

pub(super) fn block_quotes(draft: &mut Draft, _cx: &Context<'_>) -> Result<(), BoxError> {
    let blocks = draft.blocks_mut();
    // An embedded post's closing line names who posted the quoted lines
    // above it. The line stays in the text as the post's own line, but it
    // is neither a quotation nor the article's date line.
    for i in 0..blocks.len() {
        let Some(name) = blocks
            .get(i)
            .filter(|b| b.shape == Shape::Quote && b.text.len() <= 120)
            .and_then(|b| EMBED_TRAILER.captures(b.text.trim()))
            .map(|c| c[1].trim().to_owned())
        else {
            continue;
        };
        for b in blocks[..i].iter_mut().rev() {
            if b.shape != Shape::Quote || b.attribution.is_some() {
                break;
            }
            b.attribution = Some(name.clone());
        }
        blocks[i].shape = Shape::Paragraph;
        blocks[i].set_role(Role::Paragraph, BLOCK, EMBED_TRAILER_LINE);
    }
    // A source line under a block quotation attributes it.
    for i in 1..blocks.len() {
        let quote = &blocks[i - 1];
        if quote.shape != Shape::Quote
            || quote.attribution.is_some()
            || !matches!(
                quote.role,
                Role::Unknown | Role::Quote(QuoteKind::Block | QuoteKind::Pull)
            )
            || super::words(&quote.text) < 4
        {
            continue;
        }
        if let Some(name) = attribution_line(&blocks[i]) {
            let pull = blocks[i - 1].role == Role::Quote(QuoteKind::Pull);
            blocks[i - 1].attribution = Some(name);
            if pull {
                // A pull quote repeats the story for display; its credit
                // line is part of that display, not of the text.
                blocks[i].set_role(Role::Boilerplate, BLOCK, ATTRIBUTION_LINE);
            } else if blocks[i].shape == Shape::Quote || matches!(blocks[i].role, Role::Quote(_)) {
                // The line stays in the text as printed, but a dash line
                // that segmented as a quotation of its own is not one.
                blocks[i].shape = Shape::Paragraph;
                blocks[i].set_role(Role::Paragraph, BLOCK, ATTRIBUTION_LINE);
            }
        }
    }
    for block in blocks.iter_mut() {
        let open = matches!(
            block.role,
            Role::Unknown | Role::Quote(QuoteKind::Block | QuoteKind::Pull)
        );
        if block.shape != Shape::Quote || !open {
            continue;
        }
        if let Some(c) = TRAILING_ATTRIBUTION
            .captures(block.text.trim())
            .filter(|c| block.attribution.is_none() && attribution::plausible(&c[2]))
        {
            let (text, name) = (c[1].to_owned(), c[2].trim().to_owned());
            block.text = text;
            block.attribution = Some(name);
        }
        if matches!(block.role, Role::Unknown) {
            block.set_role(Role::Quote(QuoteKind::Block), BLOCK, BLOCK_QUOTE);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labelled_table() {
        let c = LABELLED
            .captures("Official Line: \"We will open the port by spring.\"")
            .expect("hit");
        assert_eq!(
            (&c[1], &c[2]),
            ("Official Line", "We will open the port by spring.")
        );
        assert!(LABELLED.is_match("Key Quote: “Nothing is off the table.”"));
        for miss in [
            "The Lead: A Strategic Economic Overhaul",
            "He said: \"Yes,\" and left the room",
            "One two three four five six seven: \"too long a label here\"",
        ] {
            assert!(!LABELLED.is_match(miss), "{miss}");
        }
    }

    #[test]
    fn speech_verb_table() {
        // Unicode word boundaries here: "a déclaré" ends in a non-ASCII
        // letter (labels are short, so the slower engine costs nothing).
        for hit in [
            "He added",
            "Kim said",
            "Die Ministerin sagte",
            "Il a déclaré",
        ] {
            assert!(SPEECH_VERB.is_match(hit), "{hit}");
        }
        for miss in ["Official Line", "Key Quote", "Saying Goodbye"] {
            assert!(!SPEECH_VERB.is_match(miss), "{miss}");
        }
    }

    #[test]
    fn quote_only_table() {
        let c = QUOTE_ONLY
            .captures("“We are not going anywhere.” — Rosa Vidal")
            .expect("hit");
        assert_eq!(&c[1], "We are not going anywhere.");
        assert_eq!(&c[2], "Rosa Vidal");
        assert!(QUOTE_ONLY.is_match("\"Nobody saw it coming, not even us.\""));
        for miss in ["\"Yes,\" she said, \"we will.\"", "\"Yes\" was the answer."] {
            assert!(!QUOTE_ONLY.is_match(miss), "{miss}");
        }
    }

    #[test]
    fn embedded_posts_are_attributed_to_their_author() {
        let html = "<html><body><article><h1>Vote</h1>\
            <p>The council voted on Tuesday to approve the new budget after a long debate about library hours and road repairs.</p>\
            <blockquote class=\"twitter-tweet\"><p>Proud of this council tonight. The libraries stay open on Saturdays.</p>\
            — Mayor Ana Ruiz (@anaruiz) <a href=\"https://social.example/1\">November 19, 2019</a></blockquote>\
            <p>Residents who spoke at the meeting were divided, with some praising the library hours and others not.</p>\
            </article></body></html>";
        let a = crate::extract(html).expect("article");
        let q = a
            .quotes
            .iter()
            .find(|q| q.text.starts_with("Proud"))
            .expect("quote");
        assert_eq!(q.attribution.as_deref(), Some("Mayor Ana Ruiz (@anaruiz)"));
        assert!(a.published.is_none(), "{:?}", a.published);
        assert!(
            !a.quotes.iter().any(|q| q.text.contains("November 19")),
            "{:?}",
            a.quotes
        );
    }

    #[test]
    fn trailing_attribution_table() {
        let c = TRAILING_ATTRIBUTION
            .captures("Stay hungry. — Ana Ruiz")
            .expect("hit");
        assert_eq!((&c[1], &c[2]), ("Stay hungry.", "Ana Ruiz"));
        assert!(!TRAILING_ATTRIBUTION.is_match("The vote — narrowly — passed"));
    }

    /// Every place a block quotation's source line sits in markup gives the
    /// same attribution, and the line is no quotation of its own.
    #[test]
    fn block_quote_source_lines() {
        let prose = "<p>The harbour master spoke to the committee on Monday about the state of the old quay wall.</p>";
        let quote =
            "The quay was built for sailing ships and it has carried lorries for sixty years";
        let shapes = [
            format!(
                "<blockquote>{quote}.</blockquote><p class=\"quote-by\">— Ines Marlow, harbour master</p>"
            ),
            format!("<blockquote>{quote}.<br>— Ines Marlow, harbour master</blockquote>"),
            format!("<blockquote>{quote}.<br><br>— Ines Marlow, harbour master</blockquote>"),
            format!("<blockquote><p>{quote}.</p><p>— Ines Marlow, harbour master</p></blockquote>"),
            format!(
                "<figure><blockquote>{quote}.</blockquote><figcaption>Ines Marlow, harbour master</figcaption></figure>"
            ),
        ];
        for shape in &shapes {
            let html = format!(
                "<html><body><article><h1>Quay wall</h1>{prose}{shape}{prose}</article></body></html>"
            );
            let a = crate::extract(&html).expect("article");
            let blocks: Vec<_> = a
                .quotes
                .iter()
                .filter(|q| q.kind == crate::QuoteKind::Block)
                .collect();
            assert_eq!(blocks.len(), 1, "{shape}: {:?}", a.quotes);
            assert_eq!(blocks[0].text, format!("{quote}."), "{shape}");
            assert_eq!(
                blocks[0].attribution.as_deref(),
                Some("Ines Marlow, harbour master"),
                "{shape}"
            );
        }
        // A pull quote repeating the body takes its box's credit line, dash
        // or not, and the credit leaves the text.
        for credit in ["<cite>Ines Marlow</cite>", "<p>— Ines Marlow</p>"] {
            let html = format!(
                "<html><body><article><h1>Quay wall</h1>{prose}<p>{quote}, she told the committee on Monday.</p>\
                 <blockquote class=\"pull-quote\"><p>{quote}</p>{credit}</blockquote>{prose}</article></body></html>"
            );
            let a = crate::extract(&html).expect("article");
            let pull: Vec<_> = a
                .quotes
                .iter()
                .filter(|q| q.kind == crate::QuoteKind::Pull)
                .collect();
            assert_eq!(pull.len(), 1, "{credit}: {:?}", a.quotes);
            assert_eq!(
                pull[0].attribution.as_deref(),
                Some("Ines Marlow"),
                "{credit}"
            );
            assert!(!a.text.contains("Ines Marlow"), "{credit}: {}", a.text);
        }
        // A dash line that is a clause, not a source, attributes nothing.
        let html = format!(
            "<html><body><article><h1>Quay wall</h1>{prose}<blockquote>{quote}.</blockquote><p>— He added nothing more.</p>{prose}</article></body></html>"
        );
        let a = crate::extract(&html).expect("article");
        assert!(
            a.quotes.iter().all(|q| q.attribution.is_none()),
            "{:?}",
            a.quotes
        );
    }
}
