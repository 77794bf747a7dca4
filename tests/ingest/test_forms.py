"""Every published form of a seed gives the record of its clean text."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest
from conftest import FORMS, SEEDS
from scorer import SCORE

from extractors.text.normalize import normalize_chars, normalize_text
from flows.extract import extract_file
from flows.ingest import load

EVAL = Path(__file__).resolve().parents[1] / "eval"
FORMATS = {"pdf": "pdf", "docx": "docx", "html": "html", "html-1258": "html"}


def without_spans(value):
    """Spans are offsets into each form's own text: the facts are the rest."""
    if isinstance(value, dict):
        return {key: without_spans(item) for key, item in value.items() if key not in ("span", "spans", "evidence")}
    if isinstance(value, list):
        return [without_spans(item) for item in value]
    return value


def facts(record) -> dict:
    """The fields the forms must agree on: document, citations, indicators, responsibilities, reporting."""
    data = without_spans(json.loads(record.model_dump_json()))
    plan = data.get("plan") or {}
    document = data.get("document") or {}
    return {
        "document": {key: document.get(key) for key in ("number", "type", "issuer", "issued_date", "signers", "place")},
        "citations": sorted(str(c.get("number")) for c in data.get("citations") or []),
        "indicators": sorted((str(i.get("value")), str(i.get("unit"))) for i in plan.get("indicators") or []),
        "responsibilities": sorted(
            json.dumps(r.get("agency") or r.get("agencies"), ensure_ascii=False, sort_keys=True)
            for r in plan.get("responsibilities") or []
        ),
        "reporting": sorted(
            json.dumps(r.get("due"), ensure_ascii=False, sort_keys=True) for r in plan.get("reporting") or []
        ),
    }


@pytest.fixture(scope="session")
def txt_facts() -> dict[str, dict]:
    return {seed.stem: facts(extract_file(seed)) for seed in SEEDS}


@pytest.mark.parametrize("form", FORMS)
def test_form_gives_the_facts_of_the_text(form: str, form_files: dict[str, list[Path]], txt_facts) -> None:
    for path in form_files[form]:
        record = extract_file(path)
        assert record.source.format == FORMATS.get(form, "txt")
        assert len(record.source.sha256) == 64
        assert facts(record) == txt_facts[path.stem], f"{form}: {path.name}"


@pytest.mark.parametrize("form", FORMS)
def test_form_text_matches_the_clean_text(form: str, form_files: dict[str, list[Path]]) -> None:
    """Stronger than the facts while the extraction core grows: the normalized texts agree line for line."""
    for path, seed in zip(form_files[form], SEEDS, strict=True):
        expected = [line for line in normalize_text(seed.read_text(encoding="utf-8")).split("\n") if line.strip()]
        loaded = load(path)
        got = [line for line in normalize_text(loaded.text, markdown=loaded.markdown).split("\n") if line.strip()]
        ratio = difflib.SequenceMatcher(a=expected, b=got, autojunk=False).ratio()
        assert ratio >= 0.9, f"{form}: {path.name} lines agree {ratio:.2f}"
        if form not in FORMATS:
            continue
        loaded_lines = normalize_chars(loaded.text).split("\n")
        for key_line in expected:
            if key_line.startswith(("Số:", "CỘNG HÒA", "Nơi nhận", "TM.", "KT.")):
                assert key_line in loaded_lines, f"{form}: {path.name} lost {key_line!r}"


@pytest.mark.parametrize("form", ["pdf", "docx", "html"])
def test_form_scores_on_the_gold_answers(form: str, form_files: dict[str, list[Path]]) -> None:
    records = [json.loads(extract_file(path).model_dump_json()) for path in form_files[form]]
    _, mean, missing = SCORE.score(EVAL / "gold", records)
    assert missing == []
    assert mean >= 0.90, f"{form}: mean score {mean:.3f}"


def test_pdf_rebuilds_the_columns_and_joins_wrapped_lines(form_files: dict[str, list[Path]]) -> None:
    text = load(form_files["pdf"][1]).text
    lines = text.split("\n")
    assert lines[:4] == ["ỦY BAN NHÂN DÂN", "TỈNH THÁI BÌNH", "-------", "Số: 39/KH-UBND"]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines
    assert lines.index("- Lưu: VT, VX.") < lines.index("TM. ỦY BAN NHÂN DÂN TỈNH") < lines.index("Nguyễn Thị Lĩnh")
    assert any(line.startswith("Thực hiện Quyết định số 1863/QĐ-TTg") and line.endswith("như sau:") for line in lines)
    assert not any(line.strip().isdigit() for line in lines), "page numbers left in"
    assert "bản in" not in text, "running footer left in"


def test_docx_keeps_footnotes_apart(form_files: dict[str, list[Path]]) -> None:
    lines = load(form_files["docx"][4]).text.rstrip("\n").split("\n")
    assert lines[-1].startswith("Năm 2016, số trẻ em có hoàn cảnh đặc biệt khó khăn là 1.210 trẻ")
    assert lines.index("Sa Phương") < len(lines) - 1


def test_html_drops_the_portal_chrome(form_files: dict[str, list[Path]]) -> None:
    text = load(form_files["html"][1]).text
    for chrome in (
        "Trang chủ",
        "Tìm kiếm",
        "Đăng nhập",
        "Văn bản mới",
        "999/QĐ-UBND",
        "Chia sẻ",
        "Lượt truy cập",
        "Bản quyền",
    ):
        assert chrome not in text
    assert text.startswith("ỦY BAN NHÂN DÂN\nTỈNH THÁI BÌNH")
