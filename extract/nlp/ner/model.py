"""The CRF named-entity model: tag a sentence's characters, read the names off the tags.

:class:`CrfNer` wraps a python-crfsuite model file (``crf.model`` beside this module, trained by
:mod:`extract.nlp.ner.train`). :meth:`CrfNer.spans` takes a sentence (and its words, when the
caller has them) and returns :class:`NerSpan` rows: start, end, CLUENER type, and confidence, the
smallest marginal probability of the span's tags (the CRF's belief in its weakest character).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .features import sentence_features

MODEL_PATH = Path(__file__).resolve().parent / "crf.model"

#: the ten CLUENER2020 types the model tags
TYPES = ("name", "company", "organization", "government", "position", "address", "scene",
         "game", "movie", "book")


_SPACE = re.compile(r"\s")
_RUN = re.compile(r"\S+")


@dataclass(frozen=True)
class NerSpan:
    start: int
    end: int
    type: str
    confidence: float


def tag_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Spans (start, end, type) of a BIOES tag sequence, read leniently: a name opens at B or S
    (or at an I or E that continues no name of its type) and closes after E or S, or before
    anything that does not continue it.

    >>> tag_spans(["B-name", "I-name", "E-name", "O", "I-company", "E-company", "S-name"])
    [(0, 3, 'name'), (4, 6, 'company'), (6, 7, 'name')]
    """
    out: list[tuple[int, int, str]] = []
    start, typ = None, None
    for i, t in enumerate(tags):
        p, _, ty = t.partition("-")
        if start is not None and not (p in "IE" and ty == typ and p != "O"):
            out.append((start, i, typ))
            start, typ = None, None
        if p in ("B", "S") or (p in ("I", "E") and start is None):
            start, typ = i, ty
        if start is not None and p in ("E", "S"):
            out.append((start, i + 1, typ))
            start, typ = None, None
    if start is not None:
        out.append((start, len(tags), typ))
    return out


class CrfNer:
    """A loaded CRF model; one tagger, not thread-safe (each process loads its own)."""

    def __init__(self, path: str | Path = MODEL_PATH):
        import pycrfsuite

        self.path = Path(path)
        if not self.path.is_file():
            from ...errors import DataError

            raise DataError("the NER model is missing; train it with python -m extract.nlp.ner.train",
                            str(self.path))
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(self.path))

    def spans(self, text: str, words: list[tuple[int, int]] | None = None) -> list[NerSpan]:
        """The names in ``text`` (one sentence), with their confidence in [0, 1]. White space
        separates: the model, trained on sentences without any, tags each run between spaces on
        its own (记者白瀛 史竞男: two names)."""
        if not text:
            return []
        if _SPACE.search(text):
            out = []
            for m in _RUN.finditer(text):
                a, b = m.span()
                ws = None if words is None else [(max(x, a) - a, min(y, b) - a) for x, y in words if x < b and y > a]
                out.extend(NerSpan(s.start + a, s.end + a, s.type, s.confidence) for s in self._spans(m.group(0), ws))
            return out
        return self._spans(text, words)

    def _spans(self, text: str, words: list[tuple[int, int]] | None) -> list[NerSpan]:
        t = self.tagger
        t.set(sentence_features(text, words))
        tags = t.tag()
        out = []
        for a, b, typ in tag_spans(tags):
            conf = min(t.marginal(tags[i], i) for i in range(a, b))
            out.append(NerSpan(a, b, typ, round(min(1.0, max(0.0, conf)), 4)))
        return out


@cache
def load_model(path: str | None = None) -> CrfNer:
    """The shipped model (or the one at ``path``), loaded once per process."""
    return CrfNer(path or MODEL_PATH)
