"""Bytes -> text: the file read, its encoding detected (BOM, UTF-8, GB18030 or Big5), a damaged
UTF-8 run kept as U+FFFD, and binary or blank input refused with an error naming the file."""
from __future__ import annotations

import codecs
import re
import unicodedata
from functools import cache
from pathlib import Path

from ..errors import InputError
from .chars import _is_han, _jieba, _t2s

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LEGACY = ("gb18030", "big5")


def decode(data: bytes, path: str | None = None) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding)``.

    A BOM decides (UTF-8, UTF-16, UTF-32); else strict UTF-8; else GB18030 or Big5, whichever
    decodes strictly and reads as more plausible Chinese (:func:`_chineseness`). Raises
    :class:`InputError` naming ``path`` when nothing decodes or the bytes are binary.

    >>> decode("快手".encode("big5"))
    ('快手', 'big5')
    """
    if not data:
        raise InputError("empty file: nothing to extract", path)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as e:
                raise InputError(f"starts with a {enc} byte-order mark but does not decode as {enc} "
                                 f"(byte {e.start})", path) from None
    if b"\x00" in data:
        raise InputError("binary content (NUL bytes): not a text article", path)
    text, _ = decode_damaged(data)
    return (text, "utf-8") if text is not None else _decode_legacy(data, path)


def decode_damaged(data: bytes) -> tuple[str | None, int]:
    """Decode ``data`` as UTF-8 when it is UTF-8, perhaps with a few stray undecodable runs (a
    pasted GB18030 fragment); return ``(text, replaced)``, or ``(None, 0)`` when the bytes are
    not mostly UTF-8.

    Each undecodable byte becomes U+FFFD, which :func:`find_mojibake` always marks, so the
    damaged run is reported and skipped while the rest of the article is extracted. A legacy
    file (GB18030, Big5) is almost all undecodable as UTF-8 and is left to its own decoding.

    >>> decode_damaged("快手营收".encode() + "增长".encode("gb18030") + "百分之十二".encode())
    ('快手营收����百分之十二', 4)
    """
    try:
        return data.decode("utf-8"), 0
    except UnicodeDecodeError:
        pass
    text, bad = _ESCAPED.subn("\ufffd", data.decode("utf-8", errors="surrogateescape"))
    non_ascii = len(data) - len(data.translate(None, bytes(range(128, 256))))
    if bad * 4 > non_ascii:
        return None, 0
    return text, bad


_ESCAPED = re.compile("[\udc80-\udcff]")  # undecodable bytes under errors="surrogateescape"


def _decode_legacy(data: bytes, path: str | None) -> tuple[str, str]:
    best: tuple[float, str, str] | None = None
    for enc in _LEGACY:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _chineseness(text)
        if best is None or score > best[0]:
            best = (score, text, enc)
    if best is None or best[0] < 0.3:
        raise InputError("cannot decode: not UTF-8, UTF-16 with BOM, GB18030 or Big5 "
                         "(convert it to UTF-8)", path)
    return best[1], best[2]


def _chineseness(text: str) -> float:
    """Share of the Chinese characters that fall in words of jieba's dictionary (0..1).

    Right decodings read as words; a wrong legacy decoding yields rare characters in no word.
    """
    sample = _t2s(text[:4000])
    chars = [c for c in sample if _is_han(c)]
    if not chars:
        return 0.5 if sample.isprintable() or sample.strip() else 0.0
    words = _word_chars()
    return sum(1 for c in chars if c in words) / len(chars)


@cache
def _word_chars() -> frozenset[str]:
    """Characters that occur in frequent words of jieba's dictionary."""
    jieba = _jieba()
    return frozenset(c for w, f in jieba.dt.FREQ.items() if f >= 50 and len(w) >= 2 for c in w)


def read_input(path: str | Path) -> bytes:
    """The bytes of the file ``path``; :class:`InputError` naming it when it cannot be read."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", str(path)) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", str(path)) from None
    except PermissionError:
        raise InputError("permission denied: cannot read it", str(path)) from None
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", str(path)) from None


def decode_article(data: bytes, path: str) -> tuple[str, str, int]:
    """Decode a text article read from ``path``: ``(text, encoding, bytes replaced by U+FFFD)``;
    :class:`InputError` naming ``path`` when it is blank, binary or undecodable."""
    text, enc = decode(data, path)
    if not text.strip():
        raise InputError("only whitespace: nothing to extract", path)
    if _looks_binary(text):
        raise InputError("binary content, not a text article", path)
    replaced = text.count("\ufffd") - data.count("\ufffd".encode()) if enc == "utf-8" else 0
    return text, enc, replaced


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    bad = sum(1 for c in sample if unicodedata.category(c) in ("Cc", "Co", "Cn") and c not in "\n\r\t\f")
    return bad > max(8, len(sample) // 20)
