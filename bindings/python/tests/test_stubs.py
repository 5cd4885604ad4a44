"""The typed stubs (_copydesk.pyi) name the parameters the native module takes."""

import ast
import inspect
import pathlib

import copydesk

STUB = pathlib.Path(copydesk.__file__).with_name("_copydesk.pyi")
if not STUB.exists():  # an editable install reads the source tree
    STUB = pathlib.Path(__file__).resolve().parents[1] / "python" / "copydesk" / "_copydesk.pyi"


def stub_params(fn: ast.FunctionDef):
    """(name, kind, has default) of a stub function's parameters, self left out."""
    a = fn.args
    out = []
    positional = a.posonlyargs + a.args
    first_default = len(positional) - len(a.defaults)
    for i, arg in enumerate(positional):
        if arg.arg != "self":
            out.append((arg.arg, "positional", i >= first_default))
    for arg, default in zip(a.kwonlyargs, a.kw_defaults):
        out.append((arg.arg, "keyword", default is not None))
    return out


def native_params(obj):
    out = []
    for p in inspect.signature(obj).parameters.values():
        if p.name == "self":
            continue
        kind = "keyword" if p.kind is p.KEYWORD_ONLY else "positional"
        out.append((p.name, kind, p.default is not p.empty))
    return out


def stub_functions():
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            yield node.name, node, getattr(copydesk, node.name)
        elif isinstance(node, ast.ClassDef):
            cls = getattr(copydesk, node.name)
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and not item.decorator_list:
                    if item.name == "__init__":
                        yield node.name, item, cls
                    elif not item.name.startswith("__"):
                        yield f"{node.name}.{item.name}", item, getattr(cls, item.name)


def test_stub_signatures_match_the_module():
    checked = []
    for name, fn, native in stub_functions():
        assert stub_params(fn) == native_params(native), name
        checked.append(name)
    # The calls this package is used through are all covered.
    for name in ("extract", "Extractor", "Extractor.extract", "Extractor.extract_columns",
                 "Extractor.extract_many", "warc_pages", "WarcPages"):
        assert name in checked
