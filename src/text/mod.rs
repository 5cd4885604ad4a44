//! The plain-text path: split a text dump into [`DraftBlock`]s.
//!
//! Lines are read straight from the decoded input (so every block keeps a
//! byte span into it); line ends may be `\n`, `\r\n` or `\r`. Each line is
//! classified once ([`LineKind`]) and the blocks are built in one pass, so
//! the work is linear in the input size whatever its shape (one 10 MB line,
//! 100 000 blank lines).
//!
//! Paragraph rule: blank lines always separate. A single
//! newline separates too — scraped dumps put one block per line — unless the
//! document is hard-wrapped (see [`is_hard_wrapped`]) or the next line
//! plainly continues the sentence (starts in lower case after a line that
//! does not end a sentence).

use std::ops::Range;
use std::sync::Arc;

use crate::error::BoxError;
use crate::heuristic::{Builtin, Context, Draft, DraftBlock, Heuristic, Shape, Stage};

pub(crate) fn heuristics() -> Vec<Arc<dyn Heuristic>> {
    vec![Arc::new(Builtin {
        name: "segment.text-blocks",
        stage: Stage::Segment,
        description: "Splits plain text into blocks: paragraphs (blank lines or one block per line in dumps), Markdown headings, `>` quotes, bullet and numbered list items, fenced and indented code.",
        run: segment_text,
    })]
}

fn segment_text(draft: &mut Draft, _cx: &Context<'_>) -> Result<(), BoxError> {
    if draft.is_html() {
        return Ok(());
    }
    let blocks = segment(draft.source());
    *draft.blocks_mut() = blocks;
    Ok(())
}

/// Characters that render as nothing and only get in the way of matching.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// Collapses every run of whitespace (including no-break and thin spaces)
/// to one space, drops invisible characters, trims.
pub(crate) fn normalize_ws(s: &str) -> String {
    if is_normal_ascii(s.as_bytes()) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        let start = out.len();
        if !out.is_empty() {
            out.push(' ');
        }
        let before = out.len();
        // Invisible characters all start with one of these bytes.
        if word.bytes().any(|b| matches!(b, 0xC2 | 0xE2 | 0xEF)) {
            out.extend(word.chars().filter(|c| !is_invisible(*c)));
        } else {
            out.push_str(word);
        }
        // A "word" made only of invisible characters adds nothing.
        if out.len() == before {
            out.truncate(start);
        }
    }
    out
}

/// ASCII text that [`normalize_ws`] leaves as it is: no whitespace but
/// single spaces between words (most lines of most dumps).
fn is_normal_ascii(b: &[u8]) -> bool {
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    // Branch-free over the whole line, so that the compiler vectorises both
    // folds: non-ASCII or control whitespace, then two spaces in a row.
    let odd = b.iter().fold(false, |acc, &c| {
        acc | (c >= 0x80) | (c.wrapping_sub(0x09) < 5)
    });
    let double = b
        .iter()
        .zip(b.iter().skip(1))
        .fold(false, |acc, (&x, &y)| acc | ((x == b' ') & (y == b' ')));
    !odd && !double
}

/// Splits `src` into lines with their byte ranges (line ends excluded).
fn lines(src: &str) -> Vec<(Range<usize>, &str)> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    // Line ends found by memchr; `\r\n` counts as one.
    while let Some(off) = bytes
        .get(start..)
        .and_then(|rest| memchr::memchr2(b'\n', b'\r', rest))
    {
        let i = start + off;
        out.push((start..i, &src[start..i]));
        start = if bytes.get(i) == Some(&b'\r') && bytes.get(i + 1) == Some(&b'\n') {
            i + 2
        } else {
            i + 1
        };
    }
    if start < bytes.len() {
        out.push((start..bytes.len(), &src[start..]));
    }
    out
}

/// What one line of the dump is.
#[derive(Debug, Clone, PartialEq)]
enum LineKind {
    Blank,
    /// `---`, `***`, `###`, `===`: a visual separator, treated like a blank line.
    Rule,
    /// ```` ``` ```` or `~~~`, with an optional language.
    Fence(Option<String>),
    Heading(u8, String),
    Quote(String),
    Item {
        ordered: bool,
        text: String,
    },
    Text(String),
}

/// Leading indentation in columns (a tab counts 4).
fn indent(line: &str) -> usize {
    let mut n = 0;
    for c in line.chars() {
        match c {
            ' ' | '\u{A0}' => n += 1,
            '\t' => n += 4,
            _ => break,
        }
    }
    n
}

/// Removes up to `cols` columns of leading indentation (a tab is 4).
fn strip_indent(line: &str, cols: usize) -> &str {
    let mut n = 0;
    for (i, c) in line.char_indices() {
        if n >= cols {
            return &line[i..];
        }
        match c {
            ' ' | '\u{A0}' => n += 1,
            '\t' => n += 4,
            _ => return &line[i..],
        }
    }
    ""
}

fn classify(line: &str) -> LineKind {
    let t = line.trim();
    let t = t.trim_matches(is_invisible).trim();
    if t.is_empty() {
        return LineKind::Blank;
    }
    if t.len() >= 3
        && t.chars()
            .all(|c| matches!(c, '-' | '*' | '_' | '=' | '#' | ' '))
        && t.chars().filter(|c| *c != ' ').count() >= 3
    {
        return LineKind::Rule;
    }
    if let Some(rest) = t.strip_prefix("```").or_else(|| t.strip_prefix("~~~")) {
        let lang = rest.trim().trim_matches(['`', '~']).trim();
        return LineKind::Fence((!lang.is_empty()).then(|| lang.to_owned()));
    }
    if indent(line) < 4 {
        if let Some(h) = heading(t) {
            return h;
        }
    }
    if let Some(rest) = t.strip_prefix('>') {
        return LineKind::Quote(normalize_ws(rest));
    }
    if let Some(item) = list_item(t) {
        return item;
    }
    LineKind::Text(normalize_ws(t))
}

/// `## Title` (ATX heading; the closing `#`s are optional).
fn heading(t: &str) -> Option<LineKind> {
    let hashes = t.bytes().take_while(|b| *b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &t[hashes..];
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let text = normalize_ws(rest.trim_end_matches('#'));
    (!text.is_empty()).then_some(LineKind::Heading(hashes as u8, text))
}

/// `- item`, `* item`, `• item`, `– item`, `+ item`, `1. item`, `1) item`.
fn list_item(t: &str) -> Option<LineKind> {
    for bullet in ['-', '*', '•', '–', '+', '▪', '◦'] {
        if let Some(rest) = t.strip_prefix(bullet) {
            if rest.starts_with([' ', '\t', '\u{A0}']) {
                let text = normalize_ws(rest);
                return (!text.is_empty()).then_some(LineKind::Item {
                    ordered: false,
                    text,
                });
            }
            return None;
        }
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &t[digits..];
        if let Some(rest) = rest.strip_prefix(['.', ')']) {
            if rest.starts_with([' ', '\t', '\u{A0}']) {
                let text = normalize_ws(rest);
                return (!text.is_empty()).then_some(LineKind::Item {
                    ordered: true,
                    text,
                });
            }
        }
    }
    None
}

/// True when the line ends a sentence (so a following line starts a new block).
fn ends_sentence(t: &str) -> bool {
    t.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', '*', '_'])
        .ends_with(['.', '!', '?', ':', '…', ';'])
}

fn starts_lowercase(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_lowercase)
}

/// A hard-wrapped document (lines cut at a fixed width, paragraphs separated
/// by blank lines) joins consecutive lines into one paragraph; a scraped
/// dump (one block per line) must not. Signals, all required: the document
/// has blank lines; no text line is longer than a terminal-width wrap
/// (dumps put whole paragraphs on one line); at least a third of the line
/// breaks inside runs of text lines fall mid-sentence, and some of those
/// continue in lower case.
fn is_hard_wrapped(kinds: &[LineKind]) -> bool {
    const MAX_WRAP: usize = 100;
    if !kinds.contains(&LineKind::Blank) {
        return false;
    }
    let too_long = kinds
        .iter()
        .any(|k| matches!(k, LineKind::Text(t) if t.chars().count() > MAX_WRAP));
    if too_long {
        return false;
    }
    let (mut breaks, mut mid_sentence, mut lowercase) = (0usize, 0usize, 0usize);
    for pair in kinds.windows(2) {
        if let [LineKind::Text(a), LineKind::Text(b)] = pair {
            breaks += 1;
            if !ends_sentence(a) {
                mid_sentence += 1;
                lowercase += usize::from(starts_lowercase(b));
            }
        }
    }
    breaks >= 2 && mid_sentence * 3 >= breaks && lowercase >= 1
}

/// Indented code: a run of lines indented ≥ 4 that looks like code, not like
/// indented prose (scraped dumps often indent paragraphs).
fn looks_like_code(lines: &[&str]) -> bool {
    let code_chars = lines
        .iter()
        .filter(|l| {
            l.contains(['{', '}', ';', '=', '(', '<'])
                && !l.trim_end().ends_with(['.', '!', '?', '"', '”'])
        })
        .count();
    code_chars * 2 >= lines.len().max(1)
}

/// A line that reads as program text, not prose: it closes or opens a
/// brace block, ends a statement, is a comment or an include, or draws a
/// table of query output.
fn code_line(line: &str) -> bool {
    let t = line.trim();
    t.ends_with(['{', '}', ';'])
        || matches!(t, ")" | "]" | "})" | "});" | "];")
        || ["//", "/*", "#include", "#!", "#define"]
            .iter()
            .any(|p| t.starts_with(p))
        || t.contains(['─', '│', '┼'])
}

/// Unfenced code in a text that separates its blocks by blank lines: a
/// run of lines with no blank line between them (prose paragraphs there
/// are one line each) where two or more, and at least a third, of the
/// lines read as code ([`code_line`]) and none reads as a sentence of prose.
/// Returns the run's end when `i` starts one. Lists and dumps (one block
/// per line, no blank lines) are never taken: their lines do not end in
/// braces or semicolons.
fn code_run(lines: &[(Range<usize>, &str)], kinds: &[LineKind], i: usize) -> Option<usize> {
    let text = |j: usize| matches!(kinds.get(j), Some(LineKind::Text(_)));
    if !text(i) || (i > 0 && !matches!(kinds[i - 1], LineKind::Blank | LineKind::Rule)) {
        return None;
    }
    let end = (i..lines.len()).find(|&j| !text(j)).unwrap_or(lines.len());
    if end - i < 2
        || !matches!(
            kinds.get(end),
            None | Some(LineKind::Blank | LineKind::Rule)
        )
    {
        return None;
    }
    let run = &lines[i..end];
    let code = run.iter().filter(|(_, l)| code_line(l)).count();
    let prose = run.iter().any(|(_, l)| {
        let t = l.trim();
        t.split_whitespace().count() >= 8 && t.ends_with(['.', '!', '?']) && !code_line(t)
    });
    (code >= 2 && code * 3 >= run.len() && !prose).then_some(end)
}

/// Segments a text dump into blocks.
pub(crate) fn segment(src: &str) -> Vec<DraftBlock> {
    let lines = lines(src);
    let mut kinds: Vec<LineKind> = lines.iter().map(|(_, l)| classify(l)).collect();
    let wrapped = is_hard_wrapped(&kinds);
    let blank_separated = !wrapped && kinds.contains(&LineKind::Blank);
    let mut b = Builder::default();
    let mut i = 0;
    while i < lines.len() {
        let (span, raw) = (&lines[i].0, lines[i].1);
        let prev_blank = i == 0 || matches!(kinds[i - 1], LineKind::Blank | LineKind::Rule);
        // Indented code after a blank line.
        if prev_blank && indent(raw) >= 4 && !matches!(kinds[i], LineKind::Blank) {
            let end = (i..lines.len())
                .find(|&j| !(indent(lines[j].1) >= 4 || kinds[j] == LineKind::Blank))
                .unwrap_or(lines.len());
            let run: Vec<&str> = lines[i..end].iter().map(|(_, l)| *l).collect();
            if looks_like_code(&run) {
                let text = run
                    .iter()
                    .map(|l| strip_indent(l, 4).trim_end())
                    .collect::<Vec<_>>()
                    .join("\n");
                let span = span.start..lines[end - 1].0.end;
                b.push(
                    Shape::Code { language: None },
                    text.trim_end().to_owned(),
                    span,
                );
                i = end;
                continue;
            }
        }
        if let Some(end) = blank_separated
            .then(|| code_run(&lines, &kinds, i))
            .flatten()
        {
            let text = lines[i..end]
                .iter()
                .map(|(_, l)| l.trim_end())
                .collect::<Vec<_>>()
                .join("\n");
            b.push(
                Shape::Code { language: None },
                text,
                span.start..lines[end - 1].0.end,
            );
            i = end;
            continue;
        }
        // Each line is built into a block once: texts are moved out of
        // `kinds` (later lines only look at the kinds of the others).
        match &mut kinds[i] {
            LineKind::Blank | LineKind::Rule => b.end_paragraph(),
            LineKind::Fence(lang) => {
                let language = lang.take();
                let end = (i + 1..lines.len())
                    .find(|&j| matches!(kinds[j], LineKind::Fence(_)))
                    .unwrap_or(lines.len());
                let body: Vec<&str> = lines[i + 1..end].iter().map(|(_, l)| *l).collect();
                let last = lines.get(end).map_or(src.len(), |(r, _)| r.end);
                b.push(
                    Shape::Code { language },
                    body.join("\n").trim_end().to_owned(),
                    span.start..last,
                );
                i = end + 1;
                continue;
            }
            LineKind::Heading(level, text) => b.push(
                Shape::Heading { level: *level },
                std::mem::take(text),
                span.clone(),
            ),
            LineKind::Quote(text) => b.quote_line(text, span.clone()),
            LineKind::Item { ordered, text } => {
                b.item(*ordered, std::mem::take(text), span.clone())
            }
            LineKind::Text(text) => {
                // In a text with blank lines between its paragraphs, the
                // first line followed directly by another is a title and
                // the line under it, not one sentence broken in two.
                let under_title = blank_separated && b.blocks.len() == 1;
                let continues = !prev_blank && !under_title && b.open_paragraph() && {
                    let prev = b.last_text();
                    wrapped || (!ends_sentence(prev) && starts_lowercase(text))
                };
                // An indented line right after a list item continues the item.
                let item_continuation = !prev_blank && indent(raw) >= 2 && b.open_item();
                if continues || item_continuation {
                    b.extend_last(text, span.end);
                } else {
                    b.paragraph(std::mem::take(text), span.clone());
                }
            }
        }
        i += 1;
    }
    b.blocks
}

/// Accumulates blocks, tracking which block a following line may extend.
#[derive(Default)]
struct Builder {
    blocks: Vec<DraftBlock>,
    /// The last block may take continuation lines (no blank line since).
    open: bool,
    next_list: u32,
    /// The last list item's list id and ordered flag, kept across blank
    /// lines so "loose" lists stay one list.
    list: Option<(u32, bool)>,
}

impl Builder {
    fn push(&mut self, shape: Shape, text: String, span: Range<usize>) {
        if !matches!(shape, Shape::ListItem { .. }) {
            self.list = None;
        }
        if text.is_empty() {
            return;
        }
        let mut block = DraftBlock::new(shape, text);
        block.span = span;
        self.blocks.push(block);
        self.open = true;
    }

    fn end_paragraph(&mut self) {
        self.open = false;
    }

    fn open_paragraph(&self) -> bool {
        self.open
            && self
                .blocks
                .last()
                .is_some_and(|b| b.shape == Shape::Paragraph)
    }

    fn open_item(&self) -> bool {
        self.open
            && self
                .blocks
                .last()
                .is_some_and(|b| matches!(b.shape, Shape::ListItem { .. }))
    }

    fn last_text(&self) -> &str {
        self.blocks.last().map_or("", |b| b.text.as_str())
    }

    fn extend_last(&mut self, text: &str, end: usize) {
        if let Some(last) = self.blocks.last_mut() {
            if !text.is_empty() {
                last.text.push(' ');
                last.text.push_str(text);
            }
            last.span.end = end;
        }
    }

    fn paragraph(&mut self, text: String, span: Range<usize>) {
        self.push(Shape::Paragraph, text, span);
    }

    /// `>` lines: consecutive ones form one quote; an empty `>` line splits.
    fn quote_line(&mut self, text: &str, span: Range<usize>) {
        let extends = self.open && self.blocks.last().is_some_and(|b| b.shape == Shape::Quote);
        if text.is_empty() {
            self.open = false;
        } else if extends {
            self.extend_last(text, span.end);
        } else {
            self.push(Shape::Quote, text.to_owned(), span);
        }
    }

    fn item(&mut self, ordered: bool, text: String, span: Range<usize>) {
        let list = match self.list {
            Some((id, o)) if o == ordered => id,
            _ => {
                self.next_list += 1;
                self.next_list
            }
        };
        self.push(Shape::ListItem { ordered, list }, text, span);
        self.list = Some((list, ordered));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_of_every_kind() {
        let got = |src: &str| {
            lines(src)
                .into_iter()
                .map(|(r, l)| (r, l.to_owned()))
                .collect::<Vec<_>>()
        };
        let l = |r: Range<usize>, s: &str| (r, s.to_owned());
        assert_eq!(got(""), vec![]);
        assert_eq!(got("a"), vec![l(0..1, "a")]);
        assert_eq!(got("a\n"), vec![l(0..1, "a")]);
        assert_eq!(got("a\r\nb"), vec![l(0..1, "a"), l(3..4, "b")]);
        assert_eq!(got("a\rb\r"), vec![l(0..1, "a"), l(2..3, "b")]);
        assert_eq!(got("\n\r\n\r"), vec![l(0..0, ""), l(1..1, ""), l(3..3, "")]);
        assert_eq!(got("a\n\rb"), vec![l(0..1, "a"), l(2..2, ""), l(3..4, "b")]);
        assert_eq!(
            got("é\r\r\nü"),
            vec![l(0..2, "é"), l(3..3, ""), l(5..7, "ü")]
        );
    }

    #[test]
    fn normal_ascii_is_what_the_byte_loop_said() {
        // The former per-byte reading, kept as the reference.
        let slow = |b: &[u8]| {
            if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
                return false;
            }
            let mut prev_space = false;
            for &c in b {
                let space = c == b' ';
                if c >= 0x80 || (0x09..=0x0D).contains(&c) || (space && prev_space) {
                    return false;
                }
                prev_space = space;
            }
            true
        };
        for s in [
            "",
            "a",
            "one two three",
            "one  two",
            " one",
            "one ",
            "one\ttwo",
            "one\u{b}two",
            "one\u{8}two",
            "one\u{e}two",
            "caf\u{e9}",
            "no\u{a0}break",
            "a b c d e f g h i j k l m n o p q r s t u v w x y z  z",
            "~!@#$%^&*()_+{}|:<>?",
        ] {
            assert_eq!(is_normal_ascii(s.as_bytes()), slow(s.as_bytes()), "{s:?}");
        }
    }

    fn shapes(src: &str) -> Vec<(Shape, String)> {
        segment(src)
            .into_iter()
            .map(|b| (b.shape, b.text))
            .collect()
    }

    fn p(s: &str) -> (Shape, String) {
        (Shape::Paragraph, s.to_owned())
    }

    #[test]
    fn normalize_ws_fast_path_agrees_with_the_general_one() {
        let general = |s: &str| {
            s.split_whitespace()
                .map(|w| w.chars().filter(|c| !is_invisible(*c)).collect::<String>())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        for s in [
            "",
            " ",
            "word",
            "two words",
            " lead",
            "trail ",
            "double  space",
            "tab\there",
            "line\nbreak",
            "cr\rhere",
            "vt\u{b}ff\u{c}",
            "nbsp\u{a0}here",
            "zero\u{200B}width",
            "é accent",
            "\u{1f}unit sep",
        ] {
            assert_eq!(normalize_ws(s), general(s), "{s:?}");
        }
        assert!(is_normal_ascii(b"plain words, one space."));
        assert!(!is_normal_ascii(b"two  spaces"));
        assert!(!is_normal_ascii("caf\u{e9}".as_bytes()));
    }

    #[test]
    fn one_block_per_line_in_dumps() {
        assert_eq!(
            shapes("Title Here\nFirst line of text.\nSecond line of text."),
            [
                p("Title Here"),
                p("First line of text."),
                p("Second line of text.")
            ]
        );
    }

    #[test]
    fn crlf_cr_and_stray_whitespace() {
        let blocks = segment("  Title \u{200B}Here\r\n\r\nBody\t\ttext.\rMore\u{A0}text. ");
        let texts: Vec<_> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Title Here", "Body text.", "More text."]);
        // Spans point into the original input.
        assert_eq!(blocks[0].span, 0..15);
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let src = "The council met on Monday and voted\nto approve the budget after a long\ndebate.\n\nA second paragraph follows here\nwith more words in it.";
        assert_eq!(
            shapes(src),
            [
                p("The council met on Monday and voted to approve the budget after a long debate."),
                p("A second paragraph follows here with more words in it.")
            ]
        );
    }

    #[test]
    fn short_line_dumps_with_blank_lines_are_not_wrapped() {
        assert_eq!(
            shapes("Title Here\nSubtitle line\n\nShort para.\nAnother short para."),
            [
                p("Title Here"),
                p("Subtitle line"),
                p("Short para."),
                p("Another short para.")
            ]
        );
    }

    #[test]
    fn the_line_under_a_title_is_not_its_continuation() {
        // Blank lines between the paragraphs: the first two lines are a
        // title and the line under it.
        assert_eq!(
            shapes(
                "harbour notes\nlower-case standfirst of the page\n\nThe body paragraph.\n\nAnother one."
            ),
            [
                p("harbour notes"),
                p("lower-case standfirst of the page"),
                p("The body paragraph."),
                p("Another one.")
            ]
        );
    }

    #[test]
    fn lowercase_continuation_joins_in_dumps() {
        assert_eq!(
            shapes("A sentence that breaks\nin the middle.\nNext one."),
            [p("A sentence that breaks in the middle."), p("Next one.")]
        );
    }

    #[test]
    fn markdown_shapes() {
        let src = "# Big Title\n\nIntro.\n\n## Part two ##\n\n> Quoted line one\n> line two\n\n- apples\n- pears\n\n1. first\n2) second\n\n```rust\nfn main() {}\n```\n";
        assert_eq!(
            shapes(src),
            [
                (Shape::Heading { level: 1 }, "Big Title".into()),
                p("Intro."),
                (Shape::Heading { level: 2 }, "Part two".into()),
                (Shape::Quote, "Quoted line one line two".into()),
                (
                    Shape::ListItem {
                        ordered: false,
                        list: 1
                    },
                    "apples".into()
                ),
                (
                    Shape::ListItem {
                        ordered: false,
                        list: 1
                    },
                    "pears".into()
                ),
                (
                    Shape::ListItem {
                        ordered: true,
                        list: 2
                    },
                    "first".into()
                ),
                (
                    Shape::ListItem {
                        ordered: true,
                        list: 2
                    },
                    "second".into()
                ),
                (
                    Shape::Code {
                        language: Some("rust".into())
                    },
                    "fn main() {}".into()
                ),
            ]
        );
    }

    #[test]
    fn list_item_table() {
        for hit in ["- a", "* b", "• c", "– d", "1. e", "12) f"] {
            assert!(
                matches!(list_item(hit), Some(LineKind::Item { .. })),
                "{hit}"
            );
        }
        for miss in [
            "-a",
            "2025. The year",
            "1.5 million",
            "— Name",
            "*emphasis*",
        ] {
            assert!(list_item(miss).is_none(), "{miss}");
        }
    }

    #[test]
    fn indented_code_versus_indented_prose() {
        let code = shapes("Intro.\n\n    let x = 1;\n    call(x);\n\nAfter.");
        assert_eq!(code[1].0, Shape::Code { language: None });
        assert_eq!(code[1].1, "let x = 1;\ncall(x);");
        let tabbed = shapes("Intro.\n\n\tif (x) {\n\t\ty();\n\t}\n\nAfter.");
        assert_eq!(tabbed[1].1, "if (x) {\n\ty();\n}");
        let prose = shapes("Intro.\n\n    An indented paragraph of prose.\n\nAfter.");
        assert_eq!(prose[1], p("An indented paragraph of prose."));
    }

    #[test]
    fn unfenced_code_between_blank_lines() {
        let src = "Intro paragraph of the post, long enough that no one would take the text for one hard-wrapped at a terminal's width.\n\nint add(int x, int y) {\n  return x + y;\n}\n\nAfter the code.";
        let got = shapes(src);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[1].0, Shape::Code { language: None });
        assert_eq!(got[1].1, "int add(int x, int y) {\n  return x + y;\n}");
        // A list set one item per line is not code, nor are one-line
        // paragraphs, nor a dump without blank lines.
        let list = shapes("Tools we use:\n\nHammer\nSaw\nPlane\n\nThe end.");
        assert!(list.iter().all(|(s, _)| *s == Shape::Paragraph), "{list:?}");
        let dump = shapes("let x = 1;\ncall(x);\nMore text here.");
        assert!(dump.iter().all(|(s, _)| *s == Shape::Paragraph), "{dump:?}");
        // Prose lines in the run: not code.
        let prose = shapes(
            "Intro.\n\nThe council met on Monday and voted for the budget.\nThe budget passes {as amended};\n\nEnd.",
        );
        assert!(
            prose.iter().all(|(s, _)| *s == Shape::Paragraph),
            "{prose:?}"
        );
    }

    #[test]
    fn rules_and_blank_runs_are_separators() {
        assert_eq!(
            shapes("One.\n---\nTwo.\n\n\n\n###\nThree."),
            [p("One."), p("Two."), p("Three.")]
        );
        assert!(segment(&"\n".repeat(100_000)).is_empty());
    }

    #[test]
    fn huge_single_line_is_one_block() {
        let line = "word ".repeat(200_000);
        let blocks = segment(&line);
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].word_count(), 200_000);
    }

    proptest::proptest! {
        /// Any input segments without panicking, and every span is a valid
        /// range of the input.
        #[test]
        fn spans_are_valid(src in "(?s)[ a-zA-Z0-9.,!?:;'\"“”„«»#>*\\-–•`~\t\r\n\u{200B}\u{A0}]{0,400}") {
            for b in segment(&src) {
                proptest::prop_assert!(b.span.start <= b.span.end && b.span.end <= src.len());
                proptest::prop_assert!(src.is_char_boundary(b.span.start) && src.is_char_boundary(b.span.end));
                proptest::prop_assert!(!b.text.is_empty());
            }
        }
    }
}
