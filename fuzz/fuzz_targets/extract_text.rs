//! Plain-text extraction on arbitrary UTF-8.
#![no_main]
use copydesk::{Extractor, Input, Kind};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::default);

fuzz_target!(|text: &str| {
    let _ = EXTRACTOR.extract(Input::new(text).kind(Kind::Text));
});
