//! Site chrome in the block stream: share/ad/newsletter prompts, skip links,
//! menu runs, press-release contact lines; and interview turns, which look
//! like chrome-ish short labelled lines but are body.

use std::collections::HashMap;

use once_cell::sync::Lazy;
use regex::Regex;

use super::{BYLINE, DATELINE, final_punct, is_prose, is_structural, relabel};
use crate::error::BoxError;
use crate::heuristic::{Builtin, Context, Draft, Role, Shape, Stage};

/// `label.boilerplate`, as [`heuristics`](super::heuristics) lists it.
pub(super) const BOILERPLATE_BUILTIN: Builtin = Builtin {
    name: BOILERPLATE,
    stage: Stage::Label,
    description: "Marks share/ad/newsletter prompts, skip links, contact lines and runs of menu-like short lines at the edges as boilerplate.",
    run: boilerplate,
};
/// `label.qa-turns`, as [`heuristics`](super::heuristics) lists it.
pub(super) const QA_TURNS_BUILTIN: Builtin = Builtin {
    name: QA,
    stage: Stage::Label,
    description: "Marks interview turns (`Q:`/`A:` or a speaker label used at least twice) as paragraphs so they are not taken for headings or pull quotes.",
    run: qa_turns,
};

const BOILERPLATE: &str = "label.boilerplate";
const QA: &str = "label.qa-turns";
/// How sure a share/ad/newsletter prompt, credit or contact line is
/// boilerplate.
const PROMPT_LINE: f32 = 0.7;
/// How sure a run of menu-like short lines at an edge is boilerplate.
const MENU_RUN: f32 = 0.6;
/// How sure an interview turn is a paragraph.
const QA_TURN: f32 = 0.6;

/// Whole lines that are prompts or widgets, never prose. Short by
/// construction (the caller checks the word count). The list is the kinds
/// of line extractors leak most: share and comment prompts, newsletter and
/// subscription boxes, cookie notices, ad labels, reading-time lines.
static PROMPT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^(?:share (?:this|on|via)(?-u:\b).*|share|tweet|email|print|advertisement|advertising|adverts?|sponsored links?|ad|close|スポンサー(?:ド)?リンク|広告|广告|廣告|광고|anzeige|publicité|publicidad|pubblicità|реклама|iklan|(?:like |suka |me gusta |j'aime |gefällt mir |curtir |mi piace )?(?:loading|memuat|cargando|chargement|lade|carregando|caricamento)(?:\.\.\.|…)|(?:reading time|read time|tempo de leitura|tiempo de lectura|temps de lecture|lesezeit|tempo di lettura|время чтения)\s*:?\s*\d+\s*\w*|kommentar schreiben|ajouter un commentaire|deja un comentario|deixe (?:um|seu) comentário|lascia un commento|(?:добавить|оставить) (?:отзыв|комментарий)|skip to (?:main )?content|skip to navigation|sign (?:up|in)(?-u:\b).*|log ?in|subscribe(?-u:\b).*|follow us(?-u:\b).*|newsletter|get (?:our|the) newsletter(?-u:\b).*|comments?|\d+ comments?|leave a (?:comment|reply)|add your comment|cookie(?:s| settings| policy)?(?-u:\b).*|accept(?: all)? cookies|back to top|\d+ min(?:ute)?s? read|listen to (?:this )?article|(?:continue|keep) reading|click here(?-u:\b).*|menu|home|search|language|caption|photo|fullscreen|(?:was this|found this) helpful\??|sharing is caring|(?:view|see) all(?: \(\d+\))?|-30-|ends)[.!]?$",
    )
    .expect("PROMPT")
});

/// A house ad for a newsletter: "Sign up for the free daily newsletter",
/// "Get the briefing in your inbox". Short paragraphs only.
static NEWSLETTER_AD: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:sign up|subscribe|register)(?-u:\b).{0,80}(?-u:\b)(?:newsletters?|inbox)(?-u:\b)|(?-u:\b)newsletters?(?-u:\b).{0,80}(?-u:\b)(?:sign up|subscribe)(?-u:\b)",
    )
    .expect("NEWSLETTER_AD")
});

/// Subscription and membership pitches: "for as little as", "12 issues
/// for £11.99", "Members get all of our content". Short paragraphs only.
static SUBSCRIPTION_AD: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:for as little as|\d+ issues for|delivered (?:to|through) your (?:door|letterbox|letter box|mailbox)|members get (?:all|full|unlimited)|become a (?:member|subscriber) (?:today|now)|support (?:our|independent) journalism)(?-u:\b)",
    )
    .expect("SUBSCRIPTION_AD")
});

/// Words one of [`NEWSLETTER_AD`] or [`SUBSCRIPTION_AD`] needs: a literal
/// search first, so most paragraphs never reach those regexes.
static AD_WORDS: Lazy<aho_corasick::AhoCorasick> = Lazy::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([
            "newsletter",
            "inbox",
            "as little as",
            "issues for",
            "delivered t",
            "members get",
            "become a",
            "journalism",
        ])
        .expect("AD_WORDS")
});

/// Press-release contact lines: "Media contact:", an e-mail address or a
/// phone number on a short line.
static CONTACT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^(?:(?:media|press|investor|for more information,?)\s*(?:contacts?|enquiries|inquiries|information)?\s*:|contacts?\s*:)|[\w.+-]+@[\w-]+\.[\w.]+|(?:tel|phone|t|ph)\.?\s*:?\s*\+?[\d(][\d ()./-]{6,}|^\+?\d[\d ()./-]{7,}$",
    )
    .expect("CONTACT")
});

/// Credit, contact-the-author and tag lines that close articles ("X may be
/// reached at", "Write to X at", "Follow me on", "… contributed reporting",
/// "Tags:" / "Filed under"), and photo credit lines, which a text dump
/// keeps without their image: none of them is article text, and all of
/// them sit at the tail where extractors leak them.
static CREDIT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:contributed (?:reporting|to this (?:report|story|article))|additional reporting by)(?-u:\b)|(?-u:\b)(?:can|may) be reached at(?-u:\b)|^write to \p{L}.{0,60} at(?-u:\b)|^follow (?:me|him|her|us|them) on(?-u:\b)|^(?:tags?|filed under|topics?)\s*:|^(?:reporting|writing) by .{1,80}(?:;|editing by)|^editing by(?-u:\b)|^\(?(?:photos?|images?|pictures?|illustrations?|video|credit|photo credit|graphic)\s*:|^\(?(?:photo|image|picture)s? (?:by|courtesy of|via)(?-u:\b)|^(?:photo\s+)?credit\s*\p{L}[^.!?]{0,60}$|[/(]\s*(?:getty images|reuters|afp|ap photo|shutterstock|istock)(?-u:\b)[^.!?]{0,60}$",
    )
    .expect("CREDIT")
});

/// Three or more separators in a line: "Home | News | World".
/// Counted on the UTF-8 bytes (`|`, `·` C2 B7, `»` C2 BB, `›` E2 80 BA),
/// without decoding the line.
fn is_separator_row(text: &str) -> bool {
    let b = text.as_bytes();
    let mut n = 0;
    for (i, &c) in b.iter().enumerate() {
        let hit = match c {
            b'|' => true,
            0xC2 => matches!(b.get(i + 1), Some(0xB7 | 0xBB)),
            0xE2 => b.get(i + 1..i + 3) == Some(&[0x80, 0xBA]),
            _ => false,
        };
        if hit {
            n += 1;
            if n >= 3 {
                return true;
            }
        }
    }
    false
}

/// Menu entries: very short, no sentence punctuation.
fn is_menu_like(text: &str, words: usize) -> bool {
    words <= 4
        && !matches!(final_punct(text), Some('.' | '!' | '?' | ':' | ','))
        && !BYLINE.is_match(text)
        && !DATELINE.is_match(text)
}

pub(super) fn boilerplate(draft: &mut Draft, _cx: &Context<'_>) -> Result<(), BoxError> {
    let is_html = draft.is_html();
    // A text that opens with a writer's head block (title and standfirst
    // lines, then a blank line) has no menu there.
    let head_block = !is_html && super::head::is_head_block(draft.source(), draft.blocks());
    let blocks = draft.blocks_mut();
    for block in blocks.iter_mut() {
        if is_structural(block) && !matches!(block.shape, Shape::ListItem { .. }) {
            continue;
        }
        // Thresholds below are at most 50 words.
        let words = super::count_words_cjk(&block.text, 51);
        let t = block.text.trim();
        let hit = (words <= 12 && (PROMPT.is_match(t) || CONTACT.is_match(t)))
            || (words <= 30 && CREDIT.is_match(t))
            || (words <= 30 && is_separator_row(t))
            || (words <= 50
                && AD_WORDS.is_match(t)
                && (NEWSLETTER_AD.is_match(t) || SUBSCRIPTION_AD.is_match(t)));
        if hit {
            relabel(block, Role::Boilerplate, BOILERPLATE, PROMPT_LINE);
        }
    }
    if is_html {
        // The HTML path has structure (nav, lists of links) for menus.
        return Ok(());
    }
    // Menu runs: ≥ 3 consecutive short lines before the first prose block or
    // after the last one: a dump keeps the site's menu and footer as runs
    // of short lines without terminal punctuation.
    let first = blocks.iter().position(is_prose).unwrap_or(blocks.len());
    let last = blocks.iter().rposition(is_prose).map_or(0, |i| i + 1);
    let top = if head_block { 2.min(first) } else { 0 };
    for range in [top..first, last.max(first)..blocks.len()] {
        let mut run_start = range.start;
        for i in range.clone().chain([range.end]) {
            let menu = i < range.end
                && blocks.get(i).is_some_and(|b| {
                    b.shape == Shape::Paragraph
                        && matches!(b.role, Role::Unknown | Role::Boilerplate)
                        && is_menu_like(&b.text, super::block_words(b))
                });
            if !menu {
                if i - run_start >= 3 {
                    for b in &mut blocks[run_start..i] {
                        relabel(b, Role::Boilerplate, BOILERPLATE, MENU_RUN);
                    }
                }
                run_start = i + 1;
            }
        }
    }
    Ok(())
}

/// "Q: ..." / "A: ..." / "Question: ..." turn prefixes.
static QA_PREFIX: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:Q|A|Question|Answer|F|R|Frage|Antwort)\s*[:.]\s+\S").expect("QA_PREFIX")
});

/// A speaker label: one to three capitalised words and a colon.
/// A turn's words follow the label directly; a quotation mark after the
/// label makes it a `Label: "…"` pull quote instead.
static SPEAKER_LABEL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r#"^(\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,2}):\s+[^\s"“„«‚]"#)
        .expect("SPEAKER_LABEL")
});

/// Interview turns are body paragraphs. A speaker label counts only when
/// the same label opens at least two blocks, so a one-off "The Lead: ..."
/// heading or a `Label: "..."` pull quote is left alone.
pub(super) fn qa_turns(draft: &mut Draft, _cx: &Context<'_>) -> Result<(), BoxError> {
    let blocks = draft.blocks_mut();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for b in blocks.iter() {
        if let Some(c) = super::captures(&SPEAKER_LABEL, &b.text) {
            *counts.entry(c[1].to_owned()).or_default() += 1;
        }
    }
    let qa_lines = blocks
        .iter()
        .filter(|b| QA_PREFIX.is_match(&b.text))
        .count();
    for b in blocks.iter_mut() {
        if b.shape != Shape::Paragraph {
            continue;
        }
        let turn = (qa_lines >= 2 && QA_PREFIX.is_match(&b.text))
            || super::captures(&SPEAKER_LABEL, &b.text)
                .is_some_and(|c| counts.get(&c[1]).is_some_and(|n| *n >= 2));
        if turn {
            relabel(b, Role::Paragraph, QA, QA_TURN);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prompt_table() {
        for hit in [
            "Share this article",
            "Advertisement",
            "Sign up for our daily newsletter",
            "Subscribe now",
            "Skip to content",
            "5 min read",
            "-30-",
            "Advert",
            "Close",
            "Like Loading...",
            "Loading…",
            "スポンサードリンク",
            "Anzeige",
            "Iklan",
            "Suka Memuat...",
            "Tempo de leitura: 1 minuto",
            "Reading time: 4 min",
            "Добавить отзыв",
            "Sharing is caring!",
            "View all (23)",
        ] {
            assert!(PROMPT.is_match(hit), "{hit}");
        }
        for miss in [
            "Shares fell 4% on Monday.",
            "The advertisement ran for weeks.",
            "Home prices rose again",
            "Close to home",
            "Loading the ferry took an hour.",
        ] {
            assert!(!PROMPT.is_match(miss), "{miss}");
        }
    }

    #[test]
    fn subscription_ad_table() {
        for hit in [
            "Get the magazine through your letterbox every month. 12 issues for £11.99.",
            "Get access to our premium service for as little as $5 a month.",
            "If you enjoyed this article, join today: members get all of our content.",
        ] {
            assert!(SUBSCRIPTION_AD.is_match(hit), "{hit}");
        }
        for miss in [
            "The paper printed 12 issues last year.",
            "Members of the council voted against the plan.",
        ] {
            assert!(!SUBSCRIPTION_AD.is_match(miss), "{miss}");
        }
    }

    #[test]
    fn newsletter_ad_table() {
        for hit in [
            "Start your day with the market briefing. Sign up for the free daily newsletter here.",
            "Get our newsletter: subscribe now.",
            "Subscribe to have the briefing delivered to your inbox every morning.",
        ] {
            assert!(NEWSLETTER_AD.is_match(hit), "{hit}");
        }
        for miss in [
            "The club asked members to sign up for the spring cleanup.",
            "She writes a newsletter about local history.",
        ] {
            assert!(!NEWSLETTER_AD.is_match(miss), "{miss}");
        }
    }

    #[test]
    fn contact_table() {
        for hit in [
            "Media contact:",
            "Press Contact: Jo Bell",
            "jo.bell@example.com",
            "Tel: +351 21 000 0000",
            "+1 (555) 010-2030",
        ] {
            assert!(CONTACT.is_match(hit), "{hit}");
        }
        for miss in [
            "The company was founded in 1998.",
            "Contact with the crew was lost",
        ] {
            assert!(!CONTACT.is_match(miss), "{miss}");
        }
    }

    #[test]
    fn qa_tables() {
        for hit in ["Q: Why now?", "A. Because.", "Question: How?"] {
            assert!(QA_PREFIX.is_match(hit), "{hit}");
        }
        for miss in ["Quality matters.", "A new day dawns."] {
            assert!(!QA_PREFIX.is_match(miss), "{miss}");
        }
        assert!(SPEAKER_LABEL.is_match("Lena Ortiz: We started small."));
        assert!(!SPEAKER_LABEL.is_match("We started small: very small."));
        assert!(!SPEAKER_LABEL.is_match("Official Line: \"We will not move.\""));
    }

    #[test]
    fn credit_table() {
        for hit in [
            "Jo Bell contributed reporting from Porto.",
            "Additional reporting by Sam Ode",
            "Ana Ruiz can be reached at ana@example.com.",
            "Write to Lee Kim at lee.kim@example.com",
            "Follow me on Mastodon",
            "Tags: ports, shipping",
            "Reporting by Ana Ruiz; Editing by Tom Holt",
            "Photo: Jo Bell / Example Agency",
            "(Photo by Sam Ode)",
        ] {
            assert!(CREDIT.is_match(hit), "{hit}");
        }
        for miss in [
            "The fund contributed to the recovery.",
            "Tagged bags were found on the beach.",
            "Follow the river north for two miles.",
            "Photographers gathered at the pier.",
        ] {
            assert!(!CREDIT.is_match(miss), "{miss}");
        }
    }

    #[test]
    fn separator_rows() {
        assert!(is_separator_row("Home | News | World | Sport"));
        assert!(!is_separator_row("A | B"));
        for hit in [
            "Home · News · World · Sport",
            "Home » News » World » Sport",
            "A › B › C › D",
            "a|b·c»d",
        ] {
            assert!(is_separator_row(hit), "{hit}");
        }
        for miss in [
            "Café — naïve » ok » no",
            "‹ a › b ‹ c",
            "¦ ¦ ¦",
            "a ‐ b ‐ c ‐ d",
        ] {
            assert!(!is_separator_row(miss), "{miss}");
        }
    }
}
