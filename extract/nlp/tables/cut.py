"""Cells of a table row flattened into text: the group of numbers after a label cut into cells.

Cells written apart are cells. Cells run together (``13,037,7496,301,002106.9%``) are cut where
the cut is unique: every piece a number as tables print it (no leading zero, thousands grouped
by commas when the table groups them, brackets balanced); among several cuts, the one whose
figures share their decimals, then the one whose change agrees with its figures. A group with
no unique cut is no row: the reader leaves it out and lists it, never guesses.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import product


_MARK = r"(?:%|个百分点|百分点|ppts?|pps?|pts?)"
# a cell's number; its % may be a cell of its own on the next line (``(10`` then ``%)``)
# a currency sign before the figure (``RMB 31,144`` in a statement's first and total rows) is
# part of its cell
_CUR = r"(?:(?:RMB|US\$|HK\$|人民币|美元|港元|\$)[ \t]*)?"
_NUMCH = rf"[(（]?{_CUR}[-−–+]?\d[\d,.]*(?:[ \t]*(?:\n[ \t]*)*{_MARK})?[)）]?"


@cache
def _na() -> str:
    """Cells with no value: a Chinese word as it is, a Latin one or a dash not running into a
    word or number."""
    from .words import table_words

    words = table_words().no_value
    cjk = [w for w in words if re.search(r"[\u4e00-\u9fff]", w)]
    other = [w for w in words if w not in cjk]
    alt = lambda ws: "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))  # noqa: E731
    return rf"(?:{alt(cjk)})|(?:{alt(other)})(?![A-Za-z0-9])"


@cache
def _group_rx() -> re.Pattern[str]:
    cell = rf"(?:{_NUMCH}|{_na()})"
    # cells apart: spaces, a pipe, a line break (one cell a line), blank lines (empty cells)
    return re.compile(rf"{cell}(?:[ \t\u3000|｜]*(?:\n[ \t\u3000|｜]*)*{cell})*")


@cache
def _cell_rx() -> re.Pattern[str]:
    return re.compile(rf"{_NUMCH}|{_na()}")


_WELL = re.compile(rf"^[(（]?[-−–+]?(?P<int>\d{{1,3}}(?:,\d{{3}})+|\d+)(?P<dec>\.\d+)?(?P<mark>\s?{_MARK})?[)）]?$")


def _well_formed(tok: str, separators: bool) -> bool:
    """A number as a table prints it: no leading zero, thousands grouped by commas when the table
    groups them (``separators``), brackets balanced."""
    m = _WELL.match(tok)
    if not m:
        return False
    i = m.group("int")
    if len(i) > 1 and i[0] == "0":
        return False
    if separators and "," not in i and len(i) >= 4:
        return False
    opened = tok[0] in "(（"
    return opened == (tok[-1] in ")）")


def _splits(chunk: str, separators: bool, most: int) -> list[list[str]]:
    """Every way to cut ``chunk`` (cells run together) into at most ``most`` well-formed numbers.

    >>> _splits("13,037,7496,301,002106.9%", True, 3)
    [['13,037,749', '6,301,002', '106.9%']]
    >>> len(_splits("12345678", False, 2))  # whole, or cut after any of 7 digits: no unique cut
    8
    """
    if _well_formed(chunk, separators) and most >= 1:
        out = [[chunk]]
    else:
        out = []
    if most < 2:
        return out
    for k in range(1, len(chunk)):
        head = chunk[:k]
        if not _well_formed(head, separators):
            continue
        for rest in _splits(chunk[k:], separators, most - 1):
            out.append([head, *rest])
    return out


def _decimals(tok: str) -> int | None:
    m = _WELL.match(tok)
    if not m or m.group("mark"):
        return None
    return len(m.group("dec") or ".") - 1


def _num(tok: str) -> float | None:
    m = _WELL.match(tok)
    if not m:
        return None
    v = float(m.group("int").replace(",", "") + (m.group("dec") or ""))
    return -v if tok[0] in "(（-−–" else v


@dataclass
class _Split:
    cells: list[tuple[str, int, int]] | None  # (text, start, end) in the article
    ambiguous: int = 0  # how many ways the glued cells could be cut


def split_group(text: str, start: int, n: int, kinds: list[str], separators: bool, glued: bool = True) -> _Split:
    """The cells of the number group ``text`` (at ``start`` in the article) as ``n`` cells, the
    columns being of ``kinds`` (``value``, ``change``, ``note``). Cells written apart are cells;
    cells run together (``glued``) are cut where the cut is unique (see the module docstring).

    >>> split_group("2.360.81191.4%", 0, 3, ["value", "value", "change"], True).cells
    [('2.36', 0, 4), ('0.81', 4, 8), ('191.4%', 8, 14)]
    >>> split_group("12345678", 0, 2, ["value", "value"], False).ambiguous
    7
    """
    chunks = [(m.group(0), start + m.start()) for m in _cell_rx().finditer(text)]
    if len(chunks) == n:
        return _Split([(t, a, a + len(t)) for t, a in chunks])
    if len(chunks) > n or not chunks or not glued:
        return _Split(None)
    options = [_splits(t, separators, n) or [[t]] for t, _ in chunks]
    cands = []
    for combo in product(*options):
        if sum(len(c) for c in combo) != n:
            continue
        cells, cuts = [], []
        for (t, a), parts in zip(chunks, combo):
            at = a
            for p in parts:
                cells.append((p, at, at + len(p)))
                at += len(p)
            cuts.append(len(parts) > 1)
        cands.append(cells)
    if not cands:
        return _Split(None)
    if len(cands) > 1:
        # the figures of one row print the same decimals
        same = [c for c in cands if len({_decimals(t) for (t, _, _), k in zip(c, kinds) if k == "value"}
                                        - {None}) <= 1]
        cands = same or cands
    if len(cands) > 1:
        # the changes the row states are changes of its figures: the cuts whose most agree
        score = [_agreeing([t for t, _, _ in c], kinds) for c in cands]
        if max(score):
            cands = [c for c, k in zip(cands, score) if k == max(score)]
    if len(cands) == 1:
        return _Split(cands[0])
    return _Split(None, ambiguous=len(cands))


def _agreeing(cells: list[str], kinds: list[str]) -> int:
    """How many of the row's change cells are the change between two of its figures (the
    current period's against the year before's or the quarter before's, whichever columns).

    >>> _agreeing(["30,100", "33,500", "31,000", "3%", "(7%)"], ["value"] * 3 + ["change"] * 2)
    2
    """
    vals = [_num(t) for t, k in zip(cells, kinds) if k == "value"]
    vals = [v for v in vals if v]
    n = 0
    for t, k in zip(cells, kinds):
        c = _num(t) if k == "change" else None
        if c is None:
            continue
        tol = 0.51 * 10 ** -len(t.rstrip("%)） \n").partition(".")[2]) + 1e-9
        if any(abs((a / b - 1) * 100 - c) <= tol for i, a in enumerate(vals) for j, b in enumerate(vals)
               if i != j and a > 0 and b > 0):
            n += 1
    return n
