"""Raw files kept content-addressed on disk: a file's name is its SHA-256, so the same bytes are stored once.

Names never come from document numbers or URLs ("313/QĐ-UBND" holds a slash): only a hex
digest and a suffix from a fixed list, and every path is checked to stay inside the root.
A file is written under a temporary name, flushed to disk and renamed, so a run killed at
any moment leaves either the whole file or none.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

SUFFIXES = frozenset({".html", ".txt", ".pdf", ".doc", ".docx", ".xml"})
CONTENT_TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "application/pdf": ".pdf",
    "application/msword": ".doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}
_HEX = re.compile(r"[0-9a-f]{64}")


def suffix_for(url_path: str, content_type: str | None) -> str:
    """A safe suffix for a download: the URL's when it is a known one, else the content type's, else .bin."""
    suffix = os.path.splitext(url_path)[1].lower()
    if suffix in SUFFIXES:
        return suffix
    media = (content_type or "").split(";", 1)[0].strip().lower()
    return CONTENT_TYPES.get(media, ".bin")


class RawFiles:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.root.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str, suffix: str) -> Path:
        """Where the file with this digest lives; refuses anything but a digest and a known suffix."""
        if not _HEX.fullmatch(sha256) or (suffix not in SUFFIXES and suffix != ".bin"):
            raise ValueError(f"not a stored file name: {sha256!r}{suffix!r}")
        path = (self.root / sha256[:2] / f"{sha256}{suffix}").resolve()
        if not path.is_relative_to(self.root):
            raise ValueError(f"path outside the store: {path}")
        return path

    def put(self, data: bytes, suffix: str) -> str:
        """Store ``data`` (once) and give its SHA-256."""
        sha256 = hashlib.sha256(data).hexdigest()
        target = self.path(sha256, suffix)
        if target.exists() and target.stat().st_size == len(data):
            return sha256
        target.parent.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return sha256
