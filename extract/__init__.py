"""zhkg: Chinese business and technology news -> a knowledge graph of entities and numeric claims.

The library is the product; the CLI is a thin layer over these calls, one per command::

    from extract import extract_file, write, run_query, diff_files, validate, build_report
    docs = extract_file("corpus/kuaishou-2020.txt")     # list[extract.model.Document]
    write(docs, "out/k.trig")                            # zhkg extract … -o out/k.trig
    run_query(docs, "metric-series", {"subject": "快手", "metric": "GMV"}).as_dicts()
    diff_files("a.txt", "b.jsonl").counts()              # zhkg diff a.txt b.jsonl
"""
from .version import __version__

__all__ = ["__version__", "extract_file", "extract_text", "write", "open_store", "run_query", "diff_files",
           "validate", "build_report", "push"]


def extract_file(path, ner: str = "lac", year=None, published=None):
    """Extract every article of ``path``; ``published`` (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``)
    is when it came out. See :func:`extract.nlp.pipeline.extract_file`."""
    from .nlp.pipeline import extract_file as _f

    return _f(path, ner=ner, year=year, published=published)


def extract_text(text: str, doc_id: str = "doc", ner: str = "lac", year=None, published=None):
    """Extract every article of a decoded ``text``; see :func:`extract.nlp.pipeline.extract_text`."""
    from .nlp.pipeline import extract_text as _f

    return _f(text, doc_id=doc_id, ner=ner, year=year, published=published)


def write(docs, target, format=None) -> None:  # noqa: A002  (the CLI's --format)
    """Write Documents to ``target`` (``zhkg extract -o``): a path (atomically; the format from
    its extension, which must agree with ``format``), ``-`` for standard output, or an open text
    stream (JSONL unless ``format`` says). See :func:`extract.graph.formats.write`."""
    from .graph.formats import write as _f

    _f(docs, target, format)


def open_store(path, create: bool = False):
    """The graph store (Oxigraph on disk) at ``path``, a context manager with ``add(docs)``,
    ``remove(doc_id)``, ``list_documents()``, ``stats()``, ``export(fmt)``; ``create`` makes it.
    See :func:`extract.graph.store.open_store`."""
    from .graph.store import open_store as _f

    return _f(path, create=create)


def run_query(source, query, params=None):
    """Run ``query`` (a saved query's name, SPARQL text with the project's prefixes declared, or a
    ``.rq`` file) over ``source``: Documents, graph files, a store directory or an open store, an
    rdflib Graph/Dataset. Returns a :class:`extract.graph.query.Result`: ``vars`` and ``rows`` (RDF
    terms), ``as_dicts()`` (Python values), ``boolean`` of an ASK, ``graph`` of a CONSTRUCT."""
    from .graph.query import run_query as _f

    return _f(source, query, params)


def diff_files(a, b, rtol: float = 0.0, ner: str = "lac", store=None):
    """Compare two reports (``zhkg diff A B``): each an article, zhkg's JSONL, a graph file or a
    store directory, told apart by content (with ``store``: document ids in it). Returns a
    :class:`extract.diff.align.DiffResult`: ``counts()``, ``conflicting``, ``same`` …"""
    from .diff.sides import diff_files as _f

    return _f(a, b, rtol=rtol, ner=ner, store=store)


def validate(source):
    """SHACL (``ontology/shapes.ttl``) over Documents, graph files or an rdflib Graph
    (``zhkg validate``): a report with ``conforms`` and ``violations``."""
    from .graph.validate import validate as _f

    return _f(source)


def build_report(docs) -> str:
    """The HTML report of Documents (``zhkg report``): one self-contained page, as a string."""
    from .report.html import build_report as _f

    return _f(list(docs))


def push(endpoint: str, source):
    """Push graphs to a SPARQL 1.1 Graph Store endpoint (``zhkg push``): ``source`` is graph files
    with named graphs or an open store. Returns (graphs, triples) sent."""
    from .graph.remote import graphs_of_files, graphs_of_store
    from .graph.remote import push as _f
    from .graph.store import Store

    return _f(endpoint, graphs_of_store(source) if isinstance(source, Store) else graphs_of_files(
        [source] if isinstance(source, (str, bytes)) or hasattr(source, "__fspath__") else source))
