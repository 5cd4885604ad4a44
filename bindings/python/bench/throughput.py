"""Throughput of copydesk on WARC input, side by side in one run.

Builds one WARC file (gzip per record) from the wcxb-dev corpus pages at run
time (nothing of the corpus is written into the repository), then measures on
that same file:

1. ``copydesk warc --jobs 1`` and ``--jobs 2``: pages/s and peak RSS;
2. Python: ``copydesk.extract`` per page vs the Rust extraction it wraps, page by page
   (same build, same pages; the overhead is serialising the Article to JSON
   and ``json.loads``), ``Extractor.extract_columns`` with the Spark job's
   columns the same way, and ``Extractor.extract_many`` pages/s;
3. the Spark job (examples/spark/extract_warc.py, ``local[1]``, one
   partition, Parquet out) with copydesk and with trafilatura in one Spark
   session after a warm-up job over the same file, the two alternated for
   ``--spark-rounds`` rounds (each side's fastest run counts): pages/s, and
   the Python worker's RSS sampled every 25 rows (first vs last quarter).

Usage (from the repository root, with the package and its spark extra
installed, ``pip install trafilatura lxml_html_clean``, and
``cargo build --release`` done)::

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


def spark_session():
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (SparkSession.builder.master("local[1]").appName("copydesk-bench")
             .config("spark.ui.enabled", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def load_job():
    spec = importlib.util.spec_from_file_location("extract_warc", ROOT / "examples" / "spark" / "extract_warc.py")
    job = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(job)
    return job


def spark_run(spark, job, warc, extractor, tmp, tag):
    """One run of the job (one partition): rows, wall seconds, RSS samples.
    The wall time is the job's (extract and write Parquet); the rows are
    counted afterwards by reading the output back, outside the timing, the
    same for both extractors."""
    rss_dir = os.path.join(tmp, f"rss-{tag}")
    out = os.path.join(tmp, f"out-{tag}")
    start = time.perf_counter()
    job.run_job(spark, [warc], out, extractor=extractor, partitions=1, rss_log=rss_dir, count=False)
    wall = time.perf_counter() - start
    rows = spark.read.parquet(out).count()
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
    ap.add_argument("--spark-rounds", type=int, default=3,
                    help="Spark runs of each extractor, alternated; the fastest counts (default 3)")
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
        # Warm up (regex compilation, page cache) outside the timings. Then,
        # page by page, the Rust call and the Python call one right after the
        # other, three rounds, keeping each page's fastest time of each: the
        # machine is shared, and pairing the two calls per page keeps a load
        # change from landing on one of them only.
        copydesk._copydesk._bench_extract_ns(items[:20])
        ex = copydesk.Extractor()
        columns = ["headline", "published", "byline_names", "text", "page_type_kind", "sections", "quotes"]
        rust_ns = [float("inf")] * len(items)
        py_ns = [float("inf")] * len(items)
        col_ns = [float("inf")] * len(items)
        for _ in range(3):
            for i, (html, url) in enumerate(items):
                rust_ns[i] = min(rust_ns[i], copydesk._copydesk._bench_extract_ns([(html, url)]))
                start = time.perf_counter_ns()
                try:
                    copydesk.extract(html, url=url)
                except copydesk.CopydeskError:
                    pass
                py_ns[i] = min(py_ns[i], time.perf_counter_ns() - start)
                start = time.perf_counter_ns()
                try:
                    ex.extract_columns(html, url=url, columns=columns)
                except copydesk.CopydeskError:
                    pass
                col_ns[i] = min(col_ns[i], time.perf_counter_ns() - start)
        rust_total, py_total, col_total = sum(rust_ns), sum(py_ns), sum(col_ns)
        per_page = sorted(p / r for p, r in zip(py_ns, rust_ns))
        rows.append(("Rust `Extractor::extract` (in the extension, no JSON)", len(items) / (rust_total / 1e9),
                     "the call `copydesk.extract` wraps; each page's fastest of 3"))
        rows.append(("Python `copydesk.extract` per page", len(items) / (py_total / 1e9),
                     f"**{py_total / rust_total:.3f}x** the Rust call's time over the pages "
                     f"(per page: median {per_page[len(per_page) // 2]:.3f}x); each page's fastest of 3"))
        rows.append(("Python `Extractor.extract_columns` per page (the Spark job's 7 columns)",
                     len(items) / (col_total / 1e9),
                     f"{col_total / rust_total:.3f}x the Rust call's time; each page's fastest of 3"))
        for jobs in (1, 2):
            start = time.perf_counter()
            out = ex.extract_many(items, jobs=jobs)
            wall = time.perf_counter() - start
            failed = sum(1 for a in out if "error" in a)
            rows.append((f"Python `Extractor.extract_many(jobs={jobs})`", len(items) / wall,
                         f"{failed} error entries"))

        if not args.skip_spark:
            job = load_job()
            # The job's row functions in this process, without Spark: the
            # extractors' own cost per row (WARC reading and columns included).
            plain = {}
            for extractor, fn in (("copydesk", job.copydesk_rows), ("trafilatura", job.trafilatura_rows)):
                start = time.perf_counter()
                n = sum(1 for _ in fn([warc]))
                plain[extractor] = n / (time.perf_counter() - start)
                rows.append((f"`{fn.__name__}` of the Spark job, no Spark", plain[extractor], f"{n} rows"))
            rows.append(("rows without Spark: copydesk ÷ trafilatura", None,
                         f"**{plain['copydesk'] / plain['trafilatura']:.1f}x** pages/s"))
            spark = spark_session()
            try:
                # One warm-up job over the whole file: JVM start-up, class
                # loading, the JIT of the row and Parquet paths and the Python
                # worker's first launch are not part of either extractor's
                # figure (a warm-up on 20 pages still left the next run at
                # half its speed).
                _, warm, _ = spark_run(spark, job, warc, "copydesk", tmp, "warmup")
                rows.append(("Spark warm-up job, copydesk (not compared)", len(pages) / warm,
                             "JVM start-up and JIT included"))
                # The two extractors' jobs alternate, `--spark-rounds` rounds,
                # and each keeps its fastest run: a burst of load from other
                # jobs on the machine then lands on one run of one side, not
                # on the figure. Every run's time is in the notes.
                runs = {"copydesk": [], "trafilatura": []}
                for round_ in range(max(1, args.spark_rounds)):
                    for extractor in runs:
                        runs[extractor].append(spark_run(spark, job, warc, extractor, tmp,
                                                         f"{extractor}{round_}"))
                rates = {}
                for extractor, done in runs.items():
                    n, wall, _ = min(done, key=lambda run: run[1])
                    rates[extractor] = n / wall
                    # Memory from each side's first run: later runs share the
                    # Python worker with what the other side imported.
                    samples = done[0][2]
                    if samples:
                        q = max(1, len(samples) // 4)
                        first = max(r for _, r in samples[:q])
                        last = max(r for _, r in samples[-q:])
                        mem = (f"first run's worker RSS max {mib(first)} in the first quarter of "
                               f"the rows, {mib(last)} in the last")
                    else:
                        mem = "no RSS samples"
                    walls = ", ".join(f"{w:.1f}" for _, w, _ in done)
                    rows.append((f"Spark job, {extractor} (`local[1]`, Parquet out)", n / wall,
                                 f"{n} rows in {wall:.1f} s (fastest of the runs: {walls} s); {mem}"))
            finally:
                spark.stop()
            rows.append(("Spark: copydesk ÷ trafilatura", None,
                         f"**{rates['copydesk'] / rates['trafilatura']:.1f}x** pages/s"))

    print("| run | pages/s | notes |\n|---|---:|---|")
    for name, rate, note in rows:
        print(f"| {name} | {'' if rate is None else f'{rate:.0f}'} | {note} |")


if __name__ == "__main__":
    main()
