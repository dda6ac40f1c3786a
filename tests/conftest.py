from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "kuaishou-2020.txt"


@pytest.fixture(scope="session")
def sample_norm():
    from extract.normalize import normalize_file

    return normalize_file(SAMPLE)
