"""The key of a claim (``zhkg:claimKey``): what the claim is a figure of, as one string, so that
claims about the same thing are found by one term instead of a join of four properties.

The key is the subject's ``rdfs:label``, the metric's ``rdfs:label``, the period code and the unit
code (``CNY``, ``other:套``), joined by a tab, which sorts before every character of a label: keys
sort as their parts do, so the saved query ``conflicting-claims`` groups and pages on the key alone.
A claim without a period has no key (two such claims need not be of the same time).

Two spellings, one rule: :func:`claim_key` when an article is written (:mod:`extract.graph.rdf`),
and :func:`add_keys`, the SPARQL update that gives the same key to the claims written before keys
existed (``zhkg store load`` runs it on what it loads).
"""
from __future__ import annotations

from rdflib import URIRef

from .iris import ENTITY_GRAPH
from .vocab import RDFS, UNIT, ZHKG

#: between the parts of a key
SEP = "\t"
#: a unit IRI as its code, in SPARQL: unit:CNY -> CNY, unit:other/套 -> other:套
REPLACE_UNIT = f'REPLACE(REPLACE(REPLACE(STR({{u}}), "^{UNIT}", ""), "^other/", "other:"), "%2F", "/")'


def claim_key(subject: str, metric: str, period: str, unit: str) -> str:
    """The key of a claim from its subject's and metric's labels, its period code and its unit code.

    >>> claim_key("快手", "商品交易总额", "2020", "CNY")
    '快手\\t商品交易总额\\t2020\\tCNY'
    """
    return SEP.join((subject, metric, period, unit))


def add_keys(graphs: list[URIRef]) -> str:
    """The SPARQL update giving every claim of the named graphs ``graphs`` that has a period and no
    key the key :func:`claim_key` writes (labels and period codes read from the entity graph)."""
    values = " ".join(g.n3() for g in graphs)
    unit = REPLACE_UNIT.format(u="?u")
    return f"""INSERT {{ GRAPH ?g {{ ?c {ZHKG.claimKey.n3()} ?key }} }} WHERE {{
  VALUES ?g {{ {values} }}
  GRAPH ?g {{ ?c {ZHKG.subject.n3()} ?s ; {ZHKG.metric.n3()} ?m ; {ZHKG.period.n3()} ?p ; {ZHKG.unit.n3()} ?u
             FILTER NOT EXISTS {{ ?c {ZHKG.claimKey.n3()} ?old }} }}
  GRAPH {ENTITY_GRAPH.n3()} {{ ?s {RDFS.label.n3()} ?sl . ?m {RDFS.label.n3()} ?ml . ?p {ZHKG.periodCode.n3()} ?pc }}
  BIND (CONCAT(?sl, "\\t", ?ml, "\\t", ?pc, "\\t", {unit}) AS ?key)
}}"""

