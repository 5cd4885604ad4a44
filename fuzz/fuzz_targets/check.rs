//! Invariants every fuzz target checks on a successful extraction, beyond
//! "no panic": the JSON form round-trips and serialises deterministically,
//! and `text` is the body the sections hold.

use copydesk::{Article, Error};

pub fn outcome(result: Result<Article, Error>) {
    match result {
        Ok(article) => {
            let json = serde_json::to_string(&article).expect("an Article serialises");
            let back: Article = serde_json::from_str(&json).expect("its JSON reads back");
            assert_eq!(back, article, "JSON round trip changed the Article");
            assert_eq!(
                serde_json::to_string(&back).expect("serialises"),
                json,
                "serialisation is not deterministic"
            );
            assert_eq!(
                article.text,
                article.body_text(),
                "text is not the section body"
            );
        }
        // Every error must have a message a person can read.
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}
