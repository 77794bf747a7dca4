"""The signature block (TM. / KT. / Q. lines, the signer's title, the name) and Nơi nhận.

In the printed document these stand side by side at the end; the layout step has put
Nơi nhận first and the signature after it. A decision that issues a plan has one block
after its articles, and the annexed plan may have its own.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from extractors.text.lines import Line
from extractors.vocab import LOWER_CLASS, UPPER_CLASS, fold, is_caps_line, signer_titles, tolerant

_AUTHORITY = re.compile(r"^(TM|KT|Q|TL|TUQ|T/M|K/T|T/L)(?:\s*\.\s*|\s+)(.+)$")
_NAME = re.compile(rf"^{UPPER_CLASS}{LOWER_CLASS}*(?: {UPPER_CLASS}{LOWER_CLASS}*){{1,5}}$")
_CAPS_NAME = re.compile(rf"^{UPPER_CLASS}+(?: {UPPER_CLASS}+){{1,5}}$")
_NOISE = re.compile(r"^\(?(?:đã ký|đã ký và đóng dấu|ký|chữ ký|\[?đã ký\]?)\)?\.?$", re.IGNORECASE)
_NOI_NHAN = re.compile(r"^Nơi nhận\s*:?", re.IGNORECASE)
_RECIPIENT = re.compile(r"^[-+•]\s*(.+?)[;.,]?$")
_ARCHIVE = re.compile(r"^Lưu\s*:?", re.IGNORECASE)
# A line OCR read across the signature block from the Nơi nhận column beside it (an item, the
# wrapped end of one), or the marks a seal and a signature leave: it starts with a dash, a
# lower-case letter or a sign. The block goes on past it.
_BESIDE = re.compile(rf"^(?:[-+•]|{LOWER_CLASS}|[^\w\s(])")
_BLOCK_SPAN = 12
_MAX_BLOCK_SPAN = 40


@lru_cache(maxsize=1)
def _data() -> dict:
    return tomllib.loads(resources.files("extractors.data").joinpath("signature.toml").read_text("utf-8"))


@lru_cache(maxsize=1)
def _name_prefix() -> re.Pattern[str]:
    return re.compile(rf"^(?:{'|'.join(_data()['name_prefixes'])})\s+")


@lru_cache(maxsize=1)
def _surnames() -> tuple[frozenset[str], dict[str, list[str]]]:
    """The family names, and each one's toneless form to the names that have it."""
    names = _data()["surnames"]
    by_fold: dict[str, list[str]] = {}
    for name in names:
        by_fold.setdefault(fold(name), []).append(name)
    return frozenset(names), by_fold


@lru_cache(maxsize=1)
def _title_forms() -> tuple[tuple[re.Pattern[str], str], ...]:
    titles = sorted(_data()["titles"], key=len, reverse=True)
    return tuple((re.compile(rf"^(?P<pho>{tolerant('PHÓ')}\s+)?{tolerant(t)}(?!\w)"), t) for t in titles)


@lru_cache(maxsize=1024)
def _canonical_title(caps: str) -> str:
    """A title in capitals as the genre spells it, its words in capitals only (OCR's "GIÁM ĐÓC",
    "TỎ TRƯỞNG" are "GIÁM ĐỐC", "TỔ TRƯỞNG"; the marks a seal leaves after it are not the title).
    Cached: the genre's few titles come back in every document, and each is tried on them all."""
    words = caps.split()
    upto = next((k for k, word in enumerate(words) if word != word.upper()), len(words))
    caps = " ".join(words[:upto])
    for pattern, title in _title_forms():
        if m := pattern.match(caps):
            return ("PHÓ " if m["pho"] else "") + title + caps[m.end() :]
    return caps


def with_known_surname(name: str) -> str:
    """The name with its family name spelled as the one family name it can be read as; the name
    as given when its first word is a family name already, or reads as none or several."""
    first, _, rest = name.partition(" ")
    known, by_fold = _surnames()
    if first in known or len(candidates := by_fold.get(fold(first), [])) != 1:
        return name
    return f"{candidates[0]} {rest}"


def _without_rank(text: str) -> str:
    """A signer's line without the rank or degree before the name ("Thượng tướng Vũ Hải Sản")."""
    m = _name_prefix().match(text)
    return text[m.end() :] if m else text


@dataclass(frozen=True, slots=True)
class SignatureBlock:
    name: str | None
    title: str | None
    authority: str | None
    start: int
    end: int
    name_start: int | None
    name_end: int | None


@lru_cache(maxsize=1024)
def _sentence_case(caps: str) -> str:
    """ "PHÓ CHỦ TỊCH" → "Phó Chủ tịch": the first word and the office noun keep their capitals
    (cached, as the titles repeat from document to document)."""
    words = caps.lower().split()
    out = [w.capitalize() if i == 0 else w for i, w in enumerate(words)]
    text = " ".join(out)
    for office in ("chủ tịch", "giám đốc", "bộ trưởng", "thứ trưởng", "trưởng ban", "trưởng phòng", "thủ tướng"):
        text = re.sub(rf"(?<=\s){office}", office.capitalize(), text)
    return text[0].upper() + text[1:] if text else text


def _title_name(caps: str) -> str:
    return " ".join(w.capitalize() for w in caps.lower().split())


def parse_signature(lines: list[Line], at: int) -> SignatureBlock | None:
    """The signature block whose first line (TM./KT./Q. or a title in capitals) is ``lines[at]``."""
    authority_parts: list[str] = []
    title: str | None = None
    i = at
    end = min(len(lines), at + _BLOCK_SPAN)
    first = lines[at]
    while i < end:
        text = lines[i].text.strip()
        if not text or _NOISE.match(text):
            end = min(len(lines), end + 1, at + _MAX_BLOCK_SPAN)
            i += 1
            continue
        if m := _AUTHORITY.match(text):
            authority_parts.append(f"{m.group(1).replace('/', '')}. {_sentence_case(_canonical_title(m.group(2)))}")
        elif is_caps_line(text) and signer_titles().match(text) and title is None:
            title = _sentence_case(_canonical_title(text))
        elif _NAME.match(name := _without_rank(text)) and (title or authority_parts):
            offset = lines[i].start + lines[i].text.index(text) + len(text) - len(name)
            return SignatureBlock(
                name,
                title,
                authority_parts[-1] if authority_parts else None,
                first.start,
                lines[i].end,
                offset,
                offset + len(name),
            )
        elif _CAPS_NAME.match(text) and title and not signer_titles().match(text):
            offset = lines[i].start + lines[i].text.index(text)
            return SignatureBlock(
                _title_name(text),
                title,
                authority_parts[-1] if authority_parts else None,
                first.start,
                lines[i].end,
                offset,
                offset + len(text),
            )
        elif _BESIDE.match(text):
            end = min(len(lines), end + 1, at + _MAX_BLOCK_SPAN)
        elif not is_caps_line(text):
            break
        i += 1
    return None


def is_signature_start(text: str) -> bool:
    """A line that opens a signature block: "TM. ...", "KT. ...", or an office title in capitals."""
    text = text.strip()
    # Both forms open with a capital (TM, KT, Q ...; a title), then a capital, a dot or a slash:
    # most lines fail here, before any pattern is tried.
    if len(text) < 2 or not text[0].isupper() or not (text[1].isupper() or text[1] in "./"):
        return False
    return bool(_AUTHORITY.match(text)) or (is_caps_line(text) and bool(signer_titles().match(text)))


def signature_starts(lines: list[Line], start_line: int = 0) -> set[int]:
    """The indexes of the lines from ``start_line`` on that open a signature block (a capital
    first: most lines are passed over without a call)."""
    return {ln.index for ln in lines[start_line:] if ln.text.lstrip()[:1].isupper() and is_signature_start(ln.text)}


def find_signatures(lines: list[Line], start_line: int = 0, starts: set[int] | None = None) -> list[SignatureBlock]:
    """Every signature block from ``start_line`` on, in document order.

    ``starts`` is ``signature_starts(lines, start_line)`` when the caller has it already.
    """
    starts = signature_starts(lines, start_line) if starts is None else starts
    blocks: list[SignatureBlock] = []
    free = start_line  # the first line not inside a block read already
    for at in sorted(starts):
        if at < free:
            continue
        block = parse_signature(lines, at)
        if block:
            blocks.append(block)
            free = at
            while free < len(lines) and lines[free].end <= block.end:
                free += 1
    return blocks


def find_recipients(lines: list[Line], start_line: int = 0) -> tuple[list[str], int | None]:
    """The Nơi nhận list (archive line "Lưu: ..." excluded) and the line where it starts."""
    at = next((ln.index for ln in lines[start_line:] if _NOI_NHAN.match(ln.text.strip())), None)
    if at is None:
        return [], None
    recipients: list[str] = []
    first = lines[at].text.strip()
    inline = _NOI_NHAN.sub("", first).strip(" -")
    if inline:
        recipients.append(inline.rstrip(";,."))
    for line in lines[at + 1 : at + 40]:
        text = line.text.strip()
        if not text or is_signature_start(text) or _NOISE.match(text):
            continue
        m = _RECIPIENT.match(text)
        if not m:
            if recipients and _NAME.match(text):
                continue
            break
        item = m.group(1).strip()
        if _ARCHIVE.match(item):
            continue
        recipients.append(item)
    return recipients, at
