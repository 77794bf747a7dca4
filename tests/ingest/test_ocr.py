"""A scanned page (no text layer) is read by tesseract with its Vietnamese data.

CI installs tesseract (Debian: tesseract-ocr, tesseract-ocr-vie, fonts-dejavu-core): without it
this test fails and says so, it is never skipped.
"""

from __future__ import annotations

import difflib
import io
from pathlib import Path

import pytest
from conftest import SEEDS
from ingest_forms import font_path
from PIL import Image, ImageDraw, ImageFont

from extractors.text.normalize import normalize_text
from flows.ingest import load
from flows.ingest.ocr import DPI, ink, ocr_available, read_tsv


def _seed_lines() -> list[str]:
    """The first lines of a seed that fit on a printed line, dashes left out."""
    text = normalize_text(SEEDS[1].read_text(encoding="utf-8"))
    return [line.strip() for line in text.split("\n") if 0 < len(line.strip()) <= 75 and "---" not in line][:10]


def _scan(lines: list[str], path: Path) -> Path:
    """One page image at 300 dpi, 12 pt DejaVu Serif, saved as a PDF without a text layer."""
    font = ImageFont.truetype(str(font_path()), size=round(12 * DPI / 72))
    width, margin, pitch = round(8.27 * DPI), round(0.8 * DPI), round(20 * DPI / 72)
    page = Image.new("L", (width, 2 * margin + pitch * len(lines)), 255)
    draw = ImageDraw.Draw(page)
    for i, line in enumerate(lines):
        draw.text((margin, margin + i * pitch), line, font=font, fill=0)
    page.save(path, "PDF", resolution=DPI)
    return path


def test_scanned_page_is_read_by_ocr(tmp_path: Path) -> None:
    assert ocr_available(), (
        "tesseract with Vietnamese data is not installed: apt-get install -y tesseract-ocr tesseract-ocr-vie "
        "fonts-dejavu-core (the README's set-up and .ci/run install them)"
    )
    lines = _seed_lines()
    assert len(lines) == 10
    loaded = load(_scan(lines, tmp_path / "scan.pdf"))
    assert loaded.format == "pdf"
    assert loaded.warnings == ["page 1 has no text layer: text from OCR"]
    got = [line.strip() for line in loaded.text.split("\n") if line.strip()]
    ratio = difflib.SequenceMatcher(a="\n".join(lines), b="\n".join(got), autojunk=False).ratio()
    assert ratio >= 0.97, f"OCR text agrees {ratio:.3f}:\n" + "\n".join(got)
    for key in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 39/KH-UBND", "Thái Bình, ngày 10 tháng 4 năm 2020"):
        assert key in got


def _tsv(rows: list[tuple[int, float, str]]) -> str:
    """Tesseract's TSV for words (line number, confidence, text), each line's box given first."""
    out = ["level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"]
    for line in sorted({line for line, _, _ in rows}):
        out.append(f"4\t1\t1\t1\t{line}\t0\t0\t{line * 50}\t900\t40\t-1\t")
        out += [
            f"5\t1\t1\t1\t{line}\t{k}\t{k * 100}\t{line * 50}\t90\t40\t{conf}\t{text}"
            for k, (n, conf, text) in enumerate(rows)
            if n == line
        ]
    return "\n".join(out) + "\n"


@pytest.mark.parametrize(
    ("rows", "words"),
    [
        # a handwritten number read without confidence is left blank, the rest of the line kept
        ([(1, 95.2, "Số:"), (1, 0.0, "9"), (1, 42.0, "/QĐ-UBND")], ["Số:", "…", "/QĐ-UBND"]),
        # a date read with none is kept: it has letters of the text around it that make it a reading
        ([(1, 93.0, "ngày"), (1, 0.0, "21/12/2021"), (1, 96.0, "của")], ["ngày", "21/12/2021", "của"]),
        # a seal's strokes: a line read with almost no confidence, lone letters and signs
        ([(1, 0.0, "ˆ"), (1, 17.0, "mê"), (1, 0.0, "giết"), (2, 96.0, "Đại"), (2, 96.0, "tá")], ["Đại", "tá"]),
        ([(1, 95.0, "PHÓ"), (1, 96.0, "CHỦ"), (1, 96.0, "TỊCH"), (1, 0.0, "l")], ["PHÓ", "CHỦ", "TỊCH"]),
    ],
)
def test_ocr_words_without_a_seals_marks(rows: list[tuple[int, float, str]], words: list[str]) -> None:
    assert [w.text for w in read_tsv(_tsv(rows))] == words


def test_a_red_seal_is_white_in_the_image_tesseract_reads() -> None:
    page = Image.new("RGB", (40, 10), (255, 255, 255))
    page.putpixel((5, 5), (220, 30, 30))  # the seal's red
    page.putpixel((15, 5), (20, 20, 20))  # print
    page.putpixel((25, 5), (30, 40, 160))  # a blue signature
    seen = Image.open(io.BytesIO(ink(page)))
    assert seen.mode == "L"
    assert seen.getpixel((5, 5)) > 200 and seen.getpixel((15, 5)) < 50 and seen.getpixel((25, 5)) < 50
