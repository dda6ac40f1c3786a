"""The lexicons under ``ontology/lexicon/``: platforms, organizations, people, programs and metrics.

:func:`load_lexicon` reads the five TSV files once, validates every row with a pydantic model and
returns a frozen :class:`Lexicon`. A bad row raises :class:`extract.errors.DataError` naming
``file:line`` and the problem. Lookups run on normalized Simplified text, so every surface form is
indexed as written and in its Simplified form (OpenCC ``t2s``); Latin letters match case-insensitively.

File format: ``#`` comment lines (what the file holds, where entries come from), a header row, then
one entry a row, TAB-separated, aliases separated by ``|``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from ..errors import DataError
from ..resources import ontology_path

UnitKind = Literal["users", "money", "percent", "minutes", "count", "ratio", "multiple"]
LexClass = Literal["Platform", "Company", "Organization", "Person", "Program", "Place"]


# ---- one pydantic model per file: a row as written -------------------------------------------------

class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    label: str
    aliases: tuple[str, ...] = ()

    @field_validator("label")
    @classmethod
    def _label(cls, v: str) -> str:
        if not v or v != v.strip() or "|" in v:
            raise ValueError(f"label {v!r} is empty, has surrounding spaces or contains '|'")
        return v

    @field_validator("aliases", mode="before")
    @classmethod
    def _split(cls, v: object) -> object:
        if isinstance(v, str):
            parts = v.split("|") if v else []
            if any(not p or p != p.strip() for p in parts):
                raise ValueError(f"aliases {v!r}: an alias is empty or has surrounding spaces")
            if len(set(parts)) != len(parts):
                raise ValueError(f"aliases {v!r}: an alias is repeated")
            return tuple(parts)
        return v

    @model_validator(mode="after")
    def _alias_not_label(self) -> "_Row":
        if self.label in self.aliases:
            raise ValueError(f"alias {self.label!r} repeats the label")
        return self


class PlatformRow(_Row):
    operator: str = ""


class OrganizationRow(_Row):
    cls: Literal["Company", "Organization"]
    parent: str = ""


class PersonRow(_Row):
    role: str = ""
    org: str = ""


class ProgramRow(_Row):
    platform: str = ""


class PlaceRow(_Row):
    pass


class MetricRow(_Row):
    unit_kind: UnitKind
    en: str

    @field_validator("en")
    @classmethod
    def _en(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("en (the English label) is empty")
        return v


#: file name -> (columns as in the header row, row model, class of its entries)
FILES: dict[str, tuple[tuple[str, ...], type[_Row], str]] = {
    "platforms.tsv": (("label", "aliases", "operator"), PlatformRow, "Platform"),
    "organizations.tsv": (("label", "class", "aliases", "parent"), OrganizationRow, ""),
    "people.tsv": (("label", "aliases", "role", "org"), PersonRow, "Person"),
    "programs.tsv": (("label", "aliases", "platform"), ProgramRow, "Program"),
    "metrics.tsv": (("label", "unit_kind", "aliases", "en"), MetricRow, "Metric"),
    "places.tsv": (("label", "aliases"), PlaceRow, "Place"),
}


# ---- what callers get -----------------------------------------------------------------------------

@dataclass(frozen=True)
class LexEntry:
    """An entity of the lexicon. ``key`` is ``"<cls>:<label>"`` (``Platform:快手``); ``related`` is
    the operator (platform), parent (organization) or platform (program) label, ``org`` the
    organization of a person; ``surfaces`` are the label and aliases as written and in Simplified."""

    key: str
    cls: LexClass
    label: str
    aliases: tuple[str, ...] = ()
    role: str = ""
    org: str = ""
    related: str = ""
    surfaces: tuple[str, ...] = ()
    source: str = ""  # file:line


@dataclass(frozen=True)
class MetricEntry:
    """A metric (``key`` ``Metric:日活跃用户``) with its unit kind and English label."""

    key: str
    label: str
    unit_kind: UnitKind
    aliases: tuple[str, ...] = ()
    en: str = ""
    surfaces: tuple[str, ...] = ()
    source: str = ""
    cls: str = "Metric"


Entry = Union[LexEntry, MetricEntry]


def fold(text: str) -> str:
    """The lookup form of a surface: Latin letters lower-cased, the rest unchanged.

    >>> fold("Bilibili"), fold("B站")
    ('bilibili', 'b站')
    """
    return text.lower()


@dataclass(frozen=True)
class Lexicon:
    """All lexicon entries, with lookups by surface form and by key."""

    entities: list[LexEntry]
    metrics: list[MetricEntry]
    _by_surface: dict[str, tuple[Entry, ...]] = field(repr=False, default_factory=dict)
    _by_key: dict[str, Entry] = field(repr=False, default_factory=dict)

    def by_surface(self, text: str) -> list[Entry]:
        """Entries whose label or alias is ``text`` (Simplified; Latin case-insensitive); may be
        several (``美团`` is both ``Company:美团`` and ``Platform:美团``), or empty."""
        return list(self._by_surface.get(fold(text), ()))

    def entity(self, key: str) -> Optional[Entry]:
        """The entry with ``key`` (``Platform:快手``, ``Metric:营收``), or None."""
        return self._by_key.get(key)

    def surfaces(self) -> list[str]:
        """Every surface form (folded), longest first: what a phrase matcher should look for."""
        return sorted(self._by_surface, key=lambda s: (-len(s), s))


# ---- loading --------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def _surfaces(label: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    conv = _t2s()
    out: dict[str, None] = {}
    for s in (label, *aliases):
        out.setdefault(s, None)
        out.setdefault(conv.convert(s), None)
    return tuple(out)


def _column(loc: tuple) -> str:
    name = ".".join(map(str, loc)) or "row"
    return "class" if name == "cls" else name


def read_table(path: Path) -> list[tuple[int, _Row]]:
    """Read one lexicon file into validated rows, each with its line number.

    Raises :class:`DataError` naming ``path:line`` for a bad header or row.
    """
    columns, model, _ = FILES[path.name]
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as e:
        raise DataError(f"cannot read lexicon: {e}", str(path)) from e
    rows: list[tuple[int, _Row]] = []
    header: Optional[tuple[str, ...]] = None
    for no, line in enumerate(lines, 1):
        line = line.rstrip("\r")
        if not line or line.startswith("#"):
            continue
        cells = tuple(line.split("\t"))
        where = f"{path}:{no}"
        if header is None:
            if cells != columns:
                raise DataError(f"header is {cells}, expected {columns} (TAB-separated)", where)
            header = cells
            continue
        if len(cells) != len(columns):
            raise DataError(f"{len(cells)} TAB-separated cells, expected {len(columns)} {columns}", where)
        data = {("cls" if c == "class" else c): v for c, v in zip(columns, cells)}
        try:
            rows.append((no, model(**data)))
        except ValidationError as e:
            problems = "; ".join(f"{_column(err['loc'])}: {err['msg']}" for err in e.errors())
            raise DataError(problems, where) from None
    if header is None:
        raise DataError("no header row", str(path))
    return rows


def _build(directory: Path) -> Lexicon:
    entities: list[LexEntry] = []
    metrics: list[MetricEntry] = []
    by_key: dict[str, Entry] = {}
    refs: list[tuple[str, str, str]] = []  # (where, referenced label, what)
    for name, (_, _, cls) in FILES.items():
        path = directory / name
        for no, row in read_table(path):
            where = f"{path}:{no}"
            surf = _surfaces(row.label, row.aliases)
            if isinstance(row, MetricRow):
                entry: Entry = MetricEntry(f"Metric:{row.label}", row.label, row.unit_kind, row.aliases,
                                           row.en, surf, where)
                metrics.append(entry)
            else:
                c = row.cls if isinstance(row, OrganizationRow) else cls
                related = getattr(row, "operator", "") or getattr(row, "parent", "") or getattr(row, "platform", "")
                entry = LexEntry(f"{c}:{row.label}", c, row.label, row.aliases, getattr(row, "role", ""),
                                 getattr(row, "org", ""), related, surf, where)
                entities.append(entry)
                for ref in (related, entry.org):
                    if ref:
                        refs.append((where, ref, "operator/parent/platform/org"))
            if entry.key in by_key:
                raise DataError(f"{entry.key} is already defined at {by_key[entry.key].source}", where)
            by_key[entry.key] = entry
    labels = {e.label for e in entities}
    for where, ref, what in refs:
        if ref not in labels:
            raise DataError(f"{what} {ref!r} is not the label of any platform or organization", where)
    index: dict[str, list[Entry]] = {}
    for e in (*entities, *metrics):
        for s in e.surfaces:
            bucket = index.setdefault(fold(s), [])
            if e not in bucket:
                bucket.append(e)
    return Lexicon(entities, metrics, {k: tuple(v) for k, v in index.items()}, by_key)


@lru_cache(maxsize=4)
def load_lexicon(directory: Optional[Path] = None) -> Lexicon:
    """Load and validate ``ontology/lexicon/*.tsv`` (or the five files in ``directory``), once.

    Raises :class:`DataError` naming ``file:line`` on a bad row, an unknown reference or a
    duplicate entry.
    """
    return _build(Path(directory) if directory is not None else ontology_path("lexicon"))
