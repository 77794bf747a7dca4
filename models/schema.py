"""The JSON Schema of the plan record, generated from the models and shipped as a file."""

from __future__ import annotations

import json
from pathlib import Path

from models.record import PlanRecord

SCHEMA_PATH = Path(__file__).with_name("plan-record.schema.json")
SCHEMA_ID = "https://kehoach.invalid/schema/plan-record/1.json"


def plan_record_schema() -> dict:
    """The schema as the models define it today."""
    schema = PlanRecord.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def schema_json() -> str:
    """The schema as text, in the one layout both the CLI and the shipped file use."""
    return json.dumps(plan_record_schema(), ensure_ascii=False, indent=2) + "\n"


def shipped_schema() -> dict:
    """The schema file shipped in the package."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
