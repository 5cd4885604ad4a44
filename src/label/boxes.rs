//! Blocks of the page's kept boxes: a related-links box or a notice box
//! (editor's note, correction, AI notice) that the clean stage kept, or a
//! heuristic marked with `PageDecision::Related` / `Disclaimer`, and a
//! pull-quote or caption box, whose blocks the segment stage read with the
//! box recorded on them (`Hints::boxed`). Their roles come from the box,
//! not from the wording rules of the other label heuristics, so this one
//! runs first and is sure ([`CONFIDENCE`]): a related box's heading or
//! short line that is not a link is the list's header, its links are
//! items, the rest boilerplate; a notice box's blocks are notices of the
//! kind their wording says; a pull-quote box's blocks are pull quotes and a
//! caption box's captions, unless `segment.html-edges` already took them
//! out of the body (`DraftBlock::box_role`). HTML only: text input has no
//! boxes. The roles a block gets from its own element (heading, block
//! quote, paragraph, list item) stay the segment stage's: they are its
//! reading of the markup, not a box's.

use crate::error::BoxError;
use crate::heuristic::{Builtin, Context, Draft, Stage};

/// The heuristic's id.
const NAME: &str = "label.html-boxes";
/// How sure a role read from the box is: above every wording rule, so no
/// later label heuristic takes the block back into the body (or, for a
/// pull quote or caption, relabels it).
const CONFIDENCE: f32 = 0.9;

/// `label.html-boxes`, as [`heuristics`](super::heuristics) lists it.
pub(super) const BUILTIN: Builtin = Builtin {
    name: NAME,
    stage: Stage::Label,
    description: "Gives the blocks of kept related-link, notice, pull-quote and caption boxes their roles: the box's header, related items and boilerplate; notices of the kind their wording says; pull quotes; captions.",
    run: html_boxes,
};

fn html_boxes(draft: &mut Draft, _cx: &Context<'_>) -> Result<(), BoxError> {
    for block in draft.blocks_mut() {
        if let Some(role) = block.box_role() {
            block.set_role(role, NAME, CONFIDENCE);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heuristic::{DraftBlock, InputKind, Role, Shape};
    use crate::limits::Limits;
    use crate::model::{DisclaimerKind, QuoteKind};
    use crate::page::BoxKind;

    #[test]
    fn roles_come_from_the_box() {
        let block = |shape: Shape, text: &str, href: Option<&str>, boxed: Option<BoxKind>| {
            let mut b = DraftBlock::new(shape, text);
            b.hints.href = href.map(str::to_owned);
            b.hints.link_density = if href.is_some() { 1.0 } else { 0.0 };
            b.hints.boxed = boxed;
            b
        };
        let related = Some(BoxKind::Related);
        let mut draft = Draft::new(InputKind::Html, String::new());
        *draft.blocks_mut() = vec![
            block(
                Shape::Heading { level: 3 },
                "More from the coast and the harbour",
                None,
                related,
            ),
            block(Shape::Paragraph, "Also read", None, related),
            block(
                Shape::Paragraph,
                "Ferry fares rise in May",
                Some("/a"),
                related,
            ),
            block(
                Shape::Paragraph,
                "Seven words that are not a link here",
                None,
                related,
            ),
            block(
                Shape::Paragraph,
                "Made with artificial intelligence.",
                None,
                Some(BoxKind::Disclaimer),
            ),
            block(Shape::Paragraph, "A body paragraph.", None, None),
            block(Shape::Quote, "A pull quote.", None, Some(BoxKind::Pull)),
            block(
                Shape::Figure {
                    src: None,
                    alt: None,
                },
                "The quay at dawn.",
                None,
                Some(BoxKind::Caption),
            ),
            block(
                Shape::Quote,
                "Read more: Ferry fares rise in May",
                None,
                Some(BoxKind::Pull),
            ),
            // A "callout" box that reads as a notice is one.
            block(
                Shape::Paragraph,
                "We may earn a commission when you buy through links on this page.",
                None,
                Some(BoxKind::Pull),
            ),
        ];
        // A pull-quote box's teaser line the edge trimming already took out
        // of the body keeps that role.
        draft.blocks_mut()[8].set_role(Role::Boilerplate, "segment.html-edges", 0.8);
        let limits = Limits::default();
        let cx = Context {
            url: None,
            limits: &limits,
            favor: crate::favor::Favor::Balanced,
            comments: false,
        };
        html_boxes(&mut draft, &cx).expect("runs");
        let roles: Vec<(Role, Option<&str>)> = draft
            .blocks()
            .iter()
            .map(|b| (b.role, b.decided_by))
            .collect();
        assert_eq!(
            roles,
            [
                (Role::RelatedHeader, Some(NAME)),
                (Role::RelatedHeader, Some(NAME)),
                (Role::RelatedItem, Some(NAME)),
                (Role::Boilerplate, Some(NAME)),
                (Role::Disclaimer(DisclaimerKind::AiGenerated), Some(NAME)),
                (Role::Unknown, None),
                (Role::Quote(QuoteKind::Pull), Some(NAME)),
                (Role::Caption, Some(NAME)),
                (Role::Boilerplate, Some("segment.html-edges")),
                (Role::Disclaimer(DisclaimerKind::Affiliate), Some(NAME)),
            ]
        );
    }

    #[test]
    fn related_and_notice_boxes_get_their_roles_in_the_label_stage() {
        let page = "<html><body><article><h1>Harbour plan</h1>\
            <p>The harbour authority approved the expansion plan on Monday after a long public hearing \
            that ran well into the evening, with dozens of residents speaking.</p>\
            <p>Work on the new quay is to start in the spring and take two years, the authority said, \
            and the ferry will keep running while it goes on.</p>\
            <div class=\"editors-note\"><p>Editor's note: this story was updated with the vote count.</p></div>\
            </article>\
            <div class=\"related-articles\"><h3>More from the coast</h3>\
            <a href=\"/a\">Ferry fares rise in May</a><a href=\"/b\">Lighthouse opens to visitors</a></div>\
            </body></html>";
        let (article, report) = crate::Extractor::default()
            .extract_with_report(page)
            .expect("article");
        assert!(report.ran.contains(&super::NAME), "{:?}", report.ran);
        assert!(!article.text.contains("Editor's note"), "{}", article.text);
        assert!(
            article
                .disclaimers
                .iter()
                .any(|d| d.kind == DisclaimerKind::EditorsNote),
            "{:?}",
            article.disclaimers
        );
        assert!(!article.text.contains("Ferry fares"), "{}", article.text);
    }

    #[test]
    fn pull_quote_and_caption_boxes_get_their_roles_in_the_label_stage() {
        let page = "<html><body><article><h1>Harbour plan</h1>\
            <p>The harbour authority approved the expansion plan on Monday after a long public hearing \
            that ran well into the evening, with dozens of residents speaking.</p>\
            <div class=\"pullquote\"><p>We waited twenty years for this quay</p></div>\
            <p>Work on the new quay is to start in the spring and take two years, the authority said, \
            and the ferry will keep running while it goes on.</p>\
            <div class=\"caption\">The old quay at low tide, seen from the ferry.</div>\
            <p>Residents who spoke at the hearing mostly backed the plan, though some asked for a \
            limit on night work and a second look at the traffic on the harbour road.</p>\
            </article></body></html>";
        let (article, report) = crate::Extractor::default()
            .extract_with_report(page)
            .expect("article");
        assert!(
            article.quotes.iter().any(|q| q.kind == QuoteKind::Pull
                && q.text.contains("twenty years for this quay")),
            "{:?}",
            article.quotes
        );
        let caption = article.sections.iter().flat_map(|s| &s.blocks).any(|b| {
            matches!(b, crate::model::Block::Figure { caption: Some(c), .. }
                if c.contains("old quay at low tide"))
        });
        assert!(caption, "{:?}", article.sections);
        assert!(
            report
                .sections
                .iter()
                .any(|s| s.roles_by.iter().any(|(by, _)| *by == super::NAME)),
            "{:?}",
            report.sections
        );
    }
}
