"""The words of results tables (``ontology/tables.toml``), loaded and checked once."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import BaseModel, ValidationError

from ...errors import DataError
from ...resources import ontology_path


class _TableFile(BaseModel):
    yoy: list[str]
    qoq: list[str]
    change: list[str]
    note: list[str]
    no_value: list[str]
    per_share: list[str]
    loss: list[str]
    profit: list[str]
    magnitude_scales: list[tuple[str, float]]
    header_notes: list[str]
    currencies: list[tuple[str, str]]
    label_columns: list[str]
    category_columns: list[str] = []
    rank_columns: list[str]
    market_metrics: list[tuple[str, str]]
    total_rows: list[str]
    other_rows: list[str]
    market_words: list[str]
    unit_leads: list[str]
    paren_unit_leads: list[str]
    bare_magnitudes: list[tuple[str, float]]
    actual_marks: list[str]
    estimate_marks: list[str]
    forecast_label_columns: list[str]
    forecast_units: list[tuple[str, str, float]]
    ratio_labels: list[str]
    change_rows: list[str]
    forecast_prefix: str
    indicator_label_columns: list[str] = []
    indicator_level_columns: list[str] = []
    indicator_measure_columns: list[str] = []
    indicator_change_columns: list[tuple[str, str]] = []
    indicator_label_leads: list[str] = []
    indicator_label_units: list[str] = []
    relative_columns: list[tuple[str, Literal["current", "year_before", "period_before", "to_date"]]] = []


@dataclass(frozen=True)
class TableWords:
    yoy: tuple[str, ...]
    qoq: tuple[str, ...]
    change: tuple[str, ...]
    note: tuple[str, ...]
    no_value: tuple[str, ...]
    per_share: tuple[str, ...]
    loss: tuple[str, ...]
    profit: tuple[str, ...]
    magnitude_scales: tuple[tuple[str, float], ...]
    header_notes: tuple[str, ...]
    currencies: tuple[tuple[str, str], ...]
    label_columns: tuple[str, ...] = ()
    category_columns: tuple[str, ...] = ()
    rank_columns: tuple[str, ...] = ()
    market_metrics: tuple[tuple[str, str], ...] = ()
    total_rows: tuple[str, ...] = ()
    other_rows: tuple[str, ...] = ()
    market_words: tuple[str, ...] = ()
    unit_leads: tuple[str, ...] = ()
    paren_unit_leads: tuple[str, ...] = ()
    bare_magnitudes: tuple[tuple[str, float], ...] = ()
    actual_marks: tuple[str, ...] = ()
    estimate_marks: tuple[str, ...] = ()
    forecast_label_columns: tuple[str, ...] = ()
    forecast_units: tuple[tuple[str, str, float], ...] = ()
    ratio_labels: tuple[str, ...] = ()
    change_rows: tuple[str, ...] = ()
    forecast_prefix: str = "预测"
    indicator_label_columns: tuple[str, ...] = ()
    indicator_level_columns: tuple[str, ...] = ()
    indicator_measure_columns: tuple[str, ...] = ()
    indicator_change_columns: tuple[tuple[str, str], ...] = ()
    indicator_label_leads: tuple[str, ...] = ()
    indicator_label_units: tuple[str, ...] = ()
    relative_columns: tuple[tuple[str, str], ...] = ()

    def alt(self, *names: str) -> str:
        """A regex alternation of the words of the lists ``names`` (the first of each pair),
        longest first."""
        words = {w if isinstance(w, str) else w[0] for n in names for w in getattr(self, n)}
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    def currency_alt(self, code: str | None = None) -> str:
        """A regex alternation of the currency words (those of ``code`` only), longest first."""
        words = {w for w, c in self.currencies if code is None or c == code}
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    def change_kind(self, header: str) -> str | None:
        """``yoy``, ``qoq``, ``change`` (kind left to the periods) or ``None``: what a column
        header says of change.

        >>> w = table_words(); w.change_kind("同比变动(%)"), w.change_kind("QoQ"), w.change_kind("2024年")
        ('yoy', 'qoq', None)
        """
        for kind in ("yoy", "qoq", "change"):
            if any(x in header for x in getattr(self, kind)):
                return kind
        return None


@cache
def table_words() -> TableWords:
    path = ontology_path("tables.toml")
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        f = _TableFile(**raw)
    except (tomllib.TOMLDecodeError, ValidationError) as e:
        raise DataError(f"{path}: {e}") from None
    return TableWords(**{k: v if isinstance(v, str) else tuple(tuple(x) if isinstance(x, (list, tuple)) else x for x in v)
                         for k, v in f.model_dump().items()})
