"""PDF: text in reading order, with the two-column header and signature tables rebuilt.

pypdfium2 gives each run of text on a line with its box (3 ms a page measured; pdfplumber's
word boxes cost 150-190 ms a page for the same result), which is all the layout needs:
lines are the boxes that share a height, a line cut by a wide gap is two columns, and a
run of such lines is put back as the left column, then the right one. Lines wrapped
inside a paragraph are joined (a full line followed by one that starts no new item or
paragraph); page numbers and running headers and footers are dropped. A page without a
text layer goes to OCR, or is named in a warning when OCR is not installed.

A ruled table of three columns or more (its cells bordered by drawn lines, as Word and
LibreOffice export a table) is read as rows, in the front door's form of a table: its grid
comes from the page's horizontal and vertical lines (a border where one cell ends, none where a
cell is merged across or down), and each character goes to the cell it stands in, so a cell's
wrapped lines are one cell. Finding the grid costs 0.1-0.6 ms on a page without a table and
0.4-3 ms on a page with one (measured); pdfplumber's ``find_tables``, made for the same tables,
took 24-230 ms a page on the same pages, read the text a second time through pdfminer and leaves
merged cells empty, so it is not used.
"""

from __future__ import annotations

import bisect
import ctypes
import itertools
import re
import statistics
import subprocess
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractors.vocab import is_caps_line
from flows.ingest.docx import LAYOUT_CELL
from flows.ingest.limits import Limits
from flows.ingest.loaded import IngestError
from flows.ingest.ocr import DPI, ink, ocr_available, ocr_words

_COLUMN_GAP = 30.0  # points: wider than any justified word space, narrower than a column gutter
# points: a run ends at a gap wider than a word space, so that text drawn into the gap by another
# object (a signature widget's "07" in "ngày    tháng") takes its place when the line is put together
_WORD_GAP = 6.0
_MARGIN_SHARE = 0.08  # top and bottom bands where running headers, footers and page numbers live
_FULL_LINE_SLACK = 0.06  # a line ending this close to the right edge (share of text width) is full
_INDENT = 8.0  # points: a first-line indent starts a paragraph
_PARAGRAPH_GAP = 1.2  # a line further below than this many line pitches starts a paragraph
_CENTRE_SLACK = 6.0  # points: how far a centred line's margins may differ
_WIDE_TITLE = 0.6  # a centred line this wide (share of text width) was wrapped: the next centred line goes on
_ZONE_GAP = 6.0  # line heights: how far below the last column line a column block may go on
# A page with fewer letters than this over an image is a scan with a stamp's words on it.
_THIN_LAYER = 200
# Latin letters and signs a Vietnamese text never holds: a text layer with more than a few in a
# hundred letters maps its glyphs to the wrong characters.
_NOT_VIETNAMESE = frozenset("ÄÅÆÇËÎÏÐÑÖØÛÜÞßäåæçëîïðñöøûüþÿ¡¢£¤¥¦§¨©ª«¬®¯°±²³µ¶·¸¹º»¼½¾¿×÷")
_BROKEN_SHARE = 0.02
_PAGE_NUMBER = re.compile(r"^\W*(?:trang\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?\W*$", re.I)
_NEW_ITEM = re.compile(r"^(?:[-+•*–]\s|\d+(?:\.\d+)*[.)]\s|[a-zđ][.)]\s|[IVXLC]+[.)]\s|Điều \d|Chương [IVXLC\d])")
_DIGITS = re.compile(r"\d+")
_SENTENCE_END = re.compile(r"[.;:!?]\W*$")
_RULE_WIDTH = 2.5  # points: a path this thin is a drawn line (a cell's border), whatever paints it
_RULE_SLACK = 2.0  # points: borders this close are one (two cells draw their shared border twice)
_MAX_RULE_SEGMENTS = 64  # a stroked path with more segments is a drawing, not a table's borders
_MAX_CROSSINGS = 100_000  # pairs of rulings past which a page is a drawing (a chart, a map): no table is looked for
_MIN_COLUMNS = 3  # a ruled table of two columns lays out a header or a signature


class PdfText(NamedTuple):
    """A PDF's text in reading order, what went wrong, its digital signatures (a signing
    service's) and how many of its pages were read by OCR."""

    text: str
    warnings: list[str]
    signatures: int
    ocr_pages: int


@dataclass
class _Line:
    """One printed line of a page, split into segments where a column gap cuts it."""

    top: float
    bottom: float
    segments: list[tuple[float, float, str]] = field(default_factory=list)
    row: bool = False  # a row of a data table, its cells between " | ": a line of its own, never joined

    @property
    def x0(self) -> float:
        return self.segments[0][0]

    @property
    def x1(self) -> float:
        return self.segments[-1][1]

    @property
    def text(self) -> str:
        return " ".join(segment[2] for segment in self.segments)

    @property
    def height(self) -> float:
        return self.bottom - self.top


def read_pdf(data: bytes, limits: Limits) -> PdfText:
    """The text of a PDF in reading order, with the warnings (pages without text, OCR)."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        reason = str(err).lower()
        if "password" in reason:
            raise IngestError("encrypted PDF (password required)") from err
        raise IngestError(f"broken PDF ({err})") from err
    try:
        if len(document) == 0:
            raise IngestError("PDF without pages")
        if len(document) > limits.max_pdf_pages:
            raise IngestError(f"PDF has {len(document)} pages; the limit is {limits.max_pdf_pages}")
        # Counted before the pages are flattened: flattening draws the signature fields away.
        signatures = max(0, pdfium_c.FPDF_GetSignatureCount(document.raw))
        pages, warnings, ocr_pages = _read_pages(document, limits)
    finally:
        document.close()
    _drop_running_lines(pages)
    text = _join_pages(pages)
    if not text.strip():
        raise IngestError("PDF without text: " + "; ".join(warnings) if warnings else "PDF without text")
    return PdfText(text, warnings, signatures, ocr_pages)


def _read_pages(document: pdfium.PdfDocument, limits: Limits) -> tuple[list[list[_Line]], list[str], int]:
    """Each page as lines, from its text layer or from OCR; warnings for pages with neither; how
    many pages OCR read."""
    pages: list[list[_Line]] = []
    warnings: list[str] = []
    ocr_done = ocr_read = 0
    document.init_forms()
    for number in range(len(document)):
        page = _flattened(document, number)
        try:
            lines = _page_lines(page)
            why = _unreadable(page, lines)
            if why is None:
                pages.append(lines)
                continue
            if not ocr_available():
                warnings.append(f"page {number + 1} {why} and OCR is not installed (tesseract-ocr-vie)")
            elif ocr_done >= limits.max_ocr_pages:
                warnings.append(f"page {number + 1} {why}; not OCRed (limit of {limits.max_ocr_pages} pages)")
            else:
                ocr_done += 1
                read = _ocr_page(page)
                if read:
                    pages.append(read)
                    ocr_read += 1
                    warnings.append(f"page {number + 1} {why}: text from OCR")
                else:
                    warnings.append(f"page {number + 1} {why} and OCR found no text")
            if lines and len(pages) <= number:
                pages.append(lines)
        finally:
            page.close()
    return pages, warnings, ocr_read


def _unreadable(page: pdfium.PdfPage, lines: list[_Line]) -> str | None:
    """Why a page's text layer cannot be trusted (None: it can): none at all; a few words over a
    scanned image (a signing stamp laid on a scan); or glyphs mapped to the wrong letters (a phone
    scanner's broken font: "CØNG HOÀ XÃ HØI CHæ NGH(A VIÆT NAM")."""
    if not lines:
        return "has no text layer"
    text = "".join(segment[2] for line in lines for segment in line.segments)
    letters = [c for c in text if c.isalpha()]
    if len(letters) < _THIN_LAYER and _has_image(page):
        return f"has only {len(letters)} letters of text over a scanned image"
    foreign = sum(1 for c in letters if c in _NOT_VIETNAMESE)
    if letters and foreign > _BROKEN_SHARE * len(letters):
        return f"has a broken text layer ({foreign} of {len(letters)} letters no Vietnamese text uses)"
    return None


def _has_image(page: pdfium.PdfPage) -> bool:
    return next(iter(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=1)), None) is not None


def _flattened(document: pdfium.PdfDocument, number: int) -> pdfium.PdfPage:
    """The page with its annotations and form fields drawn into its content: a signing service
    draws the number and the date of a signed document in the appearance of a signature widget,
    which a text layer read alone would miss. Pages without annotations are taken as they are."""
    page = document[number]
    if pdfium_c.FPDFPage_GetAnnotCount(page.raw) <= 0:
        return page
    page.flatten()
    page.close()
    return document[number]


def _ocr_page(page: pdfium.PdfPage) -> list[_Line]:
    """The page read by OCR, laid out from the words' boxes as a text layer is."""
    bitmap = page.render(scale=DPI / 72)
    try:
        words = ocr_words(ink(bitmap.to_pil()))
    except (OSError, subprocess.SubprocessError):
        return []
    points = 72 / DPI
    return _lines_of([(w.top * points, w.bottom * points, w.left * points, w.right * points, w.text) for w in words])


def _page_lines(page: pdfium.PdfPage) -> list[_Line]:
    """The page's text runs grouped into lines, top to bottom, each cut at its column gaps; a ruled
    data table's rows are lines of their own, in the front door's form of a table."""
    height = page.get_height()
    tables = _tables(page, height)
    textpage = page.get_textpage()
    try:
        runs = _runs(textpage, _locator(tables, height) if tables else None)
        in_cells: dict[tuple[int, int], list[tuple[float, float, float, float, str]]] = {}
        for left, bottom, right, top, text, cell in runs:
            if cell is not None:
                in_cells.setdefault(cell, []).append((height - top, height - bottom, left, right, text))
        found = [
            _table_rows(table, [in_cells.get((t, c), []) for c in range(len(table.starts))])
            for t, table in enumerate(tables)
        ]
        if not all(found):
            # A bordered header or signature is read as text, as if it had no borders: its runs are
            # read again, not cut where its cells meet.
            tables = [table for table, rows in zip(tables, found, strict=True) if rows]
            runs = _runs(textpage, _locator(tables, height) if tables else None)
    finally:
        textpage.close()
    lines = _lines_of(
        [
            (height - top, height - bottom, left, right, text)
            for left, bottom, right, top, text, cell in runs
            if cell is None
        ]
    )
    rows = [row for table_rows in found for row in table_rows]
    return sorted(lines + rows, key=lambda line: line.top) if rows else lines


def _table_rows(table: _Table, cells: list[list[tuple[float, float, float, float, str]]]) -> list[_Line]:
    """The rows of a ruled data table as lines, given the runs in each of its cells (top, bottom,
    left, right, text); none for a table that lays out a header or a signature, or holds no text."""
    texts = [_lines_of(boxes) for boxes in cells]
    found = table.rows(["\n".join(line.text for line in lines) for lines in texts])
    if not found or any(LAYOUT_CELL.search(cell) for _, row in found for cell in row):
        return []
    # A row spans the table's text, as the lines of its cells did: the page's edges count it.
    placed = [segment for lines in texts for line in lines for segment in line.segments]
    x0, x1 = min(segment[0] for segment in placed), max(segment[1] for segment in placed)
    return [
        _Line(top, bottom, [(x0, x1, " | ".join(" ".join(cell.replace("|", "/").split()) for cell in row))], row=True)
        for (top, bottom), row in found
    ]


def _lines_of(boxes: list[tuple[float, float, float, float, str]]) -> list[_Line]:
    """Runs (top, bottom, left, right, text; points from the page's top) grouped into lines, top to
    bottom, each line cut at its column gaps."""
    boxes.sort()
    lines: list[_Line] = []
    for top, bottom, left, right, text in boxes:
        line = lines[-1] if lines else None
        middle = (top + bottom) / 2
        if line is not None and line.top <= middle <= line.bottom:
            line.top, line.bottom = min(line.top, top), max(line.bottom, bottom)
            line.segments.append((left, right, text))
        else:
            lines.append(_Line(top, bottom, [(left, right, text)]))
    for line in lines:
        line.segments = _merge_segments(sorted(line.segments))
    return lines


def _runs(
    textpage: pdfium.PdfTextPage, locate: Callable[[float, float], tuple[int, int] | None] | None = None
) -> list[tuple[float, float, float, float, str, tuple[int, int] | None]]:
    """The page's text as pdfium reads it (its own order, its own spaces and line ends: no character
    lost or doubled where two runs of the content meet), cut into runs with their boxes: a run ends
    at a line end, where the next character stands on another line, and at a gap wider than a
    word space (runs closer than a column gutter are joined again, in their order on the line).
    Boxes are the font's (loose): a line's height does not depend on its accents. ``locate`` names
    the table cell a point lies in: a run also ends at a cell's border, and carries its cell."""
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count > 0 else ""
    runs: list[tuple[float, float, float, float, str, tuple[int, int] | None]] = []
    chars: list[str] = []
    left = bottom = right = top = 0.0
    cell: tuple[int, int] | None = None

    def flush() -> None:
        word = "".join(chars).strip()
        if word:
            runs.append((left, bottom, right, top, " ".join(word.split()), cell))
        chars.clear()

    for index in range(count):
        char = text[index] if len(text) == count else textpage.get_text_range(index, 1)
        if char in "\r\n":
            flush()
            continue
        if char.isspace() or not char:
            if chars:
                chars.append(" ")
            continue
        x0, y0, x1, y1 = textpage.get_charbox(index, loose=True)
        middle = (y0 + y1) / 2
        here = locate((x0 + x1) / 2, middle) if locate else None
        if chars and (x0 - right > _WORD_GAP or x1 < left - _COLUMN_GAP or not bottom <= middle <= top or here != cell):
            flush()
        if not chars:
            left, bottom, right, top, cell = x0, y0, x1, y1, here
        else:
            left, bottom, right, top = min(left, x0), min(bottom, y0), max(right, x1), max(top, y1)
        chars.append(char)
    flush()
    return runs


@dataclass(frozen=True, slots=True)
class _Rule:
    """A drawn line, horizontal or vertical: where it stands across (y or x) and its extent along,
    in points from the page's top left."""

    at: float
    start: float
    end: float


@dataclass
class _Table:
    """A ruled table: the x of its column borders, the y of its row borders, the grid column each
    of its cells starts at (a cell merged over several grid columns or rows is one) and which cell
    owns each place of the grid."""

    xs: list[float]
    ys: list[float]
    starts: list[int]
    owner: list[list[int]]

    def locate(self, x: float, y: float) -> int | None:
        """The cell at (x, y), points from the page's top left; None outside the table."""
        i, j = bisect.bisect(self.ys, y) - 1, bisect.bisect(self.xs, x) - 1
        if 0 <= i < len(self.ys) - 1 and 0 <= j < len(self.xs) - 1:
            return self.owner[i][j]
        return None

    def rows(self, texts: list[str]) -> list[tuple[tuple[float, float], list[str]]]:
        """The rows that hold text (their top and bottom, their cells), given each cell's text: a
        cell spread over several columns is followed by empty ones, and a cell merged down gives
        its text to every row it covers (a shared time or partner is each row's)."""
        out: list[tuple[tuple[float, float], list[str]]] = []
        for i, owners in enumerate(self.owner):
            row = [texts[c] if self.starts[c] == j else "" for j, c in enumerate(owners)]
            if any(cell.strip() for cell in row):
                out.append(((self.ys[i], self.ys[i + 1]), row))
        return out


def _locator(tables: list[_Table], height: float) -> Callable[[float, float], tuple[int, int] | None]:
    """Where a point of the page (PDF coordinates, from the bottom) lies: (table, cell) or None."""

    def locate(x: float, y: float) -> tuple[int, int] | None:
        for t, table in enumerate(tables):
            cell = table.locate(x, height - y)
            if cell is not None:
                return t, cell
        return None

    return locate


def _tables(page: pdfium.PdfPage, height: float) -> list[_Table]:
    """The ruled tables of a page (cells bordered by drawn lines, as Word and LibreOffice export
    tables) of three columns or more; a page that draws no lines costs one pass over its objects."""
    horizontal, vertical = _rulings(page, height)
    if len(horizontal) < 2 or len(vertical) < _MIN_COLUMNS + 1:
        return []
    horizontal, vertical = _joined(horizontal), _joined(vertical)
    if len(horizontal) * len(vertical) > _MAX_CROSSINGS:
        return []
    tables: list[_Table] = []
    for hs, vs in _connected(horizontal, vertical):
        table = _grid(hs, vs)
        if table is not None:
            tables.append(table)
    return tables


def _rulings(page: pdfium.PdfPage, height: float) -> tuple[list[_Rule], list[_Rule]]:
    """The horizontal and vertical lines a page draws: thin paths (a stroked line, a filled thin
    rectangle as Word draws a border) and the straight sides of stroked paths (a cell's rectangle)."""
    horizontal: list[_Rule] = []
    vertical: list[_Rule] = []
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    for index in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, index)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
        width, tall = right.value - left.value, top.value - bottom.value
        if width <= _RULE_WIDTH and tall <= _RULE_WIDTH:
            continue
        if tall <= _RULE_WIDTH:
            horizontal.append(_Rule(height - (top.value + bottom.value) / 2, left.value, right.value))
        elif width <= _RULE_WIDTH:
            vertical.append(_Rule((left.value + right.value) / 2, height - top.value, height - bottom.value))
        elif pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke) and stroke.value:
            _sides(obj, height, horizontal, vertical)
    return horizontal, vertical


def _sides(obj: pdfium_c.FPDF_PAGEOBJECT, height: float, horizontal: list[_Rule], vertical: list[_Rule]) -> None:
    """The straight horizontal and vertical sides of a stroked path, in page coordinates."""
    count = pdfium_c.FPDFPath_CountSegments(obj)
    if count > _MAX_RULE_SEGMENTS:
        return
    matrix = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(obj, matrix)
    x, y = ctypes.c_float(), ctypes.c_float()
    start = previous = None
    for index in range(count):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        point = (
            matrix.a * x.value + matrix.c * y.value + matrix.e,
            height - (matrix.b * x.value + matrix.d * y.value + matrix.f),
        )
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = point
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO and previous is not None:
            _side(previous, point, horizontal, vertical)
        previous = point
        if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
            _side(point, start, horizontal, vertical)
            previous = start


def _side(a: tuple[float, float], b: tuple[float, float], horizontal: list[_Rule], vertical: list[_Rule]) -> None:
    """The line from ``a`` to ``b`` as a ruling, when it is horizontal or vertical and not a dot."""
    (x0, y0), (x1, y1) = a, b
    if abs(y1 - y0) <= _RULE_SLACK / 4 and abs(x1 - x0) > _RULE_WIDTH:
        horizontal.append(_Rule((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
    elif abs(x1 - x0) <= _RULE_SLACK / 4 and abs(y1 - y0) > _RULE_WIDTH:
        vertical.append(_Rule((x0 + x1) / 2, min(y0, y1), max(y0, y1)))


def _joined(rules: list[_Rule]) -> list[_Rule]:
    """Rulings on one line that touch or overlap joined into one: the borders of a row of cells
    are a line across the table."""
    out: list[_Rule] = []
    rules = sorted(rules, key=lambda r: r.at)
    first = 0
    for k in range(1, len(rules) + 1):
        if k < len(rules) and rules[k].at - rules[first].at <= _RULE_SLACK:
            continue
        at = statistics.fmean(r.at for r in rules[first:k])
        line: list[_Rule] = []
        for rule in sorted(rules[first:k], key=lambda r: r.start):
            if line and rule.start <= line[-1].end + _RULE_SLACK:
                line[-1] = _Rule(at, line[-1].start, max(line[-1].end, rule.end))
            else:
                line.append(_Rule(at, rule.start, rule.end))
        out += line
        first = k
    return out


def _connected(horizontal: list[_Rule], vertical: list[_Rule]) -> list[tuple[list[_Rule], list[_Rule]]]:
    """The rulings grouped by crossing: each group that crosses is one table's borders."""
    parent = list(range(len(horizontal) + len(vertical)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i, h in enumerate(horizontal):
        for j, v in enumerate(vertical):
            if _crosses(h, v):
                parent[root(i)] = root(len(horizontal) + j)
    groups: dict[int, tuple[list[_Rule], list[_Rule]]] = {}
    for i, h in enumerate(horizontal):
        groups.setdefault(root(i), ([], []))[0].append(h)
    for j, v in enumerate(vertical):
        groups.setdefault(root(len(horizontal) + j), ([], []))[1].append(v)
    return list(groups.values())


def _crosses(h: _Rule, v: _Rule) -> bool:
    return v.start - _RULE_SLACK <= h.at <= v.end + _RULE_SLACK and h.start - _RULE_SLACK <= v.at <= h.end + _RULE_SLACK


def _grid(horizontal: list[_Rule], vertical: list[_Rule]) -> _Table | None:
    """The table one group of crossing rulings draws: its grid of rows and columns, and its cells,
    a cell running on where no border closes it (merged across, or down); None under three columns."""
    xs, ys = _positions(vertical), _positions(horizontal)
    if len(xs) < _MIN_COLUMNS + 1 or len(ys) < 2:
        return None
    rows, columns = len(ys) - 1, len(xs) - 1
    across, down = _by_place(vertical, xs), _by_place(horizontal, ys)

    def open_right(i: int, j: int) -> bool:
        middle = (ys[i] + ys[i + 1]) / 2
        return not any(r.start - _RULE_SLACK <= middle <= r.end + _RULE_SLACK for r in across[j + 1])

    def open_below(i: int, j: int) -> bool:
        middle = (xs[j] + xs[j + 1]) / 2
        return not any(r.start - _RULE_SLACK <= middle <= r.end + _RULE_SLACK for r in down[i + 1])

    owner = [[-1] * columns for _ in range(rows)]
    starts: list[int] = []
    for i in range(rows):
        for j in range(columns):
            if owner[i][j] >= 0:
                continue
            width = 1
            while j + width < columns and owner[i][j + width] < 0 and open_right(i, j + width - 1):
                width += 1
            height = 1
            while i + height < rows and all(open_below(i + height - 1, j + k) for k in range(width)):
                height += 1
            for di in range(height):
                for dj in range(width):
                    if owner[i + di][j + dj] < 0:
                        owner[i + di][j + dj] = len(starts)
            starts.append(j)
    return _Table(xs, ys, starts, owner)


def _by_place(rules: list[_Rule], places: list[float]) -> list[list[_Rule]]:
    """The rulings standing at each place of ``places`` (where ``_positions`` put them)."""
    out: list[list[_Rule]] = [[] for _ in places]
    for rule in rules:
        out[bisect.bisect_right(places, rule.at) - 1].append(rule)
    return out


def _positions(rules: list[_Rule]) -> list[float]:
    """The distinct places where rulings stand, top to bottom or left to right."""
    out: list[float] = []
    for at in sorted(rule.at for rule in rules):
        if not out or at - out[-1] > _RULE_SLACK:
            out.append(at)
    return out


def _merge_segments(segments: list[tuple[float, float, str]]) -> list[tuple[float, float, str]]:
    """Runs closer than a column gap belong to one segment (a bold word inside a sentence)."""
    merged = [segments[0]]
    for left, right, text in segments[1:]:
        last_left, last_right, last_text = merged[-1]
        if left - last_right < _COLUMN_GAP:
            merged[-1] = (last_left, max(last_right, right), f"{last_text} {text}")
        else:
            merged.append((left, right, text))
    return merged


def _drop_running_lines(pages: list[list[_Line]]) -> None:
    """Drop page numbers and the lines repeated at the top or bottom of most pages."""
    laid_out = [page for page in pages if page]
    if not laid_out:
        return
    page_height = max(line.bottom for page in laid_out for line in page)
    band = _MARGIN_SHARE * page_height

    def in_band(line: _Line) -> bool:
        return line.top < band or line.bottom > page_height - band

    repeated = Counter(
        _DIGITS.sub("#", line.text) for page in laid_out for line in {id(x): x for x in page[:2] + page[-2:]}.values()
    )
    threshold = max(2, len(laid_out) // 2 + 1)
    for page in laid_out:
        page[:] = [
            line
            for line in page
            if line.row
            or not (
                in_band(line) and (_PAGE_NUMBER.match(line.text) or repeated[_DIGITS.sub("#", line.text)] >= threshold)
            )
        ]


def _join_pages(pages: list[list[_Line]]) -> str:
    """All pages as text, a blank line between paragraphs: columns rebuilt, paragraphs joined,
    also across a page break, and so are the rows of a table."""
    out: list[str] = []
    previous_full = in_table = False
    for page in pages:
        page_lines, first_continues, last_full = _page_text(page)
        if out and previous_full and first_continues and page_lines:
            out[-1] = f"{out[-1]} {page_lines.pop(0)}"
        # A table that goes on over the page break stays one run of rows (its header repeated in it).
        out += page_lines if in_table and page and page[0].row else ["", *page_lines]
        previous_full, in_table = last_full, bool(page) and page[-1].row
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n") + "\n"


def _page_text(lines: list[_Line]) -> tuple[list[str], bool, bool]:
    """One page's paragraphs in reading order, blank lines between them; whether its first line may
    continue the page before, and whether its last line runs to the right edge (so the next page's
    first may continue it).

    A paragraph starts after a line that does not run to the right edge, at an indented line, after
    a vertical gap, where capitals give way to mixed case or back (a heading, the quốc hiệu) and,
    on a page that sets no gaps between paragraphs, at an item or a capital after a sentence's end.
    A centred line (a title) goes on with the next centred line when it is wide.
    """
    if not lines:
        return [], False, False
    body = _outside_columns(lines) or lines
    single = [line for line in body if len(line.segments) == 1]
    left_edge = min(line.x0 for line in body)
    right_edge = max((line.x1 for line in single), default=max(line.x1 for line in body))
    width = right_edge - left_edge
    slack = _FULL_LINE_SLACK * width
    pitches = [b.top - a.top for a, b in itertools.pairwise(lines) if b.top > a.top and not (a.row or b.row)]
    pitch = statistics.median(pitches) if pitches else 0.0
    spaced = any(step > _PARAGRAPH_GAP * pitch for step in pitches)
    first = lines[0]
    first_continues = (
        not first.row
        and len(first.segments) == 1
        and first.x0 <= left_edge + _INDENT
        and not _NEW_ITEM.match(first.text)
    )

    def centred(line: _Line) -> bool:
        return line.x0 > left_edge + _INDENT and abs((line.x0 - left_edge) - (right_edge - line.x1)) <= _CENTRE_SLACK

    out: list[str] = []
    joinable = False
    previous: _Line | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.row:  # a table's rows stand one after another, a blank line before the first
            out += [line.text] if i and lines[i - 1].row else ["", line.text]
            i, joinable, previous = i + 1, False, None
            continue
        if len(line.segments) == 2:
            end, left, right = _column_block(lines, i)
            out += ["", *left, "", *right, ""]
            i, joinable, previous = end, False, None
            continue
        if len(line.segments) > 2:
            out += ["", *(segment[2] for segment in line.segments), ""]
            i, joinable, previous = i + 1, False, None
            continue
        text = line.text
        gap = previous is not None and pitch and line.top - previous.top > _PARAGRAPH_GAP * pitch
        if previous is not None and not gap and centred(previous) and centred(line) and joinable:
            out[-1] = f"{out[-1]} {text}"
        elif (
            not joinable
            or previous is None
            or gap
            or line.x0 > left_edge + _INDENT
            or (not spaced and _SENTENCE_END.search(out[-1]) and (_NEW_ITEM.match(text) or text[:1].isupper()))
            or is_caps_line(out[-1]) != is_caps_line(text)
        ):
            out += ["", text]
        else:
            out[-1] = f"{out[-1]} {text}"
        if centred(line):
            joinable = line.x1 - line.x0 >= _WIDE_TITLE * width and not _SENTENCE_END.search(text)
        else:
            joinable = line.x1 >= right_edge - slack
        previous = line
        i += 1
    while out and not out[0]:
        out.pop(0)
    while out and not out[-1]:
        out.pop()
    return out, first_continues, joinable and not centred(lines[-1])


def _outside_columns(lines: list[_Line]) -> list[_Line]:
    """The lines outside the two-column blocks: the body's edges are theirs, not those of a header or
    signature table set wider than the text (a Word table reaching into the margin)."""
    out: list[_Line] = []
    i = 0
    while i < len(lines):
        if len(lines[i].segments) == 2:
            i = _column_block(lines, i)[0]
        else:
            out.append(lines[i])
            i += 1
    return out


def _column_block(lines: list[_Line], start: int) -> tuple[int, list[str], list[str]]:
    """The two-column block that starts at ``lines[start]``: where it ends, its left and right columns.

    The gutter starts as the first line's gap and narrows to what every line of the block
    leaves free; the block goes on over lines cut in two and lines wholly on one side, and
    ends at a line that crosses the gutter, at a line cut in three, or after a vertical gap
    of more than a few lines.
    """
    first = lines[start]
    low, high = first.segments[0][1], first.segments[1][0]
    left: list[str] = []
    right: list[str] = []
    i = start
    last_bottom = first.top
    while i < len(lines):
        line = lines[i]
        if line.row or line.top - last_bottom > _ZONE_GAP * max(line.height, 1.0):
            break
        if len(line.segments) == 2 and max(low, line.segments[0][1]) < min(high, line.segments[1][0]):
            low, high = max(low, line.segments[0][1]), min(high, line.segments[1][0])
            left.append(line.segments[0][2])
            right.append(line.segments[1][2])
        elif len(line.segments) == 1 and line.x1 < high:
            low = max(low, line.x1)
            left.append(line.text)
        elif len(line.segments) == 1 and line.x0 > low:
            high = min(high, line.x0)
            right.append(line.text)
        else:
            break
        last_bottom = line.bottom
        i += 1
    return i, left, right
