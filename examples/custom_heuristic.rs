//! Customising the pipeline: add a heuristic made from a closure and
//! disable a built-in one by name.
//!
//! ```text
//! cargo run --example custom_heuristic -- [path/to/page.html[.gz]]
//! ```
//!
//! Without a path it runs on a short built-in text. Gzip input is read as
//! the `copydesk` command reads it.

use std::process::ExitCode;

#[path = "support/read_page.rs"]
mod read_page;

use copydesk::{Error, Extractor, Heuristic, Role, Stage, heuristic_fn};

/// The built-in heuristic this example turns off: with it gone, notices
/// such as "Sponsored: …" stay in the body instead of `disclaimers`.
const DISABLED: &str = "label.disclaimers";

/// Our heuristic's name; names are `stage.kebab-name`.
const NEWSLETTER: &str = "label.podcast-prompts";

const SAMPLE: &str = "Night Trains Return to the Coast Line\n\n\
    Overnight trains will run between the capital and the coast again from May.\n\n\
    Podcast: hear the drivers talk about the route in this week's episode.\n\n\
    Tickets go on sale next Tuesday, the operator said.";

/// Marks "Podcast:" promotion lines as boilerplate, which assembly drops.
/// (The default set keeps them: they read like a sentence of the story.)
fn newsletter_prompts() -> impl Heuristic {
    heuristic_fn(NEWSLETTER, Stage::Label, |draft, _cx| {
        for block in draft.blocks_mut() {
            let text = block.text.to_lowercase();
            if text.starts_with("podcast:") {
                block.set_role(Role::Boilerplate, NEWSLETTER, 0.9);
            }
        }
        Ok(())
    })
}

/// Builds an extractor with one heuristic added and one removed.
fn build_extractor() -> Result<Extractor, Error> {
    Extractor::builder()
        .add(newsletter_prompts())
        .disable(DISABLED)
        .build()
}

fn main() -> ExitCode {
    let extractor = match build_extractor() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("custom_heuristic: {e}");
            return ExitCode::FAILURE;
        }
    };
    let input = match std::env::args_os().nth(1) {
        Some(path) => match read_page::read_page(path.as_ref()) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("custom_heuristic: {}: {e}", path.to_string_lossy());
                return ExitCode::FAILURE;
            }
        },
        None => SAMPLE.as_bytes().to_vec(),
    };
    eprintln!("heuristics: {}", extractor.heuristic_names().join(", "));
    match extractor.extract_bytes(&input) {
        Ok(article) => {
            println!("{}", article.to_markdown());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("custom_heuristic: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newsletter_prompt_is_dropped() {
        let extractor = Extractor::builder()
            .add(newsletter_prompts())
            .build()
            .unwrap();
        let article = extractor.extract(SAMPLE).unwrap();
        assert!(!article.text.contains("Podcast"), "{}", article.text);
        assert!(article.text.contains("Tickets go on sale"));
        let plain = Extractor::default().extract(SAMPLE).unwrap();
        assert!(plain.text.contains("Podcast"), "the default keeps it");
    }

    #[test]
    fn newsletter_added_and_builtin_disabled() {
        let builtin = copydesk::builtin_heuristics()
            .iter()
            .any(|(name, ..)| *name == DISABLED);
        match build_extractor() {
            Ok(extractor) => {
                let names = extractor.heuristic_names();
                assert!(names.contains(&NEWSLETTER));
                assert!(!names.contains(&DISABLED));
                let article = extractor.extract(SAMPLE).unwrap();
                assert!(!article.text.contains("Podcast"), "{}", article.text);
                assert!(article.text.contains("Tickets go on sale"));
            }
            // Only possible while the built-in set lacks the heuristic.
            Err(Error::UnknownHeuristic(name)) => {
                assert_eq!(name, DISABLED);
                assert!(
                    !builtin,
                    "{DISABLED} is built in, so disabling it must work"
                );
            }
            Err(e) => panic!("unexpected error: {e}"),
        }
    }
}
