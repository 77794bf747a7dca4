"""Tables in the legal-database converter's form: each cell's lines between lines holding a lone "|".

A row of n cells is printed "|", cell, "|", cell, ..., "|", and the next row opens with its own
"|", so two bars in a row stand either between rows or around an empty cell; a row merged
across the table (a section row: "I", "Hoàn thiện thể chế") has fewer cells. The header row
says how many columns there are (the run of cells before the first two bars), and the row
numbers of the first column ("1", "II", "I.2") say where a merged row ends. What comes out is
the table as rows of cells, the front door's form for every reader's tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ROW_NUMBER = re.compile(r"^(?:[IVXLC]{1,6}|\d{1,3}|[A-HĐa-zđ])(?:\.\d{1,3}){0,4}[.)]?$")
_NUMBER_COLUMN = re.compile(r"^(?:S?TT|Số TT|Số thứ tự)\.?$", re.IGNORECASE)
_MIN_COLUMNS = 3
_MAX_COLUMNS = 12
_MAX_HEADER_CELL = 80
# Lines enough for the longest header: a bar and a cell of up to three lines for each column.
_HEADER_LINES = 4 * _MAX_COLUMNS + 2


@dataclass(frozen=True, slots=True)
class _Token:
    text: str | None  # None: a bar
    line: int  # the index of its first line


def _tokens(lines: list[str], start: int, clean, limit: int | None = None) -> list[_Token]:
    """Bars and cells from ``lines[start]`` on, up to a blank line (or ``limit`` lines): a cell is
    the run of lines between two bars, cleaned of markup by ``clean`` and joined with spaces."""
    out: list[_Token] = []
    cell: list[str] = []
    first = start
    stop = len(lines) if limit is None else min(len(lines), start + limit)
    for i in range(start, stop):
        stripped = lines[i].strip()
        if stripped == "|":
            if cell:
                out.append(_Token(" ".join(cell), first))
                cell = []
            out.append(_Token(None, i))
        elif not stripped:
            break
        else:
            if not cell:
                first = i
            if text := clean(stripped):
                cell.append(text)
    if cell:
        out.append(_Token(" ".join(cell), first))
    return out


def bar_table(lines: list[str], start: int, clean) -> tuple[list[list[str]], int] | None:
    """The table whose header opens at the lone bar ``lines[start]``, as rows of cells (the header
    first), and the index of the first line after it; None when no table starts there.

    A converter's page holds thousands of lone bars and this is asked at each: the header is
    looked for in the next few lines first, and the rest is read only when one is there."""
    if not _may_open_table(lines, start) or _header(_tokens(lines, start, clean, _HEADER_LINES)) is None:
        return None
    tokens = _tokens(lines, start, clean)
    found = _header(tokens)
    if found is None:
        return None
    header, k = found
    numbered = bool(_NUMBER_COLUMN.match(header[0]))
    if not numbered and k + 1 < len(tokens) and _ROW_NUMBER.match(tokens[k + 1].text or ""):
        # The header left its number column's cell out (a merged or empty cell): the rows have it.
        first, _ = _row(tokens, k + 1, len(header) + 1, True)
        if first is not None and len(first) == len(header) + 1:
            header, numbered = ["", *header], True
    rows = [header]
    end = tokens[k].line
    pos = k  # at the bar that opens a row
    while pos + 1 < len(tokens) and tokens[pos].text is None and tokens[pos + 1].text is not None:
        if numbered and not _ROW_NUMBER.match(tokens[pos + 1].text or ""):
            break  # the text after the table, run on without a blank line
        row, pos = _row(tokens, pos + 1, len(header), numbered)
        if row is None or len(row) < 2:
            break
        rows.append(row)
        end = tokens[min(pos, len(tokens) - 1)].line
    if len(rows) < 2:
        return None
    return rows, end + 1


def _may_open_table(lines: list[str], start: int) -> bool:
    """Whether the raw lines after the bar ``lines[start]`` can hold a header row: three cells at
    least, each closed by a single bar (the cheap test most of a page's bars fail at once)."""
    cells = 0
    in_cell = False
    for i in range(start + 1, min(len(lines), start + _HEADER_LINES)):
        stripped = lines[i].strip()
        if not stripped:
            return False
        if stripped == "|":
            if not in_cell:
                return cells >= _MIN_COLUMNS
            cells += 1
            in_cell = False
        else:
            in_cell = True
    return False


def _header(tokens: list[_Token]) -> tuple[list[str], int] | None:
    """The header row the tokens open with (a bar, short cells each closed by a bar, a second bar)
    and the position of the bar that opens the first row; None when there is none."""
    header: list[str] = []
    k = 1
    while k + 1 < len(tokens) and tokens[k].text is not None and tokens[k + 1].text is None:
        header.append(tokens[k].text or "")
        k += 2
        if k < len(tokens) and tokens[k].text is None:
            break
    if not (_MIN_COLUMNS <= len(header) <= _MAX_COLUMNS) or any(
        len(c) > _MAX_HEADER_CELL or c.endswith(":") for c in header
    ):
        return None  # a column heading is short and is no label ("Số hiệu:" | value: a site's attribute box)
    if k >= len(tokens) or tokens[k].text is not None:
        return None
    return header, k


def _row(tokens: list[_Token], pos: int, width: int, numbered: bool) -> tuple[list[str] | None, int]:
    """The row whose first cell is ``tokens[pos]``, and the position of the bar that opens the next
    row (or ends the table); None when the cells do not make a row of the table."""
    row: list[str] = []
    while pos < len(tokens) and tokens[pos].text is not None:
        row.append(tokens[pos].text or "")
        bars = 0
        while pos + 1 + bars < len(tokens) and tokens[pos + 1 + bars].text is None:
            bars += 1
        after = pos + 1 + bars
        if bars == 0:
            return (row if len(row) <= width else None), pos
        if bars == 1:
            pos = after
            continue
        nxt = tokens[after].text if after < len(tokens) else None
        if (
            len(row) + bars - 1 >= width
            or after >= len(tokens)
            or (numbered and nxt is not None and _ROW_NUMBER.match(nxt))
        ):
            empties = max(0, min(bars - 2, width - len(row)))
            row += [""] * empties
            return (row if len(row) <= width else None), after - 1
        row += [""] * (bars - 1)
        pos = after
    return (row if row and len(row) <= width else None), pos
