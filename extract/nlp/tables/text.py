"""The text reader of tables: results tables flattened into running text, read as tables.

A press release or a results announcement that reaches a news site as text keeps its summary
table as a run of text: a header naming one period (or change) per column, then rows in which a
label is followed by as many numbers as the header has columns::

    (人民币百万元,百分比除外)  2024年第一季度  2023年第一季度  同比变动
    收入  31,513  31,144  1%

or all of it on one line with the cells run together (``收益13,037,7496,301,002106.9%``).

:func:`find_tables` finds such runs in the normalized article text: a **header** is a run of
period words (2024年, 二零二三年九月三十日止三个月, Q1'24, 于2024年12月31日), change words
(同比变动, 环比, YoY) and unit words (人民币千元, (%)) with nothing but spaces between them; the
**rows** that follow are a label (wrapped onto two lines, it is one label; a footnote marker is
left out) and a group of numbers that splits into exactly the header's column count. Cells run
together are split where the thousands separators (and, among what is left, the decimals the
row's figures share and the change the row states) make the split unique; a row that cannot be
split so is left out and listed, never guessed. Each table becomes a :class:`extract.inputs.source.Table`
(a header row, then one row of cells per table row, every cell with its span in the article),
read by :func:`extract.nlp.tables.read_table` like a table of a PDF.

The same table reaches the text in many layouts, read alike: one row a line; one cell a line
with blank lines for empty cells (a ``%`` on the line after its number); a Markdown table (its
``| --- |`` rule skipped); a header split over lines, a year above its quarter (``2023年`` over
``第一季度``, ``Q1`` over ``2023``, a cell wrapped as ``2023 年第`` over ``一季度``), its caption
wrapped onto the second line (``(以百万计,每股 ADS 除外) Q1 Q4 Q1`` over ``ADS,未经审计) 2023 2023
2024 YoY``); a currency sign in a cell (``RMB 31,144``). Columns the header does not name are told
by the rows or the table is not read (:mod:`.infer`): a US$ column restating the current quarter,
change columns whose words are lost or unknown; a change column beside those the header names
(``YoY`` over two percentages) is the current period against the earlier period left, as the
periods say (a year before: yoy; the quarter before: qoq), unless the figures deny it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ...inputs.source import Cell, Table
from .cells import cn_years, header_period
from .columns import _period_key
from .infer import CHANGE_WORDS, agrees, change_kind, period_relation, restatement
from .rows import table_rows

# --------------------------------------------------------------------------------------------
# the words of a header

_Y = r"(?:19|20)\d{2}"
_MD = (r"(?:\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月\s*"
       r"(?:\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*日")
_SPAN = r"(?:止|的)\s*(?:(?:[一二三四五六七八九十]{1,2}|\d{1,2})\s*个\s*月|年度|年)"
_PERIOD = (
    rf"(?:(?:截至|截止|于|於)\s*)?{_Y}\s*年[ \t\u3000]*(?:{_MD}\s*(?:{_SPAN})?|\d{{1,2}}\s*[-—–~～至]\s*\d{{1,2}}\s*月|第?[ \t]*[一二三四1-4][ \t]*季度?|Q[1-4]"
    r"|[首次]季(?![度节])|(?:3|6|9|12|三|六|九|十二)\s*月\s*(?:底|末)?\s*止?\s*(?:的|之)?\s*(?:季度|季)(?!末|底)"
    r"|[上下]半年|中期|全年|年度|财年|度|第(?=[ \t]*(?:\n|$)|[ \t]{2,}))?"
    r"|(?<![\d.])[12]\d\s*年\s*(?:第\s*[一二三四1-4]\s*季度?|[一二三四1-4]\s*季度|[首次]季(?![度节])|[上下]半年)"
    rf"|(?<![A-Za-z])Q[1-4][ \t]*['’]?[ \t]*(?:{_Y}|\d{{2}})(?!\d)\s*年?|(?<!\d)[1-4]Q\s*['’]?\s*(?:{_Y}|\d{{2}})(?!\d)"
    rf"|(?:{_Y}|(?<!\d)\d{{2}})[ \t]*[QH][1-4](?!\d)|(?<![A-Za-z])H[12]\s*['’]?\s*(?:{_Y}|\d{{2}})(?!\d)"
    rf"|(?<![A-Za-z])FY\s*['’]?(?:{_Y}|\d{{2}})(?!\d)|{_Y}\s*年?\s*财年"
    rf"|第?\s*[一二三四1-4]\s*季度?[ \t]*{_Y}\s*年?"
)
_N_MONTHS = r"(?:[一二三四五六七八九十]{1,2}|\d{1,2})\s*个\s*月"
_CONTEXT = (rf"(?:截至|截止)\s*{_MD}\s*(?:{_SPAN})|(?:截至|截止)[^\n。,，;；\d]{{0,10}}?(?:止|的)?\s*{_N_MONTHS}"
            rf"|(?:已?结束的?)\s*{_N_MONTHS}|{_N_MONTHS}\s*(?:已?结束|截至|截止)"
            r"|[(（][^()（）\n]{0,40}(?:除外|计|单位|列示|列报|呈列|(?i:millions|thousands|billions|except))[^()（）\n]{0,40}[)）]")
# a quarter or half named without its year, on a header line of its own (2023年 2024年 / 第一季度 第一季度)
_BARE = (r"第\s*[一二三四1-4]\s*季度?|(?<![第\d])[一二三四]\s*季度?(?=[ \t]*(?:\n|$)|[ \t]{2,})"
         r"|(?<![A-Za-z0-9])[QH][1-4](?![\d'’])|[上下]半年")
# a unit word: a percentage, a currency (the words of ontology/tables.toml) with its magnitude
_UNIT = (r"[(（]\s*%\s*[)）]|%|百分比"
         r"|[(（]?\s*(?:{currency})\s*(?:'000|千|百万|十亿|亿|万)?\s*元?\s*[)）]?"
         r"|[(（]?\s*(?:千|百万|十亿|亿|万)\s*(?:港元|美元|元)\s*[)）]?"
         r"|(?<=[\s|｜])元(?=[\s|｜])")
# the rest of a caption wrapped onto the next header line (``(以百万计,每股 ADS 除外) Q1 Q4 Q1`` over
# ``ADS,未经审计) 2023 2023 2024``): words closing a bracket at the start of a line, none opened
_TAIL = r"(?<![^\n])[ \t\u3000]*[A-Za-z\u4e00-\u9fff][A-Za-z\u4e00-\u9fff ,，、:：]{0,29}[)）](?=[ \t\u3000]|\n|$)"


@cache
def _header_rx() -> re.Pattern[str]:
    from .words import table_words

    w = table_words()
    return re.compile(
        rf"(?P<P>{_PERIOD})|(?P<Q>{_BARE})|(?P<Y>(?<![\d.,A-Za-z]){_Y}(?![\d.,%]))"
        rf"|(?P<X>{_CONTEXT}|{_TAIL}|{w.alt('header_notes')})"
        rf"|(?P<C>(?:{w.alt('yoy', 'qoq', 'change')})(?:\s*[(（]\s*%\s*[)）])?)|(?P<N>{w.alt('note')})"
        rf"|(?P<U>{_UNIT.format(currency=w.currency_alt())})"
        rf"|(?P<R>(?<![\u4e00-\u9fff])(?:{w.alt('relative_columns') or '(?!)'})(?![\u4e00-\u9fff]))")


_HALF_NAMES = {1: "上半年", 2: "下半年"}


def relative_header(word: str, period: str | None) -> str | None:
    """The period a relative column header (``relative_columns`` of ontology/tables.toml) names
    when the article reports on ``period``, written as a header names it; None when the article
    names no period a header can be placed against.

    >>> relative_header("本季度", "2019Q4"), relative_header("上年同期", "2019Q4"), relative_header("上季度", "2019Q1")
    ('2019年第4季度', '2018年第4季度', '2018年第4季度')
    >>> relative_header("上年", "2023"), relative_header("上年同期", "2023H1"), relative_header("本期", None)
    ('2022年度', '2022年上半年', None)
    >>> relative_header("年初至报告期末", "2024Q3")
    '2024年1-9月'
    """
    from .words import table_words

    which = dict(table_words().relative_columns).get(word)
    m = re.fullmatch(r"(\d{4})(?:([QH])([1-4]))?", period or "")
    if which is None or m is None:
        return None
    y, kind, n = int(m.group(1)), m.group(2), int(m.group(3) or 0)
    if which == "to_date":  # 年初至报告期末 of a third quarter: January to September
        return f"{y}年度" if kind is None else f"{y}年1-{n * (3 if kind == 'Q' else 6)}月"
    if which == "year_before":
        y -= 1
    elif which == "period_before":
        if kind is None:
            y -= 1
        elif n == 1:
            y, n = y - 1, 4 if kind == "Q" else 2
        else:
            n -= 1
    return f"{y}年度" if kind is None else f"{y}年第{n}季度" if kind == "Q" else f"{y}年{_HALF_NAMES[n]}"


@cache
def _usd_rx() -> str:
    from .words import table_words

    return table_words().currency_alt("USD")


# between two words of a header: spaces, pipes, brackets, blank lines (a cell a line)
_GAP = re.compile(r"[ \t\u3000|｜()（）\[\]【】/]*(?:\n[ \t\u3000|｜()（）\[\]【】/]*)*")


@dataclass
class _Token:
    # P period, Q a quarter without its year, Y a year alone, C change, N note, U unit, X context;
    # columns the header does not name: R a restatement, D a change (its kind told by the
    # figures), E a change beside those it names (its kind told by the periods)
    kind: str
    text: str
    start: int
    end: int
    merged: bool = False  # a period's column and its currency, made of two words of the header


def _header_runs(text: str, period: str | None = None) -> list[list[_Token]]:
    """Runs of header tokens with only spaces, pipes or one line break between them that name at
    least two columns, one of them a period; a relative header (本季度 上年同期) names the period
    :func:`relative_header` places it at against the article's ``period``."""
    rx = _header_rx()
    digits = cn_years(text)  # same length: 二零二四年 -> 2024年
    runs, run = [], []
    pos = 0
    while pos < len(text):
        m = rx.search(digits, pos)
        if not m:
            break
        if m.end() == m.start():
            pos += 1
            continue
        kind = m.lastgroup
        a = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        b = m.end() - len(m.group(0)) + len(m.group(0).rstrip())
        tok = _Token(kind, text[a:b], a, b)
        if kind == "R":
            named = relative_header(text[a:b], period)
            if named is None:
                pos = m.end()
                continue
            tok = _Token("P", named, a, b)
        if run and not _GAP.fullmatch(text[run[-1].end:m.start()]):
            runs.append(run)
            run = []
        run.append(tok)
        pos = m.end()
    if run:
        runs.append(run)
    cols = [_paired(r) for r in runs]
    return [r for r, c in zip(runs, cols) if sum(t.kind in "PC" for t in c) >= 2 and any(t.kind == "P" for t in c)]


# --------------------------------------------------------------------------------------------
# a table of the text



@dataclass
class TextTable:
    """A table found in an article's text: the :class:`Table` of its cells (spans in the article
    text), the span it covers, and the rows left out (cells run together that no unique cut
    splits)."""

    table: Table
    start: int
    end: int
    header: list[_Token] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)
    kind: str = "results"  # or "market": rows are companies (:mod:`.market_text`); "forecast" (:mod:`.forecast`); "indicator" (:mod:`.indicators`)
    caption: str = ""  # the line above a market table's header: its market, period and unit


def find_tables(text: str, taken: list[tuple[int, int]] = (), period: str | None = None) -> list[TextTable]:
    """The tables flattened into ``text`` (normalized article text), in order; none that
    overlaps a span of ``taken`` (the market tables, :mod:`.market_text`, read first). ``period``
    is the one the article reports on (its frame's), which relative headers (本季度 上年同期) name."""
    out: list[TextTable] = []
    floor = 0
    for run in _header_runs(text, period):
        if run[0].start < floor or any(a <= run[-1].end and run[0].start < b for a, b in taken):
            continue
        t = _read_rows(text, run, len(out) + 1)
        if t is not None and not any(a < t.end and t.start < b for a, b in taken):
            out.append(t)
            floor = t.end
    return out


def _layouts(run: list[_Token]) -> list[list[_Token]]:
    """Candidate column lists of a header: its periods, changes and notes in order; or, when the
    unit row names more value columns than there are periods (a US$ column beside RMB), the
    unit words as value columns; each also with an unnamed column (``R``) after the current
    period's, and with one or two unnamed change columns (``D``) last when the header names no
    change: the rows must bear those out (:func:`_told`)."""
    cols = _paired(run)
    out = [cols]
    money = [t for t in run if t.kind == "U" and not re.search(r"%|百分比", t.text)]
    periods = [t for t in cols if t.kind == "P"]
    if periods and len(money) > len(periods):
        # a period's column and its currency: the unit words beyond the periods are further
        # columns of the last period (人民币 人民币 美元 under 2023年 2024年)
        merged = [_Token("P", f"{(periods[min(k, len(periods) - 1)]).text} {u.text}", u.start, u.end, True)
                  for k, u in enumerate(money)]
        out.append(merged + [t for t in cols if t.kind != "P"])
    usd = next((t for t in run if t.kind == "U" and re.search(_usd_rx(), t.text)), None)
    if periods and usd is not None and len(money) <= len(periods):
        # a US$ column the header names once, after the periods' columns: the last period again
        k = cols.index(periods[-1]) + 1
        out.append(cols[:k] + [_Token("P", f"{periods[-1].text} {usd.text}", usd.start, usd.end, True)] + cols[k:])
    if periods and usd is None:
        # a column the header does not name, right after the current period's: a restatement
        # of its figures in another currency (US$ beside RMB) when every row says so
        cur = _current(periods)
        for layout in list(out):
            k = layout.index(cur) + 1 if cur in layout else len([t for t in layout if t.kind == "P"])
            out.append(layout[:k] + [_Token("R", "", cur.end, cur.end)] + layout[k:])
    end = run[-1].end
    named = sum(t.kind == "C" for t in cols)
    if periods and not named:
        # change columns whose words the header lost or the reader does not know, last
        out += [layout + [_Token("D", "", end, end)] * m for layout in list(out) for m in (1, 2)]
    elif periods:
        # more change columns than the header names (YoY over two percentages): the others
        # (``E``) compare the current period with the earlier periods the named ones leave
        spare = len(_earlier(periods)) - named
        out += [layout + [_Token("E", "", end, end)] * m for layout in list(out) for m in range(1, spare + 1)]
    return out


def _earlier(periods: list[_Token], context: str = "") -> list[tuple[_Token, str]]:
    """The columns of the periods before the current one, each period once, in column order."""
    cur = header_period(_current(periods).text, context)
    out: dict[str, _Token] = {}
    for t in periods:
        p = header_period(t.text, context)
        if p and p != cur and p not in out:
            out[p] = t
    return [(t, p) for p, t in out.items()]


def _paired(run: list[_Token]) -> list[_Token]:
    """The columns of a header whose periods are split over lines (``2023年 2024年`` over
    ``第一季度 第一季度``, ``Q1 Q4`` over ``2023 2023``, a cell wrapped as ``2023年第`` over
    ``一季度``): a year and the quarter below (or above) it, one column; a year alone (``2023``)
    is no column."""
    bare = [t for t in run if t.kind == "Q"]
    years = [t for t in run
             if t.kind == "Y" or (t.kind == "P" and re.fullmatch(r"\d{4}\s*(?:年\s*第?)?", cn_years(t.text)))]
    if not bare or len(bare) != len(years):
        return [t for t in run if t.kind in "PCN"]
    it = iter(bare)
    return [_Token("P", f"{next(it).text} {t.text}", t.start, t.end) if t in years else t
            for t in run if t.kind in "PCN" or t in years]


def _current(periods: list[_Token]) -> _Token:
    """The header's latest period (the first such): the column a change and a restatement go with."""
    keys = [_period_key(header_period(t.text) or "") for t in periods]
    return periods[max(range(len(periods)), key=lambda k: (keys[k], -k))]


_RULE = re.compile(r"[ \t|｜]*\n[ \t|｜]*:?-{3,}:?(?:[ \t]*[|｜][ \t]*:?-{3,}:?)*[ \t|｜]*(?=\n|$)")


def _told(cols: list[_Token], rows, context: str) -> list[_Token] | None:
    """The columns with those the header does not name told by the rows (:mod:`.infer`): a
    restatement kept as ``R``, a change as a ``C`` of its kind; ``None`` when the rows do not
    bear a column out."""
    out = list(cols)
    for k, t in enumerate(cols):
        if t.kind == "R" and not restatement(rows, k):
            return None
        if t.kind == "D":
            values = [(j, header_period(c.text, context)) for j, c in enumerate(cols) if c.kind == "P"]
            cur = cols.index(_current([c for c in cols if c.kind == "P"]))
            kind = change_kind(rows, values, cur, k)
            if kind is None:
                return None
            out[k] = _Token("C", CHANGE_WORDS[kind], t.start, t.end)
    spare = [k for k, t in enumerate(cols) if t.kind == "E"]
    if spare:
        told = _change_kinds(cols, rows, context)
        if told is None:
            return None
        for k, kind in told.items():
            out[k] = _Token("C", CHANGE_WORDS[kind], cols[k].start, cols[k].end)
    return out


def _change_kinds(cols: list[_Token], rows, context: str) -> dict[int, str] | None:
    """The kinds of a table's change columns when its header names fewer than it has (``YoY``
    or only ``QoQ`` over two percentages): a flattened header loses words, so where a named word
    stood says nothing. The kinds the periods allow (the current period against each earlier
    one: the same period a year before, ``yoy``; the period just before, ``qoq``) are matched to
    the change columns, the named kinds among them, so that every column's figures agree;
    ``None`` when no such match exists or two do."""
    from itertools import permutations

    from .words import table_words

    periods = [c for c in cols if c.kind == "P"]
    cur = cols.index(_current(periods))
    cur_period = header_period(cols[cur].text, context)
    allowed = [(cols.index(t), kind) for t, p in _earlier(periods, context)
               if (kind := period_relation(cur_period, p)) is not None]
    changes = [k for k, t in enumerate(cols) if t.kind in "CE"]
    named = [table_words().change_kind(cols[k].text) for k in changes if cols[k].kind == "C"]
    fits = []
    for pick in permutations(allowed, len(changes)):
        kinds = [kind for _, kind in pick]
        if any(n not in ("change", None) and n not in kinds for n in named):
            continue
        if all(agrees(rows, cur, base, k) for (base, _), k in zip(pick, changes)):
            fits.append(dict(zip(changes, kinds)))
    return fits[0] if len(fits) == 1 else None


def _read_rows(text: str, run: list[_Token], index: int) -> TextTable | None:
    after = run[-1].end
    rule = _RULE.match(text, after)  # a Markdown table's rule under its header (| --- | --- |)
    after = rule.end() if rule else after
    eol = text.find("\n", after)
    if eol > after and not re.search(r"\d", text[after:eol]):
        after = eol  # header words the reader does not know, to the end of the header's line
    best = None
    context = " ".join(t.text for t in run if t.kind == "X")
    for cols in _layouts(run):
        kinds = ["change" if t.kind in "CDE" else "note" if t.kind == "N" else "value" for t in cols]
        rows, left, end = table_rows(text, after, kinds)
        cols = _told(cols, rows, context)
        if cols is None:
            continue
        r = next((k for k, t in enumerate(cols) if t.kind == "R"), None)
        if r is not None:
            cols = cols[:r] + cols[r + 1:]
            rows = [(label, cells[:r] + cells[r + 1:], a, b) for label, cells, a, b in rows]
        if len(rows) >= 1 and (best is None or len(rows) > len(best[1])):
            best = (cols, rows, left, end)
    if best is None:
        return None
    cols, rows, left, end = best
    n = len(cols)
    units = [t for t in run if t.kind == "U"]
    context = [t for t in run if t.kind == "X"]
    header_rows: list[list[Cell | None]] = []
    if context:
        header_rows.append([Cell(" ".join(t.text for t in context), context[0].start, context[-1].end)]
                           + [None] * n)
    header_rows.append([None] + [Cell(t.text, t.start, t.end) for t in cols])
    merged = any(t.merged for t in cols)
    values = sum(t.kind == "P" for t in cols)
    if units and not merged and len(units) in (n, values):
        header_rows.append([None] + _aligned_units(units, cols))
    elif units and not merged:  # a unit said once for the table (人民币百万元): context of every column
        header_rows.append([Cell(" ".join(t.text for t in units), units[0].start, units[-1].end)] + [None] * n)
    table = Table(page=None, index=index, rows=[], start=run[0].start, end=end)
    for r in header_rows:
        table.rows.append(r)
        table.row_spans.append((run[0].start, run[-1].end))
    for label, cells, a, b in rows:
        table.rows.append([label, *[Cell(*c) if c else None for c in cells]])
        table.row_spans.append((a, b))
    tt = TextTable(table, run[0].start, end, run, [])
    tt.left_out = [f"table row {text[a:b]!r}: its cells run together and can be cut {k} ways "
                   "(no unique split by the thousands separators)" for a, b, k in left]
    return tt


def _aligned_units(units: list[_Token], cols: list[_Token]) -> list[Cell | None]:
    if len(units) == len(cols):
        return [Cell(u.text, u.start, u.end) for u in units]
    out: list[Cell | None] = []
    it = iter(units)
    for c in cols:
        u = next(it, None) if c.kind == "P" else None
        out.append(Cell(u.text, u.start, u.end) if u else None)
    return out
