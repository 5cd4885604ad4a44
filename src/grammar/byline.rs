//! Author lines to [`Person`]s: strip "By", URLs, e-mails, handles, dates and
//! "for Agency" tails, split on separators, title-case shouting names
//! (ideas after trafilatura `normalize_authors`).

use once_cell::sync::Lazy;
use regex::Regex;

use crate::model::Person;

/// URLs, e-mail addresses and @handles inside an author line.
static NOISE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)\b(?:https?://|www\.)[^\s()<>\[\]]+|[^\s()<>]+@[^\s()<>]+\.[^\s()<>]+|(?:^|\s)@\w+",
    )
    .expect("NOISE")
});

/// Brackets left empty once a URL inside was removed.
static EMPTY_PARENS: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\(\s*\)|\[\s*\]|<\s*>").expect("EMPTY_PARENS"));

/// Leading "By", "Written by", "Words by", "Posted by", "Author:", "Von",
/// "Par", "Por", "Di" (one or more), and the author-page link wordings
/// "View all posts by", "More articles by", "Read more about".
static LEAD: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^\s*(?:(?:view|see|read|more)\s+(?:all\s+|more\s+)?(?:posts|articles|stories)\s+by\b|read\s+more\s+(?:about|from)\b|(?:(?:written|words|posted|post|reported|text|story|edited|photos?)\s+)?by\b|von\b|par\b|por\b|di\b|door\b|autor(?:es)?\b|author(?:s|ed)?\b|reporter\b)\s*[:\-–—]?\s*",
    )
    .expect("LEAD")
});

/// Where the names end: a date, a time, "Updated", "Published", a
/// reviewer's credit ("Medically reviewed by"), a pipe of site chrome, a
/// "»" before a post's date, or a "for/at/in Agency" tail.
static TAIL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)\s+(?:for|at|in|from|of the)\s+(?:the\s+)?\p{Lu}.*$|[\s.,;|·•]*\b(?:medically\s+|fact[- ]?)?(?:reviewed|checked)\s+by\b.*$|\b(?:updated|published|posted|last updated|on|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b.*$|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b.*$|\s\d.*$|\s*[»›].*$",
    )
    .expect("TAIL")
});

/// Separators between several authors.
static SPLIT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\s*(?:[,;|/&·•]|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bwith\b)\s*")
        .expect("SPLIT")
});

/// The author line cut at [`SPLIT`] separators, except an `&` between two
/// single words: "Mac & i", "Marks & Spencer" name one author.
fn split_names(line: &str) -> Vec<&str> {
    let mut parts: Vec<&str> = Vec::new();
    let mut start = 0;
    // Start of the part before the pending `&`, when one is pending.
    let mut joined_from: Option<usize> = None;
    let mut seps = SPLIT.find_iter(line).peekable();
    while let Some(sep) = seps.next() {
        let before = &line[start..sep.start()];
        let after_end = seps.peek().map_or(line.len(), |next| next.start());
        let after = &line[sep.end()..after_end];
        let single = |s: &str| s.split_whitespace().count() == 1;
        if sep.as_str().trim() == "&" && single(before) && single(after) {
            joined_from.get_or_insert(start);
        } else {
            parts.push(&line[joined_from.take().unwrap_or(start)..sep.start()]);
        }
        start = sep.end();
    }
    parts.push(&line[joined_from.unwrap_or(start)..]);
    parts
}

/// Words that make a part a job title, not a name ("Staff Writer").
static ROLE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^(?:(?:about|topic|our|the|lead|senior|chief|editorial|wire|web|staff|associate|contributing|special|deputy|managing|executive|political|foreign|business|health|science|news|sports|tech(?:nology)?|software|product|program|data|research|developer|community)\s+)*(?:writer|reporter|editor|correspondent|contributor|columnist|photographer|journalist|producer|analyst|staff|team|desk|engineer|developer|designer|manager|director|scientist|researcher|advocate|relations|founder|co-founder|author|reviewer)s?$",
    )
    .expect("ROLE")
});

/// A tail that starts with a preposition.
static PREPOSITION: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)^\s+(?:for|at|in|from|of)\s").expect("PREPOSITION"));

/// A job title glued to the end of a name ("Ben Cole Games Editor"): one
/// optional capitalised word (the beat, group 1) before the title word
/// (group 2).
static ROLE_TAIL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(\s+\p{Lu}\w+)?(\s+(?:Senior\s+)?(?:Editor|Writer|Reporter|Correspondent|Columnist|Contributor|Founder|Co-[Ff]ounder))$",
    )
    .expect("ROLE_TAIL")
});

/// `name` without a [`ROLE_TAIL`], as long as two words are left: with
/// the beat when that leaves two ("Ben Cole Games Editor"), else only the
/// title word ("Zackery Cuevas Writer").
fn without_role_tail(name: &str) -> &str {
    let two_words = |s: &str| s.split_whitespace().count() >= 2;
    let Some(c) = ROLE_TAIL.captures(name) else {
        return name;
    };
    let whole = c.get(0).map_or(name.len(), |m| m.start());
    let title = c.get(2).map_or(name.len(), |m| m.start());
    [&name[..whole], &name[..title]]
        .into_iter()
        .find(|s| two_words(s))
        .map_or(name, str::trim)
}

/// Cleans one or more raw author strings into people, in order, without
/// duplicates (a name contained in a longer one is dropped).
pub(crate) fn people(raw: &[String]) -> Vec<Person> {
    clean(raw, false)
}

/// [`people`], also keeping a lone user name ("sam_doe", "Rower42"), for
/// author markup in the page (`rel=author`, `itemprop=author`): on forums
/// and blogs the author is often a handle.
pub(crate) fn people_or_handles(raw: &[String]) -> Vec<Person> {
    clean(raw, true)
}

/// The byline source of an author line read in a `<noscript>` content
/// view: on such pages (forums rendered by script) it names the first
/// post's author, which the page-type verdict does not count as an
/// article's byline.
pub(crate) const NOSCRIPT_VIEW_BYLINE: &str = "byline element in the <noscript> content view";

/// A name that reads as a site user name, not a person's: one token
/// with a digit or an underscore, or all in lower case ("rower42",
/// "sam_doe", "julian").
pub(crate) fn is_user_name(name: &str) -> bool {
    !name.contains(char::is_whitespace)
        && (name.contains(|c: char| c.is_ascii_digit() || c == '_')
            || !name.contains(char::is_uppercase))
}

/// Words that stand in a user-name slot without naming anyone.
const NOT_HANDLES: &[&str] = &[
    "admin",
    "administrator",
    "author",
    "editor",
    "staff",
    "guest",
    "user",
    "anonymous",
    "unknown",
    "moderator",
    "webmaster",
    "team",
    "root",
    "null",
    "undefined",
    "none",
];

/// One token of letters, digits, `_`, `.` or `-` with at least two letters,
/// not a placeholder word.
fn is_handle(name: &str) -> bool {
    let n = name.chars().count();
    (2..=40).contains(&n)
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'))
        && name.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !NOT_HANDLES.iter().any(|w| name.eq_ignore_ascii_case(w))
}

/// Post-nominal letters: degrees, licences and fellowships printed after
/// a name ("Ana Ruiz, MD", "Li Wei, Ph.D., RD"), compared without dots.
const CREDENTIALS: &[&str] = &[
    "md", "do", "dvm", "vmd", "phd", "psyd", "pharmd", "edd", "dds", "dmd", "od", "dpt", "dc",
    "rn", "bsn", "msn", "np", "aprn", "pa-c", "ms", "ma", "msc", "ba", "bs", "bsc", "mba", "mph",
    "mfa", "jd", "esq", "rd", "rdn", "ld", "ldn", "cdn", "cdces", "cde", "fand", "cfp", "cpa",
    "cfa", "cscs", "cpt", "lvt", "vts", "dacvb", "dacvim", "facp", "facs", "faap", "facc", "faclm",
    "foma", "dabom", "frcp", "mrcp", "ibclc", "lcsw", "lpc", "lmft", "jr", "sr", "ii", "iii",
];

/// A part of an author line that is only post-nominal letters
/// ([`CREDENTIALS`]), as printed: "Ph.D.", "MD*".
fn credential(part: &str) -> Option<&str> {
    let p = part.trim().trim_end_matches('*').trim_end();
    let key: String = p
        .chars()
        .filter(|c| *c != '.' && !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    CREDENTIALS.contains(&key.as_str()).then_some(p)
}

fn clean(raw: &[String], handles: bool) -> Vec<Person> {
    let mut out: Vec<Person> = Vec::new();
    for line in raw {
        let line = NOISE.replace_all(line, " ");
        let line = EMPTY_PARENS.replace_all(&line, " ");
        let line = crate::base::collapse_whitespace(&line);
        let mut line = line.as_str();
        while let Some(m) = LEAD.find(line) {
            if m.end() == 0 {
                break;
            }
            line = &line[m.end()..];
        }
        let line = match TAIL.find(line) {
            // "Organization for X" is a name, "Ana Ruiz for X" a credit: cut
            // a preposition tail only after two or more words.
            Some(m)
                if PREPOSITION.is_match(m.as_str())
                    && line[..m.start()].split_whitespace().count() < 2 =>
            {
                line.to_owned()
            }
            Some(m) => line[..m.start()].to_owned(),
            None => line.to_owned(),
        };
        for part in split_names(&line) {
            // Post-nominal letters belong to the name before them.
            if let Some(c) = credential(part) {
                if let Some(last) = out.last_mut() {
                    last.name.push_str(", ");
                    last.name.push_str(c);
                }
                continue;
            }
            let name = part
                .trim_matches(|c: char| {
                    c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':' | '.' | '"' | '“' | '”')
                })
                .trim();
            if name.is_empty() || name.chars().count() > 60 || name.split_whitespace().count() > 6 {
                continue;
            }
            if !name.chars().any(char::is_alphabetic) {
                continue;
            }
            if ROLE.is_match(name) {
                if let Some(last) = out.last_mut() {
                    if last.role.is_none() {
                        last.role = Some(name.to_owned());
                    }
                }
                continue;
            }
            let name = without_role_tail(name);
            // Handles ("jdoe42", "mcupdate") are not names.
            let handle = handles && is_handle(name);
            if !handle
                && (name.chars().any(|c| c.is_ascii_digit())
                    || (!name.contains(' ') && name.chars().all(|c| c.is_ascii_lowercase())))
            {
                continue;
            }
            let name = title_case_if_shouting(name);
            let lower = name.to_lowercase();
            if out.iter().any(|p| p.name.to_lowercase().contains(&lower)) {
                continue;
            }
            out.retain(|p| !lower.contains(&p.name.to_lowercase()));
            out.push(Person::new(name));
        }
    }
    out
}

/// "JANE DOE" → "Jane Doe"; mixed-case names are left alone.
/// An author line printed as text: "By", "Written by", "Words by",
/// "Posted by", "Author:" (and "von", "par", "por", "door") at the start of a
/// line, with the names after it or in the next line (`By <a>Ana Ruiz</a>`).
static PRINTED_LEAD: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^(?:(?:written|words|posted|reported|story|text)\s+by|by|von|par|por|door|authors?|autor(?:es)?|auteur)\b\s*[:\-–—]?\s*",
    )
    .expect("PRINTED_LEAD")
});

/// A forum post's header line: "Post by sam_doe » Tue Mar 04, 2025",
/// "by rower42 »". The name slot holds a user name.
static POST_HEADER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*(?:post(?:ed)?\s+)?by\s+[^\s»›]+(?:\s+[^\s»›]+){0,3}\s*[»›]")
        .expect("POST_HEADER")
});

/// `line` is a forum post's header ([`POST_HEADER`]): its name may be a
/// handle.
pub(crate) fn is_post_header(line: &str) -> bool {
    POST_HEADER.is_match(line)
}

/// Badges printed in an author slot of a forum post or comment, naming a
/// role, not a person (besides the [`NOT_HANDLES`] words, "Admin",
/// "Moderator"…): the element after them names the author.
const ROLE_LABELS: &[&str] = &[
    "topic author",
    "thread starter",
    "thread author",
    "original poster",
    "op",
    "staff member",
    "verified",
    "member",
];

/// `text` is only a role badge ([`ROLE_LABELS`], [`NOT_HANDLES`]) or the
/// initials an avatar shows ("NB"): an author element that names no one.
pub(crate) fn is_role_label(text: &str) -> bool {
    let t = text.trim();
    let initials = (1..=3).contains(&t.chars().count()) && t.chars().all(char::is_uppercase);
    initials
        || ROLE_LABELS
            .iter()
            .chain(NOT_HANDLES)
            .any(|l| t.eq_ignore_ascii_case(l))
}

/// Lower-case words allowed inside a person's name.
const PARTICLES: &[&str] = &[
    "de", "da", "di", "do", "dos", "das", "del", "della", "der", "den", "van", "von", "la", "le",
    "du", "al", "bin", "ibn", "y", "e", "ter", "ten", "zu",
];

/// The people of the first author line among `lines` (the text nodes
/// printed under a headline, in order; see [`people`] for the cleaning).
/// Only names that look like a person's (one to five words, each
/// capitalised or a particle such as "van") are kept; when the line names
/// anything else, nothing is taken: no author rather than a wrong one.
pub(crate) fn printed(lines: &[String]) -> Vec<Person> {
    // The author line comes within the first lines under the headline.
    const FIRST: usize = 16;
    for (i, line) in lines.iter().take(FIRST).enumerate() {
        let Some(lead) = PRINTED_LEAD.find(line) else {
            continue;
        };
        let rest = &line[lead.end()..];
        let names = if rest.trim().is_empty() {
            match lines.get(i + 1) {
                Some(next) => next.as_str(),
                None => break,
            }
        } else {
            rest
        };
        if names.chars().count() > 120 {
            continue;
        }
        let found = people(&[names.to_owned()]);
        if !found.is_empty() && found.iter().all(|p| looks_like_a_name(&p.name)) {
            return found;
        }
        return Vec::new();
    }
    Vec::new()
}

/// One to five words, each starting with a capital letter or a name
/// particle, with a letter in the first.
pub(crate) fn looks_like_a_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || PARTICLES.contains(w))
        && words[0].chars().next().is_some_and(char::is_alphabetic)
}

fn title_case_if_shouting(name: &str) -> String {
    let letters = name.chars().filter(|c| c.is_alphabetic());
    let has_lower = letters.clone().any(char::is_lowercase);
    let upper = letters.filter(|c| c.is_uppercase()).count();
    if has_lower || upper < 2 {
        return name.to_owned();
    }
    let mut out = String::with_capacity(name.len());
    let mut start = true;
    for c in name.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic() && c != '\'';
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(raw: &str) -> Vec<String> {
        people(&[raw.to_owned()])
            .into_iter()
            .map(|p| p.name)
            .collect()
    }

    #[test]
    fn byline_cleaning_table() {
        for (raw, want) in [
            ("By Jane Doe", vec!["Jane Doe"]),
            ("by JANE DOE and JOHN ROE", vec!["Jane Doe", "John Roe"]),
            (
                "Written by Ana Ruiz, Li Wei & Sam Kay",
                vec!["Ana Ruiz", "Li Wei", "Sam Kay"],
            ),
            ("By Ana Ruiz for Example Press", vec!["Ana Ruiz"]),
            ("Ana Ruiz @anaruiz", vec!["Ana Ruiz"]),
            ("Ana Ruiz (https://example.test/ana)", vec!["Ana Ruiz"]),
            ("Ana Ruiz ana@example.test", vec!["Ana Ruiz"]),
            ("By Ana Ruiz March 25, 2015", vec!["Ana Ruiz"]),
            ("By Ana Ruiz Updated 3 hours ago", vec!["Ana Ruiz"]),
            ("Par Marie Dupont", vec!["Marie Dupont"]),
            ("View all posts by Ana Ruiz", vec!["Ana Ruiz"]),
            ("Read more about Li Wei", vec!["Li Wei"]),
            ("Kim Lee Monday", vec!["Kim Lee"]),
            // Post-nominal letters stay with the name, as printed.
            ("Ana Ruiz, MD", vec!["Ana Ruiz, MD"]),
            ("By Li Wei, Ph.D., RD*", vec!["Li Wei, Ph.D., RD"]),
            (
                "Ana Ruiz, MS, RD and Li Wei",
                vec!["Ana Ruiz, MS, RD", "Li Wei"],
            ),
            // A reviewer's credit is not an author.
            ("Sam Kay, DVM. Reviewed by Li Wei", vec!["Sam Kay, DVM"]),
            (
                "By Ana Ruiz | Medically reviewed by Li Wei, MD",
                vec!["Ana Ruiz"],
            ),
            ("Ana Ruiz, Staff Writer", vec!["Ana Ruiz"]),
            ("Ana Ruiz; Ana Ruiz", vec!["Ana Ruiz"]),
            ("By: KIM LEE", vec!["Kim Lee"]),
            (
                "Organization for Transformative Works",
                vec!["Organization for Transformative Works"],
            ),
            ("Ben Cole Games Editor", vec!["Ben Cole"]),
            ("Mac & i", vec!["Mac & i"]),
            ("Posted by Kim Lee, Software Engineer", vec!["Kim Lee"]),
            (
                "By Ana Ruiz & Marks & Spencer",
                vec!["Ana Ruiz", "Marks & Spencer"],
            ),
            ("Ana Ruiz & Li Wei", vec!["Ana Ruiz", "Li Wei"]),
            // A title word glued to a two-word name keeps both names.
            ("Nora Quill Writer", vec!["Nora Quill"]),
            ("Tomas Berg Founder, Lead Reviewer", vec!["Tomas Berg"]),
            // A label where the name should be is no one.
            ("About the Author", vec![]),
            ("Topic Author", vec![]),
            ("Post by Nora Quill » Tue Mar 04, 2025", vec!["Nora Quill"]),
        ] {
            assert_eq!(names(raw), want, "{raw}");
        }
        let p = people(&["Ana Ruiz, Staff Writer".to_owned()]);
        assert_eq!(p[0].role.as_deref(), Some("Staff Writer"));
    }

    #[test]
    fn forum_post_headers_and_badges() {
        assert!(is_post_header("Post by sam_doe » Tue Mar 04, 2025 9:12 am"));
        assert!(is_post_header("by rower42 » 4 March 2025"));
        assert!(!is_post_header("By Ana Ruiz"));
        for badge in ["Topic Author", "Thread starter", "OP", "NB", "Moderator"] {
            assert!(is_role_label(badge), "{badge}");
        }
        for name in ["Ana Ruiz", "sam_doe", "Nora"] {
            assert!(!is_role_label(name), "{name}");
        }
        for user in ["rower42", "sam_doe", "julian"] {
            assert!(is_user_name(user), "{user}");
        }
        for person in ["Ana Ruiz", "Nora", "Mac & i"] {
            assert!(!is_user_name(person), "{person}");
        }
    }

    #[test]
    fn byline_misses() {
        for raw in [
            "",
            "By",
            "12 March 2025",
            "https://example.test/author/x",
            "@handle",
        ] {
            assert!(names(raw).is_empty(), "{raw}");
        }
    }
}
