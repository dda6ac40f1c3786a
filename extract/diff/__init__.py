"""``zhkg diff``: the numeric claims of two reports, aligned: what they share, where they disagree."""
