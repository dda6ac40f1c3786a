"""Polling for the tests that watch a running zhkg (a temporary file appearing, workers ending)."""
from __future__ import annotations

import time


def wait_for(cond, timeout: float = 60.0) -> bool:
    """Poll ``cond`` every 0.1 s until it holds (True) or ``timeout`` seconds pass (False)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.1)
    return False
