"""Time and peak memory of normalizing and extracting one big article file (issue 8).

Builds an article of SIZE MB by repeating the sample's paragraphs (footer lines left out, so it
reads as one long article), then runs each stage in a fresh process and prints wall time, peak
RSS and throughput. Linear stages keep MB/s flat as SIZE grows.

    python bench/bench_large_article.py 1 5 50            # sizes in MB
    python bench/bench_large_article.py --extract 1 5     # also run the whole extraction
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
from pathlib import Path
sys.path.insert(0, {root!r})
stage, path = sys.argv[1], sys.argv[2]
from extract.text.normalize import normalize_file
from extract.text.chars import _jieba, _opencc
_jieba(); _opencc()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
if stage == "normalize":
    norm = normalize_file(path)
    info = {{"articles": len(norm.articles), "mojibake": len(norm.mojibake), "chars": len(norm.text)}}
else:
    from extract.nlp.pipeline import build_nlp, extract_file
    build_nlp("fast")
    t = time.perf_counter()
    docs = extract_file(path, ner="fast")
    info = {{"articles": len(docs), "claims": sum(len(d.claims) for d in docs)}}
dt = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"seconds": dt, "peak_mb": peak / 1024, "base_mb": base / 1024, **info}}))
"""


def make_article(mb: float, folder: Path) -> Path:
    from extract.text.split import _FOOTER

    sys.path.insert(0, str(ROOT))
    raw = (ROOT / "corpus" / "kuaishou-2020.txt").read_text(encoding="utf-8")
    unit = "\n".join(ln for ln in raw.split("\n") if not _FOOTER.match(ln.strip())) + "\n"
    k = int(mb * 2**20 / len(unit.encode("utf-8"))) + 1
    p = folder / f"big-{mb:g}mb.txt"
    with p.open("w", encoding="utf-8") as f:
        for _ in range(k):
            f.write(unit)
    return p


def run(stage: str, path: Path) -> dict:
    code = CHILD.format(root=str(ROOT))
    res = subprocess.run([sys.executable, "-c", code, stage, str(path)], capture_output=True, text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> None:
    stages = ["normalize"] + (["extract"] if "--extract" in argv else [])
    sizes = [float(a) for a in argv if not a.startswith("--")] or [1, 5, 20]
    print(f"{'stage':<10} {'MB':>6} {'seconds':>9} {'MB/s':>7} {'peak RSS MB':>12} {'(base)':>7}  details")
    with tempfile.TemporaryDirectory() as tmp:
        for mb in sizes:
            p = make_article(mb, Path(tmp))
            size = p.stat().st_size / 2**20
            for stage in stages:
                r = run(stage, p)
                details = {k: v for k, v in r.items() if k not in ("seconds", "peak_mb", "base_mb")}
                print(f"{stage:<10} {size:>6.1f} {r['seconds']:>9.1f} {size / r['seconds']:>7.2f} "
                      f"{r['peak_mb']:>12.0f} {r['base_mb']:>7.0f}  {details}", flush=True)
            p.unlink()


if __name__ == "__main__":
    main(sys.argv[1:])
