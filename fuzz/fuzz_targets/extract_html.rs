//! HTML extraction on arbitrary UTF-8.
#![no_main]
use copydesk::{Extractor, Input, Kind};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::default);

fuzz_target!(|html: &str| {
    let _ = EXTRACTOR.extract(Input::new(html).kind(Kind::Html).url("https://example.com/a/b"));
});
