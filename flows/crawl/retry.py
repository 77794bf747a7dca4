"""When to try a request again, and how long to wait first."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


def backoff_delay(attempt: int, base: float, *, cap: float = 60.0, rng: random.Random | None = None) -> float:
    """Exponential backoff with jitter: half the doubled delay fixed, half random, so that
    clients failing together do not retry together."""
    delay = min(cap, base * 2**attempt)
    return delay / 2 + (rng or random).uniform(0, delay / 2)


def retry_after_seconds(value: str | None, *, now: datetime | None = None) -> float | None:
    """The wait a Retry-After header asks for (seconds or an HTTP date), or None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
