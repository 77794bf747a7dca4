"""Where each part of a document lies: header, preamble, articles, plan body, closing, signature.

A Kế hoạch is its own plan: the body runs from the preamble to the closing. A Quyết định
that issues a plan carries it as an annex after its own signature, with its own heading and
a "(Kèm theo Quyết định số ...)" line; the annex is the plan.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from extractors.structure.header import ANNEX_NOTE, Field, Header, title_after, type_heading, type_name
from extractors.structure.sections import heading_kind
from extractors.structure.signature import SignatureBlock, find_signatures, signature_starts
from extractors.text.lines import Line
from extractors.vocab import ROMAN, is_caps_line, tolerant_phrase

PLAN_TYPES = {"Kế hoạch", "Kế hoạch hành động", "Chương trình", "Chương trình hành động", "Đề án"}
# Documents that hand out duties item by item ("1. Sở Khoa học và Công nghệ: ..."): their items
# are a plan's implementation section. A dispatch (Công điện) does the same but is a letter, and
# carries no plan.
DUTY_TYPES = {"Chỉ thị"}
# An article that issues a plan and lists it: "Điều 1. Ban hành Kế hoạch ... như sau:".
_LISTS_PLAN = re.compile(
    r"\b(?:ban hành|phê duyệt)\b.{0,300}\b(?:kế hoạch|chương trình)\b.*(?:như sau|sau đây|nội dung sau|gồm)\s*:$",
    re.IGNORECASE,
)
_CLOSING = re.compile(r"^(?:Trên đây là|Nhận được Kế hoạch|Nhận Kế hoạch|Yêu cầu các)\b", re.IGNORECASE)
_NOI_NHAN = re.compile(r"^Nơi nhận\b", re.IGNORECASE)
_TOP_SECTION = re.compile(rf"^(?:(?:PHẦN |Phần )?{ROMAN}[.:]\s*\S|[A-HĐ][.)]\s+\S|\d{{1,2}}[.)](?!\d)\s*\S)")
_ARTICLE = re.compile(r"^Điều\s+(\d+)\s*[.:]?\s*(.*)$")
_PLAN_NAME = re.compile(r"(?:kế hoạch|chương trình|đề án)\b.*$", re.IGNORECASE)
_PLAN_KINDS = {"purpose", "objectives", "targets", "activities", "solutions", "funding", "implementation"}
_MIN_INLINE_SECTIONS = 2
_PLAN_TOP = re.compile(rf"^(?:(?:PHẦN |Phần )?{ROMAN}[.:]\s*\S|[A-HĐ][.)]\s+\S)")
# A line of the preamble that names another text ("Căn cứ Quyết định số ... ban hành Kế hoạch ..."):
# what it says another text issued is not what this one issues.
CITING = re.compile(r"(?:Căn cứ|Thực hiện|Theo đề nghị|Xét đề nghị|Xét)\b", re.IGNORECASE)
# A text that issues a plan says so before its signature: "ban hành kèm theo Quyết định này Kế hoạch ...".
_ISSUES_PLAN = re.compile(r"\b(?:ban hành|phê duyệt|kèm theo)\b[^.;]{0,200}?\b(?:kế hoạch|chương trình|đề án)\b", re.I)
# The article that puts a decision in force: the end of a plan stated in the articles before it.
_CLOSING_ARTICLE = re.compile(r"hiệu lực|thi hành|chịu trách nhiệm", re.IGNORECASE)
_DECISION_FORMULA = re.compile(rf"^{tolerant_phrase('QUYẾT ĐỊNH')}\s*:\s*$")
# A first article that approves or issues a plan it names, whether or not the plan follows
# ("Điều 1. Phê duyệt nội dung Kế hoạch ứng phó sự cố tràn dầu huyện Nghĩa Hành (kèm theo ...)").
_APPROVES_PLAN = re.compile(
    r"^(?:Ban hành|Phê duyệt)(?:\s+(?:nội dung|kèm theo Quyết định này))?\s+(?:Kế hoạch|Chương trình|Đề án)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Segments:
    preamble: tuple[int, int]
    articles: tuple[tuple[str, int, int], ...]
    plan_heading: Field | None
    plan_title: Field | None
    plan_start: int | None
    sections_end: int | None
    plan_end: int | None
    signatures: tuple[SignatureBlock, ...]
    # The kind of a top section whose heading names none: "implementation" for a directive's
    # duty items, "activities" for the items of a plan listed in a decision's article.
    default_kind: str | None = None


def _first(lines: list[Line], start_line: int, predicate: Callable[[str], object]) -> Line | None:
    """The first line from ``start_line`` whose stripped text the predicate holds true of; a
    pattern's own ``match`` serves as the predicate, with no Python call per line."""
    return next((ln for ln in lines[start_line:] if predicate(ln.text.strip())), None)


def _end_of_plan(lines: list[Line], start_line: int, text_len: int, signature_at: set[int]) -> tuple[int, int]:
    """(end of the section tree, end of the plan) from ``start_line``: closing, Nơi nhận, signature.

    One pass: the plan ends at the first Nơi nhận or signature, and only a closing before it counts."""
    closing: Line | None = None
    for line in lines[start_line:]:
        text = line.text.strip()
        if line.index in signature_at or _NOI_NHAN.match(text):
            return (closing.start if closing else line.start), line.start
        if closing is None and _CLOSING.match(text):
            closing = line
    return (closing.start if closing else text_len), text_len


def _articles(lines: list[Line], start_line: int, end: int) -> tuple[tuple[str, int, int], ...]:
    found: list[tuple[str, int, int]] = []
    for line in lines[start_line:]:
        if line.start >= end:
            break
        if m := _ARTICLE.match(line.text.strip()):
            found.append((m.group(1), line.start, line.end))
    return tuple(found)


def _inline_plan(
    lines: list[Line], header: Header, articles: tuple[tuple[str, int, int], ...], end: int
) -> tuple[Field | None, int | None, int | None, int | None, str | None]:
    """(title, start, sections end, end) of a plan a decision states in its first article.

    "Điều 1. Phê duyệt Kế hoạch ... với các nội dung sau: 1. Mục tiêu ... 2. Nhiệm vụ ..." carries
    the plan inline: its numbered sections with plan headings are the plan's sections, the articles
    after it up to the one that puts the decision in force are sections too ("Điều 2. Giao Sở
    ... chủ trì"), and the plan's title is the "Kế hoạch ..." part of the decision's trích yếu.
    A first article that approves or issues a named plan with no sections of its own ("Phê duyệt
    nội dung Kế hoạch ... (kèm theo bản thuyết minh ...)") still makes the decision one that
    carries a plan: the plan was published apart, and the articles hold what the decision says of it.
    """
    if not articles:
        return None, None, None, None, None
    first_end = articles[1][1] if len(articles) > 1 else end
    heads = [ln for ln in lines if articles[0][2] < ln.start < first_end and _TOP_SECTION.match(ln.text)]
    listed = bool(_LISTS_PLAN.search(_line_at(lines, articles[0][1]))) and len(heads) >= _MIN_INLINE_SECTIONS
    first = _line_at(lines, articles[0][1])
    sectioned = sum(1 for ln in heads if heading_kind(ln.text) in _PLAN_KINDS) >= _MIN_INLINE_SECTIONS
    approves = bool(_APPROVES_PLAN.match(_ARTICLE.match(first.strip())[2]))
    if not (sectioned or listed or approves):
        return None, None, None, None, None
    title = None
    if header.title is not None and (m := _PLAN_NAME.search(header.title.value)):
        title = Field(m.group(), header.title.start + m.start(), header.title.start + m.end())
    closing = next((a for a in articles[1:] if _CLOSING_ARTICLE.search(_line_at(lines, a[1]))), None)
    plan_end = closing[1] if closing else end
    start = heads[0].start if heads and (sectioned or listed) else articles[0][1]
    return title, start, plan_end, plan_end, "activities" if listed else None


def _plan_like(lines: list[Line], start_line: int) -> bool:
    """Whether a text with no type heading reads as a plan: two of its top headings (Roman or
    lettered) name a plan's sections (a portal that dropped the header of a Kế hoạch), where a
    law or an article prints numbered items."""
    kinds = {heading_kind(ln.text) for ln in lines[start_line:] if _PLAN_TOP.match(ln.text.strip())}
    return len(kinds & _PLAN_KINDS) >= _MIN_INLINE_SECTIONS


def _issues_plan(lines: list[Line], header: Header, end: int | None) -> bool:
    """Whether the text before the signature says it issues a plan ("Ban hành kèm theo Quyết định
    này Kế hoạch ..."), in its own words: a căn cứ that names another text's plan does not count."""
    start = header.title.start if header.title else 0
    for line in lines:
        if line.end <= start or CITING.match(line.text.strip()):
            continue
        if end is not None and line.start >= end:
            break
        if _ISSUES_PLAN.search(line.text):
            return True
    return False


def _line_at(lines: list[Line], start: int) -> str:
    return next(ln.text for ln in lines if ln.start == start)


def find_segments(text: str, lines: list[Line], header: Header) -> Segments:
    """The parts of the document, as offsets into the normalized text."""
    body_line = next((ln.index for ln in lines if ln.start >= header.body_start), len(lines))
    signature_at = signature_starts(lines, body_line)
    signatures = tuple(find_signatures(lines, body_line, signature_at))
    doc_type = header.kind
    first_sig = signatures[0].start if signatures else None

    annex = None
    if first_sig is not None:
        sig_line = next(ln.index for ln in lines if ln.start >= first_sig)
        annex = _first(
            lines,
            sig_line,
            lambda t: bool(
                (m := type_heading().match(t)) and is_caps_line(m["type"]) and type_name(m["type"]) in PLAN_TYPES
            ),
        )
    if annex is not None and not (_issues_plan(lines, header, first_sig) or _plan_like(lines, annex.index)):
        annex = None  # a form in the annex of a decision that issues no plan ("Mẫu ... KẾ HOẠCH ...")
    if annex is not None and (doc_type not in PLAN_TYPES or header.type is None):
        m = type_heading().match(annex.text.strip())
        offset = annex.text.index(annex.text.strip())
        heading = Field(m["type"], annex.start + offset, annex.start + offset + len(m["type"]))
        if m["rest"]:
            title = Field(m["rest"], annex.start + offset + m.start("rest"), annex.end)
            after = annex.index + 1
        else:
            title, after = title_after(lines, annex.index + 1)
        note = _first(lines, after, bool)
        if note is not None and ANNEX_NOTE.match(note.text.strip()):
            after = note.index + 1
        plan_start = lines[after].start if after < len(lines) else len(text)
        sections_end, plan_end = _end_of_plan(lines, after, len(text), signature_at)
        preamble_end = first_sig
        articles = _articles(lines, body_line, first_sig)
        return Segments(
            (header.body_start, preamble_end), articles, heading, title, plan_start, sections_end, plan_end, signatures
        )

    top = _first(lines, body_line, _TOP_SECTION.match)
    formula = _first(lines, body_line, _DECISION_FORMULA.match)
    preamble_end = top.start if top else header.body_start
    if formula is not None and (top is None or formula.start < top.start):
        end = first_sig if first_sig is not None else len(text)
        articles = _articles(lines, formula.index, end)
        title, start, sections_end, plan_end, kind = _inline_plan(lines, header, articles, end)
        return Segments(
            (header.body_start, formula.start), articles, None, title, start, sections_end, plan_end, signatures, kind
        )
    if doc_type in DUTY_TYPES and top is not None:
        sections_end, plan_end = _end_of_plan(lines, top.index, len(text), signature_at)
        return Segments(
            (header.body_start, preamble_end),
            (),
            None,
            header.title,
            top.start,
            sections_end,
            plan_end,
            signatures,
            "implementation",
        )
    if doc_type in PLAN_TYPES or (doc_type is None and top is not None and _plan_like(lines, top.index)):
        start_line = top.index if top else body_line
        sections_end, plan_end = _end_of_plan(lines, start_line, len(text), signature_at)
        return Segments(
            (header.body_start, preamble_end),
            (),
            header.type,
            header.title,
            top.start if top else header.body_start,
            sections_end,
            plan_end,
            signatures,
        )
    return Segments((header.body_start, preamble_end), (), None, None, None, None, None, signatures)
