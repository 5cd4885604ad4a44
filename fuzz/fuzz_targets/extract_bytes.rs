//! Byte input: charset decoding, kind detection, then extraction.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = copydesk::extract_bytes(bytes);
});
