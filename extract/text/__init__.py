"""Stage 1: bytes -> clean Simplified text, split into articles, with an offset map back to the raw text."""
