"""PDF: text in reading order, with the two-column header and signature tables rebuilt.

pypdfium2 gives each run of text on a line with its box (3 ms a page measured; pdfplumber's
word boxes cost 150-190 ms a page for the same result), which is all the layout needs:
lines are the boxes that share a height, a line cut by a wide gap is two columns, and a
run of such lines is put back as the left column, then the right one. Lines wrapped
inside a paragraph are joined (a full line followed by one that starts no new item or
paragraph); page numbers and running headers and footers are dropped. A page without a
text layer goes to OCR, or is named in a warning when OCR is not installed.
"""

from __future__ import annotations

import itertools
import re
import statistics
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractors.vocab import is_caps_line
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
    """The page's text runs grouped into lines, top to bottom, each cut at its column gaps."""
    textpage = page.get_textpage()
    height = page.get_height()
    try:
        boxes = [
            (height - top, height - bottom, left, right, text) for left, bottom, right, top, text in _runs(textpage)
        ]
    finally:
        textpage.close()
    return _lines_of(boxes)


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


def _runs(textpage: pdfium.PdfTextPage) -> list[tuple[float, float, float, float, str]]:
    """The page's text as pdfium reads it (its own order, its own spaces and line ends: no character
    lost or doubled where two runs of the content meet), cut into runs with their boxes: a run ends
    at a line end, where the next character stands on another line, and at a gap wider than a
    word space (runs closer than a column gutter are joined again, in their order on the line).
    Boxes are the font's (loose): a line's height does not depend on its accents."""
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count > 0 else ""
    runs: list[tuple[float, float, float, float, str]] = []
    chars: list[str] = []
    left = bottom = right = top = 0.0

    def flush() -> None:
        word = "".join(chars).strip()
        if word:
            runs.append((left, bottom, right, top, " ".join(word.split())))
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
        if chars and (x0 - right > _WORD_GAP or x1 < left - _COLUMN_GAP or not bottom <= middle <= top):
            flush()
        if not chars:
            left, bottom, right, top = x0, y0, x1, y1
        else:
            left, bottom, right, top = min(left, x0), min(bottom, y0), max(right, x1), max(top, y1)
        chars.append(char)
    flush()
    return runs


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
            if not (
                in_band(line) and (_PAGE_NUMBER.match(line.text) or repeated[_DIGITS.sub("#", line.text)] >= threshold)
            )
        ]


def _join_pages(pages: list[list[_Line]]) -> str:
    """All pages as text, a blank line between paragraphs: columns rebuilt, paragraphs joined,
    also across a page break."""
    out: list[str] = []
    previous_full = False
    for page in pages:
        page_lines, first_continues, last_full = _page_text(page)
        if out and previous_full and first_continues and page_lines:
            out[-1] = f"{out[-1]} {page_lines.pop(0)}"
        out += ["", *page_lines]
        previous_full = last_full
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
    pitches = [b.top - a.top for a, b in itertools.pairwise(lines) if b.top > a.top]
    pitch = statistics.median(pitches) if pitches else 0.0
    spaced = any(step > _PARAGRAPH_GAP * pitch for step in pitches)
    first = lines[0]
    first_continues = len(first.segments) == 1 and first.x0 <= left_edge + _INDENT and not _NEW_ITEM.match(first.text)

    def centred(line: _Line) -> bool:
        return line.x0 > left_edge + _INDENT and abs((line.x0 - left_edge) - (right_edge - line.x1)) <= _CENTRE_SLACK

    out: list[str] = []
    joinable = False
    previous: _Line | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
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
        if line.top - last_bottom > _ZONE_GAP * max(line.height, 1.0):
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
