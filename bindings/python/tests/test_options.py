"""favor= and comments= on copydesk.extract and copydesk.Extractor."""

import pytest

import copydesk
from test_api import PAGE, TEXT, schema_keys


def para(n):
    return (f"<p>Note {n}: the new cycle bridge over the river will open in the spring, the county "
            f"said on Friday, after the steel deck was lifted into place by two cranes over a "
            f"long weekend of closures on the towpath.</p>")


# A short line of links in the middle of the story: kept by the balanced
# default, dropped by precision (a line of 25 words or fewer, 60 % or more
# of it links).
LINKS = ('<p><a href="/a">Road closures today</a> · <a href="/b">Bridge webcam live</a> · '
         '<a href="/c">Towpath map</a></p>')
FAVOR_PAGE = ("<html><head><title>Cycle Bridge Opens</title></head><body><article>"
              "<h1>Cycle Bridge Opens</h1>" + para(1) + para(2) + LINKS + para(3) + para(4)
              + "</article></body></html>")

COMMENTS_PAGE = """<html><body><article><h1>Orchard Diary</h1>
<p>The apple trees flowered late this spring, after a cold March that kept the bees indoors.</p>
<p>By the end of May the first small fruit had set on the old trees by the orchard wall.</p>
</article>
<ol class="commentlist"><li class="comment"><cite class="fn">Mira</cite>
<p>Ours flowered late as well this year.</p><a class="comment-reply-link" href="/orchard/?replytocom=7">Reply</a></li></ol>
</body></html>"""


def test_favor_moves_what_is_kept():
    balanced = copydesk.extract(FAVOR_PAGE)
    assert "Bridge webcam live" in balanced["text"]
    precise = copydesk.extract(FAVOR_PAGE, favor="precision")
    assert "Bridge webcam live" not in precise["text"]
    assert "Note 4" in precise["text"]
    assert copydesk.extract(FAVOR_PAGE, favor="balanced") == balanced
    assert copydesk.extract(FAVOR_PAGE, favor=None) == balanced
    assert "Bridge webcam live" in copydesk.extract(FAVOR_PAGE, favor="recall")["text"]
    # The same through an Extractor.
    ex = copydesk.Extractor(favor="precision")
    assert ex.favor == "precision"
    assert ex.extract(FAVOR_PAGE) == precise
    assert ex.extract_many([FAVOR_PAGE]) == [precise]
    (text,) = ex.extract_columns(FAVOR_PAGE, columns=["text"])
    assert text == precise["text"]
    assert copydesk.Extractor().favor == "balanced"
    assert copydesk.Extractor(favor="recall").favor == "recall"
    # Names are read as the CLI reads them: case and spaces do not matter.
    assert copydesk.Extractor(favor=" Precision ").favor == "precision"
    assert "favor: Precision" in repr(ex)


def test_favor_leaves_text_input_alone():
    assert copydesk.extract(TEXT, favor="precision") == copydesk.extract(TEXT)


@pytest.mark.parametrize("bad", ["fast", "", "precise", "recall,precision"])
def test_unknown_favor_is_a_copydesk_error(bad):
    expected = "unknown favor `" + bad + "` (expected precision, balanced or recall)"
    with pytest.raises(copydesk.CopydeskError) as err:
        copydesk.extract(PAGE, favor=bad)
    assert str(err.value) == expected
    with pytest.raises(copydesk.CopydeskError) as err:
        copydesk.Extractor(favor=bad)
    assert str(err.value) == expected


def test_favor_and_comments_of_the_wrong_type():
    with pytest.raises(TypeError):
        copydesk.extract(PAGE, favor=1)
    with pytest.raises(TypeError):
        copydesk.Extractor(favor=["precision"])
    with pytest.raises(TypeError):
        copydesk.extract(PAGE, comments="yes")
    with pytest.raises(TypeError):
        copydesk.Extractor(comments=None)
    # Keyword-only, as the other options.
    with pytest.raises(TypeError):
        copydesk.extract(PAGE, None, "auto", None, True)


def test_comments_when_asked_for():
    article = copydesk.extract(COMMENTS_PAGE, comments=True)
    assert set(article) == schema_keys()
    (comment,) = article["comments"]
    assert comment["author"] == "Mira"
    assert comment["text"] == "Ours flowered late as well this year."
    # Never both a comment and body text.
    assert "flowered late as well" not in article["text"]
    # Not asked for: no key, and the body is the same.
    plain = copydesk.extract(COMMENTS_PAGE)
    assert "comments" not in plain
    assert plain["text"] == article["text"]
    ex = copydesk.Extractor(comments=True)
    assert ex.comments is True and copydesk.Extractor().comments is False
    assert ex.extract(COMMENTS_PAGE) == article
    assert ex.extract_many([COMMENTS_PAGE, ""]) == [article, {"error": "input is empty"}]
    # Asked for on a page without comments: an empty list.
    assert copydesk.extract(PAGE, comments=True)["comments"] == []
    assert ex.extract(PAGE)["comments"] == []


def test_comments_and_favor_together():
    ex = copydesk.Extractor(comments=True, favor="precision", disable=["label.disclaimers"])
    article = ex.extract(FAVOR_PAGE)
    assert article["comments"] == []
    assert "Bridge webcam live" not in article["text"]
    assert copydesk.extract(FAVOR_PAGE, comments=True, favor="precision") == article
