//! Word counting: the one CJK-aware counter every stage measures text
//! with, and the byte-lane helpers that make it (and other counts over
//! text) read eight ASCII bytes at a time.

/// Words of a text, counted up to [`WORD_CAP`]: every threshold the label
/// heuristics use is far below it, and a 10 MB block must not be re-counted
/// by each of them.
pub(crate) fn words(text: &str) -> usize {
    count_words_cjk(text, WORD_CAP)
}

/// [`count_words`] for thresholds: Han and kana are written without spaces,
/// so every two of their characters count as a word too.
pub(crate) fn count_words_cjk(text: &str, cap: usize) -> usize {
    let n = count_words(text, cap);
    if n >= cap || text.is_ascii() {
        return n;
    }
    (n + han_kana_chars(text) / 2).min(cap)
}

/// Han and kana characters of `text` ([`crate::base::is_han_kana`]),
/// counted on the UTF-8 lead bytes without decoding: U+3040–U+30FF is
/// E3 81–83, U+3400–U+3FFF is E3 90–BF, U+4000–U+9FFF is E4–E9 and
/// U+F900–U+FAFF is EF A4–AB.
fn han_kana_chars(text: &str) -> usize {
    let b = text.as_bytes();
    let mut n = 0;
    for (i, &lead) in b.iter().enumerate() {
        let hit = match lead {
            0xE4..=0xE9 => true,
            0xE3 => b
                .get(i + 1)
                .is_some_and(|&c| matches!(c, 0x81..=0x83 | 0x90..=0xBF)),
            0xEF => b.get(i + 1).is_some_and(|&c| matches!(c, 0xA4..=0xAB)),
            _ => false,
        };
        n += usize::from(hit);
    }
    n
}

/// Whitespace-separated words of `text`, counted up to `cap`: the same count
/// as `split_whitespace().take(cap).count()`, reading bytes instead of
/// decoding every character (only the lead bytes of the non-ASCII
/// whitespace characters are decoded).
pub(crate) fn count_words(text: &str, cap: usize) -> usize {
    let bytes = text.as_bytes();
    let (mut n, mut in_word, mut i) = (0, false, 0);
    while let Some(&b) = bytes.get(i) {
        // Eight ASCII bytes at a time (most text), one byte per lane: a
        // word starts at a non-space byte after a space. The result is
        // min(words, cap), so stopping once `cap` is reached is exact.
        if let Some(chunk) = bytes.get(i..i + 8) {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            let x = u64::from_le_bytes(w);
            if x & HIGH == 0 {
                let space = ascii_space_lanes(x);
                let before = (space << 8) | if in_word { 0 } else { 0x80 };
                n += lanes_set(!space & HIGH & before);
                if n >= cap {
                    return cap;
                }
                in_word = space >> 63 == 0;
                i += 8;
                continue;
            }
        }
        let (space, len) = match b {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => (true, 1),
            // U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000 start so.
            0xC2 | 0xE1 | 0xE2 | 0xE3 => {
                let c = text.get(i..).and_then(|t| t.chars().next());
                (
                    c.is_some_and(char::is_whitespace),
                    c.map_or(1, char::len_utf8),
                )
            }
            _ => (false, 1),
        };
        if !space && !in_word {
            if n == cap {
                return n;
            }
            n += 1;
        }
        in_word = !space;
        i += len;
    }
    n
}

/// How many lanes of `m` have their high bit set (`m` has no other bits):
/// the lanes' bits moved to bit 0 and summed into the top byte by one
/// multiplication (at most 8, no carry out). `count_ones` is a long
/// instruction sequence on the baseline x86-64 target, which has no POPCNT.
pub(crate) fn lanes_set(m: u64) -> usize {
    ((m >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize
}

/// The high bit of every byte lane.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// For eight ASCII bytes (high bits clear), the high bit of each lane set
/// where the byte is ASCII whitespace (space, `\t`, `\n`, `\r`, VT, FF).
/// No lane carries into the next: every sum stays below 0x100.
pub(crate) fn ascii_space_lanes(x: u64) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let lanes = |b: u8| u64::from_le_bytes([b; 8]);
    // Lanes equal to 0x20: the lane of `x ^ 0x20` is zero.
    let y = x ^ lanes(0x20);
    let is_space = !(((y & LOW7) + LOW7) | y | LOW7);
    // Lanes from 0x09 to 0x0D: at least 9 and not at least 14.
    let ge9 = x + lanes(0x80 - 0x09);
    let ge14 = x + lanes(0x80 - 0x0E);
    (is_space | (ge9 & !ge14)) & HIGH
}

/// For eight ASCII bytes (high bits clear), the high bit of each lane set
/// where the byte is `b`.
pub(crate) fn byte_lanes(x: u64, b: u8) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    // Lanes equal to `b`: the lane of `x ^ b` is zero.
    let y = x ^ u64::from_le_bytes([b; 8]);
    !(((y & LOW7) + LOW7) | y | LOW7) & HIGH
}

/// See [`words`].
pub(crate) const WORD_CAP: usize = 1000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_kana_counted_on_lead_bytes() {
        for t in [
            "",
            "plain ascii",
            "“curly” quotes — and dashes",
            "港口的渡轮「恢復」した。カタカナ、ひらがな",
            "\u{3000}\u{303F}\u{3040}\u{30FF}\u{3100}\u{33FF}\u{3400}\u{9FFF}\u{A000}\u{F8FF}\u{F900}\u{FAFF}\u{FB00}한국어",
        ] {
            let want = t.chars().filter(|c| crate::base::is_han_kana(*c)).count();
            assert_eq!(super::han_kana_chars(t), want, "{t}");
        }
    }

    #[test]
    fn word_counts_match_split_whitespace() {
        for text in [
            "",
            "  ",
            "one",
            " one  two\tthree\nfour ",
            "“Quoted,” she said — then left.",
            "a\u{a0}b\u{2009}c\u{3000}d\u{85}e\u{1680}f",
            "é è ü ß 東京 ١٢",
            "\u{b}x\u{c}y\u{2028}z",
            "eight ch",
            "eightchr nine more words  to\tcount\r\nacross\x0bchunks\x0cof eight",
            "        leading spaces then words ending in space        ",
            "mixed ascii and é in the middle of a long line of words, twice é",
            "\x1f\x7f!~ \x08\x0e\x1f\x21 controls near the whitespace range",
        ] {
            for cap in [0, 1, 3, 5, 8, 1000] {
                assert_eq!(
                    count_words(text, cap),
                    text.split_whitespace().take(cap).count(),
                    "{text:?} cap {cap}"
                );
            }
        }
    }

    #[test]
    fn word_counts_for_every_ascii_byte_in_a_chunk() {
        for b in 0u8..0x80 {
            for at in 0..8 {
                let mut bytes = *b"abcdefghijklmnop";
                bytes[at] = b;
                bytes[at + 8] = b;
                let text = String::from_utf8(bytes.to_vec()).expect("ASCII");
                assert_eq!(
                    count_words(&text, 1000),
                    text.split_whitespace().count(),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn byte_lanes_mark_exactly_the_equal_bytes() {
        for b in 0u8..0x80 {
            for other in 0u8..0x80 {
                let mut lanes = [other; 8];
                lanes[3] = b;
                lanes[7] = b;
                let want = (0..8)
                    .filter(|&i| lanes[i] == b)
                    .fold(0u64, |m, i| m | 0x80 << (8 * i));
                assert_eq!(
                    byte_lanes(u64::from_le_bytes(lanes), b),
                    want,
                    "{b} {other}"
                );
            }
        }
    }

    #[test]
    fn lanes_set_counts_high_bits() {
        for m in 0u32..256 {
            let mut x = 0u64;
            for lane in 0..8 {
                if m & (1 << lane) != 0 {
                    x |= 0x80 << (8 * lane);
                }
            }
            assert_eq!(lanes_set(x), m.count_ones() as usize, "{x:#x}");
        }
    }
}
