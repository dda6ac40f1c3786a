"""Market tables read: a row a company (brand), a column a metric for a period -> a claim a cell.

A market tracker's table (found in text by :mod:`.market_text`) is read the other way round from
a results table (:mod:`.read`):

- the **subject** is the row's label (远帆, the name the entities stage gives it when it knows
  it); the row of the total (总计, 合计: ``total_rows`` of ``ontology/tables.toml``) is the market
  the caption names (``全球平板电脑市场``), else the table's subject (the document frame's entity);
  the row of the companies it does not name (其他: ``other_rows``) is no claim: it has no subject;
- the **metric** is the column's metric word (出货量; 份额 is 市场份额: ``market_metrics``), the
  **period** the column's, else the caption's;
- the **unit**: a percentage is a percentage (``24.0%``, a column headed ``(%)`` or of a metric
  the lexicon knows as one); an amount takes the unit its column's header states (``出货量(万台)``)
  else the caption's (``单位：百万台`` -> count, 1e6); an amount with no stated unit is left out;
- a **change** column (同比增长) is the change of the current period's amount in the same row (of
  the metric it names, ``出货量同比增长``); the change of a percentage is read only in points
  (``+2.1个百分点``): a bare ``%`` there could be either. A rank column is no claim.
"""
from __future__ import annotations

import re

from ...inputs.source import Table
from ...model import Change, Claim, Evidence
from .cells import Scale, cell_number, find_scale, header_period
from .columns import _period_key, _relation
from .read import _CLASSES, TableClaims, _label, _metric_key


def _words():
    from .words import table_words

    return table_words()


def _metric(header: str) -> tuple[str, str] | None:
    """The metric a column header names: (metric, the header's own unit text or "")."""
    for word, metric in sorted(_words().market_metrics, key=lambda p: -len(p[0])):
        k = header.find(word)
        if k >= 0:
            unit = re.match(r"\s*[(（]([^()（）]{1,10})[)）]", header[k + len(word):])
            return metric, unit.group(1) if unit else ""
    return None


def measure_scale(text: str) -> Scale | None:
    """The unit a caption or a column header states for counted things: a magnitude and a
    measure word (``单位：百万台`` -> count × 1e6, ``(万辆)`` -> other:辆 × 1e4), from the words of
    ``ontology/units.tsv`` and ``magnitudes.tsv``; a money scale (``亿元``) as :func:`find_scale`.

    >>> measure_scale("（单位：百万台）"), measure_scale("(万辆)").unit, measure_scale("营收")
    (Scale(unit='count', factor=1000000.0, text='百万台'), 'other:辆', None)
    """
    from ..numbers.data import tables

    t = tables()
    units = {r.word: r.unit for r in t.units if r.kind in ("count", "measure", "users")
             and all("\u4e00" <= c <= "\u9fff" for c in r.word)}
    mags = {r.word: r.value for r in t.magnitudes if all("\u4e00" <= c <= "\u9fff" for c in r.word)}
    alt = lambda ws: "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))  # noqa: E731
    rx = re.compile(rf"(?:单位\s*[:：为]?\s*|[(（]\s*)(?P<mag>{alt(mags)})?\s*(?P<unit>{alt(units)})\s*(?=[)）,，;；\s]|$)")
    m = None
    for m in rx.finditer(text):
        pass
    if m is not None:
        return Scale(units[m.group("unit")], float(mags.get(m.group("mag") or "", 1)),
                     (m.group("mag") or "") + m.group("unit"))
    return bare_scale(text) or find_scale(text, table_header=bool(re.fullmatch(r"[^\d]{1,10}", text.strip())))


def bare_scale(text: str) -> Scale | None:
    """A magnitude stated with no measure word (``(Unit: Millions)``, ``(Units: M)``,
    ``(in thousands)``, ``单位：百万``), as trackers' English captions state it: a scale whose
    unit (``""``) the column's metric decides (:func:`_bare_unit`), since the caption does not.

    >>> bare_scale("Shipments, 3Q23 (Units: M)").factor, bare_scale("(in thousands)").factor
    (1000000.0, 1000.0)
    >>> bare_scale("(in millions of US dollars)"), bare_scale("单位：百万元")
    (None, None)
    """
    w = _words()
    mags = {m.lower(): f for m, f in w.bare_magnitudes}
    rx = re.compile(rf"(?:[(（]\s*(?:{w.alt('paren_unit_leads', 'unit_leads')})|(?<![A-Za-z])(?:{w.alt('unit_leads')}))"
                    rf"\s*[:：为]?\s*(?P<mag>{w.alt('bare_magnitudes')})(?=\s*(?:[)）,，;；]|$))", re.IGNORECASE)
    m = None
    for m in rx.finditer(text):
        pass
    return Scale("", mags[m.group("mag").lower()], m.group(0)) if m else None


def _bare_unit(metric: str, lex) -> str | None:
    """The unit of a bare magnitude's amounts (:func:`bare_scale`): what the lexicon says the
    metric counts (出货量: count); none for any other metric (销售额 in millions of what?)."""
    kind = _lex_kind(metric, lex)
    return kind if kind in ("count", "users") else None


def _market(caption: str) -> str | None:
    """The market a caption names: the words before its first market word, back to a mark, a
    period or a table number (``表1：2023年第三季度全球平板电脑市场出货量`` -> 全球平板电脑市场)."""
    from .text import _PERIOD

    for word in _words().market_words:
        k = caption.find(word)
        if k <= 0:
            continue
        head = re.split(r"[\s，,：:。；;、（(）)]", caption[:k])[-1]
        head = re.sub(rf"^(?:表\s*\d+)?(?:{_PERIOD})*", "", head)
        return head + word if head else None
    return None


def _period(text: str, year: int | None = None) -> str | None:
    """The period a caption or a column header names, the first: as prose says periods (a month,
    a span of months: 2023年1-10月), else as a results table's header does (3Q2023)."""
    from ..periods import find_periods

    found = [p.period for p in find_periods(text, year) if not p.base]
    return found[0] if found else header_period(text)


def _is(label: str, words) -> bool:
    return any(label == w or label.startswith(w) and len(label) <= len(w) + 2 for w in words)


def read_market_table(table: Table, cell_text, row_text, caption: str, subject, lex,
                      names=None, where: str = "market table", year: int | None = None) -> TableClaims:
    """Claims of a market table (header row first, then a row a company): ``caption`` is the line
    above its header, ``subject`` the table's subject for its total when the caption names no
    market, ``names(cell)`` the ``(label, class)`` the entities stage gives a row label's span
    (or ``None``); ``cell_text`` and ``row_text`` as for :func:`extract.nlp.tables.read_table`;
    ``year`` the article's, for a column's month named without one (10月交付量)."""
    rows = [[cell_text(c) if c is not None else "" for c in r] for r in table.rows]
    header = rows[0]
    scale_all = measure_scale(caption)
    period_all = _period(caption, year)
    market = _market(caption)
    parts = _label(header[0]) in _words().category_columns  # (车型 over 乘用车, 商用车: the market's parts)
    cols = []  # (index, kind, metric, period, percent, scale, change kind)
    for j, h in enumerate(header[1:], 1):
        named = _metric(h)
        change = _words().change_kind(h)
        if change is not None:
            cols.append((j, "change", named[0] if named else None, None, False, None, change))
        elif named is not None:
            metric, unit = named
            before = [c[2] for c in cols if c[1] == "value" and c[2] != "累计"]
            if metric == "累计" and before:
                metric = "累计" + before[-1]  # (10月交付量 … 1-10月累计: the running total of deliveries)
            entry = _lex_kind(metric, lex)
            percent = "%" in unit or "%" in h or entry == "percent"
            cols.append((j, "value", metric, _period(h, year) or period_all, percent,
                         measure_scale(f"({unit})") if unit else scale_all, None))
    values = [c for c in cols if c[1] == "value"]
    named = [(c[2], c[3]) for c in values]
    if len(set(named)) < len(named):  # 出货量 份额 出货量 份额 under a caption naming one period
        return TableClaims([], [f"{where}: two columns name the same metric and period ({header[1:]}): "
                                "the periods of its columns are not told"])
    periods = [c[3] for c in values if c[3]]
    current = max(periods, key=_period_key) if periods else None
    out, left = [], []
    for k in range(1, len(rows)):
        row, label = rows[k], _label(rows[k][0])
        if not label or _is(label, _words().other_rows):
            continue
        total = _is(label, _words().total_rows)
        if parts and not total:  # (乘用车 2102.3 under 车型 累计销量: the market's 乘用车销量)
            who, cls = (market, None) if market else (subject.label, subject.cls) if subject else (None, None)
        elif total:
            who, cls = (market, None) if market else (subject.label, subject.cls) if subject else (None, None)
        else:
            who, cls = (names(table.rows[k][0]) if names else None) or (label, None)
        if who is None:
            continue
        nums = {c[0]: cell_number(row[c[0]]) for c in cols if c[0] < len(row)}
        text, a, b, ra, rb = row_text(k)
        for j, kind, metric, period, percent, scale, _ in values:
            if nums.get(j) is None:
                continue
            v, mark = nums[j]
            if mark == "%" or percent:
                unit, value = "percent", round(v / 100, 10)
                if total and value == 1:
                    continue  # the total's share of itself says nothing
            elif scale is not None and (scale.unit or _bare_unit(metric, lex)):
                unit, value = scale.unit or _bare_unit(metric, lex), round(v * scale.factor, 6)
            else:
                left.append(f"{where}, row {k + 1} column {j + 1} ({label} {row[j]}): "
                            "no stated unit (单位：万台 …) for this table")
                continue
            changes = []
            for c in cols:
                if c[1] == "change" and nums.get(c[0]) is not None and _goes_with(c, j, current, values):
                    ch = _change(c, nums[c[0]], row[c[0]], period, values, metric, unit == "percent")
                    changes += [ch] if ch else []
            head = header[j]
            ev = Evidence(text=f"{text}【{head}】", start=a, end=b, raw_start=ra, raw_end=rb, page=table.page,
                          table=table.index, row=k + 1, column=j + 1)
            part = parts and not total
            out.append(Claim(subject=who, subject_cls=cls if cls in _CLASSES else None, subject_text=who if total or part else label,
                             metric=label + metric if part else metric,
                             metric_key=None if part else _metric_key(metric, lex, unit), value=value, unit=unit,
                             period=period, change=(changes[0] if len(changes) == 1 else changes) if changes else None,
                             evidence=ev, surface=row[j], confidence=0.85))
    return TableClaims(out, left)


def _lex_kind(metric: str, lex) -> str | None:
    if lex is None:
        return None
    from ..components.metric_names import metric_spans

    hits = [e for a, b, e in metric_spans(metric, lex) if b - a == len(metric)]
    return getattr(hits[0], "unit_kind", None) if hits else None


def _goes_with(col, j: int, current, values) -> bool:
    """Does change column ``col`` go with value column ``j``? With the current period's first
    column of the metric it names, else of an amount (not a percentage)."""
    named = col[2]
    mine = [c for c in values if c[3] == current and (c[2] == named if named else not c[4])]
    return bool(mine) and mine[0][0] == j


def _change(col, num, surface: str, period, values, metric, pct: bool) -> Change | None:
    """The change a cell states: a relative change (its kind the header's, else the periods'), or
    a change in points under a percentage (``pct``)."""
    v, mark = num
    if mark == "个百分点":
        return Change(kind="abs", value=round(v / 100, 10), text=surface)
    if pct:
        return None  # a percentage's change in %: points or relative, the cell does not say
    kind = col[6]
    if kind not in ("yoy", "qoq"):
        base = [c[3] for c in values if c[2] == metric and c[3] and c[3] != period]
        kind = _relation(period, base[0]) if base else "yoy"
    return Change(kind=kind, value=round(v / 100, 10), text=surface)
