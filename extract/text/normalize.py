"""Stage 1: raw bytes -> clean Simplified Chinese text with an offset map back to the raw text.

The raw text is the input file decoded (its encoding detected, see :func:`extract.text.decode.decode`); every
character of the normalized text maps back to a span of that raw text, so later stages can cite
raw offsets. The steps, in order:

1. HTML character references (``&ldquo;``) are unescaped.
2. Inline pinyin ruby annotations are removed: ``價(jià)值`` -> ``價值`` (a bracket right after
   a Chinese character holding tone-marked pinyin syllables); real brackets such as
   ``(ID: wxxcxsc)``, ``(CNNIC)`` or ``(2020)`` are kept.
3. Traditional -> Simplified with OpenCC ``t2s``.
4. NFKC folding of full-width digits, letters, spaces and punctuation (``１２％`` -> ``12%``,
   ``，`` -> ``,``); ``。`` and the Chinese quotation marks are kept.
5. Mojibake fragments (UTF-8 read as GBK and the like: ``当?shù)氐囊幻课葜薪?``) are marked
   as spans, reported and skipped by later stages, never silently dropped.
6. The text is split into articles (several articles run together in one file) and sentences.
"""
from __future__ import annotations

from pathlib import Path

from .decode import decode_article, read_input
from .offsets import Article, NormalizedText, _crlf, _Tracked
from .repair import find_mojibake, repair
from .split import _cap, _title_of, split_articles


def normalize_text(raw: str, doc_id: str = "doc", encoding: str = "utf-8", split: bool = True,
                   pipes: bool = True) -> NormalizedText:
    """Normalize an already decoded ``raw`` text; articles get ids ``{doc_id}#1``, ``#2`` …

    ``split=False`` keeps the text one article (a web page, a PDF), only cut when it is longer
    than :data:`MAX_ARTICLE`; ``pipes=False`` keeps the pipes of table rows (a reader that laid
    out its own tables with them, their cells known)."""
    # CRLF and CR become one line break mapped to both raw characters
    t = _crlf(raw) if "\r" in raw else _Tracked.identity(raw)
    t, pinyin = repair(t, pipes)
    norm = NormalizedText(raw=raw, text=t.text, starts=t.starts, ends=t.ends, encoding=encoding,
                          pinyin_removed=pinyin)
    norm.mojibake = find_mojibake(norm.text)
    spans = split_articles(norm.text) if split else _cap(norm.text, 0, len(norm.text))
    for k, (a, b) in enumerate(spans, 1):
        body = norm.text[a:b]
        moj = [(x - a, y - a) for x, y in norm.mojibake if a <= x < b]
        norm.articles.append(Article(id=f"{doc_id}#{k}", title=_title_of(body), text=body, offset=a,
                                     source=norm, mojibake=moj))
    return norm


def normalize_file(path: str | Path) -> NormalizedText:
    """Read, decode and normalize the article file ``path``.

    Raises :class:`InputError` naming the file when it is missing, unreadable, binary, empty or
    undecodable.
    """
    return normalize_bytes(read_input(path), str(path))


def normalize_bytes(data: bytes, path: str) -> NormalizedText:
    """Decode and normalize the bytes read from the file ``path`` (which names it in errors and
    gives the article ids)."""
    text, enc, replaced = decode_article(data, path)
    norm = normalize_text(text, doc_id=Path(path).stem, encoding=enc)
    norm.replaced = replaced
    return norm


