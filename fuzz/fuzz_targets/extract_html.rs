//! HTML extraction on arbitrary UTF-8.
#![no_main]
#[path = "check.rs"]
mod check;
use copydesk::{Extractor, Input, Kind};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::default);

fuzz_target!(|html: &str| {
    check::outcome(
        EXTRACTOR.extract(
            Input::new(html)
                .kind(Kind::Html)
                .url("https://example.com/a/b"),
        ),
    );
});
