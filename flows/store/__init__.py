"""The store: a catalogue database plus content-addressed raw files, all under one data folder.

Embedded by default (SQLite, no server to start). The store URL leaves room for another
catalogue backend such as PostgreSQL: only ``sqlite:///PATH`` is implemented today.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flows.store.catalogue import AttachmentRow, Catalogue, DocumentRow, Page
from flows.store.files import RawFiles, suffix_for


@dataclass
class Store:
    data_dir: Path
    catalogue: Catalogue
    files: RawFiles

    def close(self) -> None:
        self.catalogue.close()


def catalogue_path(data_dir: Path, store_url: str | None) -> Path:
    """The SQLite file a store URL names (default: ``DATA/kehoach.sqlite``)."""
    if store_url is None:
        return data_dir / "kehoach.sqlite"
    if not store_url.startswith("sqlite:///"):
        scheme = store_url.split(":", 1)[0]
        raise ValueError(f"store URL scheme {scheme!r} is not supported yet; use sqlite:///PATH")
    return Path(store_url.removeprefix("sqlite:///"))


def open_store(data_dir: Path, store_url: str | None = None) -> Store:
    """The store in ``data_dir`` (created if needed); raw files go to ``data_dir/raw``."""
    data_dir = data_dir.resolve()
    return Store(data_dir, Catalogue(catalogue_path(data_dir, store_url)), RawFiles(data_dir / "raw"))


__all__ = [
    "AttachmentRow",
    "Catalogue",
    "DocumentRow",
    "Page",
    "RawFiles",
    "Store",
    "catalogue_path",
    "open_store",
    "suffix_for",
]
