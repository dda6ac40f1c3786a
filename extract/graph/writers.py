"""The registry of output formats (like rdflib's plugin registry): writers register under a name
and a file extension, and are looked up by name in :mod:`extract.graph.formats`.

The registry imports no writer: each writing module registers into it (:mod:`.formats` the
JSONL, :mod:`.rdf` the RDF formats), so the dependency runs one way.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ..model import Document

Writer = Callable[[list[Document]], str]
WRITERS: dict[str, Writer] = {}
EXTENSIONS: dict[str, str] = {}


def register(name: str, ext: str) -> Callable[[Writer], Writer]:
    def deco(fn: Writer) -> Writer:
        WRITERS[name] = fn
        EXTENSIONS[ext] = name
        return fn

    return deco


Streamer = Callable[[Iterable[Document]], Iterator[str]]
STREAMERS: dict[str, Streamer] = {}


def register_stream(name: str) -> Callable[[Streamer], Streamer]:
    """Register a writer that serializes documents one at a time, so a batch of any size is
    written without holding its documents in memory."""
    def deco(fn: Streamer) -> Streamer:
        STREAMERS[name] = fn
        return fn

    return deco
