"""The RDF terms the writer builds over and over, made cheaply: the vocabulary's namespaces with
their terms cached, memoized literals, canonical ``xsd:decimal`` numbers, and the prefixes every
graph is written with.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from rdflib import Graph, Literal, URIRef

from . import vocab
from .vocab import UNIT, ZHKGD


class _Terms:
    """A namespace whose terms are looked up once each. rdflib's ``DefinedNamespace`` checks the
    name and builds a new ``URIRef`` on every attribute access, and the writer asks for the same
    few dozen terms over and over (117,000 lookups for 101 articles: 0.13 s of the 0.5 s
    :func:`to_quads` took). The first ``ns.name`` is stored on the instance, so later ones never
    reach ``__getattr__``."""

    def __init__(self, ns):
        self._ns = ns
        self._items: dict[str, URIRef] = {}

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._ns, name)  # AttributeError for a misspelt ZHKG term, as before
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        term = self._items.get(name)
        if term is None:
            term = self._items[name] = self._ns[name]
        return term


# the terms the writer uses, cached; PREFIXES binds the real namespace objects (vocab.*)
DCTERMS, ORG, PROV, RDF, RDFS, SKOS, TIME, XSD, ZHKG = map(_Terms, (
    vocab.DCTERMS, vocab.ORG, vocab.PROV, vocab.RDF, vocab.RDFS, vocab.SKOS, vocab.TIME, vocab.XSD, vocab.ZHKG))


@lru_cache(maxsize=1 << 14, typed=True)
def _literal(value: str | int, lang: str | None = None, datatype: URIRef | None = None) -> Literal:
    """``Literal(value, lang=…, datatype=…)``, memoized. rdflib casts and checks a value each time
    it builds a Literal (5-10 µs, the largest part of :func:`to_quads`), while the same labels,
    counts and offsets come back in article after article. A Literal is immutable, so one object
    can stand in every quad; ``typed``: ``True`` and ``1`` are different literals."""
    return Literal(value, lang=lang, datatype=datatype)


def decimal(x: float) -> Literal:
    """A float as a canonical ``xsd:decimal`` (no exponent, no trailing zeros).

    >>> decimal(2.71e8), decimal(0.320), decimal(-0.05)
    (rdflib.term.Literal('271000000', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#decimal')), rdflib.term.Literal('0.32', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#decimal')), rdflib.term.Literal('-0.05', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#decimal')))
    """
    d = Decimal(repr(float(x))).normalize()
    text = format(d, "f")
    return _literal("0" if text in ("-0", "0") else text, datatype=XSD.decimal)


def _published(value: str) -> Literal:
    """``2021-03-05`` as ``xsd:date``; a partial date stays a plain string."""
    if len(value) == 10 and value[4] == "-" and value[7] == "-":
        return _literal(value, datatype=XSD.date)
    return _literal(value)


PREFIXES = {"zhkg": vocab.ZHKG._NS, "id": ZHKGD, "unit": UNIT, "skos": vocab.SKOS, "prov": vocab.PROV,
            "org": vocab.ORG, "time": vocab.TIME, "xsd": vocab.XSD, "rdfs": vocab.RDFS}


def bind_prefixes(g: Graph) -> Graph:
    for p, ns in PREFIXES.items():
        g.bind(p, ns, override=True, replace=True)
    return g
