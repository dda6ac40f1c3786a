"""Output formats, chosen by name through a registry (like rdflib's plugin registry).

A writer takes a list of Documents and returns the serialized text. ``jsonl`` is the contract of
the evaluation (one JSON object a line: entities, claims, relations, quotes); the RDF formats are
registered by :mod:`extract.graph.rdf`; the registry itself is :mod:`extract.graph.writers`.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import OutputError
from ..model import Document
from .writers import EXTENSIONS, STREAMERS, WRITERS, Streamer, Writer, register, register_stream


def writer(name: str) -> Writer:
    _load_plugins()
    try:
        return WRITERS[name]
    except KeyError:
        raise OutputError(f"unknown output format {name!r}; choose one of {', '.join(sorted(WRITERS))}") from None


def names() -> list[str]:
    _load_plugins()
    return sorted(WRITERS)


def format_for(path: str | Path, given: str | None) -> str:
    """The output format of ``path``: ``given`` (``--format``), else the one its extension names.

    ``-`` (standard output) takes ``given``, else JSONL. An unknown format, an extension no format
    has, or an extension that names another format than ``given`` (``-o x.ttl -f jsonl``) is an
    :class:`OutputError`: a file's name never lies about its content.

    >>> format_for("out/k.nq", None), format_for("-", "ttl"), format_for("-", None)
    ('nq', 'ttl', 'jsonl')
    """
    _load_plugins()
    if given is not None and given not in WRITERS:
        writer(given)  # raises, naming the choices
    if str(path) == "-":
        return given or "jsonl"
    ext = Path(path).suffix.lower()
    by_ext = EXTENSIONS.get(ext)
    exts = ", ".join(sorted(EXTENSIONS))
    if by_ext is None:
        raise OutputError(f"unknown output extension {ext or '(none)'!r}: name the file {exts}"
                          + (" (the format is told from the extension)" if not given else
                             f" to match --format {given}"), str(path))
    if given and given != by_ext:
        raise OutputError(f"--format {given} does not match the extension {ext}: name the file "
                          f"{next(e for e, n in EXTENSIONS.items() if n == given)} or leave --format out", str(path))
    return by_ext


def _load_plugins() -> None:
    from . import rdf  # noqa: F401  registers the RDF formats


@register("jsonl", ".jsonl")
def to_jsonl(docs: list[Document]) -> str:
    """The evaluation's JSONL contract: entities, then the frame (what the article reports on),
    claims, relations and quotes of each article."""
    from .iris import claim_iri, doc_iri, entity_iri

    lines = []
    for d in docs:
        for e in d.entities:
            # the contract's classes: a Company is an Organization (its subclass in the ontology)
            row = {"kind": "entity", "doc": d.id, "class": "Organization" if e.cls == "Company" else e.cls, "label": e.label, "aliases": e.aliases,
                   "iri": str(entity_iri(e.cls, e.label)), "confidence": e.confidence}
            if e.cls == "Person":
                row.update(role=e.role, org=e.org)
            lines.append(row)
        f = d.frame
        if f.entity or f.period:  # why a claim got its default subject and period
            lines.append({"kind": "frame", "doc": d.id, "entity": f.entity,
                          "entity_iri": str(entity_iri(f.entity_cls, f.entity)) if f.entity and f.entity_cls else None,
                          "period": f.period, "published": d.published, "evidence": f.evidence,
                          **({"entity_title": f.entity_title} if f.entity_title else {})})
        for c in d.claims:
            ch = [x.model_dump(exclude_none=True) for x in c.changes()]
            # subject and metric as the evidence words them (B站, 平均DAU); the IRIs and
            # subject_label / metric_key give the canonical entity and metric
            lines.append({"kind": "claim", "doc": d.id, "subject": c.subject_text or c.subject,
                          "subject_label": c.subject, "metric": c.metric, "metric_key": c.metric_key,
                          "value": c.value, "unit": c.unit, "period": c.period, "qualifier": c.qualifier,
                          "change": (ch[0] if len(ch) == 1 else ch) if ch else None,
                          "evidence": c.evidence.line(), "start": c.evidence.raw_start, "end": c.evidence.raw_end,
                          "surface": c.surface, "confidence": c.confidence, "iri": str(claim_iri(d.id, c)),
                          "document": str(doc_iri(d.id)),
                          # the top of a range (3-5亿), so the JSONL reads back as the claim it was
                          **({"upper": c.upper} if c.upper is not None else {})})
        for r in d.relations:
            rel = r.model_dump(exclude_none=True, exclude={"evidence", "kind"})
            lines.append({"kind": "relation", "doc": d.id, "relation": r.kind, **rel})
        for q in d.quotes:
            lines.append({"kind": "quote", "doc": d.id, "speaker": q.speaker, "text": q.text,
                          "start": q.evidence.raw_start, "end": q.evidence.raw_end})
    return "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines)


def write(docs: Iterable[Document], target, fmt: str | None = None) -> None:
    """Write ``docs`` (what ``zhkg extract -o`` does): ``target`` is a path (written atomically,
    the format from its extension and :func:`format_for`'s checks), ``-`` (standard output) or an
    open text stream (``fmt``, else JSONL). The line formats are written a document at a time."""
    import sys

    if hasattr(target, "write"):
        for chunk in stream(fmt or "jsonl")(docs):
            target.write(chunk)
        return
    name = format_for(target, fmt)
    if str(target) == "-":
        write(docs, sys.stdout, name)
        return
    write_atomic_stream(target, stream(name)(docs))


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename, so a
    reader never sees half a file; errors name the path."""
    write_atomic_stream(path, [text])


def write_atomic_stream(path: str | Path, chunks: Iterable[str]) -> None:
    """Write the text ``chunks`` to ``path`` as they come, into a temporary file in the same
    folder renamed over ``path`` at the end. Whatever stops it (a write error, an error raised
    while the chunks are made, Ctrl-C) removes the temporary file and leaves ``path`` as it was;
    write errors (read-only folder, full disk) raise :class:`OutputError` naming the path."""
    p = Path(path)
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_temps(p)
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.{os.getpid()}.", suffix=".tmp", dir=p.parent)
    except (FileExistsError, NotADirectoryError):
        raise OutputError(f"cannot write here: {p.parent} is a file, not a folder", str(p)) from None
    except OSError as e:
        raise OutputError(f"cannot write here: {e.strerror or e}", str(p)) from None
    try:
        f = os.fdopen(fd, "w", encoding="utf-8")
        try:
            umask = os.umask(0)
            os.umask(umask)
            _out(p, os.chmod, tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the file the usual mode
            for chunk in chunks:  # an error raised while making a chunk propagates as it is
                _out(p, f.write, chunk)
            _out(p, f.flush)
            _out(p, os.fsync, f.fileno())
        finally:
            try:
                f.close()
            except OSError:  # the buffer could not be flushed: already reported
                pass
        _out(p, os.replace, tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _remove_stale_temps(p: Path) -> None:
    """Remove the temporary files of ``p`` that a killed writer left (``.NAME.PID.xxxx.tmp``
    whose process is gone; an older ``.NAME.xxxx.tmp`` after an hour): a writer still running
    keeps its own."""
    import glob
    import time

    for t in glob.glob(os.path.join(glob.escape(str(p.parent)), f".{glob.escape(p.name)}.*.tmp")):
        rest = os.path.basename(t)[len(p.name) + 2:-4]
        pid, dot, _ = rest.partition(".")
        try:
            if dot and pid.isdigit():
                try:
                    os.kill(int(pid), 0)
                    continue  # its writer is alive
                except ProcessLookupError:
                    pass
                except PermissionError:
                    continue  # alive, another user's
            elif time.time() - os.path.getmtime(t) < 3600:
                continue
            os.unlink(t)
        except OSError:
            pass


def _out(p: Path, fn, *args):
    """``fn(*args)``, an OSError becoming :class:`OutputError` naming ``p``."""
    try:
        return fn(*args)
    except OSError as e:
        raise OutputError(f"cannot write: {e.strerror or e}", str(p)) from None


# -- streaming: the documents serialized one at a time ----------------------------------------


def stream(name: str) -> Streamer:
    """The text chunks of format ``name`` for an iterable of documents: one chunk per document
    for the line formats (jsonl, nt, nq); the graph formats (ttl, trig, jsonld) need every
    document at once and give one chunk at the end."""
    whole = writer(name)
    if name in STREAMERS:
        return STREAMERS[name]

    def at_once(docs: Iterable[Document]) -> Iterator[str]:
        yield whole(list(docs))

    return at_once


@register_stream("jsonl")
def stream_jsonl(docs: Iterable[Document]) -> Iterator[str]:
    """:func:`to_jsonl` one document at a time (the same lines)."""
    for d in docs:
        yield to_jsonl([d])


def _stream_lines(docs: Iterable[Document], serialize) -> Iterator[str]:
    """Each document's sorted lines, less the lines already written (the entity descriptions
    articles share); the same set of lines as the whole-batch writer, sorted per document."""
    from .rdf import run_time

    started = run_time()
    seen: set[bytes] = set()
    for d in docs:
        new = []
        for line in sorted(set(serialize(d, started).splitlines())):
            key = hashlib.blake2b(line.encode(), digest_size=16).digest()
            if line.strip() and key not in seen:
                seen.add(key)
                new.append(line + "\n")
        yield "".join(new)


@register_stream("nt")
def stream_ntriples(docs: Iterable[Document]) -> Iterator[str]:
    from .rdf import to_graph

    return _stream_lines(docs, lambda d, t: to_graph([d], t).serialize(format="nt"))


@register_stream("nq")
def stream_nquads(docs: Iterable[Document]) -> Iterator[str]:
    from .rdf import to_dataset

    return _stream_lines(docs, lambda d, t: to_dataset([d], t).serialize(format="nquads"))
