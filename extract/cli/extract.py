"""``zhkg normalize``, ``zhkg extract`` and ``zhkg validate``: articles in, Documents and graphs out.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .common import app, debugging, err, out


@app.command()
def normalize(
    file: Annotated[Path, typer.Argument(help="An article file (UTF-8/16, GB18030 or Big5).")],
    show_text: Annotated[bool, typer.Option("--text", help="Print the normalized text of each article.")] = False,
) -> None:
    """Normalize an article file and report what was found.

    Example: zhkg normalize corpus/kuaishou-2020.txt --text
    """
    from ..text.normalize import normalize_file

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
    published: Annotated[Optional[str], typer.Option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD, "
                                                     "YYYY-MM or YYYY): resolves 去年, quarters written without a year and the "
                                                     "period a results piece reports. A --from-list line may give its own after "
                                                     "a tab.")] = None,
    year: Annotated[Optional[int], typer.Option("--year", help="Publication year only (shorthand of --published YYYY).")] = None,
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

    Example: zhkg extract brief.txt --published 2024-08-20 --format jsonl
    """
    import itertools
    from contextlib import ExitStack

    from ..errors import InputError
    from ..graph.formats import format_for, stream, write_atomic_stream
    from ..graph.validate import check_documents
    from ..run.batch import STDIN, read_list
    from ..run.parallel import iter_extract_parallel

    if not inputs and from_list is None:
        raise InputError("nothing to extract: give files, directories, - (standard input) or --from-list FILE")
    if from_list is not None and str(from_list) == STDIN and any(str(p) == STDIN for p in inputs or []):
        raise InputError("standard input cannot be both an article (-) and the list (--from-list -)")
    if published is not None:
        from ..model import parse_published

        try:
            published = parse_published(published)
        except ValueError as e:
            raise InputError(f"--published: {e}") from None
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
            from ..graph.store import open_store

            st = stack.enter_context(open_store(store, create=True))

        def docs():
            # documents stream through: written (and stored, one transaction each) as they come
            for d in iter_extract_parallel(sources, ner=ner, year=year, on_error=failed, debug=debugging(),
                                           jobs=jobs, dask=dask, published=published):
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
    from ..errors import ValidationFailed
    from ..graph.validate import validate_files

    report = validate_files(graphs)
    for v in report.violations:
        out.print(f"{v}" + ("" if v.severity == "Violation" else f"  ({v.severity})"), markup=False)
    bad = sum(v.severity == "Violation" for v in report.violations)
    if not report.conforms:
        raise ValidationFailed(f"{bad} violation(s) in {len(graphs)} file(s)")
    out.print(f"conforms ({len(report.violations)} warning(s))", markup=False)
