"""What reading a file gives: its text, its format and what went wrong along the way."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


class IngestError(Exception):
    """A file that cannot give a text: the message says why, for the user to read."""


@dataclass(frozen=True)
class LoadedDocument:
    text: str
    format: Literal["html", "pdf", "docx", "doc", "txt"]
    sha256: str
    markdown: bool = False
    warnings: list[str] = field(default_factory=list)
    digital_signatures: int = 0
    ocr_pages: int = 0
