import os
from pathlib import Path

import pytest

# zhkg extract runs one worker per core by default; tests run it in this process (where their
# monkeypatches apply) unless they ask for --jobs themselves
os.environ["ZHKG_JOBS"] = "1"

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "kuaishou-2020.txt"


@pytest.fixture(scope="session")
def sample_norm():
    from extract.text.normalize import normalize_file

    return normalize_file(SAMPLE)
