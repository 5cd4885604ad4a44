//! Dates in the shapes news pages use, normalised to ISO 8601.
//!
//! A small grammar, no date crate: ISO 8601 and its common variants
//! (`2025-12-12 10:03:00`, `2025-12-12T10:03:00.123Z`, `20251212`), month-name
//! dates in either order ("Dec. 12, 2025", "12 December 2025", "Thu, 05 Apr
//! 2018 06:00:00 GMT"), numeric dates when the day/month order is not
//! ambiguous, with an optional clock time (`10:03`, `3:04 p.m.`) and time zone
//! (`Z`, `+01:00`, `GMT+1`, `EST`, `CET`, `ET`, ...). The output is
//! `YYYY-MM-DD`, or `YYYY-MM-DDThh:mm:ss` plus the offset when one was given.

use once_cell::sync::Lazy;
use regex::Regex;

/// ISO 8601 date with optional time and zone. Also `/` and `.` separators with
/// the year first.
static ISO: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)\b(\d{4})([-/.])(\d{1,2})([-/.])(\d{1,2})(?:(?:T|\s+|T\s*)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s*(Z\b|[+-]\d{2}(?::?\d{2})?\b|(?:UTC|GMT)\b(?:[+-]\d{1,2}(?::?\d{2})?)?)?)?",
    )
    .expect("ISO")
});

/// `20251212` (compact ISO) standing alone.
static COMPACT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?$").expect("COMPACT")
});

/// English month names and abbreviations (with an optional dot), plus a few
/// common other-language names.
const MONTHS: &str = r"jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sep(?:t(?:ember)?)?\.?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|januar|februar|märz|maerz|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre";

/// "Dec. 12, 2025", "December 12th 2025".
static MONTH_DAY_YEAR: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)\b({MONTHS})\s*(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
    ))
    .expect("MONTH_DAY_YEAR")
});

/// "12 December 2025", "5. Januar 2024", "12 de diciembre de 2025", "05 Apr 2018".
static DAY_MONTH_YEAR: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th|\.)?\s*(?:de\s+)?({MONTHS})\s*,?\s*(?:de\s+)?(\d{{4}})\b"
    ))
    .expect("DAY_MONTH_YEAR")
});

/// `12/12/2025`, `05.01.2024`, `5-1-2024` (day/month order decided later).
static NUMERIC: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b(\d{1,2})([/.\-])(\d{1,2})([/.\-])(\d{4})\b").expect("NUMERIC"));

/// A clock time: `10:03`, `10:03:59`, `3:04 p.m.`, `3 PM`, `15h30`.
static CLOCK: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)\b(\d{1,2})(?:[:h](\d{2})(?::(\d{2}))?\s*(?:([ap])\.?\s?m\b\.?)?|\s*([ap])\.?\s?m\b\.?)(?:\s*\(?\s*((?:UTC|GMT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}|(?-i:[A-Z]{1,5})\b))?",
    )
    .expect("CLOCK")
});

/// A time-zone abbreviation standing alone (for "EST Jan. 5, 2024" where the
/// zone follows the time but the regex above stopped early).
static ZONE_WORD: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b(?:UTC|GMT|[ECMP][SD]?T|CES?T|BST|Z)\b").expect("ZONE_WORD"));

/// A zone abbreviation right after an ISO time (case-sensitive: "CEST").
static LEADING_ZONE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^\s*\(?\s*([A-Z]{1,5})\b").expect("LEADING_ZONE"));

/// A parsed date, kept in parts so callers can compare specificity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct When {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    /// Hours, minutes, seconds.
    pub time: Option<(u32, u32, u32)>,
    /// Offset from UTC in minutes.
    pub offset: Option<i32>,
}

impl When {
    /// ISO 8601 text.
    pub fn iso(&self) -> String {
        let mut s = format!("{:04}-{:02}-{:02}", self.year, self.month, self.day);
        if let Some((h, m, sec)) = self.time {
            s.push_str(&format!("T{h:02}:{m:02}:{sec:02}"));
            if let Some(off) = self.offset {
                if off == 0 {
                    s.push_str("+00:00");
                } else {
                    let sign = if off < 0 { '-' } else { '+' };
                    let a = off.abs();
                    s.push_str(&format!("{sign}{:02}:{:02}", a / 60, a % 60));
                }
            }
        }
        s
    }

    /// 0 = date only, 1 = with a time, 2 = with a time and zone.
    pub fn specificity(&self) -> u8 {
        match (self.time, self.offset) {
            (None, _) => 0,
            (Some(_), None) => 1,
            (Some(_), Some(_)) => 2,
        }
    }

    /// Same calendar date (as written).
    pub fn same_date(&self, other: &When) -> bool {
        (self.year, self.month, self.day) == (other.year, other.month, other.day)
    }
}

/// Parses a date in a news format into ISO 8601; see the module docs.
pub(crate) fn parse_date(text: &str) -> Option<String> {
    parse_when(text).map(|w| w.iso())
}

/// Parses a date into its parts.
pub(crate) fn parse_when(text: &str) -> Option<When> {
    let text = text.trim();
    if text.is_empty() || text.len() > 400 {
        return None;
    }
    if let Some(c) = COMPACT.captures(text) {
        let time = match (c.get(4), c.get(5)) {
            (Some(h), Some(m)) => Some((
                h.as_str().parse().ok()?,
                m.as_str().parse().ok()?,
                c.get(6).and_then(|s| s.as_str().parse().ok()).unwrap_or(0),
            )),
            _ => None,
        };
        return build(
            c[1].parse().ok()?,
            c[2].parse().ok()?,
            c[3].parse().ok()?,
            time,
            None,
        );
    }
    if let Some(c) = ISO.captures(text) {
        // The two separators must agree ("2025-12/12" is not a date).
        if c[2] == c[4] {
            let time = match (c.get(6), c.get(7)) {
                (Some(h), Some(m)) => Some((
                    h.as_str().parse().ok()?,
                    m.as_str().parse().ok()?,
                    c.get(8).and_then(|s| s.as_str().parse().ok()).unwrap_or(0),
                )),
                _ => None,
            };
            let offset = match c.get(9) {
                Some(z) => zone_offset(z.as_str(), None),
                // "2025-12-12 22:15 CEST": an abbreviation after the time.
                None if time.is_some() => c.get(0).and_then(|m| {
                    let z = LEADING_ZONE.captures(text.get(m.end()..)?)?;
                    let date = (c[1].parse().ok()?, c[3].parse().ok()?, c[5].parse().ok()?);
                    zone_offset(z.get(1)?.as_str(), Some(date))
                }),
                None => None,
            };
            if let Some(w) = build(
                c[1].parse().ok()?,
                c[3].parse().ok()?,
                c[5].parse().ok()?,
                time,
                offset,
            ) {
                return Some(w);
            }
        }
    }
    let (y, m, d, span) = if let Some(c) = MONTH_DAY_YEAR.captures(text) {
        let whole = c.get(0)?;
        (
            c[3].parse().ok()?,
            month_number(&c[1])?,
            c[2].parse().ok()?,
            whole.start()..whole.end(),
        )
    } else if let Some(c) = DAY_MONTH_YEAR.captures(text) {
        let whole = c.get(0)?;
        (
            c[3].parse().ok()?,
            month_number(&c[2])?,
            c[1].parse().ok()?,
            whole.start()..whole.end(),
        )
    } else if let Some(c) = NUMERIC.captures(text) {
        let whole = c.get(0)?;
        if c[2] != c[4] {
            return None;
        }
        let a: u32 = c[1].parse().ok()?;
        let b: u32 = c[3].parse().ok()?;
        let (m, d) = if &c[2] == "." {
            // Dotted numeric dates are day-first wherever they are used.
            (b, a)
        } else if a > 12 && b <= 12 {
            (b, a)
        } else if (b > 12 && a <= 12) || a == b {
            (a, b)
        } else {
            // 05/06/2025: June 5 or May 6? Refuse rather than guess.
            return None;
        };
        (c[5].parse().ok()?, m, d, whole.start()..whole.end())
    } else {
        return None;
    };
    // A clock time before or after the date, outside the date itself.
    let mut time = None;
    let mut offset = None;
    for c in CLOCK.captures_iter(text) {
        let Some(whole) = c.get(0) else { continue };
        if whole.start() < span.end && whole.end() > span.start {
            continue;
        }
        let Ok(mut h) = c[1].parse::<u32>() else {
            continue;
        };
        let min: u32 = c.get(2).and_then(|s| s.as_str().parse().ok()).unwrap_or(0);
        let sec: u32 = c.get(3).and_then(|s| s.as_str().parse().ok()).unwrap_or(0);
        let ampm = c
            .get(4)
            .or(c.get(5))
            .map(|s| s.as_str().to_ascii_lowercase());
        if c.get(2).is_none() && ampm.is_none() {
            continue;
        }
        match ampm.as_deref() {
            Some("p") if h < 12 => h += 12,
            Some("a") if h == 12 => h = 0,
            _ => {}
        }
        if h > 23 || min > 59 || sec > 60 {
            continue;
        }
        time = Some((h, min, sec.min(59)));
        let zone = c.get(6).map(|z| z.as_str()).or_else(|| {
            ZONE_WORD
                .find(&text[whole.end()..])
                .filter(|z| z.start() < 3)
                .map(|z| z.as_str())
        });
        offset = zone.and_then(|z| zone_offset(z, Some((y, m, d))));
        break;
    }
    build(y, m, d, time, offset)
}

fn build(
    year: i32,
    month: u32,
    day: u32,
    time: Option<(u32, u32, u32)>,
    offset: Option<i32>,
) -> Option<When> {
    if !(1900..=2199).contains(&year) || !(1..=12).contains(&month) {
        return None;
    }
    if day == 0 || day > days_in_month(year, month) {
        return None;
    }
    if let Some((h, m, s)) = time {
        if h > 23 || m > 59 || s > 60 {
            return None;
        }
    }
    Some(When {
        year,
        month,
        day,
        time: time.map(|(h, m, s)| (h, m, s.min(59))),
        offset: if time.is_some() { offset } else { None },
    })
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_lowercase();
    let n = n.as_str();
    let key: String = n.chars().take(3).collect();
    Some(match n {
        "mai" | "mayo" | "may" => 5,
        "mars" | "märz" | "maerz" | "marzo" => 3,
        "juin" | "juni" | "junio" | "june" | "jun" => 6,
        "juillet" | "juli" | "julio" | "july" | "jul" => 7,
        "enero" => 1,
        "febrero" | "février" | "fevrier" => 2,
        "abril" | "avril" => 4,
        "agosto" | "août" | "aout" => 8,
        "setiembre" => 9,
        "octubre" => 10,
        "diciembre" | "dezember" | "décembre" | "decembre" => 12,
        _ => match key.as_str() {
            "jan" => 1,
            "feb" => 2,
            "mar" => 3,
            "apr" => 4,
            "aug" => 8,
            "sep" => 9,
            "oct" | "okt" => 10,
            "nov" | "noviembre" => 11,
            "dec" => 12,
            _ => return None,
        },
    })
}

/// US daylight saving time (second Sunday of March to first Sunday of
/// November), for the "ET"/"PT" zone names that do not say which.
fn us_dst(y: i32, m: u32, d: u32) -> bool {
    match m {
        4..=10 => true,
        3 => d >= nth_sunday(y, 3, 2),
        11 => d < nth_sunday(y, 11, 1),
        _ => false,
    }
}

/// EU summer time (last Sunday of March to last Sunday of October).
fn eu_dst(y: i32, m: u32, d: u32) -> bool {
    match m {
        4..=9 => true,
        3 => d >= last_sunday(y, 3),
        10 => d < last_sunday(y, 10),
        _ => false,
    }
}

/// Day of week, 0 = Sunday (Sakamoto's method).
fn weekday(y: i32, m: u32, d: u32) -> u32 {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    let t = T.get((m as usize).wrapping_sub(1)).copied().unwrap_or(0);
    ((y + y / 4 - y / 100 + y / 400 + t + d as i32).rem_euclid(7)) as u32
}

fn nth_sunday(y: i32, m: u32, n: u32) -> u32 {
    let first = (7 - weekday(y, m, 1)) % 7 + 1;
    first + 7 * (n - 1)
}

fn last_sunday(y: i32, m: u32) -> u32 {
    let last = days_in_month(y, m);
    last - weekday(y, m, last)
}

/// Offset in minutes for a zone designator: `Z`, `+0100`, `-05:00`, `GMT+1`,
/// or a common abbreviation. `date` decides DST for the generic US/EU names.
fn zone_offset(zone: &str, date: Option<(i32, u32, u32)>) -> Option<i32> {
    let z: String = zone.chars().filter(|c| !c.is_whitespace()).collect();
    let upper = z.to_ascii_uppercase();
    let numeric = |s: &str| -> Option<i32> {
        let (sign, rest) = match s.as_bytes().first()? {
            b'+' => (1, s.get(1..)?),
            b'-' => (-1, s.get(1..)?),
            _ => return None,
        };
        let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
        let (h, m) = match digits.len() {
            1 | 2 => (digits.parse::<i32>().ok()?, 0),
            3 => (
                digits.get(..1)?.parse().ok()?,
                digits.get(1..)?.parse().ok()?,
            ),
            4 => (
                digits.get(..2)?.parse().ok()?,
                digits.get(2..)?.parse().ok()?,
            ),
            _ => return None,
        };
        (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
    };
    if upper == "Z" || upper == "UTC" || upper == "GMT" {
        return Some(0);
    }
    if let Some(rest) = upper
        .strip_prefix("UTC")
        .or_else(|| upper.strip_prefix("GMT"))
    {
        return numeric(rest);
    }
    if upper.starts_with('+') || upper.starts_with('-') {
        return numeric(&upper);
    }
    let us = |std: i32| -> Option<i32> {
        let (y, m, d) = date?;
        Some(if us_dst(y, m, d) { std + 60 } else { std })
    };
    Some(match upper.as_str() {
        "EST" => -300,
        "EDT" => -240,
        "CST" => -360,
        "CDT" => -300,
        "MST" => -420,
        "MDT" => -360,
        "PST" => -480,
        "PDT" => -420,
        "ET" => us(-300)?,
        "CT" => us(-360)?,
        "MT" => us(-420)?,
        "PT" => us(-480)?,
        "WET" => 0,
        "WEST" | "BST" => 60,
        "CET" | "MEZ" => 60,
        "CEST" | "MESZ" => 120,
        "EET" => 120,
        "EEST" => 180,
        "MSK" => 180,
        "IST" => 330,
        "SGT" | "HKT" | "AWST" => 480,
        "JST" | "KST" => 540,
        "AEST" => 600,
        "AEDT" => 660,
        "NZST" => 720,
        "NZDT" => 780,
        "CE" => {
            let (y, m, d) = date?;
            if eu_dst(y, m, d) { 120 } else { 60 }
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_date_hits() {
        for (input, want) in [
            ("2025-12-12", "2025-12-12"),
            ("2025-12-12T10:03:00+01:00", "2025-12-12T10:03:00+01:00"),
            ("2025-12-12T10:03:00.123Z", "2025-12-12T10:03:00+00:00"),
            ("2021-11-01T10:52:50+0100", "2021-11-01T10:52:50+01:00"),
            ("2019-04-28 06:01:07", "2019-04-28T06:01:07"),
            ("2017-11-03 03:01:00.000000", "2017-11-03T03:01:00"),
            ("2018-04-05T06:00", "2018-04-05T06:00:00"),
            ("2025/12/12", "2025-12-12"),
            ("20251212", "2025-12-12"),
            ("Dec. 12, 2025", "2025-12-12"),
            ("December 12, 2025 10:03 AM ET", "2025-12-12T10:03:00-05:00"),
            ("June 2, 2025 10:03 AM ET", "2025-06-02T10:03:00-04:00"),
            ("12 December 2025 10:03 CET", "2025-12-12T10:03:00+01:00"),
            (
                "Published 3:04 p.m. EST Jan. 5, 2024",
                "2024-01-05T15:04:00-05:00",
            ),
            ("Updated 12:30 a.m. Jan. 5, 2024", "2024-01-05T00:30:00"),
            ("Thu, 05 Apr 2018 06:00:00 GMT", "2018-04-05T06:00:00+00:00"),
            ("12/31/2025", "2025-12-31"),
            ("31/12/2025", "2025-12-31"),
            ("05.01.2024", "2024-01-05"),
            ("Sept. 3rd, 2023", "2023-09-03"),
            ("le 3 mars 2021 à 10h30", "2021-03-03T10:30:00"),
            ("5. Januar 2024", "2024-01-05"),
            ("12 de diciembre de 2025", "2025-12-12"),
            ("Feb 29, 2024", "2024-02-29"),
            ("12 December 2025 10:03 GMT+1", "2025-12-12T10:03:00+01:00"),
            (
                "December 12, 2025 at 10:03 a.m. (UTC-05:00)",
                "2025-12-12T10:03:00-05:00",
            ),
            ("Posted: 2025-12-12 22:15 CEST", "2025-12-12T22:15:00+02:00"),
            (
                "Fri, 12 Dec 2025 09:00:00 +0000",
                "2025-12-12T09:00:00+00:00",
            ),
            ("March 25, 2015 (UTC+2)", "2015-03-25"),
        ] {
            assert_eq!(parse_date(input).as_deref(), Some(want), "{input}");
        }
    }

    #[test]
    fn parse_date_misses() {
        for miss in [
            "",
            "yesterday",
            "05/06/2025",
            "Feb 30, 2024",
            "2025-13-01",
            "Chapter 12, verse 2025",
            "Call 555-1234",
            "1850-01-01",
            "Version 2.10.3",
        ] {
            assert_eq!(parse_date(miss), None, "{miss}");
        }
    }

    proptest::proptest! {
        /// Any text either fails or gives ISO 8601 that parses to itself.
        #[test]
        fn parse_date_output_is_stable_iso(s in "\\PC{0,80}|[0-9 :./APMESTCaepmstuzZ,+-]{0,40}") {
            if let Some(d) = parse_date(&s) {
                proptest::prop_assert!(d.len() >= 10 && d.as_bytes()[4] == b'-', "{d}");
                proptest::prop_assert_eq!(parse_date(&d), Some(d.clone()));
            }
        }
    }

    #[test]
    fn specificity_and_dst() {
        let a = parse_when("2025-12-12").unwrap();
        let b = parse_when("Dec 12, 2025 9:00 PM EST").unwrap();
        assert!(a.same_date(&b));
        assert!(b.specificity() > a.specificity());
        assert!(us_dst(2025, 3, 9) && !us_dst(2025, 3, 8));
        assert!(eu_dst(2025, 3, 30) && !eu_dst(2025, 3, 29));
    }
}
