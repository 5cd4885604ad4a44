"""Writes small WARC files for the tests and the throughput script.

Records are built by hand (WARC/1.0 headers, an HTTP response block), one
gzip member per record as Common Crawl writes them, so the tests depend on
no WARC library's writer.
"""

from __future__ import annotations

import gzip
import io
import uuid
from typing import Iterable, Optional, Tuple

CRLF = b"\r\n"


def record(rec_type: str, block: bytes, *, url: Optional[str] = None,
           content_type: Optional[str] = None, date: str = "2024-05-01T12:00:00Z",
           record_id: Optional[str] = None, extra: Iterable[Tuple[str, str]] = ()) -> bytes:
    """One WARC record: version line, headers, block, and the two CRLFs."""
    rid = record_id or f"<urn:uuid:{uuid.uuid4()}>"
    headers = [("WARC-Type", rec_type), ("WARC-Record-ID", rid), ("WARC-Date", date)]
    if url is not None:
        headers.append(("WARC-Target-URI", url))
    if content_type is not None:
        headers.append(("Content-Type", content_type))
    headers.extend(extra)
    headers.append(("Content-Length", str(len(block))))
    head = b"WARC/1.0" + CRLF + b"".join(f"{k}: {v}".encode() + CRLF for k, v in headers) + CRLF
    return head + block + CRLF + CRLF


def http_response(body: bytes, content_type: str = "text/html; charset=utf-8",
                  status: str = "200 OK") -> bytes:
    """An HTTP/1.1 response as a WARC `response` record holds it."""
    head = (f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode()
    return head + body


def response(url: str, body: bytes, content_type: str = "text/html; charset=utf-8",
             status: str = "200 OK", record_id: Optional[str] = None) -> bytes:
    """A `response` record for `url`; the payload type header helps datatrove's reader."""
    mime = content_type.split(";")[0].strip()
    return record("response", http_response(body, content_type, status), url=url,
                  content_type="application/http; msgtype=response", record_id=record_id,
                  extra=[("WARC-Identified-Payload-Type", mime)])


def warcinfo() -> bytes:
    return record("warcinfo", b"software: copydesk tests\r\nformat: WARC File Format 1.0\r\n",
                  content_type="application/warc-fields")


def request(url: str) -> bytes:
    block = f"GET / HTTP/1.1\r\nHost: {url.split('/')[2]}\r\n\r\n".encode()
    return record("request", block, url=url, content_type="application/http; msgtype=request")


def write(path, records: Iterable[bytes], compress: bool = True) -> None:
    """Writes the records, each its own gzip member when `compress`."""
    with open(path, "wb") as f:
        for rec in records:
            f.write(gzip.compress(rec, compresslevel=1) if compress else rec)


def article_page(n: int) -> bytes:
    """A synthetic news page, different for each `n`."""
    paras = "".join(
        f"<p>Paragraph {i} of story {n}: the council met on Tuesday evening to discuss "
        f"the harbour plan, and residents asked questions about parking and ferries.</p>"
        for i in range(6)
    )
    return (f"<html lang=\"en\"><head><title>Council debates harbour plan {n} | Harbour News</title>"
            f"<meta property=\"og:site_name\" content=\"Harbour News\"></head>"
            f"<body><nav><a href=\"/\">Home</a> <a href=\"/sport\">Sport</a></nav>"
            f"<article><h1>Council debates harbour plan {n}</h1>"
            f"<p class=\"byline\">By Jane Marlow</p>{paras}</article>"
            f"<footer>Copyright Harbour News</footer></body></html>").encode()


def sample_warc(path, pages: int = 4, compress: bool = True) -> list:
    """warcinfo + request/response pairs + one non-HTML response; returns the page URLs."""
    urls = []
    recs = [warcinfo()]
    for n in range(pages):
        url = f"https://news.example/{n}/harbour-plan"
        urls.append(url)
        recs.append(request(url))
        recs.append(response(url, article_page(n)))
    recs.append(response("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n....", "image/png"))
    write(path, recs, compress)
    return urls
