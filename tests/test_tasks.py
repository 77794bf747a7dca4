"""Tasks (who does what, with whom, by when) against answers read from real plans.

- ``corpus/real`` 002, 010, 011 (activity blocks) against ``tests/eval/real-tasks`` (copies of
  ``../shared/eval/real-tasks``, drift-checked), scored by the vendored ``score_tasks.py``;
- six plans annotated for kehoach by reading them (``tests/data/tasks_gold``, rules and judgement
  calls in its README-A/B): two with activity blocks, four with task tables (the converter's
  one-cell-per-run form and a Word table with merged cells).

Both must score 0.85 or better; the functions that read a block's fields are checked by tables.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scorer import EVAL, load_script

from extractors.facts.tasks import assignment, due_of
from flows.extract import Extracted, Failure, default_workers, extract_many_json

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
TASKS_GOLD = Path(__file__).resolve().parent / "data" / "tasks_gold"
SHARED_EVAL = ROOT.parent / "shared" / "eval"
# The documents of tests/data/tasks_gold, wherever the corpus keeps them.
ANNOTATED = [
    ROOT / line
    for line in (TASKS_GOLD / "documents.txt").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]
BAR = 0.85


SCORE_TASKS = load_script(EVAL / "score_tasks.py", "kehoach_score_tasks")


def _records(paths: list[Path]) -> list[dict]:
    results = list(extract_many_json(paths, workers=default_workers()))
    assert [r.reason for r in results if isinstance(r, Failure)] == []
    return [json.loads(r.json) for r in results if isinstance(r, Extracted)]


def test_real_plans_tasks_meet_the_bar() -> None:
    records = _records([CORPUS / "real" / f"{n}.txt" for n in ("002", "010", "011")])
    result = SCORE_TASKS.score(EVAL / "real-tasks", records)
    assert result["documents"] == 3 and result["tasks"] == 31
    assert result["score"] >= BAR, result


def test_annotated_plans_tasks_meet_the_bar() -> None:
    assert {p.stem for p in ANNOTATED} == {p.stem for p in TASKS_GOLD.glob("*.json")}
    result = SCORE_TASKS.score(TASKS_GOLD, _records(ANNOTATED))
    assert result["documents"] == 6 and result["tasks"] == 269
    assert result["f1"] >= 0.9 and result["score"] >= BAR, result


@pytest.mark.parametrize(
    ("value", "due"),
    [
        ("Quý II/2026", ("2026-04-01", "2026-06-30")),
        ("Tháng 12/2025", ("2025-12-01", "2025-12-31")),
        ("Năm 2026", ("2026-01-01", "2026-12-31")),
        ("2026-2030", ("2026-01-01", "2030-12-31")),
        ("2026", ("2026-01-01", "2026-12-31")),
        ("trước ngày 15/3/2026", ("2026-03-15", "2026-03-15")),
        ("Từ quý III/2026 đến quý III/2030", ("2026-07-01", "2030-09-30")),
        ("Thường xuyên", (None, None)),
        ("Hằng năm", (None, None)),
        ("Thực hiện định kỳ hằng năm; Riêng năm 2020 hoàn thành trong quý II/2020", ("2020-04-01", "2020-06-30")),
        ("Tháng 12/2013 và thường xuyên", (None, None)),
        ("Sau khi có hướng dẫn của Bộ", (None, None)),
    ],
)
def test_the_end_of_the_period_named(value: str, due: tuple[str | None, str | None]) -> None:
    assert due_of(value, 0, len(value)) == due


@pytest.mark.parametrize(
    ("value", "lead", "partners"),
    [
        (
            "Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với Liên đoàn Lao động tỉnh; các sở, ngành",
            ["Sở Lao động - Thương binh và Xã hội"],
            ["Liên đoàn Lao động tỉnh", "Các sở, ngành"],
        ),
        (
            "Các sở, ban, ngành; Ủy ban nhân dân các huyện, thành phố.",
            ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố"],
            [],
        ),
        (
            "Sở Thông tin và Truyền thông đôn đốc, hướng dẫn các đơn vị, địa phương",
            ["Sở Thông tin và Truyền thông"],
            [],
        ),
        (
            "Giao Công an tỉnh chủ trì, phối hợp với Văn phòng UBND tỉnh; Sở Tư pháp và các cơ quan có liên quan",
            ["Công an tỉnh"],
            ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Tư pháp", "Các cơ quan có liên quan"],
        ),
        (
            "Thủ trưởng các sở, ban, ngành trực thuộc UBND tỉnh; Chủ tịch UBND các huyện, thành phố",
            ["Các sở, ban, ngành trực thuộc Ủy ban nhân dân tỉnh", "Ủy ban nhân dân các huyện, thành phố"],
            [],
        ),
    ],
)
def test_who_a_field_gives_the_task_to(value: str, lead: list[str], partners: list[str]) -> None:
    found = assignment(value, 0, len(value))
    assert (found.lead, found.partners) == (lead, partners)


def test_vendored_task_answers_match_shared() -> None:
    if not SHARED_EVAL.is_dir():
        pytest.skip("../shared is not beside this checkout; the vendored copies are the only ones")
    assert (EVAL / "score_tasks.py").read_bytes() == (SHARED_EVAL / "score_tasks.py").read_bytes()
    for gold in sorted((SHARED_EVAL / "real-tasks").iterdir()):
        assert (EVAL / "real-tasks" / gold.name).read_bytes() == gold.read_bytes(), gold.name
