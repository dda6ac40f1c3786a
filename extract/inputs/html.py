"""The HTML reader: a saved web page -> its main text (trafilatura), title, date, author, site.

Measured against readability-lxml and selectolax on hand-written pages with navigation,
comments, related links and sidebars (``bench/bench_html.py``): trafilatura keeps the whole
article, leaks least and is the only one that gives the publication date. Before it runs, blocks
whose class or id names comments (``cmt``, ``pinglun``, ``reply`` …) are pruned: Chinese portals
name them so, and trafilatura's own comment detection does not know those names.

The text handed on is the title line, then the article's paragraphs, one a line; evidence
offsets of an HTML input are offsets in that text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError
from ..text.decode import decode
from .source import Source, register

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
# comment and reply blocks on Chinese sites, by class or id
_COMMENT_WORDS = ("cmt", "comment", "pinglun", "reply", "discuss", "taolun")
_PRUNE = ["//*[" + " or ".join(f"contains(translate(@{a}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', "
                               f"'abcdefghijklmnopqrstuvwxyz'), '{w}')"
                               for a in ("class", "id") for w in _COMMENT_WORDS) + "]"]
_BYLINE = re.compile(r"^\s*(?:作者|文|记者|编辑|来源)\s*[:：|]\s*")


@dataclass
class PageText:
    """What the extractor found in a page."""

    text: str
    title: str | None
    published: str | None
    author: str | None
    site: str | None


def decode_page(data: bytes, path: str) -> str:
    """The page's characters: the charset its ``<meta>`` declares when it decodes, else the
    text decoding (BOM, UTF-8, GB18030 or Big5)."""
    m = _CHARSET.search(data[:4096])
    if m and not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        enc = m.group(1).decode("ascii").lower()
        enc = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030"}.get(enc, enc)
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, path)[0]


def read_html_text(page: str) -> PageText:
    """Main text and metadata of the HTML ``page`` (trafilatura, comments left out)."""
    import trafilatura

    doc = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False,
                                      include_tables=True, prune_xpath=_PRUNE, deduplicate=False)
    if doc is None:
        return PageText("", None, None, None, None)
    title = _clean(doc.title)
    body = (doc.text or "").strip()
    lines = [ln.strip() for ln in body.split("\n") if ln.strip()]
    if title and not (lines and _same(lines[0], title)):
        lines.insert(0, title)  # the headline is the article's first line, as in a text file
    author = _BYLINE.sub("", doc.author or "").strip() or None
    return PageText("\n".join(lines), title, doc.date or None, author, _clean(doc.sitename))


def _clean(s: str | None) -> str | None:
    return re.sub(r"\s+", " ", s).strip() or None if s else None


def _same(a: str, b: str) -> bool:
    return re.sub(r"\s+", "", a) == re.sub(r"\s+", "", b)


@register("html")
def read_html(data: bytes, path: str) -> Source:
    from .html_tables import splice_tables, take_tables

    page = decode_page(data, path)
    page, taken = take_tables(page)  # the article's <table>s, read as tables (issue 17)
    found = read_html_text(page)
    text, tables = splice_tables(found.text, taken)
    if not text.strip():
        raise InputError("an HTML page with no article text found in it", path)
    return Source(text=text, format="html", title=found.title, published=found.published,
                  author=found.author, site=found.site, split=False, tables=tables)
