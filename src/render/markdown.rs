//! Markdown rendering (CommonMark plus GitHub-style tables).

use super::inline::{Event, events, safe_link, split_spans};
use super::{disclaimer_label, join_names};
use crate::base::collapse_whitespace as one_line;
use crate::model::{Article, Block, Span, SpanKind};

impl Article {
    /// The article as Markdown.
    ///
    /// In order: the headline as `#`, the dek in italics, a line with the
    /// byline and dates, the sections (headings as `##`, `###`, … by level),
    /// then the disclaimers after a rule, then the related links. Blocks map
    /// as follows: quotes to `>` with a `— attribution` line, lists to `-` or
    /// `1.` items, figures to `![alt](src)` with the caption in italics below,
    /// tables to pipe tables (first row as header, `|` escaped), code to fenced
    /// blocks with the language after the opening fence. Inline spans
    /// ([`Section::spans`](crate::Section::spans)) become `[text](url)` links,
    /// `*emphasis*`, `**strong**`, `` `code` `` and hard line breaks (a
    /// trailing `\`; a space inside list items, table cells and headings).
    /// Text that Markdown would misread (a paragraph starting with `#`
    /// or `- `, say) is escaped.
    ///
    /// # Examples
    ///
    /// ```
    /// use copydesk::{Article, Block, Section};
    /// let mut article = Article::new();
    /// article.headline = Some("Bridge Reopens".into());
    /// article.dek = Some("Repairs finished a week early.".into());
    /// let mut section = Section::new(Some("What changed".into()), 2);
    /// section.blocks.push(Block::quote("It is safer now.", Some("Ana Ruiz".into())));
    /// section.blocks.push(Block::list(true, vec!["Wider lanes".into(), "New rails".into()]));
    /// article.sections.push(section);
    /// assert_eq!(
    ///     article.to_markdown(),
    ///     "# Bridge Reopens\n\n*Repairs finished a week early.*\n\n## What changed\n\n\
    ///      > It is safer now.\n>\n> — Ana Ruiz\n\n1. Wider lanes\n2. New rails\n"
    /// );
    /// ```
    pub fn to_markdown(&self) -> String {
        let mut md = Markdown::default();
        if let Some(h) = non_empty(&self.headline) {
            md.block(&format!("# {}", one_line(h)));
        }
        if let Some(dek) = non_empty(&self.dek) {
            md.block(&format!("*{}*", escape_emphasis(&one_line(dek))));
        }
        let credit = self.credit_line();
        if !credit.is_empty() {
            md.block(&credit);
        }
        for section in &self.sections {
            if let Some(h) = non_empty(&section.heading) {
                let h = match (&section.heading, section.heading_spans.as_slice()) {
                    (Some(raw), spans) if !spans.is_empty() => one_line(&inline(raw, spans, true)),
                    _ => one_line(h),
                };
                md.block(&format!("{} {h}", hashes(section.level)));
            }
            for (i, block) in section.blocks.iter().enumerate() {
                render_block(&mut md, block, section.spans_of(i));
            }
        }
        if !self.disclaimers.is_empty() {
            md.block("---");
            for d in &self.disclaimers {
                let text = d.text.trim();
                if text.is_empty() {
                    continue;
                }
                let label = disclaimer_label(d.kind);
                // Notices usually name themselves ("Editor's note: …"); only
                // add a label when the text does not start with one.
                if text.to_lowercase().starts_with(&label.to_lowercase()) {
                    md.block(&escape_paragraph(text));
                } else {
                    md.block(&format!("**{label}:** {}", escape_paragraph(text)));
                }
            }
        }
        if !self.related.is_empty() {
            md.block("## Related");
            let mut list = String::new();
            for link in &self.related {
                let title = escape_link_text(&one_line(&link.title));
                let mut line = match non_empty(&link.url) {
                    Some(url) => format!("- [{title}]({})", link_target(url)),
                    None => format!("- {title}"),
                };
                if let Some(summary) = non_empty(&link.summary) {
                    line.push_str(" — ");
                    line.push_str(&one_line(summary));
                }
                push_line(&mut list, &line);
            }
            md.block(&list);
        }
        md.finish()
    }

    /// "By A and B · 2025-12-12 (updated 2025-12-13)", or the parts present.
    fn credit_line(&self) -> String {
        let names: Vec<String> = self
            .byline
            .iter()
            .map(|p| one_line(&p.name))
            .filter(|n| !n.is_empty())
            .collect();
        let mut parts = Vec::new();
        if !names.is_empty() {
            parts.push(format!("By {}", join_names(&names)));
        }
        match (non_empty(&self.published), non_empty(&self.modified)) {
            (Some(p), Some(m)) if p != m => parts.push(format!("{p} (updated {m})")),
            (Some(p), _) => parts.push(p.to_owned()),
            (None, Some(m)) => parts.push(format!("Updated {m}")),
            (None, None) => {}
        }
        escape_paragraph(&parts.join(" · "))
    }
}

/// Collects top-level blocks, separated by blank lines.
#[derive(Default)]
struct Markdown {
    out: String,
}

impl Markdown {
    fn block(&mut self, text: &str) {
        let text = text.trim_end();
        if text.is_empty() {
            return;
        }
        if !self.out.is_empty() {
            self.out.push_str("\n\n");
        }
        self.out.push_str(text);
    }

    fn finish(mut self) -> String {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out
    }
}

fn render_block(md: &mut Markdown, block: &Block, spans: &[Span]) {
    match block {
        Block::Paragraph { text } if spans.is_empty() => md.block(&escape_paragraph(text.trim())),
        Block::Paragraph { text } => {
            md.block(&escape_paragraph(inline(text, spans, false).trim()));
        }
        Block::Heading { text, level } => {
            md.block(&format!(
                "{} {}",
                hashes(*level),
                one_line(&inline(text, spans, true))
            ));
        }
        Block::Quote { text, attribution } => {
            let mut out = String::new();
            let rendered;
            let text = if spans.is_empty() {
                text.as_str()
            } else {
                rendered = inline(text, spans, false);
                rendered.as_str()
            };
            for line in text.trim().lines() {
                push_line(&mut out, &quote_line(line));
            }
            if let Some(who) = attribution
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                push_line(&mut out, ">");
                push_line(&mut out, &format!("> — {}", one_line(who)));
            }
            md.block(&out);
        }
        Block::List { ordered, items } => {
            let mut out = String::new();
            let mut n = 0;
            let texts: Vec<&str> = items.iter().map(String::as_str).collect();
            let item_spans = split_spans(&texts, spans);
            for (item, spans) in items.iter().zip(&item_spans) {
                let item = one_line(&inline(item, spans, true));
                if item.is_empty() {
                    continue;
                }
                n += 1;
                let marker = if *ordered {
                    format!("{n}.")
                } else {
                    "-".to_owned()
                };
                push_line(&mut out, &format!("{marker} {}", escape_paragraph(&item)));
            }
            md.block(&out);
        }
        Block::Figure { src, alt, caption } => {
            let mut out = String::new();
            if let Some(src) = non_empty(src) {
                let alt = alt.as_deref().map(one_line).unwrap_or_default();
                push_line(
                    &mut out,
                    &format!("![{}]({})", escape_link_text(&alt), link_target(src)),
                );
            }
            if let Some(trimmed) = non_empty(caption) {
                // The caption is in italics: marks inside it nest in that.
                let caption = match caption {
                    Some(raw) if !spans.is_empty() => inline_with(raw, spans, true, true),
                    _ => escape_emphasis(trimmed),
                };
                push_line(&mut out, &format!("*{}*", one_line(&caption)));
            } else if out.is_empty() {
                // No image and no caption: keep the alt text as a line.
                if let Some(alt) = non_empty(alt) {
                    push_line(&mut out, &escape_paragraph(&one_line(alt)));
                }
            }
            md.block(&out);
        }
        Block::Table { rows } if spans.is_empty() => md.block(&table(rows)),
        Block::Table { rows } => {
            let cells: Vec<&str> = rows.iter().flatten().map(String::as_str).collect();
            let mut cell_spans = split_spans(&cells, spans).into_iter();
            let rows: Vec<Vec<String>> = rows
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|cell| inline(cell, &cell_spans.next().unwrap_or_default(), true))
                        .collect()
                })
                .collect();
            md.block(&table(&rows));
        }
        Block::Code { text, language } => {
            let fence = "`".repeat(longest_run(text, '`').max(2) + 1);
            let lang = language.as_deref().map(one_line).unwrap_or_default();
            md.block(&format!(
                "{fence}{lang}\n{}\n{fence}",
                text.trim_end_matches('\n')
            ));
        }
        // `Block` is non-exhaustive only for other crates; new variants get
        // their plain text here until they have a rendering of their own.
        #[allow(unreachable_patterns)]
        other => md.block(&escape_paragraph(&other.plain_text())),
    }
}

/// A block's text with its inline spans as Markdown. Text outside marks is
/// kept as it is (block-start escaping is the caller's); inside emphasis
/// `*` is escaped, inside link text `[` and `]`. With `one_line`, line
/// breaks are spaces (list items, cells and headings are one line).
fn inline(text: &str, spans: &[Span], one_line: bool) -> String {
    inline_with(text, spans, one_line, false)
}

/// [`inline`]; with `in_emphasis`, the whole text sits inside emphasis the
/// caller adds (a figure's caption), so `*` is escaped everywhere.
fn inline_with(text: &str, spans: &[Span], one_line: bool, in_emphasis: bool) -> String {
    if spans.is_empty() {
        return if in_emphasis {
            escape_emphasis(text)
        } else {
            text.to_owned()
        };
    }
    let mut out = String::with_capacity(text.len() + 16 * spans.len());
    let mut open: Vec<SpanKind> = Vec::new();
    for event in events(text, spans) {
        match event {
            Event::Text(t) => {
                let in_emphasis = in_emphasis
                    || open
                        .iter()
                        .any(|k| matches!(k, SpanKind::Emphasis | SpanKind::Strong));
                let in_link = open.contains(&SpanKind::Link);
                let mut t = t.to_owned();
                if in_emphasis {
                    t = escape_emphasis(&t);
                }
                if in_link {
                    t = escape_link_text(&t);
                }
                out.push_str(&t);
            }
            Event::Open(span) => {
                // A link to anything but an absolute http(s) or mailto
                // target (`javascript:`, say) keeps its text only.
                let safe = span
                    .href
                    .as_deref()
                    .is_some_and(|h| safe_link(&h.trim().replace(' ', "%20")).is_some());
                if span.kind == SpanKind::Link && !safe {
                    open.push(SpanKind::LineBreak);
                    continue;
                }
                open.push(span.kind);
                out.push_str(match span.kind {
                    SpanKind::Link => "[",
                    SpanKind::Strong => "**",
                    _ => "*",
                });
            }
            Event::Close(span) => {
                // `LineBreak` on the stack stands for a refused link.
                if open.pop() == Some(SpanKind::LineBreak) {
                    continue;
                }
                match span.kind {
                    SpanKind::Link => {
                        let href = span.href.as_deref().unwrap_or_default();
                        out.push_str("](");
                        out.push_str(&link_target(href.trim()));
                        out.push(')');
                    }
                    SpanKind::Strong => out.push_str("**"),
                    _ => out.push('*'),
                }
            }
            Event::Break if one_line => out.push(' '),
            Event::Break => out.push_str("\\\n"),
            Event::Code(code) => {
                let code = code.replace('\n', " ");
                let fence = "`".repeat(longest_run(&code, '`') + 1);
                // A space pads code that starts or ends with a backtick.
                let pad = if code.starts_with('`') || code.ends_with('`') {
                    " "
                } else {
                    ""
                };
                out.push_str(&format!("{fence}{pad}{code}{pad}{fence}"));
            }
        }
    }
    out
}

fn table(rows: &[Vec<String>]) -> String {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    for (i, row) in rows.iter().enumerate() {
        let mut line = String::from("|");
        for c in 0..width {
            let cell = row.get(c).map(|s| one_line(s)).unwrap_or_default();
            line.push(' ');
            line.push_str(&cell.replace('|', "\\|"));
            line.push_str(" |");
        }
        push_line(&mut out, &line);
        if i == 0 {
            push_line(&mut out, &format!("|{}", " --- |".repeat(width)));
        }
    }
    out
}

fn push_line(out: &mut String, line: &str) {
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(line);
}

fn quote_line(line: &str) -> String {
    let line = line.trim();
    if line.is_empty() {
        ">".to_owned()
    } else {
        format!("> {}", escape_paragraph(line))
    }
}

fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn hashes(level: u8) -> String {
    "#".repeat(usize::from(level.clamp(2, 6)))
}

fn longest_run(s: &str, c: char) -> usize {
    let mut best = 0;
    let mut run = 0;
    for ch in s.chars() {
        if ch == c {
            run += 1;
            best = best.max(run);
        } else {
            run = 0;
        }
    }
    best
}

/// Escapes the start of each line when Markdown would read it as a heading,
/// quote, list item, rule, table row or fence. Inline `*` and `_` are left
/// alone: in prose they rarely pair up into emphasis.
fn escape_paragraph(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let line = line.trim();
        if !starts_block_syntax(line) {
            out.push_str(line);
        } else if line.starts_with(|c: char| c.is_ascii_digit()) {
            // "1. " is escaped at its delimiter: "1\. ".
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            out.push_str(&line[..digits]);
            out.push('\\');
            out.push_str(&line[digits..]);
        } else {
            out.push('\\');
            out.push_str(line);
        }
    }
    out
}

fn starts_block_syntax(line: &str) -> bool {
    let bytes = line.as_bytes();
    let Some(&first) = bytes.first() else {
        return false;
    };
    let second = bytes.get(1).copied();
    match first {
        b'#' | b'>' | b'|' => true,
        b'`' | b'~' => line.starts_with("```") || line.starts_with("~~~"),
        b'-' | b'+' | b'*' | b'=' | b'_' => {
            matches!(second, None | Some(b' ') | Some(b'\t'))
                || line.chars().all(|c| c == char::from(first) || c == ' ')
        }
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            matches!(bytes.get(digits), Some(b'.') | Some(b')'))
                && matches!(bytes.get(digits + 1), None | Some(b' ') | Some(b'\t'))
        }
        _ => false,
    }
}

/// For text inside `*…*`.
fn escape_emphasis(text: &str) -> String {
    text.replace('*', "\\*")
}

/// For text inside `[…]`.
fn escape_link_text(text: &str) -> String {
    text.replace('[', "\\[").replace(']', "\\]")
}

/// A link destination; wrapped in `<…>` when it holds spaces or parentheses.
fn link_target(url: &str) -> String {
    if url.contains([' ', '(', ')']) {
        format!("<{}>", url.replace('<', "%3C").replace('>', "%3E"))
    } else {
        url.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Person, RelatedLink, Section};

    #[test]
    fn block_syntax_table() {
        for hit in [
            "# not a heading",
            "> no",
            "- item",
            "* item",
            "12. item",
            "3) x",
            "---",
            "```rust",
            "|a|",
        ] {
            assert!(starts_block_syntax(hit), "{hit}");
        }
        for miss in [
            "-5 degrees",
            "2025 was",
            "1.5 million",
            "*emphasis*",
            "Plain",
            "",
            "--dash",
        ] {
            assert!(!starts_block_syntax(miss), "{miss}");
        }
    }

    #[test]
    fn escapes_block_syntax_at_line_starts() {
        assert_eq!(escape_paragraph("12. Not a list"), "12\\. Not a list");
        assert_eq!(escape_paragraph("a\n# b"), "a\n\\# b");
        assert_eq!(escape_paragraph("1.5 percent"), "1.5 percent");
    }

    #[test]
    fn table_escapes_pipes_and_pads_rows() {
        let rows = vec![
            vec!["Name".to_owned(), "Score".to_owned()],
            vec!["A|B".to_owned()],
        ];
        assert_eq!(
            table(&rows),
            "| Name | Score |\n| --- | --- |\n| A\\|B |  |"
        );
    }

    #[test]
    fn code_fence_outgrows_backticks_inside() {
        let mut md = Markdown::default();
        render_block(
            &mut md,
            &Block::Code {
                text: "a ```` b\n".into(),
                language: Some("text".into()),
            },
            &[],
        );
        assert_eq!(md.finish(), "`````text\na ```` b\n`````\n");
    }

    #[test]
    fn inline_spans_become_markdown() {
        let text = "See the *new* guide: call run() first.\nThen rest.";
        let spans = [
            Span::link(4, 19, "https://docs.example/guide (v2)"),
            Span::new(SpanKind::Emphasis, 8, 13),
            Span::new(SpanKind::Code, 26, 31),
            Span::new(SpanKind::LineBreak, 38, 39),
            Span::new(SpanKind::Strong, 39, 48),
        ];
        assert_eq!(
            inline(text, &spans, false),
            "See [the *\\*new\\** guide](<https://docs.example/guide (v2)>): call `run()` first.\\\n**Then rest**."
        );
        assert_eq!(
            inline(text, &spans[3..4], true),
            "See the *new* guide: call run() first. Then rest."
        );
    }

    #[test]
    fn credit_line_joins_names_and_dates() {
        let mut a = Article::new();
        a.byline = vec![Person::new("Ana"), Person::new("Ben"), Person::new("Cy")];
        a.published = Some("2025-01-02".into());
        a.modified = Some("2025-01-03".into());
        assert_eq!(
            a.credit_line(),
            "By Ana, Ben and Cy · 2025-01-02 (updated 2025-01-03)"
        );
    }

    #[test]
    fn related_links_without_url_are_plain_items() {
        let mut a = Article::new();
        a.related.push(RelatedLink::new("No link [here]"));
        a.sections.push(Section::new(Some("Only".into()), 0));
        assert_eq!(
            a.to_markdown(),
            "## Only\n\n## Related\n\n- No link \\[here\\]\n"
        );
    }
}
