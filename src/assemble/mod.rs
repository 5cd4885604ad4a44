//! The assemble stage: labelled blocks become the [`Article`](crate::Article).

pub(crate) mod language;

use std::sync::Arc;

use once_cell::sync::Lazy;
use regex::Regex;

use crate::base::sentences::split_first_sentence;
use crate::error::BoxError;
use crate::heuristic::{Builtin, Context, Draft, DraftBlock, Heuristic, Role, Shape, Stage};
use crate::model::{
    Article, Block, Disclaimer, Image, Person, Quote, QuoteKind, RelatedLink, Section, Span,
    SpanKind,
};

/// A list being gathered: id, ordered, items, and the items' spans with
/// offsets into the items joined by `\n`.
type OpenList = (u32, bool, Vec<String>, Vec<Span>);

/// The ids of the assemble heuristics, written once.
const ARTICLE: &str = "assemble.article";
/// The heuristic that sets the lede (the report names it too).
pub(crate) const LEDE_AND_TEXT: &str = "assemble.lede-and-text";
const IMAGES: &str = "assemble.images";
const LANGUAGE: &str = "assemble.language";

pub(crate) fn heuristics() -> Vec<Arc<dyn Heuristic>> {
    vec![
        Arc::new(Builtin {
            name: ARTICLE,
            stage: Stage::Assemble,
            description: "Builds sections, quotes, disclaimers and the related list from the labelled blocks; headline, dek and byline blocks fill fields still empty.",
            run: assemble_article,
        }),
        Arc::new(Builtin {
            name: LEDE_AND_TEXT,
            stage: Stage::Assemble,
            description: "Sets the lede (first body paragraph) and the plain-text body.",
            run: lede_and_text,
        }),
        Arc::new(Builtin {
            name: IMAGES,
            stage: Stage::Assemble,
            description: "Lists every content image: the page's declared images, then each figure in reading order, once each, with alt text and caption.",
            run: images,
        }),
        Arc::new(Builtin {
            name: LANGUAGE,
            stage: Stage::Assemble,
            description: "Keeps the declared language when plausible, else detects it from the body text (whatlang, 60 letters or more); sets the script (ISO 15924).",
            run: language_and_script,
        }),
    ]
}

/// `images`: the declared images first (as the metadata stage left them),
/// then the figures' images in reading order; `image_details` in step, with
/// the alt text and caption of the figure showing each.
fn images(draft: &mut Draft, cx: &Context<'_>) -> Result<(), BoxError> {
    let base = draft.article.url.clone();
    let base = base.as_deref().or(cx.url);
    let article = &mut draft.article;
    let mut details: Vec<Image> = article.images.iter().map(Image::new).collect();
    for (_, block) in article.blocks() {
        let Block::Figure { src, alt, caption } = block else {
            continue;
        };
        let Some(url) = src
            .as_deref()
            .and_then(|u| crate::base::url::resolve(base, u))
        else {
            continue;
        };
        let at = match details.iter().position(|d| d.url == url) {
            Some(at) => at,
            None => {
                details.push(Image::new(url));
                details.len() - 1
            }
        };
        let d = &mut details[at];
        let given = |s: &Option<String>| s.clone().filter(|t| !t.trim().is_empty());
        if d.alt.is_none() {
            d.alt = given(alt);
        }
        if d.caption.is_none() {
            d.caption = given(caption);
        }
    }
    let added = details.len() - article.images.len();
    if added > 0 {
        article.images.extend(
            details[details.len() - added..]
                .iter()
                .map(|d| d.url.clone()),
        );
        draft.record("images", IMAGES, "figures", 0.8);
    }
    draft.article.image_details = details;
    Ok(())
}

/// `language` from the body when the page declared none (or an implausible
/// one); `script` from the body always. The report says which source won.
fn language_and_script(draft: &mut Draft, _cx: &Context<'_>) -> Result<(), BoxError> {
    let mut detected = language::detect(&draft.article.text, false);
    let declared = draft.article.language.clone();
    let refused = declared
        .as_deref()
        .map(|d| (d, language::implausible(d, &detected)));
    // Trigram detection only when the page's own tag is not taken.
    if !matches!(refused, Some((_, None))) {
        detected = language::detect(&draft.article.text, true);
    }
    let japanese = detected.lang == Some("ja")
        || (detected.lang.is_none()
            && declared
                .as_deref()
                .is_some_and(|d| d.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("ja"))));
    let script = match detected.script {
        // Kanji with some kana is Japanese writing.
        Some("Hani") if japanese => Some("Jpan"),
        other => other,
    };
    if let Some(script) = script {
        draft.article.script = Some(script.to_owned());
        draft.record("script", LANGUAGE, "body text", 0.9);
    }
    match (refused, detected.lang) {
        (Some((_, None)), _) => {
            draft
                .report
                .notes
                .push("language: the page's declared language kept".to_owned());
        }
        (refused, Some(lang)) => {
            if let Some((d, Some(why))) = refused {
                draft.report.notes.push(format!(
                    "language: declared {d:?} not taken ({why}); detected from the body text"
                ));
            }
            draft.article.language = Some(lang.to_owned());
            // Narrowing f64 → f32 for a 0–1 confidence loses nothing that matters.
            #[allow(clippy::cast_possible_truncation)]
            let confidence = detected.confidence as f32;
            draft.record("language", LANGUAGE, "body text (whatlang)", confidence);
        }
        (refused, None) => {
            let why = match refused {
                Some((d, Some(why))) => format!("declared {d:?} kept though {why}; "),
                _ => String::new(),
            };
            draft.report.notes.push(format!(
                "language: {why}the body text is too short or too mixed to detect"
            ));
        }
    }
    Ok(())
}

/// Equal up to whitespace and case, without allocating.
fn same_text(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let mut wa = a.split_whitespace();
    let mut wb = b.split_whitespace();
    loop {
        match (wa.next(), wb.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) => {
                let same = x == y
                    || x.chars()
                        .flat_map(char::to_lowercase)
                        .eq(y.chars().flat_map(char::to_lowercase));
                if !same {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

/// Container tokens of a standfirst set apart from the story.
const DEK_CONTAINERS: &[&str] = &[
    "dek",
    "standfirst",
    "subtitle",
    "subhead",
    "summary",
    "excerpt",
    "intro",
    "lead",
    "lede",
    "teaser",
    "description",
    "strapline",
];

/// A block set like a standfirst: emphasised, a heading, or in a container
/// named so. A plain first paragraph that the page description repeats is
/// the lede, not a dek.
fn dek_like(block: &DraftBlock) -> bool {
    block.hints.emphasized
        || matches!(block.shape, Shape::Heading { .. })
        || block
            .hints
            .container
            .rsplit('|')
            .next()
            .unwrap_or("")
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|t| DEK_CONTAINERS.contains(&t))
}

fn assemble_article(draft: &mut Draft, cx: &Context<'_>) -> Result<(), BoxError> {
    let mut blocks = std::mem::take(draft.blocks_mut());
    // A subheading that repeats the headline (the page's `<h1>` when the
    // edges found no story to frame) is the headline, not a section.
    if let Some(headline) = draft.article.headline.as_deref() {
        for b in blocks.iter_mut().filter(|b| b.role == Role::Heading) {
            if same_text(headline, &b.text) {
                b.role = Role::Headline;
            }
        }
    }
    let section_level = blocks
        .iter()
        .filter(|b| b.role == Role::Heading)
        .map(heading_level)
        .min()
        .unwrap_or(2);

    let mut sections: Vec<Section> = Vec::new();
    let mut quotes: Vec<Quote> = Vec::new();
    let mut list: Option<OpenList> = None;
    let mut last_body_text: Option<&str> = None;
    // The head of the article: no body paragraph yet.
    let mut at_head = true;
    // The dek was a block of this input (not the page description): a copy
    // of it at the head is the same text printed twice.
    let mut dek_from_block = false;

    for block in &blocks {
        // A list ends at the first block that is not one of its items.
        let continues_list = matches!(
            (&list, &block.shape, block.role),
            (Some((id, ..)), Shape::ListItem { list: l, .. }, role) if id == l && role.is_body() && role != Role::Heading
        );
        if !continues_list {
            flush_list(&mut list, &mut sections);
        }
        match block.role {
            Role::Headline if draft.article.headline.is_none() => {
                draft.article.headline = Some(block.text.clone());
                record(draft, "headline", block);
            }
            Role::Dek if draft.article.dek.is_none() => {
                draft.article.dek = Some(block.text.clone());
                dek_from_block = true;
                record(draft, "dek", block);
            }
            Role::Byline if draft.article.byline.is_empty() => {
                draft.article.byline = parse_byline(&block.text);
                if !draft.article.byline.is_empty() {
                    record(draft, "byline", block);
                }
            }
            Role::Dateline => {
                let (updated, date_text) = split_dateline(&block.text);
                let date = crate::grammar::parse_date(date_text);
                match (updated, date) {
                    (false, Some(date)) if draft.article.published.is_none() => {
                        draft.article.published = Some(date);
                        record(draft, "published", block);
                    }
                    (true, Some(date)) if draft.article.modified.is_none() => {
                        draft.article.modified = Some(date);
                        record(draft, "modified", block);
                    }
                    _ => {}
                }
            }
            Role::Disclaimer(kind) => {
                // Pages repeat footers (one per layout variant): keep one.
                let seen = draft
                    .article
                    .disclaimers
                    .iter()
                    .any(|d| d.text == block.text);
                if !seen {
                    draft
                        .article
                        .disclaimers
                        .push(Disclaimer::new(kind, block.text.clone()));
                }
            }
            Role::RelatedHeader | Role::Boilerplate => {}
            Role::RelatedItem => {
                let link = related_link(block);
                // A card's second line under the same link is its summary.
                if let Some(last) = draft.article.related.last_mut() {
                    if link.url.is_some()
                        && last.url == link.url
                        && last.summary.is_none()
                        && link.title != last.title
                        && link.summary.is_none()
                    {
                        last.summary = Some(link.title);
                        continue;
                    }
                }
                // A story linked twice (inline and in the box) is listed once.
                let seen =
                    draft.article.related.iter().any(|r| {
                        r.title == link.title || (link.url.is_some() && r.url == link.url)
                    });
                if !seen && is_related_title(&link.title) {
                    draft.article.related.push(link);
                }
            }
            Role::Heading if heading_level(block) <= section_level => {
                let mut section = Section::new(Some(block.text.clone()), section_level);
                section.heading_spans = block.spans().to_vec();
                sections.push(section);
            }
            role if role.is_body() => {
                let text = block.text.as_str();
                // The headline repeated anywhere; the dek only when it heads
                // the article set apart as a standfirst.
                let is_title = draft
                    .article
                    .headline
                    .as_deref()
                    .is_some_and(|h| same_text(h, text))
                    || (at_head
                        && (dek_from_block || dek_like(block))
                        && draft
                            .article
                            .dek
                            .as_deref()
                            .is_some_and(|d| same_text(d, text)));
                let repeated = last_body_text.is_some_and(|l| same_text(l, text));
                if (is_title || repeated) && !text.trim().is_empty() {
                    continue;
                }
                last_body_text = Some(text);
                if matches!(block.shape, Shape::Paragraph) && role != Role::Heading {
                    at_head = false;
                }
                if sections.is_empty() {
                    sections.push(Section::new(None, 0));
                }
                let index = sections.len() - 1;
                if let Some(quote) = block_quote(block, index) {
                    quotes.push(quote);
                }
                match (&block.shape, &mut list) {
                    (Shape::ListItem { ordered, list: id }, current) if role != Role::Heading => {
                        let (_, _, items, spans) =
                            current.get_or_insert_with(|| (*id, *ordered, Vec::new(), Vec::new()));
                        let offset: usize = items.iter().map(|i| i.chars().count() + 1).sum();
                        spans.extend(block.spans().iter().map(|s| {
                            let mut s = s.clone();
                            s.start += offset;
                            s.end += offset;
                            s
                        }));
                        items.push(block.text.clone());
                    }
                    _ => {
                        let out = to_block(block);
                        // Blocks carry the spans of their text (a table's
                        // cells, a figure's caption); code has none.
                        let spans = match out {
                            Block::Paragraph { .. }
                            | Block::Quote { .. }
                            | Block::Heading { .. }
                            | Block::Table { .. }
                            | Block::Figure {
                                caption: Some(_), ..
                            } => block.spans().to_vec(),
                            _ => Vec::new(),
                        };
                        sections[index].push(out, spans);
                    }
                }
                quotes.extend(block.quotes.iter().cloned().map(|mut q| {
                    q.section = index;
                    q
                }));
            }
            _ => {}
        }
    }
    flush_list(&mut list, &mut sections);
    drop_repeated_notices(&draft.article, &mut sections, &mut quotes);
    let base = draft.article.url.clone();
    absolute_links(&mut sections, base.as_deref().or(cx.url));
    // Related links are absolute too, as the spans' links are.
    for r in &mut draft.article.related {
        if let Some(u) = r.url.take() {
            r.url = crate::base::url::resolve(base.as_deref().or(cx.url), &u).or(Some(u));
        }
    }
    for s in &mut sections {
        s.tidy_spans();
    }
    // Empty sections go; quotes keep pointing at their section.
    let keep = |s: &Section| s.heading.is_some() || !s.blocks.is_empty();
    let mut kept = 0;
    let remap: Vec<usize> = sections
        .iter()
        .map(|s| {
            let at = kept;
            kept += usize::from(keep(s));
            at
        })
        .collect();
    sections.retain(keep);
    for q in &mut quotes {
        q.section = remap.get(q.section).copied().unwrap_or(0);
    }
    draft.article.sections = sections;
    draft.article.quotes = quotes;
    *draft.blocks_mut() = blocks;
    Ok(())
}

/// Keeps the promise that disclaimers and related links never repeat in the
/// body: a body block (or list item) whose whole text is a disclaimer's text
/// or a related item's title (alone or with its summary) is dropped, with the
/// quotes it carried. Related lists and notices usually come after the body,
/// so this runs once the loop has seen every block.
fn drop_repeated_notices(article: &Article, sections: &mut [Section], quotes: &mut Vec<Quote>) {
    if article.disclaimers.is_empty() && article.related.is_empty() {
        return;
    }
    let with_summary: Vec<String> = article
        .related
        .iter()
        .filter_map(|r| r.summary.as_ref().map(|s| format!("{} {s}", r.title)))
        .collect();
    let banned = |text: &str| {
        article.disclaimers.iter().any(|d| same_text(&d.text, text))
            || article.related.iter().any(|r| same_text(&r.title, text))
            || with_summary.iter().any(|t| same_text(t, text))
    };
    let mut dropped: Vec<(usize, String)> = Vec::new();
    for (index, section) in sections.iter_mut().enumerate() {
        let mut spans = std::mem::take(&mut section.spans);
        spans.resize_with(section.blocks.len(), Vec::new);
        let mut spans = spans.into_iter();
        let mut kept_spans = Vec::new();
        section.blocks.retain_mut(|block| {
            let mut block_spans = spans.next().unwrap_or_default();
            let items = |b: &Block| match b {
                Block::List { items, .. } => items.len(),
                _ => 0,
            };
            let before = items(block);
            let keep = keep_block(block, index, &mut dropped, &banned);
            if keep {
                // A list that lost items lost the offsets of the rest.
                if items(block) != before {
                    block_spans.clear();
                }
                kept_spans.push(block_spans);
            }
            keep
        });
        if kept_spans.iter().any(|s| !s.is_empty()) {
            section.spans = kept_spans;
        }
    }
    if dropped.is_empty() {
        return;
    }
    // A quote goes with its block when no block left in its section holds it.
    quotes.retain(|q| {
        let was_in_dropped = dropped
            .iter()
            .any(|(i, text)| *i == q.section && text.contains(q.text.as_str()));
        !was_in_dropped
            || sections
                .get(q.section)
                .is_some_and(|s| section_holds(s, &q.text))
    });
}

/// Links made absolute against the article's URL; a link that cannot be
/// (relative with no base, `javascript:`) keeps its text and loses the mark.
fn absolute_links(sections: &mut [Section], base: Option<&str>) {
    for section in sections {
        let Section {
            spans,
            heading_spans,
            ..
        } = section;
        for spans in spans.iter_mut().chain([heading_spans]) {
            spans.retain_mut(|s| {
                if s.kind != SpanKind::Link {
                    return true;
                }
                s.href = s
                    .href
                    .as_deref()
                    .and_then(|h| crate::base::url::resolve(base, h))
                    .filter(|h| !h.starts_with('#'));
                s.href.is_some()
            });
        }
    }
}

/// False when `block` repeats a notice (then it is recorded in `dropped`);
/// a list keeps its other items.
fn keep_block(
    block: &mut Block,
    index: usize,
    dropped: &mut Vec<(usize, String)>,
    banned: &impl Fn(&str) -> bool,
) -> bool {
    match block {
        Block::Paragraph { text } | Block::Quote { text, .. } if banned(text) => {
            dropped.push((index, std::mem::take(text)));
            false
        }
        Block::List { items, .. } => {
            items.retain_mut(|item| {
                let keep = !banned(item);
                if !keep {
                    dropped.push((index, std::mem::take(item)));
                }
                keep
            });
            !items.is_empty()
        }
        _ => true,
    }
}

fn section_holds(section: &Section, quote: &str) -> bool {
    section.blocks.iter().any(|b| match b {
        Block::Paragraph { text } | Block::Quote { text, .. } => text.contains(quote),
        Block::List { items, .. } => items.iter().any(|i| i.contains(quote)),
        _ => false,
    })
}

fn record(draft: &mut Draft, field: &'static str, block: &DraftBlock) {
    let by = block.decided_by.unwrap_or(ARTICLE);
    draft.record(field, by, "block", block.confidence);
}

fn heading_level(block: &DraftBlock) -> u8 {
    match block.shape {
        Shape::Heading { level } => level.max(1),
        _ => 2,
    }
}

fn flush_list(list: &mut Option<OpenList>, sections: &mut Vec<Section>) {
    if let Some((_, ordered, items, spans)) = list.take() {
        if sections.is_empty() {
            sections.push(Section::new(None, 0));
        }
        if let Some(s) = sections.last_mut() {
            s.push(Block::List { ordered, items }, spans);
        }
    }
}

/// The quote a block *is* (block or pull quote), as opposed to quotes inside it.
fn block_quote(block: &DraftBlock, section: usize) -> Option<Quote> {
    let kind = match (block.role, &block.shape) {
        (Role::Quote(kind), _) => kind,
        (_, Shape::Quote) => QuoteKind::Block,
        _ => return None,
    };
    Some(Quote::new(
        block.text.clone(),
        block.attribution.clone(),
        kind,
        section,
    ))
}

fn to_block(block: &DraftBlock) -> Block {
    let text = block.text.clone();
    if let Role::Quote(_) = block.role {
        return Block::Quote {
            text,
            attribution: block.attribution.clone(),
        };
    }
    match &block.shape {
        Shape::Heading { level } => Block::Heading {
            text,
            level: *level,
        },
        Shape::Quote => Block::Quote {
            text,
            attribution: block.attribution.clone(),
        },
        Shape::Figure { src, alt } => Block::Figure {
            src: src.clone(),
            alt: alt.clone(),
            caption: Some(text).filter(|t| !t.is_empty()),
        },
        Shape::Table { rows } => Block::Table { rows: rows.clone() },
        Shape::Code { language } => Block::Code {
            text,
            language: language.clone(),
        },
        Shape::ListItem { ordered, .. } => Block::List {
            ordered: *ordered,
            items: vec![text],
        },
        _ => Block::Paragraph { text },
    }
}

/// "By Jane Doe and John Roe" → two people.
pub(crate) fn parse_byline(line: &str) -> Vec<Person> {
    let line = line.trim();
    // "From Reuters", "From Wikipedia, the free encyclopedia" credit a
    // source, not a person.
    if line
        .get(..5)
        .is_some_and(|w| w.eq_ignore_ascii_case("from "))
    {
        return Vec::new();
    }
    // "Jane Doe | Reuters" keeps only the names part.
    let names = line.split(['|', '·', '•']).next().unwrap_or("");
    let mut people = crate::grammar::people(&[names.to_owned()]);
    // A visible author line names people with capitals; lower-case parts
    // are the rest of a sentence.
    people.retain(|p| !p.name.chars().next().is_some_and(char::is_lowercase));
    people
}

/// "Updated: 4 March 2025" → (true, "4 March 2025"); "Published on …" →
/// (false, "…"); a bare date → (false, the date).
fn split_dateline(text: &str) -> (bool, &str) {
    let t = text.trim();
    let lower = t.to_lowercase();
    const PREFIXES: &[(&str, bool)] = &[
        ("last updated", true),
        ("updated", true),
        ("modified", true),
        ("mis à jour", true),
        ("aktualisiert", true),
        ("first published", false),
        ("published", false),
        ("posted", false),
        ("publié", false),
        ("veröffentlicht", false),
    ];
    for (prefix, updated) in PREFIXES {
        if lower.starts_with(prefix) {
            // Lower-casing keeps these prefixes' byte lengths.
            let rest = t.get(prefix.len()..).unwrap_or("").trim_start();
            let rest = ["on ", "le ", "am "]
                .iter()
                .find_map(|w| rest.strip_prefix(w))
                .unwrap_or(rest);
            return (*updated, rest.trim_start_matches([':', ' ']).trim());
        }
    }
    (false, t)
}

/// Teaser lead words before a related headline: "Read more: ", "SEE MORE: ".
static RELATED_LEAD: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^(?:read more|read next|read also|also read|see more|see also|related(?: post| article| story)?|more|don'?t miss|must read|watch|listen)\s*[:\-–—|»]\s*",
    )
    .expect("RELATED_LEAD")
});

/// A related item names another story: a headline of three words or more
/// (Han and kana count a word per two characters), not a section label ("News"), an author
/// line ("By Jane Doe", "Jane Doe • Nov 18") or a list header ("Read Next").
fn is_related_title(title: &str) -> bool {
    let t = title.trim();
    crate::base::words::count_words_cjk(t, 3) >= 3
        && !t.ends_with(':')
        && !t.contains(" • ")
        && !t.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("by "))
}

/// A related item: the title is its leading link or first sentence, the
/// summary the rest.
fn related_link(block: &DraftBlock) -> RelatedLink {
    let text = block.text.trim();
    let text = RELATED_LEAD.find(text).map_or(text, |m| &text[m.end()..]);
    // A headline link followed by its summary.
    let lead = block.hints.lead_link.as_ref().and_then(|(len, _)| {
        let title = block.text.get(..*len)?.trim();
        let summary = block.text.get(*len..)?.trim();
        (!title.is_empty() && crate::base::words::count_words(summary, 5) >= 5)
            .then_some((title, summary))
    });
    let mut link = match lead.or_else(|| split_first_sentence(text)) {
        Some((title, rest)) => {
            let mut l = RelatedLink::new(title);
            l.summary = Some(rest.to_owned());
            l
        }
        None => RelatedLink::new(text),
    };
    link.url = block.hints.href.clone();
    link
}

fn lede_and_text(draft: &mut Draft, _cx: &Context<'_>) -> Result<(), BoxError> {
    let lede = draft.article.blocks().find_map(|(_, b)| match b {
        Block::Paragraph { text } => Some(text.clone()),
        _ => None,
    });
    if let Some(lede) = lede {
        draft.article.lede = Some(lede);
    }
    draft.article.text = draft.article.body_text();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Post cards whose link wraps the title heading and the excerpt: one
    /// item per card, the heading its title, the excerpt its summary, the
    /// URL absolute against the page's.
    #[test]
    fn related_cards_wrapped_in_their_link() {
        let p = "<p>The ferry returns to the harbour on Monday after a winter refit that replaced both engines and the passenger deck.</p>";
        let card = |href: &str, title: &str, excerpt: &str| {
            format!(
                "<article class=\"post-card\"><a href=\"{href}\"><header><h2>{title}</h2></header>\
                 <div class=\"excerpt\">{excerpt}</div></a></article>"
            )
        };
        let html = format!(
            "<html><body><main><article><h1>Ferry back</h1>{p}{p}{p}</article></main>\
             <aside class=\"read-more\"><h3>Read next</h3>{}{}</aside></body></html>",
            card(
                "/local/pool-fees",
                "Pool fees rise for a third year",
                "The council blames energy prices."
            ),
            card(
                "../harbour-wall",
                "Harbour wall repairs start in May",
                "Lorries will be diverted for six weeks."
            ),
        );
        let input = crate::Input::new(html.as_str())
            .kind(crate::Kind::Html)
            .url("https://news.example/local/ferry-back");
        let a = crate::Extractor::builder()
            .build()
            .expect("default")
            .extract(input)
            .expect("article");
        let got: Vec<(&str, Option<&str>, Option<&str>)> = a
            .related
            .iter()
            .map(|r| (r.title.as_str(), r.url.as_deref(), r.summary.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Pool fees rise for a third year",
                    Some("https://news.example/local/pool-fees"),
                    Some("The council blames energy prices.")
                ),
                (
                    "Harbour wall repairs start in May",
                    Some("https://news.example/harbour-wall"),
                    Some("Lorries will be diverted for six weeks.")
                ),
            ]
        );
    }

    /// A card whose one link holds a title span and a summary span (CSS
    /// modules, `display: block` spans): the title ends with its element.
    #[test]
    fn related_card_spans_inside_one_link() {
        let p = "<p>The ferry returns to the harbour on Monday after a winter refit that replaced both engines and the passenger deck.</p>";
        let card = |href: &str, title: &str, summary: &str| {
            format!(
                "<li class=\"Rail_item__r2\"><a href=\"{href}\"><span class=\"Rail_title__t3\">{title}</span>\
                 <span class=\"Rail_summary__s4\">{summary}</span></a></li>"
            )
        };
        let html = format!(
            "<html><body><main><article><h1>Ferry back</h1>{p}{p}{p}</article></main>\
             <aside class=\"related-stories\"><p>Related stories</p><ul>{}{}</ul></aside></body></html>",
            card(
                "/local/pool-fees",
                "Pool fees rise for a third year",
                "The council blames energy prices for the increase."
            ),
            card(
                "/local/harbour-wall",
                "Harbour wall repairs start in May",
                "Lorries will be diverted through the old town for six weeks."
            ),
        );
        let input = crate::Input::new(html.as_str())
            .kind(crate::Kind::Html)
            .url("https://news.example/local/ferry-back");
        let a = crate::Extractor::default().extract(input).expect("article");
        let got: Vec<(&str, Option<&str>)> = a
            .related
            .iter()
            .map(|r| (r.title.as_str(), r.summary.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Pool fees rise for a third year",
                    Some("The council blames energy prices for the increase.")
                ),
                (
                    "Harbour wall repairs start in May",
                    Some("Lorries will be diverted through the old town for six weeks.")
                ),
            ]
        );
    }

    #[test]
    fn related_titles_are_headlines() {
        for hit in [
            "Pool fees rise for a third year",
            "港口渡轮冬季整修后恢复服务",
            "Why the ferry stopped?",
        ] {
            assert!(is_related_title(hit), "{hit}");
        }
        for miss in [
            "News",
            "Jane Doe",
            "By Jane Doe and Li Wei",
            "Jane Doe • Nov 18",
            "Don't Miss:",
            "渡轮",
        ] {
            assert!(!is_related_title(miss), "{miss}");
        }
        let block = DraftBlock::new(
            Shape::Paragraph,
            "Read more: Pool fees rise for a third year",
        );
        assert_eq!(
            related_link(&block).title,
            "Pool fees rise for a third year"
        );
        let block = DraftBlock::new(Shape::Paragraph, "More than 300 people came to the vote");
        assert_eq!(
            related_link(&block).title,
            "More than 300 people came to the vote"
        );
    }

    #[test]
    fn bylines_split_into_people() {
        let names: Vec<_> = parse_byline("By Jane Doe and John Roe")
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(names, ["Jane Doe", "John Roe"]);
        let names: Vec<_> = parse_byline("By Ana Ruiz, Lee Kim & Bo Chen | Wire")
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(names, ["Ana Ruiz", "Lee Kim", "Bo Chen"]);
        let names: Vec<_> = parse_byline("By Sam Ode, Wednesday 12 June 2019")
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(names, ["Sam Ode"]);
        // Source credits and sentence tails name no person.
        for line in [
            "From Wire Reports",
            "From Example Encyclopedia, the free encyclopedia",
            "By Sam Ode, the city desk",
        ] {
            let names: Vec<_> = parse_byline(line).into_iter().map(|p| p.name).collect();
            assert!(names.iter().all(|n| n == "Sam Ode"), "{line}: {names:?}");
        }
    }

    #[test]
    fn datelines_split() {
        assert_eq!(
            split_dateline("Published: 2025-03-04"),
            (false, "2025-03-04")
        );
        assert_eq!(
            split_dateline("Updated on 2025-03-05 10:00"),
            (true, "2025-03-05 10:00")
        );
        assert_eq!(split_dateline("2025-03-04"), (false, "2025-03-04"));
    }

    #[test]
    fn text_equality_ignores_case_and_spacing() {
        assert!(same_text("Storm  closes\nschools", "storm closes Schools"));
        assert!(!same_text("Storm closes schools", "Storm closes"));
        assert!(!same_text("Storm closes", "Storm opens"));
    }

    #[test]
    fn lede_repeated_by_the_description_stays_in_the_body() {
        let lede = "The harbour authority approved the expansion plan on Monday after a long public hearing.";
        let html = format!(
            "<html><head><meta name=\"description\" content=\"{lede}\"></head><body><article>\
             <h1>Harbour plan approved</h1><p>{lede}</p>\
             <p>Work on the new quay is expected to begin in the spring and to last two years, officials said.</p>\
             </article></body></html>"
        );
        let a = crate::extract(html.as_str()).expect("article");
        assert_eq!(a.dek.as_deref(), Some(lede));
        assert_eq!(a.lede.as_deref(), Some(lede));
    }

    #[test]
    fn standfirst_repeating_the_dek_is_not_body() {
        let dek = "A long hearing ended with a clear vote for the new quay.";
        let html = format!(
            "<html><head><meta name=\"description\" content=\"{dek}\"></head><body><article>\
             <h1>Harbour plan approved</h1><p class=\"standfirst\">{dek}</p>\
             <p>The harbour authority approved the expansion plan on Monday after a long public hearing.</p>\
             <p>Work on the new quay is expected to begin in the spring and to last two years, officials said.</p>\
             </article></body></html>"
        );
        let a = crate::extract(html.as_str()).expect("article");
        assert!(!a.text.contains("clear vote"), "{}", a.text);
    }

    fn spans_of(a: &Article, block: usize) -> Vec<(SpanKind, String, Option<String>)> {
        let (section, b) = a.blocks().nth(block).expect("block");
        let index = a.sections[section]
            .blocks
            .iter()
            .position(|x| std::ptr::eq(x, b))
            .expect("index");
        let text = b.plain_text();
        a.sections[section]
            .spans_of(index)
            .iter()
            .map(|s| {
                let r = s.byte_range(&text).expect("span fits its text");
                (s.kind, text[r].to_owned(), s.href.clone())
            })
            .collect()
    }

    #[test]
    fn html_inline_marks_become_spans() {
        let html = "<html><body><article><h1>Harbour plan approved</h1>\
             <p>The <em>harbour</em> authority approved the <a href=\"/plans/quay\">expansion <strong>plan</strong></a> on Monday after a long hearing.</p>\
             <p>Run <code>quay --status</code> to follow it,<br>or ask the café desk.</p>\
             <ul><li>First <b>item</b> here</li><li>Second <a href=\"https://other.example/x\">link</a></li></ul>\
             <pre><code class=\"language-Rust\">let quay = 2;</code></pre>\
             <p>Work on the new quay is expected to begin in the spring and to last two years.</p>\
             </article></body></html>";
        let input = crate::Input::new(html).url("https://port.example/news/a");
        let a = crate::Extractor::default().extract(input).expect("article");
        let link = Some("https://port.example/plans/quay".to_owned());
        assert_eq!(
            spans_of(&a, 0),
            [
                (SpanKind::Emphasis, "harbour".to_owned(), None),
                (SpanKind::Link, "expansion plan".to_owned(), link),
                (SpanKind::Strong, "plan".to_owned(), None),
            ]
        );
        assert_eq!(
            spans_of(&a, 1),
            [
                (SpanKind::Code, "quay --status".to_owned(), None),
                (SpanKind::LineBreak, " ".to_owned(), None),
            ]
        );
        assert_eq!(
            spans_of(&a, 2),
            [
                (SpanKind::Strong, "item".to_owned(), None),
                (
                    SpanKind::Link,
                    "link".to_owned(),
                    Some("https://other.example/x".to_owned())
                ),
            ]
        );
        let Some((_, Block::Code { language, .. })) = a.blocks().nth(3) else {
            panic!("code block: {:?}", a.sections);
        };
        assert_eq!(language.as_deref(), Some("rust"));
        // The plain text is what it was without spans.
        assert!(
            a.text
                .starts_with("The harbour authority approved the expansion plan on Monday")
        );
        assert!(
            a.to_markdown()
                .contains("[expansion **plan**](https://port.example/plans/quay)")
        );
    }

    #[test]
    fn table_cells_headings_and_captions_keep_spans() {
        let p = |n: u32| {
            format!(
                "<p>Part {n}: the harbour authority approved the expansion plan on Monday after a long public hearing.</p>"
            )
        };
        let html = format!(
            "<html><body><article><h1>Harbour plan approved</h1>{}\
             <h2>The <a href=\"/quay\">new <em>quay</em></a> plan</h2>{}\
             <table><tr><th>Berth</th><th><b>Depth</b></th></tr>\
             <tr><td><a href=\"/b/1\">North</a> berth</td><td>12 m<br><i>dredged</i></td></tr>\
             <tr><td></td><td></td></tr>\
             <tr><td>South</td><td>run <code>depth --s</code></td></tr></table>\
             <h3>Costs for <em>ferry</em> users</h3>{}\
             <figure><img src=\"/img/q.jpg\" alt=\"Quay\"><figcaption>The <em>old</em> quay.</figcaption>\
             <figcaption>Photo: <a href=\"https://photos.example/q\">Harbour Desk</a></figcaption></figure>\
             {}</article></body></html>",
            p(1),
            p(2),
            p(3),
            p(4)
        );
        let input = crate::Input::new(html.as_str()).url("https://port.example/news/a");
        let a = crate::Extractor::default().extract(input).expect("article");
        let section = &a.sections[1];
        let heading = section.heading.as_deref().expect("heading");
        assert_eq!(heading, "The new quay plan");
        let marks: Vec<_> = section
            .heading_spans
            .iter()
            .map(|s| {
                let r = s.byte_range(heading).expect("span fits its heading");
                (s.kind, &heading[r], s.href.as_deref())
            })
            .collect();
        assert_eq!(
            marks,
            [
                (
                    SpanKind::Link,
                    "new quay",
                    Some("https://port.example/quay")
                ),
                (SpanKind::Emphasis, "quay", None),
            ]
        );
        let kinds: Vec<&str> = a
            .blocks()
            .map(|(_, b)| match b {
                Block::Paragraph { .. } => "p",
                Block::Table { .. } => "table",
                Block::Heading { .. } => "heading",
                Block::Figure { .. } => "figure",
                _ => "other",
            })
            .collect();
        assert_eq!(
            kinds,
            ["p", "p", "table", "heading", "p", "figure", "p"],
            "{:#?}",
            a.sections
        );
        // The empty row is dropped before the offsets are counted.
        let Some((_, Block::Table { rows })) = a.blocks().nth(2) else {
            panic!("table");
        };
        assert_eq!(rows.len(), 3);
        let link = |h: &str| Some(h.to_owned());
        assert_eq!(
            spans_of(&a, 2),
            [
                (SpanKind::Strong, "Depth".to_owned(), None),
                (
                    SpanKind::Link,
                    "North".to_owned(),
                    link("https://port.example/b/1")
                ),
                (SpanKind::LineBreak, " ".to_owned(), None),
                (SpanKind::Emphasis, "dredged".to_owned(), None),
                (SpanKind::Code, "depth --s".to_owned(), None),
            ]
        );
        assert_eq!(
            spans_of(&a, 3),
            [(SpanKind::Emphasis, "ferry".to_owned(), None)]
        );
        assert_eq!(
            spans_of(&a, 5),
            [
                (SpanKind::Emphasis, "old".to_owned(), None),
                (
                    SpanKind::Link,
                    "Harbour Desk".to_owned(),
                    link("https://photos.example/q")
                ),
            ]
        );
        // The plain text and the rows are what they were without spans.
        assert!(
            a.text
                .contains("Berth\tDepth\nNorth berth\t12 m dredged\nSouth\trun depth --s")
        );
        let Some((_, Block::Figure { caption, .. })) = a.blocks().nth(5) else {
            panic!("figure");
        };
        assert_eq!(
            caption.as_deref(),
            Some("The old quay. Photo: Harbour Desk")
        );
        let md = a.to_markdown();
        assert!(
            md.contains("## The [new *quay*](https://port.example/quay) plan"),
            "{md}"
        );
        assert!(
            md.contains("| [North](https://port.example/b/1) berth | 12 m *dredged* |"),
            "{md}"
        );
        assert!(
            md.contains("*The *old* quay. Photo: [Harbour Desk](https://photos.example/q)*"),
            "{md}"
        );
        let html = a.to_html();
        assert!(
            html.contains(
                "<h2>The <a href=\"https://port.example/quay\">new <em>quay</em></a> plan</h2>"
            ),
            "{html}"
        );
        assert!(html.contains("<td>12 m<br><em>dredged</em></td>"), "{html}");
    }

    #[test]
    fn a_caption_class_on_bold_text_still_makes_a_caption() {
        let html = "<html><body><article><h1>Harbour plan approved</h1>\
             <p>The harbour authority approved the expansion plan on Monday after a long public hearing.</p>\
             <p><b class=\"caption\">The old quay</b></p>\
             <p>Work on the new quay is expected to begin in the spring and to last two years, officials said.</p>\
             </article></body></html>";
        let a = crate::extract(html).expect("article");
        assert!(!a.text.contains("The old quay"), "{}", a.text);
    }

    #[test]
    fn text_input_gets_a_language_and_figures_are_images() {
        let text = "Le budget de la ville est adopté\n\n\
            Le conseil municipal a adopté mardi soir le budget de la ville, après un mois de discussions \
            entre les élus de la majorité et ceux de l'opposition.";
        let (a, report) = crate::Extractor::default()
            .extract_with_report(text)
            .expect("article");
        assert_eq!(a.language.as_deref(), Some("fr"));
        assert_eq!(a.script.as_deref(), Some("Latn"));
        assert_eq!(
            report.provenance_of("language").map(|p| p.heuristic),
            Some("assemble.language")
        );
        let html = "<html><head><meta property=\"og:image\" content=\"https://p.example/lead.jpg\"></head>\
            <body><article><h1>Harbour plan approved</h1>\
            <p>The harbour authority approved the expansion plan on Monday after a long public hearing.</p>\
            <figure><img src=\"/img/quay.jpg\" alt=\"The quay\"><figcaption>The old quay in May.</figcaption></figure>\
            <p>Work on the new quay is expected to begin in the spring and to last two years, officials said.</p>\
            <figure><img src=\"https://p.example/lead.jpg\" alt=\"Lead\"></figure>\
            </article></body></html>";
        let input = crate::Input::new(html).url("https://p.example/news/a");
        let a = crate::Extractor::default().extract(input).expect("article");
        assert_eq!(
            a.images,
            [
                "https://p.example/lead.jpg",
                "https://p.example/img/quay.jpg"
            ]
        );
        assert_eq!(a.image_details[0].alt.as_deref(), Some("Lead"));
        assert_eq!(
            a.image_details[1].caption.as_deref(),
            Some("The old quay in May.")
        );
        assert_eq!(a.image_details[1].alt.as_deref(), Some("The quay"));
    }

    #[test]
    fn first_sentence_split() {
        assert_eq!(
            split_first_sentence("A thing happened. Then more."),
            Some(("A thing happened.", "Then more."))
        );
        assert_eq!(
            split_first_sentence("The U.S. Senate voted. It passed."),
            Some(("The U.S. Senate voted.", "It passed."))
        );
        assert_eq!(split_first_sentence("Only one sentence."), None);
    }
}
