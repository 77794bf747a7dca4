"""The header of an official document: issuing body, số hiệu, place and date, type, trích yếu.

The header is printed as a table: issuing body and number on the left, quốc hiệu and the
place-and-date line on the right, then the type in capitals and the trích yếu. Once the
layout step has put the columns in order, these are lines near the top; portals that
print only the body (no header) leave most of them empty, and the record says null.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from extractors.facts.citations import normalize_doc_number
from extractors.text.lines import Line, split_lines
from extractors.vocab import QUOC_HIEU, ROMAN, fold, is_caps_line, tolerant

_TIEU_NGU = re.compile(r"Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc", re.IGNORECASE)
_RULE = re.compile(r"^[-_=.* ]{2,}$")
# "Số: 84/2025/QĐ-UBND"; a law prints its kind first ("Luật số: 134/2025/QH15"); OCR may read
# the colon as a full stop ("Số. /TTr-CAT") and "Số" with another tone ("Só:"). A number written
# by hand on a scan comes out of OCR as digits among other signs ("+214/BCA-C04", "đÓ6 /KH-...",
# "9{ /QĐ-UBND"): the line is the number line, and the number is illegible, so null.
_NUMBER = re.compile(
    r"^(?:(?:Luật|Bộ luật|Pháp lệnh|Lệnh)\s+)?S[oóòỏõọôốồổỗộ]\s*[:.]?\s*"
    r"(?:(?P<number>\d[\w.\-&]*(?:\s*/\s*[\w.\-&]+)+)|/[\w.\-/&]+|\.{2,}[\w.\-/&]*"
    r"|[^\s/]{0,6}\d[^\s/]{0,6}\s*/\s*[\w.\-/&]+)",
    re.IGNORECASE,
)
# "Hà Nội, ngày 02 tháng 12 năm 2025"; converters sometimes lose the comma ("Hà Nội ngày 01
# tháng 12 năm 2025"), which the spelled-out date still tells apart from a sentence.
_PLACE_DATE = re.compile(
    r"^(?P<place>[^\d,;:()]{2,40}?)(?:\s*,\s*|\s+(?=ngày\s+(?:\d{1,2}|\.+|…)\s+tháng))ngày\s+"
    r"(?:(?P<day>\d{1,2}|\.+|…)\s+tháng\s*(?P<month>\d{1,2}|\.+|…)"
    r"\s+năm\s+|(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*)(?P<year>\d{4})",
    re.IGNORECASE,
)
ANNEX_NOTE = re.compile(r"^(?:[-–]\s*)?\(?\s*(?:Kèm|Ban hành kèm) theo\b", re.IGNORECASE)
# A preamble line, not a title: "Căn cứ ...", "Xét ...", a section, or "Thực hiện" citing a document.
_PREAMBLE = re.compile(
    r"^(?:Căn cứ|Xét)\s|^Thực hiện\s.{0,60}\bsố\b|^Thực hiện\s.{200,}|^Thực hiện\s.*;$", re.IGNORECASE
)
# A numbered heading ends a title that has no blank line after it ("I. MỤC ĐÍCH, YÊU CẦU").
_HEADING = re.compile(rf"^(?:{ROMAN}|[A-HĐ]|\d{{1,2}})\.\s|^(?:Điều|Chương|PHẦN|Phần)\s+\w")
_VV = re.compile(r"^V/v\b", re.IGNORECASE)
# A draft's mark, often a text box beside the number: "DỰ THẢO", "Dự thảo lần 2", "BẢN DỰ THẢO".
_DRAFT = re.compile(r"^\(?(?:BẢN\s+)?DỰ\s+THẢO(?:\s+(?:LẦN\s+)?\d+)?\)?$", re.IGNORECASE)
_ANNEX_FILE = re.compile(r"^Phụ lục\b")
_LETTER = re.compile(r"^(?:V/v|Kính gửi)\b", re.IGNORECASE)
_VV_TITLE = re.compile(r"^\s*V/v\s*:?\s*(\S.*?)\s*$", re.IGNORECASE)
_HEADER_SCAN = 40
_MAX_ISSUER_LINES = 4
# A left column read whole before the quốc hiệu: its number, a V/v of a few lines, "Kính gửi".
_LEFT_COLUMN_LINES = 12


@dataclass(frozen=True, slots=True)
class Field:
    value: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Header:
    issuer_lines: tuple[Field, ...]
    number: Field | None
    place: Field | None
    date: Field | None
    type: Field | None
    title: Field | None
    body_start: int
    kind: str | None = None
    # The number line's digits could not be read (a number written by hand on a scan).
    illegible_number: Field | None = None


@lru_cache(maxsize=1)
def document_vocab() -> dict:
    return tomllib.loads(resources.files("extractors.data").joinpath("document_types.toml").read_text("utf-8"))


@lru_cache(maxsize=1)
def type_heading() -> re.Pattern[str]:
    """A type heading at a line start, its tones and marks read loosely (OCR: "QUYÉT ĐỊNH")."""
    names = sorted(document_vocab()["types"], key=len, reverse=True)
    return re.compile(rf"^(?P<type>{'|'.join(map(tolerant, names))})(?=$|\s)\s*(?P<rest>.*)$")


@lru_cache(maxsize=1)
def _types_folded() -> dict[str, str]:
    return {fold(heading): name for heading, name in document_vocab()["types"].items()}


def type_name(heading: str) -> str | None:
    """The document type a heading in capitals names ("KẾ HOẠCH" → "Kế hoạch", "QUYÉT ĐỊNH" too)."""
    caps = heading.upper()
    return document_vocab()["types"].get(caps) or _types_folded().get(fold(caps))


def _field(line: Line, start: int, end: int) -> Field:
    return Field(line.text[start:end], line.start + start, line.start + end)


def issuer_line_indexes(texts: list[str], quoc_hieu: int) -> list[int]:
    """Indexes of the issuing body's lines in capitals above the quốc hiệu, top to bottom.

    Rules, the number line and a "V/v" line may stand between them and the quốc hiệu
    (the left column of the header table, read before the right one). The issuer stands above
    the number: lines in capitals between the number and the quốc hiệu are a received stamp laid
    over a scan ("UBND TỈNH LÂM ĐỒNG / ĐẾN Số ..."), unless nothing in capitals stands above.
    """
    found: list[int] = []
    below_number: list[int] = []
    i = quoc_hieu - 1
    while i >= 0 and len(found) < _MAX_ISSUER_LINES:
        text = texts[i].strip()
        if text and _NUMBER.match(text) and found and not below_number:
            below_number, found = found, []
        if not text or _RULE.match(text) or _NUMBER.match(text) or _VV.match(text) or _DRAFT.match(text):
            i -= 1
            continue
        if not is_caps_line(text):
            break
        found.append(i)
        i -= 1
    return (found or below_number)[::-1] + _issuer_lines_after(texts, quoc_hieu)


def _issuer_lines_after(texts: list[str], quoc_hieu: int) -> list[int]:
    """The left column's lower lines when the header table was read row by row ("UBND TỈNH X" |
    "CỘNG HÒA ..." on one row, "SỞ NỘI VỤ" | "Độc lập ..." on the next): lines in capitals right
    after the quốc hiệu that a "Số:" line follows, the tiêu ngữ and rules between them skipped."""
    found: list[int] = []
    for i in range(quoc_hieu + 1, min(len(texts), quoc_hieu + 1 + _MAX_ISSUER_LINES + 2)):
        text = texts[i].strip()
        if not text or _RULE.match(text) or _TIEU_NGU.search(text) or _DRAFT.match(text):
            continue
        if _NUMBER.match(text):
            return found
        if not is_caps_line(text) or type_heading().match(text):
            return []
        found.append(i)
    return []


def left_column_number(texts: list[str], quoc_hieu: int) -> int | None:
    """The "Số:" line of a left column read whole before the quốc hiệu (a PDF's header table):
    the issuer's lines stand above it, a "V/v" and a "Kính gửi" below it."""
    for i in range(quoc_hieu - 1, max(-1, quoc_hieu - 1 - _LEFT_COLUMN_LINES), -1):
        if _NUMBER.match(texts[i].strip()):
            return i
    return None


def header_start(texts: list[str], quoc_hieu: int) -> int:
    """Where the document's header starts: its issuer's lines above the quốc hiệu, or above the
    number of a left column read first; else the quốc hiệu itself."""
    issuer = issuer_line_indexes(texts, quoc_hieu)
    if issuer and issuer[0] < quoc_hieu:
        return issuer[0]
    number = left_column_number(texts, quoc_hieu)
    if number is None:
        return quoc_hieu
    above = issuer_line_indexes(texts, number)
    return above[0] if above and above[0] < number else number


def _issuer_lines(lines: list[Line], quoc_hieu: int) -> tuple[Field, ...]:
    texts = [ln.text for ln in lines]
    indexes = issuer_line_indexes(texts, quoc_hieu)
    if not indexes and (number := left_column_number(texts, quoc_hieu)) is not None:
        indexes = [i for i in issuer_line_indexes(texts, number) if i < number]
    fields: list[Field] = []
    for i in indexes:
        text = lines[i].text.strip()
        offset = lines[i].text.index(text)
        fields.append(_field(lines[i], offset, offset + len(text)))
    return tuple(fields)


def _date(match: re.Match[str]) -> str | None:
    day, month, year = match["day"] or match["d"], match["month"] or match["m"], match["year"]
    if not (day.isdigit() and month.isdigit()):
        return None
    d, m = int(day), int(month)
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return f"{int(year):04d}-{m:02d}-{d:02d}"


def title_after(lines: list[Line], after: int) -> tuple[Field | None, int]:
    """The trích yếu: the lines right after the type heading, up to the first blank line."""
    i = after
    while i < len(lines) and lines[i].blank:
        i += 1
    parts: list[Line] = []
    while i < len(lines) and not lines[i].blank and len(parts) < 4:
        text = lines[i].text.strip()
        if parts and not is_caps_line(parts[-1].text) and is_caps_line(text):
            break
        if (_PREAMBLE.match(text) and not is_caps_line(text)) or ANNEX_NOTE.match(text) or _HEADING.match(text):
            break
        parts.append(lines[i])
        i += 1
    if not parts:
        return None, after
    value = " ".join(p.text.strip() for p in parts)
    return Field(value, parts[0].start, parts[-1].end), parts[-1].index + 1


def parse_header(text: str, lines: list[Line] | None = None) -> Header:
    """The header fields that the top of the document states, with their spans."""
    lines = lines if lines is not None else split_lines(text)
    scan = lines[:_HEADER_SCAN]
    quoc_hieu = next((ln.index for ln in scan if QUOC_HIEU.search(ln.text)), None)
    issuer = _issuer_lines(lines, quoc_hieu) if quoc_hieu is not None else ()
    number = place = date = doc_type = title = illegible = None
    letter: Line | None = None
    body_line = 0
    for line in scan:
        stripped = line.text.strip()
        if number is None and (m := _NUMBER.match(stripped)):
            if raw := m["number"]:
                offset = line.text.index(raw)
                number = Field(normalize_doc_number(raw), line.start + offset, line.start + offset + len(raw))
            elif any(c.isdigit() for c in m.group()):
                offset = line.text.index(stripped)
                illegible = _field(line, offset, offset + m.end())
            body_line = max(body_line, line.index + 1)
        elif place is None and (m := _PLACE_DATE.match(stripped)):
            offset = line.text.index(stripped)
            place = _field(line, offset + m.start("place"), offset + m.end("place"))
            iso = _date(m)
            if iso:
                date = Field(iso, line.start + offset + m.start(), line.start + offset + m.end())
            body_line = max(body_line, line.index + 1)
        elif (
            doc_type is None
            and (m := type_heading().match(_first_line_caps(stripped, line, lines)))
            and (is_caps_line(m["type"]))
        ):
            offset = line.text.index(stripped)
            doc_type = _field(line, offset, offset + m.end("type"))
            if m["rest"]:
                title = _field(line, offset + m.start("rest"), offset + len(stripped))
                body_line = line.index + 1
            else:
                title, body_line = title_after(lines, line.index + 1)
            break
        elif QUOC_HIEU.search(stripped) or _TIEU_NGU.search(stripped):
            body_line = max(body_line, line.index + 1)
        elif letter is None and _LETTER.match(stripped):
            letter = line
    body_start = lines[body_line].start if body_line < len(lines) else len(text)
    kind = _kind(number, doc_type, letter)
    if doc_type is None and letter is not None and (m := _VV_TITLE.match(letter.text)):
        title = _field(letter, m.start(1), m.end(1))
    return Header(issuer, number, place, date, doc_type, title, body_start, kind, illegible)


def _first_line_caps(stripped: str, line: Line, lines: list[Line]) -> str:
    """A file that is an annex on its own opens with "Phụ lục I", in mixed case: its first line is
    read in capitals for its type; any other line as printed."""
    first = next((ln for ln in lines if not ln.blank), None)
    if first is line and _ANNEX_FILE.match(stripped):
        return stripped.upper()
    return stripped


def _kind(number: Field | None, heading: Field | None, letter: Line | None) -> str | None:
    """The document's type: its số hiệu's code where that code names it whatever the heading
    (a consolidated text), else its type heading, else a letter's "V/v" or "Kính gửi" line."""
    vocab = document_vocab()
    if number is not None:
        code = re.split(r"[/-]", number.value)
        for part in code[1:2]:
            if part in vocab["number_types"]:
                return vocab["number_types"][part]
    if heading is not None:
        return type_name(heading.value)
    return vocab["letter"]["type"] if letter is not None else None
