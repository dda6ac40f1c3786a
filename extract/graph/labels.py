"""The canonical names of subjects and metrics, one rule for every command: ``diff`` aligns claims
on these keys, and the saved queries resolve a ``--param subject=`` / ``metric=`` value through
them, so a label any command prints is accepted by every other.

* a subject's key: the lexicon entry of the canonical label (else of the subject as written), so
  快手APP, Kuaishou and 快手 are one entity. A platform is the same subject as its operator when the
  operator is named after it (快手 / 快手科技, 京东 / 京东集团): news names the company by its
  flagship app. A platform whose operator runs others under other names stays apart (微信 is not
  腾讯, 抖音 is not 字节跳动, 快手极速版 is not 快手科技). Names not in the lexicon are compared in
  Simplified, case-folded form.
* a metric's key: ``metric_key`` (the lexicon's canonical metric), else the lexicon entry of the
  wording (DAU / 日活跃用户 / 日活), else the wording itself, Simplified and case-folded.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Optional

from ..nlp.lexicon import LexEntry, MetricEntry, fold, load_lexicon


def plain(text: str) -> str:
    """Simplified, case-folded, without spaces and punctuation: the key of an unlinked name."""
    from ..nlp.lexicon import _t2s

    t = _t2s().convert(unicodedata.normalize("NFKC", text))
    return fold(re.sub(r"[\s\W_]+", "", t)) or fold(text)


@cache
def entity_key(label: str, text: Optional[str] = None) -> tuple[str, str]:
    """(key, lexicon label) of a subject, linked through the lexicon (see the module doc).

    >>> entity_key("快手")[0] == entity_key("快手科技")[0] == entity_key("Kuaishou")[0]
    True
    >>> entity_key("微信")[0] == entity_key("腾讯")[0]
    False
    """
    lex = load_lexicon()
    for s in (label, text):
        if not s:
            continue
        entries = [e for e in lex.by_surface(s) if isinstance(e, LexEntry)]
        if not entries:
            continue
        e = next((x for x in entries if x.cls in ("Company", "Organization")), entries[0])
        if e.cls == "Platform" and e.related:
            op = next((x for x in lex.entities if x.label == e.related and x.cls in ("Company", "Organization")), None)
            if op is not None and op.label.startswith(e.label):
                e = op
        return e.key, e.label
    return f"name:{plain(label)}", label


@cache
def metric_key_of(metric: str, key: Optional[str] = None) -> tuple[str, str]:
    """(key, canonical label) of a metric: its lexicon key, else the lexicon entry of the wording,
    else the wording in plain form.

    >>> metric_key_of("DAU") == metric_key_of("日活") == metric_key_of("平均日活", "Metric:日活跃用户")
    True
    """
    lex = load_lexicon()
    if key:
        entry = lex.entity(key)
        return key, entry.label if entry else key.split(":", 1)[-1]
    entries = [e for e in lex.by_surface(metric) if isinstance(e, MetricEntry)]
    if entries:
        return entries[0].key, entries[0].label
    return f"wording:{plain(metric)}", metric


@cache
def _entity_labels() -> dict[str, tuple[str, ...]]:
    """Entity key -> the labels of every lexicon entity with that key (快手 and 快手科技)."""
    out: dict[str, list[str]] = {}
    for e in load_lexicon().entities:
        out.setdefault(entity_key(e.label)[0], []).append(e.label)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


def entity_names(value: str) -> list[str]:
    """Every label a graph may give the entity ``value`` names (a label, an alias, a key such as
    ``Platform:快手``): ``value`` itself, then the lexicon labels of its key, so 快手, 快手APP and
    快手科技 find the claims of both 快手 and 快手科技.

    >>> entity_names("快手APP")[:1], {"快手", "快手科技"} <= set(entity_names("快手APP"))
    (['快手APP'], True)
    """
    lex = load_lexicon()
    entry = lex.entity(value) if ":" in value else None
    key = entity_key(entry.label)[0] if isinstance(entry, LexEntry) else entity_key(value)[0]
    return list(dict.fromkeys([value, *_entity_labels().get(key, ())]))


def metric_names(value: str) -> list[str]:
    """Every label a graph may give the metric ``value`` names (its canonical label, an alias, or
    a key such as ``Metric:商品交易总额``): ``value`` itself and the canonical label.

    >>> metric_names("GMV"), metric_names("Metric:商品交易总额")
    (['GMV', '商品交易总额'], ['Metric:商品交易总额', '商品交易总额'])
    """
    lex = load_lexicon()
    entry = lex.entity(value) if ":" in value else None
    if isinstance(entry, MetricEntry):
        return list(dict.fromkeys([value, entry.label]))
    key, label = metric_key_of(value)
    return list(dict.fromkeys([value, label] if not key.startswith("wording:") else [value]))
