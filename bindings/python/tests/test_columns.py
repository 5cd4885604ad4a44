"""Extractor.extract_columns: flat row values computed in native code."""

import json

import pytest

import copydesk
from test_api import HOSTILE, PAGE, TEXT, schema_keys

STORY = """<html lang="en"><head><title>Library Reopens | Valley Post</title>
<meta property="article:published_time" content="2024-03-02T09:30:00Z"></head>
<body><article><h1>Library Reopens</h1>
<p class="byline">By Tom Reyes and Ana Silva</p>
<p>The town library reopened on Saturday after a year of repairs to its roof and its wiring.</p>
<p>“We missed the reading room more than anything,” said Clara Wen, who runs the chess club.</p>
<h2>What changed</h2>
<p>The children’s floor has new shelves, and the café by the entrance serves crème brûlée.</p>
</article></body></html>"""

# Every Article key (the schema's), and the derived flat columns.
DERIVED = ["byline_names", "page_type_kind", "page_type_confidence"]


def test_columns_agree_with_the_article_dict():
    ex = copydesk.Extractor(comments=True)
    names = sorted(schema_keys())
    article = ex.extract(STORY, url="https://news.example/library")
    row = ex.extract_columns(STORY, columns=names + DERIVED, url="https://news.example/library")
    assert isinstance(row, tuple) and len(row) == len(names) + len(DERIVED)
    got = dict(zip(names + DERIVED, row))
    for name in names:
        value = got[name]
        if isinstance(article[name], (list, dict)):
            # Lists and objects are their JSON text, exactly the JSON output's.
            assert isinstance(value, str), name
            assert json.loads(value) == article[name], name
        else:
            assert value == article[name], name
    assert got["schema_version"] == copydesk.SCHEMA_VERSION
    assert got["headline"] == "Library Reopens"
    assert got["byline_names"] == ", ".join(p["name"] for p in article["byline"])
    assert got["byline_names"] == "Tom Reyes, Ana Silva"
    assert got["page_type_kind"] == article["page_type"]["kind"] == "article"
    assert got["page_type_confidence"] == article["page_type"]["confidence"]
    # Non-ASCII text arrives intact, in the strings and in the JSON.
    assert "crème brûlée" in got["text"]
    assert "crème brûlée" in json.loads(got["sections"])[-1]["blocks"][0]["text"]
    assert json.loads(got["quotes"])[0]["attribution"] == "Clara Wen"


def test_order_duplicates_and_no_columns():
    ex = copydesk.Extractor()
    assert ex.extract_columns(PAGE, columns=["text", "headline", "text"]) == (
        ex.extract(PAGE)["text"], "Cafe Opens", ex.extract(PAGE)["text"])
    assert ex.extract_columns(PAGE, columns=[]) == ()
    # Any iterable of names.
    assert ex.extract_columns(PAGE, columns=iter(["headline"])) == ("Cafe Opens",)
    assert ex.extract_columns(PAGE, columns=("site_name",)) == ("Town News",)


def test_nulls_for_text_input_and_missing_values():
    ex = copydesk.Extractor()
    row = ex.extract_columns(TEXT, kind="text",
                             columns=["page_type", "page_type_kind", "page_type_confidence",
                                      "byline_names", "published", "comments", "byline"])
    # No page type for text, no authors, no date; comments not asked for.
    assert row == (None, None, None, None, None, None, "[]")


def test_comments_column_when_asked_for():
    page = ("<html><body><article><h1>Garden Notes</h1>"
            "<p>The tomatoes ripened early this year, after a warm and unusually dry June in the valley.</p>"
            "<p>We picked the first ones on the last day of the month, two weeks ahead of last year.</p>"
            "</article><ol class=\"commentlist\"><li class=\"comment\"><cite class=\"fn\">Rui</cite>"
            "<p>Same here, ours are early too.</p>"
            "<a class=\"comment-reply-link\" href=\"/garden/?replytocom=1\">Reply</a></li></ol>"
            "</body></html>")
    (with_comments,) = copydesk.Extractor(comments=True).extract_columns(page, columns=["comments"])
    assert json.loads(with_comments)[0]["author"] == "Rui"
    assert copydesk.Extractor().extract_columns(page, columns=["comments"]) == (None,)


def test_errors_are_raised_like_extract():
    ex = copydesk.Extractor()
    for empty in ("", b"  \n"):
        with pytest.raises(copydesk.CopydeskError, match="^input is empty$"):
            ex.extract_columns(empty, columns=["text"])
    with pytest.raises(copydesk.CopydeskError, match="not text"):
        ex.extract_columns(bytes(range(256)) * 16, columns=["text"])
    with pytest.raises(copydesk.CopydeskError, match="the limit is 50 bytes"):
        copydesk.Extractor(max_input_bytes=50).extract_columns(PAGE, columns=["text"])
    with pytest.raises(copydesk.CopydeskError, match="unknown input kind"):
        ex.extract_columns(PAGE, columns=["text"], kind="pdf")


def test_bad_columns():
    ex = copydesk.Extractor()
    # An unknown name is reported before anything is extracted (the empty
    # input would otherwise be the error).
    with pytest.raises(copydesk.CopydeskError, match="unknown column `body`"):
        ex.extract_columns("", columns=["text", "body"])
    with pytest.raises(copydesk.CopydeskError, match="unknown column ``"):
        ex.extract_columns(PAGE, columns=[""])
    # A lone str is not a list of its characters.
    with pytest.raises(TypeError, match="not one str"):
        ex.extract_columns(PAGE, columns="text")
    with pytest.raises(TypeError, match="column name is a str"):
        ex.extract_columns(PAGE, columns=["text", 3])
    with pytest.raises(TypeError):
        ex.extract_columns(PAGE, columns=5)
    with pytest.raises(TypeError):
        ex.extract_columns(PAGE)  # columns is required
    with pytest.raises(TypeError):
        ex.extract_columns(12, columns=["text"])
    with pytest.raises(copydesk.CopydeskError, match="unknown column"):
        ex.extract_columns(PAGE, columns=["text\x00"])


def test_bytes_and_charset():
    body = "Новости города: кафе открылось в понедельник утром на главной улице."
    page = ('<html><head><meta charset="utf-8"><title>Кафе</title></head><body><article><p>'
            + body + "</p></article></body></html>").encode("windows-1251")
    (text,) = copydesk.Extractor().extract_columns(page, columns=["text"], charset="windows-1251")
    assert body in text


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_inputs_give_a_row_or_a_typed_error(name):
    ex = copydesk.Extractor()
    columns = ["schema_version", "text", "sections", "quotes", "byline_names", "page_type_kind"]
    try:
        row = ex.extract_columns(HOSTILE[name], columns=columns)
    except copydesk.CopydeskError as err:
        assert str(err)
        with pytest.raises(copydesk.CopydeskError):
            ex.extract(HOSTILE[name])
    else:
        assert row[0] == copydesk.SCHEMA_VERSION
        article = ex.extract(HOSTILE[name])
        assert row[1] == article["text"]
        assert json.loads(row[2]) == article["sections"]
