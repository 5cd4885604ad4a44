//! Segment-stage edge trimming of the HTML body: the head zone (blocks
//! before the first long paragraph) and the tail zone (scanned backwards)
//! hold bylines, dates, kickers, captions, bios, credits, newsletter and
//! share prompts, tags and related teasers, which are never body text.

use once_cell::sync::Lazy;
use regex::Regex;

use crate::error::BoxError;
use crate::favor::Tune;
use crate::grammar::notices::looks_like_notice;
use crate::heuristic::{Builtin, Context, Draft, DraftBlock, Role, Shape, Stage};

/// The heuristic's id.
const NAME: &str = "segment.html-edges";
/// How sure an edge role is (a kicker, byline, credit, teaser, tail cue).
const EDGE: f32 = 0.8;
/// How sure the weaker calls are: what precedes the story's own `<h1>`,
/// and the short lines after a tail cue.
const LESS_SURE: f32 = 0.7;
/// `segment.html-edges`, as [`heuristics`](super::heuristics) lists it.
pub(super) const BUILTIN: Builtin = Builtin {
    name: NAME,
    stage: Stage::Segment,
    description: "Trims the head (kicker, byline, date, lead caption) and tail (bio, credits, newsletter, tags, share, comments prompts, copyright) of the HTML body.",
    run: trim_edges,
};

/// A body paragraph: this many words and sentence punctuation.
const LONG_WORDS: usize = 25;

/// Byline lines. After Readability `byline`; "By NAME", "View author
/// archive" and staff-writer lines are the commonest lines reader modes leak
/// into the head of the body.
static BYLINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?i:by|written by|words by|posted by|from)\s+\p{Lu}|^(?i:von|par|por|di)\s+\p{Lu}|(?i)(?-u:\b)(view author archive|more articles by|staff (writer|reporter))(?-u:\b)")
        .expect("BYLINE")
});

/// Date, time and reading-time lines.
static DATELINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(published|updated|posted|last updated|modified|date)(?-u:\b)|(?-u:\b)\d+\s*(min|minute)s?\s+read(?-u:\b)|(?-u:\b)(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}(?-u:\b)|(?-u:\b)\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}(?-u:\b)|(?-u:\b)\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?-u:\b)|(?-u:\b)\d{1,2}:\d{2}\s*(am|pm|[ap]\.m\.)?(?-u:\b)")
        .expect("DATELINE")
});

/// Caption and credit lines.
static CREDIT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(photo|image|picture|credit|source|caption|file photo|illustration)s?\s*(:|by(?-u:\b))|\((photo|image|credit)[^)]*\)\s*$|(?-u:\b)(getty images|afp|associated press|reuters|shutterstock|ap photo)\s*$")
        .expect("CREDIT")
});

/// Tail cues: bios, credits, newsletter, share, tags, comments prompts,
/// copyright, recirculation headers. After boilerpipe
/// `TerminatingBlocksFinder`; these are what extractors most often leak at
/// the tail of an article (author bios, "contributed reporting" credits,
/// newsletter and house ads, tag lines, reprint notices).
static TAIL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(concat!(
        r"(?i)^(tags?|topics?|filed under|categories|category|share|share this|share on|follow us|follow me|",
        r"related|related articles|related stories|read more|read next|more from|more on|you may also like|",
        r"recommended|don'?t miss|see also|also read|most popular|trending|advertisement|sponsored|",
        r"comments?|\d+ comments?|leave a (comment|reply)|add (a|your) comment|have your say|join the (conversation|discussion)|",
        r"sign up|subscribe|newsletter|get (our|the) .*newsletter|about the author|about us|source:|advert)(?-u:\b)",
        r"|^follow(?-u:\b).{0,60}(?-u:\b)(on|at)(?-u:\b)|(?-u:\b)(moderat\w*|approv\w*)(?-u:\b).{0,40}(?-u:\b)comments?(?-u:\b)",
        // Comment policies: "Comments are moderated", "Comentários … não serão aprovados".
        r"|(?-u:\b)(comments?|coment[aá]rios?|commentaires?|kommentare?)(?-u:\b).{0,120}(?-u:\b)(moderat\w*|moderad\w*|modér\w*|moderiert\w*|approv\w*|aprovad\w*|aprobad\w*)",
        r"|(?-u:\b)(contributed (reporting|to this report)|can be reached at|may be reached at|write to \S+.* at|follow (him|her|them|me) on|all rights reserved|click here to|sign up for|subscribe to|is a (staff|senior|freelance|contributing)? ?(writer|reporter|editor|correspondent)|reporting by|editing by|writing by)(?-u:\b)",
        r"|^(©|copyright(?-u:\b))"
    ))
    .expect("TAIL")
});

/// Whole short lines that end the article text: what follows is comments,
/// recirculation or tags (boilerpipe `TerminatingBlocksFinder`).
static TERMINATING: Lazy<Regex> = Lazy::new(|| {
    Regex::new(concat!(
        r"(?i)^(comments?|\d+ (comments?|responses?|replies)|leave a (comment|reply)|add (a|your) comment|post a comment|",
        r"have your say|join the (conversation|discussion)|related (articles?|stories|posts|content|news|coverage)|",
        r"you (may|might) also like|more from .{1,40}|recommended( for you)?|read next|more(?-u:\b).{0,30}(?-u:\b)stories|don'?t miss|",
        r"most (popular|read)|trending( now)?|popular (categories|posts|stories)|share this( article| story| post)?|",
        r"tags?|filed under|about the author|latest (news|stories|posts)|what to read next)\W*$",
        r"|^about (?:us|me|this site|the (?:site|blog|publication))\W*$",
        // The same cues in other languages.
        r"|^(関連記事|関連エントリー|タグ|コメント|相关文章|相关阅读|相關文章|标签|標籤|评论|評論|",
        r"verwandte artikel|ähnliche artikel|mehr zum thema|kommentare|schlagworte|",
        r"articles similaires|à lire aussi|commentaires|artículos relacionados|noticias relacionadas|comentarios|",
        r"leia também|veja também|notícias relacionadas|comentários|articoli correlati|commenti|",
        r"похожие статьи|читайте также|комментарии|теги)(\W.{0,40})?$"
    ))
    .expect("TERMINATING")
});

/// "About <Name>": the site's own blurb ends the text when the name is
/// the site's ("About Example Media" on Example's pages); about anyone
/// else (a press release's "About <Company>") it is a section.
static ABOUT_NAME: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^About (\p{Lu}\S*(?: \p{Lu}\S*){0,2})\W*$").expect("ABOUT_NAME"));

/// True when `line` is "About <Name>" and a word of four or more letters
/// of the name is in the site's name or host (`site`, lower-cased).
fn about_the_site(line: &str, site: &str) -> bool {
    let Some(c) = ABOUT_NAME.captures(line.trim()) else {
        return false;
    };
    !site.is_empty()
        && c[1]
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .any(|w| site.contains(&w.to_lowercase()))
}

/// Lead words of a line that introduces a teaser link.
const TEASER_WORDS: &str = r"(?i)^(read more|read also|also read|related|related (post|article|story|stories|posts|articles|coverage|reading)|see more|see also|don'?t miss|more|recommended|watch|listen|must read)(?-u:\b)";

/// A line that is only teaser lead words ("DON'T MISS", "See more").
static TEASER_WORDS_ONLY: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!(r"{TEASER_WORDS}\W*$")).expect("TEASER_WORDS_ONLY"));

/// "Read more: …", "Related — …": lead words and a separator.
static TEASER: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!(r"{TEASER_WORDS}\s*[:\-–—|»]\s*\S")).expect("TEASER"));

/// "SEE MORE Protests grow" where the rest is a link: lead words only.
static TEASER_BARE: Lazy<Regex> =
    Lazy::new(|| Regex::new(&format!(r"{TEASER_WORDS}\s*\S")).expect("TEASER_BARE"));

fn sentence_end(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', '»'])
        .ends_with(['.', '!', '?', '。', '！', '？', ':', '…'])
}

/// Whitespace-separated words of the block, counted up to `cap`: the
/// callers only compare with small bounds, and long blocks are many.
fn words(b: &DraftBlock, cap: usize) -> usize {
    crate::base::words::count_words(&b.text, cap)
}

fn is_long_paragraph(b: &DraftBlock) -> bool {
    matches!(b.shape, Shape::Paragraph | Shape::Quote)
        && b.role_before_labels().is_body()
        && b.hints.link_density < 0.5
        && (words(b, LONG_WORDS) >= LONG_WORDS || {
            let chars = b.text.chars().take(120).count();
            chars >= 120 || (chars >= 40 && b.text.chars().take(120).any(crate::base::is_cjk))
        })
        && sentence_end(&b.text)
}

/// An author line of a name and a social handle: "Jane Doe @janedoe".
static HANDLE_BYLINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?i:by\s+)?\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,3}\s+@\w{2,}$")
        .expect("HANDLE_BYLINE")
});

/// Lead words of a bracketed teaser: "[Read: …]", "[Related: …]".
static BRACKET_LEAD: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:read|read more|related|see also|more|watch|listen)\s*:\s*")
        .expect("BRACKET_LEAD")
});

/// The inside of a short line wholly in square brackets, partly a link.
fn bracketed_link_line(b: &DraftBlock) -> Option<&str> {
    let inner = b.text.trim().strip_prefix('[')?.strip_suffix(']')?;
    (b.hints.link_density >= 0.3 && !inner.contains(['[', ']']) && words(b, 31) <= 30)
        .then_some(inner)
}

/// Consecutive teaser items that make a recirculation list.
const TEASER_RUN: usize = 3;

/// A teaser item: a headline link of a few words, then a summary that
/// breaks off with an ellipsis ("… may soon...").
fn is_teaser_item(b: &DraftBlock) -> bool {
    let Some((len, _)) = &b.hints.lead_link else {
        return false;
    };
    let (Some(title), Some(summary)) = (b.text.get(..*len), b.text.get(*len..)) else {
        return false;
    };
    let summary = summary.trim_end();
    (summary.ends_with("...") || summary.ends_with('…'))
        && (2..=25).contains(&crate::base::words::count_words(title, 26))
        && crate::base::words::count_words(summary, 6) >= 6
        && !matches!(b.shape, Shape::Heading { .. })
}

fn set(b: &mut DraftBlock, role: Role, confidence: f32) {
    b.set_role(role, NAME, confidence);
}

/// Classifies a short edge block; None when it looks like body text.
/// `tune` holds the thresholds of the caller's [`Favor`](crate::Favor).
fn edge_role(b: &DraftBlock, head: bool, tune: &Tune) -> Option<Role> {
    let words = words(b, 41);
    if words > 40 {
        return None;
    }
    let t = b.text.trim();
    if BYLINE.is_match(t) && words <= 15 {
        return Some(Role::Byline);
    }
    if CREDIT.is_match(t) {
        return Some(Role::Caption);
    }
    if !head && TAIL.is_match(t) {
        return Some(Role::Boilerplate);
    }
    if DATELINE.is_match(t) && words <= 12 && !sentence_end(t) {
        return Some(Role::Dateline);
    }
    if b.hints.link_density >= tune.edge_link_density && !matches!(b.shape, Shape::Heading { .. }) {
        return Some(Role::Boilerplate);
    }
    if head
        && words <= tune.kicker_words
        && !sentence_end(t)
        && !matches!(b.shape, Shape::Heading { .. })
    {
        // Kickers and section labels above the story.
        return Some(Role::Boilerplate);
    }
    if !head
        && tune.tail_fragment_words > 0
        && words <= tune.tail_fragment_words
        && !sentence_end(t)
        && !matches!(b.shape, Shape::Heading { .. })
    {
        // Precision: fragments under the story (labels, names, counts).
        return Some(Role::Boilerplate);
    }
    None
}

pub(crate) fn trim_edges(draft: &mut Draft, cx: &Context<'_>) -> Result<(), BoxError> {
    if !draft.is_html() {
        return Ok(());
    }
    let tune = cx.favor.tune();
    let headline = draft
        .article
        .headline
        .as_deref()
        .map(super::segment::normalized)
        .unwrap_or_default();
    // The site's name and host, lower-cased, for "About <Site>" lines.
    let site = format!(
        "{} {}",
        draft.article.site_name.as_deref().unwrap_or(""),
        draft
            .article
            .url
            .as_deref()
            .or(cx.url)
            .and_then(crate::base::url::host)
            .unwrap_or_default()
    )
    .to_lowercase();
    let blocks = draft.blocks_mut();
    let in_main = |b: &DraftBlock| !b.hints.outside_main;
    let Some(first_long) = blocks
        .iter()
        .position(|b| in_main(b) && is_long_paragraph(b))
    else {
        return Ok(());
    };
    // Head zone. What precedes the story's own h1 (breadcrumbs, breaking
    // news tickers, kickers) is not body either.
    let h1 = blocks
        .iter()
        .take(first_long)
        .position(|b| matches!(b.shape, Shape::Heading { level: 1 }) && in_main(b));
    for (i, b) in blocks.iter_mut().enumerate().take(first_long) {
        if !b.role_before_labels().is_body() || b.confidence > 0.9 {
            continue;
        }
        match h1 {
            Some(h) if i == h => {
                set(b, Role::Headline, EDGE);
                continue;
            }
            Some(h) if i < h => {
                set(b, Role::Boilerplate, LESS_SURE);
                continue;
            }
            _ => {}
        }
        // The headline repeated in the body, often without the title's
        // " - Site Name" suffix.
        if !headline.is_empty() && words(b, 26) <= 25 && {
            let t = super::segment::normalized(&b.text);
            t.len() >= 12 && t.len() * 2 >= headline.len() && headline.contains(&t)
        } {
            set(b, Role::Headline, EDGE);
            continue;
        }
        if let Some(role) = edge_role(b, true, tune) {
            set(b, role, EDGE);
        }
    }
    // Anywhere in the body: teaser lines become related items; credits and
    // captions never count as body text.
    for b in blocks.iter_mut() {
        if !in_main(b)
            || !b.role_before_labels().is_body()
            || b.confidence > 0.9
            || words(b, 41) > 40
        {
            continue;
        }
        let t = b.text.trim();
        let teaser = (TEASER.is_match(t) && (b.hints.link_density >= 0.5 || words(b, 16) <= 15))
            || (TEASER_BARE.is_match(t) && b.hints.link_density >= 0.5);
        if HANDLE_BYLINE.is_match(t) {
            set(b, Role::Byline, EDGE);
        } else if let Some(inner) = bracketed_link_line(b) {
            // "[Read: Museum reopens]", "[Get the daily briefing in your
            // inbox.]": a teaser or a house ad set apart in brackets.
            let title = BRACKET_LEAD.replace(inner, "");
            if b.hints.href.is_some() && crate::base::words::count_words(&title, 3) >= 3 {
                b.text = title.trim().to_owned();
                set(b, Role::RelatedItem, EDGE);
            } else {
                set(b, Role::Boilerplate, EDGE);
            }
        } else if teaser {
            let role = if b.hints.href.is_some() {
                Role::RelatedItem
            } else {
                Role::Boilerplate
            };
            set(b, role, EDGE);
        } else if CREDIT.is_match(t) {
            b.shape = Shape::Figure {
                src: None,
                alt: None,
            };
            set(b, Role::Caption, EDGE);
        } else if tune.dense_link_density.is_some_and(|d| {
            b.hints.link_density >= d
                && words(b, tune.dense_words + 1) <= tune.dense_words
                && !matches!(b.shape, Shape::Heading { .. })
        }) {
            // Precision: a short line that is mostly links is a link line.
            set(b, Role::Boilerplate, LESS_SURE);
        }
    }
    // Runs of teasers: a headline link, then a summary cut short.
    let mut i = 0;
    while i < blocks.len() {
        let run = blocks
            .iter()
            .skip(i)
            .take_while(|b| {
                in_main(b)
                    && b.role_before_labels().is_body()
                    && b.confidence <= 0.9
                    && is_teaser_item(b)
            })
            .count();
        if run >= TEASER_RUN {
            for b in blocks.iter_mut().skip(i).take(run) {
                b.hints.href = b.hints.lead_link.as_ref().map(|(_, href)| href.clone());
                set(b, Role::RelatedItem, EDGE);
            }
        }
        i += run.max(1);
    }
    // A short teaser header ("DON'T MISS", "Related", "More stories") and
    // the link-dense lines under it are a related box, wherever it sits.
    let mut i = 0;
    while i < blocks.len() {
        let header = blocks.get(i).is_some_and(|b| {
            in_main(b)
                && b.role_before_labels().is_body()
                && words(b, 6) <= 5
                && (TERMINATING.is_match(b.text.trim())
                    || TEASER_WORDS_ONLY.is_match(b.text.trim()))
        });
        let run = if header {
            blocks
                .iter()
                .skip(i + 1)
                .take_while(|b| {
                    in_main(b) && b.role_before_labels().is_body() && b.hints.link_density >= 0.6
                })
                .count()
        } else {
            0
        };
        if run == 0 {
            i += 1;
            continue;
        }
        if let Some(b) = blocks.get_mut(i) {
            set(b, Role::RelatedHeader, EDGE);
        }
        for b in blocks.iter_mut().skip(i + 1).take(run) {
            let role = if b.hints.href.is_some() {
                Role::RelatedItem
            } else {
                Role::Boilerplate
            };
            set(b, role, EDGE);
        }
        i += run + 1;
    }
    // A terminating line after the first long paragraph ends the text.
    if let Some(t) = blocks
        .iter()
        .enumerate()
        .skip(first_long + 1)
        .find(|(_, b)| {
            in_main(b)
                && b.role_before_labels().is_body()
                && words(b, 7) <= 6
                && (TERMINATING.is_match(b.text.trim()) || about_the_site(&b.text, &site))
        })
        .map(|(i, _)| i)
    {
        // Unless the story goes on after it (an inline "Related news" box).
        let long = |b: &DraftBlock| in_main(b) && is_long_paragraph(b);
        let words = |b: &DraftBlock| if long(b) { b.text.len() } else { 0 };
        let before: usize = blocks.iter().take(t).map(words).sum();
        let after: usize = blocks.iter().skip(t).map(words).sum();
        let ends = after * 3 <= before;
        // A notice after it is still the article's notice (the label
        // stage reads it).
        for b in blocks.iter_mut().skip(t).filter(|_| ends) {
            if in_main(b) && b.role_before_labels().is_body() && !looks_like_notice(&b.text) {
                set(b, Role::Boilerplate, EDGE);
            }
        }
    }
    // Tail zone, backwards from the last main block, while blocks are cues,
    // short link-dense lines or headings with only junk after them.
    let last_long = blocks
        .iter()
        .rposition(|b| {
            in_main(b) && is_long_paragraph(b) && (words(b, 61) > 60 || !TAIL.is_match(&b.text))
        })
        .unwrap_or(first_long);
    let end = blocks.iter().rposition(in_main).map_or(0, |i| i + 1);
    let mut i = end;
    let mut tail_started = false;
    while i > last_long + 1 {
        i -= 1;
        let Some(b) = blocks.get_mut(i) else { break };
        if !b.role_before_labels().is_body() {
            continue;
        }
        if let Some(role) = edge_role(b, false, tune) {
            set(b, role, EDGE);
            tail_started = true;
        } else if matches!(b.shape, Shape::Heading { .. }) && (tail_started || i + 1 == end) {
            // A heading with nothing but junk after it.
            set(b, Role::Boilerplate, EDGE);
        }
    }
    // Tail cues past the last long paragraph end the text: a short cue line
    // ("Related:", "Tags", "Comments") and everything after it that is short.
    let mut cut = false;
    for b in blocks.iter_mut().take(end).skip(last_long + 1) {
        if cut && b.role_before_labels().is_body() && words(b, LONG_WORDS) < LONG_WORDS {
            set(b, Role::Boilerplate, LESS_SURE);
        } else if b.role_before_labels() == Role::Boilerplate
            && TAIL.is_match(&b.text)
            && words(b, 7) <= 6
        {
            cut = true;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byline_table() {
        for hit in ["By Jane Doe", "Written by Ana Ruiz", "View author archive"] {
            assert!(BYLINE.is_match(hit), "{hit}");
        }
        for miss in ["by the way, it rained", "Bystanders fled"] {
            assert!(!BYLINE.is_match(miss), "{miss}");
        }
    }

    #[test]
    fn dateline_table() {
        for hit in [
            "Published 3:04 pm",
            "Nov. 19, 2019",
            "5 min read",
            "2019-11-19",
            "12 December 2025",
        ] {
            assert!(DATELINE.is_match(hit), "{hit}");
        }
        for miss in ["The council met on Tuesday", "May I ask"] {
            assert!(!DATELINE.is_match(miss), "{miss}");
        }
    }

    #[test]
    fn tail_table() {
        for hit in [
            "Tags: politics, budget",
            "Jane Doe contributed reporting.",
            "Sign up for our newsletter",
            "© 2025 Example Media",
            "12 Comments",
            "Write to Jane Doe at jane@example.com",
            "Comments are moderated and may take a day to appear.",
            "ATENÇÃO: Comentários com palavras ofensivas ou que faltem com respeito ao leitor não serão aprovados pelo moderador.",
        ] {
            assert!(TAIL.is_match(hit), "{hit}");
        }
        for miss in [
            "The shares fell sharply.",
            "Commentators disagreed about the vote.",
            "The committee approved the plan.",
        ] {
            assert!(!TAIL.is_match(miss), "{miss}");
        }
    }

    /// A terminating line ends the text, but a notice after it stays for
    /// the label stage.
    #[test]
    fn notice_after_terminating_line_survives() {
        let p = "<p>The district signed a twenty-year agreement for rooftop solar panels on eleven schools, the largest such deal in the county, and says the first systems will be running before the winter term begins next year.</p>";
        let html = format!(
            "<html><body><main><article><h1>Solar deal</h1>{p}{p}{p}<h2>About Example Energy</h2>\
             <p>Example Energy builds solar projects.</p>\
             <p>Forward-looking statements: This release contains statements about future plans that involve risks.</p>\
             </article></main></body></html>"
        );
        let a = crate::extract(&html).expect("article");
        assert!(
            a.disclaimers
                .iter()
                .any(|d| d.text.starts_with("Forward-looking")),
            "{:?}",
            a.disclaimers
        );
        assert!(!a.text.contains("Forward-looking"), "{}", a.text);
    }

    #[test]
    fn terminating_table() {
        for hit in [
            "Comments",
            "12 Comments",
            "Related Articles",
            "More from Example News",
            "Tags:",
        ] {
            assert!(TERMINATING.is_match(hit), "{hit}");
        }
        for miss in [
            "Comments from the mayor were brief.",
            "Related issues",
            "About Brightfield Energy",
        ] {
            assert!(!TERMINATING.is_match(miss), "{miss}");
        }
        assert!(TERMINATING.is_match("About Us"));
        // "About <Name>" ends the text only when it is about the site.
        let site = "example media news.example.com";
        assert!(about_the_site("About Example Media", site));
        assert!(!about_the_site("About Brightfield Energy", site));
        assert!(!about_the_site("About Example Media", ""));
    }

    #[test]
    fn teaser_item_table() {
        let item = |title: &str, rest: &str| {
            let mut b = DraftBlock::new(Shape::Paragraph, format!("{title}{rest}"));
            b.hints.lead_link = Some((title.len(), "https://news.example/x".to_owned()));
            b
        };
        let summary = " PORTVILLE: The board said on Monday that tolls will not change before...";
        assert!(is_teaser_item(&item("Bridge tolls stay frozen", summary)));
        assert!(is_teaser_item(&item(
            "Bridge tolls stay frozen",
            " The board said on Monday that tolls will not change before the review…"
        )));
        // A finished sentence, a one-word link, a short tail, no leading link.
        for miss in [
            item(
                "Bridge tolls stay frozen",
                " The board said on Monday that tolls will not change.",
            ),
            item("Tolls", summary),
            item("Bridge tolls stay frozen", " and more..."),
            DraftBlock::new(
                Shape::Paragraph,
                format!("Bridge tolls stay frozen{summary}"),
            ),
        ] {
            assert!(!is_teaser_item(&miss), "{}", miss.text);
        }
    }

    #[test]
    fn bracketed_link_lines_are_teasers_or_house_ads() {
        let long = |n: u32| {
            format!(
                "<p>Part {n}: the council voted on Tuesday to approve the new budget after a long \
                 debate about library hours, road repairs and the cost of the municipal pool.</p>"
            )
        };
        let html = format!(
            "<html><body><article><h1>Budget passes</h1>{}\
             <p>[Read: <a href=\"https://news.example/pool\">Pool fees rise for a third year</a>]</p>{}\
             <p>[Morning briefing: <a href=\"https://news.example/nl\">get it in your inbox</a>.]</p>{}\
             <p>[The clerk read the motion aloud.]</p>{}</article></body></html>",
            long(1),
            long(2),
            long(3),
            long(4)
        );
        let a = crate::extract(html.as_str()).expect("article");
        let titles: Vec<_> = a.related.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(titles, ["Pool fees rise for a third year"]);
        assert!(!a.text.contains("inbox"), "{}", a.text);
        // Brackets without a link are the story's own words.
        assert!(
            a.text.contains("[The clerk read the motion aloud.]"),
            "{}",
            a.text
        );
    }

    #[test]
    fn handle_byline_table() {
        for hit in ["Jane Doe @janedoe", "By Ana María Ruiz @anaruiz"] {
            assert!(HANDLE_BYLINE.is_match(hit), "{hit}");
        }
        for miss in [
            "Email us @newsdesk",
            "Jane Doe @janedoe said the vote was close.",
            "@janedoe",
        ] {
            assert!(!HANDLE_BYLINE.is_match(miss), "{miss}");
        }
    }

    #[test]
    fn teaser_table() {
        for hit in [
            "Read more: Prices rise again",
            "Related: The vote",
            "DON'T MISS - x",
            "See also » y",
        ] {
            assert!(TEASER.is_match(hit), "{hit}");
        }
        for miss in [
            "Read more books.",
            "Relatedly, the council",
            "More than 300 people came.",
        ] {
            assert!(!TEASER.is_match(miss), "{miss}");
        }
        assert!(TEASER_BARE.is_match("SEE MORE Protests grow"));
        assert!(!TEASER_BARE.is_match("Relatedly, the council"));
    }

    #[test]
    fn credit_table() {
        for hit in [
            "Photo: Jane Doe",
            "Image by Studio",
            "A crowd gathers. (Photo by X)",
        ] {
            assert!(CREDIT.is_match(hit), "{hit}");
        }
        for miss in ["Photography is an art.", "The source said no."] {
            assert!(!CREDIT.is_match(miss), "{miss}");
        }
    }
}
