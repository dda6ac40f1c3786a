"""Query results as text, chosen by name: ``table`` (aligned, for people), and the SPARQL 1.1
results formats ``csv``, ``tsv``, ``json`` and ``xml``, written by the serializers of rdflib
(SPARQL JSON) and pyoxigraph (every format, from that JSON), not by hand.

A CONSTRUCT or DESCRIBE result is a graph: it is written in the RDF format asked for (``ttl``, the
default and what ``table`` gives, ``nt``, ``nq``, ``trig``, ``jsonld``, ``xml``).
"""
from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from urllib.parse import unquote

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from ..errors import QueryError
from .query import Result

Formatter = Callable[[Result], str]
_FORMATTERS: dict[str, Formatter] = {}
#: a graph result's formats: ``--format`` name -> rdflib serializer
GRAPH_FORMATS = {"table": "turtle", "ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig",
                 "jsonld": "json-ld", "xml": "xml"}


def formatter(name: str) -> Callable[[Formatter], Formatter]:
    def deco(fn: Formatter) -> Formatter:
        _FORMATTERS[name] = fn
        return fn

    return deco


def names() -> list[str]:
    return sorted(_FORMATTERS)


def check_format(name: str, graph: bool | None = None) -> None:
    """:class:`QueryError` naming the choices unless ``name`` formats a result (``graph``: a
    CONSTRUCT/DESCRIBE graph; ``None``: either kind)."""
    ok = (name in _FORMATTERS and graph is not True) or (name in GRAPH_FORMATS and graph is not False)
    if not ok:
        choices = names() if graph is False else sorted(GRAPH_FORMATS) if graph else sorted(set(names()) | set(GRAPH_FORMATS))
        what = "a CONSTRUCT/DESCRIBE result" if graph else "a result" if graph is None else "a SELECT/ASK result"
        raise QueryError(f"unknown format {name!r} for {what}; choose one of {', '.join(choices)}")


def format_result(res: Result, name: str = "table", width: int | None = None) -> str:
    """``res`` as text in the format ``name``; :class:`QueryError` names the choices if unknown."""
    check_format(name, res.graph is not None)
    if res.graph is not None:
        from .terms import bind_prefixes

        g = bind_prefixes(res.graph)
        if name in ("nq", "trig"):  # quad formats: the result graph as the default graph
            from rdflib import Dataset

            ds = bind_prefixes(Dataset())
            for t in g:
                ds.add(t)
            g = ds
        return g.serialize(format=GRAPH_FORMATS[name])
    if name == "table":
        return _table(res, width)
    return _FORMATTERS[name](res)


def format_chunks(res: Result, name: str = "table", width: int | None = None) -> Iterator[str]:
    """``res`` in the format ``name`` as text chunks, made as its rows come (``res.rows`` may be
    an iterator, :func:`extract.graph.query.run_query` with ``stream``): the SPARQL results formats
    ``csv``, ``tsv``, ``json`` and ``xml`` a batch of rows at a time, each batch written by the
    same serializer as :func:`format_result` and spliced into one document (the same text); a
    ``table`` (its columns as wide as their widest value) and a graph are made whole."""
    check_format(name, res.graph is not None)
    if res.graph is not None or name == "table" or res.kind != "SELECT":
        if not isinstance(res.rows, list):
            res.rows = list(res.rows)
        yield format_result(res, name, width)
        return
    tail, head = "", None
    for batch in _batches(res.rows):
        text = _FORMATTERS[name](Result("SELECT", res.vars, batch))
        if head is None and not batch:
            continue
        if name in ("csv", "tsv"):  # a header line, then a line a row
            body = text if head is None else text.partition("\n")[2]
            head = head or "sent"
        else:  # json: {... "bindings":[ rows ]...}; xml: ...<results> rows </results>...
            start, end = ('"bindings":[', "]") if name == "json" else ("<results>", "</results>")
            i, j = text.index(start) + len(start), text.rindex(end)
            body = (text[:i] if head is None else "," if name == "json" else "") + text[i:j]
            head, tail = "sent", text[j:]
        yield body
    if head is None:  # no row at all: the empty result whole
        yield _FORMATTERS[name](Result("SELECT", res.vars, []))
    elif tail:
        yield tail


def _batches(rows: Iterable, size: int = 1000) -> Iterator[list]:
    batch: list = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    yield batch


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
        if numeric:  # a number is never folded mid-digits: its column keeps its widest value
            t.add_column(v, justify="right", no_wrap=True,
                         min_width=max(len(v), *(len(short(x)) for x in col)))
        else:
            t.add_column(v, justify="left", overflow="fold")
    for r in res.rows:
        t.add_row(*(short(x) for x in r))
    console.print(t)
    console.print(f"({len(res.rows)} row{'s' if len(res.rows) != 1 else ''})")
    return buf.getvalue()


def _sparql_json(res: Result) -> bytes:
    """``res`` in SPARQL 1.1 Query Results JSON, by rdflib's serializer."""
    from rdflib import Variable
    from rdflib.query import Result as RdflibResult

    r = RdflibResult(res.kind)
    if res.kind == "ASK":
        r.askAnswer = bool(res.boolean)
    else:
        r.vars = [Variable(v) for v in res.vars]
        r.bindings = [{Variable(v): x for v, x in zip(res.vars, row) if x is not None} for row in res.rows]
    return r.serialize(format="json", encoding="utf-8")


def _oxigraph(res: Result, fmt: str) -> str:
    """``res`` in the SPARQL results format ``fmt`` (CSV, TSV, JSON, XML) by pyoxigraph's
    serializer, read from rdflib's JSON."""
    import pyoxigraph

    formats = pyoxigraph.QueryResultsFormat
    parsed = pyoxigraph.parse_query_results(_sparql_json(res), format=formats.JSON)
    text = parsed.serialize(format=getattr(formats, fmt)).decode("utf-8")
    return text if text.endswith("\n") else text + "\n"


@formatter("csv")
def _csv(res: Result) -> str:
    return _oxigraph(res, "CSV")


@formatter("tsv")
def _tsv(res: Result) -> str:
    return _oxigraph(res, "TSV")


@formatter("json")
def _json(res: Result) -> str:
    return _oxigraph(res, "JSON")


@formatter("xml")
def _xml(res: Result) -> str:
    return _oxigraph(res, "XML")
