"""Query results as text, chosen by name: ``table`` (aligned, for people), ``csv`` and ``tsv``
(SPARQL 1.1 CSV/TSV results), ``json`` (SPARQL 1.1 Query Results JSON).

A CONSTRUCT or DESCRIBE result is a graph: every format prints it as Turtle.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from decimal import Decimal
from urllib.parse import unquote

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from ..errors import QueryError
from .query import Result

Formatter = Callable[[Result], str]
_FORMATTERS: dict[str, Formatter] = {}


def formatter(name: str) -> Callable[[Formatter], Formatter]:
    def deco(fn: Formatter) -> Formatter:
        _FORMATTERS[name] = fn
        return fn

    return deco


def names() -> list[str]:
    return sorted(_FORMATTERS)


def format_result(res: Result, name: str = "table", width: int | None = None) -> str:
    """``res`` as text in the format ``name``; :class:`QueryError` names the choices if unknown."""
    try:
        fn = _FORMATTERS[name]
    except KeyError:
        raise QueryError(f"unknown result format {name!r}; choose one of {', '.join(names())}") from None
    if res.graph is not None:
        from .terms import bind_prefixes

        return bind_prefixes(res.graph).serialize(format="turtle")
    if name == "table":
        return _table(res, width)
    return fn(res)


def short(term: Node | None) -> str:
    """A term for people: IRIs with a known prefix and percent-decoded, literals as their text.

    >>> short(URIRef("https://w3id.org/zhkg/id/platform/%E5%BF%AB%E6%89%8B")), short(Literal("0.32"))
    ('id:platform/快手', '0.32')
    """
    if term is None:
        return ""
    if isinstance(term, URIRef):
        from .terms import PREFIXES

        s = str(term)
        for p, ns in sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1]))):
            if s.startswith(str(ns)):
                return f"{p}:{unquote(s[len(str(ns)):])}"
        return unquote(s)
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


@formatter("table")
def _table(res: Result, width: int | None = None) -> str:
    from rich.console import Console
    from rich.table import Table

    buf = io.StringIO()
    console = Console(file=buf, width=width or 200, highlight=False, soft_wrap=False, color_system=None)
    if res.kind == "ASK":
        return "yes\n" if res.boolean else "no\n"
    t = Table(show_edge=False, box=None, pad_edge=False, header_style="bold")
    for i, v in enumerate(res.vars):
        col = [r[i] for r in res.rows if r[i] is not None]
        numeric = bool(col) and all(isinstance(x, Literal) and isinstance(x.toPython(), (int, float, Decimal))
                                    and not isinstance(x.toPython(), bool) for x in col)
        t.add_column(v, justify="right" if numeric else "left", overflow="fold")
    for r in res.rows:
        t.add_row(*(short(x) for x in r))
    console.print(t)
    console.print(f"({len(res.rows)} row{'s' if len(res.rows) != 1 else ''})")
    return buf.getvalue()


@formatter("csv")
def _csv(res: Result) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    if res.kind == "ASK":
        w.writerow(["boolean"])
        w.writerow(["true" if res.boolean else "false"])
        return buf.getvalue()
    w.writerow(res.vars)
    for r in res.rows:
        w.writerow(["" if x is None else (f"_:{x}" if isinstance(x, BNode) else str(x)) for x in r])
    return buf.getvalue()


@formatter("tsv")
def _tsv(res: Result) -> str:
    if res.kind == "ASK":
        return "?boolean\n" + ("true" if res.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in res.vars)]
    for r in res.rows:
        lines.append("\t".join("" if x is None else x.n3().replace("\t", "\\t").replace("\n", "\\n") for x in r))
    return "\n".join(lines) + "\n"


def _json_term(x: Node) -> dict:
    if isinstance(x, URIRef):
        return {"type": "uri", "value": str(x)}
    if isinstance(x, BNode):
        return {"type": "bnode", "value": str(x)}
    assert isinstance(x, Literal)
    out = {"type": "literal", "value": str(x)}
    if x.language:
        out["xml:lang"] = x.language
    elif x.datatype:
        out["datatype"] = str(x.datatype)
    return out


@formatter("json")
def _json(res: Result) -> str:
    if res.kind == "ASK":
        return json.dumps({"head": {}, "boolean": bool(res.boolean)}) + "\n"
    body = {"head": {"vars": res.vars},
            "results": {"bindings": [{v: _json_term(x) for v, x in zip(res.vars, r) if x is not None}
                                     for r in res.rows]}}
    return json.dumps(body, ensure_ascii=False, indent=1) + "\n"
