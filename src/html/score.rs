//! Stage::Score: locate the main content.
//!
//! Ordered container selectors first (after trafilatura BODY_XPATH), then
//! Readability-style paragraph scoring as fallback and arbiter, split-body
//! merging, wild `<p>` recovery, JSON-LD `articleBody` when much longer.

use ego_tree::{NodeId, NodeRef};
use scraper::Node;
use scraper::node::Element;

use super::FastAttr;
use super::{IdMap, NodeTable, Stats, cached_flags, flag, stats_with};
use crate::base::tokens;
use crate::error::BoxError;
use crate::heuristic::{Builtin, Context, Draft, Stage};
use crate::model::PageKind;
use crate::page::{Removal, Trail};

/// The heuristic's id.
pub(crate) const NAME: &str = "score.main-content";
/// `score.main-content`, as [`heuristics`](super::heuristics) lists it.
pub(super) const BUILTIN: Builtin = Builtin {
    name: NAME,
    stage: Stage::Score,
    description: "Locates the main content: ordered container selectors, Readability-style scoring as arbiter, split-body merging, wild <p> recovery, JSON-LD articleBody when much longer.",
    run: main_content,
};

/// Class/id words (separators removed) that name the article body, matched
/// as substrings of the joined word ("c-article-body--wide" → "carticlebodywide").
pub(crate) const BODY_WORDS: &[&str] = &[
    "articlebody",
    "articlecontent",
    "articletext",
    "articleentry",
    "articledetail",
    "entrycontent",
    "entrybody",
    "postcontent",
    "postbody",
    "posttext",
    "postentry",
    "storybody",
    "storycontent",
    "storytext",
    "bodytext",
    "contentbody",
    "newsbody",
    "newscontent",
    "newstext",
    "blogpost",
    "singlepost",
    "richtext",
    "textcontent",
];

/// [`BODY_WORDS`] as one literal alternation (compiled to a fast
/// multi-substring search).
pub(crate) static BODY_RE: once_cell::sync::Lazy<regex::Regex> =
    once_cell::sync::Lazy::new(|| regex::Regex::new(&BODY_WORDS.join("|")).expect("BODY_RE"));

/// Readability `positive` / `negative` class weights (token match).
pub(crate) const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog",
    "story",
];
pub(crate) const NEGATIVE: &[&str] =
    &tokens::concat::<{ tokens::total(NEGATIVE_PARTS) }>(NEGATIVE_PARTS);
/// The groups of [`NEGATIVE`] and its own words.
const NEGATIVE_PARTS: &[&[&str]] = &[
    tokens::CHROME,
    tokens::FURNITURE,
    tokens::WIDGETS,
    OWN_NEGATIVE,
];
/// The negative words no other stage's list has.
const OWN_NEGATIVE: &[&str] = &[
    "hidden", "com", "contact", "foot", "footnote", "media", "scroll", "shopping", "widget",
    "teaser", "card",
];

/// Whole class/id words of generic main containers.
pub(crate) const MAIN_WORDS: &[&str] =
    &["content", "maincontent", "main", "story", "article", "post"];

/// Minimum paragraph text for a container hit to count.
const MIN_CONTAINER_CHARS: u32 = 200;

fn is_itemprop_body(el: &Element) -> bool {
    el.fattr("itemprop").is_some_and(|v| {
        v.split_whitespace()
            .any(|w| w.eq_ignore_ascii_case("articleBody"))
    })
}

/// Priority of an element as a container: lower is better.
fn container_rank(el: &Element, bits: u32) -> Option<u8> {
    // A paragraph or inline element named "bodytext" is one paragraph of the
    // body, not its container.
    if matches!(
        el.name(),
        "p" | "span"
            | "a"
            | "li"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "font"
            | "b"
            | "strong"
            | "em"
            | "i"
            | "blockquote"
            | "figure"
            | "img"
    ) {
        return None;
    }
    if is_itemprop_body(el) {
        return Some(0);
    }
    if bits & flag::BODY != 0 {
        return Some(1);
    }
    let role = el.fattr("role").unwrap_or("");
    if el.name() == "article" || role.eq_ignore_ascii_case("article") {
        return Some(2);
    }
    if el.name() == "main" || role.eq_ignore_ascii_case("main") {
        return Some(3);
    }
    if bits & flag::MAIN != 0 {
        return Some(4);
    }
    None
}

fn class_weight(bits: u32) -> f32 {
    let mut w = 0.0;
    if bits & flag::NEGATIVE != 0 {
        w -= 25.0;
    }
    if bits & flag::POSITIVE != 0 {
        w += 25.0;
    }
    w
}

fn tag_prior(name: &str) -> f32 {
    match name {
        "div" | "article" | "section" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// A paragraph's contribution to its ancestors' Readability scores: its
/// own score when it can give one (enough text; a `<div>` or `<section>`
/// only for text written straight into it).
fn paragraph_score(name: &str, s: &Stats) -> Option<f32> {
    let paragraph = matches!(name, "p" | "pre" | "td");
    let block = matches!(name, "div" | "section");
    let scoring = paragraph || (block && s.own_chars >= 25);
    (scoring && s.chars >= 25).then(|| 1.0 + s.commas as f32 + (s.chars as f32 / 100.0).min(3.0))
}

/// Readability-style best candidate: each scoring paragraph, in the order
/// given, adds its score to its five nearest ancestors (less with distance).
fn readability_best<'a>(
    paragraphs: impl Iterator<Item = (NodeRef<'a, Node>, f32)>,
    st: &NodeTable<Stats>,
    flags: &NodeTable<u32>,
) -> Option<NodeId> {
    let mut scores: IdMap<f32> = IdMap::default();
    for (node, content) in paragraphs {
        let mut level = 0;
        let mut anc = node.parent();
        while let Some(a) = anc {
            let Node::Element(ael) = a.value() else { break };
            let entry = scores.entry(a.id()).or_insert_with(|| {
                tag_prior(ael.name()) + class_weight(cached_flags(flags, a.id(), ael))
            });
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => 3.0 * l as f32,
            };
            *entry += content / div;
            level += 1;
            if level >= 5 {
                break;
            }
            anc = a.parent();
        }
    }
    scores
        .into_iter()
        .map(|(id, s)| {
            let ld = st.get(id).map_or(0.0, Stats::link_density);
            (id, s * (1.0 - ld))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|(id, _)| id)
}

fn is_ancestor(tree: &ego_tree::Tree<Node>, anc: NodeId, node: NodeId) -> bool {
    let mut cur = tree.get(node);
    while let Some(n) = cur {
        if n.id() == anc {
            return true;
        }
        cur = n.parent();
    }
    false
}

/// Siblings of `id` with the same tag and class: parts of a split body.
fn split_parts(tree: &ego_tree::Tree<Node>, id: NodeId, st: &NodeTable<Stats>) -> Vec<NodeId> {
    let Some(node) = tree.get(id) else {
        return vec![id];
    };
    let Some(el) = node.value().as_element() else {
        return vec![id];
    };
    let class = el.fattr("class").unwrap_or("");
    let Some(parent) = node.parent() else {
        return vec![id];
    };
    if class.is_empty() || el.name() == "article" {
        return vec![id];
    }
    let same = |c: &NodeRef<'_, Node>| same_markup(c, id, el, class, st, |s| s.p_chars > 0);
    let siblings: Vec<NodeId> = parent.children().filter(same).map(|c| c.id()).collect();
    if siblings.len() > 1 {
        return siblings;
    }
    // Cousins: the body cut into wrappers of its own (one per ad row).
    let Some(grand) = parent.parent() else {
        return siblings;
    };
    let cousins: Vec<NodeId> = grand
        .children()
        .flat_map(|p| p.children())
        .filter(same)
        .map(|c| c.id())
        .collect();
    if cousins.len() > 1 {
        return cousins;
    }
    repeated_units(node, st).unwrap_or(cousins)
}

/// `c` is the element `id` itself, or one with `el`'s tag and `class` whose
/// statistics pass `ok`.
fn same_markup(
    c: &NodeRef<'_, Node>,
    id: NodeId,
    el: &scraper::node::Element,
    class: &str,
    st: &NodeTable<Stats>,
    ok: impl Fn(&Stats) -> bool,
) -> bool {
    c.id() == id
        || c.value().as_element().is_some_and(|e| {
            e.name() == el.name()
                && e.fattr("class") == Some(class)
                && st.get(c.id()).is_some_and(&ok)
        })
}

/// The body cut into repeated units, one per step of a how-to or per
/// chapter, each wrapping its part in the same markup: climbing from the
/// chosen element through thin wrappers (holding little besides it), the
/// first one whose siblings share its tag and class, with text and few
/// links, gives all of them.
fn repeated_units(node: NodeRef<'_, Node>, st: &NodeTable<Stats>) -> Option<Vec<NodeId>> {
    let chars = |id: NodeId| st.get(id).map_or(0, |s| s.chars);
    let own = chars(node.id());
    let mut unit = node;
    for _ in 0..3 {
        let up = unit.parent()?;
        if u64::from(own) * 5 < u64::from(chars(up.id())) * 4 {
            return None;
        }
        unit = up;
        let el = unit.value().as_element()?;
        let class = el.fattr("class").unwrap_or("");
        if class.is_empty() {
            continue;
        }
        let parts: Vec<NodeId> = unit
            .parent()?
            .children()
            .filter(|c| {
                same_markup(c, unit.id(), el, class, st, |s| {
                    s.chars >= 25 && s.link_density() < 0.3
                })
            })
            .map(|c| c.id())
            .collect();
        if parts.len() > 1 {
            return Some(parts);
        }
    }
    None
}

/// Finds `articleBody` strings in JSON-LD texts (iterative walk).
fn json_ld_body(scripts: &[String]) -> Option<String> {
    let mut best: Option<String> = None;
    for script in scripts {
        // The key is written out, or with `\u` escapes: a script with
        // neither has none, and is not parsed.
        if !script.contains("articleBody") && !script.contains("\\u") {
            continue;
        }
        let Ok(value) = serde_json::from_str::<serde_json::Value>(script.trim()) else {
            continue;
        };
        let mut stack = vec![&value];
        while let Some(v) = stack.pop() {
            match v {
                serde_json::Value::Object(map) => {
                    if let Some(serde_json::Value::String(body)) = map.get("articleBody") {
                        if best.as_ref().is_none_or(|b| body.len() > b.len()) {
                            best = Some(body.clone());
                        }
                    }
                    stack.extend(map.values());
                }
                serde_json::Value::Array(items) => stack.extend(items),
                _ => {}
            }
        }
    }
    best
}

/// What a main-content choice holds: the signals the second opinion is
/// judged by.
#[derive(Debug, Clone, Copy, Default)]
struct Yield {
    /// Non-space characters of the chosen text.
    chars: u32,
    /// Of them, in paragraphs.
    p_chars: u32,
    /// Of them, in links.
    link_chars: u32,
}

/// Chosen text below this is a scrap: any larger paragraph text replaces it.
const SCRAP_CHARS: u32 = 250;

/// Mean non-space characters per `<p>` of a page whose paragraphs are
/// running text (a teaser blurb is a line or two).
const PROSE_PARAGRAPH_CHARS: u32 = 120;
/// Fewest `<p>` elements of a page whose paragraphs are running text.
const PROSE_PARAGRAPHS: u32 = 3;

/// Below this much chosen text the page gets a second opinion.
const SECOND_OPINION_BELOW: u32 = 2000;

pub(crate) fn main_content(draft: &mut Draft, cx: &Context<'_>) -> Result<(), BoxError> {
    let Some(mut dom) = draft.dom.take() else {
        return Ok(());
    };
    // The thresholds of the caller's precision/recall preference.
    let tune = cx.favor.tune();
    // The JSON-LD scripts do not change from one reading to the next.
    let ld_body = json_ld_body(&dom.json_ld);
    // First a reading that takes every paragraph of the page only when the
    // chosen text is a scrap; the verdict is weighed on it.
    let scrap = tune.min_extracted_chars.min(SCRAP_CHARS);
    let first = survey(&dom, true);
    let (mut notes, mut own) = settle(&mut dom, &first, scrap, ld_body.as_deref());
    // Types the page declares, in JSON-LD or as microdata.
    let mut ld_types = super::page_type::json_ld_types(&dom.json_ld);
    for t in &dom.microdata_types {
        if !ld_types.contains(t) {
            ld_types.push(t.clone());
        }
    }
    let (verdict, evidence) = super::page_type::verdict(&super::page_type::Signals {
        ld_types: &ld_types,
        og_type: dom.og_type.as_deref(),
        url: draft.article.url.as_deref().or(cx.url),
        has_date: draft.article.published.is_some(),
        // A user name ("rower42") signs a post, not an article; so does
        // the author line of a script-rendered page's content view.
        has_author: draft
            .report
            .provenance_of("byline")
            .is_none_or(|p| p.source != crate::grammar::byline::NOSCRIPT_VIEW_BYLINE)
            && draft
                .article
                .byline
                .iter()
                .any(|p| !crate::grammar::byline::is_user_name(&p.name)),
        counts: dom.counts,
        body_chars: own.chars,
        body_p_chars: own.p_chars,
    });
    draft.article.page_type = Some(verdict);
    draft.note(format!(
        "page-type: {:?} ({:.2}); evidence: {}",
        verdict.kind,
        verdict.confidence,
        if evidence.is_empty() {
            "none".to_owned()
        } else {
            evidence.join("; ")
        }
    ));
    // A thread's content is all its posts: a root that is one post among
    // posts of the same shape becomes those posts.
    if verdict.kind == PageKind::Forum {
        let posts = match question_and_answers(&dom) {
            Some(posts) => Some((posts, "a Q&A page: the question and every answer are the content")),
            None => sibling_posts(&dom).map(|posts| {
                (
                    posts,
                    "a forum thread: the chosen post and the posts beside it of the same shape are the content",
                )
            }),
        };
        if let Some((posts, note)) = posts {
            for id in post_chrome(&dom, &posts) {
                dom.remove(id);
            }
            dom.decision.roots = posts;
            notes.push(note);
        }
    }
    // A page told in parts (a service page's hero, features, pricing and
    // FAQ sections): a root that is one part of several beside it that
    // hold text becomes all of them.
    if verdict.kind != PageKind::Forum {
        if let Some(parts) = sibling_sections(&dom, &first.st) {
            dom.decision.roots = parts;
            notes.push(
                "the chosen part is one of several parts of text beside it (sections, or elements of one shape): all of them are the content",
            );
        }
    }
    // A small result on a page that is not a forum thread: the page's
    // paragraphs are read instead when they hold more than twice as much.
    // A thread's posts are rarely `<p>`s, so on a forum the paragraphs are
    // user names and signatures, not the content. The page has not changed
    // since the first reading: only the wider band is applied to it.
    let wild_below = if verdict.kind == PageKind::Forum {
        scrap
    } else {
        tune.min_extracted_chars
    };
    if own.chars < wild_below && wild_below > scrap && !dom.decision.wild {
        let before = dom.decision.clone();
        let (wider_notes, wider) = settle(&mut dom, &first, wild_below, ld_body.as_deref());
        if dom.decision.wild {
            notes = wider_notes;
            own = wider;
        } else {
            dom.decision = before;
        }
    }
    // The first reading's page text, for the bound on the second one.
    let body_chars = first.st.get(first.body).map_or(0, |s| s.chars);
    drop(first);
    // Not when a site rule or a user heuristic dropped elements: the second
    // reading starts from the page before the chrome rules again and would
    // bring them back.
    if own.chars < SECOND_OPINION_BELOW && !dom.dropped_by_caller {
        // "This cannot be the article": little text next to a page that
        // may hold more where the clean stage or the selectors looked
        // away. A second reading of the page, cleaned without trusting
        // class words and scored by paragraphs only, is kept when it is
        // clearly longer and still reads as prose.
        let won = match std::mem::take(&mut dom.trail) {
            Trail::Logging(log) => {
                let bound = Bound {
                    own,
                    body_chars,
                    ld_body: ld_body.as_deref(),
                };
                second_opinion(&mut dom, log, bound, wild_below)
            }
            trail => {
                // The page before the chrome rules cannot be put back: it
                // is parsed and cleaned again from the source.
                dom.trail = trail;
                let (mut alt, _) = super::Dom::parse(draft.source_tendril().clone(), cx.limits);
                super::clean::relaxed(&mut alt, cx.limits);
                let alt_ld_body = json_ld_body(&alt.json_ld);
                let alt_survey = survey(&alt, false);
                let (alt_notes, other) =
                    settle(&mut alt, &alt_survey, wild_below, alt_ld_body.as_deref());
                drop(alt_survey);
                second_opinion_wins(own, other).then(|| {
                    dom = alt;
                    alt_notes
                })
            }
        };
        if let Some(alt_notes) = won {
            notes = alt_notes;
            notes.push("the chosen text was too small for the page; a second opinion (relaxed clean, paragraph scoring) was kept");
        }
    }
    for n in notes {
        draft.note(format!("{NAME}: {n}"));
    }
    draft.dom = Some(dom);
    Ok(())
}

/// The one main-content root, when the choice is one plain container (not
/// a split body, wild paragraphs or the JSON-LD body).
fn plain_root(dom: &super::Dom) -> Option<NodeRef<'_, Node>> {
    let d = &dom.decision;
    if d.roots.len() != 1 || d.wild || d.body_override.is_some() {
        return None;
    }
    dom.html.tree.get(d.roots[0])
}

/// An element's tag and first class word; `None` for an element without
/// a class (or a node that is no element).
fn shape<'a>(n: NodeRef<'a, Node>) -> Option<(&'a str, &'a str)> {
    let el = n.value().as_element()?;
    let class = el.fattr("class")?.split_ascii_whitespace().next()?;
    Some((el.name(), class))
}

/// The posts of a thread when the one main-content root is one of them or
/// inside one: the nearest element at or above the root (the root and at
/// most [`POST_LEVELS`] - 1 ancestors) that has siblings of its shape (the same tag and the
/// same first class word: `article.message`, `div.post bg2` beside
/// `div.post bg1`), with those siblings, in document order. `None` when
/// the root has no such siblings, or the choice is not one plain root.
fn sibling_posts(dom: &super::Dom) -> Option<Vec<NodeId>> {
    let root = plain_root(dom)?;
    for node in std::iter::once(root)
        .chain(root.ancestors())
        .take(POST_LEVELS)
    {
        if node
            .value()
            .as_element()
            .is_some_and(|e| matches!(e.name(), "body" | "html"))
        {
            return None;
        }
        let Some(own) = shape(node) else {
            continue;
        };
        let parent = node.parent()?;
        let posts: Vec<NodeId> = parent
            .children()
            .filter(|c| shape(*c) == Some(own))
            .take(MAX_POSTS)
            .map(|c| c.id())
            .collect();
        if posts.len() >= 2 {
            return Some(posts);
        }
    }
    None
}

/// The parts of a page told in parts, when the one main-content root is
/// one of them or inside one (at most [`SECTION_LEVELS`] up): that element's
/// siblings of its kind (`<section>`s, or elements of its tag and first
/// class word) that each hold at least [`SECTION_CHARS`] characters of text,
/// at most half of it in links (`st`: the survey's text statistics). Only
/// when at least three qualify and the root holds at most half of their
/// text.
fn sibling_sections(dom: &super::Dom, st: &NodeTable<Stats>) -> Option<Vec<NodeId>> {
    let root = plain_root(dom)?;
    let text = |n: NodeRef<'_, Node>| {
        st.get(n.id())
            .map_or((0, 0), |s| (s.chars as usize, s.link_chars as usize))
    };
    let is_section = |n: NodeRef<'_, Node>| {
        n.value()
            .as_element()
            .is_some_and(|e| e.name() == "section")
    };
    let alike = |a: NodeRef<'_, Node>, b: NodeRef<'_, Node>| {
        (is_section(a) && is_section(b)) || (shape(a).is_some() && shape(a) == shape(b))
    };
    let node = std::iter::once(root)
        .chain(root.ancestors())
        .take(SECTION_LEVELS + 1)
        .take_while(|n| {
            n.value()
                .as_element()
                .is_some_and(|e| !matches!(e.name(), "body" | "html"))
        })
        .find(|n| {
            n.parent()
                .is_some_and(|p| p.children().filter(|c| alike(*n, *c)).count() >= 3)
        })?;
    let parent = node.parent()?;
    let mut parts = Vec::new();
    let mut total = 0;
    let mut own = 0;
    for c in parent
        .children()
        .filter(|c| alike(node, *c))
        .take(MAX_POSTS)
    {
        let (all, linked) = text(c);
        if all >= SECTION_CHARS && linked * 2 <= all {
            parts.push(c.id());
            total += all;
            if c.id() == node.id() {
                own = all;
            }
        }
    }
    let (root_chars, _) = text(root);
    (parts.len() >= 3 && own > 0 && root_chars * 2 <= total).then_some(parts)
}

/// Levels above the main-content root searched for its `<section>`.
const SECTION_LEVELS: usize = 3;
/// Text characters of a section read with its neighbours.
const SECTION_CHARS: usize = 150;

/// The posts of a Q&A page when the one main-content root is the question
/// or one of the answers: the element whose class word is `question`, then
/// every element whose class word is `answer` (outermost ones), in document
/// order. `None` unless the root is inside one of them and the page has
/// both.
fn question_and_answers(dom: &super::Dom) -> Option<Vec<NodeId>> {
    let has_word = |n: NodeRef<'_, Node>, word: &str| {
        n.value().as_element().is_some_and(|e| {
            e.fattr("class").is_some_and(|c| {
                c.split_ascii_whitespace()
                    .any(|w| w.eq_ignore_ascii_case(word))
            })
        })
    };
    let root = plain_root(dom)?;
    let body = dom
        .html
        .tree
        .root()
        .descendants()
        .find(|n| n.value().as_element().is_some_and(|e| e.name() == "body"))?;
    let mut question = None;
    let mut answers = Vec::new();
    let mut stack = vec![body];
    while let Some(n) = stack.pop() {
        if question.is_none() && has_word(n, "question") {
            question = Some(n);
            continue;
        }
        if has_word(n, "answer") {
            if answers.len() < MAX_POSTS {
                answers.push(n);
            }
            continue;
        }
        stack.extend(n.children().rev());
    }
    let question = question?;
    let within = |post: NodeRef<'_, Node>| {
        std::iter::once(root)
            .chain(root.ancestors())
            .any(|a| a.id() == post.id())
    };
    if answers.is_empty() || !(within(question) || answers.iter().any(|a| within(*a))) {
        return None;
    }
    Some(
        std::iter::once(question)
            .chain(answers)
            .map(|n| n.id())
            .collect(),
    )
}

/// The user panels and signatures inside a thread's posts: elements whose
/// class word, or a `-`/`_` part of it, is one of [`POST_CHROME_WORDS`]
/// ("message-userExtras", "post-signature", "a.username"). They frame a
/// post; they are not what its writer said.
fn post_chrome(dom: &super::Dom, posts: &[NodeId]) -> Vec<NodeId> {
    let is_chrome = |class: &str| {
        class.split_ascii_whitespace().any(|word| {
            let whole: String = word
                .chars()
                .filter(|c| *c != '-' && *c != '_')
                .flat_map(char::to_lowercase)
                .collect();
            POST_CHROME_WORDS.contains(&whole.as_str())
                || word
                    .split(['-', '_'])
                    .any(|p| POST_CHROME_WORDS.iter().any(|w| p.eq_ignore_ascii_case(w)))
        })
    };
    let mut out = Vec::new();
    for &post in posts {
        let Some(node) = dom.html.tree.get(post) else {
            continue;
        };
        let mut stack: Vec<NodeRef<'_, Node>> = node.children().collect();
        while let Some(n) = stack.pop() {
            let Some(el) = n.value().as_element() else {
                continue;
            };
            if el.fattr("class").is_some_and(is_chrome) {
                out.push(n.id());
            } else {
                stack.extend(n.children());
            }
        }
    }
    out
}

/// Class words of a post's frame: its writer's panel and signature, its
/// vote count, and the "Click to expand" link of a quoted post.
const POST_CHROME_WORDS: &[&str] = &[
    "votecell",
    "messageuser",
    "userextras",
    "usertitle",
    "userinfo",
    "username",
    "avatar",
    "postprofile",
    "signature",
    "expandlink",
];

/// Elements searched for the post the main-content root is in: the root
/// and its ancestors, this many in all.
const POST_LEVELS: usize = 6;
/// Posts of a thread read at most.
const MAX_POSTS: usize = 500;

/// The second opinion on the same tree: the removals of `log` (everything
/// since `clean.scripts-and-hidden`) are put back, the relaxed chrome rules
/// applied and the page read by paragraph scoring. When that reading wins,
/// the page stays as it read it and its notes are returned; when it loses,
/// its removals are put back and those of `log` made again, so the page,
/// its flags and the decision are as they were.
fn second_opinion(
    dom: &mut super::Dom,
    log: Vec<Removal>,
    bound: Bound<'_>,
    wild_below: u32,
) -> Option<Vec<&'static str>> {
    let Bound {
        own,
        body_chars,
        ld_body,
    } = bound;
    // What it would need to win, against the most it can hold: the text
    // of the body with every removal put back (the relaxed rules remove
    // some again, and its choice is inside the body), or the JSON-LD body.
    // When that is too little, the reading is not made: it would lose.
    let need = u64::from(own.chars).saturating_mul(2).max(500);
    let ld_chars = ld_body.map_or(0, |t| t.chars().filter(|c| !c.is_whitespace()).count());
    if (ld_chars as u64) < need && u64::from(body_chars) + dom.removed_chars(&log) < need {
        dom.trail = Trail::Logging(log);
        return None;
    }
    relaxed_reading(dom, log, own, wild_below, ld_body)
}

/// [`second_opinion`] past its bound: the reading itself.
fn relaxed_reading(
    dom: &mut super::Dom,
    log: Vec<Removal>,
    own: Yield,
    wild_below: u32,
    ld_body: Option<&str>,
) -> Option<Vec<&'static str>> {
    dom.put_back(&log);
    dom.trail = Trail::Logging(Vec::new());
    let flags = std::mem::take(&mut dom.flags);
    let decision = std::mem::take(&mut dom.decision);
    super::clean::relaxed_chrome(dom, &flags);
    let alt = survey(dom, false);
    let (alt_notes, other) = settle(dom, &alt, wild_below, ld_body);
    if second_opinion_wins(own, other) {
        return Some(alt_notes);
    }
    if let Trail::Logging(relaxed) = std::mem::take(&mut dom.trail) {
        dom.put_back(&relaxed);
    }
    dom.remove_again(&log);
    dom.trail = Trail::Logging(log);
    dom.flags = flags;
    dom.decision = decision;
    None
}

/// What the first reading gives the second opinion: its yield, the text of
/// the page it read (the body's non-space characters) and the JSON-LD body.
#[derive(Clone, Copy)]
struct Bound<'a> {
    own: Yield,
    body_chars: u32,
    ld_body: Option<&'a str>,
}

/// The second opinion replaces the first only when it holds at least twice
/// the text and a real amount of it, mostly outside links and in
/// paragraphs (a choice that grabbed a whole page of menus and cards is
/// link-dense or paragraph-poor).
fn second_opinion_wins(own: Yield, other: Yield) -> bool {
    let (o, a) = (u64::from(own.chars), u64::from(other.chars));
    a >= 500
        && a >= 2 * o
        && u64::from(other.link_chars) * 10 <= a * 4
        && u64::from(other.p_chars) * 10 >= a * 4
}

/// What one statistics pass over the page chose, before the small-result
/// band is applied ([`settle`]): the same page can be settled with more
/// than one band without another pass.
struct Survey {
    /// The statistics of every node.
    st: NodeTable<Stats>,
    /// The `<body>` (the document when there is none).
    body: NodeId,
    /// The chosen roots (a split body merged).
    roots: Vec<NodeId>,
    /// What the choice took.
    notes: Vec<&'static str>,
}

/// Chooses the main content of `dom` (its roots; [`settle`] adds wild
/// recovery and the JSON-LD body); `selectors` false leaves the container
/// selectors out and lets paragraph scoring choose.
fn survey(dom: &super::Dom, selectors: bool) -> Survey {
    let tree = &dom.html.tree;
    let body = dom
        .html
        .root_element()
        .children()
        .find(|c| c.value().as_element().is_some_and(|e| e.name() == "body"))
        .unwrap_or_else(|| tree.root());
    let body_id = body.id();
    let flags = &dom.flags;
    // One pass gives the statistics and surveys the body as it goes:
    // 1. ordered container selectors: the best rank wins; within a rank the
    //    element with the most paragraph text;
    // 2. the paragraphs that score for Readability (not inside another
    //    paragraph: `<p>` and `<pre>` are read whole).
    // Elements are left in post-order, the reverse of a walk from the body
    // down that takes the last child first; ties and the order scores add
    // up in are those of that walk: among equal containers the later
    // sibling wins, and an outer element over the one inside it.
    let mut best: Option<(u8, u32, NodeId)> = None;
    let mut paragraphs: Vec<(NodeRef<'_, Node>, f32)> = Vec::new();
    let mut in_body = false;
    // Readability reads elements only, from a `<body>` element down.
    let body_is_element = body.value().is_element();
    // `<p>`/`<pre>` elements open inside the body, the one left included.
    let mut open_paragraphs = 0u32;
    let is_p = |el: &Element| matches!(el.name(), "p" | "pre");
    let st = stats_with(&dom.html, |node, stats| {
        let Some(s) = stats else {
            // Entered.
            if node.id() == body_id {
                in_body = true;
            }
            if let Node::Element(el) = node.value() {
                if in_body && is_p(el) {
                    open_paragraphs += 1;
                }
            }
            return;
        };
        if !in_body {
            return;
        }
        if let Node::Element(el) = node.value() {
            if let Some(rank) =
                container_rank(el, cached_flags(flags, node.id(), el)).filter(|_| selectors)
            {
                let p = s.p_chars;
                if p >= MIN_CONTAINER_CHARS
                    && best.is_none_or(|(r, bp, _)| rank < r || (rank == r && p >= bp))
                {
                    best = Some((rank, p, node.id()));
                }
            }
            let p = is_p(el);
            if body_is_element && open_paragraphs == u32::from(p) {
                if let Some(score) = paragraph_score(el.name(), s) {
                    paragraphs.push((node, score));
                }
            }
            if p {
                open_paragraphs = open_paragraphs.saturating_sub(1);
            }
        }
        if node.id() == body_id {
            in_body = false;
        }
    });

    let rb = readability_best(paragraphs.into_iter().rev(), &st, flags);
    let p_of = |id: NodeId| st.get(id).map_or(0, |s| s.p_chars);
    let mut notes = Vec::new();
    let chosen = match (best, rb) {
        (Some((_, p, id)), Some(r))
            if p_of(r) > 2 * p && !is_ancestor(tree, r, id) && !is_ancestor(tree, id, r) =>
        {
            notes.push("readability candidate replaced the container selector (much more text)");
            Some(r)
        }
        (Some((_, _, id)), _) => Some(id),
        (None, Some(r)) => {
            notes.push("no container selector matched; readability scoring chose the body");
            Some(r)
        }
        (None, None) => None,
    };

    let roots = match chosen {
        Some(id) => split_parts(tree, id, &st),
        None => Vec::new(),
    };
    if roots.len() > 1 {
        notes.push("merged a split body");
    }
    Survey {
        st,
        body: body_id,
        roots,
        notes,
    }
}

/// Settles the choice of `survey` on `dom` with the small-result band
/// `wild_below` (wild `<p>` recovery below it) and the JSON-LD body
/// `ld_body` (used when much longer than the DOM text), writing the roots
/// into the decision. Returns the notes and what the choice holds.
fn settle(
    dom: &mut super::Dom,
    survey: &Survey,
    wild_below: u32,
    ld_body: Option<&str>,
) -> (Vec<&'static str>, Yield) {
    let st = &survey.st;
    let mut notes = survey.notes.clone();
    let mut roots = survey.roots.clone();
    let total: u32 = roots
        .iter()
        .map(|id| st.get(*id).map_or(0, |s| s.chars))
        .sum();
    // Below this much text the result is "too small": wild `<p>` recovery,
    // when the page's paragraphs hold more than the result (more than twice
    // as much once the result is more than a scrap: a short post or a
    // product blurb is not replaced by every paragraph of the page).
    if total < wild_below {
        let body_st = st.get(survey.body).copied().unwrap_or_default();
        let body_p = body_st.p_chars;
        // Paragraphs of running text: several `<p>`s, not a front page's
        // teaser blurbs (nor one prompt next to embedded posts, whose
        // `<blockquote>`s count as paragraph text too).
        let prose = body_st.paragraphs >= PROSE_PARAGRAPHS
            && body_p >= PROSE_PARAGRAPH_CHARS * body_st.paragraphs;
        if body_p > total && (total < SCRAP_CHARS || (body_p >= 2 * total && prose)) {
            notes.push("result too small; recovered wild <p> text from the page");
            roots = vec![survey.body];
            dom.decision.wild = true;
        }
    }

    // 3. JSON-LD articleBody when much longer than the DOM text.
    let dom_chars: u32 = roots
        .iter()
        .map(|id| st.get(*id).map_or(0, |s| s.p_chars))
        .sum();
    if let Some(text) = ld_body {
        let ld_chars = text.chars().filter(|c| !c.is_whitespace()).count();
        if ld_chars >= 500 && ld_chars as f64 > 2.0 * dom_chars as f64 {
            notes.push("JSON-LD articleBody is much longer than the DOM text; used it");
            dom.decision.body_override = Some(text.to_owned());
        }
    }
    let mut got = roots.iter().fold(Yield::default(), |y, id| {
        let s = st.get(*id).copied().unwrap_or_default();
        Yield {
            chars: y.chars + s.chars,
            p_chars: y.p_chars + s.p_chars,
            link_chars: y.link_chars + s.link_chars,
        }
    });
    if dom.decision.wild {
        // Only paragraphs are read.
        got.chars = got.p_chars;
    }
    if let Some(text) = dom.decision.body_override.as_deref() {
        let n = text.chars().filter(|c| !c.is_whitespace()).count() as u32;
        got = Yield {
            chars: n,
            p_chars: n,
            link_chars: 0,
        };
    }
    dom.decision.roots = roots;
    (notes, got)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The negative list as it was before it was composed from the groups of
    /// `base::tokens`: the same set of words.
    #[test]
    fn negative_words_are_the_same_set() {
        use std::collections::BTreeSet;
        let before: BTreeSet<&str> = [
            "hidden",
            "banner",
            "combx",
            "comment",
            "com",
            "contact",
            "foot",
            "footer",
            "footnote",
            "gdpr",
            "masthead",
            "media",
            "meta",
            "outbrain",
            "promo",
            "related",
            "scroll",
            "share",
            "shoutbox",
            "sidebar",
            "skyscraper",
            "sponsor",
            "shopping",
            "tags",
            "widget",
            "teaser",
            "card",
        ]
        .into_iter()
        .collect();
        let now: BTreeSet<&str> = NEGATIVE.iter().copied().collect();
        assert_eq!(now, before);
        assert_eq!(NEGATIVE.len(), before.len(), "no word twice");
    }
    use scraper::Html;

    fn rank(html: &str) -> Option<u8> {
        let doc = Html::parse_fragment(html);
        let el = doc
            .root_element()
            .first_child()
            .and_then(scraper::ElementRef::wrap)
            .expect("element");
        container_rank(el.value(), super::super::token_flags(el.value()))
    }

    #[test]
    fn container_ranks() {
        assert_eq!(rank(r#"<div itemprop="articleBody">x</div>"#), Some(0));
        assert_eq!(
            rank(r#"<div class="c-article-body--wide">x</div>"#),
            Some(1)
        );
        assert_eq!(
            rank(r#"<div class="entry-content clearfix">x</div>"#),
            Some(1)
        );
        assert_eq!(rank("<article>x</article>"), Some(2));
        assert_eq!(rank("<main>x</main>"), Some(3));
        assert_eq!(rank(r#"<div class="headline">x</div>"#), None);
        assert_eq!(rank(r#"<p class="bodytext">x</p>"#), None);
    }

    fn body(page: &str) -> String {
        crate::extract(page).expect("article").body_text()
    }

    #[test]
    fn equal_containers_the_later_sibling_and_the_outer_one_win() {
        let para = |w: &str| {
            format!(
                "<p>{}</p>",
                format!("{w} words fill this paragraph. ").repeat(12)
            )
        };
        // Two body containers of one rank and as much text: the later one.
        let siblings = format!(
            "<html><body><div><div class=\"article-body\">{}</div><div class=\"story-body\">{}</div></div></body></html>",
            para("First"),
            para("Second")
        );
        let text = body(&siblings);
        assert!(text.starts_with("Second words"), "{text}");
        assert!(!text.contains("First words"), "{text}");
        // One inside the other with the same text: the outer one, and so
        // the paragraph before the inner one too.
        let nested = format!(
            "<html><body><div class=\"entry-content\"><h2>Kicker</h2><div class=\"post-content\">{}</div></div></body></html>",
            para("Inner")
        );
        let text = body(&nested);
        assert!(text.contains("Inner words"), "{text}");
        let (article, _) = crate::Extractor::default()
            .extract_with_report(nested.as_str())
            .expect("article");
        let headings: Vec<_> = article
            .sections
            .iter()
            .filter_map(|s| s.heading.as_deref())
            .collect();
        assert_eq!(headings, ["Kicker"], "{article:?}");
    }

    /// Paragraph `n` of a synthetic story, long enough to read as prose.
    fn relay_paragraph(n: usize) -> String {
        format!(
            "<p>Stage {n} of the relay leaves the square before sunrise, climbs the \
             switchbacks above the reservoir, crosses the ridge in the wind and drops \
             to the valley where the next team waits with water, bread and a dry shirt \
             for every runner who makes it down.</p>"
        )
    }

    #[test]
    fn a_story_inside_a_chrome_named_wrapper_gets_a_second_opinion() {
        let para = relay_paragraph;
        let story: String = (1..=6).map(para).collect();
        // The page wrapper's class names the sidebar beside the story: the
        // clean stage removes it with the story inside, leaving a teaser.
        let page = format!(
            "<html><body><div class=\"with-sidebar-layout\"><div class=\"main\">\
             <h1>Relay over the ridge</h1>{story}</div></div>\
             <div class=\"promo-box\"><p><a href=\"/x\">Subscribe</a> for the results.</p></div>\
             </body></html>"
        );
        let (article, report) = crate::Extractor::default()
            .extract_with_report(page.as_str())
            .expect("article");
        assert!(
            article.text.contains("Stage 6 of the relay"),
            "{}",
            article.text
        );
        assert!(
            report.notes.iter().any(|n| n.contains("second opinion")),
            "{:?}",
            report.notes
        );
    }

    #[test]
    fn the_second_opinion_needs_twice_the_text_and_prose() {
        let y = |chars, p_chars, link_chars| Yield {
            chars,
            p_chars,
            link_chars,
        };
        assert!(second_opinion_wins(y(100, 100, 0), y(3000, 2500, 200)));
        // Not twice as long.
        assert!(!second_opinion_wins(y(1500, 1500, 0), y(2900, 2900, 0)));
        // Too small to be an article either way.
        assert!(!second_opinion_wins(y(0, 0, 0), y(400, 400, 0)));
        // A page of links, or of text outside paragraphs (menus, cards).
        assert!(!second_opinion_wins(y(100, 100, 0), y(3000, 2500, 1500)));
        assert!(!second_opinion_wins(y(100, 100, 0), y(3000, 900, 0)));
    }

    /// `page` parsed and put through the clean stage as the pipeline does.
    fn cleaned(page: &str, comments: bool) -> super::super::Dom {
        let limits = crate::Limits::default();
        let cx = Context {
            url: None,
            limits: &limits,
            favor: crate::favor::Favor::Balanced,
            comments,
        };
        let mut draft = Draft::new(crate::heuristic::InputKind::Html, page.to_owned());
        draft.dom = Some(super::super::Dom::parse(page.into(), &limits).0);
        super::super::clean::scripts_and_hidden(&mut draft, &cx).expect("clean");
        super::super::clean::boilerplate(&mut draft, &cx).expect("clean");
        draft.dom.expect("dom")
    }

    /// Pages whose clean stage removes nodes in many places: first, last
    /// and neighbouring children, chrome around the story, a `<noscript>`
    /// view grafted in, comment microdata taken out of the story.
    fn trail_pages() -> Vec<String> {
        let para = relay_paragraph;
        let story: String = (1..=5).map(para).collect();
        vec![
            format!(
                "<html><head><title>t</title><script>var x;</script></head><body>\
                 <nav><a href=\"/\">Home</a></nav><div class=\"share\">Share</div>\
                 <div class=\"with-sidebar-layout\"><div class=\"ad\">Ad</div><div class=\"main\">\
                 <h1>Relay</h1>{story}<div class=\"newsletter\">Sign up</div></div>\
                 <aside>Other</aside></div><footer>Footer</footer><div class=\"cookie\">Ok</div>\
                 </body></html>"
            ),
            format!(
                "<html><body><header><p>Top</p></header><div id=\"app\"></div>\
                 <noscript><div class=\"crawler\"><nav>Menu</nav><h1>Relay</h1>{story}\
                 <div class=\"promo\">Buy</div></div></noscript>\
                 <form><div class=\"sidebar\"><p>Hi</p></div></form></body></html>"
            ),
            format!(
                "<html><body><article><h1>Relay</h1>{story}\
                 <div itemscope itemtype=\"https://schema.org/Comment\">\
                 <span itemprop=\"author\">Ann</span><p itemprop=\"text\">Great run, well done \
                 to every team that made it over the ridge this year.</p></div>\
                 <div class=\"tags\">a b</div></article>\
                 <div class=\"related\"><a href=\"/r\">More</a></div></body></html>"
            ),
        ]
    }

    /// The page read again from the source, as the second opinion did
    /// before it put the clean stage's removals back.
    fn parsed_again(page: &str) -> (super::super::Dom, Yield) {
        let limits = crate::Limits::default();
        let (mut alt, _) = super::super::Dom::parse(page.into(), &limits);
        super::super::clean::relaxed(&mut alt, &limits);
        let ld = json_ld_body(&alt.json_ld);
        let s = survey(&alt, false);
        let (_, y) = settle(&mut alt, &s, 500, ld.as_deref());
        (alt, y)
    }

    #[test]
    fn the_second_opinion_on_the_same_tree_is_the_page_parsed_again() {
        for page in trail_pages() {
            for comments in [false, true] {
                let (alt, alt_yield) = parsed_again(&page);
                let mut dom = cleaned(&page, comments);
                let Trail::Logging(log) = std::mem::take(&mut dom.trail) else {
                    panic!("no trail");
                };
                assert!(!log.is_empty(), "{page}");
                let ld = json_ld_body(&dom.json_ld);
                let first = survey(&dom, true);
                let body_chars = first.st.get(first.body).map_or(0, |s| s.chars);
                // Nothing chosen before: the relaxed reading wins.
                let bound = Bound {
                    own: Yield::default(),
                    body_chars,
                    ld_body: ld.as_deref(),
                };
                let won = second_opinion(&mut dom, log, bound, 500);
                assert!(won.is_some(), "{alt_yield:?} {page}");
                assert_eq!(dom.html.html(), alt.html.html(), "{page}");
                assert_eq!(dom.html.tree.values().len(), alt.html.tree.values().len());
                assert_eq!(dom.decision.roots, alt.decision.roots, "{page}");
                assert!(alt_yield.chars >= 500, "{page}");
                let boxes = |d: &super::super::Dom| {
                    d.decision
                        .boxes
                        .iter()
                        .map(|(id, k)| (*id, *k))
                        .collect::<Vec<_>>()
                };
                assert_eq!(boxes(&dom), boxes(&alt), "{page}");
            }
        }
    }

    #[test]
    fn a_losing_second_opinion_leaves_the_page_as_it_was() {
        for page in trail_pages() {
            for comments in [false, true] {
                let mut dom = cleaned(&page, comments);
                let s = survey(&dom, true);
                let ld = json_ld_body(&dom.json_ld);
                settle(&mut dom, &s, 250, ld.as_deref());
                let html = dom.html.html();
                let decision = format!("{:?}", dom.decision);
                let flags: Vec<u32> = dom
                    .html
                    .tree
                    .nodes()
                    .map(|n| dom.flags.get(n.id()).copied().unwrap_or(0))
                    .collect();
                // A first reading no second one can beat: read in full, and
                // stopped at the bound.
                let own = Yield {
                    chars: u32::MAX / 4,
                    p_chars: 0,
                    link_chars: 0,
                };
                for bounded in [false, true] {
                    let Trail::Logging(log) = std::mem::take(&mut dom.trail) else {
                        panic!("no trail");
                    };
                    let removed = log.len();
                    let won = if bounded {
                        let bound = Bound {
                            own,
                            body_chars: 0,
                            ld_body: ld.as_deref(),
                        };
                        second_opinion(&mut dom, log, bound, 500)
                    } else {
                        relaxed_reading(&mut dom, log, own, 500, ld.as_deref())
                    };
                    assert!(won.is_none());
                    assert_eq!(dom.html.html(), html, "{page}");
                    assert_eq!(format!("{:?}", dom.decision), decision, "{page}");
                    let after: Vec<u32> = dom
                        .html
                        .tree
                        .nodes()
                        .map(|n| dom.flags.get(n.id()).copied().unwrap_or(0))
                        .collect();
                    assert_eq!(after, flags, "{page}");
                    assert!(matches!(&dom.trail, Trail::Logging(l) if l.len() == removed));
                }
            }
        }
    }

    #[test]
    fn json_ld_body_found_in_graph() {
        let s =
            vec![r#"{"@graph":[{"@type":"NewsArticle","articleBody":"Hello there."}]}"#.to_owned()];
        assert_eq!(json_ld_body(&s).as_deref(), Some("Hello there."));
        assert_eq!(json_ld_body(&["not json".to_owned()]), None);
        // The key spelt with escapes is the same key.
        let s = vec![r#"{"article\u0042ody":"Escaped key."}"#.to_owned()];
        assert_eq!(json_ld_body(&s).as_deref(), Some("Escaped key."));
        let s = vec![r#"{"headline":"No body here."}"#.to_owned()];
        assert_eq!(json_ld_body(&s), None);
    }
}
