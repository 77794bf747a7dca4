"""Plain text files in any encoding Vietnamese text was published in."""

from __future__ import annotations

import re

from flows.ingest.encodings import decode_bytes
from flows.ingest.loaded import IngestError

# C0/C1 controls other than tab, line feed, carriage return and form feed.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 0.1


def read_text(data: bytes) -> tuple[str, list[str]]:
    """The text of a plain-text file and warnings; ``IngestError`` for binary data or no text."""
    text, warnings = decode_bytes(data)
    text, control_warnings = drop_controls(text)
    if not text.strip():
        raise IngestError("no text in the file (blank)")
    return text, warnings + control_warnings


def drop_controls(text: str) -> tuple[str, list[str]]:
    """Text without control characters (NUL included); ``IngestError`` when so many that it is binary."""
    controls = len(_CONTROL.findall(text))
    if not controls:
        return text, []
    if controls > _MAX_CONTROL_SHARE * len(text) or text.count("\ufffd") > _MAX_CONTROL_SHARE * len(text):
        raise IngestError("binary data, not text")
    return _CONTROL.sub("", text), [f"{controls} control characters removed"]
