"""Activities of a plan: each item of a "Nội dung / Nhiệm vụ" section, with who leads, who
partners, what it costs and when, as the item's own labelled lines say.
"""

from __future__ import annotations

import re

from extractors.facts.agencies import split_agency_list
from extractors.facts.dates import iter_date_ranges, iter_dates
from extractors.structure.sections import ITEM_MARKER, Node, number_path
from models import Activity, Schedule

_HEADING_ONLY = re.compile(r"^(?:Nội dung|Tổ chức thực hiện|Phạm vi thực hiện)\s*:?$", re.IGNORECASE)
_LABEL = re.compile(
    r"^(?P<label>Cơ quan chủ trì|Đơn vị chủ trì|Chủ trì|Cơ quan thực hiện|Đơn vị thực hiện|"
    r"Cơ quan phối hợp|Đơn vị phối hợp|Phối hợp|Kinh phí(?: thực hiện)?|Nguồn kinh phí|Thời gian(?: thực hiện)?|"
    r"Tiến độ(?: thực hiện)?|Tổ chức thực hiện)\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_LEAD = ("cơ quan chủ trì", "đơn vị chủ trì", "chủ trì", "cơ quan thực hiện", "đơn vị thực hiện")
_PARTNER = ("cơ quan phối hợp", "đơn vị phối hợp", "phối hợp")


def _agencies(text: str, start: int, end: int) -> list[str]:
    seen: dict[str, None] = {}
    for mention in split_agency_list(text, start, end):
        seen.setdefault(mention.name)
    return list(seen)


def _schedule(text: str, start: int, end: int) -> Schedule:
    for rng in iter_date_ranges(text, start, end):
        return Schedule(
            start=rng.first.first_day or rng.first.value,
            end=rng.last.last_day or rng.last.value,
            text=text[start:end].strip(),
        )
    dates = list(iter_dates(text, start, end))
    if dates:
        return Schedule(start=dates[0].first_day, end=dates[-1].last_day, text=text[start:end].strip())
    return Schedule(text=text[start:end].strip())


def activity_of(text: str, node: Node, path: list[Node]) -> Activity:
    """The activity an item of an activities section describes."""
    lead: list[str] = []
    partners: list[str] = []
    funding: str | None = None
    schedule: Schedule | None = None
    content: list[str] = []
    for line in [node.line, *node.body_lines()]:
        stripped = ITEM_MARKER.sub("", line.text.strip())
        m = _LABEL.match(stripped)
        if m is None:
            if line is not node.line and not _HEADING_ONLY.match(stripped):
                content.append(stripped)
            continue
        label = m["label"].lower()
        value_start = line.end - len(m["value"])
        if label in _LEAD:
            lead.extend(_agencies(text, value_start, line.end))
        elif label in _PARTNER:
            partners.extend(_agencies(text, value_start, line.end))
        elif label.startswith(("kinh phí", "nguồn kinh phí")):
            funding = m["value"].strip(" .;") or None
        elif label.startswith(("thời gian", "tiến độ")):
            schedule = _schedule(text, value_start, line.end)
    return Activity(
        title=node.rest if not _LABEL.match(node.rest) else (node.number or node.rest),
        section_path=number_path(path),
        content=content,
        lead=list(dict.fromkeys(lead)),
        partners=[p for p in dict.fromkeys(partners) if p not in lead],
        funding=funding,
        schedule=schedule,
        span=(node.start, node.end),
    )
