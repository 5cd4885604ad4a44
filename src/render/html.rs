//! Cleaned, minimal, safe HTML rendering.

use super::inline::{Event, events, safe_link, safe_url, split_spans};
use super::{disclaimer_label, join_names};
use crate::base::collapse_whitespace as one_line;
use crate::base::is_language_tag;
use crate::model::{Article, Block, Span, SpanKind};

impl Article {
    /// The article as a small, safe HTML document: the shape reader modes
    /// and e-readers take.
    ///
    /// Semantic tags only — `article`, `header`, `h1`–`h6`, `p`,
    /// `blockquote`, `figure`, `figcaption`, `img`, `ul`/`ol`/`li`, `table`,
    /// `pre`/`code`, `a`, `em`, `strong`, `code`, `br`, `time`, `aside`,
    /// `footer`, `section` — with no scripts, styles, classes (except a code
    /// block's `language-…`) or event attributes. All text is escaped. Links
    /// and images keep only absolute `http:`/`https:` targets (`mailto:` for
    /// links); any other target is dropped and its text kept. The `lang`
    /// attribute carries [`language`](Article::language) when it is a
    /// well-formed tag.
    ///
    /// In order: the headline (`h1`), dek, byline and dates in a `header`;
    /// each section (`h2`… by level) with its blocks; disclaimers in a
    /// `footer`; related links in an `aside`. Quotes are a `figure` with the
    /// `blockquote` and the attribution as `figcaption`.
    ///
    /// # Examples
    ///
    /// ```
    /// use copydesk::{Article, Block, Section, Span, SpanKind};
    /// let mut article = Article::new();
    /// article.headline = Some("Bridge <Reopens>".into());
    /// let mut section = Section::new(None, 0);
    /// section.push(
    ///     Block::paragraph("Read the report."),
    ///     vec![Span::link(9, 15, "https://city.example/report")],
    /// );
    /// article.sections.push(section);
    /// let html = article.to_html();
    /// assert!(html.contains("<h1>Bridge &lt;Reopens&gt;</h1>"));
    /// assert!(html.contains(r#"<p>Read the <a href="https://city.example/report">report</a>.</p>"#));
    /// ```
    pub fn to_html(&self) -> String {
        let mut h = String::with_capacity(self.text.len() * 2 + 512);
        h.push_str("<!DOCTYPE html>\n");
        match self.language.as_deref().filter(|l| is_language_tag(l)) {
            Some(lang) => h.push_str(&format!("<html lang=\"{}\">\n", escape(lang))),
            None => h.push_str("<html>\n"),
        }
        h.push_str("<head>\n<meta charset=\"utf-8\">\n");
        if let Some(title) = non_empty(&self.headline) {
            h.push_str(&format!("<title>{}</title>\n", escape(&one_line(title))));
        }
        if let Some(url) = non_empty(&self.url).and_then(safe_url) {
            h.push_str(&format!(
                "<link rel=\"canonical\" href=\"{}\">\n",
                escape(url)
            ));
        }
        h.push_str("</head>\n<body>\n<article>\n");
        let credit = self.credit_html();
        let has_head = non_empty(&self.headline).is_some()
            || non_empty(&self.dek).is_some()
            || !credit.is_empty();
        if has_head {
            h.push_str("<header>\n");
            if let Some(title) = non_empty(&self.headline) {
                h.push_str(&format!("<h1>{}</h1>\n", escape(&one_line(title))));
            }
            if let Some(dek) = non_empty(&self.dek) {
                h.push_str(&format!("<p>{}</p>\n", escape(&one_line(dek))));
            }
            if !credit.is_empty() {
                h.push_str(&format!("<p>{credit}</p>\n"));
            }
            h.push_str("</header>\n");
        }
        for section in &self.sections {
            h.push_str("<section>\n");
            if let Some(heading) = non_empty(&section.heading) {
                let n = heading_level(section.level);
                let heading = match (&section.heading, section.heading_spans.as_slice()) {
                    (Some(raw), spans) if !spans.is_empty() => inline(raw, spans).trim().to_owned(),
                    _ => escape(&one_line(heading)),
                };
                h.push_str(&format!("<h{n}>{heading}</h{n}>\n"));
            }
            for (i, block) in section.blocks.iter().enumerate() {
                render_block(&mut h, block, section.spans_of(i));
            }
            h.push_str("</section>\n");
        }
        let notices: Vec<_> = self
            .disclaimers
            .iter()
            .filter(|d| !d.text.trim().is_empty())
            .collect();
        if !notices.is_empty() {
            h.push_str("<footer>\n");
            for d in notices {
                let text = d.text.trim();
                let label = disclaimer_label(d.kind);
                if text.to_lowercase().starts_with(&label.to_lowercase()) {
                    h.push_str(&format!("<p>{}</p>\n", escape(text)));
                } else {
                    h.push_str(&format!(
                        "<p><strong>{label}:</strong> {}</p>\n",
                        escape(text)
                    ));
                }
            }
            h.push_str("</footer>\n");
        }
        if !self.related.is_empty() {
            h.push_str("<aside>\n<h2>Related</h2>\n<ul>\n");
            for link in &self.related {
                let title = escape(&one_line(&link.title));
                h.push_str("<li>");
                match non_empty(&link.url).and_then(safe_url) {
                    Some(url) => h.push_str(&format!("<a href=\"{}\">{title}</a>", escape(url))),
                    None => h.push_str(&title),
                }
                if let Some(summary) = non_empty(&link.summary) {
                    h.push_str(" — ");
                    h.push_str(&escape(&one_line(summary)));
                }
                h.push_str("</li>\n");
            }
            h.push_str("</ul>\n</aside>\n");
        }
        h.push_str("</article>\n</body>\n</html>\n");
        h
    }

    /// "By A and B · <time>2025-12-12</time>", escaped.
    fn credit_html(&self) -> String {
        let names: Vec<String> = self
            .byline
            .iter()
            .map(|p| one_line(&p.name))
            .filter(|n| !n.is_empty())
            .collect();
        let mut parts = Vec::new();
        if !names.is_empty() {
            parts.push(format!("By {}", escape(&join_names(&names))));
        }
        let time = |t: &str| format!("<time datetime=\"{0}\">{0}</time>", escape(t));
        match (non_empty(&self.published), non_empty(&self.modified)) {
            (Some(p), Some(m)) if p != m => {
                parts.push(format!("{} (updated {})", time(p), time(m)));
            }
            (Some(p), _) => parts.push(time(p)),
            (None, Some(m)) => parts.push(format!("Updated {}", time(m))),
            (None, None) => {}
        }
        parts.join(" · ")
    }
}

fn render_block(h: &mut String, block: &Block, spans: &[Span]) {
    match block {
        Block::Paragraph { text } => {
            let inner = inline(text.trim_end(), spans);
            if !inner.trim().is_empty() {
                h.push_str(&format!("<p>{}</p>\n", inner.trim_start()));
            }
        }
        Block::Heading { text, level } => {
            let n = heading_level(*level);
            h.push_str(&format!("<h{n}>{}</h{n}>\n", inline(text, spans).trim()));
        }
        Block::Quote { text, attribution } => {
            let who = attribution
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty());
            if who.is_some() {
                h.push_str("<figure>\n");
            }
            h.push_str("<blockquote>\n");
            // Blank lines part the quote's paragraphs; other line ends are breaks.
            let inner = inline(text, spans);
            for para in inner.split("\n\n") {
                let para = para.trim();
                if !para.is_empty() {
                    h.push_str(&format!("<p>{}</p>\n", para.replace('\n', "<br>\n")));
                }
            }
            h.push_str("</blockquote>\n");
            if let Some(who) = who {
                h.push_str(&format!(
                    "<figcaption>— {}</figcaption>\n</figure>\n",
                    escape(&one_line(who))
                ));
            }
        }
        Block::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            h.push_str(&format!("<{tag}>\n"));
            let texts: Vec<&str> = items.iter().map(String::as_str).collect();
            for (item, spans) in items.iter().zip(split_spans(&texts, spans)) {
                let inner = inline(item, &spans);
                if !inner.trim().is_empty() {
                    h.push_str(&format!("<li>{}</li>\n", inner.trim()));
                }
            }
            h.push_str(&format!("</{tag}>\n"));
        }
        Block::Figure { src, alt, caption } => {
            let src = non_empty(src).and_then(safe_url);
            // The spans index the caption as it is, not trimmed.
            let caption = caption.as_deref().filter(|c| !c.trim().is_empty());
            if src.is_none() && caption.is_none() {
                if let Some(alt) = non_empty(alt) {
                    h.push_str(&format!("<p>{}</p>\n", escape(&one_line(alt))));
                }
                return;
            }
            h.push_str("<figure>\n");
            if let Some(src) = src {
                let alt = alt.as_deref().map(one_line).unwrap_or_default();
                h.push_str(&format!(
                    "<img src=\"{}\" alt=\"{}\">\n",
                    escape(src),
                    escape(&alt)
                ));
            }
            if let Some(caption) = caption {
                h.push_str(&format!(
                    "<figcaption>{}</figcaption>\n",
                    inline(caption, spans).trim()
                ));
            }
            h.push_str("</figure>\n");
        }
        Block::Table { rows } => {
            if rows.iter().all(Vec::is_empty) {
                return;
            }
            let cells: Vec<&str> = rows.iter().flatten().map(String::as_str).collect();
            let mut cell_spans = split_spans(&cells, spans).into_iter();
            h.push_str("<table>\n<tbody>\n");
            for row in rows {
                h.push_str("<tr>");
                for cell in row {
                    let spans = cell_spans.next().unwrap_or_default();
                    h.push_str(&format!("<td>{}</td>", inline(cell, &spans).trim()));
                }
                h.push_str("</tr>\n");
            }
            h.push_str("</tbody>\n</table>\n");
        }
        Block::Code { text, language } => {
            let class = language
                .as_deref()
                .map(str::trim)
                .filter(|l| {
                    !l.is_empty()
                        && l.len() <= 32
                        && l.chars()
                            .all(|c| c.is_ascii_alphanumeric() || "+#._-".contains(c))
                })
                .map(|l| format!(" class=\"language-{l}\""))
                .unwrap_or_default();
            h.push_str(&format!(
                "<pre><code{class}>{}</code></pre>\n",
                escape(text.trim_end_matches('\n'))
            ));
        }
        // `Block` is non-exhaustive only for other crates; new variants get
        // their plain text here until they have a rendering of their own.
        #[allow(unreachable_patterns)]
        other => {
            let text = other.plain_text();
            if !text.trim().is_empty() {
                h.push_str(&format!("<p>{}</p>\n", escape(text.trim())));
            }
        }
    }
}

/// A block's text with its inline spans as escaped HTML.
fn inline(text: &str, spans: &[Span]) -> String {
    let mut out = String::with_capacity(text.len() + 24 * spans.len());
    // Links whose target was refused open nothing; their close is skipped too.
    let mut open: Vec<Option<&'static str>> = Vec::new();
    for event in events(text, spans) {
        match event {
            Event::Text(t) => out.push_str(&escape(t)),
            Event::Open(span) => {
                let tag = match span.kind {
                    SpanKind::Link => {
                        let href = span.href.as_deref().map(|u| u.trim().replace(' ', "%20"));
                        match href.as_deref().and_then(safe_link) {
                            Some(url) => {
                                out.push_str(&format!("<a href=\"{}\">", escape(url)));
                                Some("a")
                            }
                            None => None,
                        }
                    }
                    SpanKind::Strong => {
                        out.push_str("<strong>");
                        Some("strong")
                    }
                    _ => {
                        out.push_str("<em>");
                        Some("em")
                    }
                };
                open.push(tag);
            }
            Event::Close(_) => {
                if let Some(Some(tag)) = open.pop() {
                    out.push_str(&format!("</{tag}>"));
                }
            }
            Event::Break => out.push_str("<br>"),
            Event::Code(code) => {
                out.push_str("<code>");
                out.push_str(&escape(code));
                out.push_str("</code>");
            }
        }
    }
    out
}

/// Text and attribute values: `&`, `<`, `>`, `"` and `'` as references.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn heading_level(level: u8) -> u8 {
    level.clamp(2, 6)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Section;

    #[test]
    fn unsafe_targets_are_dropped_text_kept() {
        let text = "Click here or write.";
        let spans = [
            Span::link(0, 10, "javascript:alert(1)"),
            Span::link(14, 19, "mailto:desk@news.example"),
        ];
        assert_eq!(
            inline(text, &spans),
            "Click here or <a href=\"mailto:desk@news.example\">write</a>."
        );
        assert_eq!(safe_url("/relative/path"), None);
        assert_eq!(safe_url("data:image/png;base64,AAAA"), None);
        assert_eq!(safe_url("https://a.example/x y"), None);
        assert_eq!(safe_url("HTTPS://a.example/x"), Some("HTTPS://a.example/x"));
    }

    #[test]
    fn markup_in_text_is_escaped() {
        let mut a = Article::new();
        let mut s = Section::new(Some("<script>alert(1)</script>".into()), 2);
        s.push(
            Block::Figure {
                src: Some("javascript:x".into()),
                alt: Some("\" onerror=\"x".into()),
                caption: Some("A <b>caption</b>".into()),
            },
            Vec::new(),
        );
        s.push(
            Block::Code {
                text: "<p onclick='x'>".into(),
                language: Some("html\" onload=\"x".into()),
            },
            Vec::new(),
        );
        a.sections.push(s);
        let html = a.to_html();
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("onclick='"), "{html}");
        assert!(html.contains("<figcaption>A &lt;b&gt;caption&lt;/b&gt;</figcaption>"));
        assert!(html.contains("<pre><code>&lt;p onclick=&#39;x&#39;&gt;</code></pre>"));
    }
}
