"""The context patterns and word lists of ``ontology/patterns.toml`` and the claims stage's word
lists of ``ontology/claim_words.toml``, loaded and compiled once."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from pydantic import BaseModel, TypeAdapter, ValidationError

from ..errors import DataError
from ..resources import ontology_path


class _PatternRow(BaseModel):
    class_: Literal["Person", "Organization", "Platform", "Program"]
    confidence: float
    regex: str
    title: bool = False  # matched on the title (the first sentence) only


class _PatternFile(BaseModel):
    roles: list[str]
    org_heads: list[str]
    speech: list[str]
    left_bounds: list[str]
    org_head_after: str
    surnames: str
    double_surnames: list[str]
    not_names: list[str]
    not_name_tails: list[str] = []
    generic: list[str]
    name_traps: list[str] = []
    org_prefix_stop: str
    institution_heads: list[str]
    legal_forms: list[str] = []
    role_after: str = ""
    role_prefixes: list[str] = []
    platform_heads: list[str]
    org_lead_words: list[str] = []
    org_lead_speakers: list[str] = []
    org_lead_labels: list[str] = []
    org_tail_words: list[str] = []
    description_labels: list[str] = []
    description_heads: list[str] = []
    pattern: list[dict]
    non_claims: dict


@dataclass(frozen=True)
class Patterns:
    compiled: tuple[tuple[re.Pattern[str], str, float], ...]
    roles: tuple[str, ...]
    role_rx: re.Pattern[str]
    surnames: frozenset[str]
    not_names: frozenset[str]
    org_head_after: str
    generic: frozenset[str]
    platform_heads: tuple[str, ...]
    non_claim_after: tuple[re.Pattern[str], ...] = ()
    non_claim_before: tuple[re.Pattern[str], ...] = ()
    prose_small_max: int = 20
    words: dict[str, str] = field(default_factory=dict)  # claim_words.toml: name -> alternation
    _word_regexes: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False, repr=False)
    role_after: str = ""
    name_traps: re.Pattern[str] | None = None
    not_name_tails: tuple[str, ...] = ()  # a name never ends with one (全年教育文化)
    money_heads: tuple[str, ...] = ()
    staff_words: tuple[str, ...] = ()
    user_heads: tuple[str, ...] = ()
    unit_metrics: dict = None
    metric_tails: tuple[str, ...] = ()
    speech: tuple[str, ...] = ()
    conversion_words: tuple[str, ...] = ()
    count_verbs: tuple[str, ...] = ()
    populations: tuple[str, ...] = ()
    industry_heads: tuple[str, ...] = ()
    market_words: tuple[str, ...] = ()
    top_group: str = "(?!)"
    band_after: re.Pattern[str] | None = None
    navigation: re.Pattern[str] | None = None
    chrome_line: re.Pattern[str] | None = None
    page_counter: re.Pattern[str] | None = None
    done_verbs: tuple[str, ...] = ()
    stock_code: re.Pattern[str] | None = None
    verb_measures: dict = None
    verb_measure_nouns: tuple[str, ...] = ()  # 交付周期: a noun the verb modifies, no output
    verb_generic_objects: tuple[str, ...] = ()  # 交付新车: an object naming no product of its own
    object_measures: dict = None
    money_verbs: dict = None
    product_words: tuple[str, ...] = ()  # 星河平台, 星河应用: the short name and one of these name a product
    unit_heads: tuple[str, ...] = ()  # 证券, 物流…: heads of one business of a group (东方财富证券)
    list_kinds: tuple[str, ...] = ()  # 东部、中部和东北地区…: the kind the last item names for all
    shared_heads: tuple[str, ...] = ()  # 每股基本及摊薄收益: a head the first item of a list gives the others
    paired_measures: dict = None  # 产销 -> (产量, 销量): two measures one word names, in order (longest word first)
    legal_forms: tuple[str, ...] = ()  # 有限公司…: written after a name, longest first
    org_heads: tuple[str, ...] = ()  # org_heads and institution_heads: what ends an organization's name
    institution_heads: tuple[str, ...] = ()  # 协会, 研究院…: longest first
    description_labels: re.Pattern[str] | None = None  # 龙头, 大厂…: between a description and the name (or nothing)
    description_heads: tuple[str, ...] = ()  # 公司, 企业…: what a description ends with
    org_lead: re.Pattern[str] | None = None  # words glued before a guessed name (我们预计|落后)
    org_tail: re.Pattern[str] | None = None  # metric words glued after a guessed name (华远毛利)

    def word_regex(self, template: str) -> re.Pattern[str]:
        """``template`` compiled with each ``{name}`` replaced by the alternation of that word list."""
        rx = self._word_regexes.get(template)
        if rx is None:
            rx = self._word_regexes[template] = re.compile(
                re.sub(r"\{([a-z_]+)\}", lambda m: self.words[m.group(1)], template))
        return rx


class WordRegex:
    """A regex of the claims stage whose ``{name}`` slots are word lists of
    ``ontology/claim_words.toml``, compiled on first use through :func:`load_patterns` (a bad file
    is reported when the words are first needed, and a cleared cache reloads them). It answers
    ``search``, ``match``, ``sub``, ``finditer`` … as the compiled pattern does."""

    __slots__ = ("template",)

    def __init__(self, template: str):
        self.template = template

    def __getattr__(self, name: str):
        return getattr(load_patterns().word_regex(self.template), name)


def _load_words() -> dict[str, str]:
    """``ontology/claim_words.toml``: each list as the alternation of its entries, in file order."""
    path = ontology_path("claim_words.toml")
    try:
        raw = TypeAdapter(dict[str, list[str]]).validate_python(tomllib.loads(path.read_text(encoding="utf-8")))
    except (tomllib.TOMLDecodeError, ValidationError) as e:
        raise DataError(f"invalid word list file: {e}".splitlines()[0], str(path)) from None
    words = {}
    for name, entries in raw.items():
        words[name] = "|".join(entries)
        try:
            re.compile(words[name])
        except re.error as e:
            raise DataError(f"{name}: not a regex alternation: {e}", str(path)) from None
    return words


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _org_lead(data) -> re.Pattern[str]:
    """The words glued before a guessed name, a speaker first when a verb follows it (研报预计), an
    industry's label first of all (电池巨头)."""
    words = _alt(data.org_lead_words)
    speakers = f"(?:{_alt(data.org_lead_speakers)})(?=(?:{words}))" if data.org_lead_speakers else "(?!)"
    # (IC设计厂晶鑫电子: Latin letters in the label too; a name of two characters at least after it)
    labels = f"[\u4e00-\u9fffA-Za-z]{{0,6}}?(?:{_alt(data.org_lead_labels)})(?=[\u4e00-\u9fffA-Za-z]{{2}})" \
        if data.org_lead_labels else "(?!)"
    return re.compile(f"^(?:{labels})?(?:(?:{speakers})?(?:{words})+)?")


@cache
def load_patterns() -> Patterns:
    """Load and compile ``ontology/patterns.toml``; a bad entry raises DataError naming it."""
    path = ontology_path("patterns.toml")
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        data = _PatternFile.model_validate(raw)
    except (tomllib.TOMLDecodeError, ValidationError) as e:
        raise DataError(f"invalid pattern file: {e}".splitlines()[0], str(path)) from None
    # at the start, or after one of the bound characters: one lookbehind of a negated class
    # (a chain of lookbehinds, one per character, is tried at every position: 6x slower)
    lb = "(?<![^" + "".join(re.escape(c) for c in data.left_bounds if len(c) == 1) + "])"
    subst = {"{ROLEPRE}": _alt(data.role_prefixes) or "(?!)",
             "{ROLE}": _alt(data.roles), "{ORGHEAD}": _alt(data.org_heads), "{SPEECH}": _alt(data.speech),
             "{LB}": lb, "{ORGSTOP}": re.escape(data.org_prefix_stop),
             "{INSTHEAD}": _alt(data.institution_heads)}
    compiled = []
    for i, p in enumerate(data.pattern, 1):
        try:
            row = _PatternRow.model_validate({"class_": p.get("class"), **{k: v for k, v in p.items() if k != "class"}})
            rx = row.regex
            for k, v in subst.items():
                rx = rx.replace(k, v)
            compiled.append((re.compile(rx), row.class_, row.confidence, row.title))
        except (ValidationError, re.error) as e:
            raise DataError(f"pattern {i}: {str(e).splitlines()[0]}", str(path)) from None
    surnames = frozenset(re.sub(r"\s", "", data.surnames)) | frozenset(data.double_surnames)
    nc = data.non_claims
    return Patterns(
        compiled=tuple(compiled), roles=tuple(data.roles), role_rx=re.compile(_alt(data.roles)),
        words=_load_words(),
        surnames=surnames, not_names=frozenset(data.not_names), org_head_after=data.org_head_after,
        not_name_tails=tuple(data.not_name_tails),
        generic=frozenset(data.generic), platform_heads=tuple(data.platform_heads),
        non_claim_after=tuple(re.compile(x) for x in nc.get("after", [])),
        non_claim_before=tuple(re.compile(x) for x in nc.get("before", [])),
        prose_small_max=int(nc.get("prose_small_max", 20)), role_after=data.role_after,
        name_traps=re.compile(_alt(data.name_traps)) if data.name_traps else None,
        money_heads=tuple(nc.get("money_heads", [])), staff_words=tuple(nc.get("staff_words", [])),
        user_heads=tuple(nc.get("user_heads", [])), unit_metrics=dict(nc.get("unit_metrics", {})),
        metric_tails=tuple(nc.get("metric_tails", [])), speech=tuple(data.speech),
        conversion_words=tuple(nc.get("conversion_words", [])),
        count_verbs=tuple(sorted(nc.get("count_verbs", []), key=len, reverse=True)),
        populations=tuple(sorted(nc.get("populations", []), key=len, reverse=True)),
        industry_heads=tuple(nc.get("industry_heads", [])),
        market_words=tuple(nc.get("market_words", [])),
        top_group=nc.get("top_group", "(?!)"),
        band_after=re.compile(nc["band_after"]) if nc.get("band_after") else None,
        navigation=re.compile(nc["navigation"]) if nc.get("navigation") else None,
        chrome_line=re.compile(nc["chrome_line"], re.M) if nc.get("chrome_line") else None,
        page_counter=re.compile(nc["page_counter"]) if nc.get("page_counter") else None,
        done_verbs=tuple(nc.get("done_verbs", [])),
        stock_code=re.compile(nc["stock_code"]) if nc.get("stock_code") else None,
        verb_measures=dict(nc.get("verb_measures", {})),
        verb_measure_nouns=tuple(nc.get("verb_measure_nouns", [])),
        verb_generic_objects=tuple(nc.get("verb_generic_objects", [])),
        object_measures=dict(nc.get("object_measures", {})),
        money_verbs=dict(nc.get("money_verbs", {})),
        list_kinds=tuple(nc.get("list_kinds", [])),
        product_words=tuple(nc.get("product_words", [])),
        unit_heads=tuple(nc.get("unit_heads", [])),
        shared_heads=tuple(sorted(nc.get("shared_heads", []), key=len, reverse=True)),
        paired_measures={k: tuple(v) for k, v in sorted(nc.get("paired_measures", {}).items(), key=lambda kv: -len(kv[0]))},
        legal_forms=tuple(sorted(data.legal_forms, key=len, reverse=True)),
        org_heads=tuple(data.org_heads) + tuple(data.institution_heads),
        institution_heads=tuple(sorted(data.institution_heads, key=len, reverse=True)),
        description_labels=re.compile(f"(?:{_alt(data.description_labels)})?") if data.description_labels else re.compile(""),
        description_heads=tuple(data.description_heads),
        org_lead=_org_lead(data) if data.org_lead_words else None,
        org_tail=re.compile(f"(?:{_alt(data.org_tail_words)})$") if data.org_tail_words else None)
