//! Charset handling of `extract_bytes`: byte-order mark, then the caller's
//! charset, then `<meta charset>`, then detection. Each page is written in
//! UTF-8 here and encoded with encoding_rs, so the expected words are known.

use copydesk::{Extractor, Input, Kind};
use encoding_rs::Encoding;

/// A small article page; `meta` is inserted in `<head>`.
fn page(meta: &str, headline: &str, body: &str) -> String {
    // The body is repeated so detection has enough bytes to judge.
    let paragraphs: String = (0..6).map(|_| format!("<p>{body}</p>\n")).collect();
    format!(
        "<!DOCTYPE html><html><head>{meta}<title>{headline}</title></head>\
         <body><article><h1>{headline}</h1>\n{paragraphs}</article></body></html>"
    )
}

fn encode(label: &str, text: &str) -> Vec<u8> {
    let enc = Encoding::for_label(label.as_bytes()).expect("known label");
    let (bytes, _, unmappable) = enc.encode(text);
    assert!(!unmappable, "{label} cannot encode the sample");
    bytes.into_owned()
}

fn extract(bytes: &[u8]) -> copydesk::Article {
    Extractor::default()
        .extract(Input::bytes(bytes).kind(Kind::Html))
        .expect("extract")
}

/// (label, headline, body sentence) in a language the charset is made for.
const SAMPLES: &[(&str, &str, &str)] = &[
    (
        "windows-1252",
        "Café crème à la française",
        "Déjà vu: le garçon a commandé un café crème et une crêpe, naïvement, à l’œil.",
    ),
    (
        "iso-8859-2",
        "Příliš žluťoučký kůň úpěl ďábelské ódy",
        "Zażółć gęślą jaźń, řekl kůň a úpěl ďábelské ódy na náměstí v Praze dnes ráno.",
    ),
    (
        "koi8-r",
        "Съешь же ещё этих мягких французских булок",
        "В Москве сегодня открыли новый мост через реку, и жители города были очень рады этому событию.",
    ),
    (
        "shift_jis",
        "東京で新しい橋が開通しました",
        "東京都は今日、新しい橋の開通を発表しました。多くの市民がこのニュースを喜んでいます。",
    ),
    (
        "euc-jp",
        "東京で新しい橋が開通しました",
        "東京都は今日、新しい橋の開通を発表しました。多くの市民がこのニュースを喜んでいます。",
    ),
    (
        "gbk",
        "北京市政府宣布新的交通计划",
        "北京市政府今天宣布了新的交通计划，市民对此反应热烈，认为这将改善城市的交通状况。",
    ),
    (
        "big5",
        "臺北市政府宣布新的交通計畫",
        "臺北市政府今天宣布了新的交通計畫，市民對此反應熱烈，認為這將改善城市的交通狀況。",
    ),
    (
        "euc-kr",
        "서울시 새로운 교통 계획 발표",
        "서울시는 오늘 새로운 교통 계획을 발표했습니다. 시민들은 이 소식을 매우 반기고 있습니다.",
    ),
];

#[test]
fn declared_by_meta_charset() {
    for (label, headline, body) in SAMPLES {
        let html = page(&format!("<meta charset=\"{label}\">"), headline, body);
        let article = extract(&encode(label, &html));
        assert_eq!(article.headline.as_deref(), Some(*headline), "{label}");
        assert!(article.text.contains(body), "{label}: {}", article.text);
    }
}

#[test]
fn extract_bytes_decodes_too() {
    let (label, headline, body) = SAMPLES[5];
    let html = page(&format!("<meta charset=\"{label}\">"), headline, body);
    let article = copydesk::extract_bytes(&encode(label, &html)).expect("extract");
    assert_eq!(article.headline.as_deref(), Some(headline));
}

#[test]
fn declared_by_http_equiv() {
    let (label, headline, body) = SAMPLES[0];
    let meta = format!("<meta http-equiv=\"Content-Type\" content=\"text/html; charset={label}\">");
    let article = extract(&encode(label, &page(&meta, headline, body)));
    assert_eq!(article.headline.as_deref(), Some(headline));
}

#[test]
fn declared_by_the_caller() {
    let (label, headline, body) = SAMPLES[2];
    let bytes = encode(label, &page("", headline, body));
    let article = Extractor::default()
        .extract(Input::bytes(&bytes).kind(Kind::Html).charset("KOI8-R"))
        .expect("extract");
    assert_eq!(article.headline.as_deref(), Some(headline));
}

/// Without any declaration, chardetng guesses. Every sample here is long
/// enough for it; ISO-8859-2 may come back as its superset windows-1250,
/// which decodes these letters differently, so only the words both share
/// are checked for it.
#[test]
fn detected_without_declaration() {
    for (label, headline, body) in SAMPLES {
        let article = extract(&encode(label, &page("", headline, body)));
        if *label == "iso-8859-2" {
            let h = article.headline.unwrap_or_default();
            assert!(h.contains("kůň") && h.contains("ódy"), "{label}: {h}");
            continue;
        }
        assert_eq!(article.headline.as_deref(), Some(*headline), "{label}");
        assert!(article.text.contains(body), "{label}: {}", article.text);
    }
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if big_endian {
            &[0xFE, 0xFF]
        } else {
            &[0xFF, 0xFE]
        });
    }
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

#[test]
fn utf16_with_and_without_bom() {
    let (_, headline, body) = SAMPLES[2];
    let html = page("", headline, body);
    for big_endian in [false, true] {
        for bom in [true, false] {
            let article = extract(&utf16(&html, big_endian, bom));
            assert_eq!(
                article.headline.as_deref(),
                Some(headline),
                "big_endian={big_endian} bom={bom}"
            );
        }
    }
}

#[test]
fn utf8_bom_wins_over_meta() {
    let (_, headline, body) = SAMPLES[3];
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(page("<meta charset=\"shift_jis\">", headline, body).as_bytes());
    assert_eq!(extract(&bytes).headline.as_deref(), Some(headline));
}

/// Our documented choice: when `<meta>` names a legacy charset but the bytes
/// are valid UTF-8 with multi-byte sequences, the bytes win (browsers would
/// trust the tag and show mojibake).
#[test]
fn lying_meta_charset_loses_to_valid_utf8() {
    let (_, headline, body) = SAMPLES[0];
    let html = page("<meta charset=\"windows-1252\">", headline, body);
    let article = extract(html.as_bytes());
    assert_eq!(article.headline.as_deref(), Some(headline));
    // ...but a truthful windows-1252 page still decodes as windows-1252.
    let article = extract(&encode("windows-1252", &html));
    assert_eq!(article.headline.as_deref(), Some(headline));
}

/// The caller's charset is obeyed even when it is wrong: it is explicit.
#[test]
fn caller_charset_is_obeyed() {
    let (_, headline, body) = SAMPLES[0];
    let html = page("", headline, body);
    let article = Extractor::default()
        .extract(
            Input::bytes(html.as_bytes())
                .kind(Kind::Html)
                .charset("windows-1252"),
        )
        .expect("extract");
    assert_ne!(article.headline.as_deref(), Some(headline));
    assert!(article.headline.unwrap_or_default().contains("CafÃ©"));
}
