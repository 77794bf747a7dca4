"""The issuing body: from the header lines in capitals, or from the text when a portal dropped them.

"ỦY BAN NHÂN DÂN / TỈNH BẮC KẠN" is one body on two lines; "UBND TỈNH LÀO CAI / SỞ Y TẾ" is
a Sở under its province, and the Sở is the issuer. Capitals are undone before the alias
table is asked, so that the place keeps its capitals ("tỉnh Bắc Kạn").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.facts.agencies import AgencyMention, canonical_agency
from extractors.facts.agency_index import AgencyIndex
from extractors.structure.header import document_vocab

_HEAD_OF_UNIT = re.compile(
    r"^(SỞ|PHÒNG|BAN|CỤC|CHI CỤC|TỔNG CỤC|TRUNG TÂM|VĂN PHÒNG|THANH TRA|ĐÀI|BẢO HIỂM|CÔNG AN|BỘ CHỈ HUY|"
    r"BAN CHỈ HUY|HỘI ĐỒNG|ĐOÀN|TRƯỜNG|BỆNH VIỆN|VIỆN|KHO BẠC|CHI NHÁNH)\b"
)
_ISSUES = re.compile(r"^\s*(?:ban hành|xây dựng|triển khai|thực hiện)\b[^.]{0,40}\b(?:kế hoạch|chương trình)", re.I)


@dataclass(frozen=True, slots=True)
class IssuerFact:
    name: str
    level: str | None
    province: str | None
    start: int
    end: int


def _levels() -> dict[str, str]:
    return document_vocab()["levels"]


def uncap(caps: str) -> str:
    """Undo capitals of a name line: level words lower case, the place after them title case."""
    words = caps.lower().split()
    levels = sorted(_levels(), key=lambda w: -len(w.split()))
    out: list[str] = []
    i = 0
    place = False
    while i < len(words):
        matched = next((lv for lv in levels if words[i : i + len(lv.split())] == lv.split()), None)
        if matched and not place:
            out.extend(matched.split())
            i += len(matched.split())
            place = True
            continue
        out.append(words[i].capitalize() if place else words[i])
        i += 1
    text = " ".join(out)
    return text[:1].upper() + text[1:]


def place_of(name: str) -> str | None:
    """The proper place name in "Ủy ban nhân dân tỉnh Bắc Kạn" → "Bắc Kạn"."""
    for level in sorted(_levels(), key=len, reverse=True):
        m = re.search(rf"\b{level} ((?:[A-ZĐÂĂÊÔƠƯ]\w*)(?: [A-ZĐÂĂÊÔƠƯ]\w*)*)\b", name)
        if m:
            return m.group(1)
    return None


def _unit_of(name: str) -> str | None:
    """The administrative unit a name ends with: "Ủy ban nhân dân tỉnh Nghệ An" → "tỉnh Nghệ An"."""
    place = place_of(name)
    if not place:
        return None
    for level in sorted(_levels(), key=len, reverse=True):
        if name.endswith(f"{level} {place}"):
            return f"{level} {place}"
    return None


def _province(mention: AgencyMention, parent: str | None) -> str | None:
    if mention.level == "province":
        return place_of(mention.name) or (place_of(parent) if parent else None)
    if parent:
        parent_mention = canonical_agency(parent)
        if parent_mention and parent_mention.level == "province":
            return place_of(parent_mention.name)
    return None


def issuer_from_header(lines: list[tuple[str, int, int]]) -> IssuerFact | None:
    """The issuer named by the header lines in capitals (text, start, end), top to bottom."""
    if not lines:
        return None
    texts = [t for t, _, _ in lines]
    parent: str | None = None
    if len(texts) > 1 and _HEAD_OF_UNIT.match(texts[-1]) and canonical_agency(uncap(" ".join(texts[:-1]))):
        parent = uncap(" ".join(texts[:-1]))
        texts, lines = texts[-1:], lines[-1:]
    mention = canonical_agency(uncap(" ".join(texts)))
    if mention is None:
        return None
    name = mention.name
    unit = _unit_of(canonical_agency(parent).name) if parent and canonical_agency(parent) else None
    if unit and not _unit_of(name):
        name = f"{name} {unit}"
    return IssuerFact(name, mention.level, _province(mention, parent), lines[0][1], lines[-1][2])


def issuer_from_text(text: str, index: AgencyIndex, start: int, end: int) -> IssuerFact | None:
    """The body that says, in the preamble, that it issues the plan ("UBND huyện X xây dựng kế hoạch")."""
    for mention in index.within(start, end):
        if mention.is_group:
            continue
        if _ISSUES.match(text[mention.end : mention.end + 80]):
            return IssuerFact(mention.name, mention.level, _province(mention, None), mention.start, mention.end)
    return None
