"""The command line: records out, failures named, exit codes, formats."""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from flows.cli import main
from flows.tables import TABLES

SEEDS = Path(__file__).resolve().parent.parent / "corpus" / "seeds"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SEEDS / "003_92b22a606fcc1c99.txt", folder / "sub" / "laocai.txt")
    shutil.copy(SEEDS / "002_e1c800a55554c0b7.txt", folder / "huongtra.txt")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_extract_writes_records_and_names_failures(tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    result = CliRunner().invoke(main, ["extract", str(_folder(tmp_path)), "-o", str(out), "--no-progress"])
    assert result.exit_code == 1
    assert "empty.txt: empty file" in result.stderr
    assert "kehoach: 3 documents, 2 records, 1 failed, 0 skipped," in result.stderr.splitlines()[-1]
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [Path(r["source"]["uri"]).name for r in records] == ["huongtra.txt", "laocai.txt"]
    assert records[1]["document"]["number"] == "60/KH-UBND"
    assert records[0]["text"] is None


def test_a_missing_path_is_a_named_failure_and_the_rest_go_on(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))
    result = CliRunner().invoke(main, ["extract", *seeds, str(tmp_path / "missing.txt"), "-o", str(out)])
    assert result.exit_code == 1
    assert f"{tmp_path / 'missing.txt'}: cannot read: No such file or directory" in result.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5
    assert "kehoach: 6 documents, 5 records, 1 failed, 0 skipped," in result.stderr


def test_a_run_with_nothing_to_read_says_so(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "photo.xyz").write_bytes(b"\x00\x01 not a document")
    (tmp_path / "other" / ".hidden.txt").write_text("ỦY BAN NHÂN DÂN", encoding="utf-8")
    for folder, skipped in (("empty", 0), ("other", 1)):
        result = CliRunner().invoke(main, ["extract", str(tmp_path / folder), "-o", str(tmp_path / "r.jsonl")])
        assert result.exit_code == 1
        said, summary = result.stderr.strip().split("\n")
        assert said == f"kehoach: no documents to read in {tmp_path / folder}"
        assert summary.startswith(f"kehoach: 0 documents, 0 records, 0 failed, {skipped} skipped, ")
    assert not (tmp_path / "r.jsonl").exists()


def test_files_that_are_not_documents_are_counted(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "photo.xyz").write_bytes(b"\x00\x01 not a document")
    result = CliRunner().invoke(main, ["extract", str(folder), "-o", str(tmp_path / "r.jsonl")])
    assert "kehoach: 3 documents, 2 records, 1 failed, 1 skipped," in result.stderr


def test_outputs_get_the_users_umask(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o644)
    previous = os.umask(0o022)
    try:
        for name in ("r.jsonl", "t.csv"):
            result = CliRunner().invoke(
                main, ["extract", str(SEEDS / "000_c9d837584bff20a9.txt"), "-o", str(tmp_path / name)]
            )
            assert result.exit_code == 0, result.stderr
            assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644
    finally:
        os.umask(previous)


@pytest.mark.parametrize(
    ("name", "asked", "code", "written"),
    [
        ("r.json", None, 0, "json"),
        ("r.jsonl", None, 0, "jsonl"),
        ("r.out", None, 0, "jsonl"),
        ("r.json", "json", 0, "json"),
        ("r.json", "jsonl", 2, None),
        ("r.csv", "parquet", 2, None),
    ],
)
def test_the_format_follows_the_suffix(
    tmp_path: Path, name: str, asked: str | None, code: int, written: str | None
) -> None:
    args = ["extract", str(SEEDS / "000_c9d837584bff20a9.txt"), "-o", str(tmp_path / name)]
    result = CliRunner().invoke(main, args + (["--format", asked] if asked else []))
    assert result.exit_code == code
    if written is None:
        assert "is named as" in result.stderr and not (tmp_path / name).exists()
        return
    text = (tmp_path / name).read_text(encoding="utf-8")
    records = json.loads(text) if written == "json" else [json.loads(line) for line in text.splitlines()]
    assert [r["document"]["number"] for r in records] == ["313/QĐ-UBND"]


def test_tables_from_local_files_keep_lists_as_lists(tmp_path: Path) -> None:
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))
    for fmt in ("csv", "parquet"):
        result = CliRunner().invoke(main, ["extract", *seeds, "-o", str(tmp_path / f"t.{fmt}")])
        assert result.exit_code == 0, result.stderr
    read = {"csv": pd.read_csv, "parquet": pd.read_parquet}
    frames = {
        fmt: {t: read[fmt](tmp_path / (f"t.{fmt}" if t == "documents" else f"t.{t}.{fmt}")) for t in TABLES}
        for fmt in read
    }
    for fmt, tables in frames.items():
        assert len(tables["documents"]) == 5
        assert set(tables["documents"].columns) == {c for c, _ in TABLES["documents"]}
        for name, frame in tables.items():
            assert list(frame.columns) == [c for c, _ in TABLES[name]], (fmt, name)
            assert set(frame["record_id"]) <= set(tables["documents"]["record_id"])
    duties = frames["parquet"]["responsibilities"]
    as_csv = frames["csv"]["responsibilities"]
    joined = [list(t) for t in duties["tasks"]]
    assert any(any("; " in task for task in tasks) for tasks in joined), "a task holding '; ' must stay one item"
    assert [json.loads(cell) for cell in as_csv["tasks"]] == joined
    assert [json.loads(cell) for cell in as_csv["section_path"]] == [list(p) for p in duties["section_path"]]


def test_extract_json_array_to_stdout_with_text(tmp_path: Path) -> None:
    seed = SEEDS / "000_c9d837584bff20a9.txt"
    result = CliRunner().invoke(main, ["extract", str(seed), "-o", "-", "--format", "json", "--with-text"])
    assert result.exit_code == 0
    [record] = json.loads(result.stdout)
    text = record["text"]
    start, end = record["document"]["spans"]["number"]
    assert text[start:end] == "313/QĐ-UBND"
    for citation in record["citations"]:
        assert citation["number"] is None or citation["number"] in text[citation["span"][0] : citation["span"][1]]


def test_a_record_id_is_stable_and_unique_per_source_document(tmp_path: Path) -> None:
    seed = SEEDS / "001_29aef314834a8ded.txt"
    copy = tmp_path / "copy.txt"
    shutil.copy(seed, copy)
    ids = []
    for path in (seed, seed, copy):
        result = CliRunner().invoke(main, ["extract", str(path), "-o", "-"])
        ids.append(json.loads(result.stdout)["id"])
    assert ids[0] == ids[1] and ids[0].startswith("kh-")
    assert ids[2] != ids[0]  # the same text at another address is another source document


def test_show_draws_facts_over_the_text(tmp_path: Path) -> None:
    out = tmp_path / "doc.html"
    result = CliRunner().invoke(main, ["show", str(SEEDS / "003_92b22a606fcc1c99.txt"), "-o", str(out)])
    assert result.exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert all(f'<mark class="k-{kind}"' in page for kind in ("indicator", "citation", "agency"))


def test_export_without_a_store_says_so_and_creates_nothing(tmp_path: Path) -> None:
    data = tmp_path / "kehoach-data"
    result = CliRunner().invoke(main, ["export", "--data", str(data), "-o", str(tmp_path / "x.jsonl")])
    assert result.exit_code == 1
    assert "export: no store at" in result.stderr
    assert not data.exists() and not (tmp_path / "x.jsonl").exists()


def test_a_table_file_named_after_a_table_holds_that_table(tmp_path: Path) -> None:
    seed = SEEDS / "003_92b22a606fcc1c99.txt"
    result = CliRunner().invoke(main, ["extract", str(seed), "-o", str(tmp_path / "out" / "tasks.parquet")])
    assert result.exit_code == 0, result.stderr
    tasks = pd.read_parquet(tmp_path / "out" / "tasks.parquet")
    assert list(tasks.columns) == [c for c, _ in TABLES["tasks"]]
    assert len(tasks) == 6 and tasks["title"].iloc[0] == "Hoạt động truyền thông"
    assert list(tasks["lead"].iloc[0]) == ["Sở Lao động - Thương binh và Xã hội"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(f"{t}.parquet" for t in TABLES)
