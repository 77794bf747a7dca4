"""Records as tables: what spreadsheets and dataframes want, one table of documents and one each
of indicators, responsibilities, tasks and citations, joined on ``record_id``.

One definition serves ``kehoach extract`` on local files and ``kehoach export`` from the crawl
store, for CSV and Parquet alike. A list (a duty's tasks, a section path, a task's partners)
stays a list: a Parquet list column, a JSON array in a CSV cell. Joined with a separator it
could not be split back, since the items themselves hold "; " and ", ".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from models import PlanRecord

# name → (column, type) with type one of str / float / int / list (a list of strings).
TABLES: dict[str, list[tuple[str, str]]] = {
    "documents": [
        ("record_id", "str"), ("url", "str"), ("portal", "str"), ("format", "str"), ("number", "str"),
        ("type", "str"), ("title", "str"), ("issuer", "str"), ("issued_date", "str"), ("listing_number", "str"),
        ("listing_date", "str"), ("listing_title", "str"), ("fetched_at", "str"), ("sha256", "str"),
        ("indicators", "int"), ("responsibilities", "int"), ("tasks", "int"), ("citations", "int"),
        ("warnings", "list"),
    ],
    "indicators": [
        ("record_id", "str"), ("text", "str"), ("subject", "str"), ("value", "float"), ("value_max", "float"),
        ("unit", "str"), ("comparator", "str"), ("direction", "str"), ("baseline_value", "float"),
        ("baseline_year", "int"), ("target_year", "int"), ("section_path", "list"), ("span_start", "int"),
        ("span_end", "int"),
    ],
    "responsibilities": [
        ("record_id", "str"), ("agency", "str"), ("role", "str"), ("tasks", "list"), ("section_path", "list"),
        ("span_start", "int"), ("span_end", "int"),
    ],
    "tasks": [
        ("record_id", "str"), ("section_path", "list"), ("title", "str"), ("lead", "list"), ("partners", "list"),
        ("start", "str"), ("end", "str"), ("schedule", "str"), ("text", "str"), ("span_start", "int"),
        ("span_end", "int"),
    ],
    "citations": [
        ("record_id", "str"), ("type", "str"), ("number", "str"), ("date", "str"), ("issuer", "str"),
        ("role", "str"), ("title", "str"), ("span_start", "int"), ("span_end", "int"),
    ],
}  # fmt: skip


def table_rows(record: PlanRecord, listing: Mapping[str, Any] | None = None) -> dict[str, list[dict]]:
    """The rows one record adds to each table. ``listing`` is the crawl store's catalogue row (the
    portal's own number, date and title of the document); a local file has none."""
    doc, plan, source = record.document, record.plan, record.source
    listing = listing or {}
    indicators = plan.indicators if plan else []
    responsibilities = plan.responsibilities if plan else []
    activities = plan.activities if plan else []
    return {
        "documents": [
            {
                "record_id": record.id, "url": listing.get("url") or source.uri,
                "portal": listing.get("portal") or source.portal, "format": source.format, "number": doc.number,
                "type": doc.type, "title": doc.title, "issuer": doc.issuer.name if doc.issuer else None,
                "issued_date": doc.issued_date, "listing_number": listing.get("number"),
                "listing_date": listing.get("issued_date"), "listing_title": listing.get("title"),
                "fetched_at": listing.get("fetched_at") or source.fetched_at, "sha256": source.sha256,
                "indicators": len(indicators), "responsibilities": len(responsibilities), "tasks": len(activities),
                "citations": len(record.citations), "warnings": list(record.warnings),
            }
        ],
        "indicators": [
            {
                "record_id": record.id, "text": i.text, "subject": i.subject, "value": i.value,
                "value_max": i.value_max, "unit": i.unit, "comparator": i.comparator, "direction": i.direction,
                "baseline_value": i.baseline.value if i.baseline else None,
                "baseline_year": i.baseline.year if i.baseline else None, "target_year": i.target_year,
                "section_path": list(i.section_path), "span_start": i.span[0], "span_end": i.span[1],
            }
            for i in indicators
        ],
        "responsibilities": [
            {
                "record_id": record.id, "agency": r.agency, "role": r.role, "tasks": list(r.tasks),
                "section_path": list(r.section_path), "span_start": r.span[0], "span_end": r.span[1],
            }
            for r in responsibilities
        ],
        "tasks": [
            {
                "record_id": record.id, "section_path": list(a.section_path), "title": a.title, "lead": list(a.lead),
                "partners": list(a.partners), "start": a.schedule.start if a.schedule else None,
                "end": a.schedule.end if a.schedule else None, "schedule": a.schedule.text if a.schedule else None,
                "text": "\n".join(a.content) or None, "span_start": a.span[0], "span_end": a.span[1],
            }
            for a in activities
        ],
        "citations": [
            {
                "record_id": record.id, "type": c.type, "number": c.number, "date": c.date, "issuer": c.issuer,
                "role": c.role, "title": c.title, "span_start": c.span[0], "span_end": c.span[1],
            }
            for c in record.citations
        ],
    }  # fmt: skip
