//! The article inside a crawler's text dump (issue #16 item 1).
//!
//! A dump keeps every visible line of the page: menus, cookie banners,
//! teasers and footers around the article. Text input has no DOM to score,
//! so the article is found from what the lines themselves carry (length,
//! punctuation, runs, repetition and position, as jusText and boilerpipe
//! judge blocks):
//!
//! - every block gets a weight: prose lines (long, or ending a sentence)
//!   count their words; short lines without sentence punctuation count
//!   against, more the longer their run (a menu is a long run of them, a
//!   subheading a single line); lines the dump repeats count against;
//! - the body is the window of consecutive blocks with the largest total
//!   weight (one linear pass, Kadane's maximum subarray — boilerpipe's
//!   "keep the largest block" bridged over short gaps);
//! - a comments or related-stories header inside that window closes it;
//! - the page `<title>` (the dump's first line), cleaned of its site name,
//!   found again just above the window marks where the article starts; if
//!   it is not found but the window's words confirm it, it is the headline.
//!
//! Blocks outside the window become boilerplate with a confidence below the
//! related and disclaimer labels, so teasers after the body still go to
//! `related` and notices to `disclaimers`. A clean text (no menu-like runs
//! around the body) is left as it is, and so are pages whose "window" would
//! hold only a sliver of the dump (product grids and listings are made of
//! short lines: the window would miss their content).

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};

use once_cell::sync::Lazy;
use regex::Regex;

use super::{BYLINE, DATELINE, count_words_cjk, final_punct};
use crate::error::BoxError;
use crate::heuristic::{Builtin, Context, Draft, DraftBlock, Role, Stage};

/// `label.dump-body`, as [`heuristics`](super::heuristics) lists it.
pub(super) const BUILTIN: Builtin = Builtin {
    name: NAME,
    stage: Stage::Label,
    description: DESCRIPTION,
    run: dump_body,
};

pub(crate) const NAME: &str = "label.dump-body";

pub(crate) const DESCRIPTION: &str = "Finds the article inside a text dump (menus, banners, teasers and footers around it): the run of lines with the most prose, closed by a comments or related header, started at the page title found again; the rest is boilerplate.";

/// Below `label.related` (0.75) and `label.disclaimers` (0.8), above the
/// paragraph and subheading rules that would pull chrome back into the body.
const CONFIDENCE: f32 = 0.7;

/// Fewer blocks than this is a note or a clean text, never a page dump.
const MIN_BLOCKS: usize = 8;

/// Words of body the window must hold before a comments header closes it.
const STOP_AFTER: f32 = 60.0;

/// The window must hold at least this share of the dump's words.
const MIN_SHARE: f32 = 0.2;

/// How far above the window the page title may be found again.
const TITLE_REACH: usize = 15;

/// Lines that open the comments or the related stories under an article.
static STOP: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^(?:\d+\s+)?(?:comments?|responses?|replies|(?:leave|post|write|add) (?:a |your )?(?:comment|reply|response)(?: cancel reply)?|join the (?:discussion|conversation)|load (?:all )?comments|show comments|related(?: articles?| stories| posts?)?|you (?:may|might) also like|read (?:more|next)|more (?:stories|articles|news)|recommended(?: for you)?|popular(?: posts| stories)?|most (?:popular|read)|latest (?:news|posts|articles)|trending)\s*(?:\(\d+\))?\s*[:.]?$",
    )
    .expect("STOP")
});

/// Words of site chrome that make a prose-length line a prompt, not prose.
static CHROME: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)cookie|all rights reserved|©|copyright|privacy policy|terms of (?:use|service)|sign (?:up|in)|log ?in|subscribe|newsletter|skip to|share (?:this|on)|follow us",
    )
    .expect("CHROME")
});

/// What one block weighs, and whether it is a short menu-like line.
struct Line {
    weight: f32,
    words: usize,
    menu: bool,
    /// A line of prose (long, or a sentence), not a chrome prompt.
    prose: bool,
}

fn ends_sentence(text: &str) -> bool {
    matches!(final_punct(text), Some('.' | '!' | '?' | ':' | ';' | '…'))
}

fn looks_like_code(text: &str) -> bool {
    text.contains(['(', ')', '{', '}', ';', '=', '<', '>'])
}

/// A hash of the block's text with ASCII case folded (repetition test).
fn text_key(state: &impl BuildHasher, text: &str) -> u64 {
    let mut h = state.build_hasher();
    for b in text.trim().bytes() {
        h.write_u8(b.to_ascii_lowercase());
    }
    h.finish()
}

fn weigh(blocks: &[DraftBlock]) -> Vec<Line> {
    let state = std::collections::hash_map::RandomState::new();
    let keys: Vec<u64> = blocks.iter().map(|b| text_key(&state, &b.text)).collect();
    let mut seen: HashMap<u64, u32> = HashMap::with_capacity(keys.len());
    for k in &keys {
        *seen.entry(*k).or_default() += 1;
    }
    let mut run = 0.0f32;
    let mut out = Vec::with_capacity(blocks.len());
    for (b, k) in blocks.iter().zip(&keys) {
        let words = count_words_cjk(&b.text, 1000);
        let sentence = ends_sentence(&b.text);
        let prose = words >= 20 || (words >= 8 && sentence);
        let short = words <= 3 && !sentence;
        // Chrome, teasers and notices the earlier labels found weigh like
        // menu lines, whatever their length.
        let aside = matches!(
            b.role,
            Role::Boilerplate | Role::RelatedHeader | Role::RelatedItem | Role::Disclaimer(_)
        );
        let mut weight = if aside {
            run += 1.0;
            -(1.0 + 0.5 * (run - 1.0))
        } else if prose && !(words <= 30 && CHROME.is_match(&b.text)) {
            run = 0.0;
            words as f32
        } else if words >= 2 && looks_like_code(&b.text) {
            run = 0.0;
            0.5
        } else {
            run += 1.0;
            let grow = 1.0 + 0.5 * (run - 1.0);
            if short {
                -grow
            } else if sentence || words >= 5 {
                0.3 * words as f32
            } else {
                -0.5 * grow
            }
        };
        // A line the dump repeats is a menu entry or a widget; a repeated
        // paragraph of prose is the article quoting itself.
        if !prose && seen.get(k).is_some_and(|n| *n > 1) {
            weight = weight.min(0.0) - 2.0;
        }
        out.push(Line {
            prose: prose && !aside && !(words <= 30 && CHROME.is_match(&b.text)),
            weight,
            words,
            menu: (short || (words <= 4 && !sentence))
                && !BYLINE.is_match(&b.text)
                && !DATELINE.is_match(&b.text),
        });
    }
    out
}

/// The window of consecutive lines with the largest total weight.
fn best_window(lines: &[Line]) -> Option<(usize, usize)> {
    let (mut best, mut best_at) = (0.0f32, None);
    let (mut cur, mut start) = (0.0f32, 0);
    for (i, l) in lines.iter().enumerate() {
        if cur <= 0.0 {
            cur = 0.0;
            start = i;
        }
        cur += l.weight;
        if cur > best {
            best = cur;
            best_at = Some((start, i));
        }
    }
    best_at
}

/// The end of the heaviest window that starts at `start`.
fn best_from(lines: &[Line], start: usize) -> Option<usize> {
    let (mut best, mut at, mut cur) = (0.0f32, None, 0.0f32);
    for (i, l) in lines.iter().enumerate().skip(start) {
        cur += l.weight;
        if cur > best {
            best = cur;
            at = Some(i);
        }
    }
    at
}

/// True when `lines` hold a run of at least three menu-like lines: chrome,
/// not a clean text's title, dek and byline.
fn has_chrome(lines: &[Line]) -> bool {
    let mut run = 0;
    for l in lines {
        run = if l.menu { run + 1 } else { 0 };
        if run >= 3 {
            return true;
        }
    }
    false
}

/// The text's head (its first dozen blocks) holds a run of menu lines:
/// a page dump, not a clean text.
pub(crate) fn opens_with_chrome(blocks: &[DraftBlock]) -> bool {
    has_chrome(&weigh(&blocks[..blocks.len().min(12)]))
}

/// The separators a page title puts between its parts.
const SEPARATORS: [&str; 7] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » "];

/// Byte ranges of the title separators in `t`, in order.
fn separators(t: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = SEPARATORS
        .iter()
        .flat_map(|sep| t.match_indices(sep).map(|(i, m)| (i, i + m.len())))
        .collect();
    out.sort_unstable();
    // Separators that share a space ("A | - B") count once, the first.
    let mut end = 0;
    out.retain(|&(s, e)| {
        let keep = s >= end;
        if keep {
            end = e;
        }
        keep
    });
    out
}

/// A line of four or more short, different parts ("Home | News | World |
/// Sport") is a menu, not a title with a site name ("Headline | Section |
/// Site" has three).
fn is_menu(t: &str, seps: &[(usize, usize)]) -> bool {
    if seps.len() < 3 {
        return false;
    }
    let mut parts: Vec<String> = Vec::with_capacity(seps.len() + 1);
    let mut start = 0;
    for &(s, e) in seps.iter().chain(std::iter::once(&(t.len(), t.len()))) {
        let part = t[start..s].trim().to_lowercase();
        // A title printed twice repeats its parts; a menu does not.
        if count_words_cjk(&part, 4) > 3 || parts.contains(&part) {
            return false;
        }
        parts.push(part);
        start = e;
    }
    true
}

/// The page title without its site part: "Headline | Site", "Headline -
/// Site", "Headline – Site", "Headline :: Site", "Headline · Site". Only
/// the part after the last separator goes, when it is a short name (one
/// to five words) and the headline keeps two words or more.
pub(crate) fn strip_site(title: &str) -> &str {
    let t = title.trim();
    let seps = separators(t);
    let Some(&(s, e)) = seps.last() else {
        return t;
    };
    let (head, site) = (t[..s].trim(), t[e..].trim());
    if (1..=5).contains(&count_words_cjk(site, 8))
        && count_words_cjk(head, 8) >= 2
        && !is_menu(t, &seps)
    {
        head
    } else {
        t
    }
}

/// A date written as a title part: "21/12/2018", "07.12.2017",
/// "Feb. 1, 2016", "2016-02-01".
static DATE_PART: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$").expect("DATE_PART"));

/// The page title's own words: [`strip_site`], but a date part ends the
/// headline (it and the section and site parts after it are the page's
/// chrome: "Headline - 21/12/2018 - Sport - Site"), and a headline the
/// title prints twice ("Headline - Headline") is printed once.
pub(crate) fn clean_title(title: &str) -> &str {
    let t = title.trim();
    let seps = separators(t);
    if seps.is_empty() || is_menu(t, &seps) {
        return t;
    }
    for (k, &(s, e)) in seps.iter().enumerate() {
        let end = seps.get(k + 1).map_or(t.len(), |n| n.0);
        let part = t[e..end].trim();
        let head = t[..s].trim();
        if (DATE_PART.is_match(part) || DATELINE.is_match(part)) && count_words_cjk(head, 8) >= 2 {
            return once(head);
        }
    }
    once(strip_site(t))
}

/// "Headline - Headline" → "Headline".
fn once(t: &str) -> &str {
    for (s, e) in separators(t) {
        let (a, b) = (t[..s].trim(), t[e..].trim());
        if !a.is_empty() && a.to_lowercase() == b.to_lowercase() {
            return a;
        }
    }
    t
}

/// Lower-case word tokens (letters and digits), for title matching.
pub(crate) fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The page title `title_line` goes on after a date part ("Headline -
/// 21/12/2018 - Sport"): what [`clean_title`] cuts there is the page's
/// chrome, never the headline's words.
pub(crate) fn dated_title(title_line: &str) -> bool {
    let t = title_line.trim();
    let seps = separators(t);
    seps.iter().enumerate().any(|(k, &(_, e))| {
        let end = seps.get(k + 1).map_or(t.len(), |n| n.0);
        let part = t[e..end].trim();
        DATE_PART.is_match(part) || DATELINE.is_match(part)
    })
}

/// Dice similarity of two token lists (as sets).
fn dice(a: &[String], b: &[String]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.iter().filter(|w| b.contains(w)).count();
    2.0 * common as f32 / (a.len() + b.len()) as f32
}

/// `line` repeats the page title `title_line` (a dump's first line) in
/// the article's head: the same words as its own part
/// ([`clean_title`]), or most of them (Dice 0.6 or more, for a headline
/// worded a little differently from its `<title>`).
pub(crate) fn echoes_title(title_line: &str, line: &str) -> bool {
    let title = tokens(clean_title(title_line));
    let line = tokens(line);
    if line.is_empty() || line.len() > 40 {
        return false;
    }
    title.len() >= 2 && (title == line || dice(&title, &line) >= 0.6)
        || title_parts(title_line).any(|part| tokens(part) == line)
}

/// The runs of whole parts of a page title between its separators
/// ("A | B | C" → "A", "A | B", "B", "B | C", "C"), the whole title left
/// out; none for a menu line. A headline printed on the page is one of
/// them when the title adds a site, a section or a date to it, before or
/// after.
pub(crate) fn title_parts(title_line: &str) -> impl Iterator<Item = &str> {
    let t = title_line.trim();
    let seps = separators(t);
    let seps = if seps.len() > 6 || is_menu(t, &seps) {
        Vec::new()
    } else {
        seps
    };
    // Part boundaries: (start of the part's text, end of it).
    let mut bounds: Vec<(usize, usize)> = Vec::with_capacity(seps.len() + 1);
    let mut start = 0;
    for &(s, e) in &seps {
        bounds.push((start, s));
        start = e;
    }
    if !seps.is_empty() {
        bounds.push((start, t.len()));
    }
    let n = bounds.len();
    (0..n)
        .flat_map(move |a| (a..n).map(move |b| (a, b)))
        .filter(move |&(a, b)| b - a + 1 < n)
        .map(move |(a, b)| t[bounds[a].0..bounds[b].1].trim())
}

/// A line that reads as a headline: no final stop, not a menu entry, not
/// a byline or date, not too long.
fn title_shaped(block: &DraftBlock, words: usize) -> bool {
    (2..=30).contains(&words)
        && !matches!(final_punct(&block.text), Some('.' | ',' | ';' | ':'))
        && !BYLINE.is_match(&block.text)
        && !DATELINE.is_match(&block.text)
}

pub(crate) fn dump_body(draft: &mut Draft, _cx: &Context<'_>) -> Result<(), BoxError> {
    if draft.is_html() {
        return Ok(());
    }
    let blocks = draft.blocks_mut();
    if blocks.len() < MIN_BLOCKS {
        return Ok(());
    }
    let lines = weigh(blocks);
    let Some((a, b)) = best_window(&lines) else {
        return Ok(());
    };
    // Where the article starts: the page title found again just above the
    // window or inside it (what comes before it is the page's chrome), else
    // the lines right above the window that read as its head (headline,
    // byline, date).
    let title = clean_title(&blocks[0].text).to_owned();
    let title_tokens = tokens(&title);
    let is_title = |i: usize| {
        lines[i].words <= 40 && {
            let t = tokens(&blocks[i].text);
            t == title_tokens || dice(&t, &title_tokens) >= 0.6
        }
    };
    let prose = |r: std::ops::Range<usize>| lines[r].iter().map(|l| l.weight.max(0.0)).sum::<f32>();
    // Inside the window, only before most of its prose: a title repeated
    // lower down is a related teaser or a footer link.
    let again = (title_tokens.len() >= 2)
        .then(|| (1..=b).find(|&i| is_title(i) && (i <= a || prose(a..i) * 2.0 < prose(i..b + 1))))
        .flatten();
    // The title found well above the window: the article under it is the
    // body when it has prose of its own (the window is then a comment
    // thread or a teaser run below it).
    let (a, b) = match again {
        Some(h) if h + TITLE_REACH < a => match best_from(&lines, h) {
            Some(e) if prose(h..e + 1) >= STOP_AFTER => (h, e),
            _ => (a, b),
        },
        _ => (a, b),
    };
    let mut b = b;
    let again = again.filter(|&h| h + TITLE_REACH >= a);
    let mut start = a;
    match again {
        Some(h) => start = h,
        None => {
            while start > 1 && start + 4 > a {
                let prev = &blocks[start - 1];
                let words = lines[start - 1].words;
                let head_line = BYLINE.is_match(&prev.text)
                    || DATELINE.is_match(&prev.text)
                    || (title_shaped(prev, words) && words >= 4);
                if !head_line {
                    break;
                }
                start -= 1;
            }
        }
    }
    // A comments or related header closes the body once it has begun.
    let mut body = 0.0;
    for i in start.max(a)..=b {
        let header = blocks[i].role == Role::RelatedHeader
            || (lines[i].words <= 8 && STOP.is_match(blocks[i].text.trim()));
        if body >= STOP_AFTER && header {
            b = i - 1;
            break;
        }
        body += lines[i].weight.max(0.0);
    }
    // The article ends with its last line of prose: the short lines the
    // window took after it (share prompts, sign-offs of the site, footer
    // links) are the page's.
    while b > start.max(a) && !lines[b].prose {
        b -= 1;
    }
    let total: usize = lines.iter().map(|l| l.words).sum();
    let inside: usize = lines[start..=b].iter().map(|l| l.words).sum();
    if (inside as f32) < MIN_SHARE * total as f32 {
        return Ok(());
    }
    // Only a dump has chrome above its article; a clean text (title, dek,
    // byline, body, sign-off) is left as it is.
    if start == 0 || !has_chrome(&lines[..start]) {
        return Ok(());
    }
    {
        // The title line heads the article when the body confirms it (most
        // of its words are the window's) and it was not found again.
        let keep_title = again.is_none()
            && start == a
            && title_shaped(&blocks[0], lines[0].words)
            && confirmed(&title_tokens, &blocks[a..=b]);
        let first = usize::from(keep_title);
        if keep_title {
            blocks[0].text = title;
        }
        for block in &mut blocks[first..start] {
            mark(block);
        }
        // The article's own head lines (a short headline, a kicker) may
        // have been taken into the menu run above them.
        for block in blocks.iter_mut().take(a).skip(start) {
            if block.role == Role::Boilerplate && block.confidence < CONFIDENCE {
                block.set_role(Role::Unknown, NAME, 0.0);
            }
        }
    }
    if b + 1 < blocks.len() {
        for block in &mut blocks[b + 1..] {
            mark(block);
        }
    }
    Ok(())
}

/// At least half of the title's words occur in the body.
fn confirmed(title: &[String], body: &[DraftBlock]) -> bool {
    if title.is_empty() {
        return false;
    }
    let mut found = vec![false; title.len()];
    for b in body.iter().take(60) {
        for w in tokens(&b.text) {
            for (i, t) in title.iter().enumerate() {
                found[i] |= *t == w;
            }
        }
        if found.iter().all(|f| *f) {
            break;
        }
    }
    found.iter().filter(|f| **f).count() * 2 >= title.len()
}

fn mark(block: &mut DraftBlock) {
    super::relabel(block, Role::Boilerplate, NAME, CONFIDENCE);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(src: &str) -> crate::Article {
        crate::Extractor::default()
            .extract(crate::Input::bytes(src.as_bytes()).kind(crate::Kind::Text))
            .expect("article")
    }

    const BODY: &str = "The harbour ferry resumed its crossings on Monday after three months in dry dock, the port authority said.\n\
        Engineers replaced both engines and rebuilt the passenger deck, which had been closed since a storm in November.\n\
        Commuters lined up before dawn for the first sailing, and the operator added two extra crossings for the week.\n";

    #[test]
    fn site_part_is_stripped_from_the_title_line() {
        assert_eq!(
            strip_site("Ferry Returns | Bayside Courier"),
            "Ferry Returns"
        );
        assert_eq!(
            strip_site("Ferry Returns - Bayside Courier"),
            "Ferry Returns"
        );
        assert_eq!(strip_site("Ferry Returns"), "Ferry Returns");
        // A long "suffix" is part of the title.
        assert_eq!(
            strip_site("Ferry - what the crossing means for every commuter on the bay"),
            "Ferry - what the crossing means for every commuter on the bay"
        );
    }

    #[test]
    fn the_title_line_is_cleaned_of_its_site_date_and_repeats() {
        // The site name after the last separator only.
        assert_eq!(
            clean_title("Tide Tables Explained | Guides | Bayside Courier"),
            "Tide Tables Explained | Guides"
        );
        assert_eq!(
            clean_title("Ferry Returns — Bayside Courier"),
            "Ferry Returns"
        );
        // A one-word headline keeps its site part: it may be the title.
        assert_eq!(
            clean_title("Harbour - Bayside Wiki"),
            "Harbour - Bayside Wiki"
        );
        // A date part ends the headline, with the section and site after it.
        assert_eq!(
            clean_title("Ferry Returns After Repairs - 03/11/2025 - Local - Courier"),
            "Ferry Returns After Repairs"
        );
        assert_eq!(
            clean_title("Ferry Returns After Repairs - Nov. 3, 2025"),
            "Ferry Returns After Repairs"
        );
        // A headline printed twice is printed once.
        assert_eq!(
            clean_title("Ferry 2.0 - The New Boat - Ferry 2.0 - The New Boat - Courier News"),
            "Ferry 2.0 - The New Boat"
        );
        // A menu line is left whole.
        assert_eq!(
            clean_title("Home | News | Sport | Weather"),
            "Home | News | Sport | Weather"
        );
        // No separator, nothing to clean.
        assert_eq!(clean_title("港口渡轮恢复运行"), "港口渡轮恢复运行");
        // Separators sharing a space, runs of them, separators alone: no
        // panic, and a cleaned title is part of the line.
        for t in [
            "A | - B",
            "Ferry Returns | - Bayside | · Courier",
            " - | - ",
            "| - – — :: · »",
            "Ferry Returns - - - Courier",
            "Ferry Returns -  - 03/11/2025 -",
        ] {
            assert!(t.contains(clean_title(t)), "{t}");
            assert!(t.contains(strip_site(t)), "{t}");
        }
    }

    #[test]
    fn title_parts_and_echoes() {
        let parts: Vec<&str> = title_parts("Ferry Returns | Local | Bayside Courier").collect();
        assert_eq!(
            parts,
            [
                "Ferry Returns",
                "Ferry Returns | Local",
                "Local",
                "Local | Bayside Courier",
                "Bayside Courier"
            ]
        );
        assert_eq!(title_parts("Ferry Returns After Repairs").count(), 0);
        assert_eq!(title_parts("Home | News | Sport | Weather").count(), 0);
        assert!(echoes_title(
            "Ferry Returns After Repairs - Courier",
            "Ferry returns after repairs"
        ));
        assert!(echoes_title("Coffee - University of Somewhere", "Coffee"));
        assert!(!echoes_title(
            "Ferry Returns After Repairs - Courier",
            "Harbour wall repairs begin"
        ));
        assert!(dated_title("Ferry Returns - 03/11/2025 - Local"));
        assert!(!dated_title("Ferry Returns | Courier"));
    }

    #[test]
    fn menus_around_the_article_are_dropped() {
        let src = format!(
            "Ferry Returns After Repairs | Bayside Courier\nNews\nSport\nWeather\nOpinion\nFerry Returns After Repairs\n{BODY}About us\nContact\nCareers\nPrivacy\n"
        );
        let a = article(&src);
        assert_eq!(a.headline.as_deref(), Some("Ferry Returns After Repairs"));
        assert!(a.text.starts_with("The harbour ferry"), "{}", a.text);
        for chrome in ["Sport", "Weather", "Careers", "Bayside"] {
            assert!(!a.text.contains(chrome), "{chrome} in {}", a.text);
        }
    }

    #[test]
    fn the_body_ends_with_its_last_prose_line() {
        let src = format!(
            "Ferry Returns After Repairs | Bayside Courier\nNews\nSport\nWeather\nOpinion\nFerry Returns After Repairs\n{BODY}The operator said the timetable would stay the same until the summer season, when a second boat joins the route.\nShare this story with friends\nTell us what you think of our coverage\nAbout us\nContact\nCareers\nPrivacy\n"
        );
        let a = article(&src);
        assert!(a.text.contains("second boat joins"), "{}", a.text);
        for chrome in ["Share this story", "Tell us what you think", "Careers"] {
            assert!(!a.text.contains(chrome), "{chrome} in {}", a.text);
        }
    }

    #[test]
    fn a_comments_header_closes_the_body() {
        let src = format!(
            "Ferry Returns\nNews\nSport\nWeather\nFerry Returns\n{BODY}The operator said the timetable would stay the same until the summer season, when a second boat joins.\nLeave a Reply\nJo wrote: Great to have the ferry back, it saves me an hour every single morning of the week.\nSam wrote: The new deck looks much better than the old one, and the seats are comfortable too.\n"
        );
        let a = article(&src);
        assert!(a.text.contains("extra crossings"), "{}", a.text);
        assert!(!a.text.contains("saves me an hour"), "{}", a.text);
    }

    #[test]
    fn clean_texts_are_left_whole() {
        let src = format!(
            "Ferry Returns After Repairs\nThe crossing is back.\n{BODY}Short sign-off line\n"
        );
        let a = article(&src);
        assert!(a.text.contains("Short sign-off line"), "{}", a.text);
        assert!(a.text.contains("The harbour ferry"), "{}", a.text);
    }

    #[test]
    fn heaviest_window() {
        let l = |weight: f32| Line {
            weight,
            words: 1,
            menu: false,
            prose: weight > 0.0,
        };
        let lines = [l(-1.0), l(5.0), l(-2.0), l(4.0), l(-9.0), l(3.0)];
        assert_eq!(best_window(&lines), Some((1, 3)));
        assert_eq!(best_from(&lines, 3), Some(3));
        assert_eq!(best_window(&[l(-1.0)]), None);
    }
}
