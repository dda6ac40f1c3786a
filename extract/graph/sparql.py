"""SPARQL text and terms, whichever backend runs the query (rdflib, Oxigraph, a remote endpoint):
one spelling of a term, and parameters bound as a ``VALUES`` block.

The store and the query layer both use these; neither imports the other for them.
"""
from __future__ import annotations

import itertools
import re
from typing import Optional

from rdflib import XSD, Literal
from rdflib.term import Node

from ..errors import QueryError


def plain(term: Optional[Node]) -> Optional[Node]:
    """One spelling of a term whichever backend gives it. RDF 1.1 makes ``"x"`` and
    ``"x"^^xsd:string`` one term; rdflib does not, and Oxigraph gives the second: the first is
    used, as the graph files have it. An ``xsd:decimal`` is written in its canonical form
    (``300000000``, as Oxigraph and :func:`extract.graph.terms.decimal` write it, not Turtle's ``300000000.0``).

    >>> plain(Literal("300000000.0", datatype=XSD.decimal))
    rdflib.term.Literal('300000000', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#decimal'))
    """
    if isinstance(term, Literal):
        if term.datatype == XSD.string:
            return Literal(str(term))
        if term.datatype == XSD.decimal:
            from decimal import Decimal, InvalidOperation

            try:
                text = format(Decimal(str(term)).normalize(), "f")
            except InvalidOperation:
                return term
            return Literal("0" if text in ("-0", "0") else text, datatype=XSD.decimal)
    return term


# the tokens that matter to find a query's WHERE group: IRIs, strings and comments are skipped
_TOKENS = re.compile(r"""<[^<>"{}|^`\\\s]*>|"{3}[\s\S]*?"{3}|'{3}[\s\S]*?'{3}|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'"""
                     r"|#[^\n]*|(?P<where>\bwhere\b)|(?P<open>\{)|(?P<form>\b(?:select|ask|construct|describe)\b)",
                     re.IGNORECASE)


# a query's keywords that matter to what it may do, strings, IRIs and comments skipped
_KEYWORDS = re.compile(r"""<[^<>"{}|^`\\\s]*>|"{3}[\s\S]*?"{3}|'{3}[\s\S]*?'{3}|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'"""
                       r"|#[^\n]*|(?<![?$:\w-])(?P<kw>select|ask|construct|describe|insert|delete|load|clear|drop|create|"
                       r"add|move|copy|with|service)(?![\w:-])|(?P<open>[({])|(?P<close>[)}])", re.IGNORECASE)
_UPDATES = {"insert", "delete", "load", "clear", "drop", "create", "add", "move", "copy", "with"}

#: the deepest nesting of ( and { a query may have, and its largest size in characters: Oxigraph
#: parses recursively (5,000 nested parentheses overflow its stack)
MAX_DEPTH = 100
MAX_QUERY = 1_000_000


def check_query(query: str, allow_remote: bool = False) -> None:
    """Raise :class:`QueryError` for what zhkg will not hand to a SPARQL engine: an update
    (``INSERT``, ``DELETE``, ``LOAD``, ``DROP`` …: zhkg only reads), ``SERVICE`` (a request to
    another server) unless ``allow_remote``, nesting deeper than :data:`MAX_DEPTH` or text
    longer than :data:`MAX_QUERY`.

    >>> check_query("DELETE WHERE { ?s ?p ?o }")
    Traceback (most recent call last):
    extract.errors.QueryError: updates are not allowed: zhkg query only reads (SELECT, ASK, CONSTRUCT, DESCRIBE), and this query begins with DELETE
    """
    if len(query) > MAX_QUERY:
        raise QueryError(f"query too long ({len(query):,} characters; at most {MAX_QUERY:,})")
    depth = 0
    form = None
    for m in _KEYWORDS.finditer(query):
        kw = m.group("kw")
        if kw:
            kw = kw.lower()
            if form is None:
                form = kw
                if kw in _UPDATES:
                    raise QueryError("updates are not allowed: zhkg query only reads (SELECT, ASK, CONSTRUCT, "
                                     f"DESCRIBE), and this query begins with {kw.upper()}")
            if kw == "service" and not allow_remote:
                raise QueryError("SERVICE sends requests to another server: not allowed unless --allow-remote is given")
        elif m.group("open"):
            depth += 1
            if depth > MAX_DEPTH:
                raise QueryError(f"query nested too deeply (more than {MAX_DEPTH} levels of ( and {{)")
        elif m.group("close"):
            depth = max(0, depth - 1)


def bind_values(query: str, bindings: dict[str, Node | list[Node]]) -> str:
    """``query`` with ``VALUES (?a ?b) { (term term) }`` first in its WHERE group, and in the
    WHERE group of each subquery; a variable given a list of terms gets a row for each (every
    combination when several are).

    >>> print(bind_values('SELECT ?x WHERE { ?x ?p "{WHERE}" }', {"x": Literal('a"b')}))
    SELECT ?x WHERE { VALUES (?x) { ("a\\"b") }
     ?x ?p "{WHERE}" }
    """
    if not bindings:
        return query
    names = " ".join(f"?{k}" for k in bindings)
    columns = [list(v) if isinstance(v, (list, tuple)) else [v] for v in bindings.values()]
    rows = " ".join(f"({' '.join(t.n3() for t in combo)})" for combo in itertools.product(*columns))
    block = f" VALUES ({names}) {{ {rows} }}\n"
    at: list[int] = []  # after the "{" of every WHERE: a subquery's too, as a local store binds it
    where, form = False, None
    for m in _TOKENS.finditer(query):
        if m.group("form") and form is None:
            form = m.group("form").lower()
        elif m.group("where"):
            where = True
        elif m.group("open") and (where or (not at and form in ("select", "ask"))):
            at.append(m.end())
            where = False
    if not at:
        raise QueryError("no WHERE group to bind the parameters in")
    parts = [query[a:b] for a, b in zip([0, *at], [*at, len(query)])]
    return block.join(parts)
