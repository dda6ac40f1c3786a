"""The package's layout stays as the README's "Architecture" section draws it (issue 15).

- No import cycle between the modules of ``extract/``. Every import counts: relative and absolute,
  at the top of a module or inside a function (a lazy import still ties the two modules; counting
  it means no cycle hides behind one). ``from P import name`` counts as an import of the module
  ``P.name`` when that is a module, else of ``P``; importing a module runs its packages'
  ``__init__`` too, but that implicit edge is not counted (else every package would be a cycle
  with its own modules), so a package's ``__init__`` that imports its modules must not be
  imported by them: they import one another directly.
- Folders import one way: each folder (stage) imports only the folders and shared modules the
  table :data:`MAY_IMPORT` gives it, the table the README's map shows.
- No module over 450 lines.
  along its stages. (No module of ``extract/`` is generated; data lives in ``ontology/``.)
- At most 8 modules directly in ``extract/``: the rest lives in the folders of the stages.
"""
from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "extract"
MAX_LINES = 450
#: no module is exempt: the claims component is a package of stages (issue 16)
EXEMPT: set[str] = set()
MAX_TOP_MODULES = 8

#: what each part of extract/ may import, besides itself; the parts are the folders (stages) and
#: the shared modules directly in extract/ (the README's "Architecture" map)
SHARED = {"errors", "resources", "model", "version"}
MAY_IMPORT = {
    "version": set(),
    "errors": set(),
    "resources": set(),
    "model": set(),
    "text": {"errors", "resources"},  # resources: the word file normalization joins lines by
    "inputs": {"errors", "text"},
    "nlp": SHARED | {"text", "inputs"},
    "graph": SHARED | {"text", "nlp"},  # text: a file is read as an article file is
    "diff": SHARED | {"nlp", "graph"},
    "report": SHARED | {"text", "nlp", "diff"},
    "run": SHARED | {"inputs", "nlp"},  # inputs: what in a folder is an article
    "cli": SHARED | {"text", "inputs", "nlp", "graph", "diff", "report", "run"},
    "__init__": SHARED | {"nlp", "graph", "diff", "report"},  # the public face: one call per command
    "__main__": {"cli"},
}


def modules() -> dict[str, Path]:
    """Module name -> file, for every module of extract/ (the installed data aside)."""
    out = {}
    for p in sorted(PKG.rglob("*.py")):
        rel = p.relative_to(ROOT)
        if "_data" in rel.parts:
            continue
        parts = list(rel.with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = p
    return out


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The modules of ``known`` that the module ``name`` imports, anywhere in its code."""
    is_pkg = path.name == "__init__.py"
    here = name.split(".") if is_pkg else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            for a in node.names:
                found.add(f"{mod}.{a.name}" if f"{mod}.{a.name}" in known else mod)
    return {m for m in found if m in known and m != name}


def graph() -> nx.DiGraph:
    mods = modules()
    g = nx.DiGraph()
    g.add_nodes_from(mods)
    for name, path in mods.items():
        g.add_edges_from((name, m) for m in imports(name, path, set(mods)))
    return g


def part(module: str) -> str:
    """The folder (stage) or shared module of extract/ that holds ``module``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_the_import_graph_is_read():
    g = graph()
    assert ("extract.nlp.pipeline", "extract.text.normalize") in g.edges  # a top-level import
    assert ("extract.cli.extract", "extract.run.batch") in g.edges  # a lazy one, inside a command
    assert ("extract.graph.terms", "extract.graph.vocab") in g.edges  # `from . import vocab`


def test_no_import_cycle():
    g = graph()
    loops = [[a for a, _ in nx.find_cycle(g.subgraph(c))] for c in nx.strongly_connected_components(g) if len(c) > 1]
    assert loops == [], "modules that import each other in a loop: " + "; ".join(
        " -> ".join(loop + loop[:1]) for loop in loops)


def test_folders_import_one_way():
    bad = sorted(f"{a} -> {b}" for a, b in graph().edges
                 if part(a) != part(b) and part(b) not in MAY_IMPORT.get(part(a), set()))
    assert bad == [], "imports the layout does not allow (see MAY_IMPORT and the README's map): " + ", ".join(bad)


@pytest.mark.parametrize("name, path", sorted(modules().items()), ids=str)
def test_module_is_short(name, path):
    rel = str(path.relative_to(ROOT))
    if rel in EXEMPT:
        pytest.skip("issue 16 splits the claims component")
    n = len(path.read_text(encoding="utf-8").splitlines())
    assert n <= MAX_LINES, f"{rel} has {n} lines (at most {MAX_LINES}): split it along a line a reader sees"


def test_few_modules_directly_in_extract():
    top = sorted(p.name for p in PKG.glob("*.py"))
    assert len(top) <= MAX_TOP_MODULES, top


def test_every_part_is_in_the_table():
    assert {part(m) for m in modules()} <= set(MAY_IMPORT)
