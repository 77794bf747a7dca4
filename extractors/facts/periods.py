"""The years a plan covers: from its title, else the preamble, else the horizon of its targets.

"giai đoạn 2026 - 2030", "năm học 2024-2025", "năm 2023" state both ends. A plan that states
only where it ends ("từ nay đến năm 2020", "Mục tiêu cụ thể đến năm 2030", targets opening
"Đến năm 2020, phấn đấu ...") runs from the year it was issued. Years inside a cited
document's mention ("Chỉ thị số 14-CT/TW ngày 19 tháng 7 năm 2017") are never the plan's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from models import Period

_RANGES = (
    re.compile(r"(?:giai đoạn|năm học|thời kỳ|từ năm|niên khóa)\s*(\d{4})\s*(?:-|–|đến(?: năm)?)\s*(\d{4})", re.I),
    re.compile(r"\b(\d{4})\s*-\s*(\d{4})\b"),
)
_UNTIL = re.compile(r"\b(?:từ nay )?đến năm\s+(\d{4})\b", re.I)
_YEAR = re.compile(r"\bnăm\s+(\d{4})\b", re.I)
# A target's horizon at the start of a line or item: "e) Đến năm 2020, phấn đấu ...".
_HORIZON = re.compile(r"^(?:[a-zđ]\)\s*|\d{1,2}(?:\.\d{1,2})*\.\s*|[-+]\s*)?Đến năm\s+(\d{4})\b", re.M)


def _free(skip: Iterable[tuple[int, int]], at: int) -> bool:
    return not any(a <= at < b for a, b in skip)


def period_in(phrase: str, skip: list[tuple[int, int]], offset: int, issued: int | None) -> Period:
    """The first period a title or sentence states; ``offset`` places it in the text, ``issued``
    is the document's year (the start of a plan that states only its end)."""
    best: tuple[int, int, Period] | None = None
    for rank, pattern in enumerate((*_RANGES, _UNTIL, _YEAR)):
        for m in pattern.finditer(phrase):
            if not _free(skip, offset + m.start()):
                continue
            if pattern is _UNTIL:
                start, end = issued, int(m[1])
            else:
                start = int(m[1])
                end = int(m[2]) if pattern in _RANGES else start
            if best is None or (m.start(), rank) < best[:2]:
                best = (
                    m.start(),
                    rank,
                    Period(start_year=start, end_year=end, span=(offset + m.start(), offset + m.end())),
                )
            break
    return best[2] if best else Period()


def horizon(
    text: str,
    start: int,
    end: int,
    headings: Iterable[tuple[str, int]],
    skip: list[tuple[int, int]],
    issued: int | None,
) -> Period:
    """The period the plan's targets give when nothing else does: from the year of issue to the
    latest year a target line or an objectives heading says it runs to."""
    found: list[tuple[int, int, int]] = []
    for m in _HORIZON.finditer(text, start, end):
        if _free(skip, m.start(1)):
            found.append((int(m[1]), m.start(), m.end()))
    for heading, at in headings:
        if (m := _UNTIL.search(heading)) and _free(skip, at + m.start()):
            found.append((int(m[1]), at + m.start(), at + m.end()))
    if not found or issued is None:
        return Period()
    year, a, b = max(found)
    return Period(start_year=issued, end_year=year, span=(a, b)) if year >= issued else Period()
