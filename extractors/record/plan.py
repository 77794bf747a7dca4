"""The plan a document carries: its sections, objectives, targets, activities, duties,
funding and reporting, each read from the sections of the kind that holds it.
"""

from __future__ import annotations

import re

from extractors.facts.agencies import canonical_agency
from extractors.facts.agency_index import AgencyIndex
from extractors.facts.indicators import IndicatorMention, iter_indicators
from extractors.facts.periods import horizon
from extractors.facts.reporting import duties_in
from extractors.facts.responsibilities import headed_by_agency, responsibilities_of
from extractors.facts.task_tables import table_tasks
from extractors.facts.tasks import tasks_in
from extractors.structure.sections import ITEM_MARKER, Node, is_background, number_path, parse_sections
from extractors.text.lines import Line
from models import Baseline, Funding, Indicator, Objectives, Period, Plan, Responsibility

_INDICATOR_KINDS = {"objectives", "targets", "activities", "solutions", "implementation", "purpose", "other"}
_TARGET_KINDS = {"objectives", "targets"}
_GENERAL = re.compile(r"mục tiêu chung|mục tiêu tổng quát", re.I)
_SPECIFIC = re.compile(r"mục tiêu cụ thể|chỉ tiêu", re.I)
_SOURCE_START = r"(?:các )?(?:nguồn|ngân sách|kinh phí|vốn|huy động|xã hội hóa)"
_SOURCE_SPLIT = re.compile(rf";|,\s+(?={_SOURCE_START})|\s+và\s+(?={_SOURCE_START})", re.I)
_SOURCE_WORD = re.compile(r"ngân sách|nguồn|vốn|huy động|xã hội hóa|tài trợ|kinh phí", re.I)


def _section_data(node: Node) -> dict:
    """The record's section for a node, as the data ``Plan`` validates: pydantic builds the whole
    tree in one call, faster than a ``Section`` per node built in Python."""
    return {
        "kind": node.kind,
        "heading": node.heading,
        "number": node.number,
        "text": "\n".join([ln.text.strip() for ln in node.own]),
        "span": (node.line.start, node.end),
        "children": [_section_data(c) for c in node.children if c.number or c.children or c.rest],
    }


def _node_text(node: Node) -> list[str]:
    heads = {id(sub.line) for sub in node.walk()}
    texts = (ITEM_MARKER.sub("", ln.text.strip()) if id(ln) in heads else ln.text.strip() for ln in node.body_lines())
    return [t for t in texts if t]


def _objectives(tops: list[Node]) -> Objectives:
    general: list[str] = []
    specific: list[str] = []
    for top in tops:
        if top.kind not in _TARGET_KINDS:
            continue
        labelled = False
        for child in top.children:
            if _GENERAL.search(child.heading):
                general.extend(_node_text(child))
                labelled = True
            elif _SPECIFIC.search(child.heading):
                specific.extend(_node_text(child))
                labelled = True
        if not labelled:
            (specific if top.children else general).extend(_node_text(top))
    return Objectives(general=general, specific=specific)


def _path_to(tops: list[Node], offset: int) -> list[Node]:
    path: list[Node] = []
    nodes = tops
    while True:
        node = next((n for n in nodes if n.start <= offset < n.end + 1), None)
        if node is None:
            return path
        path.append(node)
        nodes = node.children


def _indicator(m: IndicatorMention, path: list[Node]) -> Indicator:
    baseline = (
        Baseline(value=m.baseline_value, year=m.baseline_year)
        if m.baseline_value is not None or m.baseline_year is not None
        else None
    )
    return Indicator(
        text=m.text,
        subject=m.subject,
        value=m.value,
        value_max=m.value_max,
        unit=m.unit,
        numerator=m.numerator,
        denominator=m.denominator,
        comparator=m.comparator,
        direction=m.direction,
        baseline=baseline,
        target_year=m.target_year,
        section_path=number_path(path),
        span=(m.start, m.end),
    )


def _funding(text: str, tops: list[Node]) -> Funding:
    nodes = [t for t in tops if t.kind == "funding"]
    if not nodes:
        return Funding()
    node = nodes[0]
    body = text[node.line.end : node.end].strip()
    sources: list[str] = []
    for part in _SOURCE_SPLIT.split(ITEM_MARKER.sub("", " ".join(body.split()))):
        part = part.strip(" .;,")
        if part and _SOURCE_WORD.search(part) and part not in sources:
            sources.append(part)
    return Funding(sources=sources, text=body or None, span=(node.start, node.end))


def _duties_by_agency(text: str, index: AgencyIndex, top: Node) -> list[Responsibility]:
    """The duties of a task section laid out agency by agency ("1. Sở Y tế", "2. Sở Tài chính"):
    when most of its items are headed by an agency, it hands out duties as "Tổ chức thực hiện"
    does; a section of tasks by theme gives none."""
    items = [child for child in top.children if child.number]
    if not items or 2 * sum(headed_by_agency(text, index, item) for item in items) < len(items):
        return []
    # Task items open with verbs that are also nouns ("Tổ chức tập huấn ..."): only the agency
    # table's names count as the duty holders of such a section.
    return [r for r in responsibilities_of(text, index, top) if _known(r.agency)]


def _known(name: str) -> bool:
    mention = canonical_agency(name)
    return mention is not None and not mention.is_group and mention.end - mention.start >= len(name) - 1


def build_plan(
    text: str,
    index: AgencyIndex,
    lines: list[Line],
    start: int,
    sections_end: int,
    plan_end: int,
    title: str | None,
    period: Period,
    spans: list[tuple[int, int]],
    issued: int | None = None,
    default_kind: str | None = None,
) -> Plan:
    """The plan whose body is ``text[start:sections_end]``, closing remarks up to ``plan_end``.

    ``period`` is what the title or preamble states; when they state none, the targets'
    horizon gives it, from ``issued`` (the document's year) on. ``default_kind`` is the kind of a
    top section whose heading names none (a directive's duty items, the items a decision lists)."""
    tops = parse_sections(lines, start, sections_end)
    if default_kind:
        for top in tops:
            if top.kind == "other" and not is_background(top.heading):
                for node in top.walk():
                    node.kind = default_kind if node.kind == "other" else node.kind
    if period.end_year is None:
        headings = [(n.heading, n.start) for top in tops for n in top.walk() if n.kind in _TARGET_KINDS]
        period = horizon(text, start, sections_end, headings, spans, issued)
    indicators: list[Indicator] = []
    responsibilities = []
    reporting = []
    for top in tops:
        if top.kind in _INDICATOR_KINDS and not is_background(top.heading):
            for m in iter_indicators(text, top.start, top.end, ratios=True, counts=True):
                if any(a <= m.start < b for a, b in spans):
                    continue
                path = _path_to(tops, m.start)
                if m.unit in ("%", "VND", "USD") or any(n.kind in _TARGET_KINDS for n in path):
                    indicators.append(_indicator(m, path))
        if top.kind == "activities":
            responsibilities.extend(_duties_by_agency(text, index, top))
        if top.kind == "implementation":
            responsibilities.extend(responsibilities_of(text, index, top))
        if top.kind in ("reporting", "implementation"):
            reporting.extend(duties_in(text, index, top.start, top.end, section=top.kind == "reporting", skip=spans))
    reporting.extend(duties_in(text, index, sections_end, plan_end, section=False, skip=spans))
    # A task table may stand in an annex after the signature: it is read to the end of the text.
    activities = tasks_in(text, tops, index) + table_tasks(text, lines, start, len(text), index)
    return Plan(
        title=title,
        period=period,
        sections=[_section_data(t) for t in tops],
        objectives=_objectives(tops),
        indicators=indicators,
        activities=activities,
        responsibilities=responsibilities,
        funding=_funding(text, tops),
        reporting=reporting,
    )
