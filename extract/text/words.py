"""The words normalization joins and keeps lines by, as data: ``ontology/normalize.toml``,
validated and compiled once (:func:`line_words`). The rewrites themselves are :mod:`.repair`.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ValidationError

from ..errors import DataError
from ..resources import ontology_path

_SPACE = r"[ \t\u3000]*"


class _Broken(BaseModel):
    units_after_figure: list[str]
    before_figure_chars: str
    before_figure_words: list[str]
    figure_units: list[str]
    figure_measure_chars: str
    comparisons: list[str]
    change_verb_first: str
    change_verb_second: str
    measure_ends: str
    copulas: list[str]
    rate_ends: str


class _OwnLine(BaseModel):
    bullets: str
    captions: list[str]
    labels: list[str]
    sections: list[str]


class _NormalizeFile(BaseModel):
    broken: _Broken
    own_line: _OwnLine


@dataclass(frozen=True)
class LineWords:
    broken: re.Pattern[str]  # matched at a line break: the break inside a figure or a phrase
    own_line: re.Pattern[str]  # matched at a line's start: a bullet, heading, caption or section


def _alt(words: list[str]) -> str:
    """An alternation of ``words``, longest first (个百分点 before 百分点)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _cls(chars: str) -> str:
    return "[" + "".join(re.escape(c) for c in chars) + "]"


def _compile(b: _Broken, o: _OwnLine) -> LineWords:
    brk = f"{_SPACE}\\n{_SPACE}"
    before = "|".join([f"(?<={_cls(b.before_figure_chars)})"] + [f"(?<={re.escape(w)})" for w in b.before_figure_words])
    broken = "|".join([
        rf"(?<=\d\.){brk}(?=\d)|(?<=\d){brk}(?=\.\d)",  # inside a decimal figure (10.\n39%, 3\n.9%)
        rf"(?<=\d){brk}(?=(?:{_alt(b.units_after_figure)})(?![\d\u4e00-\u9fff]{{0,1}}\d))",
        rf"(?<=\d个){brk}(?=百分点)",
        rf"(?:{before}){brk}(?=[+\-]?\d[\d,.]*\s*(?:{_alt(b.figure_units)}|{_cls(b.figure_measure_chars)}))",
        rf"(?:{'|'.join(f'(?<={re.escape(w)})' for w in b.comparisons)}){brk}"
        rf"(?={_cls(b.change_verb_first)}{_cls(b.change_verb_second)}?\s*[+\-]?\d)",
        rf"(?<={_cls(b.measure_ends)}){brk}(?=(?:{_alt(b.copulas)})\s*[+\-]?\d)",
        rf"(?<={_cls(b.rate_ends)}){brk}(?=[+\-]?\d[\d.]*\s*%)",
    ])
    own = "|".join([
        _cls(o.bullets),
        r"\d{1,2}\s*[.、)）](?!\d)", r"[一二三四五六七八九十]{1,3}\s*[、.]", r"[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]",
        rf"(?:{_alt(o.captions)})\s*\d", rf"(?:{_alt(o.labels)})\s*\d*\s*[:：]", _alt(o.sections),
    ])
    return LineWords(re.compile(broken), re.compile(rf"\s*(?:{own})"))


@cache
def line_words() -> LineWords:
    """Load and compile ``ontology/normalize.toml``; a bad entry raises DataError naming it."""
    path = ontology_path("normalize.toml")
    try:
        data = _NormalizeFile.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))
        return _compile(data.broken, data.own_line)
    except (tomllib.TOMLDecodeError, ValidationError, re.error) as e:
        raise DataError(f"invalid normalization word file: {e}".splitlines()[0], str(path)) from None
