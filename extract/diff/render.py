"""A :class:`~extract.diff.DiffResult` as text, chosen by name: ``table`` (rich, grouped by subject,
both evidence sentences side by side for each conflict), ``json``, ``ttl`` (each conflict as a
``zhkg:Conflict`` with ``zhkg:conflictClaim`` the two claim IRIs of the extraction graphs and
``zhkg:reason``).
"""
from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Optional

from ..errors import OutputError
from .align import DiffResult, Pair, SourcedClaim, format_value

Formatter = Callable[[DiffResult, str, str], str]
_FORMATS: dict[str, Formatter] = {}


def register(name: str) -> Callable[[Formatter], Formatter]:
    def deco(fn: Formatter) -> Formatter:
        _FORMATS[name] = fn
        return fn

    return deco


def names() -> list[str]:
    return sorted(_FORMATS)


def render(res: DiffResult, fmt: str = "table", a: str = "A", b: str = "B") -> str:
    """``res`` in the format ``fmt`` (``table``, ``json``, ``ttl``); ``a``/``b`` name the two reports."""
    try:
        fn = _FORMATS[fmt]
    except KeyError:
        raise OutputError(f"unknown diff format {fmt!r}; choose one of {', '.join(names())}") from None
    return fn(res, a, b)


def _fig(s: Optional[SourcedClaim]) -> str:
    if s is None:
        return ""
    c = s.claim
    fig = c.surface or format_value(c.value, c.unit)
    if c.qualifier and c.qualifier not in fig:
        fig = f"{c.qualifier}{fig}"
    return fig


_MARK = {"same": "=", "conflicting": "≠", "related": "~", "only_a": "A only", "only_b": "B only"}
_STYLE = {"same": "green", "conflicting": "bold red", "related": "yellow", "only_a": "cyan", "only_b": "magenta"}


@register("table")
def _table(res: DiffResult, a: str, b: str, width: int = 120, color: bool = False) -> str:
    from rich.console import Console, Group
    from rich.table import Table
    from rich.text import Text

    buf = io.StringIO()
    con = Console(file=buf, width=width, highlight=False, force_terminal=color, color_system="standard" if color else None)
    subjects: dict[str, list[Pair]] = {}
    for p in res.pairs:
        subjects.setdefault(p.subject, []).append(p)
    order = {"conflicting": 0, "same": 1, "related": 2, "only_a": 3, "only_b": 4}
    for subject in sorted(subjects, key=lambda s: (min(order[p.category] for p in subjects[s]), s)):
        t = Table(title=subject, title_justify="left", show_edge=False, expand=False)
        from rich.cells import cell_len

        figures = [_fig(p.a) for p in subjects[subject]] + [_fig(p.b) for p in subjects[subject]]
        for col in ("", "metric", f"period {a}", a, f"period {b}", b, "note"):
            if col in (a, b, f"period {a}", f"period {b}"):  # figures and periods never wrap
                t.add_column(col, no_wrap=True, min_width=max([cell_len(col), *map(cell_len, figures)]) if col in (a, b) else None)
            else:
                t.add_column(col, overflow="fold")
        for p in sorted(subjects[subject], key=lambda p: (order[p.category], p.metric)):
            ca, cb = (p.a.claim if p.a else None), (p.b.claim if p.b else None)
            t.add_row(Text(_MARK[p.category], style=_STYLE[p.category]), p.metric,
                      (ca.period or "-") if ca else "", _fig(p.a), (cb.period or "-") if cb else "", _fig(p.b),
                      p.reason if p.category in ("conflicting", "related") else "")
        con.print(t)
        for p in subjects[subject]:
            if p.category != "conflicting":
                continue
            ev = Table(show_edge=False, show_header=True, expand=True, title=f"≠ {p.metric}: {p.reason}",
                       title_justify="left", title_style="red")
            ev.add_column(f"{a} ({p.a.doc})", ratio=1, overflow="fold")
            ev.add_column(f"{b} ({p.b.doc})", ratio=1, overflow="fold")
            ev.add_row(p.a.claim.evidence.text, p.b.claim.evidence.text)
            con.print(ev)
        con.print()
    if res.warnings:
        con.print(Group(*(Text(f"warning: {w.subject} {w.metric}: {w.message}", style="yellow") for w in res.warnings)))
    n = res.counts()
    con.print(f"{n['conflicting']} conflicting, {n['same']} same, {n['related']} related, "
              f"{n['only_a']} only in {a}, {n['only_b']} only in {b}, {len(res.warnings)} warning(s)")
    return buf.getvalue()


def _claim_json(s: Optional[SourcedClaim]) -> Optional[dict]:
    if s is None:
        return None
    c = s.claim
    ch = [x.model_dump(exclude_none=True) for x in c.changes()]
    return {"doc": s.doc, "iri": s.iri, "subject": c.subject, "subject_text": c.subject_text, "metric": c.metric,
            "metric_key": c.metric_key, "value": c.value, "unit": c.unit, "period": c.period,
            "qualifier": c.qualifier, "surface": c.surface, "upper": c.upper,
            "change": (ch[0] if len(ch) == 1 else ch) if ch else None, "evidence": c.evidence.text}


@register("json")
def _json(res: DiffResult, a: str, b: str) -> str:
    body = {"a": a, "b": b, "counts": res.counts(),
            "pairs": [{"category": p.category, "subject": p.subject, "metric": p.metric, "reason": p.reason,
                       "a": _claim_json(p.a), "b": _claim_json(p.b)} for p in res.pairs],
            "warnings": [{"subject": w.subject, "metric": w.metric, "message": w.message} for w in res.warnings]}
    return json.dumps(body, ensure_ascii=False, indent=1) + "\n"


def to_graph(res: DiffResult):
    """The conflicts as triples: a ``zhkg:Conflict`` (IRI minted from the two claim IRIs) with two
    ``zhkg:conflictClaim`` and a ``zhkg:reason``; each claim typed ``zhkg:Claim`` so the graph
    validates on its own (ontology/shapes.ttl) and merges with the extraction graphs."""
    from rdflib import Graph, Literal, URIRef

    from ..graph.iris import mint
    from ..graph.terms import bind_prefixes
    from ..graph.vocab import RDF, ZHKG

    g = bind_prefixes(Graph())
    for p in res.conflicting:
        ia, ib = URIRef(p.a.iri), URIRef(p.b.iri)
        node = mint("conflict", *sorted((str(ia), str(ib))))
        g.add((node, RDF.type, ZHKG.Conflict))
        for i in (ia, ib):
            g.add((node, ZHKG.conflictClaim, i))
            g.add((i, RDF.type, ZHKG.Claim))
        g.add((node, ZHKG.reason, Literal(f"{p.subject} {p.metric}: {p.reason}")))
    return g


@register("ttl")
def _ttl(res: DiffResult, a: str, b: str) -> str:
    return to_graph(res).serialize(format="turtle")


__all__ = ["render", "names", "register", "to_graph"]
