//! Language and script of the body text, with whatlang (trigram profiles
//! of 69 languages built into the crate; no model files).
//!
//! The page's declared language wins when it is plausible: a well-formed
//! tag, not a placeholder (`und`, `mul`, `zxx`, `x-…`), and — when the body
//! is written in a non-Latin script whatlang knows — a language written in
//! that script (a template's `lang="en"` on a Russian text is not). A body
//! in Latin script never overrules the page: whatlang cannot tell a Latin
//! Serbian or Azerbaijani text from its neighbours well enough.

use crate::base::is_language_tag;
use whatlang::{Lang, Script};

/// Detection reads at most this many bytes of the body: enough for a
/// reliable answer, and the cost stays flat on long pages.
const SAMPLE_BYTES: usize = 4096;

/// Fewer letters than this and the text is too short to tell its language.
const MIN_LETTERS: usize = 60;

/// What the body text says about its language.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Detected {
    /// The language tag (ISO 639-1 where there is one), when detection was
    /// reliable.
    pub lang: Option<&'static str>,
    /// The ISO 15924 script code of most of the letters.
    pub script: Option<&'static str>,
    /// whatlang's confidence in `lang`, 0.0–1.0.
    pub confidence: f64,
    /// The whatlang script, to judge a declared language by.
    script_raw: Option<Script>,
}

/// The body's script and, with `language` (the costly part: trigram
/// scores for every candidate language), its language. Reads the first
/// [`SAMPLE_BYTES`].
pub(crate) fn detect(text: &str, language: bool) -> Detected {
    let mut cut = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let sample = &text[..cut];
    let script_raw = whatlang::detect_script(sample);
    let letters = sample.chars().filter(|c| c.is_alphabetic()).count();
    let info = (language && letters >= MIN_LETTERS)
        .then(|| whatlang::detect(sample))
        .flatten()
        .filter(whatlang::Info::is_reliable);
    let lang = info.as_ref().map(|i| tag(i.lang()));
    let script = match info.as_ref().map(whatlang::Info::lang) {
        // Japanese mixes kanji and kana: ISO 15924 names the mix.
        Some(Lang::Jpn) => Some("Jpan"),
        _ => match script_raw {
            // Kana are only written in Japanese.
            Some(Script::Hiragana | Script::Katakana) => Some("Jpan"),
            other => other.map(script_code),
        },
    };
    Detected {
        lang,
        script,
        confidence: info.map_or(0.0, |i| i.confidence()),
        script_raw,
    }
}

/// Why a declared language tag is not taken, or `None` when it is.
pub(crate) fn implausible(declared: &str, detected: &Detected) -> Option<&'static str> {
    if !is_language_tag(declared) {
        return Some("not a language tag");
    }
    let primary = declared
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if matches!(primary.as_str(), "und" | "mul" | "zxx" | "mis" | "x" | "i") {
        return Some("a placeholder tag");
    }
    let script = detected.script_raw?;
    if script == Script::Latin {
        return None;
    }
    let declared_lang = TAGS
        .iter()
        .find(|(_, t)| *t == primary)
        .map(|(l, _)| *l)
        .or_else(|| Lang::from_code(primary.as_str()))?;
    let han_family = |l: Lang| matches!(l, Lang::Cmn | Lang::Jpn);
    let fits = script.langs().contains(&declared_lang)
        || (matches!(
            script,
            Script::Mandarin | Script::Hiragana | Script::Katakana
        ) && han_family(declared_lang));
    (!fits).then_some("the body is written in another script")
}

/// ISO 639-1 tags of whatlang's languages (ISO 639-3 `code()` otherwise).
const TAGS: &[(Lang, &str)] = &[
    (Lang::Epo, "eo"),
    (Lang::Eng, "en"),
    (Lang::Rus, "ru"),
    (Lang::Cmn, "zh"),
    (Lang::Spa, "es"),
    (Lang::Por, "pt"),
    (Lang::Ita, "it"),
    (Lang::Ben, "bn"),
    (Lang::Fra, "fr"),
    (Lang::Deu, "de"),
    (Lang::Ukr, "uk"),
    (Lang::Kat, "ka"),
    (Lang::Ara, "ar"),
    (Lang::Hin, "hi"),
    (Lang::Jpn, "ja"),
    (Lang::Heb, "he"),
    (Lang::Yid, "yi"),
    (Lang::Pol, "pl"),
    (Lang::Amh, "am"),
    (Lang::Jav, "jv"),
    (Lang::Kor, "ko"),
    (Lang::Nob, "nb"),
    (Lang::Dan, "da"),
    (Lang::Swe, "sv"),
    (Lang::Fin, "fi"),
    (Lang::Tur, "tr"),
    (Lang::Nld, "nl"),
    (Lang::Hun, "hu"),
    (Lang::Ces, "cs"),
    (Lang::Ell, "el"),
    (Lang::Bul, "bg"),
    (Lang::Bel, "be"),
    (Lang::Mar, "mr"),
    (Lang::Kan, "kn"),
    (Lang::Ron, "ro"),
    (Lang::Slv, "sl"),
    (Lang::Hrv, "hr"),
    (Lang::Srp, "sr"),
    (Lang::Mkd, "mk"),
    (Lang::Lit, "lt"),
    (Lang::Lav, "lv"),
    (Lang::Est, "et"),
    (Lang::Tam, "ta"),
    (Lang::Vie, "vi"),
    (Lang::Urd, "ur"),
    (Lang::Tha, "th"),
    (Lang::Guj, "gu"),
    (Lang::Uzb, "uz"),
    (Lang::Pan, "pa"),
    (Lang::Aze, "az"),
    (Lang::Ind, "id"),
    (Lang::Tel, "te"),
    (Lang::Pes, "fa"),
    (Lang::Mal, "ml"),
    (Lang::Ori, "or"),
    (Lang::Mya, "my"),
    (Lang::Nep, "ne"),
    (Lang::Sin, "si"),
    (Lang::Khm, "km"),
    (Lang::Tuk, "tk"),
    (Lang::Aka, "ak"),
    (Lang::Zul, "zu"),
    (Lang::Sna, "sn"),
    (Lang::Afr, "af"),
    (Lang::Lat, "la"),
    (Lang::Slk, "sk"),
    (Lang::Cat, "ca"),
    (Lang::Tgl, "tl"),
    (Lang::Hye, "hy"),
    (Lang::Cym, "cy"),
];

fn tag(lang: Lang) -> &'static str {
    TAGS.iter()
        .find(|(l, _)| *l == lang)
        .map_or_else(|| lang.code(), |(_, t)| *t)
}

fn script_code(script: Script) -> &'static str {
    match script {
        Script::Arabic => "Arab",
        Script::Armenian => "Armn",
        Script::Bengali => "Beng",
        Script::Cyrillic => "Cyrl",
        Script::Devanagari => "Deva",
        Script::Ethiopic => "Ethi",
        Script::Georgian => "Geor",
        Script::Greek => "Grek",
        Script::Gujarati => "Gujr",
        Script::Gurmukhi => "Guru",
        Script::Hangul => "Hang",
        Script::Hebrew => "Hebr",
        Script::Hiragana => "Hira",
        Script::Kannada => "Knda",
        Script::Katakana => "Kana",
        Script::Khmer => "Khmr",
        Script::Latin => "Latn",
        Script::Malayalam => "Mlym",
        Script::Mandarin => "Hani",
        Script::Myanmar => "Mymr",
        Script::Oriya => "Orya",
        Script::Sinhala => "Sinh",
        Script::Tamil => "Taml",
        Script::Telugu => "Telu",
        Script::Thai => "Thai",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FR: &str = "Le conseil municipal a adopté mardi soir le budget de la ville, \
        après un mois de discussions entre les élus de la majorité et ceux de l'opposition.";
    const RU: &str = "Городской совет во вторник вечером утвердил бюджет города после \
        месяца переговоров между депутатами большинства и оппозиции.";

    #[test]
    fn detects_language_and_script() {
        let d = detect(FR, true);
        assert_eq!((d.lang, d.script), (Some("fr"), Some("Latn")));
        let d = detect(RU, true);
        assert_eq!((d.lang, d.script), (Some("ru"), Some("Cyrl")));
        let d = detect(
            "東京都は月曜日、新しい公園の計画を発表しました。市民の意見を聞いて、来年の春に工事を始める予定です。公園には図書館と広場ができます。子どもたちが安全に遊べる場所になると話しています。",
            true,
        );
        assert_eq!(d.script, Some("Jpan"), "{d:?}");
    }

    #[test]
    fn short_text_gives_no_language() {
        let d = detect("Bonjour à tous.", true);
        assert_eq!(d.lang, None);
        assert_eq!(d.script, Some("Latn"));
        assert_eq!(detect("12 345 — 678", true).script, None);
        assert_eq!(detect(FR, false).lang, None, "the language only when asked");
    }

    #[test]
    fn declared_tags_are_judged() {
        let fr = detect(FR, true);
        let ru = detect(RU, true);
        assert_eq!(implausible("en", &fr), None, "Latin bodies never overrule");
        assert_eq!(implausible("ru-RU", &ru), None);
        assert_eq!(implausible("sr", &ru), None);
        assert!(implausible("en", &ru).is_some());
        assert!(implausible("{{ lang }}", &fr).is_some());
        assert!(implausible("und", &fr).is_some());
        assert_eq!(
            implausible("xx-unknown", &ru),
            None,
            "unknown to whatlang: kept"
        );
    }

    #[test]
    fn language_tags() {
        for ok in ["en", "pt-BR", "zh-Hant-TW", "en_US"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in ["", "e", "en-", "{{lang}}", "en US", "\"><x", "123"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
