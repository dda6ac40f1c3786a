"""Every data file the tool reads is installed with it (pyproject's package data), and every
subpackage of extract/ is listed, so a wheel install works from any directory."""
import fnmatch
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONF = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


@pytest.mark.parametrize("package", sorted(CONF["package-dir"]))
def test_every_data_file_is_package_data(package):
    folder = ROOT / CONF["package-dir"][package]
    globs = CONF["package-data"][package]
    files = [p for p in folder.iterdir() if p.is_file()]
    assert files
    missing = [p.name for p in files if not any(fnmatch.fnmatch(p.name, g) for g in globs)]
    assert missing == [], f"{folder} files not installed: {missing}"


def test_every_subpackage_is_listed():
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "extract").rglob("__init__.py")
             if "_data" not in p.parts}
    assert found <= set(CONF["packages"]), sorted(found - set(CONF["packages"]))
