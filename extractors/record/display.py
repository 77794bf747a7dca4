"""The facts of a record drawn over its text with displaCy, for a reader to check the spans.

A spaCy ``Doc`` is the container: every fact becomes a labelled span in ``doc.spans``, and
displaCy's span style draws them. Built only on demand (``kehoach show``), never in the
extraction path: a Doc over a whole document costs more than extracting it.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy import displacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from models import PlanRecord

SPAN_KEY = "facts"


@lru_cache(maxsize=1)
def _nlp() -> Language:
    """A blank Vietnamese pipeline that splits on spaces (no pyvi, no model download)."""
    return spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})


def _facts(record: PlanRecord) -> list[tuple[int, int, str]]:
    facts: list[tuple[int, int, str]] = []
    for name, (start, end) in record.document.spans.items():
        facts.append((start, end, name.upper()))
    facts += [(c.span[0], c.span[1], "CITATION") for c in record.citations]
    if record.plan:
        facts += [(i.span[0], i.span[1], "INDICATOR") for i in record.plan.indicators]
        facts += [(r.span[0], r.span[1], "REPORTING") for r in record.plan.reporting]
    for agency in record.agencies:
        facts += [(s, e, "AGENCY") for s, e in agency.mentions]
    return facts


def record_doc(record: PlanRecord, text: str) -> Doc:
    """A spaCy Doc of ``text`` (the record's normalized text) with the record's facts as spans."""
    doc = _nlp()(text)
    spans: list[Span] = []
    for start, end, label in _facts(record):
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[SPAN_KEY] = spans
    return doc


def render_html(record: PlanRecord, text: str) -> str:
    """A standalone HTML page of the text with every fact marked."""
    doc = record_doc(record, text)
    return displacy.render(doc, style="span", options={"spans_key": SPAN_KEY}, page=True)
