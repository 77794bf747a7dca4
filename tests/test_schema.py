"""The shipped JSON Schema equals the models' schema, and records validate against it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from flows.cli import main
from flows.extract import extract_file
from models.schema import SCHEMA_PATH, plan_record_schema, schema_json, shipped_schema

SEEDS = Path(__file__).resolve().parent.parent / "corpus" / "seeds"


def test_shipped_schema_is_generated_from_models() -> None:
    assert shipped_schema() == plan_record_schema()
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_json()


def test_cli_prints_the_schema() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.output) == shipped_schema()


def test_every_seed_record_validates() -> None:
    validator = jsonschema.Draft202012Validator(shipped_schema())
    for path in sorted(SEEDS.glob("*.txt")):
        record = json.loads(extract_file(path).model_dump_json())
        errors = [e.message for e in validator.iter_errors(record)]
        assert errors == [], f"{path.name}: {errors[:3]}"
