"""Benchmark: documents per second and peak memory of ``kehoach extract`` in one process.

    python bench/bench.py --docs 2000

Builds a corpus of N documents from the seed documents in corpus/seeds, each varied
(numbers, percentages, years, dates, place names and the order of list items) so that no
cache can help, writes them to a temporary folder, extracts them all with the same code
path as ``kehoach extract`` (read, normalize, extract, serialize to JSON Lines) and prints
one JSON object {"docs", "workers", "seconds", "docs_per_s", "peak_rss_mb"} per worker count
(``--workers 1 2`` by default). Extraction runs in worker processes (as in ``kehoach extract``,
which isolates each document), the calling process writes the records; peak_rss_mb is the
largest process.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

from flows.extract import Failure, extract_many_json, find_documents
from flows.output import RecordWriter

SEEDS = Path(__file__).resolve().parent.parent / "corpus" / "seeds"
PLACES = ["Bắc Kạn", "Thái Bình", "Lào Cai", "Quảng Nam", "Nghệ An", "Cần Thơ", "Hà Giang", "Bình Dương", "Kon Tum"]
_PERCENT = re.compile(r"\b(\d{1,2})(?=%)")
_YEAR = re.compile(r"\b(20[12]\d)\b")
_NUMBER = re.compile(r"\b(\d{1,4})(?=/(?:QĐ|KH|TTr|UBND|LĐTBXH)-)")
_DAY = re.compile(r"\bngày (\d{1,2})\b")


def vary(text: str, rng: random.Random) -> str:
    """The same document with other numbers, years, dates and places, and list items reordered."""
    shift = rng.randint(-3, 3)
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    text = _PERCENT.sub(lambda m: str(rng.randint(10, 99)), text)
    text = _NUMBER.sub(lambda m: str(rng.randint(1, 4999)), text)
    text = _DAY.sub(lambda m: f"ngày {rng.randint(1, 28)}", text)
    for place in PLACES:
        if place in text:
            text = text.replace(place, rng.choice(PLACES))
    lines = text.split("\n")
    bullets = [i for i, line in enumerate(lines) if line.startswith("- ")]
    if len(bullets) > 2:
        picked = rng.sample(bullets, 2)
        lines[picked[0]], lines[picked[1]] = lines[picked[1]], lines[picked[0]]
    return "\n".join(lines)


def build_corpus(folder: Path, docs: int, seed: int) -> None:
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for i in range(docs):
        (folder / f"doc{i:06d}.txt").write_text(vary(seeds[i % len(seeds)], rng), encoding="utf-8")


def run(files: list[Path], out: Path, workers: int) -> dict:
    """Extract ``files`` with ``workers`` processes, writing JSON Lines to ``out``; the figures."""
    started = time.perf_counter()
    failed = 0
    with RecordWriter(str(out)) as writer:
        for result in extract_many_json(files, workers=workers):
            if isinstance(result, Failure):
                failed += 1
                print(f"failed: {result.path}: {result.reason}", file=sys.stderr)
            else:
                writer.write_json(result.json)
    seconds = time.perf_counter() - started
    peak_mb = (
        max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        / 1024
    )
    print(f"{len(files)} documents, {failed} failed, {workers} worker(s)", file=sys.stderr)
    return {
        "docs": len(files),
        "workers": workers,
        "seconds": round(seconds, 2),
        "docs_per_s": round(len(files) / seconds, 1),
        "peak_rss_mb": round(peak_mb, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to run, one after another")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="kehoach-bench-") as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        build_corpus(folder, args.docs, args.seed)
        files = list(find_documents([folder]))
        for workers in args.workers:
            print(json.dumps(run(files, Path(tmp) / "records.jsonl", workers)), flush=True)


if __name__ == "__main__":
    main()
