"""The data behind the number layer: ontology/units.tsv, magnitudes.tsv, hedges.tsv and
non_numbers.tsv, each row validated by a pydantic model and loaded once (``tables()``).

A bad row raises :class:`extract.errors.DataError` naming ``file:line``.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from ...errors import DataError
from ...model import valid_unit
from ...resources import ontology_path

Kind = Literal["money", "percent", "points", "duration", "users", "count", "measure",
               "multiple", "date"]
HedgeDir = Literal["gt", "ge", "lt", "le", "approx", "exact"]


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class UnitRow(_Row):
    """One unit word: 亿元 is not a row, 元 is (magnitudes combine with any unit)."""

    word: str
    unit: str
    multiplier: Decimal
    kind: Kind
    position: Literal["pre", "post", "both"]
    not_before: str = ""

    @field_validator("multiplier")
    @classmethod
    def _positive(cls, v: Decimal) -> Decimal:
        if v <= 0:
            raise ValueError("multiplier must be positive")
        return v

    @model_validator(mode="after")
    def _unit_ok(self) -> UnitRow:
        if self.kind == "date":
            if self.unit != "-":
                raise ValueError("a date word has unit '-'")
        elif not valid_unit(self.unit):
            raise ValueError(f"unit {self.unit!r} is not a contract unit nor other:<word>")
        return self


class MagnitudeRow(_Row):
    word: str
    value: int
    alone: bool = False

    @field_validator("value")
    @classmethod
    def _power_of_ten(cls, v: int) -> int:
        if v < 10 or str(v).rstrip("0") != "1":
            raise ValueError(f"magnitude {v} is not a power of ten")
        return v


class HedgeRow(_Row):
    word: str
    position: Literal["pre", "mid", "post"]
    dir: HedgeDir
    qualifier: Literal["word", "phrase", "none"]
    applies: Literal["any", "magnitude"]
    not_after: str = ""


class NonNumberRow(_Row):
    word: str
    action: Literal["drop", "flag"]
    reason: str


def _read(name: str, model: type[_Row], fields: tuple[str, ...]) -> list:
    path = ontology_path(name)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise DataError(f"cannot read ({e.strerror})", path=str(path)) from e
    rows, seen = [], set()
    for no, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        where = f"{path}:{no}"
        if len(cells) != len(fields):
            raise DataError(f"expected {len(fields)} tab-separated columns "
                            f"({', '.join(fields)}), got {len(cells)}", path=where)
        data = {f: c.strip() for f, c in zip(fields, cells)}
        data = {f: ("" if v == "-" and f in ("not_before", "not_after") else v)
                for f, v in data.items()}
        try:
            row = model(**data)
        except ValidationError as e:
            err = e.errors()[0]
            field = ".".join(str(x) for x in err["loc"]) or "row"
            raise DataError(f"{field}: {err['msg']}", path=where) from None
        if not row.word:
            raise DataError("empty word", path=where)
        key = (row.word, getattr(row, "position", None))
        if key in seen:
            raise DataError(f"duplicate word {row.word!r}", path=where)
        seen.add(key)
        rows.append(row)
    return rows


@dataclass(frozen=True)
class Tables:
    units: tuple[UnitRow, ...]
    magnitudes: tuple[MagnitudeRow, ...]
    hedges: tuple[HedgeRow, ...]
    non_numbers: tuple[NonNumberRow, ...]


@cache
def tables() -> Tables:
    """All four tables, read and validated once per process."""
    return Tables(
        units=tuple(_read("units.tsv", UnitRow,
                          ("word", "unit", "multiplier", "kind", "position", "not_before"))),
        magnitudes=tuple(_read("magnitudes.tsv", MagnitudeRow, ("word", "value", "alone"))),
        hedges=tuple(_read("hedges.tsv", HedgeRow,
                           ("word", "position", "dir", "qualifier", "applies", "not_after"))),
        non_numbers=tuple(_read("non_numbers.tsv", NonNumberRow, ("word", "action", "reason"))),
    )
