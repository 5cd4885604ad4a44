//! The WARC reader and `copydesk warc`, on WARC files the tests write
//! themselves (plain, gzip per record, one gzip stream; truncated, corrupt
//! and hostile ones).

use std::io::Write as _;
use std::process::Command;

use copydesk::warc::WarcReader;
use copydesk::{Extractor, Kind};
use proptest::prelude::*;

fn record(rec_type: &str, url: Option<&str>, content_type: Option<&str>, block: &[u8]) -> Vec<u8> {
    let mut head = format!(
        "WARC/1.0\r\nWARC-Type: {rec_type}\r\nWARC-Record-ID: <urn:uuid:{rec_type}-{}>\r\nWARC-Date: 2024-05-01T12:00:00Z\r\n",
        block.len()
    );
    if let Some(url) = url {
        head.push_str(&format!("WARC-Target-URI: {url}\r\n"));
    }
    if let Some(ct) = content_type {
        head.push_str(&format!("Content-Type: {ct}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", block.len()));
    let mut out = head.into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn http(status: &str, content_type: &str, extra: &str, body: &[u8]) -> Vec<u8> {
    let mut out =
        format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n{extra}\r\n").into_bytes();
    out.extend_from_slice(body);
    out
}

fn response(url: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    record(
        "response",
        Some(url),
        Some("application/http; msgtype=response"),
        &http("200 OK", content_type, "", body),
    )
}

fn page(n: usize) -> Vec<u8> {
    let paras: String = (0..5)
        .map(|i| format!("<p>Paragraph {i} of story {n}: the council met on Tuesday to discuss the harbour plan and the ferries.</p>"))
        .collect();
    format!("<html><head><title>Harbour plan {n}</title></head><body><article><h1>Harbour plan {n}</h1>{paras}</article></body></html>").into_bytes()
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// warcinfo, request, 3 HTML responses, an image, a 404 page, a WET conversion.
fn sample_records() -> Vec<Vec<u8>> {
    vec![
        record("warcinfo", None, Some("application/warc-fields"), b"software: test\r\n"),
        record(
            "request",
            Some("https://news.example/0"),
            Some("application/http; msgtype=request"),
            b"GET /0 HTTP/1.1\r\nHost: news.example\r\n\r\n",
        ),
        response("https://news.example/0", "text/html; charset=utf-8", &page(0)),
        response("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\nxxxx"),
        response("https://news.example/1", "text/html", &page(1)),
        record(
            "response",
            Some("https://news.example/gone"),
            Some("application/http; msgtype=response"),
            &http("404 Not Found", "text/html", "", b"<p>Not found</p>"),
        ),
        response("https://news.example/2", "application/xhtml+xml", &page(2)),
        record(
            "conversion",
            Some("https://news.example/3"),
            Some("text/plain"),
            b"Ferry Service Resumes\n\nFerries resumed service on Monday after a week of storms kept them in port.",
        ),
    ]
}

fn headlines(bytes: &[u8]) -> Vec<Option<String>> {
    let extractor = Extractor::default();
    WarcReader::new(bytes)
        .filter_map(|r| {
            let r = r.unwrap();
            let page = r.page().unwrap()?;
            Some(extractor.extract(page.input()).unwrap().headline)
        })
        .collect()
}

#[test]
fn plain_gzip_per_record_and_single_stream_read_alike() {
    let records = sample_records();
    let plain: Vec<u8> = records.concat();
    let per_record: Vec<u8> = records.iter().flat_map(|r| gz(r)).collect();
    let one_stream = gz(&plain);
    let expected = vec![
        Some("Harbour plan 0".to_owned()),
        Some("Harbour plan 1".to_owned()),
        Some("Harbour plan 2".to_owned()),
        Some("Ferry Service Resumes".to_owned()),
    ];
    for bytes in [&plain, &per_record, &one_stream] {
        assert_eq!(headlines(bytes), expected);
    }
}

#[test]
fn offsets_are_record_starts_or_gzip_member_starts() {
    let records = sample_records();
    let mut plain_starts = vec![0u64];
    for r in &records {
        plain_starts.push(plain_starts.last().unwrap() + r.len() as u64);
    }
    plain_starts.pop();
    let plain: Vec<u8> = records.concat();
    let got: Vec<u64> = WarcReader::new(&plain[..])
        .map(|r| r.unwrap().offset)
        .collect();
    assert_eq!(got, plain_starts);

    let members: Vec<Vec<u8>> = records.iter().map(|r| gz(r)).collect();
    let mut member_starts = vec![0u64];
    for m in &members {
        member_starts.push(member_starts.last().unwrap() + m.len() as u64);
    }
    member_starts.pop();
    let bytes = members.concat();
    let got: Vec<u64> = WarcReader::new(&bytes[..])
        .map(|r| r.unwrap().offset)
        .collect();
    assert_eq!(got, member_starts);
}

#[test]
fn record_fields_and_pages() {
    let plain: Vec<u8> = sample_records().concat();
    let records: Vec<_> = WarcReader::new(&plain[..]).map(Result::unwrap).collect();
    assert_eq!(records.len(), 8);
    let r = &records[2];
    assert_eq!(r.record_type, "response");
    assert_eq!(r.version, "WARC/1.0");
    assert_eq!(r.target_uri.as_deref(), Some("https://news.example/0"));
    assert_eq!(r.date.as_deref(), Some("2024-05-01T12:00:00Z"));
    assert!(r.record_id.as_deref().unwrap().starts_with("<urn:uuid:"));
    assert_eq!(r.header("warc-type"), Some("response"));
    let p = r.page().unwrap().unwrap();
    assert_eq!(p.kind, Kind::Html);
    assert_eq!(p.charset.as_deref(), Some("utf-8"));
    assert_eq!(&p.body[..], &page(0)[..]);
    // warcinfo, request, image and 404 hold no page.
    for i in [0, 1, 3, 5] {
        assert!(records[i].page().unwrap().is_none(), "record {i}");
    }
    assert_eq!(records[7].page().unwrap().unwrap().kind, Kind::Text);
}

#[test]
fn http_charset_decodes_the_page() {
    let text = "Новости города: кафе открылось в понедельник утром на главной улице.";
    let body = format!("<html><body><article><p>{text}</p></article></body></html>");
    let (body, _, _) = encoding_rs::WINDOWS_1251.encode(&body);
    let bytes = response(
        "https://news.example/ru",
        "text/html; charset=windows-1251",
        &body,
    );
    let r = WarcReader::new(&bytes[..]).next().unwrap().unwrap();
    let article = Extractor::default()
        .extract(r.page().unwrap().unwrap().input())
        .unwrap();
    assert!(article.text.contains(text), "{}", article.text);
}

#[test]
fn chunked_and_gzip_http_bodies_are_decoded() {
    let body = page(7);
    let mut chunked = Vec::new();
    for part in body.chunks(50) {
        chunked.extend_from_slice(format!("{:x}\r\n", part.len()).as_bytes());
        chunked.extend_from_slice(part);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let block = http(
        "200 OK",
        "text/html",
        "Transfer-Encoding: chunked\r\n",
        &chunked,
    );
    let bytes = record("response", Some("https://a.example/"), None, &block);
    let r = WarcReader::new(&bytes[..]).next().unwrap().unwrap();
    assert_eq!(&r.page().unwrap().unwrap().body[..], &body[..]);

    let block = http(
        "200 OK",
        "text/html",
        "Content-Encoding: gzip\r\n",
        &gz(&body),
    );
    let bytes = record("response", Some("https://a.example/"), None, &block);
    let r = WarcReader::new(&bytes[..]).next().unwrap().unwrap();
    assert_eq!(&r.page().unwrap().unwrap().body[..], &body[..]);
}

/// A gzip stream of `n` zero bytes (compresses about 1000:1).
fn gz_zeros(n: usize) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1 << 20];
    let mut left = n;
    while left > 0 {
        let k = left.min(zeros.len());
        enc.write_all(&zeros[..k]).unwrap();
        left -= k;
    }
    enc.finish().unwrap()
}

fn gzip_response(url: &str, gz_body: &[u8]) -> Vec<u8> {
    let block = http("200 OK", "text/html", "Content-Encoding: gzip\r\n", gz_body);
    record("response", Some(url), None, &block)
}

#[test]
fn gzip_bodies_are_decoded_up_to_an_input_limit_not_the_record_size() {
    // A page that compresses well decodes to far more than its record holds.
    let body: Vec<u8> = (0..200).flat_map(|n| page(n % 3)).collect();
    let packed = gz(&body);
    assert!(packed.len() * 10 < body.len());
    let bytes = gzip_response("https://a.example/", &packed);
    let r = WarcReader::new(&bytes[..]).next().unwrap().unwrap();
    assert_eq!(&r.page().unwrap().unwrap().body[..], &body[..]);
    // With an explicit bound below the decoded size: an error, not a cut page.
    let err = r.page_with_limit(body.len() - 1).unwrap_err();
    assert_eq!(err.offset, 0);
    assert!(err.message.contains("decodes to more than"), "{err}");
    assert!(r.page_with_limit(body.len()).is_ok());

    // A gzip bomb: 80 MiB of zeros in about 80 KB. The default bound is the
    // extractor's default input limit (64 MiB): an error, and no more than
    // the bound was ever decoded.
    let bomb = gz_zeros(80 << 20);
    assert!(bomb.len() < 1 << 20, "{}", bomb.len());
    let bytes = gzip_response("https://bomb.example/", &bomb);
    let r = WarcReader::new(&bytes[..]).next().unwrap().unwrap();
    let err = r.page().unwrap_err();
    assert!(
        err.message.contains(&format!(
            "more than {} bytes",
            copydesk::warc::MAX_DECODED_BODY_BYTES
        )),
        "{err}"
    );
}

#[test]
fn truncated_files_end_with_an_error_at_the_broken_record() {
    let records = sample_records();
    let plain: Vec<u8> = records.concat();
    let third = (records[0].len() + records[1].len()) as u64;
    // Cut inside the third record's block.
    let cut = &plain[..third as usize + records[2].len() / 2];
    let items: Vec<_> = WarcReader::new(cut).collect();
    assert_eq!(items.len(), 3);
    assert!(items[0].is_ok() && items[1].is_ok());
    let err = items[2].as_ref().unwrap_err();
    assert_eq!(err.offset, third);
    assert!(err.message.contains("truncated record"), "{err}");

    // Cut inside the headers.
    let cut = &plain[..third as usize + 30];
    let err = WarcReader::new(cut).nth(2).unwrap().unwrap_err();
    assert_eq!(err.offset, third);
    assert!(err.message.contains("headers"), "{err}");

    // Gzip per record, cut inside the third member.
    let members: Vec<Vec<u8>> = records.iter().map(|r| gz(r)).collect();
    let start = (members[0].len() + members[1].len()) as u64;
    let mut bytes = members.concat();
    bytes.truncate(start as usize + members[2].len() / 2);
    let items: Vec<_> = WarcReader::new(&bytes[..]).collect();
    assert_eq!(items.len(), 3);
    let err = items[2].as_ref().unwrap_err();
    assert_eq!(err.offset, start, "{err}");
}

#[test]
fn corrupt_gzip_and_garbage_are_errors_not_panics() {
    let records = sample_records();
    let members: Vec<Vec<u8>> = records.iter().map(|r| gz(r)).collect();
    let start = members[0].len() + members[1].len();
    let mut bytes = members.concat();
    // Damage the deflate data of the third member.
    for b in &mut bytes[start + 12..start + 40] {
        *b ^= 0x5a;
    }
    let items: Vec<_> = WarcReader::new(&bytes[..]).collect();
    assert_eq!(items.len(), 3, "two records, then the error");
    assert!(items[0].is_ok() && items[1].is_ok());
    let err = items[2].as_ref().unwrap_err();
    // The offset of the damaged member: where the bad data starts.
    assert_eq!(err.offset, start as u64, "{err}");
    assert!(err.message.contains("gzip"), "{err}");

    let err = WarcReader::new(&b"<html>not a warc</html>"[..])
        .next()
        .unwrap()
        .unwrap_err();
    assert_eq!(err.offset, 0);
    assert!(err.message.contains("not a WARC record"), "{err}");

    // Garbage after good records ends the file with an error where the
    // garbage starts (`record` ends each record with its blank lines).
    let mut bytes = records[0].clone();
    bytes.extend_from_slice(b"garbage\r\n\r\n");
    let items: Vec<_> = WarcReader::new(&bytes[..]).collect();
    assert_eq!(items.len(), 2);
    let err = items[1].as_ref().unwrap_err();
    assert_eq!(err.offset, records[0].len() as u64, "{err}");
    assert_eq!(&bytes[err.offset as usize..][..7], b"garbage");
    assert!(err.message.contains("not a WARC record"), "{err}");
}

#[test]
fn hostile_headers_are_bounded() {
    // A Content-Length far beyond the data: truncated, nothing allocated for it.
    let bytes = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999999999999999\r\n\r\nshort";
    let err = WarcReader::new(&bytes[..]).next().unwrap().unwrap_err();
    assert!(err.message.contains("truncated"), "{err}");
    // An endless header line.
    let mut bytes = b"WARC/1.0\r\nX: ".to_vec();
    bytes.extend(std::iter::repeat_n(b'a', 1 << 20));
    let err = WarcReader::new(&bytes[..]).next().unwrap().unwrap_err();
    assert!(err.message.contains("longer than"), "{err}");
    // Missing or bad Content-Length, malformed header.
    for (bytes, what) in [
        (
            &b"WARC/1.0\r\nWARC-Type: x\r\n\r\n"[..],
            "no Content-Length",
        ),
        (
            &b"WARC/1.0\r\nContent-Length: -4\r\n\r\n"[..],
            "bad Content-Length",
        ),
        (
            &b"WARC/1.0\r\nno colon here\r\n\r\n"[..],
            "malformed header",
        ),
    ] {
        let err = WarcReader::new(bytes).next().unwrap().unwrap_err();
        assert!(err.message.contains(what), "{err}");
    }
}

#[test]
fn oversized_records_are_skipped_unkept() {
    let records = sample_records();
    let plain: Vec<u8> = records.concat();
    let reader = WarcReader::new(&plain[..]).max_record_bytes(300);
    let items: Vec<_> = reader.map(Result::unwrap).collect();
    assert_eq!(items.len(), 8, "reading goes on past a skipped record");
    let big = &items[2];
    assert!(big.body_skipped && big.body.is_empty());
    // An HTML response (known from the payload header) or a text conversion
    // says why it gives no page; this one has no payload header: no page.
    assert!(big.page().unwrap().is_none());
    let err = WarcReader::new(&records[7][..])
        .max_record_bytes(10)
        .next()
        .unwrap()
        .unwrap()
        .page()
        .unwrap_err();
    assert!(err.message.contains("over the reader's limit"), "{err}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    /// Any bytes: records then at most one error, and the iteration ends.
    #[test]
    fn any_bytes_end_in_records_or_one_error(cut in 0usize..4000, flip in 0usize..4000, gzip in any::<bool>()) {
        let records = sample_records();
        let mut bytes: Vec<u8> = if gzip { records.iter().flat_map(|r| gz(r)).collect() } else { records.concat() };
        if flip < bytes.len() { bytes[flip] ^= 0xff; }
        bytes.truncate(cut.min(bytes.len()));
        let items: Vec<_> = WarcReader::new(&bytes[..]).take(100).collect();
        prop_assert!(items.len() <= 9);
        let errors = items.iter().filter(|r| r.is_err()).count();
        prop_assert!(errors <= 1);
        if errors == 1 { prop_assert!(items.last().unwrap().is_err()); }
        for r in items.iter().flatten() {
            let _ = r.page();
        }
    }
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
}

#[test]
fn cli_writes_lines_in_order_and_names_a_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    let records = sample_records();
    let a = dir.path().join("a.warc.gz");
    std::fs::write(&a, records.iter().flat_map(|r| gz(r)).collect::<Vec<u8>>()).unwrap();
    let b = dir.path().join("b.warc");
    // Cut inside the headers of the 404 record, after pages 0 and 1.
    let mut cut = records[..6].concat();
    let broken_at = records[..5].iter().map(Vec::len).sum::<usize>();
    cut.truncate(broken_at + 40);
    std::fs::write(&b, &cut).unwrap();
    let out = dir.path().join("out.jsonl");
    let status = bin()
        .args(["warc", "--jobs", "2", "--out"])
        .arg(&out)
        .arg(&a)
        .arg(&b)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1), "a broken file makes the run fail");
    let text = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // a: 4 pages; b: page 0 and page 1 (before the cut), then the error line.
    assert_eq!(lines.len(), 7, "{text}");
    let urls: Vec<_> = lines
        .iter()
        .map(|l| l["url"].as_str().unwrap_or("-"))
        .collect();
    assert_eq!(
        urls,
        [
            "https://news.example/0",
            "https://news.example/1",
            "https://news.example/2",
            "https://news.example/3",
            "https://news.example/0",
            "https://news.example/1",
            "-"
        ]
    );
    for l in &lines[..6] {
        assert_eq!(l["article"]["schema_version"], copydesk::SCHEMA_VERSION);
        assert!(
            l["warc_record_id"]
                .as_str()
                .unwrap()
                .starts_with("<urn:uuid:")
        );
        assert_eq!(l["warc_date"], "2024-05-01T12:00:00Z");
        assert!(l.get("error").is_none());
    }
    assert_eq!(lines[0]["article"]["headline"], "Harbour plan 0");
    let err = &lines[6];
    assert_eq!(err["offset"], broken_at as u64);
    assert_eq!(err["file"], b.display().to_string());
    assert!(
        err["error"].as_str().unwrap().contains("truncated record"),
        "{err}"
    );
}

#[test]
fn cli_gzip_bomb_is_an_error_line_bounded_by_max_input_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bomb.warc");
    // 16 MiB of zeros behind `Content-Encoding: gzip`, then a good page.
    let mut bytes = gzip_response("https://bomb.example/", &gz_zeros(16 << 20));
    bytes.extend(response("https://news.example/ok", "text/html", &page(4)));
    std::fs::write(&path, bytes).unwrap();
    let output = bin()
        .args(["warc", "--max-input-bytes", "1000000"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "a failed page is not a broken file"
    );
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert_eq!(lines[0]["url"], "https://bomb.example/");
    assert_eq!(lines[0]["offset"], 0);
    assert_eq!(
        lines[0]["error"],
        "gzip content decodes to more than 1000000 bytes"
    );
    assert!(lines[0].get("article").is_none());
    assert_eq!(lines[1]["url"], "https://news.example/ok");
    assert_eq!(lines[1]["article"]["headline"], "Harbour plan 4");
}

#[test]
fn cli_failed_pages_are_error_lines_and_exit_zero() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.warc");
    let mut bytes = response("https://news.example/empty", "text/html", b"   ");
    bytes.extend(response("https://news.example/ok", "text/html", &page(5)));
    std::fs::write(&path, bytes).unwrap();
    let output = bin().arg("warc").arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["url"], "https://news.example/empty");
    assert_eq!(lines[0]["error"], "input is empty");
    assert_eq!(lines[0]["offset"], 0);
    assert_eq!(lines[1]["article"]["headline"], "Harbour plan 5");
    let missing = bin()
        .args(["warc", "/nonexistent/file.warc"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    let line: serde_json::Value = serde_json::from_slice(&missing.stdout).unwrap();
    assert!(line["error"].as_str().unwrap().contains("no such file"));
}
