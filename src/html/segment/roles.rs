//! Roles from markup: the role each block gets from the element it came
//! from (heading, block quote, list item, paragraph), the box recorded on
//! blocks of related-links, notice, pull-quote and caption boxes (their
//! roles are the label stage's, `label.html-boxes`), and the pass that
//! turns a block quote repeating a body paragraph into that paragraph's
//! pull quote. The element roles stay here: they are the segmentation's own
//! reading of the markup (what shape of block the tag makes), not a label.

use super::{BlockShape, DEFAULT, MARKUP, NAME};
use crate::grammar::attribution;
use crate::heuristic::{DraftBlock, Role, Shape};
use crate::html::BoxKind;
use crate::model::QuoteKind;

pub(super) fn assign_role(block: &mut DraftBlock, kind: BlockShape, boxed: Option<BoxKind>) {
    // Blocks of boxes get their roles in the label stage
    // (`label.html-boxes`); the box is recorded for it. A caption box's
    // block is a figure without its image: that is its shape.
    if let Some(kind) = boxed {
        if kind == BoxKind::Caption {
            block.shape = Shape::Figure {
                src: None,
                alt: None,
            };
        }
        block.hints.boxed = boxed;
        return;
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
/// `Article::quotes`), with the credit line under it as its attribution.
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
        // The pull quote's credit line right under it ("— Jane Doe") is
        // part of the same display: its attribution, not body text.
        if blocks[q].attribution.is_none() {
            let credit = blocks
                .get(q + 1)
                .filter(|b| matches!(b.shape, Shape::Paragraph | Shape::Quote));
            // In a pull-quote box the credit needs no dash (`<cite>Name`).
            let named = |b: &DraftBlock| {
                attribution::source_line(&b.text, b.hints.boxed == Some(BoxKind::Pull))
            };
            if let Some(name) = credit.and_then(named) {
                blocks[q].attribution = Some(name);
                let line = &mut blocks[q + 1];
                line.set_role(Role::Boilerplate, NAME, MARKUP);
                line.hints.boxed = None;
            }
        }
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
