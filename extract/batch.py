"""Extract many inputs at once: files and directories, one bad file reported and skipped."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, ZhkgError
from .model import Document

INPUT_EXTS = (".txt", ".text", ".md", ".html", ".htm", ".pdf")


def expand_inputs(paths: list[str | Path]) -> Iterator[Path]:
    """Files given, and the article files inside directories given (sorted, streamed)."""
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in INPUT_EXTS and not f.name.startswith("."):
                    yield f
        else:
            yield p


@dataclass
class BatchResult:
    docs: list[Document] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def extract_many(paths: list[str | Path], ner: str = "lac", year: int | None = None,
                 on_file=None) -> BatchResult:
    """Extract every input; a file that fails is recorded in ``errors`` (one line naming it)
    and the others go on. ``on_file(path)`` is called after each file (progress)."""
    from .pipeline import extract_file

    res = BatchResult()
    for f in expand_inputs(paths):
        try:
            res.docs.extend(extract_file(f, ner=ner, year=year))
        except ZhkgError as e:
            res.errors.append(str(e))
        except OSError as e:
            res.errors.append(str(InputError(f"cannot read: {e.strerror or e}", str(f))))
        if on_file:
            on_file(f)
    return res
