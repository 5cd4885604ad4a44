//! Roles from markup: the role each block gets from the element it came
//! from (heading, block quote, list item, paragraph) or the pull-quote or
//! caption box it sits in, the box recorded on blocks of related-links and
//! notice boxes (their roles are the label stage's, `label.html-boxes`),
//! and the pass that turns a block quote repeating a body paragraph into
//! that paragraph's pull quote.

use super::{BlockShape, DEFAULT, MARKUP, NAME};
use crate::heuristic::{DraftBlock, Role, Shape};
use crate::html::BoxKind;
use crate::model::QuoteKind;

pub(super) fn assign_role(block: &mut DraftBlock, kind: BlockShape, boxed: Option<BoxKind>) {
    match boxed {
        // Blocks of related-links and notice boxes get their roles in the
        // label stage (`label.html-boxes`); the box is recorded for it.
        Some(BoxKind::Related | BoxKind::Disclaimer) => {
            block.hints.boxed = boxed;
            return;
        }
        Some(BoxKind::Pull) => {
            block.set_role(Role::Quote(QuoteKind::Pull), NAME, MARKUP);
            return;
        }
        Some(BoxKind::Caption) => {
            block.shape = Shape::Figure {
                src: None,
                alt: None,
            };
            block.set_role(Role::Caption, NAME, MARKUP);
            return;
        }
        None => {}
    }
    match kind {
        BlockShape::Heading(_) => block.set_role(Role::Heading, NAME, MARKUP),
        BlockShape::Quote => block.set_role(Role::Quote(QuoteKind::Block), NAME, MARKUP),
        BlockShape::ListItem => block.set_role(Role::ListItem, NAME, DEFAULT),
        BlockShape::Paragraph => block.set_role(Role::Paragraph, NAME, DEFAULT),
    }
}

pub(in crate::html) fn normalized(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        // ASCII (most text) without the Unicode tables.
        let word = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        };
        if !word {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push(' ');
        }
        gap = false;
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// A quote whose text (≥ 8 words) recurs in a body paragraph is a pull
/// quote repeating the body: the body keeps the paragraph once, and the
/// quote is recorded as a pull quote on that paragraph (so it still reaches
/// `Article::quotes`).
pub(super) fn drop_duplicate_quotes(blocks: &mut [DraftBlock]) {
    let is_quote = |b: &DraftBlock| {
        (matches!(b.shape, Shape::Quote) || matches!(b.role_before_labels(), Role::Quote(_)))
            && b.word_count() >= 8
    };
    if !blocks.iter().any(is_quote) {
        return;
    }
    // Normalised body text, one paragraph per line, with each paragraph's
    // block index and end offset for finding the one a quote repeats.
    let mut body = String::new();
    let mut ends: Vec<(usize, usize)> = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        if matches!(b.shape, Shape::Paragraph | Shape::ListItem { .. })
            && b.role_before_labels().is_body()
            && !matches!(b.role_before_labels(), Role::Quote(_))
        {
            body.push_str(&normalized(&b.text));
            ends.push((body.len(), i));
            body.push('\n');
        }
    }
    for q in 0..blocks.len() {
        if !is_quote(&blocks[q]) {
            continue;
        }
        let n = normalized(blocks[q].text.trim_matches(|c: char| !c.is_alphanumeric()));
        let Some(at) = (!n.is_empty()).then(|| body.find(&n)).flatten() else {
            continue;
        };
        let host = ends.partition_point(|(end, _)| *end < at);
        let quote = &mut blocks[q];
        quote.set_role(Role::Boilerplate, NAME, MARKUP);
        // Decided here: not a block for the label stage's box roles.
        quote.hints.boxed = None;
        let pull = crate::model::Quote::new(
            quote.text.clone(),
            quote.attribution.clone(),
            QuoteKind::Pull,
            0,
        );
        if let Some(&(_, p)) = ends.get(host) {
            if let Some(paragraph) = blocks.get_mut(p) {
                paragraph.quotes.push(pull);
            }
        }
    }
}
