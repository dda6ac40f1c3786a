"""SPARQL over a store or graph files, with saved queries and parameters bound as RDF terms.

A saved query is ``queries/<name>.rq``. Its header is the ``#`` comment lines at the top: the first
says what the query answers, ``# param: name — meaning`` declares a parameter (required unless its
meaning says ``(optional)``), ``# example: …`` shows a command line.

Parameters are bound as terms, never pasted into the query text: rdflib's ``initBindings`` on
graph files, Oxigraph's substitutions on a store (what oxrdflib turns ``initBindings`` into;
:meth:`extract.graph.store.Store.sparql` calls it directly to convert large results fast). A value becomes an RDF term like this:

* ``<https://…>`` — an IRI (``URIRef``);
* ``"text"@zh``, ``"0.3"^^xsd:decimal``, ``"x"^^<datatype-iri>`` — a literal in Turtle syntax;
* anything else — a plain string literal, exactly as typed (``快手``, ``2020Q4``, ``0.3``). A query
  that wants a number casts it: ``xsd:decimal(?threshold)``.

A parameter must be a variable the query returns (in its SELECT list): Oxigraph substitutes only
projected variables, and rdflib then agrees. An unbound optional parameter matches anything.

Pages: a saved query that returns many rows declares ``# param: limit`` (and ``# param: offset``)
and has one ``LIMIT n`` clause, ``n`` its default page size. These two are not RDF terms: SPARQL
takes no variable in ``LIMIT``, so :func:`page` sets that clause to a validated whole number
(``--param limit=1000``, ``--param limit=all`` for the full answer; ``--param offset=100`` for the
next page).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from ..errors import InputError, QueryError, ZhkgError
from ..resources import queries_dir
from .sparql import bind_values, check_query, plain

_PARAM = re.compile(r"^#\s*param:\s*(\w+)\s*(?:—|--|-|:)?\s*(.*)$")
_IRI = re.compile(r'^<([^<>"{}|^`\\\x00-\x20]+)>$')  # SPARQL's IRIREF: no control characters or spaces
_OX_ERROR = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.S)


@dataclass(frozen=True)
class SavedQuery:
    """A query file and what its header says."""

    name: str
    path: Path
    description: str
    params: dict[str, str]
    text: str
    examples: tuple[str, ...] = ()

    def required(self) -> list[str]:
        return [p for p, meaning in self.params.items() if "(optional)" not in meaning]


@dataclass
class Result:
    """What a query gives: ``kind`` SELECT (``vars`` and ``rows``), ASK (``boolean``) or
    CONSTRUCT/DESCRIBE (``graph``)."""

    kind: str
    vars: list[str] = field(default_factory=list)
    rows: list[tuple[Optional[Node], ...]] = field(default_factory=list)  # an iterator when streamed
    boolean: Optional[bool] = None
    graph: Optional[Graph] = None

    def as_dicts(self) -> list[dict[str, object]]:
        """The rows as dicts of Python values (``Decimal``, ``int``, ``str``, ``date`` …; an IRI as
        its string, an unbound variable as ``None``).

        >>> Result("SELECT", ["s", "n"], [(URIRef("urn:x"), Literal(2)), (None, None)]).as_dicts()
        [{'s': 'urn:x', 'n': 2}, {'s': None, 'n': None}]
        """
        def value(x):
            if x is None:
                return None
            return x.toPython() if isinstance(x, Literal) else str(x)

        return [{v: value(x) for v, x in zip(self.vars, row)} for row in self.rows]


def parse_header(text: str) -> tuple[str, dict[str, str], tuple[str, ...]]:
    """(description, params, examples) from the leading ``#`` lines of a query.

    >>> parse_header("# Claims about X.\\n# param: entity — its label\\nSELECT * {}")
    ('Claims about X.', {'entity': 'its label'}, ())
    """
    desc, params, examples = "", {}, []
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("#"):
            break
        m = _PARAM.match(line)
        if m:
            params[m.group(1)] = m.group(2).strip()
        elif line.lower().startswith("# example:"):
            examples.append(line.split(":", 1)[1].strip())
        elif not desc and line.lstrip("# ").strip():
            desc = line.lstrip("# ").strip()
    return desc, params, tuple(examples)


def load_query(path: Path, name: str | None = None) -> SavedQuery:
    """A query file with its header."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise QueryError(f"cannot read the query: {e.strerror or e}", str(path)) from None
    desc, params, examples = parse_header(text)
    return SavedQuery(name or path.stem, path, desc, params, text, examples)


def list_queries(directory: Path | None = None) -> list[SavedQuery]:
    """The saved queries, by name."""
    d = directory or queries_dir()
    return [load_query(p) for p in sorted(d.glob("*.rq"))]


def saved_query(name: str, directory: Path | None = None) -> SavedQuery:
    """The saved query ``name`` (a file stem in ``queries/``); :class:`QueryError` if unknown."""
    d = directory or queries_dir()
    p = d / f"{name}.rq"
    if not re.fullmatch(r"[\w.-]+", name) or not p.is_file():
        known = ", ".join(q.name for q in list_queries(d))
        raise QueryError(f"no saved query {name!r}; saved queries: {known}")
    return load_query(p)


#: SPARQL's string escapes (\t \n \" \\ \uXXXX …): a backslash left once they are taken out starts none
_ESCAPE = re.compile(r'\\(?:[tbnrf"\'\\]|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})')


def to_term(value: str) -> Node:
    """A ``--param`` value as an RDF term (see the module docstring).

    >>> to_term("快手"), to_term("<https://w3id.org/zhkg/id/x>"), to_term('"0.3"^^xsd:decimal')
    (rdflib.term.Literal('快手'), rdflib.term.URIRef('https://w3id.org/zhkg/id/x'), rdflib.term.Literal('0.3', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#decimal')))
    """
    if re.search(r"\\[uU]", value):
        # SPARQL reads \u and \U as code point escapes before it parses, inside strings too, and
        # its stores differ on an escaped backslash before them: such a value cannot be bound safely
        raise QueryError(f"bad value {value!r}: a backslash before u or U reads as a code point escape in SPARQL")
    m = _IRI.match(value)
    if m:
        return URIRef(m.group(1))
    if value.startswith('"') and re.search(r'"(@[A-Za-z]+(-[A-Za-z0-9]+)*|\^\^\S+)?$', value) and len(value) > 1:
        from rdflib.util import from_n3

        from .terms import bind_prefixes

        if "\\" in _ESCAPE.sub("", value):
            raise QueryError(f"bad literal {value!r}: a backslash starts no escape SPARQL knows")
        try:
            term = from_n3(value, nsm=bind_prefixes(Graph()).namespace_manager)
        except Exception as e:  # from_n3 raises bare Exceptions for bad syntax
            raise QueryError(f"bad literal {value!r}: {e}") from None
        if isinstance(term, Literal):
            return term
    return Literal(value)


#: parameters that size a page instead of binding a variable (see the module docstring)
PAGE_PARAMS = ("limit", "offset")
_LIMIT = re.compile(r"""<[^<>"{}|^`\\\s]*>|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|#[^\n]*"""
                    r"|(?P<limit>\bLIMIT\s+(?P<n>\d+)(?:\s+OFFSET\s+\d+)?)", re.IGNORECASE)


def page(text: str, params: dict[str, str]) -> str:
    """``text`` with its one ``LIMIT n`` clause set from ``params["limit"]`` (a whole number, or
    ``all`` for no limit) and ``OFFSET`` from ``params["offset"]``.

    >>> page("SELECT * WHERE { ?s ?p ?o } LIMIT 100", {"limit": "5", "offset": "10"})
    'SELECT * WHERE { ?s ?p ?o } LIMIT 5 OFFSET 10'
    """
    found = [m for m in _LIMIT.finditer(text) if m.group("limit")]
    if len(found) != 1:
        raise QueryError("a query with a page (--param limit/offset) needs exactly one LIMIT clause")
    m = found[0]
    limit, offset = params.get("limit", m.group("n")).strip().lower(), params.get("offset", "0").strip()
    if not (limit == "all" or limit.isdigit()) or not offset.isdigit():
        raise QueryError(f"--param limit must be a whole number or all, --param offset a whole number "
                         f"(got limit={limit!r}, offset={offset!r})")
    clause = ("" if limit == "all" else f"LIMIT {int(limit)}") + (f" OFFSET {int(offset)}" if int(offset) else "")
    return text[:m.start()] + clause.strip() + text[m.end():]


def bindings(params: dict[str, str]) -> dict[str, Node]:
    return {k: to_term(v) for k, v in params.items()}


#: saved-query parameters that name an entity or a metric: a plain value is resolved to every label
#: that names it (:mod:`extract.graph.labels`, the rule diff aligns claims by)
ENTITY_PARAMS = frozenset({"subject", "entity", "org", "platform"})
METRIC_PARAMS = frozenset({"metric"})


def name_bindings(params: dict[str, str]) -> tuple[dict[str, Node], dict[str, list[Node]]]:
    """``params`` as (single terms, alternatives): a plain ``subject``/``entity``/``org``/
    ``platform`` or ``metric`` value that other labels also name (快手科技 -> 快手, 快手科技; GMV ->
    商品交易总额) becomes the list of those labels, bound as ``VALUES`` rows."""
    from .labels import entity_names, metric_names

    single, multi = bindings(params), {}
    for k, v in params.items():
        term = single[k]
        if not (isinstance(term, Literal) and term.language is None and term.datatype is None):
            continue
        names = entity_names(v) if k in ENTITY_PARAMS else metric_names(v) if k in METRIC_PARAMS else [v]
        if len(names) > 1:
            multi[k] = [Literal(n) for n in names]
            del single[k]
    return single, multi


def _check_params(text: str, params: dict[str, str], saved: SavedQuery | None) -> None:
    for k in params:
        if not re.fullmatch(r"\w+", k):
            raise QueryError(f"bad parameter name {k!r} (letters, digits, _)")
    if saved is not None:
        unknown = sorted(set(params) - set(saved.params))
        if unknown:
            raise QueryError(f"saved query {saved.name!r} has no parameter {', '.join(unknown)}; "
                             f"its parameters: {', '.join(saved.params) or 'none'}")
        missing = [p for p in saved.required() if p not in params]
        if missing:
            raise QueryError(f"saved query {saved.name!r} needs " +
                             " ".join(f"--param {p}=…" for p in missing) + f" ({saved.params[missing[0]]})")
    else:
        for k in params:
            if not re.search(rf"[?$]{k}\b", text):
                raise QueryError(f"the query has no variable ?{k} to bind --param {k}")


def resolve(query: str | SavedQuery, as_text: bool = False) -> tuple[str, SavedQuery | None]:
    """A query given as SPARQL text, a ``.rq`` file or a saved query's name -> (text, saved).
    ``as_text`` takes ``query`` as SPARQL whatever it looks like."""
    if isinstance(query, SavedQuery):
        return query.text, query
    if as_text:
        return query, None
    if query.endswith(".rq") and "\n" not in query and Path(query).is_file():
        sq = load_query(Path(query))
        return sq.text, sq
    if re.fullmatch(r"[\w.-]+", query):
        sq = saved_query(query)
        return sq.text, sq
    return query, None


def load_graphs(paths: Sequence[str | Path], fmt: str | None = None, allow_remote: bool = False) -> Dataset:
    """Graph files into one in-memory Dataset, each syntax told from its content (Turtle, TriG,
    N-Triples, N-Quads, JSON-LD, RDF/XML; :func:`extract.graph.sniff.sniff`), or ``fmt`` when
    given; ``-`` is standard input. zhkg's JSONL or an article is refused, naming the file. A
    JSON-LD file whose ``@context`` is fetched from elsewhere (a URL, ``@import``) is an
    :class:`InputError` unless ``allow_remote``: reading a file makes no request."""
    from .sniff import local_contexts_only, parse_rdf, read_bytes

    ds = Dataset(default_union=True)
    for p in paths:
        if str(p) != "-" and not Path(p).is_file():
            raise InputError("no such graph file" if not Path(p).exists() else "not a graph file", str(p))
        data = read_bytes(p)
        name = "<stdin>" if str(p) == "-" else str(p)
        if not allow_remote and data.lstrip()[:1] in (b"{", b"["):
            local_contexts_only(name, raw=data)
        parse_rdf(data, name, fmt, into=ds)
    return ds


def query_prefixes() -> dict[str, str]:
    """The prefixes every query may use undeclared: those the graphs are written with
    (:data:`extract.graph.terms.PREFIXES`: zhkg, id, unit, skos, prov, org, time, xsd, rdfs) and
    the usual rdf, owl, dcterms, schema, sh."""
    from .terms import PREFIXES
    from .vocab import DCTERMS, OWL, RDF, SCHEMA, SH

    out = {p: str(ns) for p, ns in PREFIXES.items()}
    out.update(rdf=str(RDF), owl=str(OWL), dcterms=str(DCTERMS), dct=str(DCTERMS), schema=str(SCHEMA), sh=str(SH))
    return out


def with_prefixes(text: str) -> tuple[str, int]:
    """``text`` with a ``PREFIX`` line first for each project prefix it uses and does not declare,
    and the number of lines added (to report a syntax error at the user's own line).

    >>> print(with_prefixes("SELECT ?c WHERE { ?c a zhkg:Claim }")[0])
    PREFIX zhkg: <https://w3id.org/zhkg/ontology#>
    SELECT ?c WHERE { ?c a zhkg:Claim }
    """
    declared = {m.lower() for m in re.findall(r"(?i)\bprefix\s+([\w-]*)\s*:", text)}
    lines = [f"PREFIX {p}: <{ns}>" for p, ns in query_prefixes().items()
             if p.lower() not in declared and re.search(rf"(?<![\w:<?$]){re.escape(p)}:", text)]
    return ("\n".join(lines) + "\n" + text if lines else text), len(lines)


def syntax_error(e: Exception, shift: int = 0) -> QueryError:
    """The parser's message with its line and column, whichever parser raised it, on one line;
    ``shift`` lines added before the user's text are taken off the line number."""
    lineno, col = getattr(e, "lineno", None), getattr(e, "col", None)
    if lineno is not None and col is not None:  # rdflib (pyparsing)
        msg = getattr(e, "msg", str(e))
        return QueryError(f"invalid SPARQL at line {max(1, lineno - shift)}, column {col}: {_one_line(msg)}")
    m = _OX_ERROR.search(str(e))
    if m:  # Oxigraph
        return QueryError(f"invalid SPARQL at line {max(1, int(m.group(1)) - shift)}, column {m.group(2)}: "
                          f"{_one_line(m.group(3))}")
    return QueryError(f"invalid SPARQL: {_one_line(str(e)) if str(e) else type(e).__name__}")


def _one_line(msg: str, limit: int = 160) -> str:
    """The first line of a parser's message, cut to ``limit`` characters (pyparsing lists every
    token it expected)."""
    first = msg.strip().splitlines()[0] if msg.strip() else ""
    return first if len(first) <= limit else first[:limit - 1] + "…"


Source = Union["Store", Dataset, Graph, Sequence[Union[str, Path]], Sequence["Document"], str, Path]  # noqa: F821


def _dataset_of(docs) -> Dataset:
    """Documents as one Dataset whose default graph is the union of their named graphs."""
    from .rdf import to_quads

    ds = Dataset(default_union=True)
    ds.addN((s, p, o, ds.graph(g)) for s, p, o, g in to_quads(docs))
    return ds


def run_query(source: Source, query: str | SavedQuery, params: dict[str, str] | None = None, *,
              as_text: bool = False, allow_remote: bool = False, timeout: float | None = None,
              stream: bool = False) -> Result:
    """Run ``query`` (SPARQL text, a ``.rq`` file, a saved query's name or a :class:`SavedQuery`;
    ``as_text``: always SPARQL text) over ``source`` (an open :class:`extract.graph.store.Store`, a
    store directory, an rdflib Dataset/Graph, graph files, or Documents) with ``params`` bound as
    RDF terms; the default graph is the union of all named graphs. Raises :class:`QueryError` (bad
    SPARQL: with line and column; an update; ``SERVICE`` unless ``allow_remote``; nesting too deep,
    see :func:`extract.graph.sparql.check_query`). ``FROM <iri>`` picks a named graph of the source
    and loads nothing from files or the network, unless ``allow_remote``. With a ``timeout``
    (seconds) or ``stream`` the query runs in a thread of its own (:func:`extract.graph.stream.in_thread`):
    Ctrl-C stops the wait even while the engine runs, the time limit ends it (:class:`QueryError`),
    and with ``stream`` a SELECT's ``rows`` are an iterator over rows as the engine gives them."""
    if timeout is None and not stream:
        return _run_query(source, query, params, as_text, allow_remote)
    from .stream import in_thread

    return in_thread(lambda lazy: _run_query(source, query, params, as_text, allow_remote, lazy), timeout, stream)


def _run_query(source: Source, query: str | SavedQuery, params: dict[str, str] | None, as_text: bool,
               allow_remote: bool, lazy: bool = False) -> Result:
    from pyparsing import ParseBaseException

    from ..model import Document
    from .sniff import is_store
    from .store import Store, open_store

    if isinstance(source, (str, Path)):
        if is_store(source):
            with open_store(source, read_only=True) as st:  # the rows read before it closes
                return _run_query(st, query, params, as_text, allow_remote)
        source = [source]
    if not isinstance(source, (Store, Graph)):
        source = list(source)
        if source and all(isinstance(d, Document) for d in source):
            source = _dataset_of(source)

    params = dict(params or {})
    text, saved = resolve(query, as_text)
    check_query(text, allow_remote)
    _check_params(text, params, saved)
    if saved is not None and any(p in saved.params for p in PAGE_PARAMS):
        text = page(text, {p: params.pop(p) for p in PAGE_PARAMS if p in params})
    text, shift = with_prefixes(text)
    single, multi = name_bindings(params) if saved is not None else (bindings(params), {})
    if multi:  # alternatives as VALUES rows, the other parameters bound as before
        text = bind_values(text, multi)
    try:
        if isinstance(source, Store):
            kind, names, out = source.sparql(text, single, lazy=lazy)
            if kind == "ASK":
                return Result("ASK", boolean=out)
            if kind == "CONSTRUCT":
                return Result("CONSTRUCT", graph=out)
            return _as_asked(Result("SELECT", vars=names, rows=out), params, multi)
        graph = source if isinstance(source, Graph) else load_graphs(source, allow_remote=allow_remote)
        if single:
            # also a VALUES block first in each WHERE group, as on a store or an endpoint: rdflib
            # does not carry initBindings into nested subqueries (conflicting-claims by subject)
            try:
                text = bind_values(text, single)
            except QueryError:
                pass
        import rdflib.plugins.sparql as rdflib_sparql

        loads, rdflib_sparql.SPARQL_LOAD_GRAPHS = rdflib_sparql.SPARQL_LOAD_GRAPHS, allow_remote
        try:  # FROM <file:…> or <http:…> would make rdflib read the file or fetch the URL
            res = graph.query(text, initBindings=single)
        finally:
            rdflib_sparql.SPARQL_LOAD_GRAPHS = loads
    except ParseBaseException as e:
        raise syntax_error(e, shift) from None
    except SyntaxError as e:
        raise syntax_error(e, shift) from None
    except RuntimeError as e:
        msg = str(e)
        m = re.search(r"does not contains? variable \?(\w+)", msg)
        if m:
            raise QueryError(f"--param {m.group(1)}: the query must return ?{m.group(1)} (list it after SELECT) "
                             "to have it bound") from None
        raise QueryError(f"query failed: {msg.splitlines()[0]}") from None
    except ZhkgError:  # ours already (a bad parameter, an endpoint that does not answer)
        raise
    except Exception as e:  # rdflib evaluation errors (unknown prefix …) are bare Exceptions
        raise QueryError(f"query failed: {str(e).splitlines()[0] if str(e) else type(e).__name__}") from None
    if res.type == "ASK":
        return Result("ASK", boolean=bool(res.askAnswer))
    if res.type in ("CONSTRUCT", "DESCRIBE"):
        return Result(res.type, graph=res.graph)
    names = [str(v) for v in (res.vars or [])]
    return _as_asked(Result("SELECT", vars=names, rows=[tuple(plain(x) for x in row) for row in res]), params, multi)


def _as_asked(res: Result, params: dict[str, str], multi: dict[str, list[Node]]) -> Result:
    """A parameter bound to several labels shows as the user gave it, as a single one does, and
    the rows that then repeat (one claim found by two of its names) are given once."""
    cols = [i for i, v in enumerate(res.vars) if v in multi]
    if not cols:
        return res

    given = res.rows

    def rows():  # as they come (rows streamed), each once
        seen = set()
        for r in given:
            r = list(r)
            for i in cols:
                r[i] = Literal(params[res.vars[i]])
            if tuple(r) not in seen:
                seen.add(tuple(r))
                yield tuple(r)

    res.rows = list(rows()) if isinstance(given, list) else rows()
    return res


