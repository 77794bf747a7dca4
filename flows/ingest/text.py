"""Plain text files: UTF-8 with or without BOM, UTF-16 with BOM."""

from __future__ import annotations

import codecs

from flows.ingest.loaded import IngestError


def decode_text(data: bytes) -> tuple[str, list[str]]:
    """The text of a plain-text file and any warning about its encoding."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), []
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        raise IngestError(f"not UTF-8 text ({err.reason} at byte {err.start})") from err
