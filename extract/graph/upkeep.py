"""Keeping a store sound (issue 21): a corrupted store becomes one line saying what to do
(:func:`corrupt`, :func:`reading`), :func:`check_store` reads a whole store once, and the entity
descriptions no article mentions any more go when articles are replaced or removed
(:func:`described_by`, :func:`drop_unused`).
"""
from __future__ import annotations

import functools
from pathlib import Path

from rdflib import URIRef

from ..errors import StoreError
from .iris import ENTITY_GRAPH


def corrupt(e: Exception, path: Path) -> StoreError:
    """The one line for a store that cannot be read: what RocksDB said, and what to do."""
    first = (str(e).splitlines() or [type(e).__name__])[0][:300]
    return StoreError(f"the store is corrupt or unreadable ({first}): restore it from a backup, or save what can "
                      f"still be read with: zhkg store export --store {path} -o saved.nq", str(path))


def reading(method):
    """A read of the store whose corruption RocksDB detects becomes the one-line :class:`StoreError`."""
    @functools.wraps(method)
    def read(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except (OSError, RuntimeError) as e:
            if "corruption" in str(e).lower():
                raise corrupt(e, self.path) from None
            raise

    return read


def check_store(store) -> dict[str, int]:
    """Read every quad of the open ``store`` once, through each of Oxigraph's indexes (by subject, by predicate, by
    object), and flush: the counts, or :class:`StoreError` naming the store when a part of it
    is corrupt (RocksDB checks each block it reads)."""
    ox = store._ox
    try:
        quads = preds = 0
        seen_p: set = set()
        objects: set = set()
        for q in ox.quads_for_pattern(None, None, None, None):
            quads += 1
            seen_p.add(q.predicate)
            if len(objects) < 100_000:
                objects.add(q.object)
        for p in seen_p:  # the predicate index
            preds += sum(1 for _ in ox.quads_for_pattern(None, p, None, None))
        for o in objects:  # the object index
            for _ in ox.quads_for_pattern(None, None, o, None):
                pass
        graphs = sum(1 for _ in ox.named_graphs())
        if not store.read_only:
            ox.flush()
    except (OSError, RuntimeError, ValueError) as e:
        raise corrupt(e, store.path) from None
    if preds != quads:
        raise corrupt(RuntimeError(f"Corruption: {quads} quads by subject, {preds} by predicate"), store.path)
    return {"quads": quads, "graphs": graphs}


def described_by(ox, graphs: list[URIRef]) -> list[URIRef]:
    """The nodes of the entity graph (of the pyoxigraph store ``ox``) that the named graphs ``graphs`` mention (none for
    articles not in the store yet)."""
    e = ENTITY_GRAPH.n3()
    rows = ox.query(f"""SELECT DISTINCT ?x WHERE {{
  VALUES ?g {{ {" ".join(g.n3() for g in graphs)} }}
  {{ GRAPH ?g {{ ?x ?p ?o }} }} UNION {{ GRAPH ?g {{ ?s ?p ?x }} }}
  FILTER (isIRI(?x)) GRAPH {e} {{ ?x ?q ?y }} }}""")
    return [URIRef(r[0].value) for r in rows]


def drop_unused(among: list[URIRef] | None = None) -> str:
    """The SPARQL update that deletes the entity graph's descriptions of nodes no article graph
    mentions any more (only of the nodes ``among``, when given)."""
    e = ENTITY_GRAPH.n3()
    values = f"VALUES ?x {{ {' '.join(x.n3() for x in among)} }}\n  " if among else ""
    return f"""DELETE {{ GRAPH {e} {{ ?x ?p ?o }} }} WHERE {{
  {values}GRAPH {e} {{ ?x ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?x ?q ?y }} FILTER (?g != {e}) }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?y ?q ?x }} FILTER (?g != {e}) }}
}}"""
