"""Models -> RDF: deterministic IRIs, one named graph per article, the entity graph, provenance,
and the writers registered by name."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from rdflib import Dataset, Graph, Literal
from rdflib.compare import isomorphic

from extract.graph import formats
from extract.graph.iris import ENTITY_GRAPH, claim_iri, doc_iri, entity_iri, period_iri
from extract.graph.terms import decimal
from extract.graph.rdf import to_dataset, to_graph
from extract.graph.vocab import PROV, RDF, RDFS, SKOS, XSD, ZHKG, unit_iri
from sample_docs import sample_docs

T0 = datetime(2021, 3, 5, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def docs():
    return sample_docs()


@pytest.fixture(scope="module")
def ds(docs):
    return to_dataset(docs, started=T0)


def _gmv(docs, period):
    return next(c for c in docs[0].claims if c.metric_key == "Metric:商品交易总额" and c.period == period)


def test_two_runs_give_the_same_quads(docs):
    a = set(to_dataset(sample_docs(), started=T0).quads())
    b = set(to_dataset(docs, started=T0).quads())
    assert a == b and len(a) > 300


def test_only_the_run_time_differs_between_runs(docs):
    a = set(to_dataset(docs, started=T0).quads())
    b = set(to_dataset(docs, started=datetime(2030, 1, 1, tzinfo=timezone.utc)).quads())
    assert {q[1] for q in a ^ b} == {PROV.startedAtTime}


def test_source_date_epoch_fixes_the_run_time(docs, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1614902400")
    times = {o for _, _, o, _ in to_dataset(docs).quads((None, PROV.startedAtTime, None, None))}
    assert times == {Literal("2021-03-05T00:00:00+00:00", datatype=XSD.dateTime)}


@pytest.mark.parametrize("cls, label, iri", [
    ("Platform", "快手", "https://w3id.org/zhkg/id/platform/%E5%BF%AB%E6%89%8B"),
    ("Company", "快手科技", "https://w3id.org/zhkg/id/company/%E5%BF%AB%E6%89%8B%E7%A7%91%E6%8A%80"),
    ("Metric", "GMV", "https://w3id.org/zhkg/id/metric/GMV"),
], ids=["platform", "company", "metric"])
def test_entity_iri_by_class_and_label(cls, label, iri):
    assert str(entity_iri(cls, label)) == iri


def test_claim_iri_depends_on_what_the_claim_says(docs):
    c19, c20 = _gmv(docs, "2019"), _gmv(docs, "2020")
    assert claim_iri("kuaishou-2020#1", c19) == claim_iri("kuaishou-2020#1", c19.model_copy())
    assert len({claim_iri("kuaishou-2020#1", c19), claim_iri("kuaishou-2020#1", c20),
                claim_iri("other#1", c19)}) == 3


def test_one_named_graph_per_article_plus_the_entity_graph(ds, docs):
    names = {g.identifier for g in ds.graphs() if len(g)}
    assert names == {doc_iri(d.id) for d in docs} | {ENTITY_GRAPH}


def test_claims_live_in_their_articles_graph(ds, docs):
    for d in docs:
        g = ds.graph(doc_iri(d.id))
        assert set(g.subjects(RDF.type, ZHKG.Claim)) == {claim_iri(d.id, c) for c in d.claims}
        assert (doc_iri(d.id), ZHKG.docId, Literal(d.id)) in g
    assert not set(ds.graph(ENTITY_GRAPH).subjects(RDF.type, ZHKG.Claim))


def test_entity_descriptions_are_shared(ds):
    e = ds.graph(ENTITY_GRAPH)
    ks = entity_iri("Platform", "快手")
    assert (ks, RDF.type, ZHKG.Platform) in e
    assert (ks, SKOS.prefLabel, Literal("快手", lang="zh")) in e
    assert (ks, RDFS.label, Literal("快手")) in e
    assert {str(a) for a in e.objects(ks, SKOS.altLabel)} == {"快手APP", "Kuaishou"}
    assert (entity_iri("Company", "快手科技"), RDF.type, ZHKG.Organization) in e
    # where it is mentioned is said by each article, in its own graph
    assert set(ds.graph(doc_iri("kuaishou-2020#2")).objects(ks, ZHKG.mentionedIn)) == {doc_iri("kuaishou-2020#2")}


def test_reified_claim_with_period_unit_change_and_evidence(ds, docs):
    g = ds.graph(doc_iri("kuaishou-2020#1"))
    c = claim_iri("kuaishou-2020#1", _gmv(docs, "2019"))
    assert g.value(c, ZHKG.subject) == entity_iri("Platform", "快手")
    assert g.value(c, ZHKG.metric) == g.value(c, ZHKG.metricConcept) == entity_iri("Metric", "商品交易总额")
    assert g.value(c, ZHKG.metricText) == Literal("GMV")
    assert g.value(c, ZHKG.value) == Literal("59600000000", datatype=XSD.decimal)
    assert g.value(c, ZHKG.unit) == unit_iri("CNY")
    assert g.value(c, ZHKG.period) == period_iri("2019")
    assert g.value(c, ZHKG.surface) == Literal("596亿元")
    ev = g.value(c, PROV.wasDerivedFrom)
    assert (g.value(ev, ZHKG.rawStart), g.value(ev, ZHKG.rawEnd)) == (Literal(3240), Literal(3339))
    assert g.value(ev, ZHKG.inDocument) == g.value(ev, PROV.wasQuotedFrom) == doc_iri("kuaishou-2020#1")
    assert str(g.value(ev, ZHKG.text)).startswith("平台GMV从2019年的596亿元")
    assert ds.graph(ENTITY_GRAPH).value(period_iri("2019"), ZHKG.periodCode) == Literal("2019")
    dau = claim_iri("kuaishou-2020#1", docs[0].claims[0])
    ch = g.value(dau, ZHKG.change)
    assert (g.value(ch, ZHKG.changeKind), g.value(ch, ZHKG.value)) == (Literal("yoy"), decimal(0.32))
    run = g.value(dau, PROV.wasGeneratedBy)
    assert (run, RDF.type, PROV.Activity) in g and g.value(run, ZHKG.toolVersion) is not None


@pytest.mark.parametrize("x, text", [(2.71e8, "271000000"), (0.32, "0.32"), (3.812e11, "381200000000"),
                                     (-0.05, "-0.05"), (89.9, "89.9"), (0.0, "0")])
def test_decimal_is_canonical(x, text):
    assert decimal(x) == Literal(text, datatype=XSD.decimal)


def test_graph_conforms_to_the_shapes(docs):
    from pyshacl import validate

    from extract.resources import ontology_path

    ok, _, report = validate(to_graph(docs), shacl_graph=Graph().parse(ontology_path("shapes.ttl")), advanced=True)
    assert ok, report


@pytest.mark.parametrize("name, ext, quads", [("ttl", ".ttl", False), ("nt", ".nt", False), ("nq", ".nq", True),
                                              ("trig", ".trig", True), ("jsonld", ".jsonld", True)])
def test_writers_by_name_round_trip(docs, name, ext, quads, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert formats.format_for("out" + ext, None) == name
    text = formats.writer(name)(docs)
    parse_as = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld"}[name]
    if quads:
        back = Dataset().parse(data=text, format=parse_as)
        want = to_dataset(docs)
        assert {g.identifier for g in back.graphs() if len(g)} == {g.identifier for g in want.graphs() if len(g)}
        for g in want.graphs():
            assert isomorphic(_numbers(back.graph(g.identifier)), _numbers(g)), g.identifier
    else:
        assert isomorphic(_numbers(Graph().parse(data=text, format=parse_as)), _numbers(to_graph(docs)))


def _numbers(g: Graph) -> Graph:
    """``g`` with xsd:decimal literals in one lexical form: rdflib writes 300000000.0 (XSD 1.0
    canonical), Oxigraph and :func:`decimal` 300000000 (XSD 1.1); the value is the same."""
    out = Graph()
    for s, p, o in g:
        out.add((s, p, decimal(o.toPython()) if isinstance(o, Literal) and o.datatype == XSD.decimal else o))
    return out


def test_line_formats_are_sorted(docs):
    lines = formats.writer("nq")(docs).splitlines()
    assert lines == sorted(lines)


@pytest.mark.parametrize("name", ["ttl", "nt", "nq", "trig", "jsonld"])
def test_output_is_the_same_in_every_process(name):
    """Serializers that follow hash order would differ between interpreters (PYTHONHASHSEED)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys; sys.path.insert(0, 'tests'); from sample_docs import sample_docs; "
            f"from extract.graph.formats import writer; sys.stdout.write(writer({name!r})(sample_docs()))")
    root = Path(__file__).resolve().parent.parent
    outs = {subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": "0"}).stdout
            for seed in ("1", "2")}
    assert len(outs) == 1
