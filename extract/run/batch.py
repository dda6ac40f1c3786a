"""Extract many inputs at once: files and directories, one bad file reported and skipped."""
from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from ..errors import DataError, InputError, OutputError, ZhkgError
from ..model import Document

#: the input name that means standard input
STDIN = "-"


class DatedInput(NamedTuple):
    """An input file with its publication date (a ``--from-list`` line ``path<TAB>2024-08-20``)
    and the base of its documents' ids (a file found in a folder: see :func:`doc_id_in`)."""

    path: Path
    published: str | None = None
    doc_id: str | None = None

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
            for f in folder_articles(p, glob, exclude):
                yield DatedInput(f, None, doc_id_in(f, p))
        else:
            yield p


def readable_name(name: str) -> str:
    """A file name as a person reads it: a name in GB18030 (a Chinese Windows archive) or Big5,
    which the file system gives with surrogate escapes, decoded; else its bad bytes as ``\\xNN``.

    >>> readable_name(os.fsdecode("报告".encode("gbk")) + ".txt")
    '报告.txt'
    """
    if not any("\udc80" <= c <= "\udcff" for c in name):
        return name
    raw = os.fsencode(name)
    for enc in ("gb18030", "big5"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            pass
    return raw.decode("utf-8", "backslashreplace")


def doc_id_in(f: Path, folder: Path) -> str:
    """The id base of the articles of ``f`` found in the input folder ``folder``: its path under
    the folder without the extension, so the same folder gives the same ids on every run and two
    files of the same name in different subfolders do not collide.

    >>> doc_id_in(Path("corpus/2021/report.txt"), Path("corpus"))
    '2021/report'
    >>> doc_id_in(Path("corpus/report.txt"), Path("corpus"))
    'report'
    """
    return readable_name(f.relative_to(folder).with_suffix("").as_posix())


def unique_ids(docs: Iterable[Document], on_error: Callable[[str], None]) -> Iterator[Document]:
    """``docs`` with every document whose id was already given by another input file left out,
    reported to ``on_error`` as one line naming both files (once per file): two inputs never
    merge into one document, nor does one replace the other in a store."""
    first: dict[str, str] = {}
    reported: set[str] = set()
    for d in docs:
        base = d.id.rpartition("#")[0] or d.id
        src = first.setdefault(base, d.source)
        if src == d.source:
            yield d
        elif d.source not in reported:
            reported.add(d.source)
            on_error(f"{d.source}: its document id {base!r} is already that of {src}; left out "
                     "(rename one, or give their common folder so ids keep the path under it)")


def refuse_overwrite(output: str | Path | None, inputs: Iterable[str | Path | None]) -> None:
    """Raise :class:`OutputError` naming both when writing ``output`` would replace one of the
    ``inputs``: the same file (a link to it too), or an article file inside an input folder."""
    if output is None or str(output) == STDIN:
        return
    out = Path(output)
    if not out.is_file():
        return
    for given in inputs:
        if given is None or str(given) == STDIN:
            continue
        p = Path(given.path if isinstance(given, DatedInput) else given)
        try:
            if p.is_dir():
                same = (out.suffix.lower() in ARTICLE_EXTS and not out.name.startswith(".")
                        and out.resolve().is_relative_to(p.resolve()))
            else:
                same = p.exists() and out.samefile(p)
        except OSError:
            continue
        if same:
            what = f"the input {p}" if not p.is_dir() else f"an article of the input folder {p}"
            raise OutputError(f"the output would overwrite {what}; write it elsewhere", str(out))


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
                if "\0" in name:
                    raise InputError(f"line {n}: a NUL byte in the path (a list made with find -print0? "
                                     "write one path a line)", str(path))
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


#: the largest input read by default (bytes): a 20 MB article takes minutes and a few GB
MAX_BYTES = 20_000_000


def read_stdin(max_bytes: int | None = MAX_BYTES) -> bytes:
    """All of standard input, as bytes; :class:`InputError` past ``max_bytes``."""
    buf = getattr(sys.stdin, "buffer", None)
    if buf is None:
        data = sys.stdin.read().encode("utf-8")
    else:
        data = buf.read(max_bytes + 1) if max_bytes else buf.read()
    if max_bytes and len(data) > max_bytes:
        raise InputError(f"more than --max-bytes {max_bytes:,} bytes", "<stdin>")
    return data


def check_input(f: Path, max_bytes: int | None = MAX_BYTES) -> None:
    """:class:`InputError` naming ``f`` unless it is a regular file of at most ``max_bytes``: a
    FIFO would wait for a writer, a device (``/dev/zero``) never end. Missing files and folders
    are left for the reader to name."""
    import stat

    try:
        st = os.stat(f)
    except (OSError, ValueError):
        return
    if stat.S_ISDIR(st.st_mode):
        return
    if not stat.S_ISREG(st.st_mode):
        raise InputError("not a regular file (a FIFO, a device or a socket): zhkg reads files, and standard input "
                         "given as -", str(f))
    if max_bytes and st.st_size > max_bytes:
        raise InputError(f"{st.st_size:,} bytes, more than --max-bytes {max_bytes:,}", str(f))


class Spool:
    """Documents kept in an anonymous temporary file (gone with the process, however it ends)
    until all of a run are in, then read back one at a time: ``--strict --store`` checks every
    article before the store gets any, with memory flat however many there are."""

    def __init__(self) -> None:
        import tempfile

        self._f = tempfile.TemporaryFile()
        self.count = 0

    def add(self, d: Document) -> None:
        self._f.write(d.model_dump_json().encode("utf-8") + b"\n")
        self.count += 1

    def __iter__(self) -> Iterator[Document]:
        self._f.seek(0)
        for line in self._f:
            yield Document.model_validate_json(line)

    def close(self) -> None:
        self._f.close()


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
    res.docs.extend(unique_ids(iter_extract(paths, ner=ner, year=year, on_error=res.errors.append, on_file=on_file,
                                            published=published, glob=glob, exclude=exclude), res.errors.append))
    return res


def iter_extract(paths: Iterable[str | Path], ner: str = "lac", year: int | None = None,
                 on_error: Callable[[str], None] | None = None, on_file=None,
                 debug: bool = False, published: str | None = None, glob: Sequence[str] = (),
                 exclude: Sequence[str] = (), max_bytes: int | None = MAX_BYTES) -> Iterator[Document]:
    """The Documents of every input, one file at a time (memory does not grow with the count);
    ``glob``/``exclude`` select the files of folders (:func:`folder_articles`); a file over
    ``max_bytes``, or not a regular file, is reported (:func:`check_input`).

    A file that cannot be read or decoded, or that trips an unexpected error, is reported to
    ``on_error`` as one line naming it and skipped (``debug`` re-raises the unexpected ones);
    bad data files (:class:`DataError`) concern every file and end the batch.
    """
    from ..nlp.pipeline import extract_bytes, extract_file

    report = on_error or (lambda line: None)
    for item in expand_inputs(paths, glob, exclude):
        f, pub, doc_id = (item.path, item.published or published, item.doc_id) if isinstance(item, DatedInput) \
            else (item, published, None)
        try:
            if str(f) == STDIN:  # one article (text, HTML or PDF) from standard input
                docs = extract_bytes(read_stdin(max_bytes), "<stdin>", ner=ner, year=year, doc_id="stdin", published=pub)
            else:
                check_input(f, max_bytes)
                name = readable_name(str(f))
                docs = extract_file(f, ner=ner, year=year, published=pub,
                                    doc_id=doc_id or (readable_name(f.stem) if name != str(f) else None))
                if name != str(f):  # a file name not in UTF-8 (surrogate escapes): named as a person reads it
                    docs = [d.model_copy(update={"source": name}) for d in docs]
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
