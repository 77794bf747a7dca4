"""Task tables: one task a row, its columns named by the header row.

A plan's annex often lists its tasks as a table ("PHỤ LỤC ... DANH MỤC NHIỆM VỤ": STT | Nhiệm
vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm). Every reader gives
a table to the front door as rows, a line each, cells between " | " (``extractors.text``), so
one reader here serves Word, PDF, HTML and Markdown tables alike. The header names each
column's role with the labels of ``data/tasks.toml``; a table is a task table when it has a
task column and a lead or executor column. A row with fewer cells than the header is a
section row ("I | Hoàn thiện thể chế"): it names the group of the rows below it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.facts.agency_index import AgencyIndex
from extractors.facts.tasks import Assignment, assignment, column_role, due_of
from extractors.text.lines import Line
from models import Activity, Schedule

_CELL_EDGE = re.compile(r"\s*\|\s*")
_ROW = " | "
_DOERS = {"lead", "executor"}
# What a task row says beside its task: a row with none of these is a section row.
_ROW_FACTS = {"lead", "executor", "partner", "time", "product", "funding"}


@dataclass(frozen=True, slots=True)
class _Cell:
    text: str
    start: int
    end: int


def _cells(line: Line) -> list[_Cell]:
    """The cells of a row line with their spans (an empty cell spans nothing)."""
    out: list[_Cell] = []
    pos = 0
    text = line.text
    for edge in [*_CELL_EDGE.finditer(text), None]:
        end = edge.start() if edge else len(text)
        raw = text[pos:end]
        lead = len(raw) - len(raw.lstrip())
        value = raw.strip()
        out.append(_Cell(value, line.start + pos + lead, line.start + pos + lead + len(value)))
        if edge:
            pos = edge.end()
    return out


def _roles(header: list[_Cell]) -> list[str | None]:
    return [column_role(cell.text) for cell in header]


def _is_task_table(roles: list[str | None]) -> bool:
    return "content" in roles and bool(_DOERS & set(roles))


def table_tasks(text: str, lines: list[Line], start: int, end: int, index: AgencyIndex | None = None) -> list[Activity]:
    """The tasks of every task table whose rows lie in ``text[start:end]``; ``index``: the text's agencies."""
    out: list[Activity] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.start < start or line.end > end or _ROW not in line.text:
            i += 1
            continue
        header = _cells(line)
        roles = _roles(header)
        j = i + 1
        while j < len(lines) and _ROW in lines[j].text:
            j += 1
        if _is_task_table(roles):
            out += _rows(text, lines[i + 1 : j], header, roles, index)
        i = j
    return out


def _rows(
    text: str, rows: list[Line], header: list[_Cell], roles: list[str | None], index: AgencyIndex | None
) -> list[Activity]:
    out: list[Activity] = []
    group: list[str] = []
    names = [c.text.casefold() for c in header]
    for line in rows:
        cells = _cells(line)
        if [c.text.casefold() for c in cells] == names:
            continue  # the header again, on a new page
        by_role: dict[str, list[_Cell]] = {}
        for role, cell in zip(roles, cells, strict=False):
            if role is not None and cell.text:
                by_role.setdefault(role, []).append(cell)
        task = by_role.get("content")
        if len(cells) < len(header) or (task and not _ROW_FACTS & set(by_role)):
            # A section row, merged across the table or with its other cells empty: it names a group.
            group = [cells[0].text] if cells and cells[0].text else []
            continue
        if not task:
            continue
        lead, executors, partners = Assignment(), Assignment(), Assignment()
        for role, target in (("lead", lead), ("executor", executors), ("partner", partners)):
            for cell in by_role.get(role, []):
                target.merge(assignment(text, cell.start, cell.end, index=index))
        doers = Assignment()
        doers.merge(lead)
        if lead.lead:
            doers.partners += [n for n in executors.lead + executors.partners if n not in doers.lead]
        else:
            doers.merge(executors)
        doers.partners += [n for n in partners.lead + partners.partners if n not in doers.partners + doers.lead]
        schedule = None
        if times := by_role.get("time"):
            first, last = times[0], times[-1]
            when = due_of(text, first.start, last.end)
            schedule = Schedule(start=when[0], end=when[1], text=" ".join(c.text for c in times))
        number = next((c.text for role, c in zip(roles, cells, strict=False) if role == "number" and c.text), None)
        products = [c.text for c in by_role.get("product", [])]
        out.append(
            Activity(
                title=task[0].text,
                section_path=[*group, *([number] if number else [])],
                content=[c.text for c in task[1:]] + products,
                lead=doers.lead,
                partners=doers.partners,
                schedule=schedule,
                span=(line.start, line.end),
            )
        )
    return out
