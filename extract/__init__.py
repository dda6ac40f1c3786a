"""zhkg: Chinese business and technology news -> a knowledge graph of entities and numeric claims.

The library is the product; the CLI is a thin layer over these calls::

    from extract import extract_file
    docs = extract_file("corpus/kuaishou-2020.txt")     # list[extract.model.Document]
"""
from .version import __version__

__all__ = ["__version__", "extract_file", "extract_text"]


def extract_file(path, ner: str = "lac", year=None, published=None):
    """Extract every article of ``path``; ``published`` (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``)
    is when it came out. See :func:`extract.nlp.pipeline.extract_file`."""
    from .nlp.pipeline import extract_file as _f

    return _f(path, ner=ner, year=year, published=published)


def extract_text(text: str, doc_id: str = "doc", ner: str = "lac", year=None, published=None):
    """Extract every article of a decoded ``text``; see :func:`extract.nlp.pipeline.extract_text`."""
    from .nlp.pipeline import extract_text as _f

    return _f(text, doc_id=doc_id, ner=ner, year=year, published=published)
