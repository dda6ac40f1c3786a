"""Stage ``zhkg_tables``: the tables flattened into an article's text -> claims, one a cell.

Runs after the entities and before the sentence claims: it finds the tables
(:func:`extract.nlp.tables.find_tables`), reads each with :func:`extract.nlp.tables.read_table`
and leaves on the Doc

- ``doc._.tables``: the :class:`extract.nlp.tables.TextTable` found (their spans tell the
  sentence stage which numbers are table cells, not sentence claims);
- ``doc._.table_claims``: the claims of their cells, with raw offsets;
- ``doc._.table_left_out``: rows left out (cells run together that no unique cut splits).

The subject of a table's claims is the document frame's reporting entity (:mod:`extract.nlp.frame`),
else the company most mentioned before the table (:func:`table_subject`).
"""
from __future__ import annotations

from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon import load_lexicon
from ..tables import find_tables
from ..tables import CURRENCY_WORDS, find_magnitude_scale, find_scale, read_table
from ..tables.forecast import read_forecast_table
from ..tables.indicators import read_indicator_table
from ..tables.market import read_market_table

for _name in ("tables", "table_claims", "table_left_out"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

_RANK = {"Company": 0, "Platform": 1, "Organization": 2}


def table_subject(mentions, start: int, topic=None):
    """The entity a table at ``start`` reports on: the company most mentioned before it (on a
    tie a company before a platform before an organization, one the lexicon knows before one a
    model found, then the one named last), else the article's ``topic``."""
    before = [m for m in mentions if m.end <= start and m.cls in _RANK]
    if not before:
        return topic
    count: dict[tuple[str, str], list] = {}
    for m in before:
        count.setdefault((m.cls, m.label), []).append(m)
    best = min(count.values(), key=lambda ms: (-len(ms), _RANK[ms[0].cls], ms[0].source != "lexicon", -ms[-1].start))
    return best[-1]


def _subject(doc: Doc, before, start: int):
    """The subject of a table's claims: the document frame's reporting entity, unless only a
    model found it and :func:`table_subject` gives a company (or platform) the lexicon knows;
    an exchange or a news agency named before the table (纳斯达克, 香港交易所 where a release
    gives its listings) reports no results."""
    frame = doc._.frame
    mine = table_subject(before, start, doc._.topic)
    chosen = frame.entity if frame is not None and frame.entity is not None else None
    if chosen is None or (mine is not None and mine.source == "lexicon" and chosen.source != "lexicon"
                          and mine.cls in ("Company", "Platform")):
        return mine
    return chosen


def table_currency(text: str) -> str | None:
    """The currency a text before a table declares its figures in (以人民币列示, RMB), for a
    scale that names none (以百万计)."""
    from collections import Counter

    counts = Counter(c for w, c in CURRENCY_WORDS for _ in range(text.count(w)))
    return counts.most_common(1)[0][0] if counts else None


@Language.factory("zhkg_tables", requires=["doc._.article", "doc._.mentions", "doc._.frame"],
                  assigns=["doc._.tables", "doc._.table_claims", "doc._.table_left_out"])
def make_tables(nlp: Language, name: str):
    lex = load_lexicon()

    def tables(doc: Doc) -> Doc:
        art = doc._.article
        found = find_tables(art.text, doc._.frame.period if doc._.frame is not None else None)
        claims, left = [], []
        mentions = sorted(doc._.mentions or [], key=lambda m: m.start)
        starts = [m.start for m in mentions]
        for t in found:
            subject = _subject(doc, mentions[:bisect_left(starts, t.start)], t.start)

            def row_text(k: int, t=t):
                a, b = t.table.row_spans[k]
                ra, rb = art.raw_span(a, b)
                return art.text[a:b], a, b, ra, rb

            if t.kind == "forecast":
                res = read_forecast_table(t, row_text, subject, lex, where=f"table {t.table.index} of the text")
                claims += res.claims
                left += res.left_out
                continue
            if t.kind == "indicator":
                frame = doc._.frame
                res = read_indicator_table(t, row_text, subject, lex, where=f"table {t.table.index} of the text",
                                           period=frame.period if frame is not None else None)
                claims += res.claims
                left += res.left_out
                continue
            if t.kind == "market":
                res = read_market_table(t.table, lambda c: c.text, row_text, t.caption, subject, lex,
                                        names=lambda c: _named(mentions, c), where=f"table {t.table.index} of the text",
                                        year=doc._.year)
                claims += res.claims
                left += res.left_out + t.left_out
                continue
            before = art.text[max(0, t.start - 300):t.start]
            res = read_table(t.table, lambda c: c.text, row_text, find_scale(before), subject, lex,
                             currency=table_currency(art.text[:t.start])
                             or table_currency(art.text[:t.start] + art.text[t.end:]),
                             where=f"table {t.table.index} of the text",
                             magnitude_before=find_magnitude_scale(before))
            claims += res.claims
            left += res.left_out + t.left_out
        doc._.tables = found
        doc._.table_claims = claims
        doc._.table_left_out = left
        return doc

    return tables


def _named(mentions, cell) -> tuple[str, str] | None:
    """The entity the entities stage found for a market table's row label: one mention that
    covers the label's words and no more."""
    got = [m for m in mentions if m.start <= cell.end and cell.start <= m.start and m.end >= cell.end - 1
           and m.cls in ("Company", "Organization", "Platform") and m.surface == cell.text]
    return (got[0].label, got[0].cls) if len(got) == 1 else None


def in_table(doc: Doc, start: int, end: int) -> bool:
    """Does the article span ``[start, end)`` fall in a table the text reader read?"""
    return any(t.start <= start and end <= t.end for t in doc._.tables or ())
