"""``ontology/ner.toml``: the CLUENER types the NER model tags -> ontology classes, and the
confidence a model name needs to be kept and to be a claim's subject. Loaded once, validated."""
from __future__ import annotations

import tomllib
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ...errors import DataError
from ...resources import ontology_path

OntologyClass = Literal["Person", "Company", "Organization", "Program", "Place", "Platform"]


class _Confidence(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    min_entity: float = Field(ge=0, le=1)
    min_edges: float = Field(ge=0, le=1)
    min_subject: float = Field(ge=0, le=1)


class NerConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    classes: dict[str, OntologyClass]
    confidence: _Confidence


@cache
def load_ner_config() -> NerConfig:
    """The validated ``ontology/ner.toml``; a bad entry raises DataError naming the file.

    >>> load_ner_config().classes["name"]
    'Person'
    """
    path = ontology_path("ner.toml")
    try:
        return NerConfig.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))
    except (tomllib.TOMLDecodeError, ValidationError) as e:
        raise DataError(f"invalid NER settings: {str(e).splitlines()[0]} ({str(e).splitlines()[-1].strip()})",
                        str(path)) from None
