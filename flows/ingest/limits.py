"""Caps that keep one hostile file from costing the batch its memory or its time.

Memory is bounded by the largest allowed file, not by the folder: every reader checks the
size before it reads, and a DOCX is never inflated past ``max_unzipped_bytes``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

_MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Per-document caps; the defaults suit official documents (a few MB at most)."""

    max_file_bytes: int = 50 * _MB
    """Any file larger than this is refused before it is read."""
    max_html_bytes: int = 20 * _MB
    """An HTML page larger than this is refused: a portal page of one document is far smaller."""
    max_html_depth: int = 2000
    """HTML nested deeper than this is refused: HTML5 tree building is quadratic in depth (each end tag
    searches the open elements)."""
    max_unzipped_bytes: int = 100 * _MB
    """A DOCX whose parts inflate past this is refused (ZIP bomb)."""
    max_pdf_pages: int = 500
    max_ocr_pages: int = 20
    """Pages without a text layer that are sent to OCR; the rest are named in a warning."""
    seconds_per_document: float = 120.0
    """Wall-clock limit for reading and extracting one document (``flows.extract``)."""

    @classmethod
    def from_env(cls) -> Limits:
        """The defaults, overridden by ``KEHOACH_MAX_FILE_MB``, ``KEHOACH_MAX_HTML_MB``,
        ``KEHOACH_MAX_HTML_DEPTH``, ``KEHOACH_MAX_UNZIPPED_MB``, ``KEHOACH_MAX_PDF_PAGES``, ``KEHOACH_MAX_OCR_PAGES``
        and ``KEHOACH_SECONDS_PER_DOCUMENT``."""
        default = cls()

        def number(name: str, value: float, scale: int = 1) -> float:
            raw = os.environ.get(name)
            return float(raw) * scale if raw else value

        return cls(
            max_file_bytes=int(number("KEHOACH_MAX_FILE_MB", default.max_file_bytes, _MB)),
            max_html_bytes=int(number("KEHOACH_MAX_HTML_MB", default.max_html_bytes, _MB)),
            max_html_depth=int(number("KEHOACH_MAX_HTML_DEPTH", default.max_html_depth)),
            max_unzipped_bytes=int(number("KEHOACH_MAX_UNZIPPED_MB", default.max_unzipped_bytes, _MB)),
            max_pdf_pages=int(number("KEHOACH_MAX_PDF_PAGES", default.max_pdf_pages)),
            max_ocr_pages=int(number("KEHOACH_MAX_OCR_PAGES", default.max_ocr_pages)),
            seconds_per_document=number("KEHOACH_SECONDS_PER_DOCUMENT", default.seconds_per_document),
        )


def megabytes(size: int) -> str:
    """A size as people read it in an error message."""
    return f"{size / _MB:.1f} MB"
