//! The precision/recall preference: one synthetic page per rule, showing
//! what each setting keeps that the balanced default does not (or drops
//! that it keeps). The rules are listed in `src/favor.rs`.

use copydesk::{Article, Extractor, Favor, Input, Kind};

fn extract(favor: Favor, page: &str) -> Article {
    Extractor::builder()
        .favor(favor)
        .build()
        .expect("builds")
        .extract(Input::new(page).kind(Kind::Html))
        .expect("extracts")
}

/// A paragraph of some forty words about a tram line, numbered.
fn para(n: usize) -> String {
    format!(
        "<p>Part {n}: the tram extension to the hospital will add four stops and a new depot, \
         the city said on Monday, and the work is planned in three phases so that the main road \
         stays open to buses and cyclists while the tracks are laid.</p>"
    )
}

fn page(head: &str, middle: &str, tail: &str) -> String {
    format!(
        "<html><head><title>Tram Line Extended</title></head><body><article>\
         <h1>Tram Line Extended</h1>{head}{}{}{middle}{}{}{tail}</article></body></html>",
        para(1),
        para(2),
        para(3),
        para(4)
    )
}

#[test]
fn balanced_is_the_default() {
    let p = page(
        "<p>City transport news</p>",
        "<p><a href=\"/a\">Budget vote</a> · <a href=\"/b\">Council live</a></p>",
        "<p>Reporting from the depot</p>",
    );
    let default = Extractor::default()
        .extract(Input::new(p.as_str()).kind(Kind::Html))
        .expect("extracts");
    assert_eq!(extract(Favor::Balanced, &p), default);
}

#[test]
fn precision_drops_short_link_lines_inside_the_body() {
    let p = page(
        "",
        "<p><a href=\"/a\">Budget vote tonight</a> · <a href=\"/b\">Council live blog</a> · \
         <a href=\"/c\">Tram map</a></p>",
        "",
    );
    let balanced = extract(Favor::Balanced, &p);
    assert!(
        balanced.text.contains("Council live blog"),
        "{}",
        balanced.text
    );
    let precise = extract(Favor::Precision, &p);
    assert!(
        !precise.text.contains("Council live blog"),
        "{}",
        precise.text
    );
    assert!(precise.text.contains("Part 4"));
}

#[test]
fn precision_drops_longer_kicker_lines_above_the_story() {
    let p = page("<p>City transport and planning news</p>", "", "");
    let balanced = extract(Favor::Balanced, &p);
    assert!(balanced.text.contains("planning news"), "{}", balanced.text);
    let precise = extract(Favor::Precision, &p);
    assert!(!precise.text.contains("planning news"), "{}", precise.text);
    assert!(precise.text.starts_with("Part 1"));
}

#[test]
fn precision_drops_fragments_under_the_story() {
    let p = page("", "", "<p>Priya Natt at the Eastgate depot</p>");
    let balanced = extract(Favor::Balanced, &p);
    assert!(
        balanced.text.contains("Eastgate depot"),
        "{}",
        balanced.text
    );
    let precise = extract(Favor::Precision, &p);
    assert!(!precise.text.contains("Eastgate depot"), "{}", precise.text);
    // A closing sentence is not a fragment.
    let p = page("", "", "<p>Work starts in May.</p>");
    assert!(
        extract(Favor::Precision, &p)
            .text
            .ends_with("Work starts in May.")
    );
}

#[test]
fn precision_drops_half_linked_lines_at_the_tail() {
    // Just over half links: under the anywhere rule's density, over the
    // edge rule's.
    let p = page(
        "",
        "",
        "<p>Our coverage of the <a href=\"/tram\">tram extension</a> and the new \
         <a href=\"/depot\">hospital depot plans</a></p>",
    );
    let balanced = extract(Favor::Balanced, &p);
    assert!(
        balanced.text.contains("hospital depot plans"),
        "{}",
        balanced.text
    );
    let precise = extract(Favor::Precision, &p);
    assert!(
        !precise.text.contains("hospital depot plans"),
        "{}",
        precise.text
    );
}

/// A page whose story container holds `inside` numbered paragraphs and
/// whose other `beside` paragraphs (the first about night buses) sit in a
/// plain `<div>` next to it.
fn split_page(inside: usize, beside: usize) -> String {
    let inner: String = (1..=inside).map(para).collect();
    let outer: String = (inside + 1..inside + beside).map(para).collect();
    format!(
        "<html><head><title>Tram Line Extended</title></head><body>\
         <article><h1>Tram Line Extended</h1>{inner}</article>\
         <div><p>The depot will also house the night buses, the council added, which should \
         cut the empty running between the garage and the first stops in the morning.</p>{outer}</div>\
         </body></html>"
    )
}

#[test]
fn recall_reads_every_paragraph_when_the_main_content_is_small() {
    // Twelve paragraphs in the container (about 2,400 characters: over
    // Balanced's 2,000, under Recall's 4,000), as many again beside it.
    let p = split_page(12, 13);
    let balanced = extract(Favor::Balanced, &p);
    assert!(!balanced.text.contains("night buses"), "{}", balanced.text);
    let recall = extract(Favor::Recall, &p);
    assert!(recall.text.contains("night buses"), "{}", recall.text);
    assert!(recall.text.contains("Part 1") && recall.text.contains("Part 24"));
}

#[test]
fn balanced_reads_every_paragraph_only_when_they_hold_twice_as_much() {
    // Three paragraphs in the container, six beside it: the page's
    // paragraphs hold three times the container's text.
    let p = split_page(3, 6);
    let balanced = extract(Favor::Balanced, &p);
    assert!(balanced.text.contains("night buses"), "{}", balanced.text);
    assert!(balanced.text.contains("Part 1") && balanced.text.contains("Part 8"));
    // Three inside, one beside: not twice as much, the container stays.
    let p = split_page(3, 1);
    let balanced = extract(Favor::Balanced, &p);
    assert!(!balanced.text.contains("night buses"), "{}", balanced.text);
}

#[test]
fn a_forum_thread_keeps_its_posts_instead_of_every_paragraph() {
    // The same page declared a discussion thread: its paragraphs beside the
    // posts are not read in their place.
    let p = split_page(3, 6).replace(
        "<head>",
        "<head><script type=\"application/ld+json\">\
         {\"@context\":\"https://schema.org\",\"@type\":\"DiscussionForumPosting\",\
         \"headline\":\"Tram Line Extended\"}</script>",
    );
    let article = extract(Favor::Balanced, &p);
    assert_eq!(
        article.page_type.map(|t| t.kind),
        Some(copydesk::PageKind::Forum)
    );
    assert!(!article.text.contains("night buses"), "{}", article.text);
}
