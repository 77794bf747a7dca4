"""Warnings for what does not add up: facts that contradict each other, or a missing plan.

A warning never changes a fact; it tells the reader where to look.
"""

from __future__ import annotations

import re

from models import Citation, Indicator, Period

_YEAR_IN_NUMBER = re.compile(r"^\d+/(\d{4})/")


def citation_warnings(citations: list[Citation], issued: str | None) -> list[str]:
    """A cited document dated after the citing one; a cited date whose year contradicts its number."""
    out: list[str] = []
    for c in citations:
        if not c.date:
            continue
        label = c.number or c.title or c.type or "citation"
        if issued and c.date > issued:
            out.append(f"citation {label} dated {c.date} is later than the document ({issued})")
        m = _YEAR_IN_NUMBER.match(c.number or "")
        if m and m.group(1) != c.date[:4]:
            out.append(f"citation {label} dated {c.date} contradicts the year {m.group(1)} in its number")
    return out


def indicator_warnings(indicators: list[Indicator]) -> list[str]:
    return [
        f'indicator over 100%: {i.value:g}% in "{i.text[:80]}"'
        for i in indicators
        if i.unit == "%" and i.value > 100 and i.direction != "increase"
    ]


def period_warnings(period: Period) -> list[str]:
    if period.start_year and period.end_year and period.end_year < period.start_year:
        return [f"plan period ends ({period.end_year}) before it starts ({period.start_year})"]
    return []
