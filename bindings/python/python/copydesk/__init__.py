"""copydesk: turn scraped article pages and text dumps into a typed Article.

>>> import copydesk
>>> article = copydesk.extract("Ferry Service Resumes\\n\\nFerries resumed service on Monday after a week of storms.")
>>> article["headline"]
'Ferry Service Resumes'

The Article is a dict with exactly the keys of the command-line tool's JSON
output (``schema_version``, ``headline``, ``dek``, ``lede``, ``byline``,
``published``, ``sections``, ``quotes``, ``disclaimers``, ``related``,
``text``, ...). Extraction runs in native code with the GIL released; an
``Extractor`` is immutable, thread-safe and meant to be built once.

Empty input: ``extract("")`` (and whitespace-only input) raises
``CopydeskError("input is empty")``; ``Extractor.extract_many`` gives
``{"error": "input is empty"}`` for such an item. The datatrove step
(``copydesk.integrations.datatrove``) never raises: it returns ``""``.
"""

from ._copydesk import (
    SCHEMA_VERSION,
    CopydeskError,
    Extractor,
    WarcPages,
    __version__,
    extract,
    heuristics,
    warc_pages,
)

__all__ = [
    "SCHEMA_VERSION",
    "CopydeskError",
    "Extractor",
    "WarcPages",
    "__version__",
    "extract",
    "heuristics",
    "warc_pages",
]
