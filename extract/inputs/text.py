"""The plain-text reader: the file decoded, its articles split later by :mod:`extract.text.normalize`."""
from __future__ import annotations

from ..text.decode import decode_article
from .source import Source, register


@register("text")
def read_text(data: bytes, path: str) -> Source:
    text, enc, replaced = decode_article(data, path)
    return Source(text=text, format="text", encoding=enc, replaced=replaced)
