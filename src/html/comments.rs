//! Comments on request ([`ExtractorBuilder::comments`](crate::ExtractorBuilder::comments)):
//! the page's comment section read into [`Comment`]s before the clean stage
//! removes it.
//!
//! Where comments are found, in this order:
//!
//! 1. items in the page: elements with `Comment` microdata
//!    (`itemtype=".../Comment"`), elements whose class/id word is a single
//!    comment (`comment`, `comment-item`, `single-comment`, ...), and, in a
//!    comment section (`#comments`, `.comment-list`, `.commentlist`,
//!    `#disqus_thread`, `.comments-section`, ...) that has none of those,
//!    the items of its lists (`ol.commentlist > li`);
//! 2. else JSON-LD `comment` entries (`{"@type": "Comment", "text": ...}`).
//!
//! Each item gives one [`Comment`]: the author from `itemprop=author`,
//! `.comment-author`, `.fn`, `.username`...; the date from
//! `time[datetime]`, `itemprop=datePublished` or a date line; the text from
//! `.comment-content` / `itemprop=text` when marked, else the item's words
//! without its author line, date, reply list and action links ("Reply",
//! "Report", "Like"). Replies nested in a comment are comments of their
//! own, not part of their parent's text.
//!
//! Items the clean stage removes anyway (those with a comment class word or
//! inside such a section) are left to it; the others (`Comment` microdata in
//! the story) are taken out of the page here, so comment words do not reach
//! the body, unless the page is a thread whose posts are its content (its
//! JSON-LD says forum or Q&A, or the items hold half of the page's text or
//! more). Comments the body holds are not repeated in the list
//! ([`super::settle_comments`]).

use ego_tree::{NodeId, NodeRef};
use scraper::Node;
use scraper::node::Element;

use super::{FastAttr, flag, token_flags};
use crate::model::Comment;

/// Class/id words (separators removed) of a whole comment section.
const SECTION_WORDS: &[&str] = &[
    "comments",
    "commentlist",
    "commentslist",
    "commentsection",
    "commentssection",
    "commentarea",
    "commentsarea",
    "commentswrapper",
    "commentswidget",
    "commentwidget",
    "commentsblock",
    "commentthread",
    "commentthreads",
    "disqusthread",
    "readercomments",
    "usercomments",
];

/// Class/id words (separators removed) of one comment.
const ITEM_WORDS: &[&str] = &[
    "comment",
    "commentitem",
    "commententry",
    "commentcard",
    "commentcontainer",
    "singlecomment",
    "usercomment",
    "readercomment",
];

/// Words of the element holding a comment's own text.
const TEXT_WORDS: &[&str] = &[
    "commentcontent",
    "commenttext",
    "commentmessage",
    "commentbodytext",
    "commenttextbody",
    "messagebody",
    "posttext",
];

/// Words of the element holding the commenter's name.
const AUTHOR_WORDS: &[&str] = &[
    "commentauthor",
    "commentauthorname",
    "commentername",
    "authorname",
    "fn",
    "username",
    "nickname",
    "author",
];

/// Words of an element holding the comment's date.
const DATE_WORDS: &[&str] = &[
    "commentdate",
    "commenttime",
    "commentmetadata",
    "date",
    "timestamp",
    "time",
];

/// Words of the parts of a comment that are not its text: the header with
/// the author and date, the footer with the actions, the reply form.
const CHROME_WORDS: &[&str] = &[
    "commentmeta",
    "commentmetadata",
    "commentheader",
    "commentfooter",
    "commentactions",
    "commentreply",
    "commentreplylink",
    "replylink",
    "reply",
    "actions",
    "toolbar",
    "vcard",
    "avatar",
    "votes",
    "commentrespond",
    "respond",
];

/// Link or button texts that are actions on a comment, not its words.
const ACTION_TEXTS: &[&str] = &[
    "reply",
    "report",
    "like",
    "share",
    "flag",
    "permalink",
    "edit",
    "delete",
    "quote",
    "upvote",
    "downvote",
    "report abuse",
    "reply to this comment",
    "cancel reply",
    "responder",
    "répondre",
    "antworten",
    "rispondi",
];

/// Longest author name kept (characters); longer is not a name line.
const MAX_AUTHOR_CHARS: usize = 80;

/// Elements that start a new paragraph of a comment's text.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "li"
            | "blockquote"
            | "pre"
            | "ul"
            | "ol"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "section"
            | "article"
            | "table"
            | "tr"
            | "dd"
            | "dt"
    )
}

/// Calls `f` with every whole class/id word of the element, lower-cased and
/// without separators.
fn words_of(el: &Element, mut f: impl FnMut(&str) -> bool) -> bool {
    let mut buf = String::new();
    el.attrs()
        .filter(|(name, _)| matches!(*name, "class" | "id"))
        .any(|(_, value)| {
            value.split_whitespace().any(|w| {
                buf.clear();
                buf.extend(
                    w.chars()
                        .filter(|c| *c != '-' && *c != '_')
                        .flat_map(char::to_lowercase),
                );
                // "comment-42": the number is an id.
                f(buf.trim_end_matches(|c: char| c.is_ascii_digit()))
            })
        })
}

fn has_word(el: &Element, table: &[&str]) -> bool {
    words_of(el, |w| table.contains(&w))
}

fn itemtype_is(el: &Element, ty: &str) -> bool {
    el.fattr("itemtype").is_some_and(|t| {
        t.split_whitespace().any(|t| {
            t.rsplit('/')
                .next()
                .is_some_and(|x| x.eq_ignore_ascii_case(ty))
        })
    })
}

fn itemprop_is(el: &Element, prop: &str) -> bool {
    el.fattr("itemprop")
        .is_some_and(|p| p.split_whitespace().any(|p| p.eq_ignore_ascii_case(prop)))
}

/// True when the element is one comment.
fn is_item(el: &Element) -> bool {
    if itemtype_is(el, "Comment") {
        return true;
    }
    !matches!(
        el.name(),
        "a" | "span" | "time" | "p" | "body" | "html" | "main"
    ) && has_word(el, ITEM_WORDS)
}

/// True when the element is a comment section.
fn is_section(el: &Element) -> bool {
    !matches!(el.name(), "body" | "html" | "main") && has_word(el, SECTION_WORDS)
}

/// True when an element can never be inside a comment: the page's own
/// article or main content.
fn holds_article(node: NodeRef<'_, Node>) -> bool {
    node.descendants().any(|d| {
        d.value()
            .as_element()
            .is_some_and(|e| matches!(e.name(), "main" | "h1") || itemprop_is(e, "articleBody"))
    })
}

/// True when the JSON-LD says the page is a discussion or a Q&A page.
fn forum_page(json_ld: &[String]) -> bool {
    super::page_type::json_ld_types(json_ld).iter().any(|t| {
        matches!(
            t.as_str(),
            "DiscussionForumPosting" | "QAPage" | "Question" | "SocialMediaPosting"
        )
    })
}

/// Reads the comments of `dom` and takes them out of the page (see the
/// module docs). `base` resolves their links.
pub(crate) fn take(dom: &mut super::Dom, base: Option<&str>) -> Vec<Comment> {
    let forum = forum_page(&dom.json_ld);
    let items = find_items(dom);
    let set: Items = items.iter().map(|(id, _)| *id).collect();
    let mut out = Vec::new();
    let mut taken = Vec::new();
    for &(id, in_dropped) in &items {
        let Some(node) = dom.html.tree.get(id) else {
            continue;
        };
        if let Some(c) = read_item(node, &set, base) {
            out.push(c);
        }
        // What the clean stage removes anyway is left to it; the others
        // (`Comment` microdata in the story) are taken out here. Nested
        // items go with the outer one.
        let nested = node.ancestors().any(|a| set.contains(&a.id()));
        if !in_dropped && !nested {
            taken.push(id);
        }
    }
    if out.is_empty() {
        out = from_json_ld(&dom.json_ld, base);
    }
    out.dedup_by(|a, b| a.text == b.text && a.author == b.author);
    // A thread whose posts are marked up as comments (a forum, a Q&A page:
    // by its JSON-LD, or by the posts holding most of the page's text) is
    // the content: nothing is taken out.
    let chars = |n: NodeRef<'_, Node>| -> usize {
        n.descendants()
            .filter_map(|d| d.value().as_text())
            .map(|t| t.chars().filter(|c| !c.is_whitespace()).count())
            .sum()
    };
    let page = chars(dom.html.tree.root());
    let in_items: usize = taken
        .iter()
        .filter_map(|id| dom.html.tree.get(*id))
        .map(chars)
        .sum();
    if forum || in_items * 2 >= page {
        return out;
    }
    for id in taken {
        dom.remove(id);
    }
    out
}

/// The comment items in document order, outer ones included with their
/// replies; with each, whether the clean stage would remove it anyway (it
/// or an ancestor carries a discard word).
fn find_items(dom: &super::Dom) -> Vec<(NodeId, bool)> {
    let mut items = Vec::new();
    // Sections whose items are their list items: (section, has items).
    let mut sections: Vec<NodeId> = Vec::new();
    // (node, ancestor dropped, ancestor section, inside an item)
    let root = dom.html.tree.root();
    let mut stack = vec![(root, false, false)];
    while let Some((node, dropped, in_section)) = stack.pop() {
        let mut dropped = dropped;
        let mut in_section = in_section;
        if let Node::Element(el) = node.value() {
            let bits = token_flags(el);
            dropped |= bits & (flag::DISCARD | flag::WHOLE_DISCARD) != 0;
            if is_item(el) && !holds_article(node) {
                items.push((node.id(), dropped));
            } else if !in_section && is_section(el) && !holds_article(node) {
                sections.push(node.id());
                in_section = true;
            }
        }
        for c in node.children().rev() {
            if c.value().is_element() {
                stack.push((c, dropped, in_section));
            }
        }
    }
    // A section with no marked item: its list items are the comments.
    for s in sections {
        let Some(section) = dom.html.tree.get(s) else {
            continue;
        };
        let inside = |id: NodeId| {
            dom.html
                .tree
                .get(id)
                .is_some_and(|n| n.ancestors().any(|a| a.id() == s))
        };
        if items.iter().any(|(id, _)| inside(*id)) {
            continue;
        }
        let dropped = section
            .ancestors()
            .chain(std::iter::once(section))
            .filter_map(|a| a.value().as_element())
            .any(|e| token_flags(e) & (flag::DISCARD | flag::WHOLE_DISCARD) != 0);
        let Some(list) = section.descendants().find(|d| {
            d.value()
                .as_element()
                .is_some_and(|e| matches!(e.name(), "ol" | "ul"))
        }) else {
            continue;
        };
        for li in list.children() {
            if li.value().as_element().is_some_and(|e| e.name() == "li") {
                items.push((li.id(), dropped));
            }
        }
    }
    // Document order: by the position in a pre-order walk.
    let order: std::collections::HashMap<NodeId, usize> = root
        .descendants()
        .enumerate()
        .map(|(i, n)| (n.id(), i))
        .collect();
    items.sort_by_key(|(id, _)| order.get(id).copied().unwrap_or(usize::MAX));
    items.dedup_by_key(|(id, _)| *id);
    items
}

/// True when `node` is one of the items (other than `own`).
fn is_other_item(node: NodeRef<'_, Node>, own: NodeId, items: &Items) -> bool {
    node.id() != own && items.contains(&node.id())
}

/// The items' ids, for membership tests.
type Items = std::collections::HashSet<NodeId>;

/// The first element under `item` (not inside a nested item) that `want`
/// accepts.
fn find_in<'a>(
    item: NodeRef<'a, Node>,
    items: &Items,
    want: impl Fn(&Element) -> bool,
) -> Option<NodeRef<'a, Node>> {
    let mut stack: Vec<NodeRef<'a, Node>> = item.children().rev().collect();
    while let Some(n) = stack.pop() {
        if is_other_item(n, item.id(), items) {
            continue;
        }
        if let Some(el) = n.value().as_element() {
            if want(el) {
                return Some(n);
            }
        }
        stack.extend(n.children().rev());
    }
    None
}

fn read_item(item: NodeRef<'_, Node>, items: &Items, base: Option<&str>) -> Option<Comment> {
    let author_el = find_in(item, items, |e| itemprop_is(e, "author"))
        .or_else(|| find_in(item, items, |e| has_word(e, AUTHOR_WORDS)));
    let author = author_el.and_then(|a| {
        let named = find_in(a, &Items::new(), |e| itemprop_is(e, "name")).unwrap_or(a);
        let name = plain(named);
        let name = name
            .trim_end_matches(':')
            .trim_end()
            .trim_end_matches(" says")
            .trim_end_matches(" said")
            .trim()
            .to_owned();
        (!name.is_empty() && name.chars().count() <= MAX_AUTHOR_CHARS).then_some(name)
    });
    let time_el = find_in(item, items, |e| {
        e.name() == "time" || itemprop_is(e, "datePublished") || itemprop_is(e, "dateCreated")
    });
    let published = time_el
        .and_then(|t| {
            let el = t.value().as_element()?;
            el.fattr("datetime")
                .or_else(|| el.fattr("content"))
                .and_then(crate::grammar::parse_date)
                .or_else(|| crate::grammar::parse_date(&plain(t)))
        })
        .or_else(|| {
            find_in(item, items, |e| has_word(e, DATE_WORDS))
                .and_then(|d| crate::grammar::parse_date(&plain(d)))
        });
    // The permalink: the link around the date, else a link to the item's
    // anchor.
    let url = time_el
        .and_then(|t| {
            t.ancestors()
                .take_while(|a| a.id() != item.id())
                .find_map(|a| a.value().as_element().filter(|e| e.name() == "a"))
                .and_then(|a| a.fattr("href"))
        })
        .or_else(|| {
            find_in(item, items, |e| {
                e.name() == "a"
                    && (has_word(e, &["permalink", "commentpermalink", "commentlink"])
                        || e.fattr("href").is_some_and(|h| {
                            h.contains("#comment") && !h.contains("respond") && !h.contains("reply")
                        }))
            })
            .and_then(|a| a.value().as_element().and_then(|e| e.fattr("href")))
        })
        .and_then(|h| crate::base::url::resolve(base, h));
    let region = find_in(item, items, |e| {
        itemprop_is(e, "text") || itemprop_is(e, "commentText") || has_word(e, TEXT_WORDS)
    });
    let skip_author = author_el.map(|a| a.id());
    let text = match region {
        Some(r) => text_of(r, items, None),
        None => text_of(item, items, skip_author),
    };
    if text.is_empty() {
        return None;
    }
    let mut c = Comment::new(text);
    c.author = author;
    c.published = published;
    c.url = url;
    Some(c)
}

/// The element's words on one line.
fn plain(node: NodeRef<'_, Node>) -> String {
    let mut s = String::new();
    for d in node.descendants() {
        if let Node::Text(t) = d.value() {
            s.push_str(t);
            s.push(' ');
        }
    }
    crate::base::collapse_whitespace(&s)
}

/// True for a part of a comment that is not its words.
fn is_chrome(node: NodeRef<'_, Node>) -> bool {
    let Some(el) = node.value().as_element() else {
        return false;
    };
    match el.name() {
        "header" | "footer" | "form" | "button" | "input" | "textarea" | "select" | "nav"
        | "script" | "style" | "noscript" | "svg" | "img" | "time" => return true,
        _ => {}
    }
    if has_word(el, CHROME_WORDS) || has_word(el, DATE_WORDS) {
        return true;
    }
    if matches!(el.name(), "a" | "span" | "div") {
        if let Some(t) = short_text(node, 32) {
            let t = t.to_lowercase();
            let t = t.trim_matches(|c: char| !c.is_alphanumeric());
            if ACTION_TEXTS.contains(&t) {
                return true;
            }
        }
    }
    false
}

/// The element's words on one line when they are at most `cap` bytes
/// (the walk stops there).
fn short_text(node: NodeRef<'_, Node>, cap: usize) -> Option<String> {
    let mut s = String::new();
    for d in node.descendants() {
        if let Node::Text(t) = d.value() {
            s.push_str(t);
            s.push(' ');
            if s.len() > cap * 4 {
                return None;
            }
        }
    }
    let s = crate::base::collapse_whitespace(&s);
    (s.len() <= cap).then_some(s)
}

/// The text of `root`: its paragraphs, blank-line separated, without
/// nested items, `skip` and the [`is_chrome`] parts.
fn text_of(root: NodeRef<'_, Node>, items: &Items, skip: Option<NodeId>) -> String {
    enum Step<'a> {
        Enter(NodeRef<'a, Node>),
        Leave,
    }
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, paragraphs: &mut Vec<String>| {
        let p = crate::base::collapse_whitespace(current);
        if !p.is_empty() {
            paragraphs.push(p);
        }
        current.clear();
    };
    let mut stack = vec![Step::Enter(root)];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Leave => {
                flush(&mut current, &mut paragraphs);
                continue;
            }
            Step::Enter(n) => n,
        };
        if node.id() != root.id()
            && (Some(node.id()) == skip || is_other_item(node, root.id(), items) || is_chrome(node))
        {
            continue;
        }
        match node.value() {
            Node::Text(t) => current.push_str(t),
            Node::Element(el) => {
                if el.name() == "br" {
                    current.push(' ');
                }
                if is_block(el.name()) {
                    flush(&mut current, &mut paragraphs);
                    stack.push(Step::Leave);
                }
                stack.extend(node.children().rev().map(Step::Enter));
            }
            _ => {}
        }
    }
    flush(&mut current, &mut paragraphs);
    paragraphs.retain(|p| !is_counter_or_age(p));
    paragraphs.join("\n\n")
}

/// A line that is a vote count or a relative time ("12", "4 years ago",
/// "1d"), not words of the comment.
fn is_counter_or_age(p: &str) -> bool {
    static AGE: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(|| {
        regex::Regex::new(
            r"(?i)^(\d+([.,]\d+)?\s*[km]?|\d+\s*(s|m|h|d|w|y|mo|yr|sec|secs|min|mins|hr|hrs|seconds?|minutes?|hours?|days?|weeks?|months?|years?)(\s+ago)?|(an?|one)\s+(second|minute|hour|day|week|month|year)\s+ago|just now|yesterday)$",
        )
        .expect("AGE")
    });
    AGE.is_match(p.trim())
}

/// JSON-LD `comment` entries (iterative walk over every script).
fn from_json_ld(scripts: &[String], base: Option<&str>) -> Vec<Comment> {
    use serde_json::Value;
    let mut out = Vec::new();
    for script in scripts {
        let Ok(value) = serde_json::from_str::<Value>(script.trim()) else {
            continue;
        };
        let mut stack = vec![&value];
        while let Some(v) = stack.pop() {
            match v {
                Value::Object(map) => {
                    let is_comment = map.get("@type").is_some_and(|t| match t {
                        Value::String(s) => s == "Comment",
                        Value::Array(a) => a.iter().any(|s| s.as_str() == Some("Comment")),
                        _ => false,
                    });
                    if is_comment {
                        if let Some(c) = json_ld_comment(map, base) {
                            out.push(c);
                        }
                    }
                    // Reverse so the pops keep the page's order.
                    let mut children: Vec<&Value> = map.values().collect();
                    children.reverse();
                    stack.extend(children);
                }
                Value::Array(items) => stack.extend(items.iter().rev()),
                _ => {}
            }
        }
    }
    out
}

fn json_ld_comment(
    map: &serde_json::Map<String, serde_json::Value>,
    base: Option<&str>,
) -> Option<Comment> {
    use serde_json::Value;
    let text = map
        .get("text")
        .or_else(|| map.get("description"))
        .and_then(Value::as_str)?;
    let text: Vec<String> = text
        .split("\n\n")
        .map(crate::base::collapse_whitespace)
        .filter(|p| !p.is_empty())
        .collect();
    if text.is_empty() {
        return None;
    }
    let mut c = Comment::new(text.join("\n\n"));
    c.author = match map.get("author") {
        Some(Value::String(s)) => Some(s.trim().to_owned()),
        Some(Value::Object(a)) => a
            .get("name")
            .and_then(Value::as_str)
            .map(|s| s.trim().to_owned()),
        Some(Value::Array(a)) => a.first().and_then(|x| match x {
            Value::String(s) => Some(s.trim().to_owned()),
            Value::Object(o) => o
                .get("name")
                .and_then(Value::as_str)
                .map(|s| s.trim().to_owned()),
            _ => None,
        }),
        _ => None,
    }
    .filter(|s| !s.is_empty() && s.chars().count() <= MAX_AUTHOR_CHARS);
    c.published = map
        .get("datePublished")
        .or_else(|| map.get("dateCreated"))
        .and_then(Value::as_str)
        .and_then(crate::grammar::parse_date);
    c.url = map
        .get("url")
        .and_then(Value::as_str)
        .and_then(|u| crate::base::url::resolve(base, u));
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comments(page: &str) -> (Vec<Comment>, String) {
        let (mut dom, _) = super::super::Dom::parse(page.into(), &crate::Limits::default());
        let c = take(&mut dom, Some("https://blog.example/post"));
        (c, dom.html.root_element().text().collect())
    }

    #[test]
    fn nested_replies_are_their_own_comments() {
        let (c, rest) = comments(
            r#"<html><body><ol class="commentlist">
            <li class="comment" id="comment-1"><div class="comment-author vcard"><cite class="fn">Ana</cite> says:</div>
              <div class="comment-meta"><a href="/post#comment-1"><time datetime="2024-03-02T10:00:00+00:00">March 2, 2024</time></a></div>
              <div class="comment-content"><p>First words.</p><p>Second words.</p></div>
              <div class="reply"><a class="comment-reply-link" href="?replytocom=1">Reply</a></div>
              <ol class="children"><li class="comment" id="comment-2"><cite class="fn">Ben</cite><p>A reply here.</p>
                <a href="?replytocom=2">Reply</a></li></ol>
            </li></ol></body></html>"#,
        );
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(c[0].author.as_deref(), Some("Ana"));
        assert_eq!(c[0].text, "First words.\n\nSecond words.");
        assert_eq!(c[0].published.as_deref(), Some("2024-03-02T10:00:00+00:00"));
        assert_eq!(
            c[0].url.as_deref(),
            Some("https://blog.example/post#comment-1")
        );
        assert_eq!(c[1].author.as_deref(), Some("Ben"));
        assert_eq!(c[1].text, "A reply here.");
        // Left in the page: the clean stage removes them.
        assert!(rest.contains("First words."), "{rest}");
    }

    #[test]
    fn counters_and_ages_are_not_text() {
        for line in [
            "12",
            "4 years ago",
            "1d",
            "3 hours ago",
            "a day ago",
            "2.5k",
            "Yesterday",
        ] {
            assert!(is_counter_or_age(line), "{line}");
        }
        for line in [
            "No",
            "12 monkeys were here",
            "Thanks!",
            "4 years ago we met",
        ] {
            assert!(!is_counter_or_age(line), "{line}");
        }
    }

    #[test]
    fn json_ld_comments_when_the_page_shows_none() {
        let (c, _) = comments(r#"<html><body><p>x</p></body></html>"#);
        assert!(c.is_empty());
        let scripts = vec![
            r#"{"@type":"BlogPosting","comment":[{"@type":"Comment","author":{"name":"Cy"},
            "datePublished":"2024-01-05","text":"Nice one."},{"@type":"Comment","author":"Di","text":"  "}]}"#
                .to_owned(),
        ];
        let c = from_json_ld(&scripts, None);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].author.as_deref(), Some("Cy"));
        assert_eq!(c[0].published.as_deref(), Some("2024-01-05"));
        assert_eq!(c[0].text, "Nice one.");
    }

    #[test]
    fn a_page_of_comment_words_is_not_taken_for_comments() {
        // The article holds the h1: it is never a comment, even when its
        // wrapper says "comments".
        let (c, rest) = comments(
            r#"<html><body><div id="comments-enabled"><h1>Title</h1><p>Story text.</p></div>
            <div class="comment-count">3 comments</div></body></html>"#,
        );
        assert!(c.iter().all(|c| !c.text.contains("Story")), "{c:?}");
        assert!(rest.contains("Story text."));
    }
}
