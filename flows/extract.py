"""Extraction of local files: paths → documents → records, one bad file never stopping the rest."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from extractors.record import build_record
from flows.ingest import SUFFIXES, IngestError, load
from models import PlanRecord, Source


@dataclass(frozen=True)
class Failure:
    path: Path
    reason: str


def find_documents(paths: Iterable[Path]) -> Iterator[Path]:
    """The files to extract: given files as they are, folders searched recursively, sorted."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            yield path


def extract_file(path: Path, *, with_text: bool = False) -> PlanRecord:
    """The plan record of one file; ``IngestError`` (or any error) when it cannot give one."""
    loaded = load(path)
    source = Source(uri=str(path), format=loaded.format, sha256=loaded.sha256)
    record = build_record(loaded.text, source, markdown=loaded.markdown, with_text=with_text)
    if loaded.warnings:
        record.warnings[:0] = loaded.warnings
    return record


def extract_many(paths: Iterable[Path], *, with_text: bool = False) -> Iterator[PlanRecord | Failure]:
    """Records of every file, in order; a file that fails yields a ``Failure`` and the rest go on."""
    for path in paths:
        try:
            yield extract_file(path, with_text=with_text)
        except IngestError as err:
            yield Failure(path, str(err))
        except OSError as err:
            yield Failure(path, f"cannot read: {err.strerror or err}")
        except Exception as err:  # noqa: BLE001 - one broken document must not cost the others
            yield Failure(path, f"{type(err).__name__}: {err}")
