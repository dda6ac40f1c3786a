"""Check a graph against ``ontology/shapes.ttl`` with pySHACL.

:func:`validate_graph` takes an rdflib graph and returns a :class:`ValidationReport` (does it
conform, and each violation as focus node, path, message, severity). :func:`validate_files` reads
Turtle, N-Triples, N-Quads, TriG, JSON-LD or RDF/XML files (format from the extension) into one graph
first; a file that cannot be read or parsed raises :class:`extract.errors.InputError` naming it.
Warnings (``sh:Warning``) are reported but do not break conformance.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Iterable, Optional

from rdflib import BNode, Graph, Node, URIRef

from ..errors import DataError
from ..resources import ontology_path
from .vocab import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SCHEMA, SH, SKOS, TIME, UNIT, XSD, ZHKG, ZHKGD

_PREFIXES = {"zhkg": ZHKG._NS, "zhkgd": ZHKGD, "unit": UNIT, "prov": PROV, "skos": SKOS, "time": TIME,
             "org": ORG, "schema": SCHEMA, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL, "dcterms": DCTERMS}
_BY_LENGTH = sorted(((p, str(ns)) for p, ns in _PREFIXES.items()), key=lambda x: -len(x[1]))


@dataclass(frozen=True)
class Violation:
    """One SHACL result: the node at fault, the property path, what is wrong, and how bad."""

    focus: str
    path: str
    message: str
    severity: str = "Violation"  # Violation | Warning | Info
    value: Optional[str] = None
    node: Optional[Node] = field(default=None, repr=False, compare=False)  # the focus node itself

    def __str__(self) -> str:
        return f"{self.focus}  {self.path}  {self.message}"


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)


@cache
def shapes_graph() -> Graph:
    """The SHACL shapes of ``ontology/shapes.ttl``, parsed once; :class:`DataError` naming the
    file when it cannot be read or parsed."""
    path = ontology_path("shapes.ttl")
    try:
        return Graph().parse(path, format="turtle")
    except Exception as e:  # rdflib's parser raises BadSyntax and friends
        raise DataError(f"cannot parse the SHACL shapes: {str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__}",
                        str(path)) from None


def _show(node: Optional[Node]) -> str:
    """A node for a person to read: ``zhkg:metric``, ``zhkgd:claim/1``, ``_:b0``, ``'text'``."""
    if node is None:
        return "-"
    if isinstance(node, URIRef):
        for prefix, ns in _BY_LENGTH:
            if node.startswith(ns) and len(node) > len(ns):
                return f"{prefix}:{node[len(ns):]}"
        return f"<{node}>"
    if isinstance(node, BNode):
        return f"_:{node}"
    return repr(str(node))


def _show_path(path: Optional[Node], results: Graph) -> str:
    if isinstance(path, BNode):  # a complex path: sh:inversePath, a sequence …
        inv = results.value(path, SH.inversePath)
        return "^" + _show(inv) if inv is not None else "(path)"
    return _show(path)


def validate_graph(graph: Graph) -> ValidationReport:
    """Validate ``graph`` against the zhkg shapes (no inference: the data graph alone counts)."""
    from pyshacl import validate

    conforms, results, _ = validate(graph, shacl_graph=shapes_graph(), inference="none", allow_warnings=True)
    out = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        sev = results.value(r, SH.resultSeverity)
        msgs = [str(m) for m in results.objects(r, SH.resultMessage)]
        value = results.value(r, SH.value)
        out.append(Violation(
            focus=_show(results.value(r, SH.focusNode)),
            path=_show_path(results.value(r, SH.resultPath), results),
            message="; ".join(sorted(msgs)) or "does not conform",
            severity=str(sev).rsplit("#", 1)[-1] if sev is not None else "Violation",
            value=None if value is None else _show(value),
            node=results.value(r, SH.focusNode),
        ))
    out.sort(key=lambda v: (v.severity != "Violation", v.focus, v.path, v.message))
    return ValidationReport(conforms=bool(conforms), violations=out)


def read_graph(paths: Iterable[Path | str], fmt: str | None = None) -> Graph:
    """Parse RDF files into one graph (quads of TriG / N-Quads are merged into it), each syntax
    told from its content (or ``fmt``); ``-`` is standard input."""
    from .query import load_graphs

    graph = Graph()
    for s, pr, o, _ in load_graphs(list(paths), fmt).quads((None, None, None, None)):
        graph.add((s, pr, o))
    return graph


def validate_files(paths: Iterable[Path | str], fmt: str | None = None) -> ValidationReport:
    """Read ``paths`` (``-``: standard input; ``fmt`` when the content cannot tell) into one graph
    and validate it."""
    return validate_graph(read_graph(paths, fmt))


def validate(source) -> ValidationReport:
    """SHACL over ``source``: Documents, an rdflib Graph, or graph files (``-``: standard input)."""
    from ..model import Document

    if isinstance(source, Graph):
        return validate_graph(source)
    items = [source] if isinstance(source, (str, Path)) else list(source)
    if items and all(isinstance(d, Document) for d in items):
        from .rdf import to_graph

        return validate_graph(to_graph(items))
    return validate_files(items)


def check_documents(docs: list, strict: bool = False) -> list:
    """SHACL on each article's graph: claims that violate a shape are left out of the Document
    and listed in its ``rejected`` (with the shape's message); with ``strict`` a violation
    raises :class:`ValidationFailed` instead. Violations of entities are listed, not removed."""
    from ..errors import ValidationFailed
    from .iris import claim_iri
    from .rdf import to_graph

    out = []
    for d in docs:
        g = to_graph([d])
        report = validate_graph(g)
        bad = [v for v in report.violations if v.severity == "Violation"]
        if not bad:
            out.append(d)
            continue
        if strict:
            raise ValidationFailed(f"{d.id}: {len(bad)} SHACL violation(s), first: {bad[0]}", d.source)
        owner = {claim_iri(d.id, c): c for c in d.claims}
        for node, claim in list(owner.items()):  # a claim's changes and evidence are its own
            for p in (ZHKG.change, PROV.wasDerivedFrom):
                for o in g.objects(node, p):
                    owner.setdefault(o, claim)
        dropped, notes = set(), []
        for v in bad:
            c = owner.get(v.node)
            if c is not None:
                dropped.add(id(c))
            notes.append(f"SHACL: {v}")
        d = d.model_copy(update={"claims": [c for c in d.claims if id(c) not in dropped],
                                 "rejected": [*d.rejected, *notes]})
        out.append(d)
    return out
