"""The site's own metadata block ("Số hiệu: | Loại văn bản: | Nơi ban hành: ..."), cut out.

Legal databases print an attribute box above the document. It is the site's account of the
document, not the document's text, so it leaves the text (no fact is read from it) and is
kept as metadata beside the record, where it may confirm or fill a header field.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from extractors.vocab import longest_first

_SOURCE = re.compile(r"^Source\s*:\s*(https?://\S+)$", re.IGNORECASE)
_MIN_LABELS = 2
_BLOCK_GAP = 2


@lru_cache(maxsize=1)
def _labels() -> tuple[dict[str, str], re.Pattern[str]]:
    data = tomllib.loads(resources.files("extractors.data").joinpath("lines.toml").read_text("utf-8"))
    fields: dict[str, str] = data["metadata"]
    pattern = re.compile(rf"(?:^|(?<=\s))({longest_first(fields)})\s*:", re.IGNORECASE)
    return fields, pattern


def _fields_of(line: str) -> dict[str, str] | None:
    """The label-value pairs of a line that starts with a label ("Số hiệu: 38/2025/TT-BXD Loại ...")."""
    fields, pattern = _labels()
    found = list(pattern.finditer(line))
    if not found or found[0].start() != 0:
        return None
    out: dict[str, str] = {}
    for k, m in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else len(line)
        out[fields[m.group(1).lower()]] = line[m.end() : end].strip()
    return out


def take_metadata(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """The lines without the site's metadata block and source line, and what they said."""
    metadata: dict[str, str] = {}
    drop: set[int] = set()
    i = 0
    while i < len(lines):
        text = lines[i].strip()
        if m := _SOURCE.match(text):
            metadata.setdefault("url", m.group(1))
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
    return [line for k, line in enumerate(lines) if k not in drop], metadata


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
