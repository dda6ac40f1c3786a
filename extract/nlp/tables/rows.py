"""The rows of a table flattened into text: a label, then the group of numbers that are its cells.

A row is a label (wrapped onto lines, it is one label; under a section heading ending in a colon,
the heading left out) and the group of numbers after it, on its line or on the lines below (a
label and its figures in paragraphs of their own). The group splits into the header's columns
(:mod:`.cut`), or into its value columns alone when the row states no change (a margin row). A
footnote marker is no cell: glued to the label (``收入(1)``), ending the label's line above its
figures (``调整后EBITDA 2``), or alone on a line after the last row, above the note it marks.
"""
from __future__ import annotations

import re

from ...inputs.source import Cell
from .cells import one_line
from .cut import _Split, _group_rx, split_group

_LABEL_MAX = 40
_BREAKS = re.compile(r"[。！？!?；;，,]")  # prose: a clause ends inside what would be a label
_FRAGMENT = re.compile(r"(?:^|\n)[ \t]*\d{1,3}[ \t]*、")  # 2、 a page fragment's counter


def table_rows(text: str, pos: int, kinds: list[str]):
    """The rows after a header at ``pos``: ``(label cell, cells, row start, row end)``, the rows
    left out (start, end, ways), and where the table ends."""
    n = len(kinds)
    gx = _group_rx()
    rows, left = [], []
    end = pos
    separators = None
    while True:
        label_start = pos
        found = None
        for g in gx.finditer(text, pos):
            raw_label = text[label_start:g.start()]
            label = _clean_label(raw_label)
            named = _named(label) or _named(re.sub(r"^\d{1,3}[.、)）]?\s*", "", label))  # (1 华为: a ranked name)
            if len(label) > _LABEL_MAX or _BREAKS.search(raw_label) or (_PROSE_LABEL.search(label) and not named) \
                    or _HEADING.match(label):
                break  # (總收入為 315 億元…: a sentence of prose after the table, no row; ■双11与直播: a heading)
            if separators is None:
                separators = bool(re.search(r"\d,\d{3}(?!\d)", text[g.start():g.start() + 400]))
            grp = g.group(0).rstrip()
            nxt = re.search(r"\n[ \t]*\d{1,3}[ \t.、]*$", grp)
            if nxt and re.match(r"[ \t]*[\u4e00-\u9fffA-Za-z]", text[g.start() + len(grp):]):
                grp = grp[:nxt.start()].rstrip()  # (…37.9%\n2 小米: the next row's rank, not a cell of this one)
            sp = _cells(grp, g.start(), kinds, separators, raw_label)
            if sp.cells is None and not sp.ambiguous:
                if len(grp) <= 3 and not label_start == g.start():
                    continue  # digits inside a label (5G用户), or a page counter: read on
                break
            if not label:
                break
            found = (raw_label, label, g, grp, sp)
            break
        if found is None:
            break
        raw_label, label, g, grp, sp = found
        a = label_start + (len(raw_label) - len(raw_label.lstrip()))
        b = g.start() + len(grp)
        if sp.cells is None:
            left.append((a, b, sp.ambiguous))
        else:
            la = a + _last_label_line(raw_label.lstrip())
            rows.append((Cell(label, la, g.start()), sp.cells, a, b))
        pos = end = b
    return rows, left, end


def _named(label: str) -> bool:
    """Is the label a name the lexicon knows, whole (华为: a vendor's row, though it ends as 为 does)?"""
    from ..components.entities import lexicon_mentions
    from ..lexicon import load_lexicon

    return any(m.start == 0 and m.end == len(label) for m in lexicon_mentions(label, load_lexicon()))


# a section heading's bullet opening a label: the text after the table goes on
_HEADING = re.compile(r"[■□▲△▶►◆◇●○★☆]")
# a label ending as a sentence does before its figure (收入为, 營業收入達, 增长至): prose
_PROSE_LABEL = re.compile(r"(?:为|為|是|达到|達到|达|達|约|約|至|增长|增長|下降|减少|減少)$")


def _cells(grp: str, start: int, kinds: list[str], separators: bool, raw_label: str) -> _Split:
    """The cells of a row's number group: one a column, or one a value column when the row
    states no change (a margin row); a footnote marker after the label, or on a line of its
    own after the row, left out. Cells written apart are taken as they are before any cut of
    cells run together is tried."""
    values = [k for k in kinds if k == "value"]
    shapes = [kinds] + ([values] if 0 < len(values) < len(kinds) else [])
    for glued in (False, True):
        for shape in shapes:
            sp = split_group(grp, start, len(shape), shape, separators, glued)
            if sp.cells is None and not sp.ambiguous:
                sp = _without_footnote(grp, start, len(shape), shape, separators, raw_label, glued)
            if sp.cells is None and not sp.ambiguous:
                sp = _without_end_marker(grp, start, len(shape), shape, separators, glued)
            if sp.cells is None and not sp.ambiguous:
                continue
            if sp.cells is not None and shape is not kinds:  # the change cells are empty
                it = iter(sp.cells)
                sp = _Split([next(it) if k == "value" else None for k in kinds])
            return sp
    return _Split(None)


def _without_footnote(grp: str, start: int, n: int, kinds, separators, raw_label: str, glued: bool) -> _Split:
    """A footnote marker after the label: one small number more than the columns, glued to the
    label (``收入(1) 31,144 …``, ``收入1 31,144``), or ending the label's line when the figures
    are on the lines below (``调整后EBITDA 2`` over ``8,157 9,074 …``)."""
    if not raw_label.strip():
        return _Split(None)
    if raw_label[-1:] in (" ", "\t", "\u3000"):
        m = re.match(r"[(（]?\d{1,2}[)）]?[ \t\u3000]*\n\s*", grp)
    elif raw_label[-1:].isspace():
        return _Split(None)
    else:
        m = re.match(r"[(（]?\d[)）]?(?=[ \t(（]|\d)", grp)
    if not m:
        return _Split(None)
    return split_group(grp[m.end():], start + m.end(), n, kinds, separators, glued)


def _without_end_marker(grp: str, start: int, n: int, kinds, separators, glued: bool) -> _Split:
    """A footnote marker on a line of its own below the table's last row (``2`` above the note
    it marks, ``非公认会计准则指标``): one small number more than the columns, alone on the
    group's last line."""
    m = re.search(r"\n[ \t\u3000]*[(（]?\d{1,2}[)）]?[ \t\u3000]*$", grp)
    if not m:
        return _Split(None)
    return split_group(grp[:m.start()].rstrip(), start, n, kinds, separators, glued)


def _clean_label(raw: str) -> str:
    """A row label: page-fragment counters (``\\n2、``) left out; a label wrapped onto lines is
    joined, unless its first lines end with a colon (a section heading above the row)."""
    s = _FRAGMENT.sub("\n", raw)
    lines = [ln.strip(" \t\u3000|｜") for ln in s.split("\n")]
    lines = [ln for ln in lines if ln]
    if not lines:
        return ""
    k = max((i + 1 for i, ln in enumerate(lines[:-1]) if ln.endswith((":", "："))), default=0)
    return one_line("\n".join(lines[k:]))


def _last_label_line(raw: str) -> int:
    """Where the label proper starts in ``raw`` (after a section heading ending in a colon)."""
    k = max(raw.rfind(":\n"), raw.rfind("：\n"))
    return k + 2 if k >= 0 else 0
