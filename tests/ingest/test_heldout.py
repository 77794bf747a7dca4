"""Held-out forms: laid out differently from the forms the builder makes, scored on the gold answers.

A legal-database page (div layout, the header as a three-row table at 40/60 with the number in its
own row, the signature block as two tables, a "related documents" aside, tabs and a rating widget)
rather than the builder's portal page; and a PDF and a DOCX laid out otherwise than the builder's
(``heldout_forms``: running headers and "Trang N/M" footers, a 35/65 header table, tight justified
lines with first-line indents; a three-column header table, heading styles, Word list numbering).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from conftest import SEEDS
from heldout_forms import build_docx_heldout, build_pdf_heldout, running_header
from ingest_forms import Parts, is_title, split_document
from scorer import SCORE

from flows.extract import extract_file
from flows.ingest import load

EVAL = Path(__file__).resolve().parents[1] / "eval"


def legal_database_page(parts: Parts) -> bytes:
    e = html.escape
    rows = []
    if parts.header_left or parts.header_right:
        left, right = parts.header_left, parts.header_right
        rows.append(
            '<table border="0" cellpadding="0" width="100%">'
            f'<tr><td width="40%" align="center"><b>{"<br/>".join(map(e, left[:-2]))}</b></td>'
            f'<td width="60%" align="center"><b>{"<br/>".join(map(e, right[:-2]))}</b></td></tr>'
            f'<tr><td align="center">{"<br/>".join(map(e, left[-2:]))}</td>'
            f'<td align="center">{"<br/>".join(map(e, right[-2:-1]))}</td></tr>'
            f'<tr><td></td><td align="right"><i>{e(right[-1])}</i></td></tr></table>'
        )
    for line in parts.body:
        rows.append(f'<p align="center"><b>{e(line)}</b></p>' if is_title(line) else f"<p>{e(line)}</p>")
    if parts.sign_left or parts.sign_right:
        rows.append(
            '<table width="100%"><tr><td width="55%" valign="top">'
            + "".join(f"<div>{e(line)}</div>" for line in parts.sign_left)
            + '</td><td width="45%" align="center" valign="top">'
            + "<br/>".join(f"<b>{e(line)}</b>" for line in parts.sign_right)
            + "</td></tr></table>"
        )
    rows += [f'<p class="note">{e(note)}</p>' for note in parts.footnotes]
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Văn bản pháp luật</title></head><body>
<div id="top-bar"><a href="/">THƯ VIỆN VĂN BẢN</a> <span class="user">Xin chào, Khách</span></div>
<div id="wrapper"><div class="tabs"><ul><li>Nội dung</li><li>Tiếng Anh</li><li>Lược đồ</li><li>Tải về</li></ul></div>
<div class="rating-widget">Đánh giá văn bản: ★★★★☆ (123 lượt)</div>
<div id="divContentDoc"><div class="content1">{"".join(rows)}</div></div>
<aside class="related"><h4>Văn bản liên quan</h4><ul><li><a href="/a">Quyết định 777/QĐ-UBND 2015</a></li>
<li><a href="/b">Kế hoạch 555/KH-UBND 2014</a></li></ul></aside></div>
<div id="bottom">Liên hệ quảng cáo · Điều khoản sử dụng · Hotline 1900 0000</div></body></html>"""
    return page.encode("utf-8")


def test_a_legal_database_page_scores_on_the_gold_answers(tmp_path: Path) -> None:
    records = []
    for seed in SEEDS:
        path = tmp_path / f"{seed.stem}.html"
        path.write_bytes(legal_database_page(split_document(seed.read_text(encoding="utf-8"))))
        record = extract_file(path)
        assert record.source.format == "html"
        for chrome in ("Xin chào", "Đánh giá văn bản", "777/QĐ-UBND", "Hotline"):
            assert chrome not in (record.model_dump_json()), f"{path.name}: {chrome!r} left in"
        records.append(json.loads(record.model_dump_json()))
    _, mean, missing = SCORE.score(EVAL / "gold", records)
    assert missing == []
    assert mean >= 0.90, f"held-out legal-database pages: mean score {mean:.3f}"


@pytest.fixture(scope="session")
def heldout_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """Each seed as a held-out PDF and DOCX (``heldout_forms``), built once in a temporary folder."""
    root = tmp_path_factory.mktemp("heldout")
    built: dict[str, list[Path]] = {"pdf": [], "docx": []}
    for seed in SEEDS:
        parts = split_document(seed.read_text(encoding="utf-8"))
        built["pdf"].append(build_pdf_heldout(parts, root / f"{seed.stem}.pdf"))
        built["docx"].append(build_docx_heldout(parts, root / f"{seed.stem}.docx"))
    return built


@pytest.mark.parametrize("form", ["pdf", "docx"])
def test_a_heldout_layout_scores_on_the_gold_answers(form: str, heldout_files: dict[str, list[Path]]) -> None:
    records = []
    for path in heldout_files[form]:
        record = extract_file(path)
        assert record.source.format == form
        if form == "pdf":
            seed = next(seed for seed in SEEDS if seed.stem == path.stem)
            text = load(path).text
            running = running_header(split_document(seed.read_text(encoding="utf-8")))
            assert running not in text, f"{path.name}: running header left in"
            assert not re.search(r"(?m)^Trang \d+/\s*\d+$", text), f"{path.name}: page footer left in"
        records.append(json.loads(record.model_dump_json()))
    _, mean, missing = SCORE.score(EVAL / "gold", records)
    assert missing == []
    assert mean >= 0.90, f"held-out {form} layout: mean score {mean:.3f}"
