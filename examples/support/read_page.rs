//! Reading an input file the way the `copydesk` command does: gzip data (a
//! `.gz` file, or any file that starts with the gzip magic bytes) is
//! decompressed, and no more than the default
//! [`Limits::max_input_bytes`](copydesk::Limits::max_input_bytes) is read
//! before or after decompression. Shared by the examples through `#[path]`.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// The bytes of the page at `path`, gunzipped when they are gzip data.
///
/// # Errors
///
/// The file cannot be read, a `.gz` file is not gzip data, or the input is
/// over the size limit (compressed or decompressed).
pub fn read_page(path: &Path) -> io::Result<Vec<u8>> {
    let limit = copydesk::Limits::default().max_input_bytes;
    let raw = read_at_most(File::open(path)?, limit, "input")?;
    let named_gz = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    if !raw.starts_with(&[0x1f, 0x8b]) {
        if named_gz && !raw.is_empty() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "bad gzip data: not a gzip file",
            ));
        }
        return Ok(raw);
    }
    read_at_most(
        flate2::read::MultiGzDecoder::new(raw.as_slice()),
        limit,
        "decompressed input",
    )
}

fn read_at_most(reader: impl Read, limit: usize, what: &str) -> io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    reader.take(cap).read_to_end(&mut buf)?;
    if buf.len() > limit {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{what} is over the size limit of {limit} bytes"),
        ));
    }
    Ok(buf)
}
