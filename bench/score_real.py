"""Score every corpus that has answers, in one table: the figure the team watches.

    python bench/score_real.py [--shared ../shared] [--workers N] [--json]

Extracts each corpus with the code path of ``kehoach extract`` and scores it with the vendored
yardsticks (``tests/eval/score.py``, ``tests/eval/silver/score_header.py``, byte-for-byte copies of
``../shared/eval``):

- seeds: ``corpus/seeds`` against ``tests/eval/gold``;
- real: ``corpus/real`` against ``tests/eval/real-gold`` (or ``SHARED/corpus/real`` when present);
- annotated: ``corpus/annotated`` against ``tests/data/annotated_gold`` (real pages annotated by reading);
- silver: the header fields of ``corpus/silver`` against the site's metadata.

Rows are fields, columns corpora; the last rows are each corpus's mean and how many documents
with answers it scored. A second table scores tasks (``tests/eval/score_tasks.py``): the real
documents against ``tests/eval/real-tasks``, and the plans of ``tests/data/tasks_gold``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flows.extract import Extracted, default_workers, extract_many_json, find_documents  # noqa: E402

EVAL = ROOT / "tests" / "eval"
SILVER_FIELDS = ("number", "type", "issued_date", "signer", "issuer")


def _module(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _records(folder: Path, workers: int) -> list[dict]:
    files = list(find_documents([folder]))
    return [json.loads(r.json) for r in extract_many_json(files, workers=workers) if isinstance(r, Extracted)]


def _silver(score_header: ModuleType, answers: Path, records: list[dict]) -> dict[str, float]:
    """The silver scorer's per-field shares, computed with its own normalization."""
    meta = json.loads(answers.read_text(encoding="utf-8"))
    by_name = {Path(r["source"]["uri"]).name: r for r in records}
    ok = dict.fromkeys(SILVER_FIELDS, 0)
    for m in meta:
        d = (by_name.get(m["f"]) or {}).get("document") or {}
        got = {
            "number": d.get("number"),
            "type": d.get("type"),
            "issued_date": d.get("issued_date"),
            "signer": ((d.get("signers") or [{}])[0] or {}).get("name"),
        }
        want = {"number": m["number"], "type": m["type"], "issued_date": m["date"], "signer": m["signer"]}
        for key in want:
            ok[key] += score_header.norm(got[key]) == score_header.norm(want[key])
        ok["issuer"] += score_header.place_ok(m["place"], d.get("issuer") or {})
    return {f"document.{k}" if k != "issuer" else "document.issuer (place)": ok[k] / len(meta) for k in ok}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the steering repository")
    ap.add_argument("--workers", type=int, default=default_workers())
    ap.add_argument("--json", action="store_true", help="print the table as JSON")
    args = ap.parse_args()
    score = _module(EVAL / "score.py", "kehoach_score")
    score_header = _module(EVAL / "silver" / "score_header.py", "kehoach_score_header")
    real = args.shared / "corpus" / "real" if (args.shared / "corpus" / "real").is_dir() else ROOT / "corpus" / "real"
    corpora = [
        ("seeds", ROOT / "corpus" / "seeds", EVAL / "gold"),
        ("real", real, EVAL / "real-gold"),
        ("annotated", ROOT / "corpus" / "annotated", ROOT / "tests" / "data" / "annotated_gold"),
    ]
    table: dict[str, dict[str, float]] = {}
    counts: dict[str, str] = {}
    records: dict[str, list[dict]] = {}
    for name, folder, gold in corpora:
        records[name] = _records(folder, args.workers)
        rows, mean, missing = score.score(gold, records[name])
        table[name] = {row[0]: row[1] for row in rows} | {"mean": mean}
        counts[name] = str(len(list(gold.glob("*.json"))) - len(missing))
    answers = EVAL / "silver" / "answers.json"
    table["silver"] = _silver(score_header, answers, _records(ROOT / "corpus" / "silver", args.workers))
    counts["silver"] = str(len(json.loads(answers.read_text(encoding="utf-8"))))
    tasks = _tasks(records["real"], args.workers)
    if args.json:
        print(json.dumps({"scores": table, "documents": counts, "tasks": tasks}, ensure_ascii=False, indent=1))
        return
    names = list(table)
    fields = list(dict.fromkeys(f for column in table.values() for f in column if f != "mean"))
    width = max(map(len, fields)) + 2
    print("field".ljust(width) + "".join(n.rjust(12) for n in names))
    for field in [*fields, "mean"]:
        cells = (f"{table[n][field]:.3f}" if field in table[n] else "" for n in names)
        print(field.ljust(width) + "".join(c.rjust(12) for c in cells))
    print("documents".ljust(width) + "".join(counts[n].rjust(12) for n in names))
    print()
    print("tasks".ljust(width) + "".join(n.rjust(12) for n in tasks))
    for key, label in _TASK_ROWS:
        print(label.ljust(width) + "".join(f"{tasks[n][key]:.3f}".rjust(12) for n in tasks))
    sizes = (f"{t['documents']}, {t['tasks']}" for t in tasks.values())
    print("documents, tasks".ljust(width) + "".join(size.rjust(12) for size in sizes))


_TASK_ROWS = (
    ("precision", "precision"),
    ("recall", "recall"),
    ("f1", "F1"),
    ("lead", "lead (paired)"),
    ("partners_f1", "partners F1"),
    ("due", "due (paired)"),
    ("score", "tasks score"),
)


def _tasks(real_records: list[dict], workers: int) -> dict[str, dict]:
    """The task scores of the real documents and of the plans annotated for tasks."""
    score_tasks = _module(EVAL / "score_tasks.py", "kehoach_score_tasks")
    gold = ROOT / "tests" / "data" / "tasks_gold"
    listed = (gold / "documents.txt").read_text(encoding="utf-8").splitlines()
    paths = [ROOT / line for line in listed if line and not line.startswith("#")]
    annotated = [json.loads(r.json) for r in extract_many_json(paths, workers=workers) if isinstance(r, Extracted)]
    return {
        "real": score_tasks.score(EVAL / "real-tasks", real_records),
        "annotated": score_tasks.score(gold, annotated),
    }


if __name__ == "__main__":
    main()
