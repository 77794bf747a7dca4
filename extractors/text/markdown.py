"""Markdown as converters write it, recognised by its content and read into pieces of text.

Three converter habits meet here. Pipe tables hold the header and signature blocks: a
two-column layout table is read column by column (left, then right), each cell split where
its lines were flattened; a data table row by row with " | " between cells. Legal-database
pages come as one cell per run of lines between lines holding a lone "|". And emphasis is
opened on one line and closed on another ("**I. MỤC ĐÍCH,\\nYÊU CẦU**"): the markers go, but
what they said about where a block starts and ends is kept on each piece for the step that
rebuilds logical lines.
"""

from __future__ import annotations

import re

from extractors.text.bar_tables import bar_table
from extractors.text.layout import split_flat
from extractors.text.paragraphs import Piece

_HEADING = re.compile(r"^#{1,6}(?:\s+|$)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
_BARS = re.compile(r"^[|\s]+$")
_STARS = re.compile(r"\*+")
_LINK = re.compile(r"!?\[([^\]\n]*)\]\((?:[^)\s]+)\)")
# A footnote reference glued to the word it follows ("Chính phủ[2]"); a reference standing
# alone at a line start is the footnote's own label and stays.
_FOOTNOTE_REF = re.compile(r"(?<=[^\s\[])\[\d{1,3}\]")
_LAYOUT_CELL = re.compile(
    r"CỘNG HÒA XÃ HỘI|Độc lập - Tự do|Nơi nhận|^(?:TM|KT|Q|TL)\.|ỦY BAN NHÂN DÂN|Số\s*:", re.IGNORECASE
)
# An emphasis left open over more lines than any heading or paragraph of the genre is a stray
# marker: it no longer holds lines together.
_MAX_OPEN_LINES = 8
_MARKDOWN_SIGNS = 3


def looks_like_markdown(text: str) -> bool:
    """Whether a text is converter Markdown, whatever its file was called: bold markers, pipe
    tables, lone "|" cell edges or "#" headings, several of them."""
    signs = text.count("**") // 2
    if signs >= _MARKDOWN_SIGNS:
        return True
    if "|" not in text and "# " not in text:
        return False
    # Only a line holding a bar or "# " can be a sign: the comprehension sets the few apart.
    for line in [line for line in text.split("\n") if "|" in line or "# " in line]:
        stripped = line.strip()
        if stripped == "|" or stripped.startswith("# ") or (stripped.startswith("|") and stripped.endswith("|")):
            signs += 1
            if signs >= _MARKDOWN_SIGNS:
                return True
    return False


def _clean(text: str) -> str:
    # Each pattern only where its first character stands: most lines hold none of them.
    if text.startswith("#"):
        text = _HEADING.sub("", text)
    if "[" in text:
        text = _FOOTNOTE_REF.sub("", _LINK.sub(r"\1", text))
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text).rstrip("\\")
    return text


def _cells(row: str) -> list[str]:
    row = row.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|"):
        row = row[:-1]
    return [_clean(_strip_emphasis(cell)).strip() for cell in row.split("|")]


def _strip_emphasis(text: str) -> str:
    if "*" not in text:
        return text
    return _STARS.sub(lambda m: m.group() if _literal_stars(text, m) else "", text)


def _cell_text(line: str) -> str:
    """One line of a converter's cell, its markup removed."""
    return " ".join(_clean(_strip_emphasis(line)).split())


def _literal_stars(text: str, m: re.Match[str]) -> bool:
    """ "(*)" and "(**)" mark notes in the genre's tables: they are text, not emphasis."""
    return m.start() > 0 and text[m.start() - 1] == "(" and text[m.end() : m.end() + 1] == ")"


def _table_pieces(rows: list[list[str]]) -> list[Piece]:
    width = max(len(r) for r in rows)
    layout = width == 2 and any(_LAYOUT_CELL.search(c) for r in rows for c in r)
    out: list[Piece] = []
    if layout:
        for col in range(width):
            for row in rows:
                if col < len(row) and row[col]:
                    for part in _BREAK_TAG.split(row[col]):
                        out.extend(Piece(p, hard=True, fixed=True) for p in split_flat(part.strip()) if p)
        return out
    for row in rows:
        cells = [" ".join(_BREAK_TAG.sub(" ", c).split()) for c in row]
        if any(cells):
            line = " | ".join(cells) if len(cells) > 1 else cells[0]
            out.extend(Piece(p, hard=True, fixed=True) for p in (split_flat(line) if len(cells) == 1 else [line]))
    return out


def _is_row(stripped: str) -> bool:
    if "|" not in stripped or _BARS.match(stripped):
        return False
    return (stripped.startswith("|") and stripped.count("|") >= 2) or (stripped.endswith("|") and len(stripped) > 1)


class _Emphasis:
    """The emphasis state across lines: bold and italic toggled by each marker run."""

    def __init__(self) -> None:
        self.bold = False
        self.italic = False
        self.open_lines = 0

    @property
    def active(self) -> bool:
        return self.bold or self.italic

    def reset(self) -> None:
        self.bold = self.italic = False
        self.open_lines = 0

    def toggle(self, run: str) -> None:
        for _ in range(len(run) // 2):
            self.bold = not self.bold
        if len(run) % 2:
            self.italic = not self.italic


def _line_piece(line: str, state: _Emphasis, pending_open: bool) -> tuple[Piece | None, bool, bool]:
    """The piece of one text line; also whether a lone marker line opened (for the next piece)
    or closed (for the previous one) an emphasis."""
    stripped = line.strip()
    if "*" not in stripped:
        text = _clean(stripped).strip()
        state.open_lines = state.open_lines + 1 if state.active else 0
        piece = Piece(text, opens=pending_open, open_end=state.active and state.open_lines <= _MAX_OPEN_LINES)
        return piece, False, False
    if stripped.startswith("* ") and stripped.count("*") == 1:
        return Piece(_clean("- " + stripped[2:]).strip(), opens=pending_open), False, False
    before = state.active
    runs = [m for m in _STARS.finditer(stripped) if not _literal_stars(stripped, m)]
    text = _clean(_strip_emphasis(stripped)).strip()
    if not text:
        for m in runs:
            state.toggle(m.group())
        return None, state.active and not before, before and not state.active
    opens = pending_open
    closes = False
    for m in runs:
        was = state.active
        state.toggle(m.group())
        if m.start() == 0 and not was and state.active:
            opens = True
        closes = m.end() == len(stripped) and was and not state.active
    state.open_lines = state.open_lines + 1 if state.active else 0
    open_end = state.active and state.open_lines <= _MAX_OPEN_LINES
    return Piece(text, opens=opens, open_end=open_end, closes=closes), False, False


def markdown_pieces(text: str) -> list[Piece]:
    """Pieces of a Markdown text: tables resolved, markup removed, block edges kept."""
    out: list[Piece] = []
    table: list[list[str]] = []
    state = _Emphasis()
    hard = pending_open = False
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        stripped = line.strip()
        if stripped == "|" and (found := bar_table(lines, i - 1, _cell_text)) is not None:
            rows, i = found
            out.extend(Piece(" | ".join(c.replace("|", "/") for c in row), hard=True, fixed=True) for row in rows)
            hard = True
            state.reset()
            continue
        if _is_row(stripped):
            if not _TABLE_RULE.match(stripped):
                table.append(_cells(stripped))
            continue
        if table:
            out.extend(_table_pieces(table))
            table = []
            hard = True
            state.reset()
        first = stripped[:1]
        if not stripped or (first == "|" and _BARS.match(stripped)) or (first == "#" and _HEADING.fullmatch(stripped)):
            if not stripped:
                out.append(Piece(""))
            hard = True
            state.reset()
            continue
        heading = first == "#" and bool(_HEADING.match(stripped))
        for k, part in enumerate(_BREAK_TAG.split(stripped) if "<" in stripped else (stripped,)):
            piece, opened, closed = _line_piece(part, state, pending_open)
            if piece is None:
                pending_open = pending_open or opened
                if closed and out:
                    out[-1].closes, out[-1].open_end = True, False
                continue
            piece.hard = hard or k > 0 or heading
            piece.fixed = heading
            out.append(piece)
            hard = pending_open = False
    if table:
        out.extend(_table_pieces(table))
    return out
