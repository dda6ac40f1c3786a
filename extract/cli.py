"""The command line: thin. Each command parses its arguments, calls one library function, prints.

Errors raised by the library (:class:`extract.errors.ZhkgError`) become one line on stderr and
an exit code; ``--debug`` shows the traceback instead.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from .errors import ZhkgError

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="zhkg: Chinese business news -> knowledge graph of entities and numeric claims.")
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)
_DEBUG = False


@app.callback()
def _root(debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False) -> None:
    global _DEBUG
    _DEBUG = debug


@app.command()
def normalize(
    file: Annotated[Path, typer.Argument(help="An article file (UTF-8/16, GB18030 or Big5).")],
    show_text: Annotated[bool, typer.Option("--text", help="Print the normalized text of each article.")] = False,
) -> None:
    """Normalize an article file and report what was found.

    Example: zhkg normalize corpus/kuaishou-2020.txt --text
    """
    from .normalize import normalize_file

    norm = normalize_file(file)
    out.print(f"{file}: encoding {norm.encoding}, {len(norm.raw)} raw chars -> {len(norm.text)} normalized, "
              f"{norm.pinyin_removed} pinyin annotations removed, {len(norm.mojibake)} mojibake spans, "
              f"{len(norm.articles)} article(s)"
              + (f", {norm.replaced} undecodable byte(s) replaced (marked as mojibake)" if norm.replaced else ""))
    for art in norm.articles:
        out.print(f"  {art.id}  {art.title}  ({len(art.text)} chars, {len(art.sentences())} sentences)")
        for a, b in art.mojibake:
            ra, rb = art.raw_span(a, b)
            out.print(f"    mojibake at raw {ra}-{rb}: {art.text[a:b]!r}")
        if show_text:
            out.print(art.text)


@app.command()
def extract(
    inputs: Annotated[Optional[list[Path]], typer.Argument(
        help="Article files (text, HTML or PDF, told apart by content) or directories of them; - reads one from standard input.",
        show_default=False)] = None,
    from_list: Annotated[Optional[Path], typer.Option("--from-list", help="A file listing input paths, one a line "
                                                      "(read as it goes; - for standard input).")] = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Output file (format from its extension).")] = None,
    fmt: Annotated[Optional[str], typer.Option("--format", "-f", help="jsonl, ttl, nt, nq, trig, jsonld.")] = None,
    ner: Annotated[str, typer.Option("--ner", help="NER backend: lac (Baidu LAC, default), crf (the CRF trained here on CLUENER2020, 6x faster than LAC) or fast (jieba POS).")] = "lac",
    year: Annotated[Optional[int], typer.Option("--year", help="Publication year for 去年/今年 when the text gives none.")] = None,
    store: Annotated[Optional[Path], typer.Option("--store", help="Also add the articles to this graph store "
                                                  "(a directory, made if missing; an article already there is replaced).")] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", envvar="ZHKG_JOBS", min=1, show_default=False,
                                                help="Worker processes (default: one per core; 1 runs in this process). "
                                                     "Output is the same whatever the number.")] = None,
    dask: Annotated[Optional[str], typer.Option("--dask", metavar="ADDRESS", help="Share the files out over the Dask "
                                                "scheduler at ADDRESS (tcp://host:8786; pip install 'zhkg[dask]').")] = None,
    shacl: Annotated[bool, typer.Option("--shacl/--no-shacl", help="Check each article against the SHACL shapes; "
                                        "violating claims are left out and listed (about 0.1 s an article).")] = True,
    strict: Annotated[bool, typer.Option("--strict", help="Fail the run (exit 1, no output) on any SHACL violation.")] = False,
) -> None:
    """Extract entities and numeric claims from articles and write them as RDF or JSONL.

    Example: zhkg extract corpus/kuaishou-2020.txt -o out/kuaishou-2020.ttl

    Example: zhkg extract corpus/ --store kg

    Example: zhkg extract corpus/ --jobs 4 -o kg.nq

    Example: curl -s URL | zhkg extract - --format jsonl   (or: zhkg extract --from-list paths.txt -o kg.trig)
    """
    import itertools
    from contextlib import ExitStack

    from .batch import STDIN, iter_extract, read_list
    from .errors import InputError
    from .formats import format_for, stream, write_atomic_stream
    from .parallel import iter_extract_parallel
    from .validate import check_documents

    if not inputs and from_list is None:
        raise InputError("nothing to extract: give files, directories, - (standard input) or --from-list FILE")
    if from_list is not None and str(from_list) == STDIN and any(str(p) == STDIN for p in inputs or []):
        raise InputError("standard input cannot be both an article (-) and the list (--from-list -)")
    sources = itertools.chain(inputs or [], read_list(from_list) if from_list is not None else [])

    name = format_for(output or "", fmt) if output else (fmt or "jsonl")
    chunks_of = stream(name)
    errors: list[str] = []
    rows: list[tuple[str, ...]] = []  # the summary: a few strings per article, not the articles

    def failed(line: str) -> None:
        errors.append(line)
        err.print(f"zhkg: error: {line}", markup=False)

    with ExitStack() as stack:
        st = None
        if store:  # opened first: a missing or locked store fails before any work
            from .store import open_store

            st = stack.enter_context(open_store(store, create=True))

        def docs():
            # documents stream through: written (and stored, one transaction each) as they come
            for d in iter_extract_parallel(sources, ner=ner, year=year, on_error=failed, debug=_DEBUG,
                                           jobs=jobs, dask=dask):
                if shacl or strict:  # violating claims never reach the output or the store
                    d = check_documents([d], strict=strict)[0]
                    for note in d.rejected:
                        if note.startswith("SHACL:"):
                            err.print(f"zhkg: {d.id}: left out: {note}", markup=False)
                if st is not None:
                    st.add([d])
                rows.append((d.id, d.title[:24], str(len(d.entities)), str(len(d.claims)),
                             str(len(d.mojibake)), str(len(d.rejected))))
                yield d
            if not rows:  # raised inside the writer: no output file is left behind
                raise InputError("nothing extracted" + (f" ({len(errors)} file(s) failed)" if errors else ""))

        if output:
            write_atomic_stream(output, chunks_of(docs()))
        elif store:
            for _ in docs():
                pass
        else:
            for chunk in chunks_of(docs()):
                sys.stdout.write(chunk)
    _summary(rows, output)
    if errors:
        raise typer.Exit(1)


def _summary(rows, output) -> None:
    from rich.table import Table

    t = Table(title=f"zhkg extract -> {output}" if output else None, show_edge=False)
    for col in ("article", "title", "entities", "claims", "mojibake", "left out"):
        t.add_column(col, overflow="fold")
    for row in rows:
        t.add_row(*row)
    err.print(t)


@app.command()
def validate(
    graphs: Annotated[list[Path], typer.Argument(help="RDF files (.ttl, .nt, .nq, .trig, .jsonld, .rdf), read as one graph.")],
) -> None:
    """Check graphs against the SHACL shapes (ontology/shapes.ttl); print each violation as
    `focus  path  message` and exit 1 when the graph does not conform.

    Example: zhkg validate out/kuaishou-2020.ttl
    """
    from .errors import ValidationFailed
    from .validate import validate_files

    report = validate_files(graphs)
    for v in report.violations:
        out.print(f"{v}" + ("" if v.severity == "Violation" else f"  ({v.severity})"), markup=False)
    bad = sum(v.severity == "Violation" for v in report.violations)
    if not report.conforms:
        raise ValidationFailed(f"{bad} violation(s) in {len(graphs)} file(s)")
    out.print(f"conforms ({len(report.violations)} warning(s))", markup=False)


store_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                        help="The graph store (Oxigraph on disk): stats, list, remove, export.  "
                             "Example: zhkg store stats --store kg")
app.add_typer(store_app, name="store")
StoreDir = Annotated[Path, typer.Option("--store", help="The store directory (made by zhkg extract --store DIR).")]


@store_app.command("stats")
def store_stats(store: StoreDir) -> None:
    """Count the triples, named graphs, documents, claims, entities, metrics and evidence in a store.

    Example: zhkg store stats --store kg
    """
    from .store import open_store

    with open_store(store) as st:
        for k, v in st.stats().items():
            out.print(f"{k:>10}  {v}")


@store_app.command("list")
def store_list(store: StoreDir) -> None:
    """List the documents in a store: id, claims, triples, title.

    Example: zhkg store list --store kg
    """
    from rich.table import Table

    from .store import open_store

    with open_store(store) as st:
        docs = st.list_documents()
    t = Table(show_edge=False, box=None, header_style="bold")
    for col, just in (("document", "left"), ("claims", "right"), ("triples", "right"), ("title", "left")):
        t.add_column(col, justify=just)
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
    from .store import open_store

    with open_store(store) as st:
        n = st.remove(doc)
    err.print(f"removed {doc}: {n} triples", markup=False)


@store_app.command("export")
def store_export(
    store: StoreDir,
    fmt: Annotated[str, typer.Option("--format", "-f", help="trig (default), nq, jsonld keep the named graphs; ttl, nt merge them.")] = "trig",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Output file (default: standard output).")] = None,
) -> None:
    """Export the whole store as RDF.

    Example: zhkg store export --store kg -f nq -o kg.nq
    """
    from .formats import write_atomic
    from .store import open_store

    with open_store(store) as st:
        text = st.export(fmt)
    if output:
        write_atomic(output, text)
    else:
        sys.stdout.write(text)


@app.command()
def query(
    sources: Annotated[Optional[list[Path]], typer.Argument(
        help="Graph files (.ttl .nt .nq .trig .jsonld) to query, and/or one QUERY.rq file.", show_default=False)] = None,
    store: Annotated[Optional[Path], typer.Option("--store", help="Query this store instead of graph files.")] = None,
    name: Annotated[Optional[str], typer.Option("--name", "-n", help="A saved query (see --list).")] = None,
    expr: Annotated[Optional[str], typer.Option("-e", "--expr", help="The SPARQL text itself.")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="name=value, bound as an RDF term: "
                                                       "value is a plain literal, <iri> an IRI, \"x\"@zh a tagged literal.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table (default), csv, tsv or json (SPARQL 1.1 results).")] = "table",
    list_: Annotated[bool, typer.Option("--list", help="List the saved queries and their parameters.")] = False,
    endpoint: Annotated[Optional[str], typer.Option("--endpoint", metavar="URL", help="Query this SPARQL 1.1 endpoint "
                                                    "(http://host:7878/query) instead of a store or files.")] = None,
) -> None:
    """Run a SPARQL query (a saved one, a .rq file or -e TEXT) over a store, graph files or a
    SPARQL endpoint.

    Example: zhkg query --store kg --name metric-series --param subject=快手 --param metric=GMV

    Example: zhkg query out/kuaishou-2020.trig -e 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' -f csv

    Example: zhkg query --endpoint http://localhost:7878/query --name top-entities
    """
    import shutil

    from .errors import QueryError
    from .query import list_queries, load_query, run_query, saved_query
    from .results import format_result

    if list_:
        for q in list_queries():
            out.print(f"{q.name:<20} {q.description}", markup=False)
            for p, meaning in q.params.items():
                out.print(f"{'':<22}--param {p}=…  {meaning}", markup=False)
        return
    files = [p for p in (sources or []) if p.suffix.lower() != ".rq"]
    rq = [p for p in (sources or []) if p.suffix.lower() == ".rq"]
    given = [x for x in (rq[0] if rq else None, name, expr) if x is not None]
    if len(rq) > 1 or len(given) != 1:
        raise QueryError("give exactly one query: QUERY.rq, --name NAME or -e 'SPARQL'")
    if sum(map(bool, (store, files, endpoint))) != 1:
        raise QueryError("nothing to query: give --store DIR, graph files or --endpoint URL"
                         if not (store or files or endpoint) else
                         "give one of --store DIR, graph files or --endpoint URL")
    params: dict[str, str] = {}
    for item in param or []:
        k, sep, v = item.partition("=")
        if not sep or not k:
            raise QueryError(f"--param {item!r}: write name=value")
        params[k.strip()] = v
    q = load_query(rq[0]) if rq else saved_query(name) if name is not None else expr
    if endpoint:
        from .remote import endpoint_dataset

        res = run_query(endpoint_dataset(endpoint), q, params, as_text=expr is not None)
    elif store:
        from .store import open_store

        with open_store(store) as st:
            res = run_query(st, q, params, as_text=expr is not None)
    else:
        res = run_query(files, q, params, as_text=expr is not None)
    sys.stdout.write(format_result(res, fmt, width=shutil.get_terminal_size((200, 24)).columns))


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
    from .errors import InputError
    from .remote import graphs_of_files, graphs_of_store, push as push_graphs

    if bool(store) == bool(graphs):
        raise InputError("give either --store DIR or graph files" + (", not both" if store else ""))
    if store:
        from .store import open_store

        with open_store(store) as st:
            n, t = push_graphs(endpoint, graphs_of_store(st))
    else:
        n, t = push_graphs(endpoint, graphs_of_files(graphs or []))
    err.print(f"pushed {n} graph(s), {t} triples to {endpoint}", markup=False)


@app.command()
def diff(
    a: Annotated[str, typer.Argument(help="Report A: an article, a graph file (.ttl .nt .nq .trig .jsonld), or with --store a document id.")],
    b: Annotated[str, typer.Argument(help="Report B, the same kinds as A.")],
    store: Annotated[Optional[Path], typer.Option("--store", help="Read A and B as document ids (or IRIs) from this store.")] = None,
    rtol: Annotated[float, typer.Option("--rtol", help="Relative slack added to each figure's stated precision (0.01 = 1%).")] = 0.0,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table (default), json or ttl (each conflict as a zhkg:Conflict).")] = "table",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write the diff to this file.")] = None,
    ner: Annotated[str, typer.Option("--ner", help="NER backend for articles extracted on the fly: lac, crf or fast.")] = "lac",
) -> None:
    """Compare the numeric claims of two reports: same, conflicting, related (other period or
    sense), only in A, only in B. Exit 0 when nothing conflicts, 1 on conflicts, 2 on errors.

    Example: zhkg diff corpus/kuaishou-2020.txt other-outlet.txt

    Example: zhkg diff --store kg kuaishou-2020#1 kuaishou-2020-b#1 --format ttl -o conflicts.ttl
    """
    from .diff import diff_documents
    from .diff_input import load_side
    from .diff_output import names, render
    from .errors import OutputError
    from .formats import write_atomic

    if fmt not in names():
        raise OutputError(f"unknown diff format {fmt!r}; choose one of {', '.join(names())}")
    res = diff_documents(load_side(a, store, ner), load_side(b, store, ner), rtol=rtol)
    text = render(res, fmt, "A", "B")
    if output:
        write_atomic(output, text)
    else:
        sys.stdout.write(text)
    if res.conflicting:
        raise typer.Exit(1)


@app.command()
def report(
    inputs: Annotated[list[Path], typer.Argument(help="Article files or directories of them.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The HTML file to write.")] = Path("report.html"),
    ner: Annotated[str, typer.Option("--ner", help="NER backend: lac (Baidu LAC, default), crf (the CRF trained here on CLUENER2020, 6x faster than LAC) or fast (jieba POS).")] = "lac",
    year: Annotated[Optional[int], typer.Option("--year", help="Publication year for 去年/今年 when the text gives none.")] = None,
) -> None:
    """Write one self-contained HTML page of the articles: highlighted text, claims table,
    entity graph, metrics over time and conflicts (opens with no network).

    Example: zhkg report corpus/kuaishou-2020.txt -o report.html
    """
    from .batch import extract_many
    from .errors import InputError
    from .formats import write_atomic
    from .report import build_report

    res = extract_many(inputs, ner=ner, year=year)
    for e in res.errors:
        err.print(f"zhkg: error: {e}", markup=False)
    if not res.docs:
        raise InputError("nothing extracted" + (f" ({len(res.errors)} file(s) failed)" if res.errors else ""))
    page = build_report(res.docs)
    write_atomic(output, page)
    err.print(f"wrote {output} ({len(page.encode()):,} bytes, {len(res.docs)} article(s), "
              f"{sum(len(d.claims) for d in res.docs)} claims)", markup=False)
    if res.errors:
        raise typer.Exit(1)


def main(argv: Optional[list[str]] = None) -> int:
    """Entry point of the ``zhkg`` console script."""
    try:
        # with standalone_mode=False click returns a command's typer.Exit code instead of raising
        rc = app(args=argv, standalone_mode=False)
    except ZhkgError as e:
        if _DEBUG:
            raise
        err.print(f"zhkg: error: {e}", markup=False)
        return e.exit_code
    except typer.Exit as e:
        return e.exit_code
    except typer.Abort as e:  # click turns Ctrl-C into Abort
        err.print("zhkg: interrupted" if isinstance(e.__cause__, KeyboardInterrupt) else "zhkg: aborted", markup=False)
        return 130
    except KeyboardInterrupt:
        err.print("zhkg: interrupted", markup=False)
        return 130
    except Exception as e:  # click usage errors and the like
        import click

        if isinstance(e, click.exceptions.ClickException):
            e.show()
            return e.exit_code
        if _DEBUG:
            raise
        err.print(f"zhkg: internal error: {type(e).__name__}: {e} (run with --debug for the traceback)", markup=False)
        return 3
    if rc == 130:  # typer turns Ctrl-C into typer.Exit(130)
        err.print("zhkg: interrupted", markup=False)
    return rc if isinstance(rc, int) else 0


if __name__ == "__main__":
    sys.exit(main())
