"""Extract many inputs at once: files and directories, one bad file reported and skipped."""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from ..errors import DataError, InputError, ZhkgError
from ..model import Document

INPUT_EXTS = (".txt", ".text", ".md", ".html", ".htm", ".pdf")


#: the input name that means standard input
STDIN = "-"


class DatedInput(NamedTuple):
    """An input file with its publication date (a ``--from-list`` line ``path<TAB>2024-08-20``)."""

    path: Path
    published: str

    def __str__(self) -> str:
        return str(self.path)


def expand_inputs(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files given, and the article files inside directories given (sorted, streamed). A
    directory is listed when its turn comes, so a file listed then and gone by its own turn is
    still yielded and reported as missing, not silently passed over. ``-`` (standard input)
    passes through."""
    for p in paths:
        if isinstance(p, DatedInput):
            yield p
            continue
        p = Path(p)
        if str(p) == STDIN:
            yield p
        elif p.is_dir():
            yield from [f for f in sorted(p.rglob("*"))
                        if f.is_file() and f.suffix.lower() in INPUT_EXTS and not f.name.startswith(".")]
        else:
            yield p


def read_list(path: str | Path) -> Iterator[Path]:
    """The paths listed in the file ``path`` (``-``: standard input), one a line, read as they
    are needed; blank lines are skipped, relative paths are relative to the working directory.
    A line may give the article's publication date after a tab (``a.txt<TAB>2024-08-20``): it
    comes as a :class:`DatedInput`. The list is opened at once, so a missing list fails before
    any work (:class:`InputError`); a bad date is an error naming the list and the line."""
    if str(path) == STDIN:
        f = sys.stdin
    else:
        try:
            f = open(path, encoding="utf-8-sig", errors="surrogateescape")
        except FileNotFoundError:
            raise InputError("no such file (the --from-list list of inputs)", str(path)) from None
        except OSError as e:
            raise InputError(f"cannot read the list of inputs: {e.strerror or e}", str(path)) from None

    def lines() -> Iterator[Path | DatedInput]:
        from ..model import parse_published

        try:
            for n, line in enumerate(f, 1):
                name, _, date = line.rstrip("\r\n").partition("\t")
                name, date = name.strip(), date.strip()
                if not name:
                    continue
                if not date:
                    yield Path(name)
                    continue
                try:
                    yield DatedInput(Path(name), parse_published(date))
                except ValueError as e:
                    raise InputError(f"line {n}: {e}", str(path)) from None
        finally:
            if f is not sys.stdin:
                f.close()

    return lines()


def read_stdin() -> bytes:
    """All of standard input, as bytes."""
    buf = getattr(sys.stdin, "buffer", None)
    return buf.read() if buf is not None else sys.stdin.read().encode("utf-8")


@dataclass
class BatchResult:
    docs: list[Document] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def extract_many(paths: list[str | Path], ner: str = "lac", year: int | None = None,
                 on_file=None, published: str | None = None) -> BatchResult:
    """Extract every input; a file that fails is recorded in ``errors`` (one line naming it)
    and the others go on. ``on_file(path)`` is called after each file (progress)."""
    res = BatchResult()
    res.docs.extend(iter_extract(paths, ner=ner, year=year, on_error=res.errors.append, on_file=on_file,
                                 published=published))
    return res


def iter_extract(paths: Iterable[str | Path], ner: str = "lac", year: int | None = None,
                 on_error: Callable[[str], None] | None = None, on_file=None,
                 debug: bool = False, published: str | None = None) -> Iterator[Document]:
    """The Documents of every input, one file at a time (memory does not grow with the count).

    A file that cannot be read or decoded, or that trips an unexpected error, is reported to
    ``on_error`` as one line naming it and skipped (``debug`` re-raises the unexpected ones);
    bad data files (:class:`DataError`) concern every file and end the batch.
    """
    from ..nlp.pipeline import extract_bytes, extract_file

    report = on_error or (lambda line: None)
    for item in expand_inputs(paths):
        f, pub = (item.path, item.published) if isinstance(item, DatedInput) else (item, published)
        try:
            if str(f) == STDIN:  # one article (text, HTML or PDF) from standard input
                docs = extract_bytes(read_stdin(), "<stdin>", ner=ner, year=year, doc_id="stdin", published=pub)
            else:
                docs = extract_file(f, ner=ner, year=year, published=pub)
        except InputError as e:
            report(str(e))
            docs = []
        except DataError:
            raise
        except ZhkgError as e:
            report(str(e))
            docs = []
        except OSError as e:
            report(str(InputError(f"cannot read: {e.strerror or e}", str(f))))
            docs = []
        except Exception as e:  # a bug met on one file: say so, keep going with the others
            if debug:
                raise
            report(f"{f}: internal error: {type(e).__name__}: {e} (run with --debug for the traceback)")
            docs = []
        yield from docs
        if on_file:
            on_file(f)
