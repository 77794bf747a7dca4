"""The command line: records out, failures named, exit codes, formats."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from flows.cli import main

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
    assert "1 of 3 documents failed" in result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [Path(r["source"]["uri"]).name for r in records] == ["huongtra.txt", "laocai.txt"]
    assert records[1]["document"]["number"] == "60/KH-UBND"
    assert records[0]["text"] is None


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


def test_extract_same_document_same_id(tmp_path: Path) -> None:
    seed = SEEDS / "001_29aef314834a8ded.txt"
    copy = tmp_path / "copy.txt"
    shutil.copy(seed, copy)
    ids = []
    for path in (seed, copy):
        result = CliRunner().invoke(main, ["extract", str(path), "-o", "-"])
        ids.append(json.loads(result.stdout)["id"])
    assert ids[0] == ids[1] and ids[0].startswith("kh-")


def test_show_draws_facts_over_the_text(tmp_path: Path) -> None:
    out = tmp_path / "doc.html"
    result = CliRunner().invoke(main, ["show", str(SEEDS / "003_92b22a606fcc1c99.txt"), "-o", str(out)])
    assert result.exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "INDICATOR" in page and "CITATION" in page and "AGENCY" in page
