"""The HTML reader of tables: a page's ``<table>`` elements (lxml) kept as tables.

Before the page's main text is extracted (trafilatura, :mod:`extract.inputs.html`), every
``<table>`` with figures in it is taken out of the page and a placeholder paragraph put in its
place; the extractor keeps the placeholder where it keeps the article and drops it with the page
chrome (navigation, sidebars, ads), and tables inside such chrome are not even taken. The
placeholder is then replaced by the table, one row a line, cells joined by `` | `` as the PDF
reader lays them out; each cell keeps its span in that text (:class:`extract.inputs.source.Table`), the
``<caption>`` is a header row of its own (its scale: 人民币百万元), ``<thead>`` rows come first,
and a header cell spanning columns (``colspan``) speaks for each of them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .source import Cell, Table

PLACEHOLDER = "ZHKGTABLE{}ZHKG"
_PLACEHOLDER_RX = re.compile(r"ZHKGTABLE(\d+)ZHKG")
CELL_SEP = " | "
# page chrome: a table inside one of these is not the article's
_CHROME_TAGS = {"nav", "header", "footer", "aside", "menu", "form"}
_CHROME_WORDS = re.compile(r"(?:^|[\s_-])(?:nav|navbar|menu|sidebar|side|footer|header|ad|ads|advert|banner|"
                           r"breadcrumb|related|recommend|share|comment|cmt)(?:$|[\s_-])", re.IGNORECASE)
_DIGIT = re.compile(r"\d")


@dataclass
class HtmlTable:
    """A table taken out of a page: its rows of cell texts (``None`` where a spanned column has
    no text of its own) and how many leading rows are header rows."""

    rows: list[list[str | None]]


def take_tables(page: str) -> tuple[str, list[HtmlTable]]:
    """``page`` with each article ``<table>`` that holds figures replaced by a placeholder
    paragraph, and the tables taken, the ``k``-th behind ``ZHKGTABLE{k}ZHKG``."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return page, []
    found: list[HtmlTable] = []
    for el in root.iter("table"):
        if _in_chrome(el) or el.xpath("ancestor::table"):
            continue
        rows = _grid(el)
        if sum(1 for r in rows if sum(bool(c and _DIGIT.search(c)) for c in r[1:]) >= 1) < 2:
            continue  # a layout table, or one with no figures
        p = etree.Element("p")
        p.text = PLACEHOLDER.format(len(found))
        p.tail = el.tail
        el.getparent().replace(el, p)
        found.append(HtmlTable(rows))
    if not found:
        return page, []
    return lxml.html.tostring(root, encoding="unicode"), found


def _in_chrome(el) -> bool:
    for a in el.iterancestors():
        if a.tag in _CHROME_TAGS:
            return True
        if _CHROME_WORDS.search(f"{a.get('class', '')} {a.get('id', '')} {a.get('role', '')}"):
            return True
    return False


def _text(el) -> str:
    return re.sub(r"\s+", " ", el.text_content()).strip()


def _grid(table) -> list[list[str | None]]:
    """The table's rows, ``<caption>`` first, then ``<thead>``, body and foot; a cell spanning
    columns fills each of them in a header row (before the first row with figures), the first
    only in a data row."""
    rows: list[list[str | None]] = []
    cap = table.find("caption")
    trs = table.xpath("./thead/tr") + table.xpath("./tr | ./tbody/tr") + table.xpath("./tfoot/tr")
    seen_data = False
    body: list[list[str | None]] = []
    for tr in trs:
        row: list[str | None] = []
        cells = tr.xpath("./td | ./th")
        data = any(_DIGIT.search(_text(c)) and not re.search(r"年|季|Q\d|月|日", _text(c)) for c in cells[1:])
        seen_data = seen_data or data
        for c in cells:
            t = _text(c)
            try:
                span = max(1, min(int(c.get("colspan", "1")), 20))
            except ValueError:
                span = 1
            row.append(t)
            row.extend([t if not seen_data else None] * (span - 1) if t else [None] * (span - 1))
        body.append(row)
    if cap is not None and _text(cap):
        rows.append([_text(cap)])
    return rows + body


def splice_tables(text: str, tables: list[HtmlTable]) -> tuple[str, list[Table]]:
    """``text`` with each placeholder line replaced by its table (one row a line, cells joined
    by `` | ``), and the tables with every cell's span in the new text."""
    out: list[str] = []
    pos = 0
    at = 0
    found: list[Table] = []
    for m in _PLACEHOLDER_RX.finditer(text):
        k = int(m.group(1))
        out.append(text[pos:m.start()])
        at += m.start() - pos
        pos = m.end()
        if k >= len(tables):
            continue
        t = Table(page=1, index=len(found) + 1, rows=[], start=at)
        for r, row in enumerate(tables[k].rows):
            if r:
                out.append("\n")
                at += 1
            line_start = at
            cells: list[Cell | None] = []
            written: dict[str, Cell] = {}
            first = True
            for c in row:
                if not c:
                    cells.append(None)
                    continue
                if cells and cells[-1] is not None and cells[-1].text == c and c in written:
                    cells.append(written[c])  # a header spanning columns: one text, each column
                    continue
                if not first:
                    out.append(CELL_SEP)
                    at += len(CELL_SEP)
                first = False
                cell = Cell(c, at, at + len(c))
                out.append(c)
                at += len(c)
                written[c] = cell
                cells.append(cell)
            t.rows.append(cells)
            t.row_spans.append((line_start, at))
        t.end = at
        found.append(t)
    out.append(text[pos:])
    return "".join(out), found
