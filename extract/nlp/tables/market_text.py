"""Market tables flattened into text: rows are companies (brands), columns a metric for a period.

Market trackers (IDC, Canalys, Counterpoint, 乘联会) publish their tables the other way round from
a results table: a row a company, a column a metric of a period, the unit said once in the
caption above::

    全球平板电脑市场厂商出货量及份额，2023年第三季度（单位：万台）
    厂商 2023年第三季度出货量 2023年第三季度市场份额 2022年第三季度出货量 同比增长
    远帆 1,020 30.1% 980 4.1%

:func:`find_market_tables` finds them: a **header** opens at the start of a line with the label
column's word (厂商, 品牌: ``label_columns`` of ``ontology/tables.toml``; a rank column's word
before or after it), then names its columns with nothing but spaces, pipes or line breaks
between them; a column is a metric word (``market_metrics``: 出货量, 市场份额) with the period
before it (``2023年第三季度出货量``), or a change word (同比增长). Its periods may stand on a line
of their own above the metrics (``2023年Q3 2023年Q3 2022年Q3`` over ``出货量 份额 出货量``, a
period over as many metrics as the periods divide). The **rows** after it are read like those of
a results table (:func:`.rows.table_rows`: one a line, a cell a line, paragraphs), and must be
at least two, their labels mostly not metrics. The caption is the line before the header; the
table is read by :func:`extract.nlp.tables.market.read_market_table`.
"""
from __future__ import annotations

import re
from functools import cache

from ...inputs.source import Cell, Table
from .rows import table_rows

_CAPTION_MAX = 200


@cache
def _rx() -> re.Pattern[str]:
    from .text import _PERIOD
    from .words import table_words

    w = table_words()
    latin = r"(?<![A-Za-z])(?:{})(?![A-Za-z])"
    return re.compile(
        rf"(?P<P>{_MONTHS}|{_PERIOD}|{_BARE_MONTHS}(?=[ \t]*(?:{w.alt('market_metrics')})))"
        rf"|(?P<L>{latin.format(w.alt('label_columns', 'category_columns'))})|(?P<K>{latin.format(w.alt('rank_columns'))})"
        rf"|(?P<M>(?:{latin.format(w.alt('market_metrics'))})(?:[ \t]*[(（][^()（）\n]{{1,10}}[)）])?)"
        rf"|(?P<C>(?:{w.alt('yoy', 'qoq', 'change')})(?:[ \t]*[(（][ \t]*%[ \t]*[)）])?)")


# a month or a span of months (2023年10月, 2023年1-10月), which results tables do not head columns with
_MONTHS = r"(?:19|20)\d{2}\s*年\s*(?:(?:1[0-2]|0?[1-9])\s*[-–~至]\s*)?(?:1[0-2]|0?[1-9])\s*月(?!\s*\d|份?\s*[0-3]?\d\s*日)"
# … and one without its year right before its metric (10月交付量, 1-10月累计: the article's year)
_BARE_MONTHS = r"(?<![\d年])(?:(?:1[0-2]|0?[1-9])\s*[-–~至]\s*)?(?:1[0-2]|0?[1-9])\s*月份?"
_GAP = re.compile(r"[ \t\u3000|｜/、]*(?:\n[ \t\u3000|｜/、]*)*")
_OPEN = re.compile(r"(?:^|\n)[ \t\u3000|｜]*(?=\S)")


def _header(text: str, at: int) -> list[re.Match[str]] | None:
    """The tokens of a market table's header opening at ``at`` (a line start): label and rank
    words, then columns with nothing but spaces, pipes or line breaks between them."""
    rx = _rx()
    toks: list[re.Match[str]] = []
    pos = at
    while True:
        m = rx.match(text, pos)
        if not m or m.end() == m.start():
            break
        toks.append(m)
        g = _GAP.match(text, m.end())
        pos = g.end() if g else m.end()
    lead = 0
    while lead < len(toks) and toks[lead].lastgroup in "LK":
        lead += 1
    if not any(t.lastgroup == "L" for t in toks[:lead]) or not any(t.lastgroup == "M" for t in toks[lead:]):
        return None
    if not text[toks[lead - 1].end():toks[lead].start()].strip(" \t\u3000|｜\n") == "" \
            or toks[lead].start() == toks[lead - 1].end():
        return None  # 公司2023年… is a sentence: the label column's word is a cell of its own
    eol = text.find("\n", toks[-1].end())
    if text[toks[-1].end():eol if eol >= 0 else len(text)].strip(" \t\u3000|｜"):
        return None  # the header's last line holds nothing but its columns
    return toks


def _columns(text: str, toks: list[re.Match[str]], over: list[re.Match[str]] = ()) -> list[tuple[str, int, int, str]] | None:
    """The columns of a header: ``(header text, start, end, kind)``, kind ``value``, ``change``
    or ``rank``; a metric's header text is its period's and its own. ``over`` are the periods of
    a line above the label column's (the header's first line, its label cell empty). ``None``
    when the periods above the metrics do not divide them."""
    body = [t for t in toks if t.lastgroup != "L"]
    lead = next((k for k, t in enumerate(body) if t.lastgroup != "K"), len(body))
    body = list(over) + body[lead:]  # a rank column before the label column is in the row labels
    periods = [t for t in body if t.lastgroup == "P"]
    metrics = [t for t in body if t.lastgroup == "M"]
    first = min(t.start() for t in body if t.lastgroup in "MC")
    above = len(periods) >= 2 and all(p.end() <= first for p in periods) and "\n" in text[periods[-1].end():first]
    if above and len(metrics) % len(periods):
        return None
    out, period, seen = [], None, 0
    for t in body:
        kind = t.lastgroup
        if kind == "P":
            period = t if not above else None
            continue
        if kind == "M":
            p = periods[seen * len(periods) // len(metrics)] if above else period
            seen += 1
            head = f"{p.group(0)} {t.group(0)}" if p is not None else t.group(0)
            out.append((head, t.start(), t.end(), "value"))
        elif kind == "C":
            prev = out[-1] if out and out[-1][2] == t.start() and out[-1][3] == "value" else None
            if prev is not None:  # 出货量同比增长: the change of that metric
                out[-1] = (prev[0] + t.group(0), prev[1], t.end(), "change")
            else:
                out.append((t.group(0), t.start(), t.end(), "change"))
        else:
            out.append((t.group(0), t.start(), t.end(), "rank"))
    return out


def _periods_line(text: str, at: int) -> list[re.Match[str]]:
    """The periods of the line above a header when that line holds nothing else (two or more):
    the header's first line, whose label cell is empty."""
    head = text[:at].rstrip()
    start = head.rfind("\n") + 1
    rx, toks, pos = _rx(), [], start
    while pos < len(head):
        m = rx.match(head, pos)
        if not m or m.lastgroup != "P":
            return []
        toks.append(m)
        pos = _GAP.match(head, m.end()).end()
    return toks if len(toks) >= 2 else []


def _caption(text: str, at: int) -> tuple[str, int]:
    """The line before a header (blank lines skipped): the table's caption, and where it starts."""
    head = text[:at].rstrip()
    start = head.rfind("\n") + 1
    line = head[start:].strip()
    if _unit_line(line) and start:  # (Unit: Millions) on a line of its own, under the title
        above, start = _caption(text, start)
        line = f"{above} {line}".strip()
    return (line, start) if len(line) <= _CAPTION_MAX else ("", at)


def _unit_line(line: str) -> bool:
    """Is the line nothing but a unit statement (``(Unit: Millions)``, ``单位：百万台``)?"""
    from .market import measure_scale

    sc = measure_scale(line)
    return sc is not None and len(re.sub(r"[\s()（）:：]|单位|units?", "", line, flags=re.I)) <= len(sc.text)


def _metric_labels(labels: list[str]) -> bool:
    """Are most row labels metrics (a results table that opens with a company's name)?"""
    from ..components.metric_names import metric_spans
    from ..lexicon import load_lexicon

    lex = load_lexicon()
    hits = sum(bool(metric_spans(x, lex)) for x in labels)
    return hits * 2 > len(labels)


def find_market_tables(text: str, first_index: int = 1) -> list:
    """The market tables flattened into ``text`` (normalized article text), in order, as
    :class:`extract.nlp.tables.text.TextTable` of kind ``market`` with their caption."""
    from .text import TextTable

    out = []
    floor = 0
    for o in _OPEN.finditer(text):
        at = o.end()
        if at < floor:
            continue
        toks = _header(text, at)
        if toks is None:
            continue
        over = _periods_line(text, at)
        cols = _columns(text, toks, over)
        if not cols:
            continue
        after = toks[-1].end()
        kinds = ["value" if k == "value" else "change" if k == "change" else "note" for *_, k in cols]
        rows, left, end = table_rows(text, after, kinds)
        rank_first = any(t.lastgroup == "K" for t in toks[:next(k for k, t in enumerate(toks) if t.lastgroup == "L")])
        if rank_first:
            rows = [(_unranked(label), cells, a, b) for label, cells, a, b in rows]
        rows = _rows_of_table(text, rows)
        end = rows[-1][3] if rows else end
        if len(rows) < 2 or _metric_labels([label.text for label, *_ in rows]):
            continue
        label = next(t for t in toks if t.lastgroup == "L")
        at = over[0].start() if over else at
        table = Table(page=None, index=first_index + len(out), rows=[], start=at, end=end)
        table.rows.append([Cell(label.group(0), label.start(), label.end())] + [Cell(h, a, b) for h, a, b, _ in cols])
        table.row_spans.append((at, toks[-1].end()))
        for lab, cells, a, b in rows:
            table.rows.append([lab, *[Cell(*c) if c else None for c in cells]])
            table.row_spans.append((a, b))
        caption, _ = _caption(text, at)
        tt = TextTable(table, at, end, [], [], kind="market", caption=caption)
        tt.left_out = [f"table row {text[a:b]!r}: its cells run together and can be cut {k} ways "
                       "(no unique split by the thousands separators)" for a, b, k in left if b <= end]
        out.append(tt)
        floor = end
    return out


def _rows_of_table(text: str, rows: list) -> list:
    """The rows up to the first that is a line of prose (数据来源：…，2021年7月): its label runs
    over punctuation, or its last figure runs on into words."""
    out = []
    for row in rows:
        if part := re.match(r"其中\s*[:：]\s*", row[0].text):  # (其中:客车 39.7: a part of the row above, a row too)
            row = (Cell(row[0].text[part.end():], row[0].start + part.end(), row[0].end), *row[1:])
        label, b = row[0].text, row[3]
        if re.search(r"[，,：:。；;！？]", label) or re.match(r"[^\s|｜]", text[b:b + 1]):
            break
        out.append(row)
    return out


def _unranked(label: Cell) -> Cell:
    """A row label without the rank before it (``1 远帆``, ``2.恒星``), when a rank column opens
    the table."""
    m = re.match(r"\d{1,3}\s*[.、)）]?\s*", label.text)
    if not m or m.end() == len(label.text):
        return label
    return Cell(label.text[m.end():], label.start + m.end(), label.end)
