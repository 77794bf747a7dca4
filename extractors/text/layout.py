"""Line layout repair: columns side by side, sentences wrapped, and lines a crawler flattened.

Official documents print the header and the signature block as two-column tables. Copied
as text, the columns come out side by side on one line ("- TT Huyện ủy;      PHÓ CHỦ
TỊCH"); this module puts each column back in one piece, left before right. It also joins
a sentence that a converter wrapped, and splits a whole document that lost its line
breaks at the markers the genre always starts a line with.
"""

from __future__ import annotations

import re

from extractors.vocab import LOWER_CLASS, ROMAN, UPPER, UPPER_CLASS

_GAP = re.compile(r"\S( {6,}|\t+)\S")
_INDENT = re.compile(r"^ {12,}\S")
_MAX_COLUMN_DISTANCE = 10

_LIST_START = re.compile(rf"^(?:[-+•*]\s|{LOWER_CLASS}[).]\s|\d+[.)]|{ROMAN}\.\s)")
_CONTINUES = re.compile(rf"^(?:{LOWER_CLASS}|[,:;)])")

_FLAT_MARKERS = re.compile(
    "|".join(
        [
            r"(?=CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM)",
            r"(?=Độc lập - Tự do - Hạnh phúc)",
            r"(?<=Hạnh phúc) ",
            r" ?-{4,} ?",
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
            rf"(?<=\S) (?=(?:TM|KT|Q|TL|TUQ)\. {UPPER_CLASS})",
            rf"(?<={UPPER_CLASS})(?<!PHÓ) (?=(?:PHÓ )?(?:CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|THỨ TRƯỞNG|TRƯỞNG BAN)\b)",
            rf"(?<=CHỦ TỊCH) (?={UPPER_CLASS}{LOWER_CLASS}+ {UPPER_CLASS}{LOWER_CLASS})",
            rf"(?<=GIÁM ĐỐC) (?={UPPER_CLASS}{LOWER_CLASS}+ {UPPER_CLASS}{LOWER_CLASS})",
            rf"(?<=TRƯỞNG) (?={UPPER_CLASS}{LOWER_CLASS}+ {UPPER_CLASS}{LOWER_CLASS})",
            r"(?<=\S) (?=- Lưu:)",
            r"(?<=[.;:]) (?=Trên đây là)",
            r"(?<=\S) (?=(?:HIỆU LỰC VĂN BẢN|Tập tin đính kèm|Các tin khác|Văn bản này chưa cập nhật))",
            rf"(?<={LOWER_CLASS}) (?=(?:ỦY BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|BỘ|SỞ) {UPPER_CLASS})",
            rf"(?<=[0-9{UPPER}]) (?=(?:{ROMAN})\. {UPPER_CLASS}{UPPER_CLASS})",
        ]
    )
)
_CAPS_WORD = f"[{UPPER}0-9,&]*[{UPPER}][{UPPER}0-9,&]*"
# A numbered heading in capitals runs into its first sentence: "IV. KINH PHÍ THỰC HIỆN Ngân sách tỉnh ...".
_CAPS_HEADING = re.compile(
    rf"(^|(?<=\s))((?:{ROMAN}|[A-HĐ]|\d{{1,2}})\. (?:{_CAPS_WORD} |- )*{_CAPS_WORD}) (?={UPPER_CLASS}{LOWER_CLASS})"
)
_FLAT_LINE = 300
_QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def split_columns(lines: list[str]) -> list[str]:
    """Put a two-column block (signature beside Nơi nhận, header beside quốc hiệu) in order."""
    is_column = [
        ("      " in line or "\t" in line) and bool(_GAP.search(line) or _INDENT.match(line)) for line in lines
    ]
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


def join_wrapped(lines: list[str]) -> list[str]:
    """Join a line that continues the sentence above it (starts lower case or with , ; : ))."""
    out: list[str] = []
    for line in lines:
        stripped = line.strip()
        if out and out[-1].strip() and stripped and _CONTINUES.match(stripped) and not _LIST_START.match(stripped):
            glue = "" if stripped[0] in ",:;)" else " "
            out[-1] = out[-1].rstrip() + glue + stripped
        else:
            out.append(line)
    return out


def is_flattened(lines: list[str]) -> bool:
    """A crawler flattened the text: the header shares a line with other text, or few huge lines."""
    if any(_QUOC_HIEU in line and len(line) > len(_QUOC_HIEU) + 40 for line in lines):
        return True
    content = [line for line in lines if line.strip()]
    return bool(content) and sum(map(len, content)) / len(content) > 2 * _FLAT_LINE


def split_flattened(lines: list[str]) -> list[str]:
    """Columns put in order, wrapped sentences joined, flattened lines split at the genre's markers."""
    lines = join_wrapped(split_columns(lines))
    if not is_flattened(lines):
        return lines
    out: list[str] = []
    for line in lines:
        if len(line) > _FLAT_LINE or _QUOC_HIEU in line:
            for piece in _CAPS_HEADING.sub(r"\1\2\n", line).split("\n"):
                out.extend(part for part in _FLAT_MARKERS.split(piece) if part is not None)
        else:
            out.append(line)
    return out
