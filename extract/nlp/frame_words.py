"""The words a document frame is found by, as data: ``ontology/frame.toml`` (results words,
announcing verbs, news outlets and trackers, stock and flow metrics, statistics words …), validated
and compiled once (:func:`frame_words`). The frame itself is :mod:`.frame`.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ValidationError

from ..errors import DataError
from ..resources import ontology_path


class _FrameFile(BaseModel):
    lead_chars: int
    results_words: list[str]
    announce_verbs: list[str]
    half_words: list[str]
    year_words: list[str]
    quarter_words: list[str]
    media: list[str]
    media_suffix: str
    exchanges: list[str]
    stock_words: list[str]
    growth_words: list[str] = []
    trailing_words: list[str] = []
    year_payouts: list[str] = []
    flow_words: list[str] = []
    generic_org: str = "(?!)"
    corporate_metrics: list[str] = []
    stock_ratio_words: list[str] = []
    stock_phrases: list[str] = []
    self_reference: str = "(?!)"
    data_lead: str
    statistics_words: list[str] = []
    bulletin_words: list[str] = []
    price_before: str = "(?!)"
    price_close: list[str] = []
    price_yesterday: list[str] = []
    price_move: str = "(?!)"
    segment_money_metrics: list[str] = []
    region_user_metrics: list[str] = []
    listed_code: str = "(?!)"
    analyst_words: list[str] = []
    provisional_words: list[str] = []
    dateline: str = "(?!)"
    national_publishers: list[str] = []
    national_bodies: str = "(?!)"
    currency_note: str = "(?!)"
    media_tag: str = "(?!)"
    fiscal_year_ends: dict[str, int] = {}
    scale_note: str = "(?!)"
    money_row_words: list[str] = []
    not_money_row: str = "(?!)"
    place_currencies: dict[str, str] = {}
    fiscal_years_named_by_start: list[str] = []
    traditional_markers: str = ""
    sector_words: list[str] = []
    regional_publishers: dict[str, str] = {}
    business_kinds: list[str] = []


@dataclass(frozen=True)
class FrameWords:
    lead_chars: int
    results: re.Pattern[str]
    announce: re.Pattern[str]
    half: tuple[str, ...]
    year: tuple[str, ...]
    quarter: tuple[str, ...]
    media: frozenset[str]
    media_suffix: re.Pattern[str]
    exchanges: frozenset[str]
    stock_words: tuple[str, ...]
    growth_words: tuple[str, ...]
    flow_words: tuple[str, ...]
    generic_org: re.Pattern[str]
    corporate_metrics: tuple[str, ...]
    stock_ratio_words: tuple[str, ...]
    self_reference: re.Pattern[str]
    data_lead: re.Pattern[str]
    statistics: re.Pattern[str] | None = None
    bulletin: re.Pattern[str] | None = None
    price_before: re.Pattern[str] | None = None
    price_close: tuple[str, ...] = ()
    price_yesterday: tuple[str, ...] = ()
    segment_money: tuple[str, ...] = ()
    listed_code: re.Pattern[str] | None = None
    analyst: re.Pattern[str] | None = None
    trailing_words: tuple[str, ...] = ()
    region_users: tuple[str, ...] = ()
    stock_phrases: tuple[str, ...] = ()
    provisional: tuple[str, ...] = ()
    dateline: re.Pattern[str] | None = None
    national: re.Pattern[str] | None = None
    fiscal_ends: dict = None
    currency_note: re.Pattern[str] | None = None
    media_tag: re.Pattern[str] | None = None
    price_move: re.Pattern[str] | None = None
    year_payouts: tuple[str, ...] = ()
    scale_note: re.Pattern[str] | None = None
    money_row: re.Pattern[str] | None = None
    not_money_row: re.Pattern[str] | None = None
    place_currencies: dict = None
    named_by_start: frozenset = frozenset()
    traditional_markers: frozenset = frozenset()
    sector_words: tuple[str, ...] = ()
    regional_publishers: dict = None
    business_kinds: frozenset = frozenset()


def _alternation(words: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


@cache
def frame_words() -> FrameWords:
    """``ontology/frame.toml``, validated and compiled once."""
    path = ontology_path("frame.toml")
    try:
        raw = _FrameFile.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))
    except (tomllib.TOMLDecodeError, ValidationError) as e:
        raise DataError(f"{path}: {str(e).splitlines()[0]}") from e
    return FrameWords(raw.lead_chars, _alternation(raw.results_words), _alternation(raw.announce_verbs),
                      tuple(raw.half_words), tuple(raw.year_words), tuple(raw.quarter_words),
                      frozenset(w.lower() for w in raw.media), re.compile(raw.media_suffix),
                      frozenset(raw.exchanges), tuple(raw.stock_words), tuple(raw.growth_words), tuple(raw.flow_words),
                      re.compile(raw.generic_org), tuple(raw.corporate_metrics), tuple(raw.stock_ratio_words), re.compile(raw.self_reference),
                      re.compile(raw.data_lead),
                      _alternation(raw.statistics_words) if raw.statistics_words else None,
                      _alternation(raw.bulletin_words) if raw.bulletin_words else None,
                      re.compile(raw.price_before), tuple(raw.price_close), tuple(raw.price_yesterday),
                      tuple(raw.segment_money_metrics), re.compile(raw.listed_code),
                      _alternation(raw.analyst_words) if raw.analyst_words else None, tuple(raw.trailing_words),
                      tuple(raw.region_user_metrics), tuple(raw.stock_phrases), tuple(raw.provisional_words),
                      re.compile(raw.dateline),
                      re.compile(_alternation(raw.national_publishers).pattern + "|" + raw.national_bodies) if raw.national_publishers else None,
                      dict(raw.fiscal_year_ends), re.compile(raw.currency_note), re.compile(raw.media_tag),
                      re.compile(raw.price_move), tuple(raw.year_payouts), re.compile(raw.scale_note),
                      _alternation(raw.money_row_words) if raw.money_row_words else None, re.compile(raw.not_money_row),
                      dict(raw.place_currencies), frozenset(raw.fiscal_years_named_by_start),
                      frozenset(raw.traditional_markers), tuple(raw.sector_words),
                      dict(raw.regional_publishers), frozenset(raw.business_kinds))
