"""``zhkg diff`` and ``zhkg report``: two reports compared, and the HTML report of many articles.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .common import Progress, app, emit, err, is_std, ner_option, on_terminal, output_path


@app.command()
def diff(
    a: Annotated[str, typer.Argument(metavar="A", help="Report A, told apart by content: an article (text, HTML, PDF), "
                                     "zhkg's JSONL, a graph file (Turtle, TriG, N-Triples, N-Quads, JSON-LD), a store "
                                     "directory, or with --store a document id; - reads standard input.")],
    b: Annotated[str, typer.Argument(metavar="B", help="Report B, the same kinds as A.")],
    store: Annotated[Optional[Path], typer.Option("--store", help="Read A and B as document ids (or IRIs) from this store.")] = None,
    rtol: Annotated[float, typer.Option("--rtol", help="Relative slack added to each figure's stated precision (0.01 = 1%).")] = 0.0,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table (default), json or ttl (each conflict as a zhkg:Conflict).")] = "table",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", parser=output_path, help="Write the diff to this file (- or none: standard output).")] = None,
    ner: Annotated[str, ner_option("NER backend for articles extracted on the fly: lac, crf or fast.")] = "lac",
) -> None:
    """Compare the numeric claims of two reports: same, conflicting, related (other period or
    sense), only in A, only in B. Exit 0 when nothing conflicts, 1 on conflicts, 2 on errors.

    Example: zhkg diff corpus/kuaishou-2020.txt other-outlet.txt

    Example: zhkg diff out/kuaishou.jsonl other-outlet.txt   (zhkg's own outputs are read as such)

    Example: zhkg diff --store kg kuaishou-2020#1 kuaishou-2020-b#1 --format ttl -o conflicts.ttl
    """
    from ..diff.align import diff_documents
    from ..diff.render import names, render
    from ..diff.sides import load_side
    from ..errors import InputError, OutputError

    if fmt not in names():
        raise OutputError(f"unknown diff format {fmt!r}; choose one of {', '.join(names())}")
    if a == b == "-" and store is None:
        raise InputError("standard input cannot be both A and B")
    from ..run.batch import refuse_overwrite

    refuse_overwrite(output, [] if store else [a, b])
    res = diff_documents(load_side(a, store, ner), load_side(b, store, ner), rtol=rtol)
    emit(output, render(res, fmt, "A", "B"))
    if res.conflicting:
        raise typer.Exit(1)


@app.command()
def report(
    inputs: Annotated[Optional[list[Path]], typer.Argument(help="Article files or directories of them.")] = None,
    output: Annotated[Path, typer.Option("-o", "--output", parser=output_path, help="The HTML file to write (-: standard output).")] = Path("report.html"),
    store: Annotated[Optional[Path], typer.Option("--store", help="The corpus report of every claim in this store "
                                                                   "(search, filters, conflicts, series, CSV) instead of articles.")] = None,
    ner: Annotated[str, ner_option("NER backend: lac (Baidu LAC, default), crf (the CRF trained here on CLUENER2020, 6x faster than LAC) or fast (jieba POS).")] = "lac",
    year: Annotated[Optional[int], typer.Option("--year", min=1000, max=9999, help="Publication year for 去年/今年 when the text gives none.")] = None,
) -> None:
    """Write one self-contained HTML page of the articles: highlighted text, claims table,
    entity graph, metrics over time and conflicts (opens with no network).

    Example: zhkg report corpus/kuaishou-2020.txt -o report.html

    Example: zhkg report --store kg -o corpus.html
    """
    from ..errors import InputError
    from ..report.html import build_report
    from ..run.batch import extract_many, refuse_overwrite

    if store is not None:
        from ..diff.sides import claims_from_store
        from ..report.corpus import build_corpus_report

        if inputs:
            raise InputError("give articles or --store, not both")
        claims, titles = claims_from_store(store)
        page = build_corpus_report(claims, titles)
        emit(output, page)
        err.print(f"wrote {'standard output' if is_std(output) else output} ({len(page.encode()):,} bytes, {len(titles)} article(s), {len(claims)} claims)",
                  markup=False)
        return
    if not inputs:
        raise InputError("no articles given (or --store DIR for the corpus report)")

    refuse_overwrite(output, inputs)
    with Progress("report", None, enabled=on_terminal()) as progress:  # a bar on a terminal, as extract
        res = extract_many(inputs, ner=ner, year=year, on_file=progress.file)
        for d in res.docs:
            progress.doc(d)
    for e in res.errors:
        err.print(f"zhkg: error: {e}", markup=False)
    if not res.docs:
        raise InputError("nothing extracted" + (f" ({len(res.errors)} file(s) failed)" if res.errors else ""))
    page = build_report(res.docs)
    emit(output, page)
    err.print(f"wrote {'standard output' if is_std(output) else output} ({len(page.encode()):,} bytes, {len(res.docs)} article(s), "
              f"{sum(len(d.claims) for d in res.docs)} claims)", markup=False)
    if res.errors:
        raise typer.Exit(1)
