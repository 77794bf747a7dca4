"""Line layout repair: columns side by side, and lines a crawler flattened.

Official documents print the header and the signature block as two-column tables. Copied
as text, the columns come out side by side on one line ("- TT Huyện ủy;      PHÓ CHỦ
TỊCH"); this module puts each column back in one piece, left before right. It also splits a
whole document, or a table cell, that lost its line breaks at the markers the genre always
starts a line with.
"""

from __future__ import annotations

import re

from extractors.vocab import AUTHORITY, LOWER_CLASS, QUOC_HIEU, ROMAN, UPPER, UPPER_CLASS, signer_titles

_GAP = re.compile(r"\S( {6,})\S")
_TAB_GAP = re.compile(r"(?<=\S)[ \t]*\t[ \t]*(?=\S)")
# What only the header and the signature tables hold at the start of a column: the quốc hiệu,
# the tiêu ngữ, the number, the place and date, Nơi nhận, an authority mark (a signer's title is
# checked apart).
_TABLE_ANCHOR = re.compile(
    rf"^(?:Độc lập|Số\s*:|[^\d,]{{2,40}},\s*ngày\b|Nơi nhận|{AUTHORITY})|{QUOC_HIEU.pattern}", re.IGNORECASE
)
_TAB_COLUMN = " " * 8
_INDENT = re.compile(r"^ {12,}\S")
_MAX_COLUMN_DISTANCE = 10
_BLANK_FIELD = re.compile(r"(Số\s*:|ngày|tháng)[ \t]{2,}(?=/|tháng|năm|\d)", re.IGNORECASE)


_FLAT_MARKERS = re.compile(
    "|".join(
        [
            r"(?=CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM)",
            r"(?=Độc lập - Tự do - Hạnh phúc)",
            r"(?<=Hạnh phúc) ",
            r" ?-{4,} ?",
            r" ?_{4,} ?",
            r"(?<=\S) (?=Số:)",
            rf"(?<=[0-9A-ZĐ-]) (?=(?:{UPPER_CLASS}\w*\s){{0,3}}{UPPER_CLASS}\w*, ngày (?:\d|\.))",
            rf"(?<=phúc) (?=(?:{UPPER_CLASS}\w*\s){{0,3}}{UPPER_CLASS}\w*, ngày (?:\d|\.))",
            r"(?<=\b\d{4}) (?=(?:Căn cứ|Thực hiện|Xét đề nghị)\b)",
            r"(?<=\b\d{4}) (?=(?:QUYẾT ĐỊNH|KẾ HOẠCH|CHỈ THỊ|NGHỊ QUYẾT|THÔNG BÁO|HƯỚNG DẪN)\b)",
            r"(?<=[.;:]) (?=(?:Căn cứ|Thực hiện|Xét đề nghị|QUYẾT ĐỊNH:|Nơi nhận:))",
            rf"(?<=[.;:]) (?=(?:{ROMAN}|\d{{1,2}}(?:\.\d{{1,2}})*|[A-Z])\. (?:{UPPER_CLASS}|\d))",
            rf"(?<={UPPER_CLASS}{UPPER_CLASS}) (?=\d{{1,2}}\. {UPPER_CLASS}{LOWER_CLASS})",
            rf"(?<=[.;:]) (?={LOWER_CLASS}\) )",
            rf"(?<=[.;:]) (?=[-+] {UPPER_CLASS})",
            r"(?<=[.;:]) (?=Điều \d+\.)",
            rf"(?<=\S) (?={AUTHORITY} {UPPER_CLASS})",
            rf"(?<={UPPER_CLASS})(?<!PHÓ) (?=(?:PHÓ )?(?:CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|THỨ TRƯỞNG|TRƯỞNG BAN)\b)",
            # a signer's title in capitals, then the name ("THỦ TƯỚNG Nguyễn Xuân Phúc")
            rf"(?<={UPPER_CLASS}{UPPER_CLASS}) (?={UPPER_CLASS}{LOWER_CLASS}+ {UPPER_CLASS}{LOWER_CLASS}+(?: |$))",
            r"(?<=\S) (?=- Lưu:)",
            r"(?<=[.;:]) (?=Trên đây là)",
            r"(?<=\S) (?=(?:HIỆU LỰC VĂN BẢN|Tập tin đính kèm|Các tin khác|Văn bản này chưa cập nhật))",
            rf"(?<={LOWER_CLASS}) (?=(?:ỦY BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|BỘ|SỞ) {UPPER_CLASS})",
            rf"(?<=[0-9{UPPER}]) (?=(?:{ROMAN})\. {UPPER_CLASS}{UPPER_CLASS})",
        ]
    )
)
# A word in capitals (digits, commas and "&" allowed). Possessive quantifiers: on a long line of
# capitals a backtracking pattern would try every way to cut it, and never end.
_CAPS_WORD = f"[0-9,&]*+[{UPPER}][{UPPER}0-9,&]*+"
# A numbered heading in capitals runs into its first sentence: "IV. KINH PHÍ THỰC HIỆN Ngân sách tỉnh ...".
_CAPS_HEADING = re.compile(
    rf"(^|(?<=\s))((?:{ROMAN}|[A-HĐ]|\d{{1,2}})\. {_CAPS_WORD}(?: (?:{_CAPS_WORD}|-))*+) (?={UPPER_CLASS}{LOWER_CLASS})"
)
_FLAT_LINE = 300
_QUOC_HIEU_LENGTH = len("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
# The quốc hiệu as a header prints it, in capitals: prose that names the Republic is no header.
_QUOC_HIEU_CAPS = re.compile("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM")
_MID_QUOC_HIEU = re.compile(r"\S (?:CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM)")
# What a flattened line that is not long may still hold: a header or a signature run together.
_FLAT_HINT = re.compile(rf"CỘNG HÒA|ĐẢNG CỘNG SẢN|Số:|{AUTHORITY} |CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG|-{{4,}}|_{{4,}}")


def split_columns(lines: list[str]) -> list[str]:
    """Put a two-column block (signature beside Nơi nhận, header beside quốc hiệu) in order.

    A draft leaves its number and day blank with spaces ("Số:           /KH-UBND", "ngày       tháng
    12"): a blank to fill, not a gutter, so it shrinks to one space first."""
    lines = [_BLANK_FIELD.sub(r"\1 ", line) if "  " in line else line for line in lines]
    is_column = ["      " in line and bool(_GAP.search(line) or _INDENT.match(line)) for line in lines]
    if not any(is_column):
        return lines
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not is_column[i]:
            out.append(lines[i])
            i += 1
            continue
        end = i
        j = i + 1
        while j < len(lines) and j - end <= _MAX_COLUMN_DISTANCE:
            if is_column[j]:
                end = j
            j += 1
        block = lines[i : end + 1]
        if sum(is_column[i : end + 1]) < 2:
            out.append(lines[i])
            i += 1
            continue
        left: list[str] = []
        right: list[str] = []
        for line in block:
            gap = _GAP.search(line)
            if _INDENT.match(line):
                right.append(line.strip())
            elif gap:
                left.append(line[: gap.start() + 1].strip())
                right.append(line[gap.end() - 1 :].strip())
            else:
                left.append(line.strip())
        out.extend(left)
        out.append("")
        out.extend(right)
        i = end + 1
    return out


def tab_columns(lines: list[str]) -> list[str]:
    """A header or signature laid out with tabs ("ỦY BAN NHÂN DÂN<tab><tab>CỘNG HÒA ...", a Word file
    without a table) as the wide gap ``split_columns`` reads as a gutter: a run of lines cut by
    tabs (blank lines between them) where a column starts as those tables' columns do. A body's
    tabs ("a)<tab>Nội dung") are word spaces."""
    out = list(lines)
    run: list[int] = []
    for i, line in enumerate([*lines, "end"]):
        if "\t" in line and _TAB_GAP.search(line):
            run.append(i)
        elif line.strip():
            if any(_anchored(lines[k]) for k in run):
                for k in run:
                    out[k] = _TAB_GAP.sub(_TAB_COLUMN, lines[k])
            run = []
    return out


def _anchored(line: str) -> bool:
    return any(_TABLE_ANCHOR.search(part) or signer_titles().match(part) for part in _TAB_GAP.split(line))


def is_flattened(lines: list[str]) -> bool:
    """A crawler flattened the text: the header shares a line with other text, or few huge lines."""
    if any(len(line) > _QUOC_HIEU_LENGTH + 40 and _QUOC_HIEU_CAPS.search(line) for line in lines if "CỘNG" in line):
        return True
    content = list(filter(str.strip, lines))
    return bool(content) and sum(map(len, content)) / len(content) > 2 * _FLAT_LINE


def split_flat(line: str) -> list[str]:
    """One flattened line (a whole header, a table cell that lost its breaks) split at the
    genre's markers: quốc hiệu, tiêu ngữ, rules, "Số:", the place-and-date, authority marks."""
    out: list[str] = []
    for piece in _CAPS_HEADING.sub(r"\1\2\n", line).split("\n"):
        out.extend(part.strip() for part in _FLAT_MARKERS.split(piece) if part and part.strip())
    return out


def split_flattened(lines: list[str], flattened: bool | None = None) -> list[str]:
    """Flattened lines split at the genre's markers, when a crawler flattened the text
    (``flattened``: what ``is_flattened`` says, when the caller knows it already)."""
    if not (is_flattened(lines) if flattened is None else flattened):
        # A header row read as one line ("UBND TỈNH X CỘNG HÒA XÃ HỘI ..."): its cells still part.
        # Both phrases hold "CỘNG": the cheap test spares the pattern nearly every line.
        return [
            part
            for line in lines
            for part in (split_flat(line) if "CỘNG" in line and _MID_QUOC_HIEU.search(line) else [line])
        ]
    out: list[str] = []
    for line in lines:
        if len(line) > _FLAT_LINE or _FLAT_HINT.search(line):
            out.extend(split_flat(line))
        else:
            out.append(line)
    return out
