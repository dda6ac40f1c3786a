"""Ranges said as two bounds: between two (介于75.7亿元与81.2亿元之间), to a currency said again
(介乎约人民币1.8亿元至人民币2.1亿元), a bound's restatement aside, and a floor joined to a ceiling
(不低于5000万元(含)且不超过1亿元(含)); :func:`extract.nlp.numbers.find.find_quantities` joins them
into one quantity with its ``upper`` bound.
"""
from __future__ import annotations

import re
from dataclasses import replace


#: a range said as two bounds "between" (介于75.7亿元与81.2亿元之间, 在4万辆和4.3万辆之间)
_BETWEEN_BEFORE = re.compile(r"(?:介于|介乎|在|处于|位于)\s*(?:人民币|港币|港元|美元|约)*\s*$")
_BETWEEN_JOIN = re.compile(r"\s*(?:与|和|及|至|到)\s*(?:人民币|港币|港元|美元)?\s*")
_BETWEEN_AFTER = re.compile(r"\s*(?:之间|之内|区间)")
#: … and bounds joined by 至 with the currency said again (介乎约人民币1.8亿元至人民币2.1亿元): no 之间 needed
_TO_CURRENCY = re.compile(r"\s*(?:至|到)\s*(?:约\s*)?(?:人民币|港币|港元|美元)?\s*(?:约\s*)?")
_CURRENCY_FIRST = re.compile(r"\s*(?:人民币|港币|港元|美元|RMB|HK\$|US\$)")


def _restated_bound(text: str, a, b) -> bool:
    """Is ``b`` the upper bound of ``a`` said with its currency again (1.8亿元至人民币2.1亿元)?"""
    j = _TO_CURRENCY.fullmatch(text, a.end, b.start)
    if re.search(r"(?:由|从)\s*(?:人民币|港币|港元|美元|约)*\s*$", text[max(0, a.start - 8):a.start]):
        return False  # 由人民币10亿元至人民币12亿元: a move, from one to the other
    return j is not None and bool(re.search(r"人民币|港币|港元|美元", j.group(0)) or _CURRENCY_FIRST.match(text, b.start))


def _between(text: str, qs: list) -> list:
    """介于75.7亿元与81.2亿元之间: two bounds of one unit joined by 与/和 inside 介于…之间 are one
    range (the first, with the second as its upper bound); so are a floor and a ceiling joined.

    >>> from extract.nlp.numbers.find import find_quantities
    >>> [(q.value, q.upper, q.qualifier) for q in find_quantities("不低于5000万元(含)且不超过1亿元(含)")]
    [(50000000.0, 100000000.0, None)]
    """
    out: list = []  # (numbers.find.Quantity, joined where two bound one range)
    k = 0
    while k < len(qs):
        a = qs[k]
        b = qs[k + 1] if k + 1 < len(qs) else None
        view, skip = text, 0
        aside = _RESTATED.match(text, a.end)
        if b is not None and aside is not None and aside.start("n") == b.start and k + 2 < len(qs):
            # 介于人民币186.7亿元(合25.7亿美元)至人民币192.5亿元(合26.5亿美元)之间: the bound's restatement
            # in another currency stands aside (blanked, offsets kept)
            view = text[:a.end] + " " * (aside.end() - a.end) + text[aside.end():]
            b, skip = qs[k + 2], 1
        # (不低于5000万元(含)且不超过1亿元(含): a floor and a ceiling, one range with no hedge)
        bounds = b is not None and a.hedge_dir in ("ge", "gt") and b.hedge_dir in ("le", "lt") and bool(_BOUNDS_JOIN.fullmatch(view, a.end, b.start))
        if b is not None and a.upper is None and b.upper is None and a.non_claim is None and b.non_claim is None \
                and a.unit == b.unit and a.kind == b.kind \
                and (_BETWEEN_BEFORE.search(view, max(0, a.start - 8), a.start) and _BETWEEN_JOIN.fullmatch(view, a.end, b.start)
                     and (_BETWEEN_AFTER.match(view, b.end) or _BETWEEN_AFTER.match(view, _restated_end(view, b)))
                     or _restated_bound(view, a, b) or bounds):
            out.append(replace(a, end=b.end, surface=text[a.start:b.end], upper=b.value,
                               qualifier=None if bounds else a.qualifier or b.qualifier, hedge_dir=None if bounds else a.hedge_dir))
            k += 2 + skip
            continue
        out.append(a)
        k += 1
    return out


#: a floor joined to a ceiling (不低于A(含)且不超过B)
_BOUNDS_JOIN = re.compile(r"\s*(?:[(（]\s*含\s*[)）])?\s*(?:且|并且|、|,|，|但)\s*")

#: a currency restatement in brackets after an amount ((合25.7亿美元), (约合1.3亿美元))
_RESTATED = re.compile(r"\s*[(（]\s*(?:约合|折合|合|约|相当于)\s*(?P<n>[^()（）]{1,20}?)[)）]")


def _restated_end(text: str, q) -> int:
    """Where the restatement in brackets after ``q`` ends (else ``q``'s end)."""
    m = _RESTATED.match(text, q.end)
    return m.end() if m else q.end
