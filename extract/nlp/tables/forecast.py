"""Analysts' forecast tables (盈利预测与估值) flattened into text: years marked actual or estimate.

A broker's note ends with a table whose header is a run of years, each marked A (actual) or E
(estimate), the label column's word before them or not, and whose rows are a label stating its
unit in brackets and one figure a year::

    指标 2022A 2023A 2024E 2025E
    营业收入(亿元) 120.5 133.2 150.0 171.3
    同比(%) 8.10 10.54 12.61 14.20
    P/E(现价) 30.2 25.1 21.7 18.6

:func:`find_forecast_tables` finds them (a header line of years, one marked at least, apart by
spaces, bars or slashes: ``预测指标:2023A/2024E/2025E``; then one row a line with as many figures as
years); :func:`read_forecast_table` reads them: a row's bracketed unit gives its unit and scale
(百万元 ×1e6 CNY, (%) a fraction, (倍) or a valuation multiple's label other:倍), else the unit the
label column's header declares (``单位:百万元人民币``); a row with neither is left out, never
guessed; a change row (同比(%), 营收增速) right after the amount row of its measure is the yoy change
of that row's cells, column by column, and with none above it states its changes alone; an
estimate column's metric is a forecast (预测归母净利润), an actual column's the plain metric. The
words are data (``ontology/tables.toml``).
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
    # (a year with no mark among marked ones is an actual: 2022 | 2023E | 2024E)
    year = rf"(?<![A-Za-z0-9])(?:FY)?[ \t\u3000]*(?P<y>(?:19|20)\d{{2}})[ \t\u3000]*年?[ \t\u3000]*(?P<m>(?i:{marks}))?(?![A-Za-z0-9])"
    labels = w.alt("forecast_label_columns")
    # (any short label may head the year columns: 财务摘要, 主要财务数据(百万元))
    label = rf"(?:{labels}|[\u4e00-\u9fff][\u4e00-\u9fff()（）:：/A-Za-z]{{0,11}})"
    # (the years apart by spaces, bars or slashes: 预测指标:2023A/2024E/2025E)
    header = re.compile(rf"^[ \t\u3000|｜]*(?:{label}[ \t\u3000|｜]*)?(?:{year}{_SEP}*){{2,}}$", re.M)
    ratio = re.compile(rf"(?<![A-Za-z])(?:{w.alt('ratio_labels')})(?![A-Za-z])")
    return header, re.compile(year), ratio


_SEP = r"[ \t\u3000|｜/／]"
_SEPS = " \t\u3000|｜/／"
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
        if not any(y.group("m") for y in years) or not re.search(r"[ \t\u3000|｜:：]", text[h.start():years[0].start("y")] or " "):
            continue  # (one year marked at least; a label apart from the first year)
        a, b = h.start() + len(h.group(0)) - len(h.group(0).lstrip()), h.end()
        label = text[a:years[0].start()].strip(_SEPS)
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
    end = len(line.rstrip(_SEPS))
    pos = end
    for _ in range(n):
        m = None
        for m in _NUM.finditer(line[:pos]):
            pass
        if m is None or m.end() != len(line[:pos].rstrip(_SEPS)):
            return None
        if m.start() > 0 and not line[m.start() - 1] in _SEPS + ":：":
            return None
        cells.insert(0, Cell(m.group(0), a + m.start(), a + m.end()))
        pos = m.start()
    label = line[:pos].strip(_SEPS + ":：")
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


def _declared(label: str) -> tuple[str, float] | None:
    """The unit the label column's header declares for the rows (单位:百万元人民币, 主要财务数据(亿元))."""
    m = re.search(r"单位\s*[:：]?\s*(?:人民币)?(?P<u>[^\s,，;；()（）]+?)(?:人民币)?\s*$", label) or _UNIT.search(label)
    hit = m and next(((u, f) for x, u, f in table_words().forecast_units if x == m.group("u")), None)
    return hit if hit and hit[0] == "CNY" else None


def _change_row(metric: str) -> str | None:
    """The measure a change row names (营收增速 -> 营收; 同比(%) -> ""), or ``None`` for no change row."""
    w = table_words()
    if metric in w.change_rows:
        return ""
    word = next((x for x in sorted(w.change_rows, key=len, reverse=True) if len(metric) > len(x) and metric.endswith(x)), None)
    return metric[:-len(word)] if word and re.fullmatch(r"[\u4e00-\u9fffA-Za-z]{2,10}", metric[:-len(word)]) else None


def _same_row(measure: str, metric: str) -> bool:
    """Is a change row's measure (营收增速: 营收) the amount row's (营业收入 or 预测营业收入)?"""
    from .read import _metric_key
    from ..lexicon import load_lexicon

    plain = metric.removeprefix(table_words().forecast_prefix)
    if not measure or measure == plain:
        return True
    lex = load_lexicon()
    key = _metric_key(measure, lex, "CNY")
    return key is not None and key == _metric_key(plain, lex, "CNY")


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
        cols.append((y.group("y"), (y.group("m") or "").upper() in {m.upper() for m in w.estimate_marks}))
    out, left = [], []
    declared = _declared(table.rows[0][0].text)  # (单位:百万元人民币 2023E 2024E: every row's unit)
    above: dict[int, Claim] | None = None  # the claims of the amount row above, by column
    for k in range(1, len(table.rows)):
        row = table.rows[k]
        label = row[0].text
        metric, unit, factor = _unit(label)
        text, a, b, ra, rb = row_text(k)
        change = _change_row(metric)
        if change is not None and unit in (None, "percent"):
            if above and _same_row(change, next(iter(above.values())).metric):
                for j, c in enumerate(row[1:]):
                    v = cell_number(c.text)
                    if v is not None and j in above:
                        above[j].change = Change(kind="yoy", value=round(v[0] / 100, 10), text=c.text)
                above = None
                continue
            if not change:
                left.append(f"{where}, row {k + 1} ({label}): a change row under no amount row")
                continue
            unit, factor = "percent", 0.01  # (归母净利润增速(%) on its own: each a change stated alone)
        above = None
        if unit is None and declared is not None and all(cell_number(c.text) is None or cell_number(c.text)[1] is None for c in row[1:]):
            unit, factor = declared
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
                          value=value, unit=unit, period=period, evidence=ev, surface=c.text, confidence=0.9,
                          change=Change(kind="yoy", value=value, text=c.text) if change else None)
            out.append(claim)
            above[j] = claim
        if unit != "CNY":
            above = None  # a change row follows amounts only
    return TableClaims(out, left)
