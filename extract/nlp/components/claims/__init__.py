"""Numeric claims: every number of a sentence becomes a claim (subject, metric, value, unit,
period, hedge, change) or is set aside (dates, ordinals, list markers, IDs: see numbers.py).

The package, one module a stage (read in this order):
``draft`` (the claim under construction), ``filters`` (numbers that are no claims), ``changes``
(levels and changes), ``timing`` (periods and the frame's conventions), ``prices`` (a share price's
trading day), ``subjects``,
``metrics`` (metric and unit), ``inherit`` (the metric taken from the figure before), ``lists`` (分别), ``forecasts`` (预测, 指引, 目标), ``build`` (one
sentence, stage by stage) and
``stage`` (the spaCy component: an article's sentences in order, with what carries between them).

Per sentence:
1. quantities from :func:`extract.nlp.numbers.find.find_quantities`, periods from
   :func:`extract.nlp.periods.find_periods`;
2. each quantity is a *level* (营收219亿元) or a *change* (同比增长32%, 提升3.5个百分点,
   翻了5倍): a change right after a change verb;
3. a change joins the level it qualifies: the level after ``至/到`` (由42.3元增长95.3%至82.6元),
   else the nearest level before it in the same stretch of the sentence, else a level right after
   it (同比增长30%,达2.23亿); a change with no level is a claim of its own;
4. the period is the last governing period before the number in the sentence (a period stated
   once governs the clauses after it), else the one carried from the sentence before when the
   sentence continues it (其中, 同时 …);
5. the metric is the nearest lexicon metric before the number, widened to the noun phrase as
   written, else the noun phrase before the number, else the noun after it (6万粉丝);
6. the subject is the nearest entity mention before the number in the sentence, else the
   previous claim's subject in the paragraph, else the article's topic entity.
"""
from __future__ import annotations

from .build import build_claims
from .draft import Draft, continues
from .filters import not_a_claim

__all__ = ["Draft", "build_claims", "continues", "not_a_claim"]
