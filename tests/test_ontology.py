"""The ontology parses, every term is labelled in Chinese and English, extract/graph/vocab.py and
ontology/zhkg.ttl agree both ways, and the models of extract/model.py map onto declared terms."""
from __future__ import annotations

import pytest
from rdflib import Graph, URIRef

from extract import model
from extract.resources import ontology_path
from extract.graph.vocab import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, UNIT, ZHKG, unit_iri

NS = str(ZHKG._NS)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_path("zhkg.ttl"), format="turtle")


def _declared(g: Graph) -> set[str]:
    return {str(s)[len(NS):] for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(NS)}


def test_vocab_terms_are_declared_in_ttl(onto):
    missing = set(ZHKG.__annotations__) - _declared(onto)
    assert not missing, f"in extract/graph/vocab.py but not in zhkg.ttl: {sorted(missing)}"


def test_ttl_terms_are_in_vocab(onto):
    missing = _declared(onto) - set(ZHKG.__annotations__)
    assert not missing, f"in zhkg.ttl but not in extract/graph/vocab.py: {sorted(missing)}"


def test_no_undeclared_zhkg_iri_used(onto):
    shapes = Graph().parse(ontology_path("shapes.ttl"), format="turtle")
    used = {str(t)[len(NS):] for g in (onto, shapes) for triple in g for t in triple
            if isinstance(t, URIRef) and str(t).startswith(NS)}
    assert used <= _declared(onto), sorted(used - _declared(onto))


def test_vocab_fails_on_unknown_term():
    with pytest.raises(AttributeError):
        ZHKG.notATerm  # noqa: B018


def test_every_term_labelled_zh_and_en(onto):
    for name in ZHKG.__annotations__:
        langs = {lit.language for lit in onto.objects(ZHKG[name], RDFS.label)}
        assert {"zh", "en"} <= langs, name


@pytest.mark.parametrize("term, kind", [
    (ZHKG.Document, OWL.Class), (ZHKG.Organization, OWL.Class), (ZHKG.Company, OWL.Class),
    (ZHKG.Platform, OWL.Class), (ZHKG.Person, OWL.Class), (ZHKG.Role, OWL.Class), (ZHKG.Metric, OWL.Class),
    (ZHKG.Program, OWL.Class), (ZHKG.Claim, OWL.Class), (ZHKG.Change, OWL.Class), (ZHKG.Period, OWL.Class),
    (ZHKG.Evidence, OWL.Class), (ZHKG.Quote, OWL.Class), (ZHKG.Conflict, OWL.Class),
    (ZHKG.subject, OWL.ObjectProperty), (ZHKG.metric, OWL.ObjectProperty), (ZHKG.value, OWL.DatatypeProperty),
    (ZHKG.rawStart, OWL.DatatypeProperty), (ZHKG.rawEnd, OWL.DatatypeProperty), (ZHKG.operates, OWL.ObjectProperty),
])
def test_declared(onto, term, kind):
    assert (term, RDF.type, kind) in onto


@pytest.mark.parametrize("sub, sup", [
    (ZHKG.Company, ZHKG.Organization), (ZHKG.Organization, ORG.Organization), (ZHKG.Role, ORG.Membership),
    (ZHKG.Claim, PROV.Entity), (ZHKG.Evidence, PROV.Entity), (ZHKG.ExtractionRun, PROV.Activity),
    (ZHKG.Metric, SKOS.Concept), (ZHKG.Unit, SKOS.Concept),
])
def test_reuses_standard_vocabularies(onto, sub, sup):
    assert (sub, RDFS.subClassOf, sup) in onto


def test_properties_have_domain_or_range(onto):
    for name in ZHKG.__annotations__:
        t = ZHKG[name]
        if (t, RDF.type, OWL.ObjectProperty) in onto or (t, RDF.type, OWL.DatatypeProperty) in onto:
            assert onto.value(t, RDFS.range) is not None or onto.value(t, RDFS.domain) is not None, name


def test_company_versus_app_decision_is_written_down(onto):
    comment = " ".join(str(c) for c in onto.objects(ZHKG.Platform, RDFS.comment))
    assert "快手科技" in comment and "Company:美团" in comment


@pytest.mark.parametrize("unit", [*model.UNITS, "other:套"])
def test_unit_list_covers_model_units(onto, unit):
    iri = unit_iri(unit)
    concept = iri if not unit.startswith("other:") else UNIT["other"]
    assert (concept, RDF.type, ZHKG.Unit) in onto
    assert (concept, SKOS.inScheme, ZHKG.Units) in onto
    assert onto.value(concept, SKOS.prefLabel) is not None


def test_entity_classes_are_ontology_classes(onto):
    for cls in model.EntityClass.__args__:
        assert (ZHKG[cls], RDF.type, OWL.Class) in onto, cls


# Every field of a model maps to a graph term, or is listed as in-memory only. A new model field
# fails here until it is given a term (or listed): the ontology mirrors the models.
FIELDS = {
    "Document": {"id": ZHKG.docId, "title": ZHKG.title, "source": ZHKG.source, "sha256": ZHKG.sha256,
                 "published": ZHKG.published, "encoding": ZHKG.encoding, "topic": ZHKG.topic,
                 "entities": ZHKG.mentionedIn, "claims": ZHKG.inDocument, "quotes": ZHKG.inDocument,
                 "relations": None, "text": None, "raw_offset": None, "year": None, "mojibake": None,
                 "rejected": None, "author": DCTERMS.creator, "site": DCTERMS.publisher,
                 "media_type": DCTERMS.format, "frame": None},
    "Frame": {"entity": ZHKG.reportingEntity, "entity_cls": None, "period": ZHKG.reportingPeriod,
              "evidence": ZHKG.frameText, "entity_title": ZHKG.frameTitle},
    "Entity": {"cls": RDF.type, "label": SKOS.prefLabel, "aliases": SKOS.altLabel, "key": ZHKG.lexiconKey,
               "confidence": ZHKG.confidence, "mentions": ZHKG.mentions, "role": ZHKG.Role, "org": ORG.organization,
               "unit_kind": ZHKG.unitKind},
    "Relation": {"kind": None, "source": None, "target": None, "role": ORG.role, "period": ORG.memberDuring,
                 "evidence": PROV.wasDerivedFrom},
    "Quote": {"speaker": ZHKG.speaker, "text": ZHKG.text, "evidence": PROV.wasDerivedFrom},
    "Claim": {"subject": ZHKG.subject, "subject_cls": None, "metric": ZHKG.metric, "value": ZHKG.value,
              "unit": ZHKG.unit, "period": ZHKG.period, "qualifier": ZHKG.qualifier, "change": ZHKG.change,
              "evidence": PROV.wasDerivedFrom, "surface": ZHKG.surface, "confidence": ZHKG.confidence,
              "upper": ZHKG.upper, "subject_text": ZHKG.subjectText, "metric_key": ZHKG.metricConcept},
    "Change": {"kind": ZHKG.changeKind, "value": ZHKG.value, "text": ZHKG.surface},
    "Evidence": {"text": ZHKG.text, "start": ZHKG.start, "end": ZHKG.end, "raw_start": ZHKG.rawStart,
                 "raw_end": ZHKG.rawEnd, "page": ZHKG.page, "table": ZHKG.tableIndex, "row": ZHKG.tableRow,
                 "column": ZHKG.tableColumn, "source": ZHKG.sourceText},
}


@pytest.mark.parametrize("name", sorted(FIELDS))
def test_model_fields_map_to_terms(name):
    fields = set(getattr(model, name).model_fields)
    assert fields == set(FIELDS[name]), (f"model.{name} fields and the ontology mapping differ: "
                                         f"new {sorted(fields - set(FIELDS[name]))}, gone {sorted(set(FIELDS[name]) - fields)}")


@pytest.mark.parametrize("kind", ["operates", "launched", "competitor"])
def test_relation_kinds_are_properties(onto, kind):
    assert (ZHKG[kind], RDF.type, OWL.ObjectProperty) in onto
