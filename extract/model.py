"""Pydantic models of what extraction finds: the in-memory truth between extraction and RDF.

They mirror ``ontology/zhkg.ttl``: Document, Entity (Organization, Company, Platform, Person,
Program, Metric), Role, Claim with its Period, Change and Evidence, and Quote. Construction
validates what can be checked without the graph: a period such as ``2020Q5`` or a unit outside
the unit list is rejected, and so is a negative count of users or an evidence span outside its
document, each with an error naming the field.
"""
from __future__ import annotations

import re
from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

EntityClass = Literal["Organization", "Company", "Platform", "Person", "Program", "Metric", "Place", "Segment"]
ChangeKind = Literal["yoy", "qoq", "growth", "abs", "multiple"]

#: units of the JSONL contract; ``other:<measure word>`` for any other counted thing
UNITS = ("CNY", "USD", "HKD", "percent", "minutes", "hours", "seconds", "users", "count")
_OTHER_UNIT = re.compile(r"^other:\S{1,12}$")
_PERIOD = re.compile(r"^(?:asof:)?(?:\d{4}(?:Q[1-4]|H[12]|-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?)$"
                     r"|^\d{4}-(?:0[1-9]|1[0-2])/\d{4}-(?:0[1-9]|1[0-2])$")  # a span of months, ISO 8601


def valid_unit(unit: str) -> bool:
    """Is ``unit`` in the unit list (or an ``other:<word>`` measure word)?

    >>> valid_unit("CNY"), valid_unit("other:套"), valid_unit("EUR")
    (True, True, False)
    """
    return unit in UNITS or bool(_OTHER_UNIT.match(unit))


_PUBLISHED = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$")


def parse_published(text: str) -> str:
    """A publication date as given by a user: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (also
    with ``/`` or ``.``), returned in ISO form; anything else raises ValueError.

    >>> parse_published("2024-08-20"), parse_published("2024/8"), parse_published("2024")
    ('2024-08-20', '2024-08', '2024')
    """
    t = re.sub(r"[/.]", "-", (text or "").strip())
    t = re.sub(r"-(\d)(?=-|$)", r"-0\1", t)
    m = _PUBLISHED.match(t)
    if not m or not 1900 <= int(m.group(1)) <= 2100:
        raise ValueError(f"not a date: {text!r} (write YYYY-MM-DD, YYYY-MM or YYYY)")
    return t


def valid_period(period: str) -> bool:
    """``2020``, ``2020Q4``, ``2020H1``, ``2021-03``, ``2021-03-05`` or ``asof:`` one of them, or
    a span of months in ISO 8601 interval form (``2023-01/2023-09``: 前三季度, 1-9月).

    >>> valid_period("2020Q4"), valid_period("asof:2020-12"), valid_period("2020Q5")
    (True, True, False)
    >>> valid_period("2023-01/2023-09"), valid_period("asof:2023-01/2023-09")
    (True, False)
    """
    return bool(_PERIOD.match(period))


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


SOURCE_OPEN, SOURCE_CLOSE = "（原文：", "）"


class Evidence(_Model):
    """The sentence that states a claim, with its offsets in the normalized article and the raw file.

    ``text`` is normalized Simplified; ``source`` keeps the input's own wording when it differs, so
    that a reader can find the sentence in the original (a Traditional or pinyin-annotated page)."""

    text: str = Field(min_length=1)
    start: int = Field(ge=0, description="start in the normalized article text")
    end: int = Field(ge=0)
    raw_start: int = Field(ge=0, description="start in the raw input file as read")
    raw_end: int = Field(ge=0)
    page: Optional[int] = Field(default=None, ge=1, description="the PDF page (1-based)")
    table: Optional[int] = Field(default=None, ge=1, description="the table's number on its page (1-based)")
    row: Optional[int] = Field(default=None, ge=1, description="the table cell's row (1-based)")
    column: Optional[int] = Field(default=None, ge=1, description="the table cell's column (1-based)")
    source: Optional[str] = Field(default=None, description="the sentence as the input writes it, where that "
                                  "differs from ``text`` (Traditional characters, inline pinyin, 二零二三年)")

    def line(self) -> str:
        """The evidence as JSONL and reports write it: the normalized sentence, then the input's
        own wording where it differs (``…（原文：…）``); :meth:`from_line` reads it back."""
        return f"{self.text}{SOURCE_OPEN}{self.source}{SOURCE_CLOSE}" if self.source else self.text

    @staticmethod
    def from_line(line: str) -> tuple[str, Optional[str]]:
        """``(text, source)`` of an evidence line written by :meth:`line`."""
        text, sep, rest = line.partition(SOURCE_OPEN)
        if sep and rest.endswith(SOURCE_CLOSE):
            return text, rest[: -len(SOURCE_CLOSE)]
        return line, None

    @model_validator(mode="after")
    def _ordered(self) -> Evidence:
        if self.end <= self.start or self.raw_end <= self.raw_start:
            raise ValueError("evidence span is empty or reversed (end must be after start)")
        return self


class Change(_Model):
    """A change stated with a claim: relative (yoy, qoq, growth: fractions) or absolute (abs,
    in the claim's own unit), or a multiple (翻了5倍: value 5, the new value is 5 times the old)."""

    kind: ChangeKind
    value: float
    text: Optional[str] = None


class Entity(_Model):
    """A named thing. ``label`` is the canonical Simplified label; ``key`` links it to a lexicon
    entry when it came from one (else it is new, with a lower confidence)."""

    cls: EntityClass
    label: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    key: Optional[str] = None
    confidence: float = Field(default=1.0, ge=0, le=1)
    mentions: int = Field(default=1, ge=0)
    role: Optional[str] = None
    org: Optional[str] = None
    unit_kind: Optional[str] = None

    @field_validator("label")
    @classmethod
    def _stripped(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("label is blank")
        return v.strip()


class Relation(_Model):
    """A typed link between two entities (by label): role, operates, launched, competitor."""

    kind: Literal["role", "operates", "launched", "competitor", "parent"]
    source: str
    target: str
    role: Optional[str] = None
    period: Optional[str] = None
    evidence: Optional[Evidence] = None


class Quote(_Model):
    """What a person said, in their words."""

    speaker: str
    text: str = Field(min_length=1)
    evidence: Evidence


class Frame(_Model):
    """What an article as a whole reports on (the document frame): the reporting entity, the
    reporting period, and the sentence of the lead that states them. Claims take their defaults
    from it; what a sentence states overrides it."""

    entity: Optional[str] = None
    entity_cls: Optional[EntityClass] = None
    period: Optional[str] = None
    evidence: Optional[str] = None
    entity_title: Optional[str] = None  # the document title (a PDF's, a file's name) the entity was read from

    @field_validator("period")
    @classmethod
    def _period(cls, v: Optional[str]) -> Optional[str]:
        if v is not None and not valid_period(v):
            raise ValueError(f"not a period code: {v!r}")
        return v


class Claim(_Model):
    """A numeric statement: subject, metric, value (base units), unit, period, hedge, change."""

    subject: str = Field(min_length=1)
    subject_cls: Optional[EntityClass] = None
    subject_text: Optional[str] = Field(default=None, description="the subject as the evidence names it")
    metric: str = Field(min_length=1, description="the metric as worded in the article")
    metric_key: Optional[str] = Field(default=None, description="lexicon key of the canonical metric")
    value: float
    unit: str
    period: Optional[str] = None
    qualifier: Optional[str] = None
    change: Union[None, Change, list[Change]] = None
    evidence: Evidence
    surface: Optional[str] = Field(default=None, description="the number as written: 2.71亿")
    confidence: float = Field(default=0.8, ge=0, le=1)
    upper: Optional[float] = Field(default=None, description="upper end of a range (3-5亿)")

    @field_validator("unit")
    @classmethod
    def _unit(cls, v: str) -> str:
        if not valid_unit(v):
            raise ValueError(f"unit {v!r} is not in the unit list {UNITS} nor other:<word>")
        return v

    @field_validator("period")
    @classmethod
    def _period(cls, v: Optional[str]) -> Optional[str]:
        if v is not None and not valid_period(v):
            raise ValueError(f"period {v!r} is not YYYY, YYYYQn, YYYYHn, YYYY-MM or asof:…")
        return v

    @model_validator(mode="after")
    def _sane(self) -> Claim:
        if self.unit in ("users", "count", "minutes", "hours", "seconds") and self.value < 0 \
                and not self.is_change_claim():
            raise ValueError(f"value: a {self.unit} figure cannot be negative ({self.value})")
        return self

    def changes(self) -> list[Change]:
        if self.change is None:
            return []
        return self.change if isinstance(self.change, list) else [self.change]

    def is_change_claim(self) -> bool:
        """A bare change (订单量同比增长14.5%): its value is the change itself."""
        return any(c.value == self.value for c in self.changes())


class Document(_Model):
    """One article, with what was extracted from it."""

    id: str = Field(min_length=1, description="file stem and article number: kuaishou-2020#1")
    title: str = ""
    source: str = Field(description="the input file")
    sha256: str = Field(description="hash of the input file's bytes")
    text: str = Field(description="the normalized article text")
    raw_offset: int = 0
    published: Optional[str] = None
    author: Optional[str] = None
    site: Optional[str] = Field(default=None, description="the web site a page came from")
    media_type: str = Field(default="text/plain", description="the input's format: text/plain, text/html, application/pdf")
    year: Optional[int] = None
    encoding: str = "utf-8"
    topic: Optional[str] = None
    frame: Frame = Field(default_factory=lambda: Frame(), description="what the article reports on")
    mojibake: list[tuple[int, int]] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    rejected: list[str] = Field(default_factory=list, description="claims left out, with why")

    @model_validator(mode="after")
    def _evidence_inside(self) -> Document:
        n = len(self.text)
        for i, c in enumerate(self.claims):
            if c.evidence.end > n:
                raise ValueError(f"claims[{i}].evidence: span {c.evidence.start}-{c.evidence.end} "
                                 f"lies outside the document ({n} characters)")
        return self
