"""Train the CRF named-entity model on CLUENER2020-style JSONL, and measure it on a held-out part.

    python -m extract.nlp.ner.train ../shared/data/cluener/train.jsonl -o extract/nlp/ner/crf.model

Input: one JSON object a line, ``{"text": ..., "label": {TYPE: {SURFACE: [[start, end], ...]}}}``
with inclusive offsets (CLUENER2020's format). A fixed share of the sentences (``--holdout``,
chosen by a seeded shuffle) is kept out of training and scored: precision, recall and F1 of each
type (a name counts when its span and type are both right). Training is deterministic: the same
data and options give the same model file, byte for byte.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

from .features import sentence_features
from .model import TYPES, CrfNer

#: crfsuite's L-BFGS with elastic-net regularization; c1 (L1) prunes most features, so the model
#: stays a few MB
PARAMS = {"c1": 0.1, "c2": 0.02, "max_iterations": 150, "feature.possible_transitions": True}


def read_jsonl(path: str | Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Sentences and their names (start, end exclusive, type) from a CLUENER-style file."""
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                spans = [(a, b + 1, typ) for typ, names in (row.get("label") or {}).items()
                         for places in names.values() for a, b in places]
                out.append((row["text"], sorted(spans)))
            except (ValueError, KeyError, TypeError) as e:
                raise SystemExit(f"{path}:{n}: not a CLUENER row ({e})")
    return out


def bio(text: str, spans: list[tuple[int, int, str]]) -> list[str]:
    """The BIO tags of a sentence's characters (a name overlapping an earlier one is dropped).
    BIO measured as well as BIOES on the validation split (F1 0.726 against 0.723) with half the
    labels, so tagging is faster.

    >>> bio("叶老桂说", [(0, 3, "name")])
    ['B-name', 'I-name', 'I-name', 'O']
    """
    tags = ["O"] * len(text)
    for a, b, typ in spans:
        if any(t != "O" for t in tags[a:b]):
            continue
        tags[a] = "B-" + typ
        for i in range(a + 1, b):
            tags[i] = "I-" + typ
    return tags


def split(rows: list, holdout: float, seed: int) -> tuple[list, list]:
    """(train, validation): a seeded shuffle of the row numbers, the last ``holdout`` share held out."""
    idx = list(range(len(rows)))
    random.Random(seed).shuffle(idx)
    k = int(round(len(rows) * holdout))
    held = set(idx[len(idx) - k:]) if k else set()
    return [r for i, r in enumerate(rows) if i not in held], [r for i, r in enumerate(rows) if i in held]


def train(rows: list, out: str | Path, params: dict | None = None) -> Path:
    """Train on ``rows`` (sentence, names) and write the model to ``out``."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params({**PARAMS, **(params or {})})
    for text, spans in rows:
        if text:
            trainer.append(sentence_features(text), bio(text, spans))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return out


def score(pred: list[list[tuple[int, int, str]]], gold: list[list[tuple[int, int, str]]],
          types=TYPES) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 of each type and over all (``ALL``): exact span and type.

    >>> score([[(0, 2, "name")]], [[(0, 2, "name"), (3, 5, "company")]])["ALL"]["recall"]
    0.5
    """
    counts = {t: [0, 0, 0] for t in (*types, "ALL")}  # tp, pred, gold
    for p, g in zip(pred, gold):
        ps, gs = set(p), set(g)
        for a, b, t in ps:
            for k in (t, "ALL"):
                counts.setdefault(k, [0, 0, 0])[1] += 1
        for a, b, t in gs:
            for k in (t, "ALL"):
                counts.setdefault(k, [0, 0, 0])[2] += 1
        for a, b, t in ps & gs:
            for k in (t, "ALL"):
                counts[k][0] += 1
    out = {}
    for t, (tp, np_, ng) in counts.items():
        pr = tp / np_ if np_ else 0.0
        rc = tp / ng if ng else 0.0
        out[t] = {"precision": round(pr, 4), "recall": round(rc, 4),
                  "f1": round(2 * pr * rc / (pr + rc), 4) if pr + rc else 0.0, "gold": ng}
    return out


def evaluate(model: CrfNer, rows: list) -> dict[str, dict[str, float]]:
    pred = [[(s.start, s.end, s.type) for s in model.spans(text)] for text, _ in rows]
    return score(pred, [spans for _, spans in rows])


def table(scores: dict[str, dict[str, float]]) -> str:
    lines = [f"{'type':<13} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
    for t, s in scores.items():
        lines.append(f"{t:<13} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['gold']:6d}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 epilog="example: python -m extract.nlp.ner.train train.jsonl -o crf.model")
    ap.add_argument("data", help="CLUENER-style JSONL (text, label)")
    ap.add_argument("-o", "--output", required=True, help="where to write the model")
    ap.add_argument("--holdout", type=float, default=0.1, help="share held out for validation (default 0.1)")
    ap.add_argument("--seed", type=int, default=18, help="seed of the held-out choice (default 18)")
    ap.add_argument("--iterations", type=int, default=PARAMS["max_iterations"])
    ap.add_argument("--c1", type=float, default=PARAMS["c1"])
    ap.add_argument("--c2", type=float, default=PARAMS["c2"])
    a = ap.parse_args(argv)
    rows = read_jsonl(a.data)
    tr, va = split(rows, a.holdout, a.seed)
    t0 = time.perf_counter()
    path = train(tr, a.output, {"max_iterations": a.iterations, "c1": a.c1, "c2": a.c2})
    took = time.perf_counter() - t0
    print(f"trained on {len(tr)} sentences in {took:.0f} s: {path} ({path.stat().st_size / 2**20:.1f} MB)",
          file=sys.stderr)
    if va:
        print(f"validation: {len(va)} sentences held out (seed {a.seed})")
        print(table(evaluate(CrfNer(path), va)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
