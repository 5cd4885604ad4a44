"""copydesk.integrations.datatrove: WarcReader -> CopydeskExtractor -> JsonlWriter."""

import gzip
import json

import pytest

datatrove = pytest.importorskip("datatrove", reason="datatrove not installed (pip install '.[datatrove]')")

import warcgen  # noqa: E402
from copydesk.integrations.datatrove import CopydeskExtractor  # noqa: E402


def test_empty_and_hostile_text_never_raise():
    step = CopydeskExtractor()
    assert step.extract("") == ""
    assert step.extract("   \n") == ""
    # Control characters in a str are text to the library: a str comes back.
    assert isinstance(step.extract("\x00\x01\x02" * 1000), str)
    assert step.extract("<html><body></body></html>") == ""
    assert "council met" in step.extract(warcgen.article_page(1).decode())


def test_bad_configuration_fails_at_construction():
    import copydesk

    with pytest.raises(copydesk.CopydeskError):
        CopydeskExtractor(disable=["no.such.heuristic"])


@pytest.mark.parametrize("fields", [None, ["headline", "byline", "published", "sections"]])
def test_pipeline_on_a_generated_warc(tmp_path, fields):
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter

    src = tmp_path / "warc"
    src.mkdir()
    urls = warcgen.sample_warc(src / "a.warc.gz", pages=5)
    # A page with an empty body: datatrove drops it (empty text), no error.
    warcgen.write(src / "b.warc.gz", [warcgen.response("https://news.example/empty", b"   ")])
    out = tmp_path / "out"
    LocalPipelineExecutor(
        pipeline=[
            WarcReader(str(src)),
            CopydeskExtractor(metadata_fields=fields),
            JsonlWriter(str(out)),
        ],
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    docs = []
    for path in sorted(out.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            docs += [json.loads(line) for line in f]
    assert [d["metadata"]["url"] for d in docs] == urls
    for n, doc in enumerate(docs):
        assert doc["text"].startswith(f"Paragraph 0 of story {n}:"), doc["text"][:200]
        assert "<p>" not in doc["text"] and "Copyright Harbour News" not in doc["text"]
        meta = doc["metadata"]
        if fields:
            assert meta["copydesk_headline"] == f"Council debates harbour plan {n}"
            assert json.loads(meta["copydesk_byline"])[0]["name"] == "Jane Marlow"
            assert meta["copydesk_published"] is None
            assert json.loads(meta["copydesk_sections"])[0]["blocks"]
        else:
            assert not any(k.startswith("copydesk_") for k in meta)
