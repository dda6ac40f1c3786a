"""Regenerate the golden graphs in tests/golden/ from the current extraction.

Run from the repository root when extraction changes on purpose, then review the diff:

    .venv/bin/python -m tests.regen_golden

Each article file ``corpus/<name>.txt`` listed in :data:`GOLDEN` becomes ``tests/golden/<name>.trig``:
``extract_file`` with the default NER, written by the ``trig`` writer with the run time fixed
(``SOURCE_DATE_EPOCH=0``) so an unchanged extraction gives an unchanged file.
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ["kuaishou-2020"]


def source(name: str) -> Path:
    """The corpus file, relative to the repository root (it is written into the graph)."""
    return Path("corpus") / f"{name}.txt"


def golden(name: str) -> Path:
    return ROOT / "tests" / "golden" / f"{name}.trig"


def current(name: str) -> str:
    """The trig text of the current extraction of ``corpus/<name>.txt`` (run from ROOT)."""
    from extract import extract_file
    from extract.graph.formats import writer

    here = Path.cwd()
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "0"
    try:
        os.chdir(ROOT)
        return writer("trig")(extract_file(source(name)))
    finally:
        os.chdir(here)
        if old is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


def main() -> None:
    from extract.graph.formats import write_atomic

    for name in GOLDEN:
        write_atomic(golden(name), current(name))
        print(f"wrote {golden(name).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
