"""IRIs, minted here and nowhere else.

IRIs are stable and deterministic: a document by its id (file stem and article number), an entity
by class and canonical label, a claim by document + subject + metric + period + value, so
extracting the same article twice gives the same IRIs and re-extraction replaces instead of
duplicating.
"""
from __future__ import annotations

import hashlib
from urllib.parse import quote

from rdflib import URIRef

from ..model import Claim, Document
from .vocab import ZHKGD

DATA = "https://w3id.org/zhkg/id/"


#: the named graph of entity, metric, period and role-name descriptions shared by all articles
ENTITY_GRAPH = ZHKGD["graph/entities"]


def _slug(text: str) -> str:
    return quote(text.replace(" ", "_"), safe="")


def _h(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def mint(kind: str, *parts: object) -> URIRef:
    """``{DATA}{kind}/{slug}``; one readable part is kept readable, several are hashed.

    >>> mint("period", "2020Q4")
    rdflib.term.URIRef('https://w3id.org/zhkg/id/period/2020Q4')
    """
    if len(parts) == 1:
        return URIRef(f"{DATA}{kind}/{_slug(str(parts[0]))}")
    return URIRef(f"{DATA}{kind}/{_h(*parts)}")


def doc_iri(doc_id: str) -> URIRef:
    """The IRI of a document: its id percent-encoded whole, so two ids never share an IRI
    (``sp ace#1`` and ``sp_ace#1`` differ; ``/`` of an id under a folder is encoded too).

    >>> doc_iri("2021/report#1")
    rdflib.term.URIRef('https://w3id.org/zhkg/id/doc/2021%2Freport%231')
    """
    return URIRef(f"{DATA}doc/{quote(doc_id, safe='')}")


def entity_iri(cls: str, label: str) -> URIRef:
    return URIRef(f"{DATA}{cls.lower()}/{_slug(label)}")


def claim_iri(doc_id: str, c: Claim) -> URIRef:
    """One node per fact the prose states, and one per table cell: a figure the prose gives and a
    table repeats (联想出货量为1590万台,同比增长8%; 联想 15.9 … 8.1%) are two claims, each with its own
    evidence and change, not one node with two changes."""
    e = c.evidence
    cell = (e.page, e.table, e.row, e.column) if e is not None and e.table is not None else ()
    return mint("claim", doc_id, c.subject, c.metric, c.period, repr(float(c.value)), c.unit, *cell)


def evidence_iri(doc_id: str, raw_start: int, raw_end: int, cell: tuple | None = None) -> URIRef:
    """One node per sentence span: claims stated in the same sentence share it; a table cell
    (``(page, table, row, column)``) has a node of its own, its span being the cell's row."""
    if cell is not None:
        return mint("evidence", doc_id, raw_start, raw_end, *cell)
    return mint("evidence", doc_id, raw_start, raw_end)


def period_iri(code: str) -> URIRef:
    return mint("period", code)


def run_iri(d: Document) -> URIRef:
    """The extraction of one article: by document id, input hash and tool version."""
    from ..version import __version__

    return mint("run", d.id, d.sha256, __version__)
