"""Stored documents → plan records: which documents need extracting, and extracting a batch of them.

``extract_batch`` reads only raw files and returns plain data, so it can run in another
process or on a Dask worker (which must see the data folder); only the caller writes to
the catalogue, so the database has one writer whatever the parallelism.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from extractors.record.build import EXTRACTOR_VERSION
from flows.extract import extract_file
from flows.ingest import SUFFIXES
from flows.store import Store


@dataclass(frozen=True)
class ExtractJob:
    url: str
    path: str | None
    content_sha256: str
    portal: str
    fetched_at: str | None


@dataclass(frozen=True)
class ExtractResult:
    url: str
    content_sha256: str
    record_id: str | None = None
    json: str | None = None
    error: str | None = None


def _source_path(store: Store, row) -> Path | None:
    """The file to extract from: the detail page's text, else an attachment, else the page itself,
    whichever the ingest step can read."""
    files = store.files
    if row["text_sha256"]:
        return files.path(row["text_sha256"], ".txt")
    for attachment in store.catalogue.attachments(row["url"]):
        if attachment.suffix in SUFFIXES:
            return files.path(attachment.sha256, attachment.suffix)
    if row["suffix"] in SUFFIXES:
        return files.path(row["sha256"], row["suffix"])
    return None


def extraction_jobs(store: Store) -> list[ExtractJob]:
    """One job per fetched document whose record is missing or older than its content or the extractor."""
    jobs = []
    for row in store.catalogue.documents_to_extract(EXTRACTOR_VERSION):
        path = _source_path(store, row)
        jobs.append(
            ExtractJob(
                url=row["url"],
                path=str(path) if path else None,
                content_sha256=row["text_sha256"] or row["sha256"],
                portal=row["portal"],
                fetched_at=row["fetched_at"],
            )
        )
    return jobs


def extract_one(job: ExtractJob) -> ExtractResult:
    """The record of one stored document, its source pointing at the portal URL, not the raw file."""
    if job.path is None:
        return ExtractResult(job.url, job.content_sha256, error="no text, page or attachment that kehoach can read")
    try:
        record = extract_file(Path(job.path))
    except Exception as err:  # one broken document must not cost the batch
        return ExtractResult(job.url, job.content_sha256, error=f"{type(err).__name__}: {err}")
    source = record.source.model_copy(update={"uri": job.url, "fetched_at": job.fetched_at, "portal": job.portal})
    record = record.model_copy(update={"source": source})
    return ExtractResult(job.url, job.content_sha256, record.id, record.model_dump_json())


def extract_batch(jobs: list[ExtractJob]) -> list[ExtractResult]:
    """Records of a batch of documents: the unit of work of a task, so that thousands of
    documents make tens of tasks, not thousands."""
    return [extract_one(job) for job in jobs]


def save_results(store: Store, results: list[ExtractResult]) -> tuple[int, dict[str, str]]:
    """Write results to the catalogue; the number of records written and the failures by URL."""
    written, failed = 0, {}
    for result in results:
        store.catalogue.save_record(
            result.url, result.content_sha256, EXTRACTOR_VERSION, result.record_id, result.json, result.error
        )
        if result.error is None:
            written += 1
        else:
            failed[result.url] = result.error
    return written, failed


def batches(jobs: list[ExtractJob], size: int) -> list[list[ExtractJob]]:
    return [jobs[i : i + size] for i in range(0, len(jobs), size)]
