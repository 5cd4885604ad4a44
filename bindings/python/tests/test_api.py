"""The Python API: results, errors, configuration, batches, threads."""

import json
import os
import pathlib
import threading
import time

import pytest

import copydesk

ROOT = pathlib.Path(__file__).resolve().parents[3]

PAGE = """<html lang="en"><head><title>Cafe Opens | Town News</title>
<meta property="og:site_name" content="Town News"></head>
<body><article><h1>Cafe Opens</h1>
<p>The cafe on Main Street opened on Monday, the first new business on the street this year.</p>
<p>Its owner said the town had waited long enough for a place to sit down with a coffee.</p>
</article></body></html>"""

TEXT = (
    "Ferry Service Resumes After Storm\n"
    "Boats return to the harbour after a week of closures.\n\n"
    "Ferries resumed service on Monday after a week of storms kept them in port.\n\n"
    '"We are glad to be back," said Maria Lopez, a captain.'
)


def schema_keys():
    with open(ROOT / "schema" / "article.schema.json", encoding="utf-8") as f:
        return set(json.load(f)["properties"])


def test_version_matches_the_crate():
    cargo = (ROOT / "bindings" / "python" / "Cargo.toml").read_text(encoding="utf-8")
    version = next(l.split('"')[1] for l in cargo.splitlines() if l.startswith("version"))
    assert copydesk.__version__ == version


# In the JSON form only when comments are asked for (the Rust builder's
# `comments(true)`, CLI `--comments`, `comments=True` here; see
# test_options.py).
ON_REQUEST = {"comments"}


def test_article_has_the_json_keys_and_schema_version():
    article = copydesk.extract(PAGE)
    assert set(article) == schema_keys() - ON_REQUEST
    assert article["schema_version"] == copydesk.SCHEMA_VERSION
    assert article["headline"] == "Cafe Opens"
    assert article["site_name"] == "Town News"
    assert article["language"] == "en"
    assert article["text"].startswith("The cafe on Main Street")
    # JSON-native types throughout (the dict is the JSON form, not Rust objects).
    assert json.loads(json.dumps(article)) == article


def test_text_dump_quotes_and_dek():
    article = copydesk.extract(TEXT)
    assert article["headline"] == "Ferry Service Resumes After Storm"
    assert article["dek"] == "Boats return to the harbour after a week of closures."
    assert article["quotes"][0]["attribution"] == "Maria Lopez"


def test_bytes_use_charset_detection():
    page = (b'<html><head><meta charset="windows-1252"><title>Caf\xe9 Opens</title></head>'
            b"<body><article><p>The caf\xe9 on Main Street opened its doors on Monday morning.</p>"
            b"</article></body></html>")
    assert "café" in copydesk.extract(page)["text"]
    assert "café" in copydesk.extract(bytearray(page))["text"]


def test_transport_charset_wins_over_meta():
    body = "Новости города: кафе открылось в понедельник утром на главной улице."
    page = ('<html><head><meta charset="utf-8"><title>Кафе</title></head><body><article><p>'
            + body + "</p></article></body></html>").encode("windows-1251")
    assert body in copydesk.extract(page, charset="windows-1251")["text"]


def test_url_and_kind():
    article = copydesk.extract(PAGE, url="https://news.example/cafe", kind="html")
    assert article["url"] == "https://news.example/cafe"
    # Read as text, the markup is just text: no HTML headline is found.
    as_text = copydesk.extract("<p>Just a line of text about the cafe on Main Street.</p>", kind="text")
    assert "<p>" in as_text["text"]
    with pytest.raises(copydesk.CopydeskError, match="unknown input kind"):
        copydesk.extract(PAGE, kind="pdf")


@pytest.mark.parametrize("empty", ["", "   \n ", b"", b"\n\n"])
def test_empty_input_raises_copydesk_error(empty):
    with pytest.raises(copydesk.CopydeskError) as err:
        copydesk.extract(empty)
    assert isinstance(err.value, ValueError)
    assert str(err.value) == "input is empty"


def test_binary_input_is_a_typed_error():
    with pytest.raises(copydesk.CopydeskError, match="not text"):
        copydesk.extract(bytes(range(256)) * 16)


def test_wrong_type_is_a_type_error():
    with pytest.raises(TypeError):
        copydesk.extract(12)


def test_extractor_configuration():
    ex = copydesk.Extractor(disable=["label.disclaimers"])
    assert "label.disclaimers" not in ex.heuristics
    assert len(ex.heuristics) == len(copydesk.heuristics()) - 1
    assert ex.extract(PAGE)["headline"] == "Cafe Opens"
    with pytest.raises(copydesk.CopydeskError, match="unknown heuristic `no.such`"):
        copydesk.Extractor(disable=["no.such"])
    small = copydesk.Extractor(max_input_bytes=100, max_nodes=5000)
    assert small.limits["max_input_bytes"] == 100
    assert small.limits["max_nodes"] == 5000
    with pytest.raises(copydesk.CopydeskError, match="the limit is 100 bytes"):
        small.extract(PAGE)


def test_site_rules_as_text_dict_and_path(tmp_path):
    page = ("<html><body><div class='story'><h2 class='hed'>Real Headline Here</h2>"
            "<p>The body text of the story, long enough to be the article body for sure.</p></div>"
            "<h1>Site Name Banner</h1></body></html>")
    rules = {"sites": [{"domain": "news.example", "headline": ".hed"}]}
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(rules), encoding="utf-8")
    for given in (json.dumps(rules), rules, path):
        ex = copydesk.Extractor(site_rules=given)
        article = ex.extract(page, url="https://news.example/a")
        assert article["headline"] == "Real Headline Here", given
    with pytest.raises(copydesk.CopydeskError, match="invalid site rules"):
        copydesk.Extractor(site_rules='{"sites": 3}')


def test_extract_many_keeps_order_and_reports_errors():
    ex = copydesk.Extractor()
    items = [PAGE, b"", (PAGE.encode(), "https://news.example/cafe"), [TEXT, None], "  "]
    out = ex.extract_many(items)
    assert len(out) == 5
    assert out[0]["headline"] == "Cafe Opens" and "error" not in out[0]
    assert out[1] == {"error": "input is empty"}
    assert out[2]["url"] == "https://news.example/cafe"
    assert out[3]["headline"] == "Ferry Service Resumes After Storm"
    assert out[4] == {"error": "input is empty"}
    assert ex.extract_many([]) == []
    assert ex.extract_many(iter([TEXT]))[0]["dek"] is not None


def test_extract_many_on_threads_matches_one_thread():
    ex = copydesk.Extractor()
    items = [PAGE.replace("Cafe Opens</h1>", f"Cafe {i} Opens</h1>") for i in range(20)] + [""]
    assert ex.extract_many(items, jobs=3) == ex.extract_many(items)


def test_extract_many_bad_item_type():
    with pytest.raises(TypeError):
        copydesk.Extractor().extract_many([PAGE, 5])
    with pytest.raises(TypeError, match="pair"):
        copydesk.Extractor().extract_many([(PAGE, None, "x")])


HOSTILE = {
    "deep nesting": "<div>" * 100_000 + "text" + "</div>" * 100_000,
    "unclosed formatting": "<b><i><u><em><strong>" * 2000 + "<p>x</p>" * 2000,
    "nul bytes": "<html><body><p>a\x00b\x00c the story goes on and on.</p></body></html>",
    "invalid utf-8 declared utf-8": b'<meta charset="utf-8"><p>\xff\xfe\xc3(\xa0\xe2\x82 body text here</p>',
    "mislabelled utf-16": b'<meta charset="utf-16"><p>plain ascii really, the whole story.</p>',
    "many attributes": "<p " + " ".join(f"a{i}=x" for i in range(50_000)) + ">t</p>",
    "huge single line": "word " * 400_000,
    "lone surrogate escape": "<p>&#xD800; &#0; &#x110000; text</p>",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_inputs_give_an_article_or_a_typed_error(name):
    data = HOSTILE[name]
    try:
        article = copydesk.extract(data)
    except copydesk.CopydeskError as err:
        assert str(err)
    else:
        assert article["schema_version"] == copydesk.SCHEMA_VERSION
    # The batch path gives the same outcome as an entry.
    (entry,) = copydesk.Extractor().extract_many([data])
    assert "error" in entry or entry["schema_version"] == copydesk.SCHEMA_VERSION


def test_one_extractor_shared_by_threads():
    ex = copydesk.Extractor()
    pages = [PAGE.replace("Cafe Opens</h1>", f"Cafe {i} Opens</h1>") for i in range(40)]
    expected = [ex.extract(p) for p in pages]
    got = [None] * len(pages)

    def work(offset):
        for i in range(offset, len(pages), 4):
            got[i] = ex.extract(pages[i])

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == expected


def _big_page(paragraphs):
    body = "".join(
        f"<p>Paragraph {i}: the committee heard evidence about the bridge repairs, "
        f"the budget and the timetable for the works on the eastern approach road.</p>"
        for i in range(paragraphs)
    )
    return f"<html><body><article><h1>Bridge Works</h1>{body}</article></body></html>"


@pytest.mark.parametrize("method", ["extract", "extract_many", "extract_columns"])
def test_gil_is_released_while_extracting(method):
    """While a worker thread is inside one native call, the main thread keeps
    running Python code.

    With the GIL held for the call, the main thread could not run at all
    during it: its longest pause would be about the call's whole duration.
    The check compares the longest pause with the call's own duration (a
    ratio, measured in the same run), so it does not depend on the
    machine's speed; the call is made long enough (>= 0.3 s) that scheduler
    noise cannot reach half of it.
    """
    ex = copydesk.Extractor()
    page = _big_page(200)
    ex.extract(page)  # warm-up: one-time regex compilation is not part of a call

    def make(copies):
        if method == "extract":
            big = _big_page(200 * copies)
            return lambda: ex.extract(big)
        if method == "extract_columns":
            big = _big_page(200 * copies)
            return lambda: ex.extract_columns(big, columns=["text", "sections"])
        batch = [page] * copies
        return lambda: ex.extract_many(batch)

    # Double the work until one native call lasts at least 0.3 s here.
    copies = 1
    for _ in range(16):
        call = make(copies)
        t0 = time.perf_counter()
        call()
        if time.perf_counter() - t0 >= 0.3:
            break
        copies *= 2

    span = {}
    started = threading.Event()

    def worker():
        started.set()
        span["start"] = time.perf_counter()
        call()
        span["end"] = time.perf_counter()

    t = threading.Thread(target=worker)
    t.start()
    started.wait()
    ticks = []
    while t.is_alive():
        ticks.append(time.perf_counter())
        time.sleep(0.001)
    t.join()
    ticks.append(time.perf_counter())
    duration = span["end"] - span["start"]
    inside = [x for x in ticks if span["start"] <= x <= span["end"]]
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    assert duration >= 0.25, duration
    assert len(inside) >= 10, (len(inside), duration)
    assert max(gaps) < duration / 2, (max(gaps), duration)
