"""``zhkg report``: one self-contained HTML page over extracted Documents."""
