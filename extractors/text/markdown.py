"""Markdown as Word-to-Markdown and web-to-Markdown converters write it, back to plain lines.

Pipe tables hold the header and signature blocks: a two-column layout table is read
column by column (left, then right), a data table row by row with " | " between cells.
Emphasis markers go; the words stay.
"""

from __future__ import annotations

import re

_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_ITALIC = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_HEADING = re.compile(r"^#{1,6}\s+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
_LAYOUT_CELL = re.compile(
    r"CỘNG HÒA XÃ HỘI|Độc lập - Tự do|Nơi nhận|^(?:TM|KT|Q|TL)\.|ỦY BAN NHÂN DÂN|Số:", re.IGNORECASE
)


def _clean(line: str) -> str:
    line = _HEADING.sub("", line.rstrip())
    line = line.rstrip("\\")
    line = _EMPHASIS.sub(r"\2", line)
    line = _ITALIC.sub(r"\1", line)
    return _ESCAPE.sub(r"\1", line)


def _cells(row: str) -> list[str]:
    row = row.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|"):
        row = row[:-1]
    return [cell.strip() for cell in row.split("|")]


def _table_lines(rows: list[list[str]]) -> list[str]:
    width = max(len(r) for r in rows)
    layout = width == 2 and any(_LAYOUT_CELL.search(c) for r in rows for c in r)
    out: list[str] = []
    if layout:
        for col in range(width):
            for row in rows:
                if col < len(row) and row[col]:
                    out.extend(part.strip() for part in _BREAK_TAG.split(_clean(row[col])))
            out.append("")
        return out
    for row in rows:
        out.append(" | ".join(_clean(_BREAK_TAG.sub(" ", cell)) for cell in row))
    return out


def markdown_to_lines(text: str) -> list[str]:
    """Plain lines of a Markdown document, tables resolved, markup removed."""
    out: list[str] = []
    table: list[list[str]] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith("|") and stripped.count("|") >= 2:
            if not _TABLE_RULE.match(stripped):
                table.append(_cells(stripped))
            continue
        if table:
            out.extend(_table_lines(table))
            table = []
        out.extend(_BREAK_TAG.split(_clean(line)))
    if table:
        out.extend(_table_lines(table))
    return out
