"""One base error for the library; the CLI alone turns it into a one-line message and an exit code."""
from __future__ import annotations


class ZhkgError(Exception):
    """Base of every error the library raises on purpose.

    ``exit_code`` is what the CLI exits with; ``path`` names the file at fault when there is one.
    """

    exit_code = 2

    def __init__(self, message: str, path: str | None = None):
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class InputError(ZhkgError):
    """An input file that cannot be read, decoded or parsed."""


class DataError(ZhkgError):
    """A bad row in a lexicon, unit table or ontology file (message names file:line)."""


class QueryError(ZhkgError):
    """Invalid SPARQL, an unknown saved query or a bad parameter."""


class StoreError(ZhkgError):
    """A missing, corrupt or locked store."""


class OutputError(ZhkgError):
    """An output that cannot be written (read-only directory, full disk)."""


class ValidationFailed(ZhkgError):
    """A graph that does not conform to the SHACL shapes (``--strict`` or ``zhkg validate``)."""

    exit_code = 1
