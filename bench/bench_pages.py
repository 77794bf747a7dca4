"""Benchmark: ``kehoach extract`` over real pages, start-up included, as a user runs it.

    python bench/bench_pages.py [FOLDER] [--workers 1 2]

FOLDER defaults to ``../shared/corpus/pages`` (1,083 real pages of every document type), else to
this checkout's ``corpus`` (the real, silver and annotated pages). Runs the installed command
once per worker count, as a subprocess, and prints one JSON line per run: documents, records,
failed (a named error each), seconds from start to exit, docs/s and the peak memory of the
command (its largest process). A traceback on stderr fails the run.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(folder: Path, workers: int) -> dict:
    command = shutil.which("kehoach") or str(Path(sys.executable).parent / "kehoach")
    with tempfile.TemporaryDirectory(prefix="kehoach-pages-") as tmp:
        out = Path(tmp) / "records.jsonl"
        started = time.perf_counter()
        done = subprocess.run(
            [command, "extract", str(folder), "-o", str(out), "--workers", str(workers)],
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.perf_counter() - started
        records = sum(1 for line in out.read_text(encoding="utf-8").splitlines() if line.strip())
    if "Traceback" in done.stderr:
        raise SystemExit(f"a traceback on stderr:\n{done.stderr}")
    failed = sum(1 for line in done.stderr.splitlines() if line.startswith("kehoach: ") and ": " in line[9:])
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "folder": str(folder),
        "workers": workers,
        "documents": records + failed,
        "records": records,
        "failed": failed,
        "seconds": round(seconds, 2),
        "docs_per_s": round((records + failed) / seconds, 1),
        "peak_rss_mb": round(peak, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    shared = ROOT.parent / "shared" / "corpus" / "pages"
    ap.add_argument("folder", nargs="?", type=Path, default=shared if shared.is_dir() else ROOT / "corpus")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    for workers in args.workers:
        print(json.dumps(run(args.folder, workers)), flush=True)


if __name__ == "__main__":
    main()
