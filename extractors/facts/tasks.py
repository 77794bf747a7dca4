"""Tasks of a plan: who does what, with whom, by when.

Plans state a task in one of two explicit forms. An activity block: an item whose labelled
lines name who carries it and when ("Cơ quan chủ trì: ...", "Cơ quan phối hợp: ...",
"Thời gian thực hiện: Quý II/2026"; "Cơ quan thực hiện: Sở X chủ trì, phối hợp với Y"; labels
as headings with the agencies listed under them), or an item that says it in a sentence
("Giao Công an tỉnh chủ trì, phối hợp với ...", "Các sở, ngành ... tiếp tục tổ chức ...").
And a task table (STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian), read by
``extractors.facts.task_tables``. An agency-headed duty list ("1. Sở Y tế: chủ trì ...") is
the plan's responsibilities, not tasks.

Labels, doers' words and the words of a deadline are data (``data/tasks.toml``).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from extractors.facts.agencies import AgencyMention, iter_agencies
from extractors.facts.agency_index import AgencyIndex
from extractors.facts.dates import iter_dates
from extractors.structure.sections import ITEM_MARKER, Node, number_path
from extractors.vocab import longest_first
from models import Activity, Schedule

Role = str  # "lead", "executor", "partner", "both", "time", "content", "product", "funding", "number"

# Sections whose items are not tasks: the duty lists of Tổ chức thực hiện, purposes, money, reports.
_NOT_TASKS = {"implementation", "purpose", "funding", "reporting", "background"}
_DOER_ROLES = {"lead", "executor", "partner"}
_YEAR_SPAN = re.compile(r"\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b")
_BARE_YEAR = re.compile(r"\D*\b((?:19|20)\d\d)\b\D*$")
# A note in brackets that gives the task: "(Giao Sở Tài chính chủ trì)".
_GIAO_NOTE = re.compile(r"\(\s*(?=Giao\b)")


@dataclass(frozen=True)
class _Vocab:
    label: re.Pattern[str]
    heading: re.Pattern[str]
    roles: dict[str, Role]
    prefix: re.Pattern[str]
    heads: re.Pattern[str]
    joiner: re.Pattern[str]
    lead: re.Pattern[str]
    partner: re.Pattern[str]
    verb: re.Pattern[str]
    open_ended: re.Pattern[str]
    completion: re.Pattern[str]


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    data = tomllib.loads(resources.files("extractors.data").joinpath("tasks.toml").read_text("utf-8"))
    roles = {label.casefold(): role for role, labels in data["labels"].items() for label in labels}
    words = data["assignment"]
    due = data["due"]

    def alternation(items: list[str]) -> str:
        return longest_first(items)

    return _Vocab(
        label=re.compile(rf"^(?P<label>{alternation(list(roles))})\s*(?:[:：]\s*(?P<value>.*)|\.?$)", re.IGNORECASE),
        heading=re.compile(rf"(?P<label>{alternation(list(roles))})(?!\w)", re.IGNORECASE),
        roles=roles,
        prefix=re.compile(rf"\(?\s*(?:{alternation(words['prefixes'])})\s+", re.IGNORECASE),
        heads=re.compile(rf"(?:{alternation(words['heads'])})\s+", re.IGNORECASE),
        joiner=re.compile(rf"^[\s,;/]*(?:(?:{alternation(words['joiners'])})[\s,;/]+)*$", re.IGNORECASE),
        lead=re.compile(rf"\b(?:{alternation(words['lead'])})\b", re.IGNORECASE),
        partner=re.compile(rf"\b(?:{alternation(words['partner'])})\b", re.IGNORECASE),
        verb=re.compile(rf"[\s,]*(?:{alternation(words['verbs'])})\b", re.IGNORECASE),
        open_ended=re.compile(rf"\b(?:{alternation(due['open_ended'])})\b", re.IGNORECASE),
        completion=re.compile(rf"\b(?:{alternation(due['completion'])})\b", re.IGNORECASE),
    )


@lru_cache(maxsize=4096)
def label_of(text: str) -> tuple[Role, int | None] | None:
    """The role a label at the start of ``text`` gives ("Cơ quan chủ trì: ..." → lead) and where
    its value starts (None when the label stands alone, its value below it).

    Cached: item headings repeat from plan to plan (a label standing alone, "Nội dung",
    "Cơ quan thực hiện"), and the case-blind pattern is slow to try."""
    v = _vocab()
    m = v.label.match(text)
    if m is None:
        return None
    return v.roles[m["label"].casefold()], (m.start("value") if m["value"] is not None else None)


def column_role(heading: str) -> Role | None:
    """The role of a table column its heading opens with ("Tên nhiệm vụ/dự án" → content,
    "Thời gian triển khai" → time, "Kết quả dự kiến" → product)."""
    v = _vocab()
    m = v.heading.match(heading.strip())
    return v.roles[m["label"].casefold()] if m else None


def _gap_joins(text: str, start: int, end: int) -> bool:
    """Whether what lies between two doers joins them into one list ("; ", ", ", " và ", a head's title)."""
    return _joins(text[start:end])


@lru_cache(maxsize=4096)
def _joins(gap: str) -> bool:
    """``_gap_joins`` of the gap itself: cached, as the same few gaps (", ", " và ") come back at
    every list of doers; nothing or blanks join without a look at the patterns."""
    if not gap or gap.isspace():
        return True
    v = _vocab()
    return bool(v.joiner.match(v.heads.sub(" ", gap)))


def _leading(text: str, start: int, end: int, mentions: Sequence[AgencyMention]) -> list[AgencyMention]:
    """The doers a phrase opens with: the agencies from its start (after "Giao", a head's title)
    joined only by list words."""
    v = _vocab()
    pos = start
    if m := v.prefix.match(text, start, end):
        pos = m.end()
    out: list[AgencyMention] = []
    for mention in mentions:
        if mention.start < pos:
            continue
        if not _gap_joins(text, pos, mention.start):
            break
        out.append(mention)
        pos = mention.end
    return out


@dataclass
class Assignment:
    """Who leads and who partners, as canonical agency names, in the order the text names them."""

    lead: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)

    def merge(self, other: Assignment) -> None:
        self.lead += [n for n in other.lead if n not in self.lead]
        self.partners += [n for n in other.partners if n not in self.partners]

    def __bool__(self) -> bool:
        return bool(self.lead or self.partners)


def _agencies(text: str, start: int, end: int, index: AgencyIndex | None) -> Sequence[AgencyMention]:
    """The agencies of a window: from the text's index when there is one (found once for the
    whole text: a plan asks this for every item), else scanned."""
    return index.within(start, end) if index is not None else list(iter_agencies(text, start, end))


def assignment(
    text: str, start: int, end: int, *, all_lead: bool = True, index: AgencyIndex | None = None
) -> Assignment:
    """Who a phrase gives a task to: "Sở X chủ trì, phối hợp với Y, Z" → lead X, partners Y, Z;
    "Sở A, Sở B" → both lead (``all_lead``: a field that names doers only); "Sở X đôn đốc các
    đơn vị" → lead X (the doers the phrase opens with)."""
    v = _vocab()
    mentions = _agencies(text, start, end, index)
    if not mentions:
        return Assignment()
    partner = v.partner.search(text, start, end)
    chair = v.lead.search(text, start, end)
    cut = min((m.start() for m in (partner, chair) if m is not None), default=end)
    lead = _leading(text, start, cut, [m for m in mentions if m.end <= cut])
    partners: list[AgencyMention] = []
    if partner is not None:
        after = [m for m in mentions if m.start >= partner.end()]
        pos = partner.end()
        for mention in after:
            if not _gap_joins(text, pos, mention.start):
                break
            partners.append(mention)
            pos = mention.end
    if not lead and not partners and all_lead and chair is None:
        lead = list(mentions)
    names = list(dict.fromkeys(m.name for m in lead))
    return Assignment(names, [n for n in dict.fromkeys(m.name for m in partners) if n not in names])


def due_of(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """(start, end) of the time a task names, as ISO dates: the end of the period named ("Quý
    II/2026" → 2026-06-30, "2026-2030" → 2030-12-31), or the completion deadline it states
    ("Thường xuyên; riêng năm 2020 hoàn thành trong quý II/2020" → 2020-06-30). An open-ended
    time ("Thường xuyên", "Hằng năm", "Từ quý II/2027") has no end."""
    v = _vocab()
    dates = list(iter_dates(text, start, end))
    spans = [(m.start(), m.end(), f"{m[1]}-01-01", f"{m[2]}-12-31") for m in _YEAR_SPAN.finditer(text, start, end)]
    points = sorted(
        [(d.start, d.end, d.first_day, d.last_day) for d in dates if d.last_day]
        + [s for s in spans if not any(d.start <= s[0] < d.end for d in dates)]
    )
    if not points and (bare := _BARE_YEAR.match(text, start, end)):
        year = bare[1]
        return f"{year}-01-01", f"{year}-12-31"
    if not points:
        return None, None
    completion = v.completion.search(text, start, end)
    if completion is not None:
        after = [p for p in points if p[0] >= completion.end()]
        if after:
            return after[0][2], after[0][3]
    if v.open_ended.search(text, start, end):
        return None, None
    words = text[start:end].casefold()
    if "từ" in words and "đến" not in words and "-" not in text[start:end] and len(points) == 1:
        return points[0][2], None
    return points[0][2], points[-1][3]


@dataclass
class _Block:
    """What the labelled lines of one item say."""

    lead: Assignment = field(default_factory=Assignment)
    executors: Assignment = field(default_factory=Assignment)
    partners: Assignment = field(default_factory=Assignment)
    time: list[tuple[int, int]] = field(default_factory=list)
    labelled: bool = False

    def doers(self) -> Assignment:
        out = Assignment()
        if not self.labelled:  # only a doer's label gives doers
            return out
        out.merge(self.lead)
        if self.lead.lead:
            out.partners += [n for n in self.executors.lead + self.executors.partners if n not in out.lead]
        else:
            out.merge(self.executors)
        out.partners += [n for n in self.partners.lead + self.partners.partners if n not in out.partners + out.lead]
        return out


def _add(block: _Block, role: Role, text: str, start: int, end: int, index: AgencyIndex | None) -> None:
    if start >= end:
        return
    if role in ("lead", "executor", "partner"):
        block.labelled = True
        found = assignment(text, start, end, index=index)
        target = {"lead": block.lead, "executor": block.executors, "partner": block.partners}[role]
        target.merge(found)
    elif role == "time":
        block.time.append((start, end))


# What an item says besides its labels, in order: a text, or a node that stands for its body
# lines. Most items turn out not to be tasks, so a node's lines are read out only for a task.
_Content = list[str | Node]


def _item_texts(node: Node) -> list[str]:
    """The body lines of an item without their numbers or bullets."""
    return [ITEM_MARKER.sub("", line.text.strip()) for line in node.body_lines()]


def _content_texts(content: _Content) -> list[str]:
    out: list[str] = []
    for piece in content:
        if isinstance(piece, str):
            out.append(piece)
        else:
            out += _item_texts(piece)
    return out


def _read_labels(text: str, node: Node, block: _Block, content: _Content, index: AgencyIndex | None) -> None:
    """Labels in ``node``'s own lines and in its items, into ``block``; other lines into ``content``."""
    for line in node.own:
        stripped = ITEM_MARKER.sub("", line.text.strip())
        found = label_of(stripped)
        if found is None:
            content.append(stripped)
            continue
        role, at = found
        if at is not None:
            _add(block, role, text, line.end - len(stripped) + at, line.end, index)
    for child in node.children:
        found = label_of(child.rest)
        if found is None:
            content += (child.rest, child)
            continue
        role, at = found
        if role == "content":
            if at is not None:
                content.append(child.rest[at:])
            content.append(child)
        elif role == "both":
            _read_labels(text, child, block, content, index)
        else:
            if at is not None:
                _add(block, role, text, child.line.end - len(child.rest) + at, child.line.end, index)
            for line in child.body_lines():
                # An item under the heading may carry its own label ("b) Cơ quan thực hiện:" over
                # "- Đơn vị chủ trì: X" and "- Đơn vị phối hợp: Y"): its label wins.
                stripped = ITEM_MARKER.sub("", line.text.strip())
                own = label_of(stripped) if role in _DOER_ROLES else None
                if own is not None and own[1] is not None:
                    _add(block, own[0], text, line.end - len(stripped) + own[1], line.end, index)
                else:
                    _add(block, role, text, line.start, line.end, index)


def _stated(text: str, node: Node, index: AgencyIndex | None) -> Assignment:
    """The doers an item names in its own sentence: "Giao X chủ trì ...", "(Giao X tham mưu)", or
    agencies opening the item and followed by what they do (not by a colon: a duty list)."""
    v = _vocab()
    own = [node.line, *node.own]
    for line in own:
        body_start = line.end - len(line.text.lstrip()) if line is not node.line else node.line.end - len(node.rest)
        for m in _GIAO_NOTE.finditer(text, body_start, line.end):
            close = text.find(")", m.end(), line.end)
            found = assignment(text, m.end(), close if close != -1 else line.end, all_lead=False, index=index)
            if found:
                return found
        if text[body_start : body_start + 4].lower() == "giao" and v.prefix.match(text, body_start, line.end):
            found = assignment(text, body_start, line.end, all_lead=False, index=index)
            if found:
                return found
    start = node.line.end - len(node.rest)
    mentions = _agencies(text, start, min(node.line.end, start + 400), index)
    lead = _leading(text, start, node.line.end, mentions) if mentions else []
    if lead and v.verb.match(text, lead[-1].end, node.line.end):
        found = assignment(text, start, node.line.end, all_lead=False, index=index)
        return found or Assignment([m.name for m in lead])
    return Assignment()


def _activity(text: str, node: Node, path: list[Node], doers: Assignment, block: _Block, content: _Content) -> Activity:
    time = block.time
    schedule = None
    if time:
        first, last = time[0][0], time[-1][1]
        start, end = due_of(text, first, last)
        schedule = Schedule(start=start, end=end, text=" ".join(text[first:last].split()))
    return Activity(
        title=node.rest,
        section_path=number_path(path),
        content=[c for c in _content_texts(content) if c],
        lead=doers.lead,
        partners=doers.partners,
        schedule=schedule,
        span=(node.start, node.end),
    )


def tasks_in(text: str, tops: list[Node], index: AgencyIndex | None = None) -> list[Activity]:
    """The tasks of a plan's section tree, in document order; ``index``: the text's agencies."""
    out: list[Activity] = []
    for top in tops:
        if top.kind not in _NOT_TASKS:
            out += _tasks_of(text, top, [top], index)[0]
    return out


def _tasks_of(text: str, node: Node, path: list[Node], index: AgencyIndex | None) -> tuple[list[Activity], bool]:
    """The tasks of ``node`` and whether its own lines carry a doer's label.

    The parent needs the second to spread a labelled block over the items before it; it comes
    from the labels read here, so they are not read again."""
    labelled = False
    if node.own or node.children:  # an item with no lines under it has no labels to read
        block, content = _Block(), []
        _read_labels(text, node, block, content, index)
        labelled = block.labelled
        doers = block.doers()
        if doers:
            return [_activity(text, node, path, doers, block, content)], labelled
    stated = _stated(text, node, index) if node.number or node.style in ("dash", "plus") else Assignment()
    if stated:
        return [_activity(text, node, path, stated, _Block(), [node])], labelled
    out: list[Activity] = []
    waiting: list[Node] = []
    for child in node.children:
        found, has_block = _tasks_of(text, child, [*path, child], index)
        if not found and child.number:
            waiting.append(child)
            continue
        if len(found) == 1 and found[0].span == (child.start, child.end) and has_block:
            # A labelled block after several items applies to each of them (1.1, 1.2, then "Cơ quan thực hiện").
            out += [found[0].model_copy(update=_inherited(w, [*path, w])) for w in waiting]
        waiting = []
        out += found
    return out, labelled


def _inherited(node: Node, path: list[Node]) -> dict:
    return {
        "title": node.rest,
        "section_path": number_path(path),
        "content": _item_texts(node),
        "span": (node.start, node.end),
    }
