"""The PDF reader: the text layer page by page (pdfplumber), tables kept as tables.

pdfplumber was kept over pypdf: pypdf gives the text layer only, each table cell on a line of
its own, while pdfplumber finds the ruled tables with their cells (``bench/bench_pdf.py``).

Per page, the text lines outside the tables and the tables themselves are laid out top to
bottom: lines wrapped inside a paragraph are joined back (a line that reaches the right margin
and ends with no sentence mark goes on in the next one), each table row becomes one line of its
non-empty cells joined by `` | ``, and each cell keeps its span in that text
(:class:`extract.inputs.source.Table`). Pages are separated by a blank line and ``Source.pages`` says
where each starts. A table drawn without ruling lines (the usual layout of Hong Kong
announcements) is found by no line-based detection: its rows come out as text lines whose cells
are spaced apart, and the text reader of tables (:mod:`extract.nlp.tables.text`) reads them, the
page filled in from the offsets. A PDF with no text layer (a scan) is an :class:`InputError`: OCR is not
supported.
"""
from __future__ import annotations

import io
import re

from ..errors import InputError
from .source import Cell, Source, Table, register

_SENT_END = tuple("。！？!?；;：:")
CELL_SEP = " | "


class _Writer:
    """Text built piece by piece, with the offset where each piece starts."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0

    def add(self, s: str) -> int:
        at = self.pos
        self.parts.append(s)
        self.pos += len(s)
        return at

    def text(self) -> str:
        return "".join(self.parts)


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _join(prev: str, nxt: str) -> str:
    """What goes between two wrapped lines of one paragraph: nothing between Chinese, a space
    between Latin words."""
    if prev and nxt and prev[-1].isascii() and prev[-1].isalnum() and nxt[0].isascii() and nxt[0].isalnum():
        return " "
    return ""


def _lines_text(w: _Writer, lines: list[dict], right: float) -> None:
    prev = None
    for ln in lines:
        t = ln["text"].strip()
        if not t:
            continue
        if prev is not None:
            height = max(prev["bottom"] - prev["top"], 1.0)
            wrapped = (prev["x1"] >= right - 1.5 * height and not prev["text"].rstrip().endswith(_SENT_END)
                       and ln["top"] - prev["bottom"] < 0.8 * height)
            w.add(_join(prev["text"].rstrip(), t) if wrapped else "\n")
        w.add(t)
        prev = ln


def _table_text(w: _Writer, rows: list[list[str | None]], page: int, index: int) -> Table:
    table = Table(page=page, index=index, rows=[], start=w.pos)
    for k, row in enumerate(rows):
        if k:
            w.add("\n")
        line_start = w.pos
        cells: list[Cell | None] = []
        first = True
        for c in row:
            s = re.sub(r"\s*\n\s*", "", c).strip() if c else ""
            if not s:
                cells.append(None)
                continue
            if not first:
                w.add(CELL_SEP)
            first = False
            at = w.add(s)
            cells.append(Cell(s, at, at + len(s)))
        table.rows.append(cells)
        table.row_spans.append((line_start, w.pos))
    table.end = w.pos
    return table


@register("pdf")
def read_pdf(data: bytes, path: str) -> Source:
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFPasswordIncorrect
    except ImportError as e:  # pragma: no cover - a dependency of zhkg
        raise InputError(f"reading PDF needs pdfplumber ({e})", path) from None
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PDFPasswordIncorrect:
        raise InputError("an encrypted PDF (a password is needed): cannot read its text", path) from None
    except Exception as e:  # pdfminer raises many kinds on a damaged file
        raise InputError(f"not a readable PDF ({type(e).__name__}: {e})", path) from None
    w = _Writer()
    pages: list[int] = []
    tables: list[Table] = []
    chars = images = 0
    meta: dict = {}
    with pdf:
        try:
            meta = dict(pdf.metadata or {})
            for pno, page in enumerate(pdf.pages, 1):
                if pno > 1:
                    w.add("\n\n")
                pages.append(w.pos)
                chars += len(page.chars)
                images += len(page.images)
                if not page.chars:
                    continue
                found = [t for t in page.find_tables() if len(t.rows) >= 2]
                boxes = [t.bbox for t in found]
                outside = page.filter(lambda o: o.get("object_type") != "char" or not _inside(o, boxes))
                lines = outside.extract_text_lines(strip=True, return_chars=False)
                right = max((ln["x1"] for ln in lines), default=0.0)
                blocks = sorted([(ln["top"], 0, ln) for ln in lines] + [(t.bbox[1], 1, t) for t in found],
                                key=lambda b: (b[0], b[1]))
                run: list[dict] = []
                k = 0
                for _, kind, obj in blocks:
                    if kind == 0:
                        run.append(obj)
                        continue
                    if run:
                        _lines_text(w, run, right)
                        w.add("\n")
                        run = []
                    elif w.pos > pages[-1]:
                        w.add("\n")
                    k += 1
                    tables.append(_table_text(w, obj.extract(), pno, k))
                    w.add("\n")
                if run:
                    _lines_text(w, run, right)
        except InputError:
            raise
        except Exception as e:
            raise InputError(f"a damaged PDF: reading its pages failed ({type(e).__name__}: {e})", path) from None
    text = w.text()
    if not text.strip():
        if chars == 0 and images:
            raise InputError("no text layer: OCR is not supported (a scanned PDF holds page images only)", path)
        raise InputError("a PDF with no text in it", path)
    return Source(text=text, format="pdf", title=_meta(meta, "Title"), author=_meta(meta, "Author"),
                  split=False, pages=pages, tables=tables)


def _meta(meta: dict, key: str) -> str | None:
    """A document-information entry worth keeping: writers fill them with placeholders
    ((anonymous), untitled, Microsoft Word - x.docx), so only one with Chinese in it is kept."""
    v = meta.get(key)
    if isinstance(v, bytes):
        v = v.decode("utf-16" if v.startswith((b"\xfe\xff", b"\xff\xfe")) else "latin-1", "replace")
    v = str(v or "").strip()
    return v if re.search(r"[\u4e00-\u9fff]", v) else None
