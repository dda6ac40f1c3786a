"""What a reader knew goes into the Documents: title, date, author, site and format of the
input, the page of every PDF claim, and the claims of its tables (:mod:`extract.nlp.tables`), which
replace whatever the sentence stage made of the same rows: a market tracker's table (rows are
companies, :mod:`extract.nlp.tables.market_grid`) by the market reader, any other by the results
reader (rows are metrics of the article's company)."""
from __future__ import annotations

from bisect import bisect_left

from ..inputs.source import Source
from ..model import Document
from ..text.offsets import NormalizedText
from .lexicon import load_lexicon
from .tables import find_scale, read_table
from .tables.market_grid import entity_names, market_grid, read_market_grid


def apply_source(docs: list[Document], norm: NormalizedText, src: Source) -> list[Document]:
    """``docs`` (one per article of ``norm``, the normalized ``src.text``) completed from ``src``."""
    if src.format == "text":
        return docs
    out = []
    for doc, art in zip(docs, norm.articles):
        upd: dict = {"media_type": src.media_type, "author": src.author, "site": src.site}
        if src.title and len(norm.articles) == 1:
            upd["title"] = src.title
        if src.published:
            upd["published"] = src.published
        # a scale statement ((人民币百万元,百分比除外)) says how to read the tables, it is no claim
        claims = [c for c in doc.claims if any(ch.isdigit() for ch in c.surface or "1")
                  or find_scale(c.evidence.text) is None]
        rejected = list(doc.rejected)
        if src.tables:
            spans = [(t.start, t.end) for t in src.tables]
            # the rows of a table are read as a table, not as sentences
            claims = [c for c in claims if not any(a < c.evidence.raw_end and c.evidence.raw_start < b
                                                   for a, b in spans)]
            got, left = _table_claims(doc, art, norm, src)
            claims = claims + got
            rejected += left
        if src.pages:
            claims = [c if c.evidence.page else
                      c.model_copy(update={"evidence": c.evidence.model_copy(
                          update={"page": src.page_at(c.evidence.raw_start)})}) for c in claims]
        upd.update(claims=claims, rejected=rejected)
        out.append(doc.model_copy(update=upd))
    return out


def _table_claims(doc: Document, art, norm: NormalizedText, src: Source):
    lo, hi = art.offset, art.offset + len(art.text)
    subject = next((e for e in doc.entities if e.label == doc.topic), None) if doc.topic else None
    lex = load_lexicon()

    def local(ra: int, rb: int) -> tuple[int, int]:
        """Article offsets of the raw (extracted text) span ``[ra, rb)``."""
        a = bisect_left(norm.starts, ra)
        b = bisect_left(norm.starts, rb)
        return a - art.offset, b - art.offset

    def cell_text(c) -> str:
        a, b = local(c.start, c.end)
        return art.text[a:b]

    claims, left = [], []
    for t in src.tables:
        a0, _ = local(t.start, t.end)
        if not (lo <= a0 + art.offset < hi):
            continue  # a table of another part of a very long PDF

        def row_text(k: int, t=t):
            ra, rb = t.row_spans[k]
            a, b = local(ra, rb)
            return art.text[a:b], a, b, ra, rb

        grid = market_grid([[cell_text(c) if c is not None else "" for c in r] for r in t.rows])
        if grid is not None:  # rows are companies (厂商 出货量 市场份额): a market tracker's table
            line = art.text[:a0].rstrip().rsplit("\n", 1)[-1].strip()
            res = read_market_grid(t, grid, cell_text, row_text, line, subject, lex,
                                   names=entity_names(doc.entities))
        else:
            res = read_table(t, cell_text, row_text, find_scale(art.text[:a0]), subject, lex)
        claims += res.claims
        left += res.left_out
    return claims, left
