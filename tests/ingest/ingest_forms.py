"""Build the published forms of a document from its clean text: DOCX, PDF, portal HTML, encodings.

Laid out as official documents are: the header and the signature block as borderless
two-column tables, justified body text over several pages, page numbers, a footnote.
"""

from __future__ import annotations

import html
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document as new_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Pt
from fpdf import FPDF
from viparse.normalize.encodings import get_charmap

from extractors.text.normalize import normalize_text

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"),)


@dataclass
class Parts:
    """A document cut where its layout differs: header columns, body, signature columns, footnotes."""

    header_left: list[str] = field(default_factory=list)
    header_right: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    sign_left: list[str] = field(default_factory=list)
    sign_right: list[str] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)


def split_document(raw: str) -> Parts:
    """The parts of a seed, taken from its normalized text (portal chrome already gone)."""
    lines = [line for line in normalize_text(raw).split("\n") if line.strip()]
    parts = Parts()
    start = 0
    if QUOC_HIEU in lines[:20]:
        q = lines.index(QUOC_HIEU)
        parts.header_left = lines[:q]
        i = q
        while i < len(lines) and ", ngày" not in lines[i]:
            (parts.header_left if lines[i].startswith("Số") else parts.header_right).append(lines[i])
            i += 1
        parts.header_right.append(lines[i])
        start = i + 1
    end = len(lines)
    receivers = [i for i, line in enumerate(lines) if line.startswith("Nơi nhận")]
    if receivers:
        end = receivers[-1]
        for line in lines[end:]:
            if len(line) > 100:
                parts.footnotes.append(line)
            elif line.startswith(("Nơi nhận", "- ")):
                parts.sign_left.append(line)
            else:
                parts.sign_right.append(line)
    parts.body = lines[start:end]
    return parts


def is_title(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and not line[:1].isdigit()


def font_path(style: str = "") -> Path:
    name = {"": "DejaVuSerif.ttf", "B": "DejaVuSerif-Bold.ttf", "I": "DejaVuSerif-Italic.ttf"}[style]
    for folder in FONT_DIRS:
        if (folder / name).exists():
            return folder / name
    raise FileNotFoundError(f"{name}: install Debian's fonts-dejavu-core")


class _OfficialPdf(FPDF):
    def header(self) -> None:
        """Page number at the top centre from page 2 on, as Decree 30/2020 prescribes."""
        if self.page_no() > 1:
            self.set_font("serif", "", 11)
            self.set_y(10)
            self.cell(0, 5, str(self.page_no()), align="C")
            self.set_y(20)

    def footer(self) -> None:
        self.set_font("serif", "I", 8)
        self.set_y(-12)
        self.cell(0, 4, "Cổng thông tin điện tử - bản in", align="R")


def serif_pdf(pdf: FPDF, margins: tuple[float, float, float]) -> FPDF:
    """``pdf`` on its first page, with the serif faces (regular, bold, italic) and margins (left, top,
    right) of an official document; 20 mm at the foot."""
    for style in ("", "B", "I"):
        pdf.add_font("serif", style, str(font_path(style)))
    pdf.set_margins(*margins)
    pdf.set_auto_page_break(True, 20)
    pdf.add_page()
    return pdf


def build_pdf(parts: Parts, path: Path) -> Path:
    """A PDF laid out like an official document exported from Word."""
    pdf = serif_pdf(_OfficialPdf(format="A4"), (30, 20, 20))
    if parts.header_left or parts.header_right:
        _pdf_columns(pdf, parts.header_left, parts.header_right, (36, 64), bold_right=True)
        pdf.ln(6)
    for line in parts.body:
        if is_title(line) and len(line) < 200:
            pdf.set_font("serif", "B", 12)
            pdf.multi_cell(0, 6, line, align="C", new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("serif", "", 12)
            pdf.multi_cell(0, 6, line, align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    if parts.sign_left or parts.sign_right:
        pdf.ln(4)
        _pdf_columns(pdf, parts.sign_left, parts.sign_right, (50, 50), bold_right=True, gap_before_name=True)
    if parts.footnotes:
        pdf.ln(6)
        pdf.set_font("serif", "", 9)
        for note in parts.footnotes:
            pdf.multi_cell(0, 4.5, "1 " + note, align="J", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def _pdf_columns(
    pdf: FPDF, left: list[str], right: list[str], widths: tuple[int, int], *, bold_right: bool, gap_before_name=False
) -> None:
    """Two borderless cells side by side, each column centred in its cell (the left list aligned left)."""
    total = pdf.w - pdf.l_margin - pdf.r_margin
    x0, y0 = pdf.l_margin, pdf.get_y()
    if pdf.will_page_break(6 * max(len(left), len(right) + 4)):
        pdf.add_page()
        y0 = pdf.get_y()
    w_left, w_right = total * widths[0] / 100, total * widths[1] / 100
    pdf.set_xy(x0, y0)
    for line in left:
        list_like = line.startswith("- ") or line.startswith("Nơi nhận")
        pdf.set_font("serif", "I" if line.startswith("Nơi nhận") else "" if list_like else "B", 11)
        pdf.set_x(x0)
        pdf.multi_cell(w_left, 5.5, line, align="L" if list_like else "C", new_x="LMARGIN", new_y="NEXT")
    y_left = pdf.get_y()
    pdf.set_xy(x0 + w_left, y0)
    for i, line in enumerate(right):
        if gap_before_name and i == len(right) - 1:
            pdf.set_y(pdf.get_y() + 18)
        dated = ", ngày" in line
        pdf.set_font("serif", "I" if dated else "B" if bold_right else "", 11)
        pdf.set_x(x0 + w_left)
        pdf.multi_cell(w_right, 6, line, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(max(y_left, pdf.get_y()))


def build_docx(parts: Parts, path: Path) -> Path:
    """A DOCX as officials write it: layout tables without borders, justified paragraphs, a footnote."""
    doc = new_docx()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    if parts.header_left or parts.header_right:
        _docx_columns(
            doc, [parts.header_left[:-1], parts.header_right[:-1]], [parts.header_left[-1:], parts.header_right[-1:]]
        )
    note_id = 0
    for line in parts.body:
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if is_title(line) else WD_ALIGN_PARAGRAPH.JUSTIFY
        run = paragraph.add_run(line)
        run.bold = is_title(line)
        if parts.footnotes and "()" in line and not note_id:
            note_id = 1
            paragraph.add_run()._r.append(parse_xml(f'<w:footnoteReference {_W_NS} w:id="1"/>'))
    if parts.sign_left or parts.sign_right:
        _docx_columns(doc, [parts.sign_left, parts.sign_right])
    if parts.footnotes:
        _add_footnotes(doc, parts.footnotes)
    doc.save(str(path))
    return path


_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx_columns(doc, *rows: list[list[str]]) -> None:
    table = doc.add_table(rows=len(rows), cols=2)
    for r, (left, right) in enumerate(rows):
        for c, lines in enumerate((left, right)):
            cell = table.cell(r, c)
            cell.paragraphs[0].text = lines[0] if lines else ""
            for line in lines[1:]:
                cell.add_paragraph(line)
            for paragraph in cell.paragraphs:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _add_footnotes(doc, notes: list[str]) -> None:
    body = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:r><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {html.escape(note)}</w:t></w:r></w:p></w:footnote>'
        for i, note in enumerate(notes, start=1)
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {_W_NS}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0">'
        "<w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
        f"{body}</w:footnotes>"
    )
    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        xml.encode("utf-8"),
        doc.part.package,
    )
    doc.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)


CHROME_TOP = """<header class="site-header"><div class="logo">CỔNG THÔNG TIN ĐIỆN TỬ TỈNH</div>
<form class="search-box"><input name="q" placeholder="Tìm kiếm văn bản"><button>Tìm kiếm</button></form>
<div class="login"><a href="/dang-nhap">Đăng nhập</a> | <a href="/dang-ky">Đăng ký</a></div></header>
<nav class="main-menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li>
<li><a href="/tin-tuc">Tin tức - Sự kiện</a></li><li><a href="/van-ban">Văn bản chỉ đạo điều hành</a></li></ul></nav>
<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/van-ban">Văn bản</a></div>"""
CHROME_SIDE = """<div class="col-md-3 sidebar"><h3>Văn bản mới</h3><ul>
<li><a href="/vb/1">Quyết định số 999/QĐ-UBND ngày 01/01/2016 về việc phê duyệt quy hoạch</a></li>
<li><a href="/vb/2">Kế hoạch số 888/KH-UBND ngày 02/02/2016 về phòng chống thiên tai</a></li></ul></div>"""
CHROME_BOTTOM = """<div class="share-bar">Chia sẻ: <a href="#">Facebook</a> <a href="#">Zalo</a>
<a href="#">In trang</a></div>
<footer class="site-footer"><p>Bản quyền thuộc Ủy ban nhân dân tỉnh. Địa chỉ: số 1 đường Trần Hưng Đạo.</p>
<div class="counter">Lượt truy cập: 1.234.567 | Đang trực tuyến: 89</div></footer>
<script>var visits = 1234567; document.write("Số người truy cập");</script>"""


def build_html(parts: Parts, charset: str = "utf-8") -> bytes:
    """A portal page: menus, search, login, breadcrumb, sidebar, share bar, footer and counters around the document."""
    e = html.escape
    body: list[str] = []
    if parts.header_left or parts.header_right:
        cell = lambda lines: "<br>".join(f"<b>{e(line)}</b>" for line in lines)  # noqa: E731
        body.append(
            '<table style="width:100%"><tr>'
            f'<td style="width:35%;text-align:center">{cell(parts.header_left[:-1])}</td>'
            f'<td style="text-align:center">{cell(parts.header_right[:-1])}</td></tr>'
            f'<tr><td style="text-align:center">{e(parts.header_left[-1])}</td>'
            f'<td style="text-align:center"><i>{e(parts.header_right[-1])}</i></td></tr></table>'
        )
    for line in parts.body:
        tag = "p align=center><b" if is_title(line) else 'p style="text-align:justify"'
        close = "</b></p>" if is_title(line) else "</p>"
        body.append(f"<{tag}>{e(line)}{close}")
    if parts.sign_left or parts.sign_right:
        left = "".join(f"<p>{e(line)}</p>" for line in parts.sign_left)
        right = "".join(f'<p align="center"><b>{e(line)}</b></p>' for line in parts.sign_right)
        body.append(
            f'<table width="100%"><tbody><tr><td valign="top">{left}</td>'
            f'<td valign="top">{right}</td></tr></tbody></table>'
        )
    for note in parts.footnotes:
        body.append(f'<div class="footnote"><p>{e(note)}</p></div>')
    page = (
        f'<!DOCTYPE html><html lang="vi"><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        f"<title>Văn bản</title><style>p{{margin:0}}</style></head><body>{CHROME_TOP}"
        '<div class="container"><div class="row">'
        '<div class="col-md-9 content"><h1 class="doc-title">Chi tiết văn bản</h1>'
        f'<div class="doc-body">{"".join(body)}</div></div>'
        f"{CHROME_SIDE}</div></div>{CHROME_BOTTOM}</body></html>"
    )
    return encode_cp1258(page) if charset == "windows-1258" else page.encode(charset)


def encode_cp1258(text: str) -> bytes:
    """windows-1258 as Vietnamese Windows writes it: base letters with combining tone marks."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        nfd = unicodedata.normalize("NFD", char)
        shape = unicodedata.normalize("NFC", nfd[0] + "".join(m for m in nfd[1:] if m in "\u0302\u0306\u031b"))
        tones = "".join(m for m in nfd[1:] if m not in "\u0302\u0306\u031b")
        out += (shape + tones).encode("cp1258", errors="replace")
    return bytes(out)


def _legacy_table(name: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for legacy, uni in get_charmap(name).pairs:
        uni = unicodedata.normalize("NFC", uni)
        if uni not in table or len(legacy) < len(table[uni]):
            table[uni] = legacy
    return table


def encode_legacy(text: str, name: str) -> bytes:
    """Text in a legacy font encoding ("tcvn3" or "vni"), as Unikey typed it: a capital toned
    vowel TCVN3 lacks is written with the lower-case code, as in the .VnTimeH heading font.
    A lost character (U+FFFD, a footnote marker in a seed) has no code in a font: it is left out."""
    table = _legacy_table(name)
    if name == "vni":  # not in viparse's table: VNI writes ẳ as "a" and 0xFA
        table |= {"ẳ": "aú", "Ẳ": "AÚ"}
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text.replace("\ufffd", "")):
        if char in table:
            out.append(table[char])
        elif char.lower() in table and not char.isascii():
            out.append(table[char.lower()])
        else:
            out.append(char)
    return "".join(out).encode("cp1252", errors="replace")
