//! The speaker lexicon and its fast readers: speech verbs, titles, name
//! and pronoun patterns, and the hand-written scanners that read
//! `"…," said X` / `"…," X said` without a regex on the common shapes.

use once_cell::sync::Lazy;
use regex::Regex;
/// Speech verbs (English, French, German). After GenderGapTracker's quote
/// verb list, trimmed to the common ones.
pub(super) const VERBS: &str = r"(?:said|says|say|added|adds|told|tells|explained|explains|noted|notes|stated|states|argued|argues|asked|asks|wrote|writes|recalled|recalls|warned|warns|insisted|insists|continued|replied|declared|acknowledged|admitted|admits|claimed|claims|suggested|suggests|remarked|observed|cautioned|conceded|emphasi[sz]ed|stressed|pointed out|agreed|announced|confirmed|predicted|complained|joked|laughed|sighed|shouted|whispered|(?:a |avait )?(?:déclaré|dit|expliqué|ajouté|affirmé|estimé|souligné|indiqué|précisé|confié|assuré)|dit|explique|ajoute|affirme|estime|souligne|indique|précise|assure|sagte|sagt|erklärte|erklärt|betonte|betont|meinte|meint|fügte hinzu|so)";

/// Role words dropped from the front of a name ("Mayor Ana Ruiz" → "Ana Ruiz").
pub(super) const TITLES: &str = r"(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof|Sen|Rep|Gov|Gen|Sgt|Lt|Col|Capt|Rev|Mme|Mlle|M)\.?|Mayor|President|Prime Minister|Minister|Senator|Governor|Chancellor|Professor|Judge|Coach|Captain|Chief|Director|Secretary|Commissioner|Councillor|Sheriff|Madame|Monsieur|Frau|Herr)";

/// A person's name: capitalised words, with name particles. Up to six
/// words, so that "White House Press Secretary Jane Roe" is read whole and
/// [`strip_titles`] can cut the role off.
pub(super) const NAME: &str = r"\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:de|da|del|della|di|van|von|der|den|du|dos|bin|al|ter|le|la)\s+)?(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]*)){0,5}";

/// [`NAME`] with any number of words after the first, for patterns where
/// the name comes last: there the match of `{0,5}` is the first six
/// capitalised words of this one's (see [`first_name_words`]), and the
/// automaton holds one copy of the word instead of five, which the capture
/// search pays for on every call.
pub(super) const NAME_ANY: &str = r"\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:de|da|del|della|di|van|von|der|den|du|dos|bin|al|ter|le|la)\s+)?(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]*))*";

/// The name particles of [`NAME`].
pub(super) const PARTICLES: &[&str] = &[
    "de", "da", "del", "della", "di", "van", "von", "der", "den", "du", "dos", "bin", "al", "ter",
    "le", "la",
];

/// The part of a [`NAME_ANY`] match that [`NAME`] matches: the first word
/// and up to five more capitalised words, with the particles between them.
/// Words are whitespace-separated in such a match, and a particle (lower
/// case) is never a capitalised word.
pub(super) fn first_name_words(name: &str) -> &str {
    let mut words = 0;
    let mut end = name.len();
    let mut rest = name;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        let word_len = rest[start..]
            .find(char::is_whitespace)
            .unwrap_or(rest.len() - start);
        let word = &rest[start..start + word_len];
        if !PARTICLES.contains(&word) {
            words += 1;
            if words == 6 {
                end = name.len() - rest.len() + start + word_len;
                break;
            }
        }
        rest = &rest[start + word_len..];
    }
    &name[..end]
}

pub(super) const PRONOUN: &str = r"(?:he|she|they|He|She|They|il|elle|ils|elles|er|sie)";

/// Punctuation and spaces between a closing quotation mark and its speaker.
pub(super) const AFTER_GAP: &str = r"^\s*[,.!?…]?\s*";

/// Longest appositive between the verb and the name (`said the agency's
/// director, Kim Lee`), in characters. Checked on the capture, not by a
/// counted repetition in [`AFTER_VERB`]: `[\p{Ll} ]{1,40}` copies the
/// Unicode class forty times, and the capture search clears state in
/// proportion to the automaton's size on every call. The appositive is a
/// maximal run up to a comma, so the check gives the same result; and when
/// it is longer the pattern has no other way to match (an article is never
/// a name or a pronoun).
pub(super) const APPOSITIVE_CHARS: usize = 40;

/// `"…," said Kim Lee` / `"…," said she` / `», explique-t-elle`: the verb first.
/// Split from [`AFTER_NAME`] because a capture search costs in proportion
/// to the size of the pattern; only letters can follow the gap, so trying
/// this one first gives the same result as one alternation of both.
pub(super) static AFTER_VERB: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"{AFTER_GAP}{VERBS}(?:-(?:t-)?(?P<tp>{PRONOUN})|\s+(?:(?:the|a|an|la|le|die|der) (?P<ap>[\p{{Ll}} ]+),\s+)?(?:{TITLES}\s+)?(?P<vn>{NAME_ANY}|{PRONOUN}))"
    ))
    .expect("AFTER_VERB")
});

/// Single-word [`VERBS`] that [`after_verb_name`] reads by hand: ASCII,
/// and none is the first word of a several-word verb ("pointed out",
/// "a déclaré"), so when one stands as a whole word before a space it is
/// the only verb of the alternation that can match there.
pub(super) const PLAIN_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "added",
    "adds",
    "told",
    "tells",
    "explained",
    "explains",
    "noted",
    "notes",
    "stated",
    "states",
    "argued",
    "argues",
    "asked",
    "asks",
    "wrote",
    "writes",
    "recalled",
    "recalls",
    "warned",
    "warns",
    "insisted",
    "insists",
    "continued",
    "replied",
    "declared",
    "acknowledged",
    "admitted",
    "admits",
    "claimed",
    "claims",
    "suggested",
    "suggests",
    "remarked",
    "observed",
    "cautioned",
    "conceded",
    "emphasised",
    "emphasized",
    "stressed",
    "agreed",
    "announced",
    "confirmed",
    "predicted",
    "complained",
    "joked",
    "laughed",
    "sighed",
    "shouted",
    "whispered",
];

/// First words of the [`TITLES`] alternatives: a name that starts with one
/// is left to the regex (the optional title changes the capture).
pub(super) fn is_title_first(w: &str) -> bool {
    matches!(
        w,
        "Dr" | "Mr"
            | "Mrs"
            | "Ms"
            | "Mx"
            | "Prof"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Gen"
            | "Sgt"
            | "Lt"
            | "Col"
            | "Capt"
            | "Rev"
            | "Mme"
            | "Mlle"
            | "M"
            | "Mayor"
            | "President"
            | "Prime"
            | "Minister"
            | "Senator"
            | "Governor"
            | "Chancellor"
            | "Professor"
            | "Judge"
            | "Coach"
            | "Captain"
            | "Chief"
            | "Director"
            | "Secretary"
            | "Commissioner"
            | "Councillor"
            | "Sheriff"
            | "Madame"
            | "Monsieur"
            | "Frau"
            | "Herr"
    )
}

// The hand readers below decide only on ASCII bytes: a non-ASCII byte
// where they must decide makes them answer `None` ("ask the regex"), so
// `\s`, `\p{Lu}`, `\p{Ll}` and `\p{L}` only ever meet the ASCII characters
// on which the tests used here agree with them. The patterns are
// leftmost-first and every choice they make is greedy; the readers follow
// the first path in that order and give up (`None`) wherever the regex
// could backtrack into another reading.

/// The byte at `i`: `Some(None)` past the end, `None` when not ASCII.
pub(super) fn ascii_at(b: &[u8], i: usize) -> Option<Option<u8>> {
    match b.get(i) {
        None => Some(None),
        Some(&c) if c >= 0x80 => None,
        Some(&c) => Some(Some(c)),
    }
}

pub(super) fn is_ascii_ws(c: Option<u8>) -> bool {
    c.is_some_and(|c| (c as char).is_whitespace())
}

/// `[\p{L}'’-]` on ASCII.
pub(super) fn is_name_char(c: Option<u8>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphabetic() || c == b'\'' || c == b'-')
}

/// Index after the run of whitespace at `i`.
pub(super) fn skip_ws(b: &[u8], mut i: usize) -> Option<usize> {
    while is_ascii_ws(ascii_at(b, i)?) {
        i += 1;
    }
    Some(i)
}

/// Index after [`AFTER_GAP`]. Both patterns that start with it go on
/// with a letter, so its greedy reading is the only one.
pub(super) fn after_gap(b: &[u8]) -> Option<usize> {
    let mut i = skip_ws(b, 0)?;
    if matches!(ascii_at(b, i)?, Some(b',' | b'.' | b'!' | b'?')) {
        i += 1;
    }
    skip_ws(b, i)
}

/// End of the ASCII name at `start` as `(?:TITLES\s+)?NAME` reads it with
/// at most `more` words after the first ([`NAME`]: 5; [`NAME_ANY`]:
/// unbounded). `None` when the name does not start with a capital or starts
/// with a title (the optional title changes the capture).
pub(super) fn name_end(s: &str, start: usize, more: usize) -> Option<usize> {
    let b = s.as_bytes();
    if !ascii_at(b, start)?.is_some_and(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let mut i = start + 1;
    while is_name_char(ascii_at(b, i)?) {
        i += 1;
    }
    if is_title_first(&s[start..i]) {
        return None;
    }
    // More words: `\s+`, an optional particle and `\s+`, then `\p{Lu}\.`
    // or a capitalised word.
    let mut end = i;
    for _ in 0..more {
        let p = skip_ws(b, end)?;
        if p == end {
            break;
        }
        let mut w = p;
        if ascii_at(b, w)?.is_some_and(|c| c.is_ascii_lowercase()) {
            let mut t = w;
            while ascii_at(b, t)?.is_some_and(|c| c.is_ascii_lowercase()) {
                t += 1;
            }
            if !is_ascii_ws(ascii_at(b, t)?) || !PARTICLES.contains(&&s[w..t]) {
                break;
            }
            w = skip_ws(b, t)?;
        }
        if !ascii_at(b, w)?.is_some_and(|c| c.is_ascii_uppercase()) {
            break;
        }
        end = if ascii_at(b, w + 1)? == Some(b'.') {
            w + 2
        } else {
            let mut t = w + 1;
            while is_name_char(ascii_at(b, t)?) {
                t += 1;
            }
            t
        };
    }
    Some(end)
}

/// The lower-case ASCII word at `i` and the index after it.
pub(super) fn lower_word(s: &str, i: usize) -> Option<(&str, usize)> {
    let b = s.as_bytes();
    let mut t = i;
    while ascii_at(b, t)?.is_some_and(|c| c.is_ascii_lowercase()) {
        t += 1;
    }
    Some((&s[i..t], t))
}

/// The common shape of [`AFTER_VERB`] read by hand: gap, a plain verb, and
/// an ASCII name with no title and no appositive (`," said Dana Ortiz,`).
/// Returns the `vn` capture the regex would give; `None` means "not this
/// shape" — the caller then runs the regex, so `None` is always safe.
pub(super) fn after_verb_name(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    // The verb: a whole lower-case word followed by whitespace.
    let (verb, i) = lower_word(s, after_gap(b)?)?;
    if !is_ascii_ws(ascii_at(b, i)?) || !PLAIN_VERBS.contains(&verb) {
        return None;
    }
    // An upper-case start rules out the article and the pronouns (lower
    // case here); [`name_end`] rules out the title.
    let start = skip_ws(b, i)?;
    let end = name_end(s, start, usize::MAX)?;
    Some(&s[start..end])
}

/// The common shape of [`AFTER_NAME`] read by hand: gap, an ASCII name
/// with no title, an optional `-ly` adverb and a plain verb (`," Kim Lee
/// said.`). Returns the `nv` capture. A capital after the gap means
/// [`AFTER_VERB`] (verbs are lower case) cannot match, so the regexes would
/// come to this one too.
pub(super) fn after_name_verb(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let start = after_gap(b)?;
    let end = name_end(s, start, 5)?;
    let i = skip_ws(b, end)?;
    if i == end {
        return None;
    }
    let (word, mut t) = lower_word(s, i)?;
    let mut verb = word;
    if word.len() > 2 && word.ends_with("ly") && is_ascii_ws(ascii_at(b, t)?) {
        // `\p{Ll}+ly\s+` is tried first; no verb ends in "ly", so when the
        // adverb reading fails the regex has no other.
        (verb, t) = lower_word(s, skip_ws(b, t)?)?;
    }
    // `\b` after the verb: no ASCII word character follows.
    let boundary = ascii_at(b, t)?.is_none_or(|c| !(c.is_ascii_alphanumeric() || c == b'_'));
    (boundary && PLAIN_VERBS.contains(&verb)).then(|| &s[start..end])
}

/// `"…," Kim said` / `"…," she said` / `"…," Kim Lee, the mayor of
/// Eastfield, said`: the speaker first (the appositive role is not kept).
pub(super) static AFTER_NAME: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r#"{AFTER_GAP}(?:{TITLES}\s+)?(?P<nv>{NAME}|{PRONOUN})(?:,\s[^,"“”«»„]{{1,60}},)?\s+(?:\p{{Ll}}+ly\s+)?{VERBS}\b"#
    ))
    .expect("AFTER_NAME")
});

/// `Kim said: "…"` / `Kim Lee, a spokesperson, told reporters: "…"` /
/// `Kim Lee wrote in a letter to the families: "…"` (more words between
/// the verb and the quote only before a colon).
pub(super) static BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?:^|[\s(])(?:{TITLES}\s+)?(?P<n>{NAME}|{PRONOUN})(?:,\s[^,“”«»„]{{1,60}},)?\s+(?:\p{{Ll}}+ly\s+)?{VERBS}(?:(?:\s+[\p{{L}}]+){{0,4}}?\s*[:,]?|(?:\s+[\p{{L}}]+){{5,8}}\s*:)\s*(?:that\s+)?$"
    ))
    .expect("BEFORE")
});

/// `according to Kim Lee` anywhere in the sentence.
pub(super) static ACCORDING: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?:according to|selon|laut)\s+(?:{TITLES}\s+)?(?P<n>{NAME})"
    ))
    .expect("ACCORDING")
});

/// Capitalised words that start sentences but are not names (a `match`:
/// it runs for every speaker found).
pub(super) fn is_not_name(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "It"
            | "In"
            | "On"
            | "At"
            | "A"
            | "An"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "If"
            | "When"
            | "While"
            | "After"
            | "Before"
            | "Then"
            | "There"
            | "Here"
            | "We"
            | "I"
            | "You"
            | "Our"
            | "Its"
            | "His"
            | "Her"
            | "Their"
            | "As"
            | "For"
            | "With"
            | "Some"
            | "Many"
            | "Officials"
            | "Le"
            | "La"
            | "Les"
            | "Der"
            | "Die"
            | "Das"
            | "Ein"
            | "Eine"
            | "Un"
            | "Une"
            | "Mais"
            | "Et"
    )
}

/// Lower-cased, only the Kelvin sign (K → k) turns into an ASCII letter, and
/// no pronoun has a k: comparing ASCII case-insensitively is the same.
pub(super) fn is_pronoun(s: &str) -> bool {
    [
        "he", "she", "they", "il", "elle", "ils", "elles", "er", "sie",
    ]
    .iter()
    .any(|p| s.eq_ignore_ascii_case(p))
}

/// A speaker mention: a name, or a pronoun to resolve.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Mention {
    Name(String),
    Pronoun,
}

/// Is `w` one of the role words that stand before a name in news copy
/// ("Deputy Mayor Elena Sorensen", "Direktorin Katrin Vogel"): the name is
/// what follows the last one. A `match`, not a list search: names are
/// checked word by word.
pub(super) fn is_title_word(w: &str) -> bool {
    matches!(
        w,
        "Mayor"
            | "Minister"
            | "President"
            | "Senator"
            | "Governor"
            | "Chancellor"
            | "Professor"
            | "Judge"
            | "Coach"
            | "Captain"
            | "Chief"
            | "Director"
            | "Secretary"
            | "Commissioner"
            | "Councillor"
            | "Councilwoman"
            | "Councilman"
            | "Sheriff"
            | "Spokesperson"
            | "Spokesman"
            | "Spokeswoman"
            | "Officer"
            | "Inspector"
            | "Chair"
            | "Chairman"
            | "Chairwoman"
            | "Deputy"
            | "Leader"
            | "CEO"
            | "Dr."
            | "Mr."
            | "Mrs."
            | "Ms."
            | "Prof."
            | "Direktor"
            | "Direktorin"
            | "Bürgermeister"
            | "Bürgermeisterin"
            | "Ministerin"
            | "Präsident"
            | "Präsidentin"
            | "Frau"
            | "Herr"
            | "Maire"
            | "Ministre"
            | "Madame"
            | "Monsieur"
            | "Mme"
    )
}

/// Drops leading role words from a name, keeping at least one word.
pub(super) fn strip_titles(name: &str) -> &str {
    // The word after the last role word, when one follows it.
    let mut first: Option<&str> = None;
    let mut after_title = false;
    for w in name.split_whitespace() {
        if is_title_word(w) {
            first = None;
            after_title = true;
        } else {
            if after_title {
                first = Some(w);
            }
            after_title = false;
        }
    }
    match first {
        Some(first) => name.find(first).map_or(name, |p| &name[p..]),
        None => name,
    }
}

pub(super) fn mention(s: &str) -> Option<Mention> {
    let s = strip_titles(s.trim());
    if is_pronoun(s) {
        return Some(Mention::Pronoun);
    }
    let first = s.split_whitespace().next()?;
    let first_word = first.trim_end_matches(|c: char| !c.is_alphanumeric());
    // "I--", "The": sentence words and broken dialogue, not names.
    if is_not_name(first_word)
        || s.as_bytes().windows(2).any(|w| w == b"--")
        || s.chars().filter(|c| c.is_alphabetic()).nth(1).is_none()
    {
        return None;
    }
    Some(Mention::Name(s.to_owned()))
}

/// What [`after_regexes`] would pass to [`mention`], for the shapes read
/// by hand; `None` when the regexes must decide.
pub(super) fn after_by_hand(right_after: &str) -> Option<&str> {
    after_verb_name(right_after)
        .map(first_name_words)
        .or_else(|| after_name_verb(right_after))
}

/// The speaker right after a quote by [`AFTER_VERB`], then [`AFTER_NAME`].
pub(super) fn after_regexes(right_after: &str) -> Option<Mention> {
    let c = AFTER_VERB
        .captures(right_after)
        .filter(|c| {
            c.name("ap")
                .is_none_or(|a| a.as_str().chars().count() <= APPOSITIVE_CHARS)
        })
        .or_else(|| AFTER_NAME.captures(right_after))?;
    c.name("tp")
        .map(|m| m.as_str())
        .or(c.name("vn").map(|m| first_name_words(m.as_str())))
        .or(c.name("nv").map(|m| m.as_str()))
        .and_then(mention)
}

/// `Kim Lee said she…` / `Kim Lee, a teacher, told reporters that…`: a
/// named subject of a speech verb, matched at the start of a sentence
/// (the caller finds the starts: one search over a whole paragraph costs
/// far more than a few anchored ones over its sentences). Indirect speech names the person a later `she said` refers to;
/// `and` a second name (`Kim Lee and Ana Ruiz wrote`) is no one person.
pub(super) static SUBJECT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r#"^(?:{TITLES}\s+)?(?P<n>{NAME})(?P<and>\s+(?:and|or|und|et)\s+\p{{Lu}}[^,.;:!?"“”«»„]{{0,60}}?)?(?:,\s[^,"“”«»„]{{1,80}},)?\s+(?:\p{{Ll}}+ly\s+)?{VERBS}(?:[^\p{{L}}\p{{N}}_]|$)"#
    ))
    .expect("SUBJECT")
});

/// Words that make a capitalised phrase an organisation or a place, not a
/// person a pronoun can refer to ("Eastfield Council said").
pub(super) fn is_group_word(w: &str) -> bool {
    matches!(
        w,
        "Council"
            | "Police"
            | "Department"
            | "Ministry"
            | "Office"
            | "Committee"
            | "Group"
            | "Company"
            | "Inc"
            | "Inc."
            | "Ltd"
            | "Ltd."
            | "University"
            | "College"
            | "School"
            | "High"
            | "Hospital"
            | "Government"
            | "Agency"
            | "Union"
            | "Association"
            | "Party"
            | "Board"
            | "Court"
            | "Club"
            | "Bank"
            | "Service"
            | "Services"
            | "Authority"
            | "City"
            | "County"
            | "State"
            | "States"
            | "House"
            | "Centre"
            | "Center"
            | "Foundation"
            | "Institute"
            | "Church"
            | "News"
            | "Times"
            | "Post"
            | "Officials"
            | "Residents"
            | "Parents"
            | "Critics"
            | "Experts"
            | "Researchers"
            | "Scientists"
    )
}

/// Words before a quotation that make it the title of a work (`the film
/// "Night Trains on the Coast"`, `a report titled "…"`), not speech.
pub(super) static WORK_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)\b(?:film|movie|book|novel|memoir|song|single|show|series|sitcom|musical|opera|album|report|study|article|essay|column|poem|documentary|podcast|exhibition|painting|programme|program|headline|slogan|motto|titled|entitled|called|named|dubbed)\s*$",
    )
    .expect("WORK_BEFORE")
});

/// A quotation in title case (`"A Day at the Harbour Market"`): every word
/// of four letters or more is capitalised, and it ends without sentence
/// punctuation. Speech is written in sentence case.
pub(super) fn is_title_case(q: &str) -> bool {
    if q.ends_with(['.', '!', '?', '…', ',', ';', ':']) {
        return false;
    }
    let long: Vec<&str> = q
        .split_whitespace()
        .skip(1)
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    long.len() >= 2
        && long
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}
