"""Normal text against text without punctuation, per MB (issue 21, point 15).

For each SIZE (MB), two articles: the sample's paragraphs repeated (normal text), and the same
text with every punctuation mark, space and line break taken out (one line, no sentence end).
Each is extracted whole in a fresh process (``zhkg extract FILE -o out.jsonl``, the NER backend of
``--ner``), under ``/usr/bin/time``: wall seconds and peak RSS, and both per MB of input. Before
sentences were bounded (``extract.text.split.MAX_SENTENCE``) the unpunctuated line cost 5-7 times
as much a byte.

    python bench/bench_unpunctuated.py 0.3 1             # sizes in MB, --ner fast
    python bench/bench_unpunctuated.py --ner lac 0.3     # the default backend (slower)
"""
from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ZHKG = [sys.executable, "-m", "extract"]
PUNCT = re.compile(r"[。，,!?！？；;：:、\s“”\"'（）()《》—…·「」『』]")


def texts(mb: float) -> dict[str, str]:
    raw = (ROOT / "corpus" / "kuaishou-2020.txt").read_text(encoding="utf-8")
    size = int(mb * 2**20)
    normal = raw * (size // len(raw.encode("utf-8")) + 1)
    flat = PUNCT.sub("", normal)
    flat = flat * (size // len(flat.encode("utf-8")) + 1)

    def cut(t: str) -> str:  # about SIZE bytes, whole characters
        return t.encode("utf-8")[:size].decode("utf-8", errors="ignore")

    return {"normal": cut(normal), "unpunctuated": cut(flat)}


def run(path: Path, ner: str) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MB, and zhkg's total line."""
    out = path.with_suffix(".jsonl")
    r = subprocess.run(["/usr/bin/time", "-f", "TIME %e %M", *ZHKG, "extract", "--ner", ner, str(path), "-o", str(out),
                        "--max-bytes", str(10**9)], capture_output=True, text=True, cwd=ROOT)
    line = next(ln for ln in r.stderr.splitlines() if ln.startswith("TIME "))
    _, secs, kb = line.split()
    total = next((ln for ln in r.stderr.splitlines() if ln.startswith("zhkg extract:")), r.stderr[-200:])
    return float(secs), int(kb) / 1024, total.split(" in ")[0].removeprefix("zhkg extract: 1 file(s), ")


def main(argv: list[str]) -> None:
    ner = "fast"
    if "--ner" in argv:
        i = argv.index("--ner")
        ner = argv[i + 1]
        argv = argv[:i] + argv[i + 2:]
    sizes = [float(a) for a in argv] or [0.3, 1]
    print(f"--ner {ner}; wall seconds and peak RSS of the whole process (start-up included)")
    print(f"{'text':<13} {'MB':>5} {'seconds':>8} {'s/MB':>6} {'peak MB':>8} {'peak/MB':>8}  result")
    with tempfile.TemporaryDirectory() as tmp:
        for mb in sizes:
            for kind, text in texts(mb).items():
                p = Path(tmp) / f"{kind}.txt"
                p.write_text(text, encoding="utf-8")
                size = p.stat().st_size / 2**20
                secs, peak, total = run(p, ner)
                print(f"{kind:<13} {size:>5.2f} {secs:>8.1f} {secs / size:>6.1f} {peak:>8.0f} {peak / size:>8.0f}  {total}",
                      flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
