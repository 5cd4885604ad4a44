//! Plain-text extraction on arbitrary UTF-8.
#![no_main]
#[path = "check.rs"]
mod check;
use copydesk::{Extractor, Input, Kind};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::default);

fuzz_target!(|text: &str| {
    check::outcome(EXTRACTOR.extract(Input::new(text).kind(Kind::Text)));
});
