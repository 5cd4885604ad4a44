//! The streaming record reader: a byte source (plain, or gzip members
//! decoded one by one so each member's file offset is known) under a small
//! buffer of our own, read line by line for headers and by length for
//! content blocks.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use flate2::bufread::GzDecoder;

use super::{Error, Record};

/// Largest header block of one record (version line and headers).
const MAX_HEADER_BYTES: usize = 64 << 10;
/// Size of the read buffer.
const CHUNK: usize = 64 << 10;

/// A `BufRead` that counts the bytes consumed from it.
struct Counting<R> {
    inner: R,
    pos: u64,
}

impl<R: BufRead> Read for Counting<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = {
            let buf = self.inner.fill_buf()?;
            let n = buf.len().min(out.len());
            out[..n].copy_from_slice(&buf[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.pos += amt as u64;
        self.inner.consume(amt);
    }
}

/// Gzip members decoded one after the other. `bufread::GzDecoder` takes
/// from the buffered reader exactly the bytes of its member, so the
/// counting reader's position is the next member's offset.
struct Members<R> {
    decoder: Option<GzDecoder<Counting<R>>>,
    idle: Option<Counting<R>>,
    /// Decompressed bytes handed out so far.
    produced: u64,
    /// (decompressed start, file offset) of members not yet passed by the
    /// record parser.
    starts: VecDeque<(u64, u64)>,
}

impl<R: BufRead> Members<R> {
    /// File offset of the member being decoded (for errors inside it).
    fn current_offset(&self) -> u64 {
        self.starts.back().map_or(0, |&(_, c)| c)
    }

    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        loop {
            if let Some(decoder) = &mut self.decoder {
                let n = decoder.read(out)?;
                if n > 0 {
                    self.produced += n as u64;
                    return Ok(n);
                }
                // The member ended (trailer checked): the next may follow.
                let finished = self.decoder.take().map(GzDecoder::into_inner);
                self.idle = finished;
            }
            let Some(mut reader) = self.idle.take() else {
                return Ok(0);
            };
            if reader.fill_buf()?.is_empty() {
                self.idle = Some(reader);
                return Ok(0);
            }
            self.starts.push_back((self.produced, reader.pos));
            self.decoder = Some(GzDecoder::new(reader));
        }
    }

    fn position(&self) -> u64 {
        match (&self.decoder, &self.idle) {
            (Some(d), _) => d.get_ref().pos,
            (None, Some(r)) => r.pos,
            (None, None) => 0,
        }
    }
}

enum Source<R> {
    Plain(Counting<R>),
    Gzip(Box<Members<R>>),
}

/// An iterator over the records of a WARC file, read as a stream.
///
/// Gzip input is recognised by its magic bytes. Each call to `next` reads
/// one record; after an [`Error`] the iterator ends.
pub struct WarcReader<R> {
    source: Source<R>,
    /// Buffer of decompressed bytes: `buf[start..end]` not yet parsed.
    buf: Vec<u8>,
    start: usize,
    end: usize,
    /// Decompressed offset of `buf[start]`.
    consumed: u64,
    eof: bool,
    done: bool,
    max_record_bytes: u64,
}

impl<R: Read> std::fmt::Debug for WarcReader<BufReader<R>> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WarcReader")
            .field("bytes_read", &self.bytes_read())
            .field("max_record_bytes", &self.max_record_bytes)
            .finish_non_exhaustive()
    }
}

impl WarcReader<BufReader<File>> {
    /// Opens a WARC file (plain or gzip).
    ///
    /// # Errors
    ///
    /// When the file cannot be opened or its first bytes cannot be read.
    pub fn open(path: impl AsRef<Path>) -> io::Result<Self> {
        let file = File::open(path)?;
        WarcReader::from_buf_read(BufReader::with_capacity(CHUNK, file))
    }
}

impl<R: Read> WarcReader<BufReader<R>> {
    /// Reads WARC records from `reader` (plain or gzip, told by the magic
    /// bytes). A read error on the first bytes is returned as the first
    /// item.
    pub fn new(reader: R) -> Self {
        let mut buffered = BufReader::with_capacity(CHUNK, reader);
        let gzip = matches!(buffered.fill_buf(), Ok(b) if b.starts_with(&[0x1f, 0x8b]));
        WarcReader::with_source(buffered, gzip)
    }
}

impl<R: BufRead> WarcReader<R> {
    /// Reads WARC records from a buffered reader.
    ///
    /// # Errors
    ///
    /// When the first bytes cannot be read.
    pub fn from_buf_read(mut reader: R) -> io::Result<Self> {
        let gzip = reader.fill_buf()?.starts_with(&[0x1f, 0x8b]);
        Ok(WarcReader::with_source(reader, gzip))
    }

    fn with_source(reader: R, gzip: bool) -> Self {
        let counting = Counting {
            inner: reader,
            pos: 0,
        };
        let source = if gzip {
            Source::Gzip(Box::new(Members {
                decoder: None,
                idle: Some(counting),
                produced: 0,
                starts: VecDeque::new(),
            }))
        } else {
            Source::Plain(counting)
        };
        WarcReader {
            source,
            buf: vec![0; CHUNK],
            start: 0,
            end: 0,
            consumed: 0,
            eof: false,
            done: false,
            max_record_bytes: 64 << 20,
        }
    }

    /// Largest content block kept, in bytes (64 MiB by default, the
    /// extractor's default input limit). A larger record is read past
    /// without being kept and comes with
    /// [`body_skipped`](Record::body_skipped) set.
    #[must_use]
    pub fn max_record_bytes(mut self, bytes: u64) -> Self {
        self.max_record_bytes = bytes;
        self
    }

    /// Bytes of the file read so far (compressed bytes for gzip), for
    /// progress reporting.
    pub fn bytes_read(&self) -> u64 {
        match &self.source {
            Source::Plain(c) => c.pos,
            Source::Gzip(m) => m.position(),
        }
    }

    /// File offset of the record starting at decompressed offset `at`.
    fn file_offset(&mut self, at: u64) -> u64 {
        match &mut self.source {
            Source::Plain(_) => at,
            Source::Gzip(m) => {
                while m.starts.len() > 1 && m.starts[1].0 <= at {
                    m.starts.pop_front();
                }
                m.starts.front().map_or(0, |&(_, c)| c)
            }
        }
    }

    /// The error for an I/O error while reading the record that starts at
    /// decompressed offset `at`. In gzip input the failure is in the member
    /// being decoded: its offset is named (where the bad data starts), and
    /// the record's when that record began in an earlier member.
    fn io_error(&mut self, at: u64, e: &io::Error) -> Error {
        let gzip_member = match &self.source {
            Source::Gzip(m) => Some(m.current_offset()),
            Source::Plain(_) => None,
        };
        let record = self.file_offset(at);
        match gzip_member {
            Some(member) if member > record => Error::new(
                member,
                format!(
                    "bad gzip data in the member at offset {member} \
                     (record at offset {record}): {e}"
                ),
            ),
            Some(member) => Error::new(member, format!("bad gzip data: {e}")),
            None => Error::new(record, format!("cannot read: {e}")),
        }
    }

    /// Makes at least one unparsed byte available; false at end of input.
    fn fill(&mut self) -> io::Result<bool> {
        if self.start < self.end {
            return Ok(true);
        }
        if self.eof {
            return Ok(false);
        }
        self.start = 0;
        self.end = 0;
        let n = loop {
            let r = match &mut self.source {
                Source::Plain(c) => c.read(&mut self.buf),
                Source::Gzip(m) => m.read(&mut self.buf),
            };
            match r {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        };
        if n == 0 {
            self.eof = true;
            return Ok(false);
        }
        self.end = n;
        Ok(true)
    }

    fn advance(&mut self, n: usize) {
        self.start += n;
        self.consumed += n as u64;
    }

    /// Appends one line (with its `\n`, if any) to `line`, reading at most
    /// `room` bytes. Returns false at end of input before any byte.
    fn read_line(&mut self, line: &mut Vec<u8>, room: usize) -> Result<bool, LineError> {
        let begin = line.len();
        loop {
            if !self.fill().map_err(LineError::Io)? {
                return Ok(line.len() > begin);
            }
            let avail = &self.buf[self.start..self.end];
            let (take, found) = match memchr::memchr(b'\n', avail) {
                Some(i) => (i + 1, true),
                None => (avail.len(), false),
            };
            if line.len() - begin + take > room {
                return Err(LineError::TooLong);
            }
            line.extend_from_slice(&avail[..take]);
            self.advance(take);
            if found {
                return Ok(true);
            }
        }
    }

    /// Reads `n` bytes into `out` (or drops them when `out` is None);
    /// returns how many were there.
    fn read_block(&mut self, n: u64, mut out: Option<&mut Vec<u8>>) -> io::Result<u64> {
        let mut got = 0;
        while got < n {
            if !self.fill()? {
                break;
            }
            let avail = (self.end - self.start) as u64;
            let take = avail.min(n - got) as usize;
            if let Some(out) = out.as_deref_mut() {
                out.extend_from_slice(&self.buf[self.start..self.start + take]);
            }
            self.advance(take);
            got += take as u64;
        }
        Ok(got)
    }

    /// Skips the blank lines between records; returns false at end of input.
    fn skip_blank(&mut self) -> io::Result<bool> {
        loop {
            if !self.fill()? {
                return Ok(false);
            }
            let avail = &self.buf[self.start..self.end];
            let blank = avail
                .iter()
                .take_while(|&&b| b == b'\r' || b == b'\n')
                .count();
            let more = blank == avail.len();
            self.advance(blank);
            if !more {
                return Ok(true);
            }
        }
    }

    fn read_record(&mut self) -> Option<Result<Record, Error>> {
        match self.skip_blank() {
            Ok(true) => {}
            Ok(false) => return None,
            // No record has started yet: the next one starts where the
            // blank lines end (all of them were consumed before the failure).
            Err(e) => {
                let next = self.consumed;
                return Some(Err(self.io_error(next, &e)));
            }
        }
        let at = self.consumed;
        let mut head = Vec::new();
        let mut lines = Vec::new();
        // The version line, then headers up to the blank line.
        loop {
            let room = MAX_HEADER_BYTES.saturating_sub(head.len());
            let mut line = Vec::new();
            match self.read_line(&mut line, room) {
                Ok(true) => {}
                Ok(false) => {
                    let offset = self.file_offset(at);
                    return Some(Err(Error::new(
                        offset,
                        "truncated record: the file ends inside the record's headers",
                    )));
                }
                Err(LineError::TooLong) => {
                    let offset = self.file_offset(at);
                    return Some(Err(Error::new(
                        offset,
                        format!("record headers are longer than {MAX_HEADER_BYTES} bytes"),
                    )));
                }
                Err(LineError::Io(e)) => return Some(Err(self.io_error(at, &e))),
            }
            head.extend_from_slice(&line);
            let text = trim_eol(&line);
            if lines.is_empty() && !text.starts_with(b"WARC/") {
                let offset = self.file_offset(at);
                let shown = String::from_utf8_lossy(&text[..text.len().min(40)]).into_owned();
                return Some(Err(Error::new(
                    offset,
                    format!(
                        "not a WARC record: expected a `WARC/1.x` version line, found {shown:?}"
                    ),
                )));
            }
            if text.is_empty() {
                break;
            }
            if !line.ends_with(b"\n") {
                let offset = self.file_offset(at);
                return Some(Err(Error::new(
                    offset,
                    "truncated record: the file ends inside the record's headers",
                )));
            }
            lines.push(String::from_utf8_lossy(text).into_owned());
        }
        let offset = self.file_offset(at);
        let mut record = match parse_head(offset, &lines) {
            Ok(r) => r,
            Err(e) => return Some(Err(e)),
        };
        let len = record.content_length;
        let keep = len <= self.max_record_bytes;
        if keep {
            // Reserve only what the input has proved it holds, so a lying
            // Content-Length cannot allocate ahead of the data.
            record.body.reserve(len.min(CHUNK as u64) as usize);
        }
        let got = match self.read_block(len, keep.then_some(&mut record.body)) {
            Ok(got) => got,
            Err(e) => return Some(Err(self.io_error(at, &e))),
        };
        if got < len {
            return Some(Err(Error::new(
                offset,
                format!("truncated record: {got} of {len} content bytes"),
            )));
        }
        record.body_skipped = !keep;
        Some(Ok(record))
    }
}

enum LineError {
    TooLong,
    Io(io::Error),
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Builds a record (without its block) from the version line and headers.
fn parse_head(offset: u64, lines: &[String]) -> Result<Record, Error> {
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in &lines[1..] {
        if line.starts_with([' ', '\t']) {
            // A folded continuation line (WARC 1.0 allows them).
            if let Some((_, value)) = headers.last_mut() {
                value.push(' ');
                value.push_str(line.trim());
                continue;
            }
        }
        let Some((name, value)) = line.split_once(':') else {
            let shown: String = line.chars().take(40).collect();
            return Err(Error::new(
                offset,
                format!("malformed header line {shown:?}"),
            ));
        };
        headers.push((name.trim().to_owned(), value.trim().to_owned()));
    }
    let get = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    };
    let content_length = match get("Content-Length") {
        None => return Err(Error::new(offset, "record has no Content-Length")),
        Some(v) => v.parse::<u64>().map_err(|_| {
            let shown: String = v.chars().take(40).collect();
            Error::new(offset, format!("bad Content-Length {shown:?}"))
        })?,
    };
    Ok(Record {
        offset,
        version: lines[0].trim().to_owned(),
        record_type: get("WARC-Type").unwrap_or_default(),
        target_uri: get("WARC-Target-URI").map(|u| {
            // WARC 1.0 wrote the URI in angle brackets.
            u.trim_start_matches('<').trim_end_matches('>').to_owned()
        }),
        record_id: get("WARC-Record-ID"),
        date: get("WARC-Date"),
        content_type: get("Content-Type"),
        headers,
        content_length,
        body: Vec::new(),
        body_skipped: false,
    })
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<Record, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let item = self.read_record();
        if !matches!(item, Some(Ok(_))) {
            self.done = true;
        }
        item
    }
}
