"""Stored documents → plan records: which documents need extracting, and extracting a batch of them.

``extract_batch`` reads only raw files and returns plain data, so it can run in another
process or on a Dask worker (which must see the data folder); only the caller writes to
the catalogue, so the database has one writer whatever the parallelism.

A document's text is read from the first of its sources that gives one: the detail page's
text (stored only when it is the document: ``flows.crawl.source``), else its attachments in
the order the page lists them, else, when nothing is attached, the detail page itself. What
the portal says of the document (listing and detail fields) becomes the record's
``source.metadata`` and is weighed against the text as a site's metadata is
(``with_site_metadata``): it fills a field the text leaves empty, a disagreement is a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from extractors.record.build import EXTRACTOR_VERSION
from extractors.record.site import with_site_metadata
from flows.extract import extract_file
from flows.ingest import SUFFIXES, IngestError
from flows.store import Store
from models import PlanRecord

# Catalogue columns that hold what the portal's listing and detail page say of a document.
PORTAL_FIELDS = ("number", "issued_date", "title", "issuer")


@dataclass(frozen=True)
class SourceFile:
    """A stored file a document's text may be read from; ``url`` is the attachment's (None: the detail page)."""

    path: str
    url: str | None = None


@dataclass(frozen=True)
class ExtractJob:
    url: str
    sources: tuple[SourceFile, ...]
    content_sha256: str
    portal: str
    fetched_at: str | None
    metadata: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ExtractResult:
    url: str
    content_sha256: str
    record_id: str | None = None
    json: str | None = None
    error: str | None = None


def _sources(store: Store, row) -> tuple[SourceFile, ...]:
    """The files to read, in order of preference, keeping those the ingest step can read."""
    files = store.files
    if row["text_sha256"]:
        return (SourceFile(str(files.path(row["text_sha256"], ".txt"))),)
    attachments = store.catalogue.attachments(row["url"])
    if attachments:
        # ".bin": a download whose URL and content type named no format; the reader tells it by its bytes.
        readable = [a for a in attachments if a.suffix in SUFFIXES or a.suffix == ".bin"]
        return tuple(SourceFile(str(files.path(a.sha256, a.suffix)), a.url) for a in readable)
    if row["suffix"] in SUFFIXES:
        return (SourceFile(str(files.path(row["sha256"], row["suffix"]))),)
    return ()


def portal_metadata(row) -> dict[str, str]:
    """The portal's fields of a catalogued document, dates as portals print them (``dd/mm/yyyy``),
    which is how ``with_site_metadata`` reads a site's dates."""
    out = {name: row[name] for name in PORTAL_FIELDS if row[name]}
    if "issued_date" in out:
        out["issued_date"] = _printed_date(out["issued_date"])
    return out


def _printed_date(value: str) -> str:
    """``2023-02-17`` as ``17/02/2023``; anything else as it is."""
    try:
        return date.fromisoformat(value).strftime("%d/%m/%Y")
    except ValueError:
        return value


def extraction_jobs(store: Store) -> list[ExtractJob]:
    """One job per fetched document whose record is missing or older than its content or the extractor."""
    return [
        ExtractJob(
            url=row["url"],
            sources=_sources(store, row),
            content_sha256=row["text_sha256"] or row["sha256"],
            portal=row["portal"],
            fetched_at=row["fetched_at"],
            metadata=portal_metadata(row),
        )
        for row in store.catalogue.documents_to_extract(EXTRACTOR_VERSION)
    ]


def _as_crawled(record: PlanRecord, job: ExtractJob, source: SourceFile) -> PlanRecord:
    """The record of a crawled document: its source is the portal URL (not the raw file), with the
    portal's fields as metadata, weighed against the text."""
    document = record.document.model_copy(deep=True)
    warnings = [w for w in with_site_metadata(document, job.metadata) if w not in record.warnings]
    metadata = {**record.source.metadata, **job.metadata}
    if source.url is not None:
        metadata["attachment"] = source.url
    source_update = {"uri": job.url, "fetched_at": job.fetched_at, "portal": job.portal, "metadata": metadata}
    update = {"source": record.source.model_copy(update=source_update), "document": document}
    return record.model_copy(update={**update, "warnings": [*record.warnings, *warnings]})


def extract_one(job: ExtractJob) -> ExtractResult:
    """The record of one stored document, from the first of its sources that reads."""
    if not job.sources:
        return ExtractResult(job.url, job.content_sha256, error="no text, page or attachment that kehoach can read")
    unread = []
    for source in job.sources:
        try:
            record = extract_file(Path(source.path), uri=job.url)
        except IngestError as err:
            unread.append(f"{source.url or 'the detail page'}: {err}")
            continue
        except Exception as err:  # one broken document must not cost the batch
            return ExtractResult(job.url, job.content_sha256, error=f"{type(err).__name__}: {err}")
        record = _as_crawled(record, job, source)
        return ExtractResult(job.url, job.content_sha256, record.id, record.model_dump_json())
    return ExtractResult(job.url, job.content_sha256, error="no source reads: " + "; ".join(unread))


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
