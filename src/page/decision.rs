//! The hand-over from the score stage to the segment stage:
//! [`ScoreDecision`], one field of [`Dom`](super::Dom).
//!
//! | field | meaning | written by | read by |
//! |---|---|---|---|
//! | `roots` | the main-content roots, in reading order (more than one for a split body); empty: no container was found and the whole page is read | Score (`score.main-content`, `score.site-body`, [`PageDecision::MainContent`](super::PageDecision::MainContent)); a [`Drop`](super::PageDecision::Drop) takes out the roots it removes | Segment (`segment.html-blocks` walks them), the page view, the report |
//! | `boxes` | the boxes kept to be read as related links, disclaimers, pull quotes or captions (inside the main content, or related/disclaimer boxes next to it) | Clean (`clean.boilerplate` keeps them instead of removing them); [`PageDecision::Related`](super::PageDecision::Related) / [`Disclaimer`](super::PageDecision::Disclaimer) in Clean and Score | Segment (a block inside a box carries its kind), the page view, the report |
//! | `body_override` | the JSON-LD `articleBody` read as the body instead of the elements (plain paragraphs, one per line) | Score (`score.main-content`, when much longer than the DOM text); a new main container clears it | Segment (blocks from the lines), the report (fallback `json_ld_body`) |
//! | `wild` | the main content was recovered from `<p>` elements all over the page: only paragraph text counts, and boxes next to it are not read | Score (`score.main-content`, when the chosen container held too little); a new main container clears it | Segment, the report (fallback `wild_paragraphs`) |
//!
//! The fallbacks in the [`Report`](crate::Report)'s main content are read
//! from here by [`ScoreDecision::fallbacks`].

use ego_tree::NodeId;

use super::BoxKind;
use crate::report::Fallback;

/// What the score stage decided about the page, for the segment stage (see
/// the module docs for each field's writers and readers).
#[derive(Debug, Clone, Default)]
pub(crate) struct ScoreDecision {
    /// All main-content roots in document order (a split body has several);
    /// empty when no container was chosen.
    pub roots: Vec<NodeId>,
    /// Boxes kept so they become related/disclaimer/pull-quote/caption
    /// blocks.
    pub boxes: Vec<(NodeId, BoxKind)>,
    /// JSON-LD `articleBody` chosen over the DOM text.
    pub body_override: Option<String>,
    /// Main content came from wild `<p>` recovery: only paragraphs count.
    pub wild: bool,
}

impl ScoreDecision {
    /// The main-content root: the first of [`roots`](ScoreDecision::roots).
    pub(crate) fn main(&self) -> Option<NodeId> {
        self.roots.first().copied()
    }

    /// `id` is the one main-content root, in place of whatever was chosen:
    /// no split body, no wild paragraphs, no JSON-LD body.
    pub(crate) fn choose(&mut self, id: NodeId) {
        self.roots = vec![id];
        self.wild = false;
        self.body_override = None;
    }

    /// The fallbacks taken instead of reading one container as it is, in
    /// the order the report lists them.
    pub(crate) fn fallbacks(&self) -> Vec<Fallback> {
        let mut out = Vec::new();
        if self.roots.is_empty() {
            out.push(Fallback::WholePage);
        }
        if self.roots.len() > 1 {
            out.push(Fallback::SplitBody);
        }
        if self.wild {
            out.push(Fallback::WildParagraphs);
        }
        if self.body_override.is_some() {
            out.push(Fallback::JsonLdBody);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallbacks_follow_the_fields() {
        let tree = ego_tree::Tree::new(0u8);
        let id = tree.root().id();
        let mut d = ScoreDecision::default();
        assert_eq!(d.fallbacks(), [Fallback::WholePage]);
        assert_eq!(d.main(), None);
        d.roots = vec![id, id];
        d.wild = true;
        d.body_override = Some("text".to_owned());
        assert_eq!(
            d.fallbacks(),
            [
                Fallback::SplitBody,
                Fallback::WildParagraphs,
                Fallback::JsonLdBody
            ]
        );
        d.choose(id);
        assert_eq!(d.fallbacks(), []);
        assert_eq!(d.main(), Some(id));
    }
}
