"""Held-out PDF and DOCX forms: official layouts that differ from what ``ingest_forms`` builds.

PDF: the header as a borderless table at 35/65 (issuer and number | quốc hiệu and place/date), a
running header line ("UBND tỉnh ... - Kế hoạch số ...") and a "Trang N/M" footer on every page,
justified sans-serif body at 13 pt with other margins, a first-line indent and no space between
paragraphs (Decree 30/2020), and the
Nơi nhận and signature as a 50/50 table at the end.

DOCX: the header as a three-column table (issuer and number | a spacer merged over both rows |
quốc hiệu and date), titles and section headings in Word heading styles, section and item numbers
as Word's automatic numbering (the bullets through the List Bullet style, the way Word's own
template links them), and the signature as a one-column table aligned right, Nơi nhận below it.
"""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document as new_docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.shared import Cm, Pt
from fpdf import FPDF
from fpdf.enums import TableBordersLayout
from ingest_forms import Parts, _add_footnotes, is_title

SANS = Path("/usr/share/fonts/truetype/dejavu")
_ROMAN = re.compile(r"^([IVX]+)\.\s+(.*)$")
_DECIMAL = re.compile(r"^(\d+)\.\s+(.*)$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def running_header(parts: Parts) -> str:
    """ "UBND tỉnh Bắc Kạn - Kế hoạch số 313/QĐ-UBND", from the header's issuer and number."""
    place = next((line for line in parts.header_left if line.upper().startswith(("TỈNH", "HUYỆN"))), "")
    issuer = "UBND"
    if place:
        first, rest = place.split(maxsplit=1)
        issuer = f"UBND {first.lower()} {rest.title()}"
    number = next((line.split(":", 1)[-1].strip() for line in parts.header_left if line.startswith("Số")), "")
    return f"{issuer} - Kế hoạch số {number}" if number else f"{issuer} - Kế hoạch"


class _RunningPdf(FPDF):
    running = ""

    def header(self) -> None:
        self.set_font("sans", "I", 9)
        self.set_y(8)
        self.cell(0, 4, self.running, align="L")
        self.line(self.l_margin, 13, self.w - self.r_margin, 13)
        self.set_y(self.t_margin)

    def footer(self) -> None:
        self.set_font("sans", "", 9)
        self.set_y(-13)
        self.cell(0, 4, f"Trang {self.page_no()}/{{nb}}", align="C")


def build_pdf_heldout(parts: Parts, path: Path) -> Path:
    pdf = _RunningPdf(format="A4")
    pdf.running = running_header(parts)
    for style, name in (("", "DejaVuSans"), ("B", "DejaVuSans-Bold"), ("I", "DejaVuSans-Oblique")):
        pdf.add_font("sans", style, str(SANS / f"{name}.ttf"))
    pdf.set_margins(25, 22, 15)
    pdf.set_auto_page_break(True, 22)
    pdf.add_page()
    if parts.header_left or parts.header_right:
        pdf.set_font("sans", "B", 10)
        with pdf.table(
            col_widths=(35, 65),
            borders_layout=TableBordersLayout.NONE,
            text_align="CENTER",
            first_row_as_headings=False,
            line_height=5,
        ) as table:
            table.row(["\n".join(parts.header_left[:-1]), "\n".join(parts.header_right[:-1])])
            table.row([parts.header_left[-1], parts.header_right[-1]])
        pdf.ln(5)
    with pdf.text_columns(text_align="J", line_height=1.15) as body:
        for line in parts.body:
            title = is_title(line) and len(line) < 200
            pdf.set_font("sans", "B" if title else "", 13)
            with body.paragraph(text_align="C" if title else "J", first_line_indent=0 if title else 10) as paragraph:
                paragraph.write(line)
    if parts.sign_left or parts.sign_right:
        pdf.ln(6)
        if pdf.will_page_break(6 * max(len(parts.sign_left), len(parts.sign_right) + 4)):
            pdf.add_page()
        right = [*parts.sign_right[:-1], "", "", "", parts.sign_right[-1]] if parts.sign_right else []
        pdf.set_font("sans", "", 10)
        with pdf.table(
            col_widths=(50, 50),
            borders_layout=TableBordersLayout.NONE,
            text_align=("LEFT", "CENTER"),
            first_row_as_headings=False,
            line_height=5,
        ) as table:
            table.row(["\n".join(parts.sign_left), "\n".join(right)])
    if parts.footnotes:
        pdf.ln(6)
        pdf.set_font("sans", "", 9)
        for note in parts.footnotes:
            pdf.multi_cell(0, 4.5, "(1) " + note, align="J", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_LIST = 900  # abstractNum and num ids of the section list, clear of the template's


def _section_list(doc) -> None:
    """A two-level list, "I." then "1.", the numbers restarting under each section."""
    numbering = doc.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {_W_NS} w:abstractNumId="{_LIST}"><w:multiLevelType w:val="multilevel"/>'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/>'
            '<w:lvlJc w:val="left"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/>'
            '<w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'
        ),
    )
    numbering.append(parse_xml(f'<w:num {_W_NS} w:numId="{_LIST}"><w:abstractNumId w:val="{_LIST}"/></w:num>'))


def _number(paragraph, ilvl: int) -> None:
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {_W_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{_LIST}"/></w:numPr>')
    )


def _roman(text: str) -> int:
    total = 0
    for char, following in zip(text, [*text[1:], ""], strict=True):
        value = _ROMAN_VALUES[char]
        total += -value if following and _ROMAN_VALUES[following] > value else value
    return total


def build_docx_heldout(parts: Parts, path: Path) -> Path:
    doc = new_docx()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(14)
    _section_list(doc)
    if parts.header_left or parts.header_right:
        table = doc.add_table(rows=2, cols=3)
        table.autofit = False
        for c, width in enumerate((Cm(6), Cm(1), Cm(9.5))):
            for cell in table.columns[c].cells:
                cell.width = width
        table.cell(0, 1).merge(table.cell(1, 1))
        for r, (left, right) in enumerate(
            ((parts.header_left[:-1], parts.header_right[:-1]), (parts.header_left[-1:], parts.header_right[-1:]))
        ):
            for c, lines in ((0, left), (2, right)):
                cell = table.cell(r, c)
                cell.paragraphs[0].text = lines[0] if lines else ""
                for line in lines[1:]:
                    cell.add_paragraph(line)
                for paragraph in cell.paragraphs:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    for run in paragraph.runs:
                        run.bold = r == 0
                        run.italic = ", ngày" in paragraph.text
    roman = decimal = 0
    note_id = 0
    for line in parts.body:
        if is_title(line) and not _ROMAN.match(line):
            paragraph = doc.add_paragraph(line, style="Heading 1")
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            continue
        if (match := _ROMAN.match(line)) and _roman(match[1]) == roman + 1:
            roman, decimal = roman + 1, 0
            _number(doc.add_paragraph(match[2], style="Heading 2"), 0)
            continue
        if (match := _DECIMAL.match(line)) and int(match[1]) == decimal + 1 and roman:
            decimal += 1
            paragraph = doc.add_paragraph(match[2], style="Heading 3" if len(line) < 90 else None)
            _number(paragraph, 1)
            continue
        if line.startswith("- "):
            paragraph = doc.add_paragraph(line[2:], style="List Bullet")
        else:
            paragraph = doc.add_paragraph(line)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.first_line_indent = Cm(1.27)
        if parts.footnotes and "()" in line and not note_id:
            note_id = 1
            paragraph.add_run()._r.append(parse_xml(f'<w:footnoteReference {_W_NS} w:id="1"/>'))
    if parts.sign_right:
        table = doc.add_table(rows=1, cols=1)
        table.alignment = WD_TABLE_ALIGNMENT.RIGHT
        cell = table.cell(0, 0)
        cell.width = Cm(8)
        cell.paragraphs[0].text = parts.sign_right[0]
        for line in parts.sign_right[1:]:
            cell.add_paragraph(line)
        for paragraph in cell.paragraphs:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for run in paragraph.runs:
                run.bold = True
    for line in parts.sign_left:
        paragraph = doc.add_paragraph(line)
        paragraph.paragraph_format.space_after = Pt(0)
        for run in paragraph.runs:
            run.font.size = Pt(11)
            run.italic = line.startswith("Nơi nhận")
    if parts.footnotes:
        _add_footnotes(doc, parts.footnotes)
    doc.save(str(path))
    return path
