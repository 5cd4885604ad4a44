"""examples/spark/extract_warc.py run with master("local[2]") on a generated WARC."""

import importlib.util
import json
import pathlib
import shutil

import pytest

pytest.importorskip("pyspark", reason="pyspark not installed (pip install '.[spark]')")
if shutil.which("java") is None:
    pytest.skip("no java on PATH: pyspark needs Java 17 or newer", allow_module_level=True)

import warcgen  # noqa: E402

JOB = pathlib.Path(__file__).resolve().parents[3] / "examples" / "spark" / "extract_warc.py"


def load_job():
    spec = importlib.util.spec_from_file_location("extract_warc", JOB)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("copydesk-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_job_writes_one_row_per_page(spark, tmp_path):
    job = load_job()
    a, b, broken = tmp_path / "a.warc.gz", tmp_path / "b.warc", tmp_path / "c.warc.gz"
    urls = warcgen.sample_warc(a, pages=3)
    urls += warcgen.sample_warc(b, pages=2, compress=False)
    # A truncated file: its good records are kept, then one error row.
    warcgen.sample_warc(broken, pages=2)
    data = broken.read_bytes()
    broken.write_bytes(data[: len(data) - 60])
    out = tmp_path / "out"
    count = job.run_job(spark, [str(a), str(b), str(broken)], str(out), partitions=2,
                        rss_log=str(tmp_path / "rss"))
    rows = [r.asDict() for r in spark.read.parquet(str(out)).collect()]
    assert count == len(rows)
    assert set(rows[0]) == {name for name, _ in job.COLUMNS}
    good = [r for r in rows if r["error"] is None]
    errors = [r for r in rows if r["error"] is not None]
    assert sorted(r["url"] for r in good) == sorted(urls + ["https://news.example/0/harbour-plan", "https://news.example/1/harbour-plan"])
    for r in good:
        n = r["url"].split("/")[3]
        assert r["headline"] == f"Council debates harbour plan {n}"
        assert r["byline"] == "Jane Marlow"
        assert r["text"].startswith(f"Paragraph 0 of story {n}:")
        assert json.loads(r["sections"])[0]["blocks"][0]["kind"] == "paragraph"
        assert json.loads(r["quotes"]) == []
        assert r["page_type"] == "article"  # the verdict's kind
    assert len(errors) == 1 and str(broken) in errors[0]["error"]


def test_job_jsonl_output(spark, tmp_path):
    job = load_job()
    warc = tmp_path / "a.warc.gz"
    urls = warcgen.sample_warc(warc, pages=2)
    out = tmp_path / "out"
    count = job.run_job(spark, [str(warc)], str(out), fmt="jsonl")
    lines = [json.loads(l) for p in sorted(out.glob("part-*")) for l in p.read_text().splitlines()]
    assert count == 2 and sorted(l["url"] for l in lines) == sorted(urls)
