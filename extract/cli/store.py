"""``zhkg store stats|list|load|remove|export``: the graph store on disk.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .common import CONTEXT, app, emit, err, is_std, out, output_path

store_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, context_settings=CONTEXT,
                        help="The graph store (Oxigraph on disk): stats, check, list, load, remove, export.  "
                             "Example: zhkg store stats --store kg")


app.add_typer(store_app, name="store")
StoreDir = Annotated[Path, typer.Option("--store", help="The store directory (made by zhkg extract --store DIR).")]


@store_app.command("stats")
def store_stats(store: StoreDir) -> None:
    """Count the triples, named graphs, documents, claims, entities, metrics and evidence in a store.

    Example: zhkg store stats --store kg
    """
    from ..graph.guard import read
    from ..graph.store import open_store

    for k, v in read(store, "stats", open_store).items():  # in a child bounded in memory (see README: Guarantees)
        out.print(f"{k:>10}  {v}")


@store_app.command("check")
def store_check(store: StoreDir) -> None:
    """Read the whole store once (every quad, through each index) and say whether it is sound;
    exit 2 naming the store when a part of it is corrupt.

    Example: zhkg store check --store kg
    """
    from ..graph.guard import read
    from ..graph.store import open_store

    counts = read(store, "check", open_store)  # read-only, in a child bounded in memory
    out.print(f"{store}: ok, {counts['quads']} quads in {counts['graphs']} named graphs", markup=False)


@store_app.command("list")
def store_list(store: StoreDir) -> None:
    """List the documents in a store: id, claims, triples, title.

    Example: zhkg store list --store kg
    """
    from rich.table import Table

    from ..graph.guard import read
    from ..graph.store import open_store

    docs = read(store, "list", open_store)
    t = Table(show_edge=False, box=None, header_style="bold")
    for col, just in (("document", "left"), ("claims", "right"), ("triples", "right"), ("title", "left")):
        t.add_column(col, justify=just, no_wrap=just == "right")  # counts never wrap
    for d in docs:
        t.add_row(d["id"], str(d["claims"]), str(d["triples"]), d["title"])
    out.print(t)
    out.print(f"({len(docs)} documents)")


@store_app.command("remove")
def store_remove(doc: Annotated[str, typer.Argument(help="The document id (kuaishou-2020#1) or its IRI.")],
                 store: StoreDir) -> None:
    """Remove one document's named graph (and entity descriptions no other document uses).

    Example: zhkg store remove 'kuaishou-2020#1' --store kg
    """
    from ..graph.store import open_store

    with open_store(store) as st:
        n = st.remove(doc)
    err.print(f"removed {doc}: {n} triples", markup=False)


@store_app.command("load")
def store_load(files: Annotated[list[Path], typer.Argument(help="zhkg's own output with named graphs: .nq or .trig.")],
               store: StoreDir) -> None:
    """Load zhkg's own RDF output into a store without extracting again (each article replaces
    its graph, as extract --store does; the store is made when missing).

    Example: zhkg store load out/kuaishou-2020.nq --store kg
    """
    from ..graph.store import open_store

    with open_store(store, create=True) as st:
        for f in files:
            n = st.load(f)
            err.print(f"loaded {f}: {n} article(s)", markup=False)


@store_app.command("export")
def store_export(
    store: StoreDir,
    fmt: Annotated[Optional[str], typer.Option("--format", "-f", help="trig (the default on standard output), nq, jsonld "
                                               "keep the named graphs; ttl, nt merge them. With -o FILE the extension "
                                               "gives it, and must agree.")] = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", parser=output_path, help="Output file (- or none: standard output).")] = None,
) -> None:
    """Export the whole store as RDF.

    Example: zhkg store export --store kg -f nq -o kg.nq
    """
    from ..errors import OutputError, StoreError
    from ..graph.formats import format_for, write_atomic_stream
    from ..graph.store import open_store

    if output is not None and not is_std(output):
        fmt = format_for(output, fmt)  # -o kg.nq is N-Quads; -o kg.json or -o kg.ttl -f nq an error
        if fmt == "jsonl":
            raise OutputError("a store exports RDF (.trig, .nq, .jsonld, .ttl, .nt), not JSONL", str(output))
    fmt = fmt or "trig"
    with open_store(store, read_only=True) as st:
        if fmt not in ("trig", "nq", "jsonld", "ttl", "nt"):
            raise StoreError(f"unknown export format {fmt!r}; choose one of trig, nq, jsonld, ttl, nt", str(store))
        chunks = st.export_chunks(fmt)  # streamed: N-Quads and N-Triples a few thousand lines at a time
        if output is not None and not is_std(output):
            write_atomic_stream(output, chunks)
        else:
            for chunk in chunks:
                sys.stdout.write(chunk)
