"""Market tables among the tables a reader kept as tables: HTML ``<table>`` elements
(:mod:`extract.inputs.html_tables`) and ruled PDF tables (:mod:`extract.inputs.pdf`).

Those readers give a grid of cells, which :mod:`extract.nlp.sources` would read as a results
table (rows are metrics of one company); a market tracker's table is the other way round (rows
are companies), and read as one its rows' labels would become metrics of the article's company.
:func:`market_grid` tells the shape by the header row: its first cell the label column's word
(厂商, 品牌: ``label_columns`` of ``ontology/tables.toml``, after a rank column's word 排名), and
every other cell a metric word (出货量, 市场份额), a change word (同比增长), a rank or a period,
at least one a metric. The rows above it are the caption (an HTML ``<caption>``) and a line of
periods over the metrics (a ``colspan`` header); the rows below are read by
:func:`extract.nlp.tables.market.read_market_table`, with the evidence (page, table, row, column,
raw offsets) of the grid as the reader laid it out.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...inputs.source import Table
from .cells import cell_number
from .market import _metric, _period, measure_scale, read_market_table
from .market_text import _metric_labels
from .read import TableClaims, _label
from .words import table_words

_HEAD_ROWS = 4  # a caption, a line of periods, the header: no market table opens lower


@dataclass
class MarketGrid:
    """Where a grid's market table is: its header row, the columns left out before the label
    column (a rank), the caption (rows above the header) and each column's period from above."""

    header: int
    skip: int
    caption: str
    periods: dict[int, str]


def market_grid(rows: list[list[str]]) -> MarketGrid | None:
    """The market shape of a grid of cell texts, else ``None`` (a results table)."""
    w = table_words()
    for k, row in enumerate(rows[:_HEAD_ROWS]):
        skip = 1 if len(row) > 2 and _label(row[0]) in w.rank_columns else 0
        if len(row) > skip + 1 and _label(row[skip]) in w.label_columns and _columns_ok(row[skip + 1:]):
            labels = [_label(r[skip]) for r in rows[k + 1:] if len(r) > skip and r[skip]]
            if not labels or _metric_labels(labels):
                return None  # 公司 over rows of 营收, 净利润: a company's results
            return MarketGrid(k, skip, *_above(rows[:k], skip))
        if any(cell_number(x) and not _period(x) for x in row[1:]):
            return None  # a row of figures before any market header
    return None


def _columns_ok(cells: list[str]) -> bool:
    """Are the header's columns those of a market table: metrics, changes, ranks, periods?"""
    w = table_words()
    cells = [x for x in cells if x]
    kinds = [("m" if _metric(x) and not w.change_kind(x) else "c" if w.change_kind(x)
              else "r" if x in w.rank_columns else "p" if _period(x) else None) for x in cells]
    return "m" in kinds and None not in kinds


def _above(rows: list[list[str]], skip: int) -> tuple[str, dict[int, str]]:
    """The caption (rows above the header that are no line of periods) and the periods a line
    above the header gives its columns (the label cell empty, the other cells periods)."""
    caption, periods = [], {}
    for row in rows:
        cells = row[skip + 1:]
        if not row[skip] and cells and all(_period(x) for x in cells if x) and any(cells):
            periods.update({j + skip + 1: x for j, x in enumerate(cells) if x})
        else:
            caption.append(" ".join(x for x in row if x))
    return " ".join(caption), periods


def read_market_grid(table: Table, grid: MarketGrid, cell_text, row_text, before: str, subject, lex,
                     names=None, where: str | None = None) -> TableClaims:
    """Claims of the market table of ``table`` (``grid`` its shape): ``before`` is the line
    before the table, its caption when the grid has none, its scale when the grid's caption
    states none (单位：百万台 in a paragraph above an HTML table); ``cell_text`` and ``row_text``
    as for :func:`extract.nlp.tables.read_table`, on the rows of ``table``."""
    h, skip = grid.header, grid.skip
    sub = Table(page=table.page, index=table.index, rows=[r[skip:] for r in table.rows[h:]],
                row_spans=table.row_spans[h:], start=table.start, end=table.end)
    over = {id(c): f"{grid.periods[j]} {cell_text(c)}" for j, c in enumerate(table.rows[h])
            if c is not None and j in grid.periods and not _period(cell_text(c))}
    caption = grid.caption or before
    if before and measure_scale(caption) is None and measure_scale(before) is not None:
        caption = f"{caption} {before}"
    res = read_market_table(sub, lambda c: over.get(id(c)) or cell_text(c), lambda k: row_text(k + h),
                            caption, subject, lex, names=names,
                            where=where or f"table {table.index} on page {table.page}")
    claims = [c.model_copy(update={"evidence": c.evidence.model_copy(
        update={"row": c.evidence.row + h, "column": c.evidence.column + skip})}) for c in res.claims]
    return TableClaims(claims, res.left_out)


def entity_names(entities):
    """``names(cell)`` for :func:`read_market_grid` from a document's entities: the entity whose
    label or alias is the row label (the entities stage knew the brand), as ``(label, class)``; a
    person or a place of that name is a misreading of a brand, as in the text path."""
    by = {}
    for e in (e for e in entities if e.cls in ("Company", "Organization", "Platform")):
        for s in (e.label, *e.aliases):
            by.setdefault(s, (e.label, e.cls))

    def names(cell):
        return by.get(_label(cell.text)) if cell is not None else None

    return names
