"""The site's own metadata block ("Số hiệu: | Loại văn bản: | Nơi ban hành: ...") and captions, cut out.

Legal databases print an attribute box above the document and a caption under it. It is the site's account of the
document, not the document's text, so it leaves the text (no fact is read from it) and is
kept as metadata beside the record, where it may confirm or fill a header field.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from extractors.vocab import UPPER_CLASS, longest_first

_SOURCE = re.compile(r"^Source\s*:\s*(https?://\S+)$", re.IGNORECASE)
_NUMBER = r"\d+(?:[/-][\wĐđ.]+)+"
# The site's note under its caption when it has no translation: a caption stands above it.
_NO_ENGLISH = "Văn bản này chưa cập nhật"
_MIN_LABELS = 2
_BLOCK_GAP = 2


@lru_cache(maxsize=1)
def _type_words() -> tuple[str, ...]:
    data = tomllib.loads(resources.files("extractors.data").joinpath("doc_types.toml").read_text("utf-8"))
    return tuple(data["type_words"])


@lru_cache(maxsize=1)
def _caption_starts() -> frozenset[str]:
    """The first words of the type words: a line starting otherwise is no caption (a cheap test
    that spares the caption pattern most lines)."""
    return frozenset(w.split(" ", 1)[0] for w in _type_words())


def _named_document() -> str:
    """A document named as a site names it, without "số": "Quyết định 84/2025/QĐ-UBND"."""
    return rf"(?P<type>{longest_first(_type_words())}) (?P<number>{_NUMBER})"


@lru_cache(maxsize=1)
def _caption() -> re.Pattern[str]:
    """The site's caption of a document: "Công văn 5526/CT-CS năm 2025 khẩn trương ... do Cục Thuế
    ban hành", "Quyết định 84/2025/QĐ-UBND ngày 02/12/2025 bãi bỏ ...". A document's own text
    names a document with "số" before its number; the caption names it without."""
    return re.compile(
        rf"^{_named_document()} "
        rf"(?:(?:năm (?P<year>\d{{4}})|ngày (?P<date>\d{{1,2}}/\d{{1,2}}/\d{{4}}))\b|(?=.*\n{_NO_ENGLISH}))"
        rf"(?:.* do (?P<issuer>[^.;\n]{{3,120}}?) ban hành$)?",
        re.MULTILINE,
    )


@lru_cache(maxsize=1)
def _chunk_prefix() -> re.Pattern[str]:
    """A crawler's prefix on each chunk of a page: "Quyết định 435/QĐ-UBND năm 2020. "."""
    return re.compile(rf"^{_named_document()} (?:năm \d{{4}}|ngày \d{{1,2}}/\d{{1,2}}/\d{{4}})\.\s+")


_BREADCRUMB = re.compile(rf"^((?:{UPPER_CLASS}+ ){{1,7}}{UPPER_CLASS}+\.)\s+(?=\S)")


def strip_chunk_prefixes(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """Lines without the prefix a crawler put on each chunk of a page, and the caption it gave.

    The prefix names the document ("Quyết định 435/QĐ-UBND năm 2020. ") and, inside an annex,
    the annex ("CHƯƠNG TRÌNH HÀNH ĐỘNG. "): a prefix found on two lines or more is the
    crawler's; an annex heading is kept where it first stands.
    """
    matches = [_chunk_prefix().match(line) for line in lines]
    found = [m for m in matches if m]
    if len(found) < 2:
        return lines, {}
    metadata = {"caption_type": found[0]["type"], "caption_number": found[0]["number"]}
    stripped = [line[m.end() :] if m else line for line, m in zip(lines, matches, strict=True)]
    crumbs = [(i, m) for i, m in enumerate(map(_BREADCRUMB.match, stripped)) if m and matches[i]]
    seen: set[str] = set()
    for i, m in crumbs:
        if sum(1 for _, other in crumbs if other.group(1) == m.group(1)) < 2:
            continue
        if m.group(1) in seen:
            stripped[i] = stripped[i][m.end() :]
        seen.add(m.group(1))
    return stripped, metadata


@lru_cache(maxsize=1)
def _labels() -> tuple[dict[str, str], re.Pattern[str]]:
    data = tomllib.loads(resources.files("extractors.data").joinpath("lines.toml").read_text("utf-8"))
    fields: dict[str, str] = data["metadata"]
    pattern = re.compile(rf"(?:^|(?<=\s))({longest_first(fields)})\s*:", re.IGNORECASE)
    return fields, pattern


def _fields_of(line: str) -> dict[str, str] | None:
    """The label-value pairs of a line that starts with a label ("Số hiệu: 38/2025/TT-BXD Loại ...")."""
    fields, pattern = _labels()
    if not pattern.match(line):
        return None
    found = list(pattern.finditer(line))
    out: dict[str, str] = {}
    for k, m in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else len(line)
        out[fields[m.group(1).lower()]] = line[m.end() : end].strip()
    return out


def take_metadata(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """The lines without the site's metadata block, captions and source line, and what they said."""
    metadata: dict[str, str] = {}
    drop: set[int] = set()
    i = 0
    starts = _caption_starts()
    for at in _candidates(lines, starts):
        if at < i:
            continue  # inside a block already taken
        i = at
        text = lines[i].strip()
        if m := _SOURCE.match(text):
            metadata.setdefault("url", m.group(1))
            drop.add(i)
            i += 1
            continue
        if text.split(" ", 1)[0] in starts and (
            m := _caption().match(text + ("\n" + lines[i + 1].strip() if i + 1 < len(lines) else ""))
        ):
            for key in ("type", "number", "issuer"):
                if m[key]:
                    metadata.setdefault(f"caption_{key}", m[key])
            if m["date"]:
                metadata.setdefault("caption_date", m["date"])
            drop.add(i)
            i += 1
            continue
        block, end = _block_at(lines, i)
        if len(block) >= _MIN_LABELS:
            for key, value in block.items():
                metadata.setdefault(key, value)
            drop.update(range(i, end))
            i = end
            continue
        i += 1
    return ([line for k, line in enumerate(lines) if k not in drop] if drop else list(lines)), metadata


def _candidates(lines: list[str], starts: frozenset[str]) -> list[int]:
    """The lines that may hold a label, a source or a caption: a colon, or a type word first. One
    comprehension finds the few among a page's hundreds of lines; ``startswith`` spares most of
    them the split that takes their first word."""
    heads = tuple(starts)
    return [
        i
        for i, line in enumerate(lines)
        if ":" in line or (line.lstrip().startswith(heads) and line.strip().split(" ", 1)[0] in starts)
    ]


def _block_at(lines: list[str], start: int) -> tuple[dict[str, str], int]:
    """The label-value pairs of a block starting at ``start`` (a value may stand on the line
    after its label), and the index after the block."""
    block: dict[str, str] = {}
    i = start
    gap = 0
    while i < len(lines) and gap <= _BLOCK_GAP:
        text = lines[i].strip()
        fields = _fields_of(text) if text else None
        if fields is None:
            if block and not text:
                gap += 1
                i += 1
                continue
            break
        gap = 0
        i += 1
        for key, value in fields.items():
            if not value and i < len(lines) and lines[i].strip() and _fields_of(lines[i].strip()) is None:
                value = lines[i].strip()
                i += 1
            block.setdefault(key, value)
    return block, i
