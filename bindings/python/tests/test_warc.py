"""copydesk.warc_pages: the library's WARC reader from Python."""

import gzip

import pytest

import copydesk
import warcgen


def test_pages_of_a_gzip_per_record_warc(tmp_path):
    path = tmp_path / "a.warc.gz"
    urls = warcgen.sample_warc(path, pages=3)
    pages = list(copydesk.warc_pages(path))
    # warcinfo, requests and the PNG response hold no page.
    assert [p["url"] for p in pages] == urls
    ex = copydesk.Extractor()
    for n, p in enumerate(pages):
        assert p["kind"] == "html" and p["charset"] == "utf-8" and "error" not in p
        assert p["warc_record_id"].startswith("<urn:uuid:")
        assert p["warc_date"] == "2024-05-01T12:00:00Z"
        article = ex.extract(p["data"], url=p["url"], kind=p["kind"], charset=p["charset"])
        assert article["headline"] == f"Council debates harbour plan {n}"
    assert pages[0]["offset"] > 0  # after the warcinfo member


def test_plain_warc_and_wet_conversion(tmp_path):
    path = tmp_path / "a.warc"
    recs = [warcgen.record("conversion", b"Ferry Service Resumes\n\nFerries resumed service on Monday.",
                           url="https://news.example/wet", content_type="text/plain")]
    warcgen.write(path, recs, compress=False)
    (page,) = copydesk.WarcPages(str(path))
    assert page["kind"] == "text"
    assert copydesk.extract(page["data"], kind="text")["headline"] == "Ferry Service Resumes"


def test_truncated_file_ends_with_an_error_naming_file_and_offset(tmp_path):
    path = tmp_path / "cut.warc.gz"
    warcgen.sample_warc(path, pages=2)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 400])  # inside the second page's member
    items = list(copydesk.warc_pages(path))
    assert items[0]["url"] == "https://news.example/0/harbour-plan" and "data" in items[0]
    last = items[-1]
    assert last["url"] is None and str(path) in last["error"]
    assert f"at offset {last['offset']}" in last["error"]
    assert len(items) == 2


def test_oversized_and_missing(tmp_path):
    path = tmp_path / "a.warc.gz"
    warcgen.sample_warc(path, pages=1)
    (item,) = list(copydesk.warc_pages(path, max_record_bytes=100))
    assert "over the reader's limit" in item["error"] and "data" not in item
    with pytest.raises(OSError):
        copydesk.warc_pages(tmp_path / "missing.warc.gz")


def test_garbage_is_one_error(tmp_path):
    path = tmp_path / "junk.warc"
    path.write_bytes(b"\x00\xff" * 5000)
    (item,) = list(copydesk.warc_pages(path))
    assert "not a WARC record" in item["error"] and item["offset"] == 0


def test_gzip_bomb_body_is_an_error_entry_not_a_memory_spike(tmp_path):
    # 70 MiB of zeros behind `Content-Encoding: gzip` (about 70 KB in the
    # file): decoded up to the 64 MiB bound and no further, then an error.
    bomb = gzip.compress(bytes(70 << 20), compresslevel=9)
    assert len(bomb) < 1 << 20
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + bomb)
    recs = [warcgen.record("response", http, url="https://bomb.example/",
                           content_type="application/http; msgtype=response"),
            warcgen.response("https://news.example/ok", warcgen.article_page(1))]
    path = tmp_path / "bomb.warc.gz"
    warcgen.write(path, recs)
    bad, good = list(copydesk.warc_pages(path))
    assert bad["url"] == "https://bomb.example/" and "data" not in bad
    assert "decodes to more than" in bad["error"]
    assert bad["offset"] == 0
    assert good["url"] == "https://news.example/ok" and "data" in good
