"""Statistics bulletins' indicator tables flattened into text: rows are indicators, columns a
level with its unit in brackets and its change.

A statistics bureau's or a survey team's release (统计公报, 居民收支主要数据) lists its indicators in
a table whose header names the label column, then columns each stating its unit in brackets: a
level (绝对数(元), 总量(亿元), or a bare (万人)) or its change (比上年增长(%), 比上年增减(百分点))::

    指标	绝对数(元)	比上年增长(%)
    全体居民人均可支配收入	63830	5.0
      其中:工资性收入	36150	5.3

one row a line (cells apart by tabs, spaces or bars), or one cell a line. :func:`find_indicator_tables`
finds them; :func:`read_indicator_table` reads them: a level cell is read with its column's unit
as prose would read it (63830元, 1200万吨), a change cell is the change of the row's level (a
percentage relative, 百分点 absolute), of the kind its header names (比上年: yoy); the period is
the one the caption above names (表1 2023年全省居民人均收支主要数据), else the one given (the
frame's). A row whose cells do not fill the columns ends the table. The words are data
(``ontology/tables.toml``).
"""
from __future__ import annotations

import re
from functools import cache

from ...inputs.source import Cell, Table
from ...model import Change, Claim, Evidence
from .words import table_words

_NUM = r"[-－−]?\d[\d,]*(?:\.\d+)?|[—–－-]{1,2}"
_CELL_SEP = r"[ \t\u3000]+"
#: a level column named by its months (1-10月, 2024年10月): the level of the period the caption names
_MONTHS = r"(?:(?:19|20)\d{2}年)?(?:(?:1[0-2]|[1-9])\s*[-–~至]\s*)?(?:1[0-2]|[1-9])月份?"


@cache
def _rx():
    w = table_words()
    level_words = (*w.indicator_level_columns, *w.indicator_measure_columns)
    names = "|".join(re.escape(x) for x in sorted({*level_words, *(c for c, _ in w.indicator_change_columns)},
                                                  key=len, reverse=True)) or "(?!)"
    levels = "|".join(re.escape(x) for x in sorted(level_words, key=len, reverse=True)) or "(?!)"
    # (a column of the rows' units, 单位, with level columns that then state none: 指标 单位 绝对数 比上年增长(%))
    column = rf"(?:(?:{names})?[ \t]*[(（][^()（）\n]{{1,8}}[)）]|计量单位|单位|(?:{levels}|{_MONTHS})(?![(（]))"
    label = "|".join(re.escape(x) for x in sorted(w.indicator_label_columns, key=len, reverse=True)) or "(?!)"
    one_line = re.compile(rf"^[ \t\u3000]*(?P<label>{label})(?P<cols>(?:{_CELL_SEP}{column}){{2,}})[ \t\u3000]*$", re.M)
    per_line = re.compile(rf"^[ \t\u3000]*(?P<label>{label})[ \t\u3000]*\n(?P<cols>(?:[ \t\u3000]*{column}[ \t\u3000]*(?:\n|$)){{2,}})", re.M)
    return one_line, per_line, re.compile(column), re.compile(rf"^(?:{_NUM})$")


def _column(text: str) -> tuple[str, str | None, str] | None:
    """(role, change kind, unit word) of a column header: ``level`` or ``change``."""
    w = table_words()
    if text.strip() in ("单位", "计量单位"):
        return "unit", None, ""
    m = re.fullmatch(r"(?P<name>[^()（）]*?)[ \t]*[(（](?P<u>[^()（）]+)[)）]", text.strip())
    if m is None:
        return ("level", None, "") if text.strip() in (*w.indicator_level_columns, *w.indicator_measure_columns) \
            or re.fullmatch(_MONTHS, text.strip()) else None
    name, unit = m.group("name").strip(), m.group("u").strip()
    kind = next((k for c, k in sorted(w.indicator_change_columns, key=lambda x: -len(x[0])) if c in name), None)
    if kind is not None:
        return ("change", kind, unit) if unit in ("%", "％", "百分点", "个百分点") else None
    return "level", None, unit


def find_indicator_tables(text: str, first_index: int = 1) -> list:
    """The indicator tables of ``text`` (normalized article text), as
    :class:`extract.nlp.tables.text.TextTable` of kind ``indicator``, the caption the line above."""
    from .text import TextTable

    one_line, per_line, column, number = _rx()
    text = _unpiped(text)
    out = []
    heads = [(m, False) for m in one_line.finditer(text)] + [(m, True) for m in per_line.finditer(text)]
    for h, cell_lines in sorted(heads, key=lambda x: x[0].start()):
        cols = [c.group(0).strip() for c in column.finditer(h.group("cols"))]
        roles = [_column(c) for c in cols]
        if any(r is None for r in roles) or not any(r[0] == "level" for r in roles) \
                or (any(r[0] == "unit" for r in roles) and not any(r[0] == "level" and not r[2] for r in roles)) \
                or (cell_lines and any(r[0] == "unit" for r in roles)):
            continue  # (a level column states its unit, or a column of units gives each row's, or each row's label does)
        a = h.start("label")
        table = Table(page=None, index=first_index + len(out), rows=[], start=a, end=h.end())
        base = h.start("cols")
        table.rows.append([Cell(h.group("label"), a, h.end("label"))]
                          + [Cell(c.group(0).strip(), base + c.start(), base + c.end()) for c in column.finditer(h.group("cols"))])
        table.row_spans.append((a, h.end()))
        units = sum(r[0] == "unit" for r in roles)
        rows = _rows_per_line(text, h.end(), len(cols), number) if cell_lines \
            else _rows_one_line(text, h.end(), len(cols) - units, number, units)
        for row, span in rows:
            table.rows.append(row)
            table.row_spans.append(span)
        if len(table.rows) < 2:
            continue
        table.end = table.row_spans[-1][1]
        caption_start = text.rfind("\n", 0, max(0, text.rfind("\n", 0, a)))
        caption = text[caption_start + 1:text.rfind("\n", 0, a)] if text.rfind("\n", 0, a) > 0 else ""
        out.append(TextTable(table, a, table.end, [], [], kind="indicator", caption=caption.strip()))
    return out


#: a line of cells apart by bars (指标 | 单位 | 产量 | 比上年增长(%)), or a rule under a header (| --- |)
_PIPED = re.compile(r"^[^\n]*[|｜][^\n]*[|｜][^\n]*$", re.M)


def _unpiped(text: str) -> str:
    """``text`` with the bars of its piped lines (and their rules) blanked, offsets kept: cells
    apart by bars read as cells apart by spaces."""
    def blank(m: re.Match) -> str:
        line = m.group(0)
        if re.fullmatch(r"[ \t|｜:\-]*", line):
            return " " * len(line)
        return line.replace("|", " ").replace("｜", " ")
    return _PIPED.sub(blank, text)


def _rows_one_line(text: str, pos: int, n: int, number, units: int = 0):
    """Rows of one line each (a label, the row's unit if a column gives it, then ``n`` cells) from
    ``pos``, up to the first line that is none."""
    while pos < len(text):
        nl = text.find("\n", pos + 1)
        end = len(text) if nl < 0 else nl
        line = text[pos:end].lstrip("\n")
        start = end - len(line)
        parts = list(re.finditer(rf"[^ \t\u3000]+", line))
        if len(parts) < n + 1 + units or not all(number.match(p.group(0)) for p in parts[-n:]) \
                or (units and number.match(parts[-n - 1].group(0))):
            if line.strip():
                return
            pos = end
            continue
        n += units  # (the unit cell is a cell of the row)
        label_end = parts[-n - 1].end()
        label = line[:label_end].strip(" \t\u3000")
        la = start + line.index(label)
        if not label or re.search(r"[。；;，,]", label) or number.match(label):
            return
        yield [Cell(label, la, la + len(label))] + [Cell(p.group(0), start + p.start(), start + p.end()) for p in parts[-n:]], \
            (la, start + parts[-1].end())
        n -= units
        pos = end


def _rows_per_line(text: str, pos: int, n: int, number):
    """Rows of one cell a line (a label line, then ``n`` lines of a number each) from ``pos``."""
    lines = []
    for m in re.finditer(r"[^\n]+", text[pos:]):
        lines.append((pos + m.start(), pos + m.end(), m.group(0).strip(" \t\u3000")))
    k = 0
    while k < len(lines):
        la, lb, label = lines[k]
        cells = lines[k + 1:k + 1 + n]
        if len(cells) < n or number.match(label) or re.search(r"[。；;，,]", label) \
                or not all(number.match(c[2]) for c in cells):
            return
        start = la + (len(text[la:lb]) - len(text[la:lb].lstrip(" \t\u3000")))
        yield [Cell(label, start, start + len(label))] + [Cell(c[2], c[1] - len(c[2]), c[1]) for c in cells], (start, cells[-1][1])
        k += 1 + n


@cache
def _label_unit() -> re.Pattern[str]:
    """A row label's own unit in brackets at its end (地区生产总值(亿元)), no percentage."""
    units = "|".join(re.escape(u) for u in sorted(table_words().indicator_label_units, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"[(（]\s*(?P<u>[万亿千百]*(?:{units})|万|亿)\s*[)）]$")


def read_indicator_table(t, row_text, subject, lex, where: str, period: str | None):
    """Claims of an indicator table ``t`` (:func:`find_indicator_tables`); ``row_text`` and
    ``subject`` as for :func:`extract.nlp.tables.read_table`; ``period`` the frame's, for a
    caption that names none."""
    from ..numbers.find import find_quantities
    from ..periods import find_periods
    from .read import _CLASSES, TableClaims, _metric_key

    w = table_words()
    table = t.table
    header = table.rows[0][1:]
    roles = [_column(c.text) for c in header]
    named = [p for p in find_periods(t.caption, None) if not p.base] if t.caption else []
    period = named[0].period if named else period
    out, left = [], []
    parent_unit = ""  # (其中:出口 under 进出口总额(亿元): the unit of the row it is part of)
    for k in range(1, len(table.rows)):
        row = table.rows[k]
        metric = row[0].text
        part = False
        for lead in w.indicator_label_leads:
            if metric.startswith(lead) and len(metric) > len(lead):
                metric, part = metric[len(lead):].strip(), True
        text, a, b, ra, rb = row_text(k)
        level, at = None, 0
        changes = []
        row_unit = next((c.text for j, c in enumerate(row[1:]) if roles[j][0] == "unit"), "")
        if not row_unit and (own := _label_unit().search(metric)):  # (地区生产总值(亿元) 103403.82 3.4)
            metric, row_unit = metric[:own.start()].strip(), own.group("u")
        elif not row_unit and part:
            row_unit = parent_unit
        if not part:
            parent_unit = row_unit
        for j, c in enumerate(row[1:]):
            role, kind, unit = roles[j]
            if role == "unit":
                continue
            unit = unit or row_unit.strip("()（）")
            digits = c.text.replace("－", "-").replace("−", "-").replace(",", "")
            if not re.search(r"\d", digits):
                continue
            qs = find_quantities(digits + unit)
            if len(qs) != 1:
                left.append(f"{where}, row {k + 1} ({row[0].text}): cell {c.text} in {unit} not read")
                continue
            q = qs[0]
            if role == "change":
                at = at if changes else j  # (the first change's column, for a row with no level)
                changes.append(Change(kind="abs" if "百分点" in unit else kind, value=q.value, text=c.text))
                continue
            if level is not None:
                continue  # a second level column (a restatement) is left to the first
            if not unit:
                left.append(f"{where}, row {k + 1} ({row[0].text}): no unit for cell {c.text}")
                continue
            named = header[j].text.strip()  # (a column named by its measure, 产量: 粮食产量)
            metric_j = metric + named if named in w.indicator_measure_columns and not metric.endswith(named) else metric
            ev = Evidence(text=f"{text}【{header[j].text}】", start=a, end=b, raw_start=ra, raw_end=rb,
                          page=table.page, table=table.index, row=k + 1, column=j + 2)
            level = Claim(subject=subject.label if subject else "未知",
                          subject_cls=subject.cls if subject and subject.cls in _CLASSES else None,
                          subject_text=subject.label if subject else None, metric=metric_j,
                          metric_key=_metric_key(metric_j, lex, q.unit), value=q.value, unit=q.unit, period=period,
                          evidence=ev, surface=c.text, confidence=0.85)
        if level is None and changes and changes[0].kind != "abs":
            # 固定资产投资 亿元 — 2.9: no level, its change a claim of its own (the rate, as prose says it)
            ev = Evidence(text=f"{text}【{header[at].text}】", start=a, end=b, raw_start=ra, raw_end=rb,
                          page=table.page, table=table.index, row=k + 1, column=at + 2)
            out.append(Claim(subject=subject.label if subject else "未知", subject_cls=subject.cls if subject and subject.cls in _CLASSES else None,
                             subject_text=subject.label if subject else None, metric=metric, metric_key=None,
                             value=changes[0].value, unit="percent", period=period, change=changes[0] if len(changes) == 1 else changes,
                             evidence=ev, surface=changes[0].text, confidence=0.85))
            continue
        if level is None:
            continue
        if changes:
            level.change = changes[0] if len(changes) == 1 else changes
        out.append(level)
    return TableClaims(out, left)
