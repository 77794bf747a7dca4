"""Facts → record: assemble the plan record of one document from its normalized text."""

from __future__ import annotations

import hashlib

from extractors.normalize import normalize_text
from models import Document, Extractor, PlanRecord, Source

EXTRACTOR_VERSION = "0.1.0"


def record_id(text: str) -> str:
    """Stable id: the same normalized text gives the same id on every run and machine."""
    return "kh-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def build_record(raw_text: str, source: Source, *, markdown: bool = False, with_text: bool = False) -> PlanRecord:
    """The plan record of a document, given its text as read from the file."""
    text = normalize_text(raw_text, markdown=markdown)
    return PlanRecord(
        id=record_id(text),
        source=source,
        document=Document(),
        extractor=Extractor(version=EXTRACTOR_VERSION),
        text=text if with_text else None,
    )
