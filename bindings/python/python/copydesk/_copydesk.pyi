import os
from typing import Any, Dict, Iterable, List, Literal, Mapping, Optional, Sequence, Tuple, Union

Data = Union[str, bytes, bytearray]
Item = Union[Data, Tuple[Data, Optional[str]], Sequence[Any]]
KindName = Literal["auto", "html", "htm", "text", "txt"]
FavorName = Literal["precision", "balanced", "recall"]
Article = Dict[str, Any]
ColumnName = Literal[
    "schema_version",
    "headline",
    "dek",
    "lede",
    "byline",
    "byline_names",
    "published",
    "modified",
    "site_name",
    "language",
    "script",
    "url",
    "tags",
    "images",
    "image_details",
    "sections",
    "quotes",
    "disclaimers",
    "related",
    "text",
    "page_type",
    "page_type_kind",
    "page_type_confidence",
    "comments",
]
Cell = Union[str, int, float, None]

__version__: str
SCHEMA_VERSION: int

class CopydeskError(ValueError):
    """An input could not be extracted, or the extractor was configured wrongly."""

def extract(
    data: Data,
    *,
    url: Optional[str] = None,
    kind: KindName = "auto",
    charset: Optional[str] = None,
    comments: bool = False,
    favor: Optional[FavorName] = None,
) -> Article:
    """Extract an Article (a dict shaped like the JSON output) with the default pipeline.

    favor: "precision", "balanced" (default) or "recall". comments=True adds
    the "comments" list to the dict. Raises CopydeskError for empty, binary
    or oversized input and for an unknown favor.
    """

def heuristics() -> List[Tuple[str, str, str]]:
    """The built-in heuristics in run order, as (name, stage, description)."""

class Extractor:
    """A configured, reusable, thread-safe extraction pipeline."""

    def __init__(
        self,
        disable: Optional[Sequence[str]] = None,
        site_rules: Union[str, Mapping[str, Any], "os.PathLike[str]", None] = None,
        *,
        comments: bool = False,
        favor: Optional[FavorName] = None,
        max_input_bytes: Optional[int] = None,
        max_nodes: Optional[int] = None,
        max_nesting: Optional[int] = None,
        max_depth: Optional[int] = None,
        max_blocks: Optional[int] = None,
    ) -> None: ...
    def extract(
        self,
        data: Data,
        *,
        url: Optional[str] = None,
        kind: KindName = "auto",
        charset: Optional[str] = None,
    ) -> Article:
        """Extract one input; as copydesk.extract."""
    def extract_columns(
        self,
        data: Data,
        *,
        columns: Sequence[ColumnName],
        url: Optional[str] = None,
        kind: KindName = "auto",
        charset: Optional[str] = None,
    ) -> Tuple[Cell, ...]:
        """Extract one input to a tuple of flat values, one per column, in native code.

        Article keys give str/None (lists and objects as their JSON text,
        schema_version an int); byline_names joins the authors' names with
        ", "; page_type_kind / page_type_confidence are the page-type verdict's.
        Raises CopydeskError as extract does and for an unknown column.
        """
    def extract_many(
        self, items: Iterable[Item], *, kind: KindName = "auto", jobs: int = 1
    ) -> List[Article]:
        """One entry per item, in order: the Article, or {"error": message}."""
    @property
    def heuristics(self) -> List[str]: ...
    @property
    def favor(self) -> FavorName: ...
    @property
    def comments(self) -> bool: ...
    @property
    def limits(self) -> Dict[str, int]: ...

class WarcPages:
    """The pages of a WARC file (plain or gzip per record), read by the library's reader.

    Yields dicts with url, warc_record_id, warc_date, offset and either data
    (bytes), kind ("html" or "text") and charset, or error. A truncated or
    corrupt file ends with one error dict naming the file and offset.
    """

    def __init__(self, path: Union[str, "os.PathLike[str]"], *, max_record_bytes: Optional[int] = None) -> None: ...
    def __iter__(self) -> "WarcPages": ...
    def __next__(self) -> Dict[str, Any]: ...

def warc_pages(path: Union[str, "os.PathLike[str]"], *, max_record_bytes: Optional[int] = None) -> WarcPages:
    """Same as WarcPages(path)."""
