"""One plan with a task table in its annex, written in every form the table is published in.

The plan is laid out as offices write it (the header and the signature as two-column layout
tables, sections, then "PHỤ LỤC" / "DANH MỤC NHIỆM VỤ ..." and the table); its table has a
section row merged across the task columns and a time cell merged down over two rows. Each
form writes that one source its own way: a Word table (gridSpan, vMerge), a PDF with a ruled
table as Word exports it (fpdf2 draws the cells' borders; colspan and rowspan), an HTML
``<table>`` (colspan, rowspan, a ``<th>`` header), a Markdown pipe table and the legal-database
converter's form (a cell a run of lines between lone "|" lines). The last two cannot merge a
cell down: they repeat its text, as those converters do.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from docx import Document as new_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from fpdf import FPDF
from fpdf.fonts import FontFace
from ingest_forms import QUOC_HIEU, _pdf_columns, serif_pdf

HEADER_LEFT = ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số: 45/KH-UBND"]
HEADER_RIGHT = [QUOC_HIEU, "Độc lập - Tự do - Hạnh phúc", "Lâm Đồng, ngày 12 tháng 3 năm 2026"]
TITLE = ["KẾ HOẠCH", "Triển khai chuyển đổi số và cải cách hành chính trên địa bàn tỉnh Lâm Đồng năm 2026"]
BODY = [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
    "Căn cứ Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về đột phá phát triển khoa"
    " học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;",
    "Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai chuyển đổi số và cải cách hành chính trên địa bàn"
    " tỉnh năm 2026 như sau:",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích",
    "Cụ thể hóa các nhiệm vụ chuyển đổi số và cải cách hành chính của tỉnh năm 2026; nâng cao chất lượng"
    " phục vụ người dân, doanh nghiệp.",
    "2. Yêu cầu",
    "Các nhiệm vụ được phân công rõ cơ quan chủ trì, cơ quan phối hợp, thời gian hoàn thành và sản phẩm.",
    "II. NHIỆM VỤ, GIẢI PHÁP",
    "Các sở, ban, ngành, Ủy ban nhân dân các xã, phường triển khai các nhiệm vụ tại Phụ lục kèm theo Kế hoạch này.",
    "III. TỔ CHỨC THỰC HIỆN",
    "1. Sở Khoa học và Công nghệ theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp, báo cáo Ủy ban"
    " nhân dân tỉnh trước ngày 15 tháng 12 năm 2026.",
    "2. Sở Tài chính tham mưu bố trí kinh phí thực hiện Kế hoạch theo quy định.",
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị báo cáo Ủy ban nhân dân"
    " tỉnh (qua Sở Khoa học và Công nghệ) để xem xét, giải quyết./.",
]
SIGN_LEFT = ["Nơi nhận:", "- Bộ Khoa học và Công nghệ;", "- TT Tỉnh ủy, TT HĐND tỉnh;", "- Lưu: VT, KGVX."]
SIGN_RIGHT = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Hùng"]
ANNEX = [
    "PHỤ LỤC",
    "DANH MỤC NHIỆM VỤ TRIỂN KHAI KẾ HOẠCH NĂM 2026",
    "(Kèm theo Kế hoạch số 45/KH-UBND ngày 12 tháng 3 năm 2026 của Ủy ban nhân dân tỉnh Lâm Đồng)",
]
HEADINGS = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"]
WIDTHS = (12, 40, 28, 34, 25, 25)  # shares of the table's width


@dataclass(frozen=True)
class Cell:
    """A cell of the source table: its text, the columns it spreads over, the rows it covers."""

    text: str
    colspan: int = 1
    rowspan: int = 1


# Each row holds the cells that start in it: a cell covered by a rowspan from above is left out.
ROWS: list[list[Cell]] = [
    [Cell("I"), Cell("Nhóm nhiệm vụ hoàn thiện thể chế, chính sách", colspan=5)],
    [
        Cell("1"),
        Cell(
            "Rà soát, sửa đổi, bổ sung các quy định về thủ tục hành chính thuộc thẩm quyền của tỉnh theo hướng"
            " cắt giảm, đơn giản hóa thành phần hồ sơ và thời gian giải quyết"
        ),
        Cell("Sở Tư pháp"),
        Cell("Văn phòng Ủy ban nhân dân tỉnh; Sở Nội vụ"),
        Cell("Quý II/2026"),
        Cell("Quyết định của Ủy ban nhân dân tỉnh"),
    ],
    [
        Cell("2"),
        Cell(
            "Xây dựng quy chế quản lý, vận hành và khai thác cơ sở dữ liệu dùng chung của tỉnh, bảo đảm kết nối,"
            " chia sẻ dữ liệu với các cơ sở dữ liệu quốc gia"
        ),
        Cell("Sở Khoa học và Công nghệ"),
        Cell("Sở Tài chính; Công an tỉnh"),
        Cell("Quý III/2026", rowspan=2),
        Cell("Quy chế được ban hành"),
    ],
    [
        Cell("3"),
        Cell("Công bố danh mục dữ liệu mở của các cơ quan nhà nước trên địa bàn tỉnh"),
        Cell("Văn phòng Ủy ban nhân dân tỉnh"),
        Cell("Các sở, ban, ngành"),
        Cell("Danh mục dữ liệu mở"),
    ],
    [Cell("II"), Cell("Nhóm nhiệm vụ phát triển hạ tầng số và dịch vụ công trực tuyến", colspan=5)],
    [
        Cell("4"),
        Cell("Nâng cấp Trung tâm giám sát, điều hành thông minh của tỉnh"),
        Cell("Sở Khoa học và Công nghệ"),
        Cell("Ủy ban nhân dân các xã, phường"),
        Cell("Tháng 12/2026"),
        Cell("Trung tâm được nâng cấp, vận hành"),
    ],
    [
        Cell("5"),
        Cell("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực"),
        Cell("Sở Nội vụ"),
        Cell("Các sở, ban, ngành; Ủy ban nhân dân các xã, phường"),
        Cell("Trước ngày 30/9/2026"),
        Cell("Dữ liệu số hóa"),
    ],
    [
        Cell("6"),
        Cell("Tuyên truyền, phổ biến về chuyển đổi số đến người dân và doanh nghiệp"),
        Cell("Sở Văn hóa, Thể thao và Du lịch"),
        Cell("Sở Khoa học và Công nghệ"),
        Cell("Thường xuyên"),
        Cell("Tin, bài, phóng sự"),
    ],
]


def grid() -> list[list[str]]:
    """The table as text rows the width of the header: a spread cell's text in its first column,
    a cell merged down repeated in the rows it covers (what a reader of the printed page sees)."""
    out: list[list[str]] = []
    below: dict[int, tuple[str, int]] = {}  # column → (text, rows it still covers)
    for row in ROWS:
        cells: list[str] = []
        source = iter(row)
        while len(cells) < len(HEADINGS):
            if (carried := below.pop(len(cells), None)) is not None:
                if carried[1] > 1:
                    below[len(cells)] = (carried[0], carried[1] - 1)
                cells.append(carried[0])
            elif (cell := next(source, None)) is None:
                cells.append("")
            else:
                if cell.rowspan > 1:
                    below[len(cells)] = (cell.text, cell.rowspan - 1)
                cells += [cell.text] + [""] * (cell.colspan - 1)
        out.append(cells)
    return out


def build_docx(path: Path) -> Path:
    """The plan as a Word file: layout tables without borders, the task table with merged cells."""
    doc = new_docx()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(13)
    _docx_layout(doc, [HEADER_LEFT[:-1], HEADER_RIGHT[:-1]], [HEADER_LEFT[-1:], HEADER_RIGHT[-1:]])
    for line in TITLE:
        _docx_paragraph(doc, line, centred=True)
    for line in BODY:
        _docx_paragraph(doc, line, centred=False)
    _docx_layout(doc, [SIGN_LEFT, SIGN_RIGHT])
    doc.add_page_break()
    for line in ANNEX:
        _docx_paragraph(doc, line, centred=True)
    table = doc.add_table(rows=len(ROWS) + 1, cols=len(HEADINGS))
    table.style = "Table Grid"
    for c, heading in enumerate(HEADINGS):
        table.cell(0, c).text = heading
    covered: set[tuple[int, int]] = set()
    for r, row in enumerate(ROWS, start=1):
        c = 0
        for cell in row:
            while (r, c) in covered:
                c += 1
            target = table.cell(r, c)
            if cell.colspan > 1 or cell.rowspan > 1:
                target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
            target.text = cell.text
            covered |= {(r + k, c) for k in range(1, cell.rowspan)}
            c += cell.colspan
    doc.save(str(path))
    return path


def _docx_paragraph(doc, line: str, *, centred: bool) -> None:
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.add_run(line).bold = centred


def _docx_layout(doc, *rows: list[list[str]]) -> None:
    table = doc.add_table(rows=len(rows), cols=2)
    for r, columns in enumerate(rows):
        for c, lines in enumerate(columns):
            cell = table.cell(r, c)
            cell.paragraphs[0].text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)


def build_pdf(path: Path) -> Path:
    """The plan as a PDF exported from Word: the layout tables borderless, the task table ruled,
    its header row repeated on each page, long cells wrapped over several lines."""
    pdf = serif_pdf(FPDF(format="A4"), (20, 20, 15))
    _pdf_columns(pdf, HEADER_LEFT, HEADER_RIGHT, (36, 64), bold_right=True)
    pdf.ln(6)
    for line in TITLE:
        pdf.set_font("serif", "B", 12)
        pdf.multi_cell(0, 6, line, align="C", new_x="LMARGIN", new_y="NEXT")
    for line in BODY:
        pdf.set_font("serif", "", 12)
        pdf.multi_cell(0, 6, line, align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.ln(4)
    _pdf_columns(pdf, SIGN_LEFT, SIGN_RIGHT, (50, 50), bold_right=True, gap_before_name=True)
    pdf.add_page()
    for line in ANNEX:
        pdf.set_font("serif", "B" if line.isupper() else "I", 12)
        pdf.multi_cell(0, 6, line, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("serif", "", 12)
    with pdf.table(
        col_widths=WIDTHS,
        line_height=7,
        text_align="LEFT",
        headings_style=FontFace(emphasis="BOLD"),
        repeat_headings=1,
    ) as table:
        table.row(HEADINGS)
        for row in ROWS:
            cells = table.row()
            for cell in row:
                cells.cell(cell.text, colspan=cell.colspan, rowspan=cell.rowspan)
    pdf.output(str(path))
    return path


def build_html(*, header_cells: str = "th") -> bytes:
    """The plan as a portal's page: the header and signature as layout tables, the task table
    as a bordered ``<table>`` with colspan and rowspan; ``header_cells`` the header row's tag."""
    e = html.escape
    lines = "<br>".join
    body = [
        f'<table style="width:100%"><tr><td>{lines(e(x) for x in HEADER_LEFT[:-1])}</td>'
        f"<td>{lines(e(x) for x in HEADER_RIGHT[:-1])}</td></tr>"
        f"<tr><td>{e(HEADER_LEFT[-1])}</td><td><i>{e(HEADER_RIGHT[-1])}</i></td></tr></table>",
        *(f"<p align=center><b>{e(line)}</b></p>" for line in TITLE),
        *(f"<p>{e(line)}</p>" for line in BODY),
        f'<table width="100%"><tr><td>{"".join(f"<p>{e(x)}</p>" for x in SIGN_LEFT)}</td>'
        f"<td>{''.join(f'<p><b>{e(x)}</b></p>' for x in SIGN_RIGHT)}</td></tr></table>",
        *(f"<p align=center><b>{e(line)}</b></p>" for line in ANNEX),
        '<table border="1" cellspacing="0"><thead><tr>'
        + "".join(f"<{header_cells}>{e(h)}</{header_cells}>" for h in HEADINGS)
        + "</tr></thead><tbody>"
        + "".join(
            "<tr>"
            + "".join(
                f"<td{f' colspan={c.colspan}' if c.colspan > 1 else ''}"
                f"{f' rowspan={c.rowspan}' if c.rowspan > 1 else ''}><p>{e(c.text)}</p></td>"
                for c in row
            )
            + "</tr>"
            for row in ROWS
        )
        + "</tbody></table>",
    ]
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Kế hoạch</title></head><body>'
        f'<div class="doc-body">{"".join(body)}</div></body></html>'
    ).encode()


def build_markdown() -> str:
    """The plan as CongBot-style Markdown: pipe tables for the header, the signature and the tasks."""
    header = (
        f"| {' '.join(HEADER_LEFT[:-1])} ------- | {' '.join(HEADER_RIGHT[:-1])} --------------- |\n|---|---|\n"
        f"| {HEADER_LEFT[-1]} | {HEADER_RIGHT[-1]} |"
    )
    sign = f"| {' '.join(SIGN_LEFT)} | {' '.join(SIGN_RIGHT)} |\n|---|---|"
    rows = [HEADINGS, ["---"] * len(HEADINGS), *grid()]
    table = "\n".join("| " + " | ".join(row) + " |" for row in rows)
    return "\n\n".join([header, *TITLE, *BODY, sign, *ANNEX, table]) + "\n"


def build_converter() -> str:
    """The plan in the legal-database converter's form: every cell its own lines between lone
    "|" lines, the rows one after another, a section row with fewer cells (merged across)."""
    header = ["|", *HEADER_LEFT[:-1], "--------", "|", *HEADER_RIGHT[:-1], "---------------", "|"]
    header += ["|", HEADER_LEFT[-1], "|", f"*{HEADER_RIGHT[-1]}*", "|"]
    sign = ["|", *SIGN_LEFT, "|", *(f"**{line}**" for line in SIGN_RIGHT), "|"]
    table = ["|", *(x for h in HEADINGS for x in (h, "|"))]
    for source, cells in zip(ROWS, grid(), strict=True):
        merged = len(source) == 2 and source[1].colspan > 1
        table += ["|", *(x for c in (cells[:2] if merged else cells) for x in ((c, "|") if c else ("|",)))]
    paragraphs = ["\n".join(header), *(f"**{x}**" for x in TITLE), *BODY, "\n".join(sign), *ANNEX, "\n".join(table)]
    return "\n\n".join(paragraphs) + "\n"
