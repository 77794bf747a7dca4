"""Records in the store → files other systems read: JSON Lines, a JSON array, CSV or Parquet tables.

JSON formats hold whole records (valid against the plan-record schema, written beside them).
The table formats flatten what spreadsheets and dataframes want: one table of documents and
one each of indicators, responsibilities and citations, joined on ``record_id``.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from flows.output import RecordWriter
from flows.store import Store
from models import PlanRecord
from models.schema import schema_json

FORMATS = ("jsonl", "json", "csv", "parquet")
SCHEMA_NAME = "plan-record.schema.json"

# name → (column, type) with type one of str / float / int; one definition for CSV and Parquet.
TABLES: dict[str, list[tuple[str, str]]] = {
    "documents": [
        ("record_id", "str"), ("url", "str"), ("portal", "str"), ("number", "str"), ("type", "str"),
        ("title", "str"), ("issuer", "str"), ("issued_date", "str"), ("listing_number", "str"),
        ("listing_date", "str"), ("listing_title", "str"), ("fetched_at", "str"), ("sha256", "str"),
        ("indicators", "int"), ("responsibilities", "int"), ("citations", "int"),
    ],
    "indicators": [
        ("record_id", "str"), ("text", "str"), ("subject", "str"), ("value", "float"), ("value_max", "float"),
        ("unit", "str"), ("comparator", "str"), ("direction", "str"), ("baseline_value", "float"),
        ("baseline_year", "int"), ("target_year", "int"), ("section_path", "str"), ("span_start", "int"),
        ("span_end", "int"),
    ],
    "responsibilities": [
        ("record_id", "str"), ("agency", "str"), ("role", "str"), ("tasks", "str"), ("section_path", "str"),
        ("span_start", "int"), ("span_end", "int"),
    ],
    "citations": [
        ("record_id", "str"), ("type", "str"), ("number", "str"), ("date", "str"), ("issuer", "str"),
        ("role", "str"), ("title", "str"), ("span_start", "int"), ("span_end", "int"),
    ],
}  # fmt: skip


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


def _span(span: tuple[int, int] | None) -> tuple[int | None, int | None]:
    return (span[0], span[1]) if span else (None, None)


def table_rows(row, record: PlanRecord) -> dict[str, list[dict]]:
    """The rows one record adds to each table."""
    doc, plan = record.document, record.plan
    indicators = plan.indicators if plan else []
    responsibilities = plan.responsibilities if plan else []
    out: dict[str, list[dict]] = {
        "documents": [
            {
                "record_id": record.id, "url": row["url"], "portal": row["portal"], "number": doc.number,
                "type": doc.type, "title": doc.title, "issuer": doc.issuer.name if doc.issuer else None,
                "issued_date": doc.issued_date, "listing_number": row["number"], "listing_date": row["issued_date"],
                "listing_title": row["title"], "fetched_at": row["fetched_at"], "sha256": record.source.sha256,
                "indicators": len(indicators), "responsibilities": len(responsibilities),
                "citations": len(record.citations),
            }
        ],
        "indicators": [
            {
                "record_id": record.id, "text": i.text, "subject": i.subject, "value": i.value,
                "value_max": i.value_max, "unit": i.unit, "comparator": i.comparator, "direction": i.direction,
                "baseline_value": i.baseline.value if i.baseline else None,
                "baseline_year": i.baseline.year if i.baseline else None, "target_year": i.target_year,
                "section_path": " > ".join(i.section_path), "span_start": i.span[0], "span_end": i.span[1],
            }
            for i in indicators
        ],
        "responsibilities": [
            {
                "record_id": record.id, "agency": r.agency, "role": r.role, "tasks": "; ".join(r.tasks),
                "section_path": " > ".join(r.section_path), "span_start": r.span[0], "span_end": r.span[1],
            }
            for r in responsibilities
        ],
        "citations": [
            {
                "record_id": record.id, "type": c.type, "number": c.number, "date": c.date, "issuer": c.issuer,
                "role": c.role, "title": c.title, "span_start": c.span[0], "span_end": c.span[1],
            }
            for c in record.citations
        ],
    }  # fmt: skip
    return out


def _atomic_write(path: Path, write) -> None:
    """Write through ``write(tmp_path)`` and rename: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns)
            writer.writeheader()
            writer.writerows(rows)

    _atomic_write(path, write)


def _write_parquet(path: Path, columns: list[tuple[str, str]], rows: list[dict]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"str": pa.string(), "float": pa.float64(), "int": pa.int64()}
    schema = pa.schema([(name, types[kind]) for name, kind in columns])
    table = pa.Table.from_pylist(rows, schema=schema)
    _atomic_write(path, lambda tmp: pq.write_table(table, tmp))


def export_records(store: Store, output: Path, fmt: str, filters: Filters = Filters()) -> int:
    """Export the selected records; the number exported. JSON formats write the file ``output``;
    table formats write one file per table into the folder ``output``. The JSON Schema is written
    beside them."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    chosen = selected(store, filters)
    count = 0
    if fmt in ("jsonl", "json"):
        with RecordWriter(str(output), fmt) as writer:
            for _, record in chosen:
                writer.write(record)
        count, folder = writer.count, output.parent
    else:
        tables: dict[str, list[dict]] = {name: [] for name in TABLES}
        for row, record in chosen:
            count += 1
            for name, rows in table_rows(row, record).items():
                tables[name].extend(rows)
        write = _write_csv if fmt == "csv" else _write_parquet
        for name, columns in TABLES.items():
            spec = [c for c, _ in columns] if fmt == "csv" else columns
            write(output / f"{name}.{fmt}", spec, tables[name])
        folder = output
    _atomic_write(folder / SCHEMA_NAME, lambda tmp: tmp.write_text(schema_json(), encoding="utf-8"))
    return count
