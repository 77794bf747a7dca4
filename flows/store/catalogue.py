"""The catalogue: one SQLite database (WAL) of pages, documents, attachments, refusals and records.

Every write is one transaction keyed on the URL (upsert), so writing the same document twice
leaves one row, and a process killed mid-run leaves each document either fully recorded or
absent: the next run fetches what is absent and skips what is there.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
  url TEXT PRIMARY KEY, portal TEXT NOT NULL, sha256 TEXT NOT NULL, suffix TEXT NOT NULL,
  etag TEXT, last_modified TEXT, fetched_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
  url TEXT PRIMARY KEY, portal TEXT NOT NULL, listing_url TEXT,
  number TEXT, issued_date TEXT, title TEXT, issuer TEXT,
  sha256 TEXT, suffix TEXT, text_sha256 TEXT, fetched_at TEXT, etag TEXT, last_modified TEXT,
  status TEXT NOT NULL CHECK (status IN ('fetched', 'failed')), error TEXT, attempts INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS attachments (
  document_url TEXT NOT NULL REFERENCES documents(url), url TEXT NOT NULL,
  sha256 TEXT NOT NULL, suffix TEXT NOT NULL, fetched_at TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (document_url, url));
CREATE TABLE IF NOT EXISTS refusals (
  url TEXT PRIMARY KEY, portal TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS records (
  document_url TEXT PRIMARY KEY REFERENCES documents(url), source_sha256 TEXT NOT NULL,
  extractor_version TEXT NOT NULL, record_id TEXT, json TEXT, error TEXT, extracted_at TEXT NOT NULL);
"""
# Columns added after a release, for stores made before them: (table, column, definition).
ADDED_COLUMNS = (("attachments", "position", "INTEGER NOT NULL DEFAULT 0"),)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Page:
    url: str
    sha256: str
    suffix: str
    etag: str | None
    last_modified: str | None


@dataclass(frozen=True)
class DocumentRow:
    url: str
    portal: str
    listing_url: str | None = None
    number: str | None = None
    issued_date: str | None = None
    title: str | None = None
    issuer: str | None = None
    sha256: str | None = None
    suffix: str | None = None
    text_sha256: str | None = None
    fetched_at: str | None = None
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class AttachmentRow:
    """A file a detail page links to; ``position`` is its place among the page's attachments (the main
    document usually comes first)."""

    url: str
    sha256: str
    suffix: str
    position: int = 0


class Catalogue:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._conn = sqlite3.connect(path, check_same_thread=False, timeout=30)
        self._conn.row_factory = sqlite3.Row
        self._lock = threading.Lock()
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: a killed process loses no commit
        self._conn.execute("PRAGMA foreign_keys=ON")
        with self._conn:
            self._conn.executescript(SCHEMA)
            for table, column, definition in ADDED_COLUMNS:
                names = {row["name"] for row in self._conn.execute(f"PRAGMA table_info({table})")}
                if column not in names:
                    self._conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")

    def close(self) -> None:
        self._conn.close()

    def _query(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    # listing pages

    def page(self, url: str) -> Page | None:
        rows = self._query("SELECT url, sha256, suffix, etag, last_modified FROM pages WHERE url = ?", (url,))
        return Page(*rows[0]) if rows else None

    def save_page(self, url: str, portal: str, page: Page) -> None:
        with self._lock, self._conn:
            self._conn.execute(
                "INSERT INTO pages VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET sha256=excluded.sha256,"
                " suffix=excluded.suffix, etag=excluded.etag, last_modified=excluded.last_modified,"
                " fetched_at=excluded.fetched_at",
                (url, portal, page.sha256, page.suffix, page.etag, page.last_modified, now()),
            )

    # documents

    def document(self, url: str) -> sqlite3.Row | None:
        rows = self._query("SELECT * FROM documents WHERE url = ?", (url,))
        return rows[0] if rows else None

    def save_document(self, doc: DocumentRow, attachments: list[AttachmentRow]) -> None:
        """Record a fetched document and its attachments in one transaction; attachments the page no
        longer lists are forgotten, so that an old file is never read as the document."""
        fields = list(DocumentRow.__dataclass_fields__)
        values = [getattr(doc, f) for f in fields]
        updates = ", ".join(f"{f}=excluded.{f}" for f in fields[1:])
        with self._lock, self._conn:
            self._conn.execute(
                f"INSERT INTO documents ({', '.join(fields)}, status, error, attempts)"
                f" VALUES ({', '.join('?' * len(fields))}, 'fetched', NULL, 1)"
                f" ON CONFLICT(url) DO UPDATE SET {updates}, status='fetched', error=NULL,"
                " attempts=documents.attempts + 1",
                values,
            )
            self._conn.execute("DELETE FROM attachments WHERE document_url = ?", (doc.url,))
            self._conn.executemany(
                "INSERT INTO attachments (document_url, url, sha256, suffix, fetched_at, position)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(doc.url, a.url, a.sha256, a.suffix, doc.fetched_at, a.position) for a in attachments],
            )

    def save_failure(self, doc: DocumentRow, error: str) -> None:
        """Note a document that could not be fetched; a document fetched before keeps its content."""
        with self._lock, self._conn:
            self._conn.execute(
                "INSERT INTO documents (url, portal, listing_url, number, issued_date, title, issuer, status, error,"
                " attempts) VALUES (?, ?, ?, ?, ?, ?, ?, 'failed', ?, 1) ON CONFLICT(url) DO UPDATE SET"
                " error=excluded.error, attempts=documents.attempts + 1,"
                " status=CASE WHEN documents.sha256 IS NULL THEN 'failed' ELSE documents.status END",
                (doc.url, doc.portal, doc.listing_url, doc.number, doc.issued_date, doc.title, doc.issuer, error),
            )

    def save_refusal(self, url: str, portal: str, reason: str) -> None:
        with self._lock, self._conn:
            self._conn.execute(
                "INSERT INTO refusals VALUES (?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET reason=excluded.reason,"
                " at=excluded.at",
                (url, portal, reason, now()),
            )

    def attachments(self, document_url: str) -> list[AttachmentRow]:
        rows = self._query(
            "SELECT url, sha256, suffix, position FROM attachments WHERE document_url = ? ORDER BY position, url",
            (document_url,),
        )
        return [AttachmentRow(*r) for r in rows]

    # records

    def documents_to_extract(self, extractor_version: str) -> list[sqlite3.Row]:
        """Fetched documents with no record yet for their current content and extractor version."""
        return self._query(
            "SELECT d.* FROM documents d LEFT JOIN records r ON r.document_url = d.url"
            " WHERE d.status = 'fetched' AND (r.document_url IS NULL OR r.extractor_version != ?"
            " OR r.source_sha256 != COALESCE(d.text_sha256, d.sha256)) ORDER BY d.url",
            (extractor_version,),
        )

    def save_record(
        self,
        document_url: str,
        source_sha256: str,
        extractor_version: str,
        record_id: str | None,
        json: str | None,
        error: str | None = None,
    ) -> None:
        with self._lock, self._conn:
            self._conn.execute(
                "INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(document_url) DO UPDATE SET"
                " source_sha256=excluded.source_sha256, extractor_version=excluded.extractor_version,"
                " record_id=excluded.record_id, json=excluded.json, error=excluded.error,"
                " extracted_at=excluded.extracted_at",
                (document_url, source_sha256, extractor_version, record_id, json, error, now()),
            )

    def records(self) -> Iterator[sqlite3.Row]:
        """Each document with a record, with its listing fields, in URL order."""
        yield from self._query(
            "SELECT d.*, r.record_id, r.json FROM records r JOIN documents d ON d.url = r.document_url"
            " WHERE r.json IS NOT NULL ORDER BY d.url"
        )

    def counts(self) -> dict[str, int]:
        """Rows per table and documents per status, for summaries and tests."""
        out = {}
        for table in ("pages", "documents", "attachments", "refusals", "records"):
            out[table] = self._query(f"SELECT COUNT(*) FROM {table}")[0][0]
        for status, n in self._query("SELECT status, COUNT(*) FROM documents GROUP BY status"):
            out[f"documents_{status}"] = n
        return out
