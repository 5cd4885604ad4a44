//! Structured HTML: arbitrary trees of article-like elements, classes and
//! text, serialised to a page. Reaches deep structure (related boxes, quotes,
//! JSON-LD, tables) far faster than byte-level mutation.
#![no_main]
#[path = "check.rs"]
mod check;
use arbitrary::Arbitrary;
use copydesk::{Extractor, Input, Kind};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::default);

const TAGS: &[&str] = &[
    "div",
    "p",
    "article",
    "section",
    "main",
    "aside",
    "nav",
    "footer",
    "header",
    "h1",
    "h2",
    "h3",
    "ul",
    "ol",
    "li",
    "blockquote",
    "q",
    "figure",
    "figcaption",
    "img",
    "table",
    "tr",
    "td",
    "th",
    "pre",
    "code",
    "a",
    "em",
    "span",
    "br",
    "time",
    "script",
    "style",
    "form",
];
const CLASSES: &[&str] = &[
    "article-body",
    "entry-content",
    "related",
    "share",
    "newsletter",
    "comments",
    "byline",
    "pullquote",
    "editors-note",
    "disclaimer",
    "caption",
    "ad",
    "cookie-banner",
    "author",
];
const TEXTS: &[&str] = &[
    "The council approved the budget on Tuesday, after a long debate.",
    "\"We are pleased,\" said Mayor Ana Ruiz.",
    "Related Articles",
    "Editor's note: This story was updated.",
    "This content is AI-generated.",
    "By Jane Doe",
    "Published Dec. 12, 2025",
    "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"H\",\"author\":{\"name\":\"X\"}}",
    "« Bonjour », a dit Marie.",
    "",
];

#[derive(Arbitrary, Debug)]
enum Op {
    Open { tag: u8, class: u8, attr: u8 },
    Close,
    Text { text: u8, raw: String },
}

fuzz_target!(|ops: Vec<Op>| {
    let mut html = String::from("<!doctype html><html><head><title>T</title></head><body>");
    let mut stack: Vec<&str> = Vec::new();
    for op in ops.iter().take(4096) {
        match op {
            Op::Open { tag, class, attr } => {
                let tag = TAGS[*tag as usize % TAGS.len()];
                let class = CLASSES[*class as usize % CLASSES.len()];
                let attr = match attr % 5 {
                    0 => " itemprop=\"articleBody\"",
                    1 => " hidden",
                    2 => " href=\"/x\"",
                    3 => " type=\"application/ld+json\"",
                    _ => "",
                };
                html.push_str(&format!("<{tag} class=\"{class}\"{attr}>"));
                stack.push(tag);
            }
            Op::Close => {
                if let Some(tag) = stack.pop() {
                    html.push_str(&format!("</{tag}>"));
                }
            }
            Op::Text { text, raw } => {
                html.push_str(TEXTS[*text as usize % TEXTS.len()]);
                html.push_str(raw);
            }
        }
    }
    html.push_str("</body></html>");
    check::outcome(EXTRACTOR.extract(Input::new(&html).kind(Kind::Html)));
});
