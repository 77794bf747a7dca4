"""The issuing body: from the header lines in capitals, or from the text when a portal dropped them.

"ỦY BAN NHÂN DÂN / TỈNH BẮC KẠN" is one body on two lines; "UBND TỈNH LÀO CAI / SỞ Y TẾ" is
a Sở under its province, and the Sở is the issuer. Capitals are undone before the alias
table is asked, so that the place keeps its capitals ("tỉnh Bắc Kạn").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from extractors.facts.agencies import AgencyMention, canonical_agency, spell_out
from extractors.facts.agency_index import AgencyIndex
from extractors.structure.header import document_vocab
from extractors.text.casing import sentence_case
from extractors.vocab import fold, tolerant, tolerant_phrase

# The head word of a unit under its parent ("BỘ CÔNG AN / CỤC ...", "TỔ CÔNG TÁC ..."), read with
# loose tones (OCR's "TỎ").
_UNIT_HEADS = (
    "SỞ",
    "PHÒNG",
    "BAN",
    "CỤC",
    "CHI CỤC",
    "TỔNG CỤC",
    "TRUNG TÂM",
    "VĂN PHÒNG",
    "THANH TRA",
    "ĐÀI",
    "BẢO HIỂM",
    "CÔNG AN",
    "BỘ CHỈ HUY",
    "BAN CHỈ HUY",
    "HỘI ĐỒNG",
    "ĐOÀN",
    "TRƯỜNG",
    "BỆNH VIỆN",
    "VIỆN",
    "KHO BẠC",
    "CHI NHÁNH",
    "VỤ",
    "TỔ",
)
_HEAD_OF_UNIT = re.compile(rf"^(?:{'|'.join(tolerant_phrase(h) for h in _UNIT_HEADS)})(?!\w)")
_WORD = re.compile(r"[^\s-]\S*")
_OF = re.compile(r"\bcủa\s+$", re.IGNORECASE)
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


@lru_cache(maxsize=1)
def _loose_levels() -> tuple[tuple[str, int, str], ...]:
    """The level words, those of more words first, each with its word count and its letters
    without tones."""
    return tuple((lv, len(lv.split()), fold(lv)) for lv in sorted(_levels(), key=lambda w: -len(w.split())))


def _level_at(words: list[str], i: int) -> str | None:
    """The level word at ``words[i]``, read loosely: OCR drops its tone ("TINH QUẢNG NGÃI")."""
    folded: dict[int, str] = {}
    for level, size, loose in _loose_levels():
        if size not in folded:
            folded[size] = fold(" ".join(words[i : i + size]))
        if folded[size] == loose:
            return level
    return None


@lru_cache(maxsize=256)
def uncap(caps: str) -> str:
    """Undo capitals of a name line: level words lower case, the place after them title case.

    Cached: a header's lines are read in several cuts (the parent, the unit, both).
    """
    words = caps.lower().split()
    out: list[str] = []
    i = 0
    place = False
    while i < len(words):
        matched = None if place else _level_at(words, i)
        if matched:
            out.extend(matched.split())
            i += len(matched.split())
            place = True
            continue
        out.append(words[i].capitalize() if place else words[i])
        i += 1
    text = " ".join(out)
    return text[:1].upper() + text[1:]


@lru_cache(maxsize=256)
def place_of(name: str) -> str | None:
    """The proper place name in "Ủy ban nhân dân tỉnh Bắc Kạn" → "Bắc Kạn"."""
    for level in sorted(_levels(), key=len, reverse=True):
        m = re.search(rf"\b{level} ((?:[A-ZĐÂĂÊÔƠƯ]\w*)(?: [A-ZĐÂĂÊÔƠƯ]\w*)*)\b", name)
        if m:
            return m.group(1)
    return None


@lru_cache(maxsize=256)
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


def _named(caps: str, text: str) -> tuple[AgencyMention | None, str]:
    """The agency a phrase in capitals names, when the whole phrase is that name, and the
    phrase cased: level words and places as ``uncap`` sets them, else as the text writes
    the words mid-sentence ("VĂN PHÒNG CHÍNH PHỦ" → "Văn phòng Chính phủ")."""
    cased = uncap(caps)
    if (mention := _whole_name(cased)) is not None:
        return mention, cased
    cased = sentence_case(caps, text)
    return _whole_name(cased), cased


def _whole_name(candidate: str) -> AgencyMention | None:
    """The agency ``candidate`` names, when it is that name from end to end."""
    mention = canonical_agency(candidate)
    if mention is not None and mention.start == 0 and mention.end >= len(candidate.rstrip(" .,;-")):
        return mention
    return None


def issuer_from_header(lines: list[tuple[str, int, int]], text: str = "") -> IssuerFact | None:
    """The issuer named by the header lines in capitals (text, start, end), top to bottom.

    A unit under its parent ("BỘ TÀI CHÍNH / CỤC THUẾ", also on one line) is the issuer; a
    Sở or Phòng takes its parent's place ("Sở Y tế tỉnh Lào Cai"), and a unit the header names
    by its head word alone takes its parent's name ("Văn phòng Ban Chấp hành Trung ương").
    A name the agency table does not know is taken as printed, cased as the text writes it.
    """
    words = [
        (m.group(), start + m.start(), start + m.end()) for value, start, _ in lines for m in _WORD.finditer(value)
    ]
    if not words:
        return None
    line_starts = {start + m.start() for value, start, _ in lines if (m := _WORD.search(value))}
    parent: AgencyMention | None = None
    first = 0
    # A parent is two words at least ("BỘ TÀI CHÍNH"; "ỦY" before "BAN NHÂN DÂN" is none).
    for k in range(len(words) - 1, 0, -1):
        unit = " ".join(w for w, _, _ in words[k:])
        # A head word alone names a unit only on a line of its own ("VĂN PHÒNG"); at the end of
        # a line it is a word of the place ("THÀNH PHỐ HẢI PHÒNG").
        if k > 1 and _HEAD_OF_UNIT.match(unit) and (words[k][1] in line_starts or not _HEAD_OF_UNIT.fullmatch(unit)):
            found, _ = _named(" ".join(w for w, _, _ in words[:k]), text)
            if found is not None:
                parent, first = found, k
                break
    caps = " ".join(w for w, _, _ in words[first:])
    mention, cased = _named(caps, text)
    name = mention.name if mention else (_as_written(caps, text) or cased)
    if parent is not None and _HEAD_OF_UNIT.fullmatch(caps):
        name = f"{name} {parent.name}"
    elif parent is not None and (unit := _unit_of(parent.name)) and not _unit_of(name) and mention is not None:
        name = f"{name} {unit}"
    if (unit := _unit_of(cased)) and not _unit_of(name) and name.endswith(unit.split(" ", 1)[0]):
        name = f"{name.rsplit(' ', 1)[0]} {unit}"  # "Công an tỉnh" of "CÔNG AN TỈNH LÂM ĐỒNG"
    if (place := place_of(name)) and (spelled := _spelled_in(text, place)) != place:
        name = name.replace(place, spelled)  # OCR's "Lâm Đòng" as the body writes it: "Lâm Đồng"
    level = mention.level if mention else None
    province = _province(mention, parent.name if parent else None) if mention else None
    if province is None and level == "province":
        province = place_of(name)
    if province is not None:
        province = _spelled_in(text, province)
    return IssuerFact(name, level, province, words[first][1], words[-1][2])


def _as_written(caps: str, text: str) -> str | None:
    """A name the agency table does not know, as the body writes it in mixed case, tones and
    abbreviations aside: the header's "TỔ CÔNG TÁC LIÊN NGÀNH TW" (OCR: "TỎ") is the body's
    "Tổ Công tác liên ngành trung ương". None when the body never writes it out."""
    words = spell_out(caps).split()
    if len(words) < 2 or not text:
        return None
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(tolerant, words)) + r"(?!\w)", re.IGNORECASE)
    counts = Counter(" ".join(m.group().split()) for m in pattern.finditer(text) if not m.group().isupper())
    return counts.most_common(1)[0][0] if counts else None


@lru_cache(maxsize=512)
def _loosely(place: str) -> re.Pattern[str]:
    """A place written with its words capitalised as given, any tones and marks (compiled once: a
    province is asked often; no look-behind, which would make the scan try every position)."""
    return re.compile(tolerant(place))


@lru_cache(maxsize=8)
def _spelled_in(text: str, place: str) -> str:
    """A place as the text writes it most often in mixed case, tones and marks aside; the place
    as given when the text never writes it otherwise. Cached: the name's place is mostly the
    province asked next, and each asking reads the whole text."""
    counts = Counter(
        m.group()
        for m in _loosely(place).finditer(text)
        if not m.group().isupper() and (m.start() == 0 or not text[m.start() - 1].isalnum())
    )
    return counts.most_common(1)[0][0] if counts else place


def issuer_from_text(text: str, index: AgencyIndex, start: int, end: int) -> IssuerFact | None:
    """The body that says, in the preamble, that it issues the plan ("UBND huyện X xây dựng kế hoạch");
    not the issuer of a text the preamble cites ("Nghị quyết số 50/NQ-CP của Chính phủ ban hành Kế
    hoạch ...")."""
    for mention in index.within(start, end):
        if mention.is_group or _OF.search(text, max(0, mention.start - 8), mention.start):
            continue
        if _ISSUES.match(text[mention.end : mention.end + 80]):
            return IssuerFact(mention.name, mention.level, _province(mention, None), mention.start, mention.end)
    return None
