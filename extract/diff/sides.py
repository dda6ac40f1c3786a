"""The two sides of ``zhkg diff``: claims from an article (extracted on the fly), zhkg's JSONL, a
graph file, a store or a document in a store, told apart by content (:func:`load_side`).

:func:`claims_from_graph` reads claims back from a graph in the shape :mod:`extract.graph.rdf` writes: a
``zhkg:Claim`` node with ``zhkg:subject`` (an entity with ``skos:prefLabel``), ``zhkg:metric``
(with ``zhkg:lexiconKey`` when canonical), ``zhkg:metricText``, ``zhkg:value``, ``zhkg:unit``,
``zhkg:period`` (``zhkg:periodCode``), ``zhkg:qualifier``, ``zhkg:surface``, ``zhkg:upper``,
``zhkg:change`` and ``prov:wasDerivedFrom`` an evidence node ``zhkg:inDocument`` a document with
``zhkg:docId``. Each claim keeps its IRI, so a diff's ``zhkg:Conflict`` links the very nodes of the
extraction graphs.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from pydantic import ValidationError
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from ..errors import InputError, StoreError
from ..graph.vocab import PROV, RDF, RDFS, SKOS, UNIT, ZHKG
from ..model import Change, Claim, Evidence
from .align import SourcedClaim, sourced

_CLASSES = ("Company", "Platform", "Person", "Program", "Organization", "Metric")


def _term(name: str) -> Optional[URIRef]:
    """A ZHKG term that may not be in this version of the vocabulary (``metricText``)."""
    try:
        return getattr(ZHKG, name)
    except AttributeError:
        return None


def _one(g: Graph, s: Node, p: Optional[URIRef]) -> Optional[Node]:
    return next(iter(g.objects(s, p)), None) if p is not None else None


def _str(g: Graph, s: Node, p: Optional[URIRef]) -> Optional[str]:
    o = _one(g, s, p)
    return None if o is None else str(o)


def _num(g: Graph, s: Node, p: URIRef) -> Optional[float]:
    o = _one(g, s, p)
    return None if o is None else float(o.toPython() if isinstance(o, Literal) else o)


def _label(g: Graph, node: Node) -> str:
    for lit in g.objects(node, SKOS.prefLabel):
        if isinstance(lit, Literal) and lit.language in (None, "zh"):
            return str(lit)
    return _str(g, node, RDFS.label) or str(node).rsplit("/", 1)[-1]


def _unit(iri: Optional[Node]) -> str:
    s = str(iri or "")
    if not s.startswith(str(UNIT)):
        return "count"
    local = s[len(str(UNIT)):]
    return "other:" + local[len("other/"):].replace("%2F", "/") if local.startswith("other/") else local


def claims_from_graph(g: Graph, doc: Optional[str] = None, where: str = "") -> list[SourcedClaim]:
    """The claims in ``g`` (a Graph, or a Dataset read as the union of its graphs), optionally only
    those of the document with id ``doc``. ``where`` names the source in error messages."""
    out: list[SourcedClaim] = []
    nodes = set(g.subjects(RDF.type, ZHKG.Claim)) if doc is None or not doc.startswith(("http://", "https://")) else \
        {c for ev in g.subjects(ZHKG.inDocument, URIRef(doc)) for c in g.subjects(PROV.wasDerivedFrom, ev)
         if (c, RDF.type, ZHKG.Claim) in g}
    for node in sorted(nodes):
        ev = _one(g, node, PROV.wasDerivedFrom)
        doc_node = _one(g, ev, ZHKG.inDocument) if ev is not None else None
        doc_id = _str(g, doc_node, ZHKG.docId) if doc_node is not None else None
        doc_id = doc_id or (str(doc_node) if doc_node is not None else "?")
        if doc is not None and doc_id != doc and str(doc_node) != doc:
            continue
        subj = _one(g, node, ZHKG.subject)
        metric = _one(g, node, ZHKG.metric)
        classes = {str(t).rsplit("#", 1)[-1] for t in g.objects(subj, RDF.type)} if subj is not None else set()
        period = _one(g, node, ZHKG.period)
        changes = []
        for ch in sorted(g.objects(node, ZHKG.change)):
            changes.append(Change(kind=_str(g, ch, ZHKG.changeKind), value=_num(g, ch, ZHKG.value),
                                  text=_str(g, ch, ZHKG.surface)))
        try:
            claim = Claim(
                subject=_label(g, subj) if subj is not None else "?",
                subject_cls=next((c for c in _CLASSES if c in classes), None),
                subject_text=_str(g, node, ZHKG.subjectText),
                metric=_str(g, node, _term("metricText")) or (_label(g, metric) if metric is not None else "?"),
                metric_key=_str(g, metric, ZHKG.lexiconKey) if metric is not None else None,
                value=_num(g, node, ZHKG.value), unit=_unit(_one(g, node, ZHKG.unit)),
                period=_str(g, period, ZHKG.periodCode) if period is not None else None,
                qualifier=_str(g, node, ZHKG.qualifier), surface=_str(g, node, ZHKG.surface),
                upper=_num(g, node, ZHKG.upper), confidence=_num(g, node, ZHKG.confidence) or 0.8,
                change=(changes[0] if len(changes) == 1 else changes) if changes else None,
                evidence=Evidence(text=_str(g, ev, ZHKG.text) or "?", start=int(_num(g, ev, ZHKG.start) or 0),
                                  end=int(_num(g, ev, ZHKG.end) or 1), raw_start=int(_num(g, ev, ZHKG.rawStart) or 0),
                                  raw_end=int(_num(g, ev, ZHKG.rawEnd) or 1),
                                  source=_str(g, ev, ZHKG.sourceText)) if ev is not None else
                Evidence(text="?", start=0, end=1, raw_start=0, raw_end=1))
        except (ValidationError, TypeError, ValueError) as e:
            raise InputError(f"claim {node} cannot be read back: {str(e).splitlines()[0]}", where or None) from None
        out.append(SourcedClaim(doc_id, claim, str(node)))
    return out


def claims_from_jsonl(data: bytes, where: str = "") -> list[SourcedClaim]:
    """The claims of zhkg's JSONL (``kind: claim`` lines; ``kind: entity`` lines give the class
    of a subject). :class:`InputError` names the file and the line of a bad one."""
    rows = []
    for n, line in enumerate(data.decode("utf-8-sig", "replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append((n, json.loads(line)))
        except ValueError as e:
            raise InputError(f"line {n}: not JSON ({e})", where or None) from None
    classes = {(r.get("doc"), r.get("label")): r.get("class") for _, r in rows if r.get("kind") == "entity"}
    out: list[SourcedClaim] = []
    for n, r in rows:
        if r.get("kind") != "claim":
            continue
        ch = r.get("change")
        try:
            start, end = int(r.get("start") or 0), int(r.get("end") or 1)
            subject = r.get("subject_label") or r.get("subject") or "?"
            cls = classes.get((r.get("doc"), subject))
            text, source = Evidence.from_line(r.get("evidence") or "")
            claim = Claim(subject=subject, subject_cls=cls if cls in _CLASSES else None,
                          subject_text=r.get("subject") if r.get("subject") != subject else None,
                          metric=r.get("metric") or "?", metric_key=r.get("metric_key"),
                          value=r["value"], unit=r.get("unit") or "count", period=r.get("period"),
                          qualifier=r.get("qualifier"), surface=r.get("surface"), upper=r.get("upper"),
                          confidence=r.get("confidence") or 0.8,
                          change=([Change(**x) for x in ch] if isinstance(ch, list) else Change(**ch)) if ch else None,
                          evidence=Evidence(text=text or "?", source=source, start=start, end=max(end, start),
                                            raw_start=start, raw_end=max(end, start)))
        except (ValidationError, TypeError, ValueError, KeyError) as e:
            raise InputError(f"line {n}: a claim that cannot be read back: {str(e).splitlines()[0]}",
                             where or None) from None
        out.append(SourcedClaim(r.get("doc") or "?", claim, r.get("iri") or ""))
    if not out:
        raise InputError("zhkg JSONL with no claim in it", where or None)
    return out


def claims_from_store(store: Path) -> tuple[list[SourcedClaim], dict[str, str]]:
    """Every claim in the store (opened read-only, alongside a writer) with its document id, and
    each document's title by id: what the corpus report is built from.

    The claims are read as :func:`claims_from_graph` reads them, but one property at a time (one
    scan each, joined here): on 10,000 articles a few seconds, where a CONSTRUCT of the same
    triples into rdflib took two minutes."""
    from ..graph.store import open_store

    def scan(st, pred: URIRef, obj: str = "?o") -> list[tuple]:
        return st.sparql(f"SELECT ?s {obj} WHERE {{ ?s {pred.n3()} {obj} }}")[2]

    def one(st, pred: Optional[URIRef]) -> dict:
        return {} if pred is None else {s: o for s, o in scan(st, pred)}

    with open_store(store, read_only=True) as st:
        claims = [s for (s,) in st.sparql(f"SELECT ?s WHERE {{ ?s a {ZHKG.Claim.n3()} }}")[2]]
        props = {name: one(st, p) for name, p in (
            ("subject", ZHKG.subject), ("metric", ZHKG.metric), ("value", ZHKG.value), ("unit", ZHKG.unit),
            ("period", ZHKG.period), ("qualifier", ZHKG.qualifier), ("surface", ZHKG.surface), ("upper", ZHKG.upper),
            ("confidence", ZHKG.confidence), ("subjectText", ZHKG.subjectText), ("metricText", _term("metricText")),
            ("ev", PROV.wasDerivedFrom), ("code", ZHKG.periodCode), ("key", ZHKG.lexiconKey),
            ("text", ZHKG.text), ("start", ZHKG.start), ("end", ZHKG.end), ("rawStart", ZHKG.rawStart),
            ("rawEnd", ZHKG.rawEnd), ("source", ZHKG.sourceText), ("doc", ZHKG.inDocument),
            ("docId", ZHKG.docId), ("title", ZHKG.title),
            ("kind", ZHKG.changeKind), ("rdfs", RDFS.label))}
        pref: dict = {}
        for s_, o in scan(st, SKOS.prefLabel):
            if isinstance(o, Literal) and o.language in (None, "zh"):
                pref.setdefault(s_, o)
        classes: dict = {}
        for s_, o in scan(st, RDF.type):
            if isinstance(s_, URIRef) and str(o).startswith(str(ZHKG)):
                classes.setdefault(s_, set()).add(str(o).rsplit("#", 1)[-1])
        changes: dict = {}
        for s_, o in scan(st, ZHKG.change):
            changes.setdefault(s_, []).append(o)

    P = props

    def label(node) -> str:
        return str(pref.get(node) or P["rdfs"].get(node) or str(node).rsplit("/", 1)[-1])

    def opt(name: str, node):
        v = P[name].get(node)
        return None if v is None else str(v)

    def num(name: str, node) -> Optional[float]:
        v = P[name].get(node)
        return None if v is None else float(v.toPython() if isinstance(v, Literal) else v)

    out: list[SourcedClaim] = []
    for node in sorted(claims):
        ev = P["ev"].get(node)
        doc_node = P["doc"].get(ev) if ev is not None else None
        doc_id = opt("docId", doc_node) if doc_node is not None else None
        doc_id = doc_id or (str(doc_node) if doc_node is not None else "?")
        subj, metric, period = P["subject"].get(node), P["metric"].get(node), P["period"].get(node)
        chs = [Change(kind=opt("kind", ch), value=num("value", ch), text=opt("surface", ch))
               for ch in sorted(changes.get(node, []))]
        try:
            claim = Claim(
                subject=label(subj) if subj is not None else "?",
                subject_cls=next((c for c in _CLASSES if c in classes.get(subj, ())), None),
                subject_text=opt("subjectText", node),
                metric=opt("metricText", node) or (label(metric) if metric is not None else "?"),
                metric_key=opt("key", metric) if metric is not None else None,
                value=num("value", node), unit=_unit(P["unit"].get(node)),
                period=opt("code", period) if period is not None else None,
                qualifier=opt("qualifier", node), surface=opt("surface", node),
                upper=num("upper", node), confidence=num("confidence", node) or 0.8,
                change=(chs[0] if len(chs) == 1 else chs) if chs else None,
                evidence=Evidence(text=opt("text", ev) or "?", start=int(num("start", ev) or 0),
                                  end=int(num("end", ev) or 1), raw_start=int(num("rawStart", ev) or 0),
                                  raw_end=int(num("rawEnd", ev) or 1), source=opt("source", ev)) if ev is not None else
                Evidence(text="?", start=0, end=1, raw_start=0, raw_end=1))
        except (ValidationError, TypeError, ValueError) as e:
            raise InputError(f"claim {node} cannot be read back: {str(e).splitlines()[0]}", str(store)) from None
        out.append(SourcedClaim(doc_id, claim, str(node)))
    titles = {str(i): str(P["title"].get(d) or "") for d, i in P["docId"].items()}
    return out, titles


def load_side(spec: str, store: Optional[Path] = None, ner: str = "lac", fmt: Optional[str] = None) -> list[SourcedClaim]:
    """The claims of one side of a diff, told apart by content (:func:`extract.graph.sniff.sniff`):

    * with ``store``, ``spec`` is a document id or IRI in that store;
    * a store directory: the claims of every document in it;
    * zhkg's JSONL: its claim lines;
    * an RDF graph (Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML; ``fmt`` forces one);
    * else an article (text, HTML, PDF), extracted now with ``ner``.

    ``-`` reads standard input."""
    from ..graph.sniff import RDF_FORMATS, is_store, parse_rdf, read_bytes, sniff

    if store is not None:
        from ..graph.iris import doc_iri
        from ..graph.store import open_store

        iri = URIRef(spec) if spec.startswith(("http://", "https://")) else doc_iri(spec)
        with open_store(store, read_only=True) as st:
            if not st._has_graph(iri):
                raise StoreError(f"no document {spec!r} in the store (see: zhkg store list)", str(store))
            claims = claims_from_graph(st.ds, str(iri), where=str(store))
        return claims
    if is_store(spec):
        from ..graph.store import open_store

        with open_store(spec) as st:
            claims = claims_from_graph(st.ds, where=spec)
        if not claims:
            raise InputError("no claim in this store", spec)
        return claims
    name = "<stdin>" if spec == "-" else spec
    if spec != "-" and not Path(spec).is_file():
        raise InputError("no such file (an article, zhkg's JSONL, a graph file, a store, or with --store a "
                         "document id)", spec)
    data = read_bytes(spec)
    kind = "jsonl" if fmt == "jsonl" else (RDF_FORMATS.get(fmt) if fmt else sniff(data))
    if fmt and kind is None and fmt != "article":
        raise InputError(f"unknown side format {fmt!r}; choose article, jsonl or {', '.join(sorted(RDF_FORMATS))}", name)
    if kind == "jsonl":
        return claims_from_jsonl(data, where=name)
    if kind not in (None, "article"):
        claims = claims_from_graph(parse_rdf(data, name, fmt if fmt != "article" else None), where=name)
        if not claims:
            raise InputError("no zhkg:Claim in this graph", name)
        return claims
    from ..nlp.pipeline import extract_bytes

    return sourced(extract_bytes(data, name, ner=ner, doc_id="stdin" if spec == "-" else None))


def diff_files(a, b, rtol: float = 0.0, ner: str = "lac", store: Optional[Path] = None):
    """``zhkg diff A B`` as one call: each side read by :func:`load_side` (an article, zhkg's JSONL,
    a graph file, a store directory; with ``store`` a document id), compared by
    :func:`extract.diff.align.diff_documents`. Returns the :class:`~extract.diff.align.DiffResult`."""
    from .align import diff_documents

    return diff_documents(load_side(str(a), store, ner), load_side(str(b), store, ner), rtol=rtol)


__all__ = ["diff_files", "load_side", "claims_from_graph", "claims_from_jsonl", "claims_from_store"]
