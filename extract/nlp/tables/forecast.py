"""Analysts' forecast tables (盈利预测与估值) flattened into text: years marked actual or estimate.

A broker's note ends with a table whose header is a run of years, each marked A (actual) or E
(estimate), the label column's word before them or not, and whose rows are a label stating its
unit in brackets and one figure a year::

    指标 2022A 2023A 2024E 2025E
    营业收入(亿元) 120.5 133.2 150.0 171.3
    同比(%) 8.10 10.54 12.61 14.20
    P/E(现价) 30.2 25.1 21.7 18.6

:func:`find_forecast_tables` finds them (a header line of marked years, then one row a line with
as many figures as years); :func:`read_forecast_table` reads them: a row's bracketed unit gives
its unit and scale (百万元 ×1e6 CNY, (%) a fraction, (倍) or a valuation multiple's label other:倍);
a row without a unit or a multiple's label is left out, never guessed; a change row (同比(%))
right after an amount row is the yoy change of that row's cells, column by column; an estimate
column's metric is a forecast (预测归母净利润), an actual column's the plain metric. The words
are data (``ontology/tables.toml``).
"""
from __future__ import annotations

import re
from functools import cache

from ...inputs.source import Cell, Table
from ...model import Change, Claim, Evidence
from .cells import cell_number
from .words import table_words


@cache
def _rx() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    w = table_words()
    marks = "|".join(re.escape(m) for m in sorted({*w.actual_marks, *w.estimate_marks}, key=len, reverse=True))
    year = rf"(?<![A-Za-z0-9])(?:FY)?\s*(?P<y>(?:19|20)\d{{2}})\s*年?\s*(?P<m>(?i:{marks}))(?![A-Za-z0-9])"
    labels = w.alt("forecast_label_columns")
    # (any short label may head the year columns: 财务摘要, 主要财务数据(百万元))
    label = rf"(?:{labels}|[\u4e00-\u9fff][\u4e00-\u9fff()（）:：/A-Za-z]{{0,11}})"
    header = re.compile(rf"^[ \t\u3000|｜]*(?:{label}[ \t\u3000|｜]+)?(?:{year}[ \t\u3000|｜]*){{2,}}$", re.M)
    ratio = re.compile(rf"(?<![A-Za-z])(?:{w.alt('ratio_labels')})(?![A-Za-z])")
    return header, re.compile(year), ratio


_NUM = re.compile(r"[(（]?-?\d[\d,]*(?:\.\d+)?%?[)）]?|[-—–－]+|N/?A|NM")
_UNIT = re.compile(r"[(（]\s*(?P<u>[^()（）]{1,20}?)\s*[)）]\s*$")


def find_forecast_tables(text: str, first_index: int = 1) -> list:
    """The forecast tables of ``text`` (normalized article text), in order, as
    :class:`extract.nlp.tables.text.TextTable` of kind ``forecast``."""
    from .text import TextTable

    header_rx, year_rx, _ = _rx()
    out = []
    for h in header_rx.finditer(text):
        years = list(year_rx.finditer(text, h.start(), h.end()))
        a, b = h.start() + len(h.group(0)) - len(h.group(0).lstrip()), h.end()
        label = text[a:years[0].start()].strip(" \t\u3000|｜")
        table = Table(page=None, index=first_index + len(out), rows=[], start=a, end=b)
        table.rows.append([Cell(label, a, a + len(label))] + [Cell(y.group(0).strip(), y.start(), y.end()) for y in years])
        table.row_spans.append((a, b))
        pos = b + 1
        while pos < len(text):
            nl = text.find("\n", pos)
            line_end = len(text) if nl < 0 else nl
            row = _row(text, pos, line_end, len(years))
            if row is None:
                if text[pos:line_end].strip():
                    break
            else:
                table.rows.append(row[0])
                table.row_spans.append(row[1])
                b = row[1][1]
            pos = line_end + 1
        if len(table.rows) >= 2:
            table.end = b
            out.append(TextTable(table, a, b, [], [], kind="forecast"))
    return out


def _row(text: str, a: int, b: int, n: int):
    """A row's cells (label, then ``n`` figures) on the line ``[a, b)``, or ``None``."""
    line = text[a:b]
    cells = []
    end = len(line.rstrip(" \t\u3000|｜"))
    pos = end
    for _ in range(n):
        m = None
        for m in _NUM.finditer(line[:pos]):
            pass
        if m is None or m.end() != len(line[:pos].rstrip(" \t\u3000|｜")):
            return None
        if m.start() > 0 and not line[m.start() - 1] in " \t\u3000|｜":
            return None
        cells.insert(0, Cell(m.group(0), a + m.start(), a + m.end()))
        pos = m.start()
    label = line[:pos].strip(" \t\u3000|｜")
    if not label or re.search(r"[。；;！？，,]", label):
        return None
    la = a + line.index(label)
    return [Cell(label, la, la + len(label)), *cells], (a + len(line) - len(line.lstrip()), a + end)


def _unit(label: str) -> tuple[str, str | None, float]:
    """A row's metric (its label without the bracket and a basis after a dash: ``EPS-最新摊薄(元/股)``
    is EPS), its unit and factor (``None`` when it states none)."""
    w = table_words()
    m = _UNIT.search(label)
    name = label[:m.start()].strip() if m else label.strip()
    unit, factor = None, 1.0
    if m:
        word = m.group("u")
        hit = next(((u, f) for x, u, f in w.forecast_units if x == word), None)
        if hit:
            unit, factor = hit
    metric = re.split(r"\s*[-—–]\s*(?=[\u4e00-\u9fff])", name)[0] or name
    if _rx()[2].search(name):
        unit, factor = "other:倍", 1.0
    return metric, unit, factor


def read_forecast_table(t, row_text, subject, lex, where: str):
    """Claims of a forecast table ``t`` (:func:`find_forecast_tables`); ``row_text`` and ``subject``
    as for :func:`extract.nlp.tables.read_table`."""
    from .read import _CLASSES, TableClaims, _metric_key

    w = table_words()
    _, year_rx, _ = _rx()
    table = t.table
    header = table.rows[0][1:]
    cols = []
    for c in header:
        y = year_rx.search(c.text)
        cols.append((y.group("y"), y.group("m").upper() in {m.upper() for m in w.estimate_marks}))
    out, left = [], []
    above: dict[int, Claim] | None = None  # the claims of the amount row above, by column
    for k in range(1, len(table.rows)):
        row = table.rows[k]
        label = row[0].text
        metric, unit, factor = _unit(label)
        text, a, b, ra, rb = row_text(k)
        if metric in w.change_rows and unit in (None, "percent"):
            if not above:
                left.append(f"{where}, row {k + 1} ({label}): a change row under no amount row")
                continue
            for j, c in enumerate(row[1:]):
                v = cell_number(c.text)
                if v is not None and j in above:
                    above[j].change = Change(kind="yoy", value=round(v[0] / 100, 10), text=c.text)
            above = None
            continue
        above = None
        if unit is None:
            left.append(f"{where}, row {k + 1} ({label}): no unit in the label, nor a valuation multiple's")
            continue
        above = {}
        for j, c in enumerate(row[1:]):
            v = cell_number(c.text)
            if v is None:
                continue
            period, estimate = cols[j]
            value = round(v[0] * factor, 10 if unit == "percent" else 6)
            ev = Evidence(text=f"{text}【{header[j].text}】", start=a, end=b, raw_start=ra, raw_end=rb,
                          page=table.page, table=table.index, row=k + 1, column=j + 2)
            claim = Claim(subject=subject.label if subject else "未知",
                          subject_cls=subject.cls if subject and subject.cls in _CLASSES else None,
                          subject_text=subject.label if subject else None,
                          metric=w.forecast_prefix + metric if estimate else metric,
                          metric_key=None if estimate else _metric_key(metric, lex, unit),
                          value=value, unit=unit, period=period, evidence=ev, surface=c.text, confidence=0.9)
            out.append(claim)
            above[j] = claim
        if unit != "CNY":
            above = None  # a change row follows amounts only
    return TableClaims(out, left)
