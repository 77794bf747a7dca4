"""Word's automatic list numbers (numbering.xml) come out as the text a reader sees."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from flows.ingest import load

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _level(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
    )


NUMBERING = (
    f"<w:numbering {_W}>"
    '<w:abstractNum w:abstractNumId="0">'
    + _level(0, "upperRoman", "%1.")
    + _level(1, "decimal", "%2.")
    + _level(2, "lowerLetter", "%3)")
    + _level(3, "bullet", "\uf0b7")
    + "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="1">'
    + _level(0, "decimal", "%1.")
    + _level(1, "decimal", "%1.%2.")
    + "</w:abstractNum>"
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>'
    "</w:numbering>"
)


def _paragraph(text: str, num_id: int | None = None, ilvl: int = 0) -> str:
    props = (
        f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
        if num_id is not None
        else ""
    )
    return f"<w:p>{props}<w:r><w:t>{text}</w:t></w:r></w:p>"


def test_list_numbers_are_written_out(tmp_path: Path) -> None:
    body = "".join(
        [
            _paragraph("MỤC ĐÍCH, YÊU CẦU", 1, 0),
            _paragraph("Mục đích", 1, 1),
            _paragraph("Yêu cầu", 1, 1),
            _paragraph("Nhiệm vụ chung", 1, 2),
            _paragraph("Nhiệm vụ riêng", 1, 2),
            _paragraph("Sở Y tế;", 1, 3),
            _paragraph("NHIỆM VỤ", 1, 0),
            _paragraph("Tuyên truyền", 1, 1),
            _paragraph("Một đoạn văn không đánh số."),
            _paragraph("Báo cáo", 2, 0),
            _paragraph("Báo cáo quý", 2, 1),
        ]
    )
    document = f"<w:document {_W}><w:body>{body}</w:body></w:document>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document)
        archive.writestr("word/numbering.xml", NUMBERING)
    (tmp_path / "a.docx").write_bytes(buffer.getvalue())
    lines = [line for line in load(tmp_path / "a.docx").text.split("\n") if line]
    assert lines == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "2. Yêu cầu",
        "a) Nhiệm vụ chung",
        "b) Nhiệm vụ riêng",
        "- Sở Y tế;",
        "II. NHIỆM VỤ",
        "1. Tuyên truyền",
        "Một đoạn văn không đánh số.",
        "3. Báo cáo",
        "3.1. Báo cáo quý",
    ]
