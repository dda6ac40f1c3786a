"""Models -> RDF. IRIs are minted here and nowhere else.

IRIs are stable and deterministic: a document by its id (file stem and article number), an entity
by class and canonical label, a claim by document + subject + metric + period + value, so
extracting the same article twice gives the same IRIs and re-extraction replaces instead of
duplicating.
"""
from __future__ import annotations

import hashlib
from urllib.parse import quote

from rdflib import URIRef

from .model import Claim

DATA = "https://w3id.org/zhkg/id/"


def _slug(text: str) -> str:
    return quote(text.replace(" ", "_"), safe="")


def _h(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def mint(kind: str, *parts: object) -> URIRef:
    """``{DATA}{kind}/{slug}``; one readable part is kept readable, several are hashed."""
    if len(parts) == 1:
        return URIRef(f"{DATA}{kind}/{_slug(str(parts[0]))}")
    return URIRef(f"{DATA}{kind}/{_h(*parts)}")


def doc_iri(doc_id: str) -> URIRef:
    return mint("doc", doc_id)


def entity_iri(cls: str, label: str) -> URIRef:
    return URIRef(f"{DATA}{cls.lower()}/{_slug(label)}")


def claim_iri(doc_id: str, c: Claim) -> URIRef:
    return mint("claim", doc_id, c.subject, c.metric, c.period, repr(float(c.value)), c.unit)
