"""Stage 0: an input file's bytes -> the text to normalize, its metadata and provenance.

The format is detected from the content (:func:`detect_format`: ``%PDF-`` magic bytes, HTML
markup, known binary signatures), never from the extension alone, and the reader registered
under that name (:func:`extract.inputs.source.register`, like rdflib's plugin registry) turns the bytes into a
:class:`Source`:

- ``text``: the file decoded (UTF-8/16/32, GB18030, Big5; :mod:`extract.text.decode`);
- ``html``: the main text of the page (:mod:`.html`, trafilatura), its title, publication date,
  author and site;
- ``pdf``: the text layer, page by page, with each table laid out one row a line and kept as
  cells (:mod:`.pdf`, pdfplumber), read as tables by :mod:`extract.nlp.tables`.

``Source.text`` is what the later stages see as the raw text: evidence offsets (``start``/``end``
of the JSONL, ``raw_start``/``raw_end`` of the models) of an HTML or PDF input are character
offsets in this extracted text, not in the file's bytes; the Document records the file
(``source``) and the hash of its bytes (``sha256``).
"""
from __future__ import annotations

import re

from ..errors import InputError
from .source import READERS, Source


def formats() -> list[str]:
    """The format names that have a reader."""
    _load_readers()
    return sorted(READERS)


def _load_readers() -> None:
    from . import html, pdf, text  # noqa: F401  each registers its reader


# signatures of formats we recognize but cannot read: (magic, what it is)
_UNSUPPORTED = (
    (b"PK\x03\x04", "a ZIP archive (a .docx, .xlsx or .epub?)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc, .xls)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image (OCR is not supported)"),
    (b"\xff\xd8\xff", "a JPEG image (OCR is not supported)"),
    (b"GIF8", "a GIF image (OCR is not supported)"),
    (b"II*\x00", "a TIFF image (OCR is not supported)"),
    (b"MM\x00*", "a TIFF image (OCR is not supported)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
)
# tags that only markup has; a text article quoting one is not enough (see detect_format)
_TAGS = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|br|article|section|span|script|a\s)[\s>/]",
                   re.IGNORECASE)
_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head)[\s>]",
                         re.IGNORECASE | re.DOTALL)


def detect_format(data: bytes) -> str:
    """The format of ``data`` from its content: ``pdf``, ``html``, ``text``, or a description of
    a recognized format zhkg cannot read (``a PNG image …``).

    >>> detect_format(b"%PDF-1.7 ..."), detect_format(b"<!DOCTYPE html><html><p>x</p>")
    ('pdf', 'html')
    >>> detect_format("营收增长12%。<br>".encode()), detect_format(b"\\x89PNG\\r\\n\\x1a\\n....")
    ('text', 'a PNG image (OCR is not supported)')
    """
    head = data[:4096]
    if b"%PDF-" in data[:1024]:  # the spec lets junk come before the header
        return "pdf"
    for magic, what in _UNSUPPORTED:
        if head.startswith(magic):
            return what
    probe = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text or page: sniff its decoded head
        try:
            probe = head.decode("utf-16").encode("utf-8", "replace").lstrip()
        except UnicodeDecodeError:
            pass
    if _HTML_START.match(probe) or len({m.group(0).lower()[:5] for m in _TAGS.finditer(probe)}) >= 3:
        return "html"
    return "text"


def read_source(data: bytes, path: str) -> Source:
    """Detect the format of the bytes read from ``path`` and read them with its reader.

    Raises :class:`InputError` naming ``path`` when the format has no reader or the reader fails
    (no text layer, undecodable, damaged).
    """
    _load_readers()
    fmt = detect_format(data)
    reader = READERS.get(fmt)
    if reader is None:
        raise InputError(f"{fmt}: this format is not supported (zhkg reads {', '.join(formats())})", path)
    return reader(data, path)


def normalize_source(data: bytes, path: str, doc_id: str | None = None):
    """``(NormalizedText, Source)`` of the bytes read from ``path``: the reader of their format
    (text, HTML, PDF), then :func:`extract.text.normalize.normalize_text`, as extraction does, so
    the text shown is the one evidence offsets point into. Article ids are ``{doc_id}#k``
    (default: the file's stem)."""
    from pathlib import Path

    from ..text.normalize import normalize_text

    src = read_source(data, path)
    norm = normalize_text(src.text, doc_id=doc_id or Path(path).stem, encoding=src.encoding, split=src.split,
                          pipes=not src.tables)
    norm.replaced = src.replaced
    return norm, src


def normalize_file(path):
    """Read and normalize the input file ``path`` (text, HTML or PDF, told apart by content; ``-``
    is standard input, its articles ``stdin#k``) as ``zhkg extract`` does: the
    :class:`~extract.text.offsets.NormalizedText` of the text its reader extracted.

    Raises :class:`InputError` naming the file when it cannot be read, has no reader or no text."""
    import sys

    from ..text.decode import read_input

    if str(path) == "-":
        buf = getattr(sys.stdin, "buffer", None)
        data = buf.read() if buf is not None else sys.stdin.read().encode("utf-8")
        return normalize_source(data, "<stdin>", doc_id="stdin")[0]
    return normalize_source(read_input(path), str(path))[0]


#: file names a folder never yields unless --glob asks for them: notes about the articles, not articles
NOT_ARTICLES = (".md", ".markdown", ".rst")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_DATA_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:[{\[]|@prefix\b|@base\b|prefix\s|<\?xml(?![^>]*>\s*<!doctype html)"
                         rb"|<[a-z][\w+.-]*:[^<>\s]*>\s)", re.IGNORECASE)


def is_article(head: bytes) -> bool:
    """Does a file starting with ``head`` (its first few KB) hold an article zhkg reads: a PDF, an
    HTML page, or text with Chinese in it, and not data (JSON, JSONL, RDF, XML) nor a format
    without a reader? What a folder yields (:func:`extract.run.batch.expand_inputs`).

    >>> is_article("快手2020年营收达587.8亿元。".encode()), is_article(b"%PDF-1.7"), is_article(b"<html><p>x")
    (True, True, True)
    >>> is_article(b'{"kind": "claim"}'), is_article(b"@prefix zhkg: <x#> ."), is_article(b"import os\\n")
    (False, False, False)
    """
    fmt = detect_format(head)
    if fmt in ("pdf", "html"):
        return True
    if fmt != "text" or _DATA_START.match(head):
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8", "gb18030", "big5")
    return any(len(_CJK.findall(head.decode(enc, "ignore"))) >= 2 for enc in encodings)
