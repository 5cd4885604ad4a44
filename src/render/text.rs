//! Plain-text rendering.

use crate::model::Article;

impl Article {
    /// The article as plain text: the headline and the dek (each on one
    /// line) and the body ([`body_text`](Article::body_text)), separated by
    /// blank lines and
    /// ending with a newline. Parts that are absent are left out; an article
    /// with nothing in it renders as an empty string.
    ///
    /// # Examples
    ///
    /// ```
    /// use copydesk::{Article, Block, Section};
    /// let mut article = Article::new();
    /// article.headline = Some("Bridge Reopens".into());
    /// article.dek = Some("Repairs finished a week early.".into());
    /// let mut section = Section::new(None, 0);
    /// section.blocks.push(Block::paragraph("Traffic resumed on Monday."));
    /// article.sections.push(section);
    /// assert_eq!(
    ///     article.to_text(),
    ///     "Bridge Reopens\n\nRepairs finished a week early.\n\nTraffic resumed on Monday.\n"
    /// );
    /// ```
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let one_line = |s: &Option<String>| s.as_deref().map(crate::base::collapse_whitespace);
        let parts = [
            one_line(&self.headline),
            one_line(&self.dek),
            Some(self.body_text()),
        ];
        for part in parts.iter().flatten() {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(part);
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Article, Block, Section};

    #[test]
    fn empty_article_renders_empty() {
        assert_eq!(Article::new().to_text(), "");
    }

    #[test]
    fn absent_parts_are_skipped() {
        let mut a = Article::new();
        let mut s = Section::new(Some("Later".into()), 2);
        s.blocks.push(Block::paragraph("Body."));
        a.sections.push(s);
        assert_eq!(a.to_text(), "Body.\n");
        a.dek = Some("  Dek.  ".into());
        assert_eq!(a.to_text(), "Dek.\n\nBody.\n");
    }
}
