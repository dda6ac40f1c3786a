"""Financial tables read as tables: each numeric cell -> a claim with its period, unit and scale.

A table (from a PDF, :mod:`extract.inputs.pdf`) is rows of cells, each cell with its span in the
extracted text. Reading it:

- **header rows** are the rows before the first row with a number in it; a column's header is
  what its header cells say (``2024年``), completed by header text that names no year and so
  speaks for every column (``截至6月30日止六个月`` makes ``2024年`` the half year ``2024H1``);
- a column whose header names a change (``同比变动``, ``变动(%)``) gives the change of the
  row's claim for the latest period; a ``附注`` (notes) column is skipped;
- the **scale** is stated in a header cell or in the text before the table (``人民币百万元``,
  ``百万港元``, ``RMB'000``); ``百分比除外`` cells written with ``%`` are percentages; a row
  label may state its own unit (``每股盈利(人民币元)``, ``毛利率(%)``);
- each **data row** has its label (the metric as worded: 收入, 毛利, 经调整利润净额) in the
  first cell; ``(1,234)`` is negative, ``—`` and ``不适用`` are no value.

A money table with no stated scale gives no claims (its cells are left out with the reason):
guessing 元 for 人民币百万元 would be off by a million.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...inputs.source import Table
from ...model import Change, Claim, Evidence
from .cells import Scale, cell_number, find_magnitude_scale, find_scale, header_currency, one_line
from .columns import current_column, table_columns


@dataclass
class TableClaims:
    claims: list[Claim]
    left_out: list[str]


def read_table(table: Table, cell_text, row_text, scale_before: Scale | None, subject,
               lex, page_of=None, currency: str | None = None, where: str | None = None,
               magnitude_before: float | None = None) -> TableClaims:
    """Claims of ``table``.

    ``cell_text(cell)`` is a cell's normalized text; ``row_text(k)`` is ``(text, start, end,
    raw_start, raw_end)`` of row ``k``'s line in the normalized article; ``scale_before`` the
    scale stated before the table; ``subject`` the entity the table reports on (or ``None``);
    ``currency`` the currency of a scale that names none (以百万计); ``where`` how the table is
    named in the summary of rows left out; ``magnitude_before`` the factor of a scale naming no
    currency stated before the table (以百万计 in the line above its header).
    """
    rows = [[cell_text(c) if c is not None else "" for c in r] for r in table.rows]
    ncols = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (ncols - len(r)) for r in rows]
    first_data = next((k for k, r in enumerate(rows) if any(cell_number(x) for x in r[1:])), len(rows))
    header = rows[:first_data]
    header_text = " ".join(x for r in header for x in r if x)
    where = where or f"table on page {table.page}"
    scale = find_scale(header_text, table_header=True) or scale_before
    cols = table_columns(header, ncols)
    values = [c for c in cols if c.kind == "value"]
    changes = [c for c in cols if c.kind == "change"]
    latest = current_column(values)
    factor = find_magnitude_scale(header_text) or (magnitude_before if scale is None or scale.factor == 1 else None)
    if factor is not None and (scale is None or scale.factor == 1):
        # 以百万计 names no currency: the current column's, else the article's, else the header's
        restated = any(c.kind == "restated" for c in cols)  # its currency is not the table's
        cur = (latest.currency if latest else None) or currency \
            or (None if restated else header_currency(header_text)) or "CNY"
        scale = Scale(cur, factor, "")
    # each change column right after a value column of its own (本报告期 增减 年初至报告期末 增减):
    # that column's change; else every change is the current column's
    own_of = {c.index: c.index - 1 for c in changes} if len(values) > 1 and len(changes) == len(values) \
        and all(any(v.index == c.index - 1 for v in values) for c in changes) else {}
    out: list[Claim] = []
    left: list[str] = []
    for k in range(first_data, len(rows)):
        row = rows[k]
        label = _label(row[0])
        nums = {c.index: cell_number(row[c.index]) for c in cols}
        nums = {j: v for j, v in nums.items() if v is not None}
        if not label or not nums:
            continue
        metric, own_unit, loss = _metric_unit(label)
        if own_unit is None and _per_share(label):
            own_unit = Scale(scale.unit if scale else (currency or "CNY"), 1.0, "")
        row_changes: dict[int, list[Change]] = {}  # by the value column they are of
        for c in changes:
            if c.index in nums:
                v, mark = nums[c.index]
                row_changes.setdefault(own_of.get(c.index, latest.index if latest else -1), []).append(
                    Change(kind="abs" if mark == "个百分点" else (c.change_kind or "yoy"), value=round(v / 100, 10), text=row[c.index]))
        text, a, b, ra, rb = row_text(k)
        for c in values:
            if c.index not in nums:
                continue
            v, mark = nums[c.index]
            if loss and v < 0:
                v = -v  # (1,234) under 经营亏损: a loss of 1,234
            unit, value = _value(v, mark, own_unit, scale)
            if unit is None:
                left.append(f"{where}, row {k + 1} column {c.index + 1} ({label} {row[c.index]}): "
                            "no stated scale (人民币百万元, 千港元 …) for this table")
                continue
            ev = Evidence(text=f"{text}【{c.header.strip() or c.period}】" if c.header or c.period else text,
                          start=a, end=b, raw_start=ra, raw_end=rb, page=table.page, table=table.index,
                          row=k + 1, column=c.index + 1)
            key = _metric_key(metric, lex, unit)
            ch = row_changes.get(c.index)
            out.append(Claim(subject=subject.label if subject else "未知",
                             subject_cls=subject.cls if subject and subject.cls in _CLASSES else None,
                             subject_text=subject.label if subject else None,
                             metric=metric, metric_key=key, value=value, unit=unit, period=c.period,
                             change=(ch[0] if len(ch) == 1 else ch) if ch else None,
                             evidence=ev, surface=row[c.index], confidence=0.9))
    return TableClaims(out, left)


_CLASSES = ("Organization", "Company", "Platform", "Person", "Program", "Place")
_OWN_UNIT = re.compile(r"[(（]\s*(?P<u>[^()（）]{1,12})\s*[)）]\s*$")
_FOOTNOTE = re.compile(r"(?:[(（\[【]\s*(?:注|附注)?\s*\d{1,2}\s*[)）\]】]|\*+|注\s*\d{1,2})$")


def _label(s: str) -> str:
    r"""A row label as one line, its footnote marker (``(1)``, ``*``, ``注2``) and colon left out.

    >>> _label("经调整\n净利润(2)"), _label("收入*:"), _label("经营利润(非公认会计准则)[2]")
    ('经调整净利润', '收入', '经营利润(非公认会计准则)')
    """
    s = one_line(s).rstrip(":：")
    s = _FOOTNOTE.sub("", s)
    return s.rstrip(":：").strip()


def _per_share(label: str) -> bool:
    from .words import table_words

    return any(w in label for w in table_words().per_share)


def _metric_unit(label: str) -> tuple[str, Scale | str | None, bool]:
    """The metric as worded, the unit its label states (``毛利率(%)`` -> percent,
    ``每股盈利(人民币元)`` -> CNY at 1), and whether it names a loss (经营亏损: a figure in
    parentheses is the loss; 经营利润/(亏损) keeps the sign under 经营利润).

    >>> _metric_unit("经营利润/(亏损)")[0], _metric_unit("经营亏损")[2], _metric_unit("毛利率(%)")[:2]
    ('经营利润', True, ('毛利率', 'percent'))
    >>> [(u.unit, u.factor) for u in (_metric_unit("每股基本盈利(人民币分)")[1], _metric_unit("每股股息(港仙)")[1])]
    [('CNY', 0.01), ('HKD', 0.01)]
    """
    from .words import table_words

    words = table_words()
    both = re.search(rf"/?[(（]?(?:{words.alt('loss')})[)）]?/?", label)
    if both and any(w in label for w in words.profit):
        label = (label[:both.start()] + label[both.end():]).strip("/") or label
    loss = any(w in label for w in words.loss)
    m = _OWN_UNIT.search(label)
    if m:
        u = m.group("u")
        if u in ("%", "百分比"):
            return label[:m.start()], "percent", loss
        sc = find_scale(u, table_header=True)
        if sc is not None and re.search(r"(?:分|仙)$", u):  # 每股基本盈利(人民币分), (港仙): hundredths
            sc = Scale(sc.unit, sc.factor * 0.01, u)
        if sc is not None:
            return label[:m.start()], sc, loss
    if label.endswith("率") or label.endswith("%"):
        return label.rstrip("%"), "percent", loss
    return label, None, loss


def _value(v: float, mark: str | None, own, scale: Scale | None) -> tuple[str | None, float]:
    if mark == "%" or mark == "个百分点" or own == "percent":
        return "percent", round(v / 100, 10)
    sc = own if isinstance(own, Scale) else scale
    if sc is None:
        return None, v
    return sc.unit, round(v * sc.factor, 6)


def _metric_key(metric: str, lex, unit: str | None = None) -> str | None:
    """The lexicon's key of the metric a row label names (the longest metric word, at least half
    the label); none for a percentage under a money metric (调整后的息税折旧摊销前利润率 is a
    margin of EBITDA, not EBITDA)."""
    if lex is None:
        return None
    from ..components.metric_names import metric_spans

    hits = [(b - a, e) for a, b, e in metric_spans(metric, lex)]
    if not hits:
        return None
    size, entry = max(hits, key=lambda h: h[0])
    if unit == "percent" and getattr(entry, "unit_kind", None) == "money":
        return None
    return entry.key if size * 2 >= len(metric) else None
