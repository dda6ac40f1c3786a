"""PDF reading compared: pdfplumber (zhkg's reader) and pypdf on a generated results
announcement with a two-period table under a stated scale.

Prints, per library: the milliseconds to read the PDF, whether the table's rows come out as rows
(a row label and its figures on one line), and, for zhkg, how many table cells became claims
with the right period, unit and magnitude. Run:

    .venv/bin/python bench/bench_pdf.py [--repeat 20]

Needs reportlab (the ``test`` extra) to write the PDF; pypdf is optional.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.test_inputs import ANNUAL, ANNUAL_CLAIMS, _pdf, _table_claims  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as td:
        path = _pdf(Path(td) / "bench.pdf", [["青柠科技控股有限公司 全年业绩公告", "(人民币百万元,百分比除外)", ANNUAL]])
        data = path.read_bytes()
        rows = [" ".join(c for c in r if c) for r in ANNUAL[2:]]

        def plumber() -> str:
            from extract.inputs.pdf import read_pdf

            return read_pdf(data, str(path)).text.replace(" | ", " ")

        def pypdf_text() -> str:
            import io

            from pypdf import PdfReader

            return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)

        for name, fn in (("pdfplumber (zhkg)", plumber), ("pypdf", pypdf_text)):
            try:
                text = fn()
            except ImportError as e:
                print(f"{name:<20} skipped: {e}")
                continue
            t0 = time.perf_counter()
            for _ in range(a.repeat):
                fn()
            ms = (time.perf_counter() - t0) / a.repeat * 1000
            as_rows = sum(r in text for r in rows)
            print(f"{name:<20} {ms:7.1f} ms/read   table rows kept as rows: {as_rows}/{len(rows)}")
        from extract.nlp.pipeline import extract_file

        t0 = time.perf_counter()
        [doc] = extract_file(path)
        got = _table_claims(doc)
        print(f"zhkg extract: {len(got & ANNUAL_CLAIMS)}/{len(ANNUAL_CLAIMS)} value cells as claims with the right "
              f"period, unit, magnitude and change; {len(got - ANNUAL_CLAIMS)} wrong; "
              f"{time.perf_counter() - t0:.2f} s (pipeline warm-up included)")


if __name__ == "__main__":
    main()
