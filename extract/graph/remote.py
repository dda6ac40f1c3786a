"""Graphs on a SPARQL server: push articles through the SPARQL 1.1 Graph Store Protocol, query
any SPARQL 1.1 endpoint (Oxigraph's ``oxigraph serve``, Apache Jena Fuseki, …).

:func:`push` sends each article's named graph with an HTTP ``PUT`` to the Graph Store endpoint
(``http://host:7878/store`` for Oxigraph, ``http://host:3030/DATASET/data`` for Fuseki), so an
article pushed again replaces its graph whole. The entity graph (:data:`extract.graph.iris.ENTITY_GRAPH`,
the descriptions articles share) is sent with ``POST``, which adds to it: pushing some articles
never drops what other articles need. Graphs travel as N-Triples, one request per graph.

:func:`endpoint_dataset` is an rdflib ``Dataset`` over a SPARQL query endpoint
(``http://host:7878/query``, ``http://host:3030/DATASET/query``) for
:func:`extract.graph.query.run_query`. Parameters are bound as RDF terms, never pasted into the text as
typed: each term is written by rdflib's ``.n3()`` (quotes, backslashes and newlines escaped) into a
one-row ``VALUES`` block put first in the query's ``WHERE`` group (:func:`bind_values`), which
binds the variables before the patterns and the ``FILTER`` clauses run, as a local store's bindings
do. (rdflib's own ``SPARQLStore`` appends ``VALUES`` after the whole query instead, where it joins
after the filters: ``changes-above``, which filters on its ``?threshold``, would find nothing.)
The saved queries read the union of the named graphs as their default graph: start Oxigraph
with ``--union-default-graph``; in Fuseki set ``tdb2:unionDefaultGraph true``.
"""
from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from pathlib import Path

from rdflib import Dataset, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore

from ..errors import ZhkgError
from .iris import ENTITY_GRAPH
from .sparql import bind_values

#: seconds to wait for the server on one request
TIMEOUT = 120


class RemoteError(ZhkgError):
    """A SPARQL server that cannot be reached or refuses a request."""


def graphs_of_files(paths: Iterable[str | Path]) -> Iterator[tuple[URIRef, Iterable[tuple]]]:
    """(graph IRI, triples) of each named graph in the graph files (``.trig``, ``.nq``, ``.jsonld``),
    the entity graph first. A file with triples outside any named graph (``.ttl``, ``.nt``: the
    articles merged, so no one can say which triple is whose) is an :class:`InputError`: pushed,
    it would land in one graph that the next such push replaces."""
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    from ..errors import InputError
    from .query import load_graphs

    paths = list(paths)
    for p in paths:
        ds = load_graphs([p])
        if len(ds.graph(DATASET_DEFAULT_GRAPH_ID)):
            raise InputError("triples outside any named graph (a .ttl or .nt file merges the articles): push the "
                             ".trig or .nq output, one named graph per article, or --store DIR", str(p))
    ds = load_graphs(paths)
    yield from _entities_first(g for g in ds.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID)


def graphs_of_store(store) -> Iterator[tuple[URIRef, Iterable[tuple]]]:
    """(graph IRI, triples) of each named graph of an open :class:`extract.graph.store.Store`, the
    entity graph first."""
    yield from _entities_first(store.ds.graphs())


def _entities_first(graphs) -> Iterator[tuple[URIRef, Iterable[tuple]]]:
    """The non-empty named graphs, the entity graph before the articles that need it."""
    rest = []
    for g in graphs:
        if isinstance(g.identifier, URIRef) and len(g):
            if g.identifier == ENTITY_GRAPH:
                yield g.identifier, g
            else:
                rest.append(g)
    for g in rest:
        yield g.identifier, g


def check_endpoint(endpoint: str) -> str:
    """``endpoint`` if it is an http(s) URL with a host, else :class:`RemoteError` naming it."""
    u = urllib.parse.urlsplit(endpoint)
    if u.scheme.lower() not in ("http", "https") or not u.netloc:
        raise RemoteError("not an http:// or https:// URL of a SPARQL endpoint", endpoint)
    return endpoint


def ntriples(triples: Iterable[tuple]) -> bytes:
    return "".join(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in triples).encode("utf-8")


def push(endpoint: str, graphs: Iterable[tuple[URIRef, Iterable[tuple]]], on_graph=None) -> tuple[int, int]:
    """Send each (graph IRI, triples) to the Graph Store endpoint: articles by ``PUT`` (replaced
    whole), the entity graph by ``POST`` (added to). Returns (graphs, triples) sent; raises
    :class:`RemoteError` naming the endpoint and the graph on the first failure, and how many
    graphs went before it: the same push again finishes the job (each graph is replaced whole,
    the entity graph only added to)."""
    check_endpoint(endpoint)
    n = t = 0
    for iri, triples in graphs:
        body = ntriples(triples)
        method = "POST" if iri == ENTITY_GRAPH else "PUT"
        try:
            _request(endpoint, method, iri, body)
        except RemoteError as e:
            msg = str(e)[len(e.path) + 2:] if e.path else str(e)
            raise RemoteError(f"{msg} ({n} graph(s) sent before it; push again to finish: graphs are replaced "
                              "whole)", endpoint) from None
        n += 1
        t += body.count(b"\n")
        if on_graph:
            on_graph(iri)
    if n == 0:
        raise RemoteError("no named graph to push (write .trig or .nq files, or give --store DIR)")
    return n, t


def _request(endpoint: str, method: str, graph: URIRef, body: bytes) -> None:
    sep = "&" if "?" in endpoint else "?"
    url = f"{endpoint}{sep}graph={urllib.parse.quote(str(graph), safe='')}"
    req = urllib.request.Request(url, data=body, method=method,
                                 headers={"Content-Type": "application/n-triples; charset=utf-8"})
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT) as r:
            r.read()
    except urllib.error.HTTPError as e:
        detail = e.read().decode("utf-8", "replace").strip().splitlines()
        raise RemoteError(f"{method} of graph <{graph}> refused: HTTP {e.code} {e.reason}"
                          + (f": {detail[0][:200]}" if detail else ""), endpoint) from None
    except (urllib.error.URLError, OSError) as e:
        raise RemoteError(f"cannot reach the server: {getattr(e, 'reason', e)}", endpoint) from None


class _BindingStore(SPARQLStore):
    """rdflib's SPARQLStore, with parameters bound by :func:`bind_values`."""

    def query(self, query, initNs=None, initBindings=None, queryGraph=None, DEBUG=False):  # noqa: N803
        import socket

        if initBindings:
            query = bind_values(str(query), dict(initBindings))
        # rdflib's connector drops its timeout: a stalled endpoint would hang. The default
        # timeout of new sockets bounds each connect and read instead.
        before = socket.getdefaulttimeout()
        socket.setdefaulttimeout(self.zhkg_timeout)
        try:
            return super().query(query, initNs, None, queryGraph, DEBUG)
        except (urllib.error.URLError, OSError, ValueError) as e:
            cause = e.__context__ if isinstance(e, ValueError) else e  # rdflib wraps every failure in a ValueError
            if isinstance(cause, urllib.error.HTTPError) or not isinstance(cause, (urllib.error.URLError, OSError)):
                raise
            raise RemoteError(f"no answer from the endpoint: {getattr(cause, 'reason', cause)}",
                              self.query_endpoint) from None
        finally:
            socket.setdefaulttimeout(before)


def endpoint_dataset(endpoint: str, timeout: float = TIMEOUT) -> Dataset:
    """A read-only Dataset over the SPARQL query endpoint (default graph: what the server gives);
    each request gives up after ``timeout`` seconds without an answer (:class:`RemoteError`)."""
    from .terms import bind_prefixes

    store = _BindingStore(check_endpoint(endpoint), returnFormat="json", timeout=timeout)
    store.zhkg_timeout = timeout
    return bind_prefixes(Dataset(store=store, default_union=True))
