"""The offset map: every character of the normalized text remembers the raw span it came from.

:class:`_Tracked` rewrites a string and keeps the map; :class:`NormalizedText` and its
:class:`Article` slices answer raw offsets for any normalized span."""
from __future__ import annotations

import bisect
import math
import re
import unicodedata
from dataclasses import dataclass, field

from .split import Sentence, split_sentences


class _Tracked:
    """A string whose every character remembers the raw span ``[start, end)`` it came from."""

    __slots__ = ("text", "starts", "ends")

    def __init__(self, text: str, starts: list[int], ends: list[int]):
        self.text, self.starts, self.ends = text, starts, ends

    @classmethod
    def identity(cls, text: str) -> _Tracked:
        n = len(text)
        return cls(text, list(range(n)), list(range(1, n + 1)))

    def sub(self, pattern: re.Pattern[str], repl) -> _Tracked:
        """Replace every match of ``pattern`` by ``repl(match)``; replacement characters map to
        the span of what they replace (one to one when the lengths agree)."""
        out: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        for m in pattern.finditer(self.text):
            a, b = m.span()
            r = repl(m)
            if r == m.group(0):
                continue
            out.append(self.text[pos:a])
            starts.extend(self.starts[pos:a])
            ends.extend(self.ends[pos:a])
            self._map(r, a, b, starts, ends)
            out.append(r)
            pos = b
        if pos == 0 and not out:
            return self
        out.append(self.text[pos:])
        starts.extend(self.starts[pos:])
        ends.extend(self.ends[pos:])
        return _Tracked("".join(out), starts, ends)

    def _map(self, r: str, a: int, b: int, starts: list[int], ends: list[int]) -> None:
        if len(r) == b - a:
            starts.extend(self.starts[a:b])
            ends.extend(self.ends[a:b])
        elif r:
            lo = self.starts[a] if b > a else (self.ends[a - 1] if a else 0)
            hi = self.ends[b - 1] if b > a else lo
            starts.extend([lo] * len(r))
            ends.extend([hi] * len(r))

    def translate_lines(self, convert) -> _Tracked:
        """Apply a length-preserving-when-possible converter line by line (OpenCC)."""
        parts = self.text.split("\n")
        new = [convert(p) for p in parts]
        if all(len(a) == len(b) for a, b in zip(parts, new)):
            return _Tracked("\n".join(new), self.starts, self.ends)
        out: list[str] = []
        for p, q in zip(parts, new):
            out.append(q if len(p) == len(q) else "".join(convert(c) if len(convert(c)) == 1 else c for c in p))
        return _Tracked("\n".join(out), self.starts, self.ends)


def _plain(s: str) -> str:
    return "".join(unicodedata.normalize("NFKC", s).split())


@dataclass
class Article:
    """One article of a file: a slice ``[offset, offset+len(text))`` of the normalized text."""

    id: str
    title: str
    text: str
    offset: int
    source: NormalizedText = field(repr=False)
    mojibake: list[tuple[int, int]] = field(default_factory=list)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw offsets of the article-local span ``[start, end)``."""
        return self.source.raw_span(self.offset + start, self.offset + end)

    def wording(self, start: int, end: int) -> str | None:
        """The input's own wording of the span ``[start, end)`` where it differs from the
        normalized text beyond character width and spacing (Traditional characters, inline
        pinyin, 二零二三年), else None; runs of whitespace become one space."""
        ra, rb = self.raw_span(start, end)
        raw = " ".join(self.source.raw[ra:rb].split())
        if not raw or _plain(raw) == _plain(self.text[start:end]):
            return None
        return raw

    def sentences(self) -> list[Sentence]:
        """The article's sentences, split once (every stage reads them)."""
        cached = self.__dict__.get("_sentences")
        if cached is None:
            cached = self.__dict__["_sentences"] = split_sentences(self.text, self.mojibake)
        return cached

    def in_mojibake(self, start: int, end: int) -> bool:
        """Does ``[start, end)`` touch a mojibake span?"""
        k = bisect.bisect_right(self.mojibake, (start, math.inf))
        for a, b in self.mojibake[max(0, k - 1): k + 1]:
            if a < end and start < b:
                return True
        return False


@dataclass
class NormalizedText:
    """A file's raw text, its normalized text and the map between them."""

    raw: str
    text: str
    starts: list[int] = field(repr=False)
    ends: list[int] = field(repr=False)
    encoding: str = "utf-8"
    mojibake: list[tuple[int, int]] = field(default_factory=list)
    pinyin_removed: int = 0
    articles: list[Article] = field(default_factory=list)
    #: undecodable bytes replaced by U+FFFD (a damaged run in a UTF-8 file; marked as mojibake)
    replaced: int = 0

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw offsets ``[a, b)`` covering the normalized span ``[start, end)``."""
        if not self.text:
            return 0, 0
        start = min(max(start, 0), len(self.text) - 1)
        end = min(max(end, start + 1), len(self.text))
        return self.starts[start], self.ends[end - 1]


def _crlf(raw: str) -> _Tracked:
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(raw)
    while i < n:
        if raw[i] == "\r":
            w = 2 if i + 1 < n and raw[i + 1] == "\n" else 1
            chars.append("\n"); starts.append(i); ends.append(i + w)
            i += w
        else:
            chars.append(raw[i]); starts.append(i); ends.append(i + 1)
            i += 1
    return _Tracked("".join(chars), starts, ends)
