"""A scanned page (no text layer) is read by tesseract with its Vietnamese data.

CI installs tesseract (Debian: tesseract-ocr, tesseract-ocr-vie, fonts-dejavu-core): without it
this test fails and says so, it is never skipped.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from conftest import SEEDS
from ingest_forms import font_path
from PIL import Image, ImageDraw, ImageFont

from extractors.text.normalize import normalize_text
from flows.ingest import load
from flows.ingest.ocr import DPI, ocr_available


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
