"""What a file holds, told from its content (as :mod:`extract.inputs` tells text, HTML and PDF
apart): zhkg's JSONL, a store directory, an RDF syntax, or none of these (an article).

Every command that reads zhkg's own outputs (``diff``, ``query``, ``validate``) asks here, so a
JSONL file is never read as a news article, nor a Turtle file whatever its name. ``-`` is
standard input.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from rdflib import Dataset

from ..errors import InputError

#: the name that means standard input
STDIN = "-"
#: RDF syntaxes by the names ``--format`` takes (and rdflib's parser names)
RDF_FORMATS = {"ttl": "turtle", "turtle": "turtle", "trig": "trig", "nt": "nt", "nq": "nquads",
               "jsonld": "json-ld", "json-ld": "json-ld", "rdf": "xml", "xml": "xml", "n3": "n3"}
_DIRECTIVE = re.compile(rb"^(@prefix|@base|prefix\s|base\s)", re.IGNORECASE)
_NQUAD = re.compile(rb"^(<[^<>\s]*:[^<>\s]*>|_:\S+)\s+<[^<>\s]*:[^<>\s]*>\s+\S.*\.\s*$")
_IRI_START = re.compile(rb"^(<[^<>\s]*:[^<>\s]*>|_:\S+)\s")
_GRAPH_BLOCK = re.compile(rb"^(<[^<>\s]*:[^<>\s]*>|_:\S+|graph\b)\s*(<[^<>\s]*>\s*)?\{", re.IGNORECASE)


def read_bytes(path: str | Path) -> bytes:
    """The bytes of ``path`` (``-``: all of standard input); :class:`InputError` names the file
    (the file is read as an article file is: :func:`extract.text.decode.read_input`)."""
    from ..text.decode import read_input

    if str(path) == STDIN:
        buf = getattr(sys.stdin, "buffer", None)
        return buf.read() if buf is not None else sys.stdin.read().encode("utf-8")
    return read_input(path)


def _lines(data: bytes, n: int = 20) -> list[bytes]:
    """The first ``n`` lines that are neither blank nor ``#`` comments."""
    out = []
    for line in data.lstrip(b"\xef\xbb\xbf").splitlines():
        line = line.strip()
        if line and not line.startswith(b"#"):
            out.append(line)
            if len(out) >= n:
                break
    return out


def sniff(data: bytes) -> str:
    """``jsonl`` (zhkg's JSONL: objects with a ``kind``), an RDF syntax (``trig``, which reads
    Turtle too, ``nquads``, which reads N-Triples too, ``json-ld``, ``xml``), or ``article``.

    >>> sniff(b'@prefix zhkg: <https://w3id.org/zhkg/> .'), sniff(b'<http://a/x> <http://a/p> "1" .')
    ('trig', 'nquads')
    >>> sniff(b'<urn:x> a <urn:C> ;\\n  <urn:p> "1" .'), sniff(b'<html lang="zh"><body><p>x</p>')
    ('trig', 'article')
    >>> sniff(b'{"kind": "claim", "doc": "a#1"}\\n'), sniff("快手2020年营收达587.8亿元。".encode())
    ('jsonl', 'article')
    """
    lines = _lines(data)
    if not lines:
        return "article"
    first = lines[0]
    if _DIRECTIVE.match(first) or _GRAPH_BLOCK.match(first):
        return "trig"
    if all(_NQUAD.match(x) for x in lines):
        return "nquads"
    if _IRI_START.match(first):  # Turtle written with full IRIs and no prefixes
        return "trig"
    if first.startswith((b"<?xml", b"<rdf:RDF")) and b"rdf:RDF" in data[:4096]:
        return "xml"
    if first.startswith((b"{", b"[")):
        try:
            obj = json.loads(first)
            if isinstance(obj, dict) and "kind" in obj and "doc" in obj:
                return "jsonl"
        except ValueError:
            pass
        head = data[:65536].decode("utf-8", "replace")
        if '"@context"' in head or '"@id"' in head or '"@graph"' in head:
            return "json-ld"
    return "article"


def parse_rdf(data: bytes, name: str, fmt: str | None = None, into: Dataset | None = None) -> Dataset:
    """The RDF in ``data`` (read from ``name``) added to ``into`` (a new Dataset whose default graph
    is the union of the named graphs); ``fmt`` (``ttl``, ``nq`` …) when the content cannot tell.
    :class:`InputError` names the file: not RDF, or the parser's first line."""
    ds = into if into is not None else Dataset(default_union=True)
    if fmt is not None:
        if fmt.lower() not in RDF_FORMATS:
            raise InputError(f"unknown RDF format {fmt!r}; choose one of {', '.join(sorted(set(RDF_FORMATS)))}", name)
        syntax = RDF_FORMATS[fmt.lower()]
    else:
        syntax = sniff(data)
        if syntax == "jsonl":
            raise InputError("zhkg's JSONL, not RDF: write the graph instead (zhkg extract … -o out.trig)", name)
        if syntax == "article":
            raise InputError("not RDF (no @prefix, N-Triples/N-Quads lines, JSON-LD or RDF/XML); "
                             "give --format if it is", name)
    try:
        ds.parse(data=data.decode("utf-8-sig"), format=syntax)
    except UnicodeDecodeError:
        raise InputError("not UTF-8: RDF files are UTF-8", name) from None
    except Exception as e:  # rdflib's parsers raise many kinds
        raise InputError(f"cannot parse as {syntax}: {str(e).splitlines()[0] if str(e) else type(e).__name__}",
                         name) from None
    return ds


def is_store(path: str | Path) -> bool:
    """Is ``path`` a store directory (made by ``zhkg extract --store``)?"""
    from .store import _is_store

    p = Path(path)
    return str(path) != STDIN and p.is_dir() and _is_store(p)


def local_contexts_only(p: str | Path, raw: bytes | None = None) -> None:
    """Raise :class:`InputError` when the JSON-LD file ``p`` (its bytes ``raw``, if read already)
    has a context to fetch (a string ``@context`` or ``@import``), which rdflib would request
    over the network or read from disk."""
    try:
        data = json.loads(raw if raw is not None else Path(p).read_bytes())
    except (OSError, ValueError):
        return  # not JSON: the parser reports what it is

    def remote(x) -> str | None:
        if isinstance(x, dict):
            for k, v in x.items():
                if k == "@context" and (isinstance(v, str) or isinstance(v, list) and any(isinstance(c, str) for c in v)):
                    return v if isinstance(v, str) else next(c for c in v if isinstance(c, str))
                if k == "@import" and isinstance(v, str):
                    return v
                found = remote(v)
                if found:
                    return found
        elif isinstance(x, list):
            for v in x:
                found = remote(v)
                if found:
                    return found
        return None

    url = remote(data)
    if url:
        raise InputError(f"its JSON-LD @context would be fetched from {url[:200]}: zhkg makes no request on "
                         "behalf of an input (inline the context, or give zhkg query --allow-remote)", str(p))
