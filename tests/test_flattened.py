"""Text whose line breaks were lost (as crawlers flatten a page) still gives the record's facts."""

from __future__ import annotations

import json
import re
from pathlib import Path

from scorer import SCORE

from extractors.record.build import build_record
from models import Source

ROOT = Path(__file__).resolve().parent.parent
EVAL = Path(__file__).resolve().parent / "eval"


def _flat_record(path: Path) -> dict:
    flat = re.sub(r"\s*\n\s*", " ", path.read_text(encoding="utf-8"))
    source = Source(uri=str(path), format="txt", sha256="0" * 64)
    return json.loads(build_record(flat, source).model_dump_json())


def test_flattened_seeds_keep_their_facts() -> None:
    records = [_flat_record(p) for p in sorted((ROOT / "corpus" / "seeds").glob("*.txt"))]
    rows, mean, missing = SCORE.score(EVAL / "gold", records)
    scores = {name: round(value, 3) for name, value, _, _ in rows}
    assert missing == []
    assert mean >= 0.9, scores
    for field in ("document.number", "document.issuer", "document.issued_date", "citations", "reporting_due"):
        assert scores[field] == 1.0, (field, scores)


def test_flattened_header_fields() -> None:
    record = _flat_record(ROOT / "corpus" / "seeds" / "003_92b22a606fcc1c99.txt")
    document = record["document"]
    assert (document["number"], document["issued_date"], document["place"]) == ("60/KH-UBND", "2024-01-30", "Lào Cai")
    assert document["issuer"]["name"] == "Ủy ban nhân dân tỉnh Lào Cai"
    assert document["signers"][0]["name"] == "Giàng Thị Dung"
    values = sorted((i["value"], i["unit"]) for i in record["plan"]["indicators"])
    assert (1.36, "%") in values and (1e9, "VND") in values
