//! The seed article of the project brief, checked field by field.
//!
//! The seed lives in the shared corpus next to the repository; when it is
//! absent (a checkout of the published package, CI without the corpus) the test prints why
//! and passes without checking.

use std::path::Path;

use copydesk::{Article, Block, DisclaimerKind, QuoteKind};

const SEED: &str = "../shared/seeds/000_5c91422cf4c5464d.txt";

fn load() -> Option<(Vec<String>, Article)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED);
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!("skipping: seed article not found at {}", path.display());
        return None;
    };
    let article = copydesk::extract(&text).expect("the seed extracts");
    let lines = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    Some((lines, article))
}

/// The line of the seed that starts with `prefix`.
fn line<'a>(lines: &'a [String], prefix: &str) -> &'a str {
    lines
        .iter()
        .find(|l| l.starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed line starts with {prefix:?}"))
}

#[test]
fn seed_headline_dek_lede() {
    let Some((lines, a)) = load() else { return };
    assert_eq!(
        a.headline.as_deref(),
        Some(
            "China and South Korea Revive Trade Talks, Pivoting from Factories to Services Amid Geopolitical Shifts"
        )
    );
    assert_eq!(a.dek.as_deref(), Some(lines[1].as_str()));
    assert_eq!(
        a.lede.as_deref(),
        Some(line(&lines, "In a significant move to overhaul"))
    );
}

#[test]
fn seed_sections() {
    let Some((lines, a)) = load() else { return };
    let headings: Vec<_> = a.sections.iter().map(|s| s.heading.as_deref()).collect();
    assert_eq!(
        headings,
        [
            Some("The Lead: A Strategic Economic Overhaul"),
            Some("From Manufacturing to High-Value Services"),
            Some("Geopolitical Chessboard in Motion"),
        ]
    );
    let sizes: Vec<_> = a.sections.iter().map(|s| s.blocks.len()).collect();
    assert_eq!(sizes, [1, 3, 2]);
    let para = |prefix: &str| Block::paragraph(line(&lines, prefix));
    assert_eq!(a.sections[0].blocks, [para("In a significant move")]);
    assert_eq!(a.sections[1].blocks[0], para("The thaw follows"));
    assert_eq!(a.sections[1].blocks[1], para("This initiative represents"));
    match &a.sections[1].blocks[2] {
        Block::Quote { text, attribution } => {
            assert_eq!(attribution.as_deref(), Some("Official Stance"));
            assert!(text.starts_with("The push aims to unlock"), "{text}");
            assert!(!text.contains('"'), "{text}");
        }
        other => panic!("expected a quote block, got {other:?}"),
    }
    assert_eq!(
        a.sections[2].blocks,
        [para("This development"), para("Analysts suggest")]
    );
}

#[test]
fn seed_quotes() {
    let Some((lines, a)) = load() else { return };
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    let q = &a.quotes[0];
    assert_eq!(q.kind, QuoteKind::Pull);
    assert_eq!(q.attribution.as_deref(), Some("Official Stance"));
    assert_eq!(q.section, 1);
    let full = line(&lines, "Official Stance:");
    let inner = full
        .trim_start_matches("Official Stance:")
        .trim()
        .trim_matches('"');
    assert_eq!(q.text, inner);
}

#[test]
fn seed_disclaimer() {
    let Some((lines, a)) = load() else { return };
    assert_eq!(a.disclaimers.len(), 1, "{:?}", a.disclaimers);
    assert_eq!(a.disclaimers[0].kind, DisclaimerKind::AiGenerated);
    assert_eq!(
        a.disclaimers[0].text,
        line(&lines, "This content is AI-generated")
    );
}

#[test]
fn seed_related() {
    let Some((lines, a)) = load() else { return };
    let header = lines
        .iter()
        .position(|l| l == "Related Articles")
        .expect("seed has a related header");
    let items = &lines[header + 1..];
    assert_eq!(a.related.len(), 4);
    assert_eq!(items.len(), 4);
    for (link, item) in a.related.iter().zip(items) {
        let title = link.title.as_str();
        let summary = link.summary.as_deref().expect("summary");
        assert!(title.ends_with('.'), "{title}");
        assert!(
            !title[..title.len() - 1].contains(". "),
            "one sentence: {title}"
        );
        assert_eq!(format!("{title} {summary}"), *item);
        assert_eq!(link.url, None);
    }
}

#[test]
fn seed_text() {
    let Some((lines, a)) = load() else { return };
    let body: Vec<&str> = [
        "In a significant move",
        "The thaw follows",
        "This initiative represents",
        "Official Stance:",
        "This development",
        "Analysts suggest",
    ]
    .iter()
    .map(|p| line(&lines, p))
    .collect();
    let paragraphs: Vec<&str> = a.text.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 6, "{}", a.text);
    for (got, want) in paragraphs.iter().zip(&body) {
        if want.starts_with("Official Stance:") {
            assert!(want.contains(got), "{got}");
        } else {
            assert_eq!(got, want);
        }
    }
    for absent in [
        lines[0].as_str(),
        lines[1].as_str(),
        "AI-generated",
        "Related Articles",
        "Greenland",
    ] {
        assert!(!a.text.contains(absent), "text contains {absent:?}");
    }
}

/// The same article must come out whatever the line ends and paragraph
/// spacing of the dump.
#[test]
fn seed_layout_variants_give_the_same_article() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED);
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!("skipping: seed article not found at {}", path.display());
        return;
    };
    let reference = copydesk::extract(&text).expect("the seed extracts");
    let lines: Vec<&str> = text.lines().collect();
    let variants = [
        ("crlf", lines.join("\r\n")),
        ("blank lines", lines.join("\n\n")),
        (
            "stray whitespace",
            lines
                .iter()
                .map(|l| format!("  {l} \t"))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
    ];
    for (name, variant) in variants {
        let article = copydesk::extract(&variant).expect("variant extracts");
        assert_eq!(article.headline, reference.headline, "{name}");
        assert_eq!(article.dek, reference.dek, "{name}");
        assert_eq!(article.sections, reference.sections, "{name}");
        assert_eq!(article.quotes, reference.quotes, "{name}");
        assert_eq!(article.disclaimers, reference.disclaimers, "{name}");
        assert_eq!(article.related, reference.related, "{name}");
        assert_eq!(article.text, reference.text, "{name}");
    }
}
