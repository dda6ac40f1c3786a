"""``zhkg diff`` and ``zhkg report``: two reports compared, and the HTML report of many articles.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .common import app, err


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
    from ..diff.align import diff_documents
    from ..diff.render import names, render
    from ..diff.sides import load_side
    from ..errors import OutputError
    from ..graph.formats import write_atomic

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
    inputs: Annotated[Optional[list[Path]], typer.Argument(help="Article files or directories of them.")] = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="The HTML file to write.")] = Path("report.html"),
    store: Annotated[Optional[Path], typer.Option("--store", help="The corpus report of every claim in this store "
                                                                   "(search, filters, conflicts, series, CSV) instead of articles.")] = None,
    ner: Annotated[str, typer.Option("--ner", help="NER backend: lac (Baidu LAC, default), crf (the CRF trained here on CLUENER2020, 6x faster than LAC) or fast (jieba POS).")] = "lac",
    year: Annotated[Optional[int], typer.Option("--year", help="Publication year for 去年/今年 when the text gives none.")] = None,
) -> None:
    """Write one self-contained HTML page of the articles: highlighted text, claims table,
    entity graph, metrics over time and conflicts (opens with no network).

    Example: zhkg report corpus/kuaishou-2020.txt -o report.html

    Example: zhkg report --store kg -o corpus.html
    """
    from ..errors import InputError
    from ..graph.formats import write_atomic
    from ..report.html import build_report
    from ..run.batch import extract_many

    if store is not None:
        from ..diff.sides import claims_from_store
        from ..report.corpus import build_corpus_report

        if inputs:
            raise InputError("give articles or --store, not both")
        claims, titles = claims_from_store(store)
        page = build_corpus_report(claims, titles)
        write_atomic(output, page)
        err.print(f"wrote {output} ({len(page.encode()):,} bytes, {len(titles)} article(s), {len(claims)} claims)",
                  markup=False)
        return
    if not inputs:
        raise InputError("no articles given (or --store DIR for the corpus report)")

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
