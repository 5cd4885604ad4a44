//! Quotation marks: which marks open and close a quote (straight, curly,
//! «», „“, ‚‘, ‹›) and the scan that pairs them in a text.

/// A quotation found in a text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    /// Inner text, trimmed, without a trailing comma.
    pub text: String,
    /// Byte offset of the opening mark.
    pub start: usize,
    /// Byte offset just after the closing mark (end of text when unclosed).
    pub end: usize,
    /// False when the quote runs to the end of the paragraph unclosed.
    pub closed: bool,
}

/// The closing marks that may end a quote opened by `open`.
pub(super) fn closers(open: char) -> Option<&'static [char]> {
    Some(match open {
        '"' => &['"'],
        '“' => &['”', '“'],
        '„' => &['“', '”'],
        '«' => &['»'],
        '»' => &['«'],
        '‚' => &['‘', '’'],
        '‹' => &['›'],
        '‘' => &['’'],
        '「' => &['」'],
        '『' => &['』'],
        _ => return None,
    })
}

/// A straight quote opens only at a word start: after a space, an opening
/// bracket or a dash.
pub(super) fn can_open(text: &str, at: usize, open: char) -> bool {
    let prev = text[..at].chars().next_back();
    match open {
        '"' | '‘' => prev.is_none_or(|p| p.is_whitespace() || "([{—–-:/".contains(p)),
        '»' => prev.is_none_or(char::is_whitespace),
        _ => true,
    }
}

/// A closing ’ must not be an apostrophe (followed by a letter).
pub(super) fn can_close(text: &str, at: usize, close: char) -> bool {
    if close != '’' {
        return true;
    }
    let next = text[at + close.len_utf8()..].chars().next();
    !next.is_some_and(char::is_alphanumeric)
}

/// Finds the quotations in `text`, in order. Linear in the text length:
/// for each closing character the next occurrence is remembered, so the
/// scan never searches the same stretch twice for the same mark.
pub(crate) fn find_quotes(text: &str) -> Vec<Found> {
    let mut found = Vec::new();
    // Next known position of each closer; usize::MAX = none further on.
    let mut next_pos: Vec<(char, usize)> = Vec::new();
    let mut i = 0;
    // Every mark but `"` is non-ASCII: other ASCII bytes are skipped
    // without decoding. A byte found after ASCII ones starts a character.
    while let Some(off) = text.as_bytes().get(i..).and_then(next_mark_byte) {
        let at = i + off;
        let Some(open) = text.get(at..).and_then(|t| t.chars().next()) else {
            break;
        };
        let after_open = at + open.len_utf8();
        i = after_open;
        let Some(cl) = closers(open) else { continue };
        if !can_open(text, at, open) {
            continue;
        }
        let close = cl
            .iter()
            .filter_map(|&c| next_closer(text, after_open, c, &mut next_pos).map(|p| (p, c)))
            .min_by_key(|(p, _)| *p)
            .or_else(|| {
                // Mixed marks (`"…,” she said`, `“…," she said`): a straight
                // and a curly double quote pair when the matching one never
                // comes.
                let other = match open {
                    '"' => '”',
                    '“' => '"',
                    _ => return None,
                };
                next_closer(text, after_open, other, &mut next_pos).map(|p| (p, other))
            });
        let (inner, end, closed) = match close {
            Some((p, c)) => (&text[after_open..p], p + c.len_utf8(), true),
            None => (&text[after_open..], text.len(), false),
        };
        let inner = inner.trim().trim_end_matches(',').trim_end();
        if !inner.is_empty() {
            found.push(Found {
                text: inner.to_owned(),
                start: at,
                end,
                closed,
            });
        }
        i = end;
    }
    found
}

/// Offset of the first byte of `b` that is `"` or not ASCII (where every
/// other quotation mark starts). Eight ASCII bytes at a time: a lane is
/// `"` when the lane of `x ^ 0x22…` is zero, and no lane carries into the
/// next (every sum stays below 0x100).
pub(super) fn next_mark_byte(b: &[u8]) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let mut i = 0;
    while let Some(Ok(chunk)) = b.get(i..i + 8).map(<[u8; 8]>::try_from) {
        let x = u64::from_le_bytes(chunk);
        let y = x ^ u64::from_le_bytes([b'"'; 8]);
        let quote = !(((y & LOW7) + LOW7) | y | LOW7);
        if (quote | x) & HIGH != 0 {
            break;
        }
        i += 8;
    }
    b.get(i..)?
        .iter()
        .position(|&c| c == b'"' || c >= 0x80)
        .map(|p| i + p)
}

/// Position of the next `c` at or after `from` that can close a quote.
pub(super) fn next_closer(
    text: &str,
    from: usize,
    c: char,
    memo: &mut Vec<(char, usize)>,
) -> Option<usize> {
    let slot = match memo.iter().position(|(k, _)| *k == c) {
        Some(s) => s,
        None => {
            memo.push((c, 0));
            memo.len() - 1
        }
    };
    let known = memo[slot].1;
    if known == usize::MAX {
        return None;
    }
    if known >= from && known > 0 {
        return Some(known);
    }
    let mut pos = from;
    let result = loop {
        match text[pos..].find(c) {
            Some(off) if can_close(text, pos + off, c) => break Some(pos + off),
            Some(off) => pos += off + c.len_utf8(),
            None => break None,
        }
    };
    memo[slot].1 = result.unwrap_or(usize::MAX);
    result
}
