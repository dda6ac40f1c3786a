"""Every Python code block of the README runs (issue 19), offline, from a scratch folder holding
the corpus, each in a fresh namespace. A block whose line before is ``<!-- not run: REASON -->``
(it needs a server) is listed as skipped with its reason, so none is left out silently."""
from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"(?:<!--\s*(?P<mark>[^>]*?)\s*-->\s*\n)?```python\n(?P<code>.*?)```", re.S)


def blocks() -> list[tuple[int, str, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [(text[:m.start()].count("\n") + 1, m.group("mark") or "", m.group("code")) for m in BLOCK.finditer(text)]


def test_the_readme_has_python_blocks_and_shows_every_library_call():
    import extract

    code = "".join(c for _, _, c in blocks())
    assert len(blocks()) >= 4
    for name in extract.__all__:
        if name != "__version__":
            assert f"{name}(" in code, f"the README's code never calls {name}"


@pytest.mark.parametrize("line, mark, code", blocks(), ids=[f"README.md:{n}" for n, _, _ in blocks()])
def test_readme_python_block_runs(line, mark, code, tmp_path, monkeypatch, capsys):
    if mark.startswith("not run:"):
        pytest.skip(f"README.md:{line}: {mark}")
    (tmp_path / "corpus").symlink_to(ROOT / "corpus")
    monkeypatch.chdir(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # matplotlib's missing-glyph warnings of the report's charts
        exec(compile("\n" * (line) + code, str(ROOT / "README.md"), "exec"), {"__name__": "readme"})
    assert capsys.readouterr().out  # every block prints what it shows
