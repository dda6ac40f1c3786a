"""``zhkg query`` and ``zhkg push``: SPARQL over a store, graph files or an endpoint, and graphs
pushed to an endpoint.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .common import Progress, app, emit_chunks, err, is_std, on_terminal, out


@app.command()
def query(
    sources: Annotated[Optional[list[Path]], typer.Argument(
        help="What to query: graph files (Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML, told apart by content; "
             "- reads standard input) or a store directory; and/or one QUERY.rq file.", show_default=False)] = None,
    store: Annotated[Optional[Path], typer.Option("--store", help="Query this store instead of graph files.")] = None,
    name: Annotated[Optional[str], typer.Option("--name", "-n", help="A saved query (see --list).")] = None,
    expr: Annotated[Optional[str], typer.Option("-e", "--expr", help="The SPARQL text itself (- reads it from standard "
                                                "input). The project's prefixes (zhkg, zhkgd, prov, skos, xsd …) are declared.")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="name=value, bound as an RDF term: "
                                                       "value is a plain literal, <iri> an IRI, \"x\"@zh a tagged literal.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table (default), csv, tsv, json or xml (SPARQL 1.1 results); "
                                     "a CONSTRUCT or DESCRIBE: ttl (default), nt, nq, trig, jsonld or xml.")] = "table",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write the result to this file (- or none: "
                                                   "standard output).")] = None,
    input_format: Annotated[Optional[str], typer.Option("--input-format", help="The syntax of the graph files when "
                                                        "their content cannot tell (ttl, trig, nt, nq, jsonld, xml).")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the saved queries and their parameters.")] = False,
    endpoint: Annotated[Optional[str], typer.Option("--endpoint", metavar="URL", help="Query this SPARQL 1.1 endpoint "
                                                    "(http://host:7878/query) instead of a store or files.")] = None,
    allow_remote: Annotated[bool, typer.Option("--allow-remote", help="Let the query reach other files and servers "
                                               "(SERVICE, FROM <url> over graph files, a JSON-LD remote @context); "
                                               "off by default.")] = False,
    timeout: Annotated[float, typer.Option("--timeout", min=0.001, metavar="SECONDS",
                                           help="Give up on a query (or an endpoint's answer) after this long.")] = 300.0,
) -> None:
    """Run a SPARQL query (a saved one, a .rq file or -e TEXT) over a store, graph files or a
    SPARQL endpoint.

    Example: zhkg query --store kg --name metric-series --param subject=快手 --param metric=GMV

    Example: zhkg query out/kuaishou-2020.trig -e 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' -f csv

    Example: zhkg query --endpoint http://localhost:7878/query --name top-entities

    Example: zhkg extract a.txt -f nq | zhkg query - -e 'SELECT ?c WHERE { ?c a zhkg:Claim }'
    """
    import shutil

    from ..errors import QueryError
    from ..graph.query import list_queries, load_query, run_query, saved_query
    from ..graph.results import check_format, format_chunks
    from ..graph.sniff import is_store, read_bytes

    if list_:
        for q in list_queries():
            out.print(f"{q.name:<20} {q.description}", markup=False)
            for p, meaning in q.params.items():
                out.print(f"{'':<22}--param {p}=…  {meaning}", markup=False)
        return
    check_format(fmt)  # before any work
    rq = [p for p in (sources or []) if p.suffix.lower() == ".rq"]
    stores = [p for p in (sources or []) if p.suffix.lower() != ".rq" and is_store(p)]
    files = [p for p in (sources or []) if p.suffix.lower() != ".rq" and p not in stores]
    given = [x for x in (rq[0] if rq else None, name, expr) if x is not None]
    if len(rq) > 1 or len(given) != 1:
        raise QueryError("give exactly one query: QUERY.rq, --name NAME or -e 'SPARQL'")
    if len(stores) > 1 or (stores and store):
        raise QueryError("give one store")
    store = store or (stores[0] if stores else None)
    if sum(map(bool, (store, files, endpoint))) != 1:
        raise QueryError("nothing to query: give --store DIR, graph files or --endpoint URL"
                         if not (store or files or endpoint) else
                         "give one of --store DIR, graph files or --endpoint URL")
    if expr == "-":
        if any(is_std(p) for p in files):
            raise QueryError("standard input cannot be both the query (-e -) and a graph file (-)")
        expr = read_bytes("-").decode("utf-8-sig")
    params: dict[str, str] = {}
    for item in param or []:
        k, sep, v = item.partition("=")
        if not sep or not k:
            raise QueryError(f"--param {item!r}: write name=value")
        params[k.strip()] = v
    q = load_query(rq[0]) if rq else saved_query(name) if name is not None else expr
    if endpoint:
        from ..graph.remote import endpoint_dataset

    width = shutil.get_terminal_size((200, 24)).columns if output is None or is_std(output) else 10_000
    # the query in a thread of its own (Ctrl-C and --timeout stop it), a SELECT's rows written as they come
    if endpoint:
        from ..graph.remote import endpoint_dataset

        res = run_query(endpoint_dataset(endpoint, timeout), q, params, as_text=expr is not None,
                        allow_remote=allow_remote, stream=True)  # the endpoint's own socket timeout bounds it
        emit_chunks(output, format_chunks(res, fmt, width=width))
    elif store:
        from ..graph.store import open_store

        with open_store(store, read_only=True) as st:
            res = run_query(st, q, params, as_text=expr is not None, allow_remote=allow_remote, timeout=timeout,
                            stream=True)
            emit_chunks(output, format_chunks(res, fmt, width=width))
    else:
        from ..graph.query import load_graphs

        res = run_query(load_graphs(files, input_format, allow_remote=allow_remote), q, params,
                        as_text=expr is not None, allow_remote=allow_remote, timeout=timeout, stream=True)
        emit_chunks(output, format_chunks(res, fmt, width=width))


@app.command()
def push(
    endpoint: Annotated[str, typer.Option("--endpoint", metavar="URL", help="The SPARQL 1.1 Graph Store endpoint "
                                          "(Oxigraph: http://host:7878/store; Fuseki: http://host:3030/DATASET/data).")],
    graphs: Annotated[Optional[list[Path]], typer.Argument(help="Graph files with named graphs (.trig, .nq, .jsonld).",
                                                           show_default=False)] = None,
    store: Annotated[Optional[Path], typer.Option("--store", help="Push every graph of this store instead of files.")] = None,
) -> None:
    """Load articles into a SPARQL server, one named graph per article, each replaced whole (HTTP
    PUT); the shared entity graph is added to (POST).

    Example: zhkg push --endpoint http://localhost:7878/store --store kg

    Example: zhkg push --endpoint http://localhost:3030/kg/data out/corpus.trig
    """
    from ..errors import InputError
    from ..graph.remote import graphs_of_files, graphs_of_store
    from ..graph.remote import push as push_graphs

    if bool(store) == bool(graphs):
        raise InputError("give either --store DIR or graph files" + (", not both" if store else ""))
    with Progress("push", None, enabled=on_terminal(), unit="graphs") as progress:  # a bar on a terminal
        if store:
            from ..graph.store import open_store

            with open_store(store, read_only=True) as st:
                n, t = push_graphs(endpoint, graphs_of_store(st), on_graph=progress.file)
        else:
            n, t = push_graphs(endpoint, graphs_of_files(graphs or []), on_graph=progress.file)
    err.print(f"pushed {n} graph(s), {t} triples to {endpoint}", markup=False)
