"""Throughput of copydesk on WARC input, side by side in one run.

Builds one WARC file (gzip per record) from the wcxb-dev corpus pages at run
time (nothing of the corpus is written into the repository), then measures on
that same file:

1. ``copydesk warc --jobs 1`` and ``--jobs 2``: pages/s and peak RSS;
2. Python: ``copydesk.extract`` per page vs the Rust extraction it wraps
   (same build, same pages; the overhead is serialising the Article to JSON
   and ``json.loads``), and ``Extractor.extract_many`` pages/s;
3. the Spark job (examples/spark/extract_warc.py, ``local[1]``, one
   partition) with copydesk and with trafilatura: pages/s, and the Python
   worker's RSS sampled over the run (first vs last quarter).

Usage (from the repository root, with the package and the spark extra
installed and ``cargo build --release`` done)::

    python bindings/python/bench/throughput.py [--pages N] [--bin target/release/copydesk]

Prints a Markdown table. Compare the figures of one run with each other.
"""

from __future__ import annotations

import argparse
import glob
import gzip
import importlib.util
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "bindings" / "python" / "tests"))

import warcgen  # noqa: E402


def corpus_pages(limit):
    corpus = ROOT.parent / "shared" / "corpus" / "wcxb-dev"
    if not corpus.is_dir():
        sys.exit(f"the wcxb-dev corpus is not beside the repository ({corpus}): nothing to measure")
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    paths = sorted(glob.glob(str(corpus / "html" / "*.html.gz")),
                   key=lambda p: int(os.path.basename(p).split(".")[0]))
    for path in paths[:limit] if limit else paths:
        pid = os.path.basename(path).split(".")[0]
        url = truth.get(pid, {}).get("url") or f"https://corpus.example/{pid}"
        with gzip.open(path, "rb") as f:
            yield url, f.read()


def build_warc(path, pages):
    records = [warcgen.warcinfo()]
    for url, html in pages:
        records.append(warcgen.request(url) if url.count("/") >= 2 else warcgen.warcinfo())
        records.append(warcgen.response(url, html))
    warcgen.write(path, records)


def run_cli(binary, warc, jobs, out):
    start = time.perf_counter()
    proc = subprocess.Popen([binary, "warc", "--jobs", str(jobs), "--out", out, warc],
                            stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    with open(out, encoding="utf-8") as f:
        lines = sum(1 for _ in f)
    return lines, wall, usage.ru_maxrss * 1024, os.waitstatus_to_exitcode(status)


def spark_run(warc, extractor, tmp):
    spec = importlib.util.spec_from_file_location("extract_warc", ROOT / "examples" / "spark" / "extract_warc.py")
    job = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(job)
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (SparkSession.builder.master("local[1]").appName(f"bench-{extractor}")
             .config("spark.ui.enabled", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    try:
        rss_dir = os.path.join(tmp, f"rss-{extractor}")
        start = time.perf_counter()
        rows = job.run_job(spark, [warc], os.path.join(tmp, f"out-{extractor}"), extractor=extractor,
                           partitions=1, rss_log=rss_dir)
        wall = time.perf_counter() - start
    finally:
        spark.stop()
    samples = []
    for path in glob.glob(os.path.join(rss_dir, "*.txt")):
        with open(path) as f:
            samples += [tuple(map(int, line.split())) for line in f if line.strip()]
    samples.sort()
    return rows, wall, samples


def mib(n):
    return f"{n / (1 << 20):.0f} MiB"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=0, help="corpus pages to use (default: all)")
    ap.add_argument("--bin", default=os.path.join(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"),
                                                  "release", "copydesk"))
    ap.add_argument("--skip-spark", action="store_true")
    args = ap.parse_args()

    import copydesk

    with tempfile.TemporaryDirectory() as tmp:
        pages = list(corpus_pages(args.pages))
        warc = os.path.join(tmp, "corpus.warc.gz")
        build_warc(warc, pages)
        size = os.path.getsize(warc)
        print(f"{len(pages)} pages, WARC {size / 1e6:.1f} MB gzip, "
              f"{sum(len(h) for _, h in pages) / 1e6:.1f} MB HTML\n")
        rows = []

        for jobs in (1, 2):
            lines, wall, rss, code = run_cli(args.bin, warc, jobs, os.path.join(tmp, f"cli{jobs}.jsonl"))
            rows.append((f"`copydesk warc --jobs {jobs}`", lines / wall, f"peak RSS {mib(rss)}, exit {code}"))

        items = [(html, url) for url, html in pages]
        # Warm up (regex compilation, page cache) outside the timings.
        copydesk._copydesk._bench_extract_ns(items[:20])
        rust_ns = copydesk._copydesk._bench_extract_ns(items)
        start = time.perf_counter_ns()
        for html, url in items:
            try:
                copydesk.extract(html, url=url)
            except copydesk.CopydeskError:
                pass
        py_ns = time.perf_counter_ns() - start
        rows.append(("Rust `Extractor::extract` (in the extension, no JSON)", len(items) / (rust_ns / 1e9),
                     "the call `copydesk.extract` wraps"))
        rows.append(("Python `copydesk.extract` per page", len(items) / (py_ns / 1e9),
                     f"{py_ns / rust_ns:.3f}x the Rust call's time per page"))
        ex = copydesk.Extractor()
        for jobs in (1, 2):
            start = time.perf_counter()
            out = ex.extract_many(items, jobs=jobs)
            wall = time.perf_counter() - start
            failed = sum(1 for a in out if "error" in a)
            rows.append((f"Python `Extractor.extract_many(jobs={jobs})`", len(items) / wall,
                         f"{failed} error entries"))

        if not args.skip_spark:
            spark = {}
            for extractor in ("copydesk", "trafilatura"):
                n, wall, samples = spark_run(warc, extractor, tmp)
                spark[extractor] = n / wall
                if samples:
                    q = max(1, len(samples) // 4)
                    first = max(r for _, r in samples[:q])
                    last = max(r for _, r in samples[-q:])
                    mem = f"worker RSS first quarter max {mib(first)}, last quarter max {mib(last)}"
                else:
                    mem = "no RSS samples"
                rows.append((f"Spark job, {extractor} (`local[1]`)", n / wall, f"{n} rows; {mem}"))
            rows.append(("Spark: copydesk ÷ trafilatura", None,
                         f"**{spark['copydesk'] / spark['trafilatura']:.1f}x** pages/s"))

    print("| run | pages/s | notes |\n|---|---:|---|")
    for name, rate, note in rows:
        print(f"| {name} | {'' if rate is None else f'{rate:.0f}'} | {note} |")


if __name__ == "__main__":
    main()
