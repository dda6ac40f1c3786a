"""Peak memory and time of `zhkg extract DIR -o out.jsonl` over many small files (issue 8).

Writes N small articles (each a distinct slice of the sample, so no two are equal) into a
folder and runs the CLI in a fresh process for each output format given; prints wall time, peak
RSS and the output size. Streamed formats (jsonl, nt, nq) keep memory flat as N grows.

    python bench/bench_many_files.py 500 2000          # N values; jsonl and nt by default
    python bench/bench_many_files.py 2000 --format ttl
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
from extract.cli import main
from extract.nlp.pipeline import build_nlp
build_nlp("fast")
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
code = main(["extract", "--ner", "fast", sys.argv[1], "-o", sys.argv[2]])
dt = time.perf_counter() - t
print(json.dumps({{"code": code, "seconds": dt, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "base_mb": base / 1024}}))
"""


def make_files(n: int, folder: Path) -> None:
    raw = (ROOT / "corpus" / "kuaishou-2020.txt").read_text(encoding="utf-8")
    paras = [p for p in raw.split("\n") if len(p) > 30]
    for i in range(n):
        a, b = paras[i % len(paras)], paras[(i * 7 + 3) % len(paras)]
        (folder / f"art-{i:05d}.txt").write_text(f"第{i}号稿件\n{a}\n{b}\n", encoding="utf-8")


def main(argv: list[str]) -> None:
    fmts = [argv[i + 1] for i, a in enumerate(argv) if a == "--format"] or ["jsonl", "nt"]
    ns = [int(a) for i, a in enumerate(argv) if a.isdigit() and (i == 0 or argv[i - 1] != "--format")] or [200, 2000]
    print(f"{'files':>6} {'format':<7} {'seconds':>8} {'files/s':>8} {'peak RSS MB':>12} {'(base)':>7} {'output MB':>10}")
    for n in ns:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "in"
            folder.mkdir()
            make_files(n, folder)
            for fmt in fmts:
                out = Path(tmp) / f"out.{fmt}"
                res = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT)), str(folder), str(out)],
                                     capture_output=True, text=True)
                r = json.loads(res.stdout.strip().splitlines()[-1])
                print(f"{n:>6} {fmt:<7} {r['seconds']:>8.1f} {n / r['seconds']:>8.1f} {r['peak_mb']:>12.0f} "
                      f"{r['base_mb']:>7.0f} {out.stat().st_size / 2**20:>10.1f}"
                      + ("" if r["code"] == 0 else f"  exit {r['code']}"), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
