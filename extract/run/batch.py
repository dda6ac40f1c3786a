"""Extract many inputs at once: files and directories, one bad file reported and skipped."""
from __future__ import annotations

import fnmatch
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from ..errors import DataError, InputError, ZhkgError
from ..model import Document

#: the input name that means standard input
STDIN = "-"


class DatedInput(NamedTuple):
    """An input file with its publication date (a ``--from-list`` line ``path<TAB>2024-08-20``)."""

    path: Path
    published: str

    def __str__(self) -> str:
        return str(self.path)


#: extensions that name an article: such a file in a folder is always read (an empty or damaged one
#: is reported); any other file is read when its content is an article
ARTICLE_EXTS = (".txt", ".text", ".html", ".htm", ".xhtml", ".pdf")


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def _matches(rel: Path, patterns) -> bool:
    """Does the path ``rel`` (relative to the folder given) match a shell pattern, as a whole
    path (``2024/*.txt``) or by its name (``*.html``)?"""
    return any(fnmatch.fnmatch(rel.as_posix(), p) or fnmatch.fnmatch(rel.name, p) for p in patterns)


def _head(f: Path, size: int = 8192) -> bytes | None:
    try:
        with open(f, "rb") as fh:
            return fh.read(size)
    except OSError:
        return None


def folder_articles(folder: Path, glob: Sequence[str] = (), exclude: Sequence[str] = ()) -> list[Path]:
    """The articles in ``folder`` and below, sorted: files named as articles (:data:`ARTICLE_EXTS`)
    or whose content is one (text with Chinese in it, HTML, PDF: :func:`extract.inputs.is_article`;
    not JSON, JSONL, RDF, code, images), not hidden (no name on the way
    starting with ``.``), not Markdown notes (``README.md``). ``glob`` patterns (matched against
    the path below ``folder`` or the file name) take only the files they match, and a file they
    match is taken even when Markdown (asked for by name), or hidden when the pattern starts with
    a dot (``.*``), as in a shell; ``exclude`` patterns leave files out. A file that cannot be read is kept, so its error is reported in its turn."""
    from ..inputs import NOT_ARTICLES, is_article

    out = []
    for f in sorted(folder.rglob("*")):
        if not f.is_file():
            continue
        rel = f.relative_to(folder)
        asked = bool(glob) and _matches(rel, glob)
        if (glob and not asked) or (exclude and _matches(rel, exclude)):
            continue
        if _hidden(rel) and not (asked and any("/." in "/" + g for g in glob)):
            continue  # as in a shell, only a pattern that starts with a dot takes a hidden name
        if not asked and f.suffix.lower() in NOT_ARTICLES:
            continue
        if f.suffix.lower() in ARTICLE_EXTS:  # named as an article: read, its errors reported
            out.append(f)
            continue
        head = _head(f)
        if head is None or is_article(head):
            out.append(f)
    return out


def expand_inputs(paths: Iterable[str | Path], glob: Sequence[str] = (), exclude: Sequence[str] = ()) -> Iterator[Path]:
    """Files given, and the articles inside directories given (:func:`folder_articles`, streamed).
    A directory is listed when its turn comes, so a file listed then and gone by its own turn is
    still yielded and reported as missing, not silently passed over. A file named is always
    taken, whatever it holds (its errors are reported). ``-`` (standard input) passes through."""
    for p in paths:
        if isinstance(p, DatedInput):
            yield p
            continue
        p = Path(p)
        if str(p) == STDIN:
            yield p
        elif p.is_dir():
            yield from folder_articles(p, glob, exclude)
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
                 on_file=None, published: str | None = None, glob: Sequence[str] = (),
                 exclude: Sequence[str] = ()) -> BatchResult:
    """Extract every input; a file that fails is recorded in ``errors`` (one line naming it)
    and the others go on. ``on_file(path)`` is called after each file (progress)."""
    res = BatchResult()
    res.docs.extend(iter_extract(paths, ner=ner, year=year, on_error=res.errors.append, on_file=on_file,
                                 published=published, glob=glob, exclude=exclude))
    return res


def iter_extract(paths: Iterable[str | Path], ner: str = "lac", year: int | None = None,
                 on_error: Callable[[str], None] | None = None, on_file=None,
                 debug: bool = False, published: str | None = None, glob: Sequence[str] = (),
                 exclude: Sequence[str] = ()) -> Iterator[Document]:
    """The Documents of every input, one file at a time (memory does not grow with the count);
    ``glob``/``exclude`` select the files of folders (:func:`folder_articles`).

    A file that cannot be read or decoded, or that trips an unexpected error, is reported to
    ``on_error`` as one line naming it and skipped (``debug`` re-raises the unexpected ones);
    bad data files (:class:`DataError`) concern every file and end the batch.
    """
    from ..nlp.pipeline import extract_bytes, extract_file

    report = on_error or (lambda line: None)
    for item in expand_inputs(paths, glob, exclude):
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
