"""The examples in the package's docstrings are tests too: each module's doctests must pass
(``2.71亿`` -> 271000000, a trie regex's shape, a span of months' period code …)."""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import extract

MODULES = sorted(m.name for m in pkgutil.walk_packages(extract.__path__, "extract.")
                 if not m.name.startswith("extract._data") and m.name != "extract.__main__")


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"


def test_examples_exist():
    """The modules the issues are about show how they are called."""
    counted = {name: doctest.testmod(importlib.import_module(name)).attempted
               for name in ("extract.nlp.numbers.parse", "extract.nlp.numbers.find", "extract.nlp.periods", "extract.nlp.names", "extract.model", "extract.diff.align")}
    assert all(counted.values()), counted
