"""Models -> RDF: the quads of each article, and the RDF output formats (registered by name in
:mod:`extract.graph.writers`). IRIs are minted in :mod:`extract.graph.iris` and nowhere else.

:func:`to_dataset` puts each article in its own named graph (the document IRI): the document, its
claims with their changes and evidence, relations, quotes, ``zhkg:mentionedIn`` links and the
extraction run (a ``prov:Activity``). What is the same whatever the article says about it — an
entity's class and labels, a metric, a period, a role name — goes into the shared entity graph
:data:`ENTITY_GRAPH`, so replacing an article never touches another article's triples.

Literals, chosen so an Oxigraph store gives back exactly what was put in:

* numbers (value, upper, change value, confidence) are ``xsd:decimal`` in canonical form
  (``271000000``, ``0.32``); offsets and counts ``xsd:integer``;
* ``zhkg:mentions`` (how often an article names an entity) and ``zhkg:confidence`` (how sure
  the article's extraction is of it: 1 from the lexicon, the NER model's marginal probability)
  sit in the article's graph, beside ``zhkg:mentionedIn``;
* ``skos:prefLabel`` is the canonical label tagged ``@zh``; ``rdfs:label`` repeats it as a plain
  string, the key saved queries match a ``--param`` on; aliases (``skos:altLabel``) are plain
  strings, their language unknown (快手APP, Kuaishou).

The extraction run's ``prov:startedAtTime`` is the only triple that changes between two runs on
the same input. It is the current time, or ``SOURCE_DATE_EPOCH`` (seconds, the
reproducible-builds convention) when that is set; the golden test leaves it out of the comparison.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import datetime, timezone

from rdflib import Dataset, Graph, Literal, URIRef

from ..model import Claim, Document, Entity
from .iris import ENTITY_GRAPH, claim_iri, doc_iri, entity_iri, evidence_iri, mint, period_iri, run_iri
from .keys import claim_key
from .terms import DCTERMS, ORG, PROV, RDF, RDFS, SKOS, TIME, XSD, ZHKG, _literal, _published, bind_prefixes, decimal
from .vocab import unit_iri
from .writers import register

#: change kinds whose value is a relative change (a fraction), repeated as zhkg:relativeValue
RELATIVE_KINDS = ("yoy", "qoq", "growth")


def run_time() -> datetime:
    """Now (UTC), or ``SOURCE_DATE_EPOCH`` when set, for reproducible output."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return datetime.now(timezone.utc).replace(microsecond=0)


class _Sink:
    """The triples of one named graph, collected as quads in an insertion-ordered dict (a set
    that keeps order); far cheaper than adding them to an rdflib store one by one."""

    __slots__ = ("quads", "graph")

    def __init__(self, quads: dict, graph: URIRef):
        self.quads, self.graph = quads, graph

    def add(self, t: tuple) -> None:
        self.quads[(t[0], t[1], t[2], self.graph)] = None


class _Writer:
    """Writes one article into its named graph and its shared descriptions into the entity graph."""

    def __init__(self, quads: dict, d: Document, started: datetime):
        self.d = d
        self.doc = doc_iri(d.id)
        self.g = _Sink(quads, self.doc)
        self.e = _Sink(quads, ENTITY_GRAPH)
        self.started = started
        # label (canonical or alias) -> class, for subjects and relation ends given by label only
        self.classes: dict[str, str] = {}
        for ent in d.entities:
            self.classes.setdefault(ent.label, ent.cls)
        for ent in d.entities:
            for a in ent.aliases:
                self.classes.setdefault(a, ent.cls)
        # what this article has already written: claims name the same entities, metrics,
        # periods and sentences again and again, and writing their triples again is a no-op
        # (the quads are a set) that costs as much as the first time
        self.nodes: dict[tuple[str, str], URIRef] = {}  # (class, label) -> entity node
        self.labels: dict[URIRef, str] = {}  # entity node -> its rdfs:label (for claim keys)
        self.by_labels: dict[tuple[str, str], URIRef] = {}  # the same for by_label (aliases resolved)
        self.described: set[tuple[URIRef, str]] = set()  # lexicon metrics described
        self.periods: dict[str, URIRef] = {}
        self.evidences: dict[tuple, URIRef] = {}
        self.run = run_iri(d)

    # -- shared descriptions ------------------------------------------------------------------
    def entity(self, cls: str, label: str, ent: Entity | None = None) -> URIRef:
        """The node of an entity, its description in the entity graph and its
        ``zhkg:mentionedIn`` link; without ``ent``, nothing is written twice."""
        if ent is None and (cls, label) in self.nodes:
            return self.nodes[cls, label]
        node = self.nodes[cls, label] = entity_iri(cls, label)
        self.labels[node] = label
        e = self.e
        e.add((node, RDF.type, ZHKG[cls]))
        if cls == "Company":
            e.add((node, RDF.type, ZHKG.Organization))
        e.add((node, SKOS.prefLabel, _literal(label, lang="zh")))
        e.add((node, RDFS.label, _literal(label)))
        if ent is not None:
            for a in ent.aliases:
                if a.strip() and a != label:
                    e.add((node, SKOS.altLabel, _literal(a)))
            if ent.key:
                e.add((node, ZHKG.lexiconKey, _literal(ent.key)))
            if ent.unit_kind and cls == "Metric":
                e.add((node, ZHKG.unitKind, _literal(ent.unit_kind)))
            self.g.add((node, ZHKG.mentions, _literal(ent.mentions)))
            self.g.add((node, ZHKG.confidence, decimal(ent.confidence)))
        self.g.add((node, ZHKG.mentionedIn, self.doc))
        return node

    def by_label(self, label: str, default: str, cls: str | None = None) -> URIRef:
        """The node of the entity called ``label`` (canonical or alias) in this article; its
        class from the article's entities, else ``default``; ``cls`` forces the class."""
        cls = cls or self.classes.get(label, default)
        node = self.by_labels.get((cls, label))
        if node is None:
            canonical = next((x.label for x in self.d.entities if x.cls == cls and
                              (x.label == label or label in x.aliases)), label)
            node = self.by_labels[cls, label] = self.entity(cls, canonical)
        return node

    def lexicon_metric(self, node: URIRef, key: str) -> None:
        """The lexicon's description of a canonical metric: aliases, unit kind, English label."""
        from ..nlp.lexicon import load_lexicon

        if (node, key) in self.described:
            return
        self.described.add((node, key))
        entry = load_lexicon().entity(key)
        if entry is None or entry.cls != "Metric":
            return
        e = self.e
        e.add((node, ZHKG.lexiconKey, _literal(key)))
        e.add((node, ZHKG.unitKind, _literal(entry.unit_kind)))
        for a in entry.aliases:
            e.add((node, SKOS.altLabel, _literal(a)))
        if entry.en:
            e.add((node, SKOS.prefLabel, _literal(entry.en, lang="en")))

    def period(self, code: str) -> URIRef:
        if code in self.periods:
            return self.periods[code]
        node = self.periods[code] = period_iri(code)
        self.e.add((node, RDF.type, ZHKG.Period))
        self.e.add((node, RDF.type, TIME.Instant if code.startswith("asof:") else TIME.Interval))
        self.e.add((node, ZHKG.periodCode, _literal(code)))
        return node

    # -- the article ----------------------------------------------------------------------------
    def document(self) -> None:
        d, g, doc = self.d, self.g, self.doc
        g.add((doc, RDF.type, ZHKG.Document))
        g.add((doc, ZHKG.docId, _literal(d.id)))
        if d.title:
            g.add((doc, ZHKG.title, _literal(d.title)))
        g.add((doc, ZHKG.source, _literal(d.source)))
        g.add((doc, ZHKG.sha256, _literal(d.sha256)))
        g.add((doc, ZHKG.encoding, _literal(d.encoding)))
        if d.published:
            g.add((doc, ZHKG.published, _published(d.published)))
            g.add((doc, DCTERMS.issued, _published(d.published)))
        f = d.frame
        if f.entity and f.entity_cls:
            g.add((doc, ZHKG.reportingEntity, self.entity(f.entity_cls, f.entity)))
        if f.period:
            g.add((doc, ZHKG.reportingPeriod, self.period(f.period)))
        if f.evidence:
            g.add((doc, ZHKG.frameText, _literal(f.evidence)))
        if f.entity_title:
            g.add((doc, ZHKG.frameTitle, _literal(f.entity_title)))
        if d.author:
            g.add((doc, DCTERMS.creator, _literal(d.author)))
        if d.site:
            g.add((doc, DCTERMS.publisher, _literal(d.site)))
        if d.media_type != "text/plain":
            g.add((doc, DCTERMS.format, _literal(d.media_type)))
        if d.topic:
            g.add((doc, ZHKG.topic, _literal(d.topic)))
        from ..version import __version__

        run = self.run
        g.add((run, RDF.type, ZHKG.ExtractionRun))
        g.add((run, RDF.type, PROV.Activity))
        g.add((run, PROV.used, doc))
        g.add((run, ZHKG.toolVersion, _literal(__version__)))
        g.add((run, PROV.startedAtTime, _literal(self.started.isoformat(), datatype=XSD.dateTime)))
        for ent in d.entities:
            self.entity(ent.cls, ent.label, ent)

    def evidence(self, ev) -> URIRef:
        """The evidence node of a sentence (or table cell); written once however many claims
        and quotes cite the same evidence."""
        key = (ev.text, ev.start, ev.end, ev.raw_start, ev.raw_end, ev.page, ev.table, ev.row, ev.column)
        if key in self.evidences:
            return self.evidences[key]
        cell = (ev.page, ev.table, ev.row, ev.column) if ev.column is not None else None
        node = self.evidences[key] = evidence_iri(self.d.id, ev.raw_start, ev.raw_end, cell)
        g = self.g
        g.add((node, RDF.type, ZHKG.Evidence))
        g.add((node, ZHKG.text, _literal(ev.text)))
        g.add((node, ZHKG.start, _literal(ev.start)))
        g.add((node, ZHKG.end, _literal(ev.end)))
        g.add((node, ZHKG.rawStart, _literal(ev.raw_start)))
        g.add((node, ZHKG.rawEnd, _literal(ev.raw_end)))
        if getattr(ev, "source", None):
            g.add((node, ZHKG.sourceText, _literal(ev.source)))
        for prop, v in ((ZHKG.page, ev.page), (ZHKG.tableIndex, ev.table), (ZHKG.tableRow, ev.row),
                        (ZHKG.tableColumn, ev.column)):
            if v is not None:
                g.add((node, prop, _literal(v)))
        g.add((node, ZHKG.inDocument, self.doc))
        g.add((node, PROV.wasQuotedFrom, self.doc))
        return node

    def claim(self, c: Claim) -> None:
        g, node = self.g, claim_iri(self.d.id, c)
        g.add((node, RDF.type, ZHKG.Claim))
        if c.is_change_claim():
            g.add((node, RDF.type, ZHKG.ChangeClaim))
        subject = (self.entity(c.subject_cls, c.subject) if c.subject_cls
                   else self.by_label(c.subject, "Organization"))
        g.add((node, ZHKG.subject, subject))
        if c.subject_text and c.subject_text != c.subject:
            g.add((node, ZHKG.subjectText, _literal(c.subject_text)))
        # zhkg:metric: the canonical lexicon Metric when the wording was linked to one (also
        # zhkg:metricConcept), else a Metric named by the wording; the wording is zhkg:metricText
        canonical = c.metric_key.split(":", 1)[-1] if c.metric_key else None
        metric = self.by_label(canonical or c.metric, "Metric", cls="Metric")
        if c.metric_key:
            self.lexicon_metric(metric, c.metric_key)
        g.add((node, ZHKG.metric, metric))
        if canonical:
            g.add((node, ZHKG.metricConcept, metric))
        g.add((node, ZHKG.metricText, _literal(c.metric)))
        g.add((node, ZHKG.value, decimal(c.value)))
        if c.upper is not None:
            g.add((node, ZHKG.upper, decimal(c.upper)))
        g.add((node, ZHKG.unit, unit_iri(c.unit)))
        if c.period:
            g.add((node, ZHKG.period, self.period(c.period)))
            # zhkg:claimKey (extract.graph.keys); not through _literal's cache: a key is seldom written twice
            key = claim_key(self.labels[subject], self.labels[metric], c.period, c.unit)
            g.add((node, ZHKG.claimKey, Literal(key)))
        if c.qualifier:
            g.add((node, ZHKG.qualifier, _literal(c.qualifier)))
        if c.surface:
            g.add((node, ZHKG.surface, _literal(c.surface)))
        g.add((node, ZHKG.confidence, decimal(c.confidence)))
        for i, ch in enumerate(c.changes()):
            cn = mint("change", str(node), i)
            g.add((node, ZHKG.change, cn))
            g.add((cn, RDF.type, ZHKG.Change))
            g.add((cn, ZHKG.changeKind, _literal(ch.kind)))
            g.add((cn, ZHKG.value, decimal(ch.value)))
            if ch.kind in RELATIVE_KINDS:  # repeated for queries that rank relative changes
                g.add((cn, ZHKG.relativeValue, decimal(ch.value)))
            if ch.text:
                g.add((cn, ZHKG.surface, _literal(ch.text)))
        g.add((node, PROV.wasDerivedFrom, self.evidence(c.evidence)))
        g.add((node, PROV.wasGeneratedBy, self.run))

    def role(self, person: str, org: str, role: str, period: str | None = None) -> None:
        g = self.g
        p = self.by_label(person, "Person")
        o = self.by_label(org, "Organization")
        r = mint("role", role)
        self.e.add((r, RDF.type, ORG.Role))
        self.e.add((r, SKOS.prefLabel, _literal(role, lang="zh")))
        self.e.add((r, RDFS.label, _literal(role)))
        m = mint("membership", p, o, r)
        g.add((m, RDF.type, ZHKG.Role))
        g.add((m, ORG.member, p))
        g.add((m, ORG.organization, o))
        g.add((m, ORG.role, r))
        if period:
            g.add((m, ORG.memberDuring, self.period(period)))

    def relations(self) -> None:
        g = self.g
        for ent in self.d.entities:
            if ent.cls == "Person" and ent.role and ent.org:
                self.role(ent.label, ent.org, ent.role)
        for r in self.d.relations:
            if not r.source or not r.target:
                continue
            if r.kind == "role":
                if r.role:
                    self.role(r.source, r.target, r.role, r.period)
            elif r.kind == "operates":
                g.add((self.by_label(r.source, "Organization"), ZHKG.operates, self.by_label(r.target, "Platform")))
            elif r.kind == "launched":
                g.add((self.by_label(r.source, "Platform"), ZHKG.launched, self.by_label(r.target, "Program")))
            elif r.kind == "competitor":
                g.add((self.by_label(r.source, "Organization"), ZHKG.competitor,
                       self.by_label(r.target, "Organization")))
            elif r.kind == "parent":  # source is part of target
                g.add((self.by_label(r.source, "Organization"), ORG.subOrganizationOf,
                       self.by_label(r.target, "Organization")))

    def quotes(self) -> None:
        g = self.g
        for q in self.d.quotes:
            node = mint("quote", self.d.id, q.evidence.raw_start, q.evidence.raw_end, q.speaker)
            g.add((node, RDF.type, ZHKG.Quote))
            g.add((node, ZHKG.speaker, self.by_label(q.speaker, "Person")))
            g.add((node, ZHKG.text, _literal(q.text)))
            g.add((node, PROV.wasDerivedFrom, self.evidence(q.evidence)))


def to_quads(docs: Iterable[Document], started: datetime | None = None) -> list[tuple]:
    """Documents -> quads ``(s, p, o, graph)``: one named graph per article (its document IRI)
    and the shared entity graph :data:`ENTITY_GRAPH`, no duplicates. ``started`` is the run's
    time (default :func:`run_time`)."""
    quads: dict = {}
    started = started or run_time()
    for d in docs:
        w = _Writer(quads, d, started)
        w.document()
        for c in d.claims:
            w.claim(c)
        w.relations()
        w.quotes()
    return list(quads)


def to_dataset(docs: Iterable[Document], started: datetime | None = None) -> Dataset:
    """Documents -> a Dataset of the quads of :func:`to_quads`."""
    ds = bind_prefixes(Dataset())
    ds.addN((s, p, o, ds.graph(g)) for s, p, o, g in to_quads(docs, started))
    return ds


def to_graph(docs: Iterable[Document], started: datetime | None = None) -> Graph:
    """All triples of :func:`to_quads` merged into one graph (for triple formats)."""
    g = bind_prefixes(Graph())
    g.addN((s, p, o, g) for s, p, o, _ in to_quads(docs, started))
    return g


def _sorted_lines(text: str) -> str:
    return "".join(sorted(set(line + "\n" for line in text.splitlines() if line.strip())))


# -- writers, chosen by name (extract.graph.formats) ----------------------------------------------


@register("ttl", ".ttl")
def to_turtle(docs: list[Document]) -> str:
    """Turtle: every graph merged (Turtle has no named graphs)."""
    return to_graph(docs).serialize(format="turtle")


@register("nt", ".nt")
def to_ntriples(docs: list[Document]) -> str:
    """N-Triples, every graph merged, lines sorted."""
    return _sorted_lines(to_graph(docs).serialize(format="nt"))


@register("nq", ".nq")
def to_nquads(docs: list[Document]) -> str:
    """N-Quads with the named graphs, lines sorted."""
    return _sorted_lines(to_dataset(docs).serialize(format="nquads"))


@register("trig", ".trig")
def to_trig(docs: list[Document]) -> str:
    """TriG with the named graphs, in IRI order (rdflib's own TriG writer orders them by hash,
    which changes from one process to the next)."""
    ds = to_dataset(docs)
    prefixes: set[str] = set()
    blocks = []
    for g in sorted((g for g in ds.graphs() if len(g)), key=lambda g: str(g.identifier)):
        one = bind_prefixes(Graph())
        one += g
        lines = one.serialize(format="turtle").splitlines()
        prefixes.update(x for x in lines if x.startswith("@prefix"))
        body = [("    " + x) if x.strip() else "" for x in lines if not x.startswith("@prefix")]
        blocks.append(f"{g.identifier.n3()} {{\n" + "\n".join(body).strip("\n") + "\n}\n")
    return "\n".join(sorted(prefixes)) + "\n\n" + "\n".join(blocks)


@register("jsonld", ".jsonld")
def to_jsonld(docs: list[Document]) -> str:
    """JSON-LD with the named graphs; arrays sorted (no ``@list`` is used, so order carries no
    meaning) for output that does not change between runs."""
    import json

    def ordered(x):
        if isinstance(x, dict):
            return {k: ordered(v) for k, v in sorted(x.items())}
        if isinstance(x, list):
            return sorted((ordered(v) for v in x), key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
        return x

    text = to_dataset(docs).serialize(format="json-ld", auto_compact=True)
    return json.dumps(ordered(_used_context(json.loads(text))), ensure_ascii=False, indent=1) + "\n"


def _used_context(doc):
    """The JSON-LD with only the ``@context`` prefixes its terms use (rdflib lists every prefix it
    knows, 31 of them unused)."""
    if not isinstance(doc, dict) or not isinstance(doc.get("@context"), dict):
        return doc
    words: set[str] = set()

    def walk(x) -> None:
        if isinstance(x, dict):
            for k, v in x.items():
                if k != "@context":
                    words.add(k)
                    walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
        elif isinstance(x, str):
            words.add(x)

    walk(doc)
    used = {w.split(":", 1)[0] for w in words if ":" in w}
    doc["@context"] = {k: v for k, v in doc["@context"].items() if k in used or k.startswith("@")}
    return doc


__all__ = ["RELATIVE_KINDS", "run_time", "to_quads", "to_dataset", "to_graph"]
