"""OCR of a page image with tesseract's Vietnamese model, when tesseract is installed.

Words come with their boxes, so that a scanned page is laid out as a text layer is: the
header's two columns and the signature beside Nơi nhận are rebuilt column by column.

The page is read in its red channel: the seal's red ink, stamped over the signer's name and
the signature, turns white there, while the black print and a blue signature stay dark
(a Ministry's letter whose seal covers "Thượng tướng Nguyễn Văn Long" loses the name in grey
and keeps it in red). Digits tesseract reads with almost no confidence are a handwritten number
or day it could not make out ("51" read as "9"): they are left blank, as a draft leaves them,
so that no number is guessed.

Measured: no error on a clean 300 dpi page, about 7% of characters wrong on a poor scan,
5 s a page with OMP_THREAD_LIMIT=1 (twice that without: its threads fight each other).
"""

from __future__ import annotations

import functools
import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass

from PIL import Image

DPI = 300
_SECONDS_PER_PAGE = 60
_TSV_COLUMNS = 12
# Confidence (0-100) under which a word of digits is not a reading but a guess.
_ILLEGIBLE = 25.0
_DIGITS = re.compile(r"^\W*\d[\d.,]*\W*$")
# A line read with less confidence than this on average is a seal's or a signature's strokes;
# a word under _MARK with fewer than two letters or digits, not a digit, is one stroke ("l", "ˆ", "+“").
_MARKS_LINE = 30.0
_MARK = 20.0
_ALNUM = re.compile(r"[^\W_]")
# What a draft prints where the number or the day is to be filled in.
BLANK = "…"


@functools.cache
def ocr_available() -> bool:
    """Whether tesseract and its Vietnamese data are installed (Debian: tesseract-ocr, tesseract-ocr-vie)."""
    binary = shutil.which("tesseract")
    if binary is None:
        return False
    try:
        langs = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return "vie" in langs.split()


@dataclass(frozen=True, slots=True)
class OcrWord:
    """A word tesseract read, with its box in pixels; ``top`` and ``bottom`` are its line's, so
    that the words of one printed line share one height whatever their accents."""

    left: int
    top: int
    right: int
    bottom: int
    text: str


def ink(image: Image.Image) -> bytes:
    """The page image as tesseract should read it: its red channel, as PNG."""
    buffer = io.BytesIO()
    image.convert("RGB").getchannel("R").save(buffer, format="PNG")
    return buffer.getvalue()


def ocr_words(png: bytes) -> list[OcrWord]:
    """The words of one page image with their boxes (tesseract's TSV), digits read without
    confidence left blank; raises ``OSError`` or ``subprocess.SubprocessError`` when tesseract fails."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    result = subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", "vie", "--dpi", str(DPI), "tsv"],
        input=png,
        capture_output=True,
        timeout=_SECONDS_PER_PAGE,
        env=env,
        check=True,
    )
    return read_tsv(result.stdout.decode("utf-8", errors="replace"))


def read_tsv(tsv: str) -> list[OcrWord]:
    """The words of a TSV, without the marks a seal or a signature leaves: lines read with no
    confidence at all, and signs or lone letters read with little."""
    boxes: dict[tuple[str, ...], tuple[int, int]] = {}
    by_line: dict[tuple[str, ...], list[tuple[OcrWord, float, bool]]] = {}
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < _TSV_COLUMNS:
            continue
        level, key = cells[0], tuple(cells[1:5])
        left, top, width, height = (int(c) for c in cells[6:10])
        if level == "4":
            boxes[key] = (top, top + height)
        elif level == "5" and (text := cells[11].strip()):
            line_top, line_bottom = boxes.get(key, (top, top + height))
            confidence = float(cells[10] or 0)
            word = OcrWord(left, line_top, left + width, line_bottom, _legible(text, confidence))
            mark = confidence < _MARK and len(_ALNUM.findall(text)) < 2 and not _DIGITS.match(text)
            by_line.setdefault(key, []).append((word, confidence, mark))
    words: list[OcrWord] = []
    for line in by_line.values():
        if sum(confidence for _, confidence, _ in line) / len(line) >= _MARKS_LINE:
            words += [word for word, _, mark in line if not mark]
    return words


def _legible(word: str, confidence: float) -> str:
    """The word as read, or a blank for digits read with almost no confidence."""
    if _DIGITS.match(word) and confidence < _ILLEGIBLE:
        return BLANK
    return word
