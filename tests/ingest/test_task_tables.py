"""A task table reads the same in every form it is published in, and each reader gives a table
to the front door as rows (cells between " | "), layout tables still column by column.

The plan of ``task_table_forms`` is written as a Word table, a ruled PDF table (its header
repeated on the next page), an HTML ``<table>``, a Markdown pipe table and the converter's
one-cell-per-run form; each gives the same six tasks with their leads, partners and due dates,
and the same header fields.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import task_table_forms as forms
from fpdf import FPDF
from ingest_forms import font_path

from flows.extract import extract_file
from flows.ingest.html import read_html
from flows.ingest.limits import Limits
from flows.ingest.pdf import read_pdf
from models import PlanRecord

FORMS = ("docx", "pdf", "html", "markdown", "converter")
# title, lead, partners, end: what the table says of each task, read by a person.
TASKS = [
    (
        "Rà soát, sửa đổi, bổ sung các quy định về thủ tục hành chính thuộc thẩm quyền của tỉnh theo hướng"
        " cắt giảm, đơn giản hóa thành phần hồ sơ và thời gian giải quyết",
        ["Sở Tư pháp"],
        ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Nội vụ"],
        "2026-06-30",
    ),
    (
        "Xây dựng quy chế quản lý, vận hành và khai thác cơ sở dữ liệu dùng chung của tỉnh, bảo đảm kết nối,"
        " chia sẻ dữ liệu với các cơ sở dữ liệu quốc gia",
        ["Sở Khoa học và Công nghệ"],
        ["Sở Tài chính", "Công an tỉnh"],
        "2026-09-30",
    ),
    # Its time is the cell merged down from the task above: Quý III/2026.
    (
        "Công bố danh mục dữ liệu mở của các cơ quan nhà nước trên địa bàn tỉnh",
        ["Văn phòng Ủy ban nhân dân tỉnh"],
        ["Các sở, ban, ngành"],
        "2026-09-30",
    ),
    (
        "Nâng cấp Trung tâm giám sát, điều hành thông minh của tỉnh",
        ["Sở Khoa học và Công nghệ"],
        ["Ủy ban nhân dân các xã, phường"],
        "2026-12-31",
    ),
    (
        "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực",
        ["Sở Nội vụ"],
        ["Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"],
        "2026-09-30",
    ),
    (
        "Tuyên truyền, phổ biến về chuyển đổi số đến người dân và doanh nghiệp",
        ["Sở Văn hóa, Thể thao và Du lịch"],
        ["Sở Khoa học và Công nghệ"],
        None,  # "Thường xuyên": no date
    ),
]


def _write(form: str, folder: Path) -> Path:
    if form == "docx":
        return forms.build_docx(folder / "plan.docx")
    if form == "pdf":
        return forms.build_pdf(folder / "plan.pdf")
    path = folder / {"html": "plan.html", "markdown": "plan.md", "converter": "plan.txt"}[form]
    if form == "html":
        path.write_bytes(forms.build_html())
    else:
        path.write_text(forms.build_markdown() if form == "markdown" else forms.build_converter(), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> dict[str, PlanRecord]:
    folder = tmp_path_factory.mktemp("task-table-forms")
    return {form: extract_file(_write(form, folder)) for form in FORMS}


@pytest.mark.parametrize("form", FORMS)
def test_every_form_gives_the_tasks_of_the_table(form: str, records: dict[str, PlanRecord]) -> None:
    plan = records[form].plan
    assert plan is not None
    got = [(a.title, a.lead, a.partners, a.schedule.end if a.schedule else None) for a in plan.activities]
    assert got == TASKS
    assert [a.schedule.text for a in plan.activities if a.schedule][-1] == "Thường xuyên"


@pytest.mark.parametrize("form", FORMS)
def test_every_form_keeps_the_header(form: str, records: dict[str, PlanRecord]) -> None:
    document = records[form].document
    assert document.number == "45/KH-UBND"
    assert document.type == "Kế hoạch"
    assert document.issuer is not None and document.issuer.name == "Ủy ban nhân dân tỉnh Lâm Đồng"
    assert document.issued_date == "2026-03-12"
    assert document.place == "Lâm Đồng"
    assert [signer.name for signer in document.signers] == ["Nguyễn Văn Hùng"]


def test_a_ruled_pdf_table_is_read_as_rows_over_the_page_break(tmp_path: Path) -> None:
    """Cells wrapped over several lines are one cell; the merged time cell is each row's; the
    header repeated on the next page stays in the one run of rows."""
    text = read_pdf(forms.build_pdf(tmp_path / "plan.pdf").read_bytes(), Limits()).text
    lines = text.split("\n")
    header = " | ".join(forms.HEADINGS)
    first = lines.index(header)
    rows = [" ".join(row.split()) for row in lines[first : lines.index("", first)]]
    assert rows.count(header) == 2  # the table goes on over a page break, its header repeated
    assert [row for row in rows if row != header] == [" ".join(" | ".join(cells).split()) for cells in forms.grid()]
    # The header and the signature are borderless layout tables: read column by column, as before.
    assert lines.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") > lines.index("Số: 45/KH-UBND")
    assert lines.index("TM. ỦY BAN NHÂN DÂN") > lines.index("- Lưu: VT, KGVX.")


def _word_grid(path: Path, rows: list[list[str]], *, lines: bool) -> Path:
    """A table drawn as Word exports one (each border a thin filled rectangle) or as LibreOffice
    does (stroked lines), an empty cell in the third column closing no border below the cell
    above it: that cell is merged down."""
    pdf = FPDF(format="A4")
    pdf.add_font("serif", "", str(font_path()))
    pdf.set_font("serif", "", 11)
    pdf.add_page()
    xs, top, height = [20, 35, 110, 150, 190], 30, 10
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            pdf.text(xs[j] + 2, top + i * height + 6.5, cell)
    bottom = top + len(rows) * height
    for i in range(len(rows) + 1):
        y = top + i * height
        for j in range(len(xs) - 1):
            merged = 0 < i < len(rows) and j == 2 and not rows[i][2]
            if not merged:
                _border(pdf, xs[j], y, xs[j + 1], y, lines=lines)
    for x in xs:
        _border(pdf, x, top, x, bottom, lines=lines)
    pdf.output(str(path))
    return path


def _border(pdf: FPDF, x0: float, y0: float, x1: float, y1: float, *, lines: bool) -> None:
    if lines:
        pdf.line(x0, y0, x1, y1)
    else:
        pdf.rect(x0 - 0.1, y0 - 0.1, x1 - x0 + 0.2, y1 - y0 + 0.2, style="F")


@pytest.mark.parametrize("lines", [False, True], ids=["filled-rectangles", "stroked-lines"])
def test_borders_drawn_either_way_make_the_grid(tmp_path: Path, lines: bool) -> None:
    rows = [
        ["TT", "Nhiệm vụ", "Thời gian", "Chủ trì"],
        ["1", "Ban hành kế hoạch", "Quý I/2026", "Sở Nội vụ"],
        ["2", "Tổ chức hội nghị", "", "Sở Tư pháp"],
    ]
    text = read_pdf(_word_grid(tmp_path / "grid.pdf", rows, lines=lines).read_bytes(), Limits()).text
    assert text.split("\n") == [
        "TT | Nhiệm vụ | Thời gian | Chủ trì",
        "1 | Ban hành kế hoạch | Quý I/2026 | Sở Nội vụ",
        "2 | Tổ chức hội nghị | Quý I/2026 | Sở Tư pháp",
        "",
    ]


def test_a_ruled_layout_table_stays_text(tmp_path: Path) -> None:
    """A signature drawn in a bordered table (Nơi nhận, an authority mark) is no data table: it is
    read as text, as it would be without borders ("Nơi nhận:" runs over its cell's border, whole)."""
    rows = [["Nơi nhận:", "- Như trên;", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], ["", "- Lưu: VT.", "", "Lê Văn A"]]
    text = read_pdf(_word_grid(tmp_path / "sign.pdf", rows, lines=False).read_bytes(), Limits()).text
    assert " | " not in text
    assert text.startswith("Nơi nhận: - Như trên;\n")


def _html(body: str) -> str:
    return read_html(f"<html><body>{body}</body></html>".encode(), Limits())[0]


def test_html_spans_pad_across_and_carry_down() -> None:
    text = _html(
        "<p>Phụ lục</p><table><tr><th>TT</th><th>Nhiệm vụ</th><th>Thời gian</th><th>Chủ trì</th></tr>"
        "<tr><td>I</td><td colspan=3>Nhóm nhiệm vụ</td></tr>"
        "<tr><td>1</td><td>Ban hành | sửa đổi</td><td rowspan=2>Quý I/2026</td><td>Sở Nội vụ</td></tr>"
        "<tr><td>2</td><td>Tổ chức<br>hội nghị</td><td>Sở Tư pháp</td></tr></table>"
    )
    assert text.split("\n") == [
        "Phụ lục",
        "",
        "TT | Nhiệm vụ | Thời gian | Chủ trì",
        "I | Nhóm nhiệm vụ | |",
        "1 | Ban hành / sửa đổi | Quý I/2026 | Sở Nội vụ",
        "2 | Tổ chức hội nghị | Quý I/2026 | Sở Tư pháp",
        "",
    ]


def test_html_layout_tables_stay_column_by_column() -> None:
    """Three columns with the quốc hiệu in one (a spacer between issuer and quốc hiệu) is a header,
    and the data table nested in a page's one-column wrapper keeps its rows."""
    text = _html(
        "<table><tr><td><table><tr><td>ỦY BAN NHÂN DÂN<br>TỈNH LÂM ĐỒNG</td><td></td>"
        "<td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</td></tr>"
        "<tr><td>Số: 45/KH-UBND</td><td></td><td>Lâm Đồng, ngày 12 tháng 3 năm 2026</td></tr></table>"
        "<table><tr><td>TT</td><td>Nhiệm vụ</td><td>Chủ trì</td></tr>"
        "<tr><td>1</td><td>Ban hành kế hoạch</td><td>Sở Nội vụ</td></tr></table></td></tr></table>"
    )
    assert [line for line in text.split("\n") if line] == [
        "ỦY BAN NHÂN DÂN",
        "TỈNH LÂM ĐỒNG",
        "Số: 45/KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Lâm Đồng, ngày 12 tháng 3 năm 2026",
        "TT | Nhiệm vụ | Chủ trì",
        "1 | Ban hành kế hoạch | Sở Nội vụ",
    ]
