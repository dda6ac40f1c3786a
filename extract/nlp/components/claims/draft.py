"""A claim under construction (:class:`Draft`) and the word patterns every stage of the claims
builder shares (clause breaks, the words trimmed off a metric phrase).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...patterns import WordRegex
from ..entities import Mention

# the word lists are data: ontology/claim_words.toml
_HARD_STOP = re.compile(r"[;；。!?！？\n]")

_CONTINUE = WordRegex(r"^(?:{continues})")
_BREAKDOWN = WordRegex(r"^\s*(?:{breakdowns})")

_NP_STOP = WordRegex(r"[,，;；:：、“”\"《》()（）\n]|{np_stops}")

_TRIM_TAIL = WordRegex(r"(?:{trim_tail})+$")

_TRIM_HEAD = WordRegex(r"^(?:{trim_head}|(?:则)?为(?=[\u4e00-\u9fff]{2,}(?:{prior_value_measures})$))+")

_AFTER_NOUN = re.compile(r"^\s*(?:的)?(?P<n>[\u4e00-\u9fffA-Za-z]{1,8}?)(?=[,，。;；、\s]|$|同时|都|在|已|被|中|是)")

_SUBJECT_CLASSES = ("Platform", "Company", "Organization", "Person", "Program", "Place")

def _may_be_subject(m: Mention) -> bool:
    """A claim's subject is a named thing found with enough confidence (``min_subject`` in
    ``ontology/ner.toml``: the NER model's unsure names are entities, never subjects)."""
    from ...ner.config import load_ner_config

    return m.cls in _SUBJECT_CLASSES and m.confidence >= load_ner_config().confidence.min_subject


@dataclass
class Draft:
    """A claim under construction (sentence-local offsets)."""

    q: object
    is_change: bool = False
    change_kind: str | None = None
    changes: list[tuple[str, float]] = field(default_factory=list)
    attached: bool = False
    period: str | None = None
    subject: Mention | None = None
    metric: str | None = None
    metric_key: str | None = None
    unit: str | None = None
    subject_here: bool = False  # the subject is named in this sentence (else carried or the topic)
    target: Draft | None = None  # the level a change joined
    scale: float = 1.0  # a unit the claim restates in its currency (280.09分 of a per-share figure: ×0.01 CNY)
    kinds_known: bool = False  # its changes' kinds follow the periods of the levels compared
    quote: bool = False  # a share price quoted after its name: 格力电器(50.070, -0.12, -0.24%)
    part: bool = False  # a part's figure of the measure before 其中 (城市居民消费价格): no repeat of the whole's
    whole: str | None = None  # … and that measure (居民消费价格), for the parts of a later breakdown
    bases: dict = field(default_factory=dict)  # the base period each change names (index -> code: 较2017年第三季度)
    over_years: bool = False  # a rate over years (复合年增长率): a claim of its own, no level's change
    column: bool = False  # a table row's change column (…;上年同期 37,104;变动 4.2%): the row's first level's

    def regrade(self, kind: str, kinds: tuple[str, ...] = ("growth",), keep: set = frozenset()) -> None:
        """Its changes of the ``kinds`` (a plain change by default) are of ``kind`` instead: the
        comparison a period or a convention tells (增长34% of a quarter's figure: yoy); not those at
        the indices ``keep`` (against a base they name)."""
        self.changes = [(kind if k in kinds and i not in keep else k, v) for i, (k, v) in enumerate(self.changes)]
        if self.change_kind in kinds and 0 not in keep:
            self.change_kind = kind

_LIST_ITEM = re.compile(r"(?:\d{1,2}[A-Za-z])?[\u4e00-\u9fffA-Za-z]{2,8}")  # (5G基站, 3D打印设备)
_LIST_SEP = re.compile(r"\s*(?:、|/|和|与|及|以及|跟|(?<!合)同(?![比期时]))\s*")

_CLAUSE_BREAK = re.compile(r"[;；。]")

_ANAPHOR = re.compile(r"(?:这?一|该|此|这个|上述)?(?:数字|数据|指标|数值)")

_PER_UNIT = re.compile(r"每|人均|单个|单位|户均|平均每")

_RATIO_HEAD = re.compile(r"(?:占比|比重|比例|份额|率|倍差|倍数|(?<=[\u4e00-\u9fff])[^占对]比)$")  # (收入比: a ratio of two amounts)

# (a space after a figure, before Chinese, separates a headline's clauses: 经调整亏损3.6亿元 收入按年跌36%;
# a space between words of one clause, 毛利率 为 30%, does not)
_CLAUSE_END = re.compile(r"[,，;；。]|(?<=[\d%％元亿万千百辆台人户个])[ \u3000]+(?=[\u4e00-\u9fff])")

def _clause_start(sent: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts (after the last clause end before it)."""
    return max((x.end() for x in _CLAUSE_END.finditer(sent, 0, pos)), default=0)

_COMPARE = re.compile(r"同比|环比|按年|按季|较|相比|相较|比上")  # a comparison: 同比, 按年, 较上一季度

def continues(sent: str) -> bool:
    """Does ``sent`` open by continuing what came before (其中, 同时, 此外 …)?"""
    return bool(_CONTINUE.match(sent))


def breaks_down(sent: str) -> bool:
    """Does ``sent`` open a breakdown of the figures before it (分区域看, 按经营单位所在地分)?"""
    return bool(_BREAKDOWN.match(sent))
