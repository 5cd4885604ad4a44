"""copydesk as a datatrove extraction step.

``CopydeskExtractor`` is a datatrove ``BaseExtractor``: put it where the
FineWeb recipe puts ``Trafilatura``::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from copydesk.integrations.datatrove import CopydeskExtractor

    LocalPipelineExecutor(pipeline=[
        WarcReader("crawl/"),
        CopydeskExtractor(metadata_fields=["headline", "byline", "published"]),
        JsonlWriter("out/"),
    ], tasks=4).run()

The body text (the Article's ``text``) replaces ``doc.text``; the Article
fields named in ``metadata_fields`` go into ``doc.metadata`` as
``metadata_prefix + name``. A page the library cannot extract (empty, binary,
over the limits) gives ``""``, which datatrove counts as dropped: the step
never raises, so datatrove's warm-up call ``extract("")`` succeeds.

Install with ``pip install "copydesk[datatrove]"`` (or
``"./bindings/python[datatrove]"`` from a clone).
"""

from __future__ import annotations

import json
from typing import Any, Dict, Iterable, Optional, Sequence, Tuple, Union

try:
    from datatrove.pipeline.extractors.base import BaseExtractor, ExtractorSandbox
    from datatrove.utils.typeshelper import StatHints
except ImportError as _err:  # pragma: no cover - exercised only without datatrove
    raise ImportError(
        "copydesk.integrations.datatrove needs datatrove: "
        'pip install "copydesk[datatrove]"'
    ) from _err

import copydesk

# Article fields that are lists or objects; with ``json_metadata`` they are
# stored as JSON text so column writers (Parquet) see one type per key.
_NESTED = {"byline", "sections", "quotes", "disclaimers", "related", "tags", "images"}

Fields = Union[Sequence[str], str, None]


class CopydeskExtractor(BaseExtractor):
    """datatrove extraction step backed by copydesk.

    Args:
        metadata_fields: Article fields to copy into ``doc.metadata``: a list
            of names (``"headline"``, ``"byline"``, ``"published"``,
            ``"sections"``, ...), ``"all"`` for every field except ``text``,
            or ``None`` (default) for none.
        metadata_prefix: prefix of the metadata keys (default ``"copydesk_"``,
            so the reader's ``url`` and ``date`` are not overwritten).
        json_metadata: store list and object fields as JSON text (default
            True; keeps one type per key for Parquet writers).
        kind: ``"auto"``, ``"html"`` or ``"text"`` (WET ``conversion`` records).
        timeout: datatrove's per-document timeout, in seconds. copydesk's
            work is bounded by its limits, so this is a last resort.
        disable, site_rules, comments, favor, max_input_bytes, ...: passed to
            ``copydesk.Extractor``.
    """

    name = "📰 copydesk"
    _requires_dependencies = ["copydesk"]

    def __init__(
        self,
        metadata_fields: Fields = None,
        metadata_prefix: str = "copydesk_",
        json_metadata: bool = True,
        kind: str = "auto",
        timeout: float = 1,
        **extractor_args: Any,
    ):
        super().__init__(timeout)
        self.metadata_fields = metadata_fields
        self.metadata_prefix = metadata_prefix
        self.json_metadata = json_metadata
        self.kind = kind
        self.extractor_args = extractor_args
        # Built lazily in the process that extracts (datatrove runs
        # extraction in a sandbox subprocess); checked here so a bad
        # configuration fails at pipeline construction, not per document.
        copydesk.Extractor(**extractor_args)
        self._extractor: Optional[copydesk.Extractor] = None

    def _article(self, text: str) -> Optional[Dict[str, Any]]:
        if self._extractor is None:
            self._extractor = copydesk.Extractor(**self.extractor_args)
        try:
            return self._extractor.extract(text, kind=self.kind)
        except copydesk.CopydeskError:
            return None

    def extract(self, text: str) -> str:
        """The body text of ``text``'s Article, or ``""`` when there is none."""
        article = self._article(text)
        return article["text"] if article else ""

    def _extract_with_metadata(self, text: str) -> Tuple[str, Dict[str, Any]]:
        article = self._article(text)
        if not article:
            return "", {}
        return article["text"], self._metadata(article)

    def _metadata(self, article: Dict[str, Any]) -> Dict[str, Any]:
        fields = self.metadata_fields
        if fields == "all":
            names: Iterable[str] = [k for k in article if k != "text"]
        else:
            names = fields or ()
        out = {}
        for name in names:
            if name not in article:
                continue
            value = article[name]
            if self.json_metadata and (name in _NESTED or isinstance(value, (list, dict))):
                value = json.dumps(value, ensure_ascii=False)
            out[self.metadata_prefix + name] = value
        return out

    def run(self, data, rank: int = 0, world_size: int = 1):
        """As ``BaseExtractor.run``, also filling ``doc.metadata`` when
        ``metadata_fields`` asks for it."""
        if not self.metadata_fields:
            yield from super().run(data, rank, world_size)
            return
        with ExtractorSandbox(timeout=self.timeout, warmup_text="") as sandbox:
            for doc in data:
                self.stat_update(StatHints.total)
                with self.track_time():
                    try:
                        text, metadata = sandbox.process_document(doc.text, self._extract_with_metadata)
                        self.stat_update("extracted")
                    except TimeoutError:
                        self.stat_update("timeout")
                        continue
                    except EOFError:
                        self.stat_update("broken_process")
                        continue
                    except Exception:  # a bug: count it, keep the pipeline going
                        self.stat_update("clean_error")
                        continue
                doc.text = text
                doc.metadata.update(metadata)
                if doc.text:
                    self.stat_update(StatHints.forwarded)
                    self.update_doc_stats(doc)
                    yield doc
                else:
                    self.stat_update(StatHints.dropped)
