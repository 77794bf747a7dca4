"""Records in the store → files other systems read: JSON Lines, a JSON array, CSV or Parquet tables.

JSON formats hold whole records (valid against the plan-record schema, written beside them).
The table formats are those of ``flows.tables``, the same ``kehoach extract`` writes from local
files, with the portal's listing fields.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from flows.output import FORMATS, TableWriter, atomic_write, record_writer
from flows.store import Store
from models import PlanRecord
from models.schema import schema_json

SCHEMA_NAME = "plan-record.schema.json"


@dataclass(frozen=True)
class Filters:
    """Which records to export; each filter left as None lets everything through."""

    portal: str | None = None
    since: str | None = None
    until: str | None = None
    issuer: str | None = None


def selected(store: Store, filters: Filters) -> Iterator[tuple[object, PlanRecord]]:
    """(catalogue row, record) of each record that passes the filters. The date is the document's
    own date when the extractor found one, else the listing's; the issuer matches as a substring."""
    for row in store.catalogue.records():
        record = PlanRecord.model_validate_json(row["json"])
        if filters.portal and row["portal"] != filters.portal:
            continue
        date = record.document.issued_date or row["issued_date"]
        if filters.since and (date is None or date < filters.since):
            continue
        if filters.until and (date is None or date > filters.until):
            continue
        if filters.issuer:
            issuers = [record.document.issuer.name if record.document.issuer else None, row["issuer"]]
            if not any(i and filters.issuer.casefold() in i.casefold() for i in issuers):
                continue
        yield row, record


def export_records(store: Store, output: Path, fmt: str, filters: Filters = Filters()) -> int:
    """Export the selected records; the number exported. JSON formats write the file ``output``;
    table formats write the tables where ``flows.output.table_paths`` says. The JSON Schema is
    written beside them."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    with record_writer(str(output), fmt) as writer:
        for row, record in selected(store, filters):
            writer.write(record, dict(row))
    folder = writer.paths["documents"].parent if isinstance(writer, TableWriter) else output.parent
    atomic_write(folder / SCHEMA_NAME, lambda tmp: tmp.write_text(schema_json(), encoding="utf-8"))
    return writer.count
