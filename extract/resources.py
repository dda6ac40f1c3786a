"""Where the project's data lives: ontology/, queries/ and corpus/, found from any directory.

In a source checkout or an editable install the folders sit beside the package; an installed
wheel carries them as ``extract/_data/<name>``.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

_PKG = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """The folder ``name`` (``ontology``, ``queries`` or ``corpus``).

    >>> data_dir("ontology").name in ("ontology",)
    True
    """
    for cand in (_PKG.parent / name, _PKG / "_data" / name):
        if cand.is_dir():
            return cand
    raise FileNotFoundError(f"zhkg data folder {name!r} not found beside {_PKG}")


def ontology_path(*parts: str) -> Path:
    return data_dir("ontology").joinpath(*parts)


def queries_dir() -> Path:
    return data_dir("queries")
