"""What a reader makes of an input (:class:`Source`: the text to normalize, its metadata, pages and
tables) and the registry readers register into by format name (like rdflib's plugin registry).

The registry imports no reader: each reader module registers into it, and
:func:`extract.inputs.read_source` loads them, so the imports run one way.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

#: formats the readers handle
Reader = Callable[[bytes, str], "Source"]
READERS: dict[str, Reader] = {}


@dataclass
class Cell:
    """A table cell: its text as extracted and its span ``[start, end)`` in the extracted text."""

    text: str
    start: int
    end: int


@dataclass
class Table:
    """A table of page ``page`` (1-based), the ``index``-th on it (1-based): ``rows`` of cells
    (``None`` where a row has no cell in that column), and each row's line span in the text."""

    page: int | None  # None: a table of a text, whose page the reader fills in (PDF) or none
    index: int
    rows: list[list[Cell | None]]
    row_spans: list[tuple[int, int]] = field(default_factory=list)
    start: int = 0
    end: int = 0


@dataclass
class Source:
    """What a reader made of an input: the text to normalize and what is known about it."""

    text: str
    format: str
    encoding: str = "utf-8"
    title: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    author: str | None = None
    site: str | None = None
    #: several articles may run together in a text file; a web page or a PDF is one document
    split: bool = True
    #: undecodable bytes replaced by U+FFFD (text inputs)
    replaced: int = 0
    #: PDF: offset in ``text`` where each page starts (page ``k`` starts at ``pages[k-1]``)
    pages: list[int] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)

    @property
    def year(self) -> int | None:
        """The publication year (resolves 去年/今年), when the date is known."""
        m = re.match(r"(\d{4})", self.published or "")
        return int(m.group(1)) if m else None

    def page_at(self, offset: int) -> int | None:
        """The 1-based page holding ``offset`` of ``text`` (PDF), else ``None``."""
        return bisect_right(self.pages, offset) if self.pages else None

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES.get(self.format, "text/plain")


MEDIA_TYPES = {"text": "text/plain", "html": "text/html", "pdf": "application/pdf"}


def register(name: str) -> Callable[[Reader], Reader]:
    """Register a reader under a format name (``text``, ``html``, ``pdf``)."""
    def deco(fn: Reader) -> Reader:
        READERS[name] = fn
        return fn

    return deco
