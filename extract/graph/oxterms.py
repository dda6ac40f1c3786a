"""Terms between rdflib and pyoxigraph (the store's engine), each way, as the store reads and
binds them."""
from __future__ import annotations

from rdflib.term import BNode, Literal, Node, URIRef

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def from_ox(t, cache: dict) -> Node:
    """A pyoxigraph term as an rdflib term (plain strings without ``^^xsd:string``), memoized."""
    r = cache.get(t)
    if r is None:
        import pyoxigraph

        if isinstance(t, pyoxigraph.NamedNode):
            r = URIRef(t.value)
        elif isinstance(t, pyoxigraph.Literal):
            if t.language:
                r = Literal(t.value, lang=t.language)
            elif t.datatype.value == _XSD_STRING:
                r = Literal(t.value)
            else:
                r = Literal(t.value, datatype=URIRef(t.datatype.value))
        else:
            r = BNode(t.value)
        cache[t] = r
    return r


def to_ox(t: Node):
    """An rdflib term as a pyoxigraph term (a query's bindings)."""
    import pyoxigraph

    if isinstance(t, URIRef):
        return pyoxigraph.NamedNode(str(t))
    if isinstance(t, Literal):
        if t.language:
            return pyoxigraph.Literal(str(t), language=t.language)
        if t.datatype:
            return pyoxigraph.Literal(str(t), datatype=pyoxigraph.NamedNode(str(t.datatype)))
        return pyoxigraph.Literal(str(t))
    return pyoxigraph.BlankNode(str(t))
