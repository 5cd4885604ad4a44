//! Byte input: charset decoding, kind detection, then extraction.
#![no_main]
#[path = "check.rs"]
mod check;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    check::outcome(copydesk::extract_bytes(bytes));
});
