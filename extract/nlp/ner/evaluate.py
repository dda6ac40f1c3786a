"""The model alone against the pipeline's fusion (lexicon > patterns > model), on the validation
split of :mod:`extract.nlp.ner.train`, by ontology class.

    python -m extract.nlp.ner.evaluate ../shared/data/cluener/train.jsonl

Both sides are scored on the same held-out sentences with exact spans (a title's without its
《》), CLUENER's types mapped to classes as ``ontology/ner.toml`` maps them (``position`` is a
role, not scored). Company,
Organization and Platform are one family (``Org``): the lexicon knows 腾讯 as a company or as an
app, CLUENER as a company.
"""
from __future__ import annotations

import argparse
import sys

from .component import ner_mentions
from .config import load_ner_config
from .train import read_jsonl, score, split, table

_FAMILY = {"Company": "Org", "Organization": "Org", "Platform": "Org"}
CLASSES = ("Person", "Org", "Program", "Place")


def _family(cls: str) -> str:
    return _FAMILY.get(cls, cls)


def _inside_title(text: str, a: int, b: int) -> tuple[int, int]:
    """A title's span without its 《》: CLUENER keeps them, the pipeline's patterns do not."""
    return (a + 1, b - 1) if text[a:a + 1] == "《" and text[b - 1:b] == "》" and b - a > 2 else (a, b)


def compare(rows: list) -> tuple[dict, dict]:
    """(model alone, fusion) scores by class family on ``rows`` (sentence, CLUENER names)."""
    from ..components.entities import recognize

    classes = load_ner_config().classes
    gold, alone, fused = [], [], []
    for text, spans in rows:
        gold.append([(*_inside_title(text, a, b), _family(classes[t])) for a, b, t in spans if t in classes])
        model = ner_mentions([(0, text)])
        alone.append([(*_inside_title(text, m.start, m.end), _family(m.cls)) for m in model])
        fused.append([(*_inside_title(text, m.start, m.end), _family(m.cls))
                      for m in recognize(text, [(0, text)], [], backend="crf", model=model) if _family(m.cls) in CLASSES])
    return score(alone, gold, CLASSES), score(fused, gold, CLASSES)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 epilog="example: python -m extract.nlp.ner.evaluate train.jsonl")
    ap.add_argument("data", help="the CLUENER-style JSONL the model was trained on")
    ap.add_argument("--holdout", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=18)
    a = ap.parse_args(argv)
    _, va = split(read_jsonl(a.data), a.holdout, a.seed)
    alone, fused = compare(va)
    print(f"model alone ({len(va)} validation sentences)\n{table(alone)}\n\nfusion (lexicon > patterns > model)\n{table(fused)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
