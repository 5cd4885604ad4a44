"""PySpark job: WARC files in, one row per HTML page (or WET text) out.

In the style of cc-pyspark: the input is a list of WARC paths, each Spark
task reads its WARC files with copydesk's streaming WARC reader and extracts
every page with one copydesk ``Extractor`` built once per partition. Output is Parquet (default)
or JSON Lines with the columns

    url, warc_record_id, warc_date, headline, published, byline, text,
    page_type (the page-type verdict's kind: article, forum, product, ...;
    null for WET text), sections, quotes, error

``byline`` is the authors' names joined with ", "; ``sections`` and ``quotes``
are the Article's lists as JSON text; ``error`` is the library's message for
a page that could not be extracted (the other columns are then null).

Run locally::

    python examples/spark/extract_warc.py --master "local[2]" --out out/ crawl/*.warc.gz

or on a cluster (see the README's "Spark and datatrove" section)::

    spark-submit examples/spark/extract_warc.py --paths-file warc.paths --out hdfs:///articles/

``--extractor trafilatura`` runs trafilatura's ``bare_extraction`` in the
same job instead (for comparisons; copydesk-only columns stay null).
``--rss-log DIR`` makes each task write ``records rss_bytes`` samples of its
Python worker to DIR, to check that memory stays flat over a run.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Dict, Iterable, Iterator, List, Optional

COLUMNS = [
    ("url", "string"),
    ("warc_record_id", "string"),
    ("warc_date", "string"),
    ("headline", "string"),
    ("published", "string"),
    ("byline", "string"),
    ("text", "string"),
    ("page_type", "string"),
    ("sections", "string"),
    ("quotes", "string"),
    ("error", "string"),
]


def schema():
    from pyspark.sql.types import StringType, StructField, StructType

    return StructType([StructField(name, StringType(), True) for name, _ in COLUMNS])


def pages(path: str) -> Iterator[dict]:
    """The HTML responses (2xx) and WET conversions of one WARC file.

    Read by copydesk's own streaming WARC reader (``copydesk.warc_pages``:
    plain or gzip per record, HTTP charset, chunked and gzip bodies undone).
    A truncated or corrupt file gives a last item with ``error`` naming the
    file and offset, so a bad file shows in the output instead of failing
    the task (warcio, by contrast, hands out a cut-off body without a word).
    """
    import copydesk

    try:
        yield from copydesk.warc_pages(path)
    except OSError as err:
        yield {"url": None, "warc_record_id": None, "warc_date": None, "error": f"{path}: {err}"}


def _empty_row(page: dict) -> Dict[str, Optional[str]]:
    row = {name: None for name, _ in COLUMNS}
    row.update(url=page["url"], warc_record_id=page["warc_record_id"], warc_date=page["warc_date"])
    return row


# The job's Article columns, in COLUMNS order, and the copydesk column each
# is computed from in native code (``Extractor.extract_columns``).
ARTICLE_COLUMNS = [
    ("headline", "headline"),
    ("published", "published"),
    ("byline", "byline_names"),
    ("text", "text"),
    ("page_type", "page_type_kind"),
    ("sections", "sections"),
    ("quotes", "quotes"),
]


def copydesk_rows(paths: Iterable[str], extractor_args: Optional[dict] = None) -> Iterator[dict]:
    """One row per page of the WARC files, extracted with copydesk.

    ``Extractor.extract_columns`` gives the row's Article columns straight
    from the native side (strings, ``sections`` and ``quotes`` serialised to
    JSON by serde, the GIL released): no Article dict is built in Python.
    """
    import copydesk

    extractor = copydesk.Extractor(**(extractor_args or {}))
    names = [name for name, _ in ARTICLE_COLUMNS]
    wanted = [column for _, column in ARTICLE_COLUMNS]

    def fill(page: dict):
        try:
            values = extractor.extract_columns(page["data"], columns=wanted, url=page["url"],
                                               kind=page["kind"], charset=page["charset"])
        except copydesk.CopydeskError as err:
            return str(err)
        return dict(zip(names, values))

    return _rows(paths, fill)


def trafilatura_rows(paths: Iterable[str]) -> Iterator[dict]:
    """The same rows with trafilatura's ``bare_extraction`` (for comparison)."""
    import trafilatura

    def fill(page: dict):
        try:
            doc = trafilatura.bare_extraction(page["data"], url=page["url"], with_metadata=True)
        except Exception as err:
            return f"{type(err).__name__}: {err}"
        if doc is None:
            return "no content"
        d = doc if isinstance(doc, dict) else doc.as_dict()
        return dict(headline=d.get("title"), published=d.get("date"),
                    byline=d.get("author"), text=d.get("text"))

    return _rows(paths, fill)


def _rows(paths: Iterable[str], fill) -> Iterator[dict]:
    """One row per page of the WARC files: the record's columns, then what
    ``fill(page)`` gives, a dict of Article columns or an error message (a
    page the reader could not read carries its own error)."""
    for path in paths:
        for page in pages(path):
            row = _empty_row(page)
            result = page["error"] if "error" in page else fill(page)
            if isinstance(result, str):
                row["error"] = result
            else:
                row.update(result)
            yield row


def _rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def partition_fn(extractor: str, rss_log: Optional[str], extractor_args: Optional[dict] = None):
    """The mapPartitions function: paths in, row tuples out."""

    def run(paths: Iterable[str]) -> Iterator[tuple]:
        paths = list(paths)
        rows = trafilatura_rows(paths) if extractor == "trafilatura" else copydesk_rows(paths, extractor_args)
        log = None
        if rss_log:
            os.makedirs(rss_log, exist_ok=True)
            log = open(os.path.join(rss_log, f"rss-{os.getpid()}-{id(paths)}.txt"), "a")
        try:
            for n, row in enumerate(rows, 1):
                if log is not None and n % 25 == 0:
                    log.write(f"{n} {_rss_bytes()}\n")
                yield tuple(row[name] for name, _ in COLUMNS)
        finally:
            if log is not None:
                log.close()

    return run


def run_job(spark, paths: List[str], out: str, *, fmt: str = "parquet", extractor: str = "copydesk",
            partitions: Optional[int] = None, rss_log: Optional[str] = None,
            extractor_args: Optional[dict] = None, count: bool = True):
    """Runs the job on an existing SparkSession; returns the row count, read
    back from the output (a second Spark job), or None with count=False."""
    sc = spark.sparkContext
    rdd = sc.parallelize(paths, partitions or min(len(paths), sc.defaultParallelism) or 1)
    rows = rdd.mapPartitions(partition_fn(extractor, rss_log, extractor_args))
    writer = spark.createDataFrame(rows, schema()).write.mode("overwrite")
    if fmt == "jsonl":
        writer.json(out)
        return spark.read.schema(schema()).json(out).count() if count else None
    writer.parquet(out)
    return spark.read.parquet(out).count() if count else None


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", help="WARC files (plain or gzip)")
    ap.add_argument("--paths-file", help="a file with one WARC path per line")
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--format", choices=["parquet", "jsonl"], default="parquet")
    ap.add_argument("--extractor", choices=["copydesk", "trafilatura"], default="copydesk")
    ap.add_argument("--partitions", type=int, help="Spark partitions (default: one per file, at most the cores)")
    ap.add_argument("--master", help='Spark master, e.g. "local[2]" (default: spark-submit\'s)')
    ap.add_argument("--rss-log", help="directory for per-task RSS samples")
    ap.add_argument("--disable", action="append", default=[], help="copydesk heuristic to disable (repeatable)")
    args = ap.parse_args(argv)
    paths = list(args.paths)
    if args.paths_file:
        with open(args.paths_file, encoding="utf-8") as f:
            paths += [line.strip() for line in f if line.strip()]
    if not paths:
        ap.error("no WARC paths given")
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("copydesk-extract-warc")
    if args.master:
        builder = builder.master(args.master)
        if args.master.startswith("local"):
            # Local workers run this interpreter (the one copydesk is installed
            # in), not whichever `python3` comes first on PATH.
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = builder.getOrCreate()
    try:
        count = run_job(spark, [os.path.abspath(p) if "://" not in p else p for p in paths], args.out,
                        fmt=args.format, extractor=args.extractor, partitions=args.partitions,
                        rss_log=args.rss_log, extractor_args={"disable": args.disable} if args.disable else None)
    finally:
        spark.stop()
    print(f"{count} rows written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
