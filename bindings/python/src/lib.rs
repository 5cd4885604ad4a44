//! The native half of the `copydesk` Python package (`copydesk._copydesk`).
//!
//! Only the crate's public API is used: an [`copydesk::Extractor`] is built
//! from the keyword arguments, inputs become [`copydesk::Input`]s, and each
//! [`copydesk::Article`] is handed to Python as its JSON form (serde_json,
//! then `json.loads`), so a Python dict has exactly the keys and
//! `schema_version` of the CLI's JSON output.
//!
//! The GIL is released for the whole of every extraction: inputs are
//! borrowed from the Python objects without copying (`PyBacked*`), and only
//! the JSON → dict step runs with the GIL held.

use std::borrow::Cow;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use copydesk::{Article, Favor, Input, Kind, Limits, SiteRules};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyTuple};

pyo3::create_exception!(
    copydesk,
    CopydeskError,
    PyValueError,
    "An input could not be extracted, or the extractor was configured wrongly.\n\n\
     The message is the library's own (for example ``input is empty`` or\n\
     ``unknown heuristic `x.y```). A subclass of ``ValueError``."
);

/// The pipeline setting named by `favor` (`None`: the default, balanced).
fn parse_favor(favor: Option<&str>) -> PyResult<Favor> {
    match favor {
        None => Ok(Favor::default()),
        Some(name) => name
            .parse::<Favor>()
            .map_err(|e| CopydeskError::new_err(e.to_string())),
    }
}

/// A default pipeline with `favor` and `comments` set.
fn build_extractor(favor: Favor, comments: bool) -> PyResult<copydesk::Extractor> {
    copydesk::Extractor::builder()
        .favor(favor)
        .comments(comments)
        .build()
        .map_err(|e| CopydeskError::new_err(e.to_string()))
}

/// The extractors behind the module-level `extract()`: one per `favor` and
/// `comments` setting, each built on first use and kept.
fn shared_extractor(favor: Favor, comments: bool) -> PyResult<Cow<'static, copydesk::Extractor>> {
    static SHARED: [OnceLock<copydesk::Extractor>; 6] = [const { OnceLock::new() }; 6];
    let row = match favor {
        Favor::Precision => 0,
        Favor::Balanced => 1,
        Favor::Recall => 2,
        // A setting added to the library later (`Favor` is non-exhaustive):
        // built for the call, not kept.
        other => return build_extractor(other, comments).map(Cow::Owned),
    };
    let slot = &SHARED[row * 2 + usize::from(comments)];
    if let Some(extractor) = slot.get() {
        return Ok(Cow::Borrowed(extractor));
    }
    let built = build_extractor(favor, comments)?;
    Ok(Cow::Borrowed(slot.get_or_init(|| built)))
}

/// One input's data, borrowed from its Python object (no copy for `str`
/// and `bytes`; a `bytearray` is copied).
enum Data {
    Str(PyBackedStr),
    Bytes(PyBackedBytes),
}

impl Data {
    fn from_py(obj: &Bound<'_, PyAny>) -> PyResult<Data> {
        if let Ok(s) = obj.extract::<PyBackedStr>() {
            return Ok(Data::Str(s));
        }
        if let Ok(b) = obj.extract::<PyBackedBytes>() {
            return Ok(Data::Bytes(b));
        }
        Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "expected str or bytes, not {}",
            obj.get_type().name()?
        )))
    }
}

/// One input of a batch: its data and optional URL.
struct Item {
    data: Data,
    url: Option<String>,
}

impl Item {
    /// `data` or a `(data, url)` pair (tuple or list of two).
    fn from_py(obj: &Bound<'_, PyAny>) -> PyResult<Item> {
        let pair = if let Ok(t) = obj.cast::<PyTuple>() {
            Some((t.len(), t.as_any().clone()))
        } else if let Ok(l) = obj.cast::<PyList>() {
            Some((l.len(), l.as_any().clone()))
        } else {
            None
        };
        match pair {
            Some((2, seq)) => {
                let data = Data::from_py(&seq.get_item(0)?)?;
                let url = seq.get_item(1)?;
                let url = if url.is_none() {
                    None
                } else {
                    Some(url.extract::<String>()?)
                };
                Ok(Item { data, url })
            }
            Some((n, _)) => Err(pyo3::exceptions::PyTypeError::new_err(format!(
                "an item is str, bytes or a (data, url) pair, not a sequence of {n}"
            ))),
            None => Ok(Item {
                data: Data::from_py(obj)?,
                url: None,
            }),
        }
    }
}

fn parse_kind(kind: &str) -> PyResult<Kind> {
    kind.parse::<Kind>().map_err(CopydeskError::new_err)
}

/// Extracts one input to the Article's JSON text, or the library's error
/// message. Runs without the GIL.
fn run(
    extractor: &copydesk::Extractor,
    data: &Data,
    url: Option<&str>,
    kind: Kind,
    charset: Option<&str>,
) -> Result<String, String> {
    let article = run_article(extractor, data, url, kind, charset)?;
    serde_json::to_string(&article).map_err(|e| format!("cannot serialize the article: {e}"))
}

/// Extracts one input to an Article, or the library's error message. Runs
/// without the GIL. A panic (a bug) becomes an error message instead of
/// unwinding into Python.
fn run_article(
    extractor: &copydesk::Extractor,
    data: &Data,
    url: Option<&str>,
    kind: Kind,
    charset: Option<&str>,
) -> Result<Article, String> {
    let mut input = match data {
        Data::Str(s) => Input::new(s),
        Data::Bytes(b) => Input::bytes(b),
    };
    input = input.kind(kind);
    if let Some(url) = url {
        input = input.url(url);
    }
    if let Some(charset) = charset {
        input = input.charset(charset);
    }
    let result = catch_unwind(AssertUnwindSafe(|| extractor.extract(input)))
        .map_err(|_| "internal error (panic) while extracting".to_owned())?;
    result.map_err(|e| e.to_string())
}

/// `json.loads`, looked up once.
fn json_loads<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let loads = LOADS.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
        Ok(py.import("json")?.getattr("loads")?.unbind())
    })?;
    loads.bind(py).call1((text,))
}

fn extract_one(
    py: Python<'_>,
    extractor: &copydesk::Extractor,
    data: &Bound<'_, PyAny>,
    url: Option<&str>,
    kind: &str,
    charset: Option<&str>,
) -> PyResult<Py<PyAny>> {
    let data = Data::from_py(data)?;
    let kind = parse_kind(kind)?;
    let json = py.detach(|| run(extractor, &data, url, kind, charset));
    match json {
        Ok(json) => Ok(json_loads(py, &json)?.unbind()),
        Err(message) => Err(CopydeskError::new_err(message)),
    }
}

/// Extract an Article from a page (HTML) or a text dump with the default
/// pipeline.
///
/// ``data`` is ``str`` or ``bytes``. Bytes are decoded like the Rust
/// ``extract_bytes``: byte-order mark, then ``charset`` (a transport
/// charset such as an HTTP ``Content-Type``'s), then ``<meta charset>``, then
/// detection. ``charset`` is ignored for ``str``. ``kind`` is ``"auto"``
/// (detect HTML vs text), ``"html"`` or ``"text"``; ``url`` resolves
/// relative links and is the fallback canonical URL.
///
/// Returns the Article as a dict with the same keys as the JSON output
/// (``schema_version``, ``headline``, ``sections``, ``quotes``, ``text``, ...).
///
/// ``favor`` is ``"precision"``, ``"balanced"`` (the default, also
/// ``None``) or ``"recall"``: how much borderline HTML content is kept (the
/// Rust ``ExtractorBuilder::favor``). ``comments=True`` asks for the page's
/// comments or replies: the dict then has a ``"comments"`` list (empty when
/// there are none), as the JSON output with ``--comments``; without it the
/// key is absent.
///
/// Raises ``CopydeskError`` (a ``ValueError``) with the library's message
/// when the input cannot be extracted: empty or whitespace-only input
/// (``"input is empty"``), binary data, or input over the limits; and for an
/// unknown ``favor``. The GIL is released while extracting.
#[pyfunction]
#[pyo3(signature = (data, *, url=None, kind="auto", charset=None, comments=false, favor=None))]
#[allow(clippy::too_many_arguments)]
fn extract(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    url: Option<&str>,
    kind: &str,
    charset: Option<&str>,
    comments: bool,
    favor: Option<&str>,
) -> PyResult<Py<PyAny>> {
    let extractor = shared_extractor(parse_favor(favor)?, comments)?;
    extract_one(py, &extractor, data, url, kind, charset)
}

/// The built-in heuristics in run order, as ``(name, stage, description)``.
#[pyfunction]
fn heuristics() -> Vec<(&'static str, &'static str, &'static str)> {
    copydesk::builtin_heuristics()
        .into_iter()
        .map(|(name, stage, description)| (name, stage.as_str(), description))
        .collect()
}

/// A configured, reusable extraction pipeline.
///
/// Build it once and share it: it is immutable and thread-safe, and every
/// call releases the GIL while it extracts, so threads extract in parallel.
///
/// ``disable``: heuristic names to switch off (see ``copydesk.heuristics()``).
/// ``site_rules``: per-site rules as JSON text (``str``), as the parsed JSON
/// value (``dict``), or a path (``os.PathLike``) to a JSON file; see the
/// library's ``site_rules`` documentation for the format.
/// ``comments``: ``True`` asks for the page's comments or replies (every
/// Article dict then has a ``"comments"`` list; absent otherwise).
/// ``favor``: ``"precision"``, ``"balanced"`` (the default, also ``None``)
/// or ``"recall"``, how much borderline HTML content is kept.
/// ``max_input_bytes``, ``max_nodes``, ``max_nesting``, ``max_depth``,
/// ``max_blocks``: the library's limits (``None`` keeps the default).
///
/// Raises ``CopydeskError`` for an unknown heuristic, invalid site rules or
/// an unknown ``favor``.
#[pyclass(frozen, module = "copydesk", name = "Extractor")]
struct PyExtractor {
    inner: copydesk::Extractor,
    favor: Favor,
    comments: bool,
}

#[pymethods]
impl PyExtractor {
    #[new]
    #[pyo3(signature = (disable=None, site_rules=None, *, comments=false, favor=None, max_input_bytes=None, max_nodes=None, max_nesting=None, max_depth=None, max_blocks=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        disable: Option<Vec<String>>,
        site_rules: Option<&Bound<'_, PyAny>>,
        comments: bool,
        favor: Option<&str>,
        max_input_bytes: Option<usize>,
        max_nodes: Option<usize>,
        max_nesting: Option<usize>,
        max_depth: Option<usize>,
        max_blocks: Option<usize>,
    ) -> PyResult<Self> {
        let favor = parse_favor(favor)?;
        let mut builder = copydesk::Extractor::builder()
            .favor(favor)
            .comments(comments);
        for name in disable.unwrap_or_default() {
            builder = builder.disable(&name);
        }
        if let Some(rules) = site_rules {
            let json = site_rules_json(py, rules)?;
            let rules =
                SiteRules::from_json(&json).map_err(|e| CopydeskError::new_err(e.to_string()))?;
            builder = builder.site_rules(rules);
        }
        let mut limits = Limits::default();
        if let Some(n) = max_input_bytes {
            limits = limits.max_input_bytes(n);
        }
        if let Some(n) = max_nodes {
            limits = limits.max_nodes(n);
        }
        if let Some(n) = max_nesting {
            limits = limits.max_nesting(n);
        }
        if let Some(n) = max_depth {
            limits = limits.max_depth(n);
        }
        if let Some(n) = max_blocks {
            limits = limits.max_blocks(n);
        }
        let inner = builder
            .limits(limits)
            .build()
            .map_err(|e| CopydeskError::new_err(e.to_string()))?;
        Ok(PyExtractor {
            inner,
            favor,
            comments,
        })
    }

    /// Extract one input; arguments, result and errors as ``copydesk.extract``.
    #[pyo3(signature = (data, *, url=None, kind="auto", charset=None))]
    fn extract(
        &self,
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
        url: Option<&str>,
        kind: &str,
        charset: Option<&str>,
    ) -> PyResult<Py<PyAny>> {
        extract_one(py, &self.inner, data, url, kind, charset)
    }

    /// Extract one input to a tuple of ``columns``, computed in native code.
    ///
    /// For row-oriented consumers (a Spark job, a Parquet or CSV writer)
    /// that want flat values, not the Article dict: no dict is built and no
    /// JSON is parsed. ``columns`` is a sequence of names, each one of
    ///
    /// - an Article key: ``headline``, ``dek``, ``lede``, ``published``,
    ///   ``modified``, ``site_name``, ``language``, ``script``, ``url``
    ///   and ``text`` give ``str`` or ``None``; ``schema_version`` an
    ///   ``int``; ``byline``, ``tags``, ``images``, ``image_details``,
    ///   ``sections``, ``quotes``, ``disclaimers``, ``related``,
    ///   ``page_type`` and ``comments`` their JSON text (serde, exactly as
    ///   in the JSON output; ``None`` for a ``page_type`` of text input, and
    ///   for ``comments`` unless the extractor asks for comments);
    /// - ``byline_names``: the authors' names joined with ``", "`` (``None``
    ///   when there are none);
    /// - ``page_type_kind`` / ``page_type_confidence``: the page-type
    ///   verdict's kind (``"article"``, ``"forum"``, ...) and confidence
    ///   (``float``), ``None`` for text input.
    ///
    /// The same name may be given twice. ``data``, ``url``, ``kind`` and
    /// ``charset`` are as in ``extract``; the GIL is released for the
    /// extraction and the columns' serialisation. Raises ``CopydeskError``
    /// as ``extract`` does, and for an unknown column name (before any
    /// extraction); ``TypeError`` when ``columns`` is a ``str`` or holds a
    /// non-``str``.
    #[pyo3(signature = (data, *, columns, url=None, kind="auto", charset=None))]
    fn extract_columns<'py>(
        &self,
        py: Python<'py>,
        data: &Bound<'py, PyAny>,
        columns: &Bound<'py, PyAny>,
        url: Option<&str>,
        kind: &str,
        charset: Option<&str>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let columns = Column::parse_all(columns)?;
        let data = Data::from_py(data)?;
        let kind = parse_kind(kind)?;
        let extractor = &self.inner;
        let row = py.detach(|| {
            let article = run_article(extractor, &data, url, kind, charset)?;
            cells(&article, &columns)
        });
        match row {
            Ok(row) => PyTuple::new(py, row.into_iter().map(|cell| cell.into_py(py))),
            Err(message) => Err(CopydeskError::new_err(message)),
        }
    }

    /// Extract many inputs; returns one entry per item, in order.
    ///
    /// Each item is ``str``, ``bytes`` or a ``(data, url)`` pair. An entry is
    /// the Article dict, or ``{"error": message}`` when that item could not
    /// be extracted (an Article never has an ``"error"`` key), so one bad
    /// page does not fail the batch. ``jobs`` threads extract at once
    /// (default 1: in Spark or datatrove each task already has its core).
    /// Items of the wrong type raise ``TypeError`` before any extraction.
    #[pyo3(signature = (items, *, kind="auto", jobs=1))]
    fn extract_many(
        &self,
        py: Python<'_>,
        items: &Bound<'_, PyAny>,
        kind: &str,
        jobs: usize,
    ) -> PyResult<Py<PyList>> {
        let kind = parse_kind(kind)?;
        let items = items
            .try_iter()?
            .map(|item| Item::from_py(&item?))
            .collect::<PyResult<Vec<Item>>>()?;
        let extractor = &self.inner;
        let results = py.detach(|| run_many(extractor, &items, kind, jobs));
        let list = PyList::empty(py);
        for result in results {
            match result {
                Ok(json) => list.append(json_loads(py, &json)?)?,
                Err(message) => {
                    let entry = PyDict::new(py);
                    entry.set_item("error", message)?;
                    list.append(entry)?;
                }
            }
        }
        Ok(list.unbind())
    }

    /// The heuristic names of this pipeline, in run order.
    #[getter]
    fn heuristics(&self) -> Vec<&'static str> {
        self.inner.heuristic_names()
    }

    /// The ``favor`` setting: ``"precision"``, ``"balanced"`` or ``"recall"``.
    #[getter]
    fn favor(&self) -> &'static str {
        self.favor.as_str()
    }

    /// Whether comments are asked for (the ``comments`` argument).
    #[getter]
    fn comments(&self) -> bool {
        self.comments
    }

    /// The limits in force, as a dict.
    #[getter]
    fn limits<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let l = self.inner.limits();
        let d = PyDict::new(py);
        d.set_item("max_input_bytes", l.max_input_bytes)?;
        d.set_item("max_nodes", l.max_nodes)?;
        d.set_item("max_nesting", l.max_nesting)?;
        d.set_item("max_depth", l.max_depth)?;
        d.set_item("max_blocks", l.max_blocks)?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!("copydesk.{:?}", self.inner)
    }
}

/// One column of `Extractor.extract_columns`: an Article key, or one of
/// the flat derived columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    SchemaVersion,
    Headline,
    Dek,
    Lede,
    Byline,
    BylineNames,
    Published,
    Modified,
    SiteName,
    Language,
    Script,
    Url,
    Tags,
    Images,
    ImageDetails,
    Sections,
    Quotes,
    Disclaimers,
    Related,
    Text,
    PageType,
    PageTypeKind,
    PageTypeConfidence,
    Comments,
}

impl Column {
    const ALL: [(&'static str, Column); 24] = [
        ("schema_version", Column::SchemaVersion),
        ("headline", Column::Headline),
        ("dek", Column::Dek),
        ("lede", Column::Lede),
        ("byline", Column::Byline),
        ("byline_names", Column::BylineNames),
        ("published", Column::Published),
        ("modified", Column::Modified),
        ("site_name", Column::SiteName),
        ("language", Column::Language),
        ("script", Column::Script),
        ("url", Column::Url),
        ("tags", Column::Tags),
        ("images", Column::Images),
        ("image_details", Column::ImageDetails),
        ("sections", Column::Sections),
        ("quotes", Column::Quotes),
        ("disclaimers", Column::Disclaimers),
        ("related", Column::Related),
        ("text", Column::Text),
        ("page_type", Column::PageType),
        ("page_type_kind", Column::PageTypeKind),
        ("page_type_confidence", Column::PageTypeConfidence),
        ("comments", Column::Comments),
    ];

    fn parse(name: &str) -> PyResult<Column> {
        Column::ALL
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, c)| c)
            .ok_or_else(|| {
                CopydeskError::new_err(format!(
                    "unknown column `{name}` (expected an Article key, byline_names, \
                     page_type_kind or page_type_confidence)"
                ))
            })
    }

    /// The columns named by a sequence of `str` (a lone `str` is refused,
    /// not read as its characters).
    fn parse_all(columns: &Bound<'_, PyAny>) -> PyResult<Vec<Column>> {
        if columns.is_instance_of::<pyo3::types::PyString>() {
            return Err(pyo3::exceptions::PyTypeError::new_err(
                "columns is a sequence of column names, not one str",
            ));
        }
        columns
            .try_iter()?
            .map(|name| {
                let name = name?;
                let name = name.cast::<pyo3::types::PyString>().map_err(|_| {
                    pyo3::exceptions::PyTypeError::new_err("a column name is a str")
                })?;
                Column::parse(&name.to_cow()?)
            })
            .collect()
    }
}

/// One cell of a row, computed without the GIL.
enum Cell {
    Null,
    Str(String),
    Int(u32),
    Float(f32),
}

impl Cell {
    fn opt(value: &Option<String>) -> Cell {
        value.clone().map_or(Cell::Null, Cell::Str)
    }

    /// The JSON text of `value` (serde, as the JSON output writes it).
    fn json<T: serde::Serialize + ?Sized>(value: &T) -> Result<Cell, String> {
        serde_json::to_string(value)
            .map(Cell::Str)
            .map_err(|e| format!("cannot serialize a column: {e}"))
    }

    fn into_py(self, py: Python<'_>) -> Bound<'_, PyAny> {
        match self {
            Cell::Null => py.None().into_bound(py),
            Cell::Str(s) => pyo3::types::PyString::new(py, &s).into_any(),
            Cell::Int(n) => n
                .into_pyobject(py)
                .map(|n| n.into_any())
                .unwrap_or_else(|e| match e {}),
            // Through the f32's shortest decimal form, so 0.8 stays 0.8 (as
            // in the JSON output) instead of 0.800000011920929.
            Cell::Float(x) => {
                let x = x.to_string().parse::<f64>().unwrap_or(f64::from(x));
                pyo3::types::PyFloat::new(py, x).into_any()
            }
        }
    }
}

/// The `columns` of `article`, in order.
fn cells(article: &Article, columns: &[Column]) -> Result<Vec<Cell>, String> {
    columns
        .iter()
        .map(|column| {
            Ok(match column {
                Column::SchemaVersion => Cell::Int(article.schema_version),
                Column::Headline => Cell::opt(&article.headline),
                Column::Dek => Cell::opt(&article.dek),
                Column::Lede => Cell::opt(&article.lede),
                Column::Byline => Cell::json(&article.byline)?,
                Column::BylineNames => {
                    if article.byline.is_empty() {
                        Cell::Null
                    } else {
                        let names: Vec<&str> =
                            article.byline.iter().map(|p| p.name.as_str()).collect();
                        Cell::Str(names.join(", "))
                    }
                }
                Column::Published => Cell::opt(&article.published),
                Column::Modified => Cell::opt(&article.modified),
                Column::SiteName => Cell::opt(&article.site_name),
                Column::Language => Cell::opt(&article.language),
                Column::Script => Cell::opt(&article.script),
                Column::Url => Cell::opt(&article.url),
                Column::Tags => Cell::json(&article.tags)?,
                Column::Images => Cell::json(&article.images)?,
                Column::ImageDetails => Cell::json(&article.image_details)?,
                Column::Sections => Cell::json(&article.sections)?,
                Column::Quotes => Cell::json(&article.quotes)?,
                Column::Disclaimers => Cell::json(&article.disclaimers)?,
                Column::Related => Cell::json(&article.related)?,
                Column::Text => Cell::Str(article.text.clone()),
                Column::PageType => match &article.page_type {
                    Some(page_type) => Cell::json(page_type)?,
                    None => Cell::Null,
                },
                Column::PageTypeKind => match &article.page_type {
                    Some(page_type) => match serde_json::to_value(page_type.kind) {
                        Ok(serde_json::Value::String(kind)) => Cell::Str(kind),
                        _ => return Err("cannot serialize the page type".to_owned()),
                    },
                    None => Cell::Null,
                },
                Column::PageTypeConfidence => match &article.page_type {
                    Some(page_type) => Cell::Float(page_type.confidence),
                    None => Cell::Null,
                },
                Column::Comments => match &article.comments {
                    Some(comments) => Cell::json(comments)?,
                    None => Cell::Null,
                },
            })
        })
        .collect()
}

/// Site rules given as JSON text, a parsed value, or a path to a file.
fn site_rules_json(py: Python<'_>, rules: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(text) = rules.extract::<String>() {
        return Ok(text);
    }
    let os = py.import("os")?;
    if rules.is_instance(&os.getattr("PathLike")?)? {
        let path: std::path::PathBuf = rules.extract()?;
        return std::fs::read_to_string(&path)
            .map_err(|e| CopydeskError::new_err(format!("site rules {}: {e}", path.display())));
    }
    py.import("json")?
        .getattr("dumps")?
        .call1((rules,))?
        .extract::<String>()
}

/// Extracts every item on `jobs` threads (work handed out one item at a
/// time), results in item order.
fn run_many(
    extractor: &copydesk::Extractor,
    items: &[Item],
    kind: Kind,
    jobs: usize,
) -> Vec<Result<String, String>> {
    let one = |item: &Item| run(extractor, &item.data, item.url.as_deref(), kind, None);
    let jobs = jobs.clamp(1, items.len().max(1));
    if jobs == 1 {
        return items.iter().map(one).collect();
    }
    let next = AtomicUsize::new(0);
    let mut parts: Vec<Vec<(usize, Result<String, String>)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..jobs)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        done.push((i, one(item)));
                    }
                    done
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_default())
            .collect()
    });
    let mut results: Vec<Option<Result<String, String>>> = (0..items.len()).map(|_| None).collect();
    for (i, result) in parts.drain(..).flatten() {
        results[i] = Some(result);
    }
    results
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Err("internal error: worker thread stopped".to_owned())))
        .collect()
}

/// Benchmark helper (not public API): nanoseconds the native extraction of
/// `items` takes, Article built but not serialised, GIL released; for
/// bench/throughput.py to compare a Python call with the Rust call it wraps.
#[pyfunction]
fn _bench_extract_ns(py: Python<'_>, items: &Bound<'_, PyAny>) -> PyResult<u128> {
    let items = items
        .try_iter()?
        .map(|item| Item::from_py(&item?))
        .collect::<PyResult<Vec<Item>>>()?;
    let extractor = shared_extractor(Favor::default(), false)?;
    Ok(py.detach(|| {
        let start = std::time::Instant::now();
        for item in &items {
            let input = match &item.data {
                Data::Str(s) => Input::new(s),
                Data::Bytes(b) => Input::bytes(b),
            };
            let input = match &item.url {
                Some(url) => input.url(url),
                None => input,
            };
            let _ = std::hint::black_box(extractor.extract(input));
        }
        start.elapsed().as_nanos()
    }))
}

/// The pages of a WARC file, read as a stream by the library's WARC reader.
///
/// ``copydesk.warc_pages(path, *, max_record_bytes=None)`` iterates dicts
/// ``{"url", "warc_record_id", "warc_date", "offset", "data", "kind",
/// "charset"}`` for the HTML responses (2xx) and WET conversions of the
/// file (plain, or gzip per record), ready for ``Extractor.extract(data,
/// url=..., kind=..., charset=...)``. A record that should hold a page but
/// cannot be read (oversized, broken HTTP encoding) gives a dict with
/// ``"error"`` instead of ``"data"``; a truncated or corrupt file ends with
/// one ``{"url": None, ..., "offset": N, "error": "path: at offset N: ..."}``
/// (the pages before it were given). Raises ``OSError`` when the file cannot
/// be opened. The GIL is released while reading.
#[pyclass(module = "copydesk", name = "WarcPages")]
struct PyWarcPages {
    path: String,
    reader: std::sync::Mutex<Option<copydesk::warc::WarcReader<std::io::BufReader<std::fs::File>>>>,
}

enum Next {
    Page(copydesk::warc::Record),
    FileError(copydesk::warc::Error),
    End,
}

#[pymethods]
impl PyWarcPages {
    #[new]
    #[pyo3(signature = (path, *, max_record_bytes=None))]
    fn new(path: std::path::PathBuf, max_record_bytes: Option<u64>) -> PyResult<Self> {
        let mut reader = copydesk::warc::WarcReader::open(&path)?;
        if let Some(n) = max_record_bytes {
            reader = reader.max_record_bytes(n);
        }
        Ok(PyWarcPages {
            path: path.display().to_string(),
            reader: std::sync::Mutex::new(Some(reader)),
        })
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Py<PyDict>>> {
        loop {
            let next = py.detach(|| {
                let mut guard = self.reader.lock().unwrap_or_else(|e| e.into_inner());
                let Some(reader) = guard.as_mut() else {
                    return Next::End;
                };
                for item in reader.by_ref() {
                    match item {
                        Ok(record) => {
                            if matches!(record.page(), Ok(None)) {
                                continue;
                            }
                            return Next::Page(record);
                        }
                        Err(e) => {
                            *guard = None;
                            return Next::FileError(e);
                        }
                    }
                }
                *guard = None;
                Next::End
            });
            let d = PyDict::new(py);
            match next {
                Next::End => return Ok(None),
                Next::FileError(e) => {
                    d.set_item("url", py.None())?;
                    d.set_item("warc_record_id", py.None())?;
                    d.set_item("warc_date", py.None())?;
                    d.set_item("offset", e.offset)?;
                    d.set_item("error", format!("{}: {e}", self.path))?;
                    return Ok(Some(d.unbind()));
                }
                Next::Page(record) => {
                    d.set_item("url", record.target_uri.as_deref())?;
                    d.set_item("warc_record_id", record.record_id.as_deref())?;
                    d.set_item("warc_date", record.date.as_deref())?;
                    d.set_item("offset", record.offset)?;
                    match record.page() {
                        Ok(Some(page)) => {
                            d.set_item("data", pyo3::types::PyBytes::new(py, &page.body))?;
                            let kind = if page.kind == Kind::Text {
                                "text"
                            } else {
                                "html"
                            };
                            d.set_item("kind", kind)?;
                            d.set_item("charset", page.charset.as_deref())?;
                        }
                        Ok(None) => continue,
                        Err(e) => d.set_item("error", e.message)?,
                    }
                    return Ok(Some(d.unbind()));
                }
            }
        }
    }
}

/// The native module: `copydesk` re-exports everything from here.
#[pymodule]
fn _copydesk(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("CopydeskError", m.py().get_type::<CopydeskError>())?;
    m.add("SCHEMA_VERSION", copydesk::SCHEMA_VERSION)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(heuristics, m)?)?;
    m.add_function(wrap_pyfunction!(_bench_extract_ns, m)?)?;
    m.add_class::<PyExtractor>()?;
    m.add_class::<PyWarcPages>()?;
    m.add("warc_pages", m.getattr("WarcPages")?)?;
    Ok(())
}
