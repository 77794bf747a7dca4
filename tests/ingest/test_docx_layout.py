"""Word files laid out without tables: a header and a signature set with tabs, a draft's mark in
a text box beside the number, tabs inside the body.

Built with python-docx as offices type them (the shape of p12/p15 of ``../shared/corpus/published``
and of the drafts a province circulates); the text box is written as Word writes one, a shape
and its VML fallback holding the same paragraph.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml import parse_xml

from flows.extract import extract_file
from flows.ingest import load

_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _text_box(text: str):
    box = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    return parse_xml(
        f'<w:r {_NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
        f"<a:graphicData><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
        f"</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )


def _draft(path: Path) -> Path:
    doc = Document()
    doc.add_paragraph("ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    doc.add_paragraph("TỈNH LÂM ĐỒNG\t\tĐộc lập - Tự do - Hạnh phúc")
    number = doc.add_paragraph("Số: 125/KH-UBND\t\tLâm Đồng, ngày 15 tháng 9 năm 2025")
    number._p.append(_text_box("DỰ THẢO"))
    for line in (
        "KẾ HOẠCH",
        "Triển khai công tác phòng, chống ma túy năm 2026",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "a)\tNâng cao nhận thức của người dân về tác hại của ma túy;",
        "b)\tPhấn đấu 100% xã, phường có mô hình phòng, chống ma túy.",
        "II. TỔ CHỨC THỰC HIỆN",
        "1. Công an tỉnh chủ trì, phối hợp với Sở Y tế triển khai Kế hoạch này.",
    ):
        doc.add_paragraph(line)
    for left, right in (
        ("Nơi nhận:", "TM. ỦY BAN NHÂN DÂN"),
        ("- Bộ Công an;", "KT. CHỦ TỊCH"),
        ("- Lưu: VT.", "PHÓ CHỦ TỊCH"),
        ("", ""),
        ("", "Nguyễn Ngọc Phúc"),
    ):
        doc.add_paragraph(f"{left}\t\t\t{right}")
    doc.save(path)
    return path


def test_a_header_and_signature_laid_out_with_tabs(tmp_path: Path) -> None:
    record = extract_file(_draft(tmp_path / "draft.docx"))
    document = record.document
    assert document.issuer is not None and document.issuer.name == "Ủy ban nhân dân tỉnh Lâm Đồng"
    assert (document.number, document.type, document.issued_date) == ("125/KH-UBND", "Kế hoạch", "2025-09-15")
    assert [(s.name, s.title, s.authority) for s in document.signers] == [
        ("Nguyễn Ngọc Phúc", "Phó Chủ tịch", "KT. Chủ tịch")
    ]
    assert document.recipients == ["Bộ Công an"]


def test_a_text_box_is_a_line_of_its_own_read_once(tmp_path: Path) -> None:
    text = load(_draft(tmp_path / "draft.docx")).text
    assert text.count("DỰ THẢO") == 1
    assert "DỰ THẢO\nSố: 125/KH-UBND" in text


def test_tabs_inside_the_body_are_word_spaces(tmp_path: Path) -> None:
    record = extract_file(_draft(tmp_path / "draft.docx"), with_text=True)
    assert record.text is not None
    assert "a) Nâng cao nhận thức của người dân về tác hại của ma túy;" in record.text
    assert [i.value for i in record.plan.indicators] == [100.0]
