"""Where an article's text is marked, and how: the names found in it, where each claim's number
stands, the raw text of the source file mapped through the offset map (:mod:`extract.text.offsets`),
and the marks rendered as nested HTML elements.

spaCy's displaCy span renderer was the model, but not reused: it wraps every token in an
inline-block element with inline styles (heavy for a whole article) and has no hook for a
claim's details, so the marks are written here, in displaCy's colours and manner.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path

from ..model import Claim, Document
from ..nlp.names import name_pattern


@dataclass(frozen=True)
class Mention:
    """A name found in the article text (what :func:`extract.nlp.components.topic.cooccurrence_graph` reads)."""

    start: int
    end: int
    cls: str
    label: str


@dataclass(frozen=True)
class Mark:
    """A span of text to mark: ``kind`` is ``moji``, ``claim`` or ``ent`` (outermost first)."""

    start: int
    end: int
    kind: str
    attrs: str  # escaped HTML attributes


_KIND_ORDER = {"moji": 0, "claim": 1, "ent": 2}


def find_mentions(doc: Document) -> list[Mention]:
    """Every occurrence of an entity's label or alias in ``doc.text`` (longest match first, no
    overlaps, none inside mojibake).

    >>> from extract.model import Entity
    >>> d = Document(id="a#1", source="-", sha256="0", text="快手和快手科技", entities=[
    ...     Entity(cls="Platform", label="快手"), Entity(cls="Company", label="快手科技")])
    >>> [(m.start, m.end, m.label) for m in find_mentions(d)]
    [(0, 2, '快手'), (3, 7, '快手科技')]
    """
    table: dict[str, tuple[str, str]] = {}
    for e in sorted(doc.entities, key=lambda e: e.cls == "Metric"):  # names win over metrics
        for s in (e.label, *e.aliases):
            if s and s.strip():
                table.setdefault(s, (e.cls, e.label))
    if not table:
        return []
    rx = name_pattern(table, flags=0)
    out = []
    for m in rx.finditer(doc.text):
        a, b = m.span()
        if any(x < b and a < y for x, y in doc.mojibake):
            continue
        cls, label = table[m.group(0)]
        out.append(Mention(a, b, cls, label))
    return out


def claim_span(c: Claim, taken: set[tuple[int, int]] = frozenset()) -> tuple[int, int]:
    """Where the claim's number stands in the article: its ``surface`` inside the evidence
    sentence (the first occurrence not in ``taken``), else the whole sentence."""
    ev = c.evidence
    if c.surface:
        i = ev.text.find(c.surface)
        while i >= 0:
            span = (ev.start + i, ev.start + i + len(c.surface))
            if span not in taken:
                return span
            i = ev.text.find(c.surface, i + 1)
    return ev.start, ev.end


@dataclass(frozen=True)
class RawView:
    """An article's slice of the raw file: ``text`` starts at raw offset ``offset``; ``span(a, b)``
    maps a normalized article span to offsets in ``text``."""

    text: str
    offset: int
    art: object

    def span(self, a: int, b: int) -> tuple[int, int]:
        ra, rb = self.art.raw_span(a, b)
        return ra - self.offset, rb - self.offset


@lru_cache(maxsize=32)
def _normalized(source: str, sha: str):
    from ..text.normalize import normalize_file

    p = Path(source)
    try:
        data = p.read_bytes()
    except OSError:
        return None
    if hashlib.sha256(data).hexdigest() != sha:
        return None  # the file changed since extraction: its offsets would lie
    return normalize_file(p)


def raw_view(doc: Document) -> RawView | None:
    """The raw text of ``doc`` from its source file, or None when the file is gone or changed."""
    norm = _normalized(doc.source, doc.sha256)
    art = next((a for a in norm.articles if a.id == doc.id), None) if norm else None
    if art is None or art.text != doc.text or not doc.text:
        return None
    start = art.raw_span(0, 1)[0]
    end = art.raw_span(len(doc.text) - 1, len(doc.text))[1]
    return RawView(norm.raw[start:end], start, art)


def render_marked(text: str, marks: list[Mark]) -> str:
    """``text`` escaped, each mark's span wrapped in its element; overlapping marks nest by kind
    (mojibake, claim, entity), a mark crossing another is cut in pieces.

    >>> render_marked("ab<c", [Mark(1, 3, "ent", 'class="ent"')])
    'a<mark class="ent">b&lt;</mark>c'
    """
    n = len(text)
    marks = [m for m in marks if 0 <= m.start < m.end <= n]
    bounds = sorted({0, n, *(m.start for m in marks), *(m.end for m in marks)})
    out = []
    for p, q in zip(bounds, bounds[1:]):
        piece = escape(text[p:q], quote=False)
        active = sorted((m for m in marks if m.start <= p and q <= m.end),
                        key=lambda m: (_KIND_ORDER[m.kind], m.start))
        for m in reversed(active):
            tag = "mark" if m.kind == "ent" else "span"
            piece = f"<{tag} {m.attrs}>{piece}</{tag}>"
        out.append(piece)
    return "".join(out)


def article_marks(doc: Document, di: int, mentions: list[Mention], spans: list[tuple[int, int]],
                  to=lambda a, b: (a, b)) -> list[Mark]:
    """The marks of article ``di``: mojibake, claims (at ``spans``) and entity mentions, with
    offsets mapped by ``to`` (identity for the normalized text, the raw map for the raw text)."""
    marks = []
    for a, b in doc.mojibake:
        x, y = to(a, b)
        marks.append(Mark(x, y, "moji", 'class="moji" title="mojibake: mis-decoded bytes, skipped by extraction"'))
    for ci, (a, b) in enumerate(spans):
        x, y = to(a, b)
        marks.append(Mark(x, y, "claim", f'class="claim" data-claim="d{di}c{ci}" data-start="{x}" data-end="{y}" tabindex="0"'))
    for m in mentions:
        x, y = to(m.start, m.end)
        marks.append(Mark(x, y, "ent", f'class="ent {m.cls}" title="{escape(m.cls)}: {escape(m.label)}"'))
    return marks
