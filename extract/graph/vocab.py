"""The one vocabulary module: every zhkg ontology term, the data and unit namespaces, and the
standard namespaces the graph uses. Code never spells an ontology IRI by hand.

``ZHKG`` lists every term declared in ``ontology/zhkg.ttl`` (``_fail = True``: a misspelt term
raises ``AttributeError``); ``tests/test_ontology.py`` checks both agree, in the style of rdflib's
generated ``rdflib/namespace/_SH.py``.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import (DCTERMS, ORG, OWL, PROV, RDF, RDFS, SDO, SH, SKOS, TIME, XSD,
                              DefinedNamespace)

__all__ = ["ZHKG", "ZHKGD", "UNIT", "unit_iri", "ONTOLOGY_IRI",
           "PROV", "SKOS", "TIME", "ORG", "SCHEMA", "RDFS", "RDF", "XSD", "OWL", "SH", "DCTERMS"]

SCHEMA = SDO  # schema.org, https://schema.org/

#: data IRIs: https://w3id.org/zhkg/id/<kind>/<name>
ZHKGD = Namespace("https://w3id.org/zhkg/id/")
#: the unit list (SKOS concepts declared in zhkg.ttl): unit:CNY, unit:percent, unit:other/套
UNIT = Namespace("https://w3id.org/zhkg/unit/")
ONTOLOGY_IRI = URIRef("https://w3id.org/zhkg/ontology")


class ZHKG(DefinedNamespace):
    """zhkg ontology: classes and properties of the knowledge graph of Chinese business news."""

    _fail = True
    _NS = Namespace("https://w3id.org/zhkg/ontology#")

    # classes
    Change: URIRef  # change
    Claim: URIRef  # claim
    ChangeClaim: URIRef  # a claim whose value is a change stated with no base value
    Company: URIRef  # company
    Conflict: URIRef  # conflict
    Document: URIRef  # document
    Evidence: URIRef  # evidence
    ExtractionRun: URIRef  # extraction run
    Metric: URIRef  # metric
    Organization: URIRef  # organization
    Period: URIRef  # period
    Person: URIRef  # person
    Platform: URIRef  # platform
    Program: URIRef  # program
    Place: URIRef  # a country or region that statistics are about
    Segment: URIRef  # a group a statistic is about that no name denotes (广告主, 短视频行业)
    Quote: URIRef  # quote
    Role: URIRef  # role
    Unit: URIRef  # unit

    # properties and individuals
    Units: URIRef  # unit list
    change: URIRef  # change
    changeKind: URIRef  # change kind
    claimKey: URIRef  # what a claim is a figure of: subject, metric, period, unit (one string)
    competitor: URIRef  # competitor
    confidence: URIRef  # confidence
    conflictClaim: URIRef  # conflicting claim
    docId: URIRef  # document id
    encoding: URIRef  # encoding
    end: URIRef  # end offset
    inDocument: URIRef  # in document
    launched: URIRef  # launched
    lexiconKey: URIRef  # lexicon key
    mentionedIn: URIRef  # mentioned in
    mentions: URIRef  # mentions
    metric: URIRef  # metric
    operates: URIRef  # operates
    page: URIRef  # page of a PDF
    period: URIRef  # period
    periodCode: URIRef  # period code
    published: URIRef  # publication date
    reportingEntity: URIRef  # the entity whose results or statistics a document reports
    reportingPeriod: URIRef  # the period a document reports on
    frameText: URIRef  # the sentence of the lead that states the document frame
    frameTitle: URIRef  # the document title the reporting entity was read from, where the text names none
    qualifier: URIRef  # qualifier
    rawEnd: URIRef  # raw end offset
    rawStart: URIRef  # raw start offset
    sourceText: URIRef  # the evidence as the input writes it
    reason: URIRef  # reason
    sha256: URIRef  # SHA-256 hash
    source: URIRef  # source file
    speaker: URIRef  # speaker
    start: URIRef  # start offset
    subject: URIRef  # subject
    surface: URIRef  # surface form
    tableColumn: URIRef  # table cell column
    tableIndex: URIRef  # table number on its page
    tableRow: URIRef  # table cell row
    subjectText: URIRef  # the subject as written in the evidence
    metricConcept: URIRef  # the canonical Metric a claim's worded metric links to
    metricText: URIRef  # the metric as written in the evidence
    text: URIRef  # text
    title: URIRef  # title
    toolVersion: URIRef  # tool version
    topic: URIRef  # topic
    unit: URIRef  # unit
    unitKind: URIRef  # unit kind
    upper: URIRef  # upper bound
    relativeValue: URIRef  # the value of a relative change (yoy, qoq, growth), repeated
    value: URIRef  # value


def unit_iri(unit: str) -> URIRef:
    """The IRI of a unit of the JSONL contract (``CNY``, ``percent``, ``other:套``).

    >>> unit_iri("CNY"), unit_iri("other:套")
    (rdflib.term.URIRef('https://w3id.org/zhkg/unit/CNY'), rdflib.term.URIRef('https://w3id.org/zhkg/unit/other/套'))

    A compound word keeps its slash escaped, one path segment (次/天 -> 次%2F天):

    >>> unit_iri("other:次/天")
    rdflib.term.URIRef('https://w3id.org/zhkg/unit/other/次%2F天')
    """
    if unit.startswith("other:"):
        return UNIT["other/" + unit[len("other:"):].replace("/", "%2F")]
    return UNIT[unit]
