"""The body of a plan as a section tree: I. / A. / 1. / 1.1. / a) / - / + in any nesting.

Numbering styles nest in the order a document first uses them, so the same parser reads
a plan with Roman top sections and one with Arabic ones: a marker style seen before
closes the sections opened after it. Top sections get a kind from the heading
vocabulary in ``data/headings.toml``; a subsection whose heading names a kind of its own
("3. Chỉ tiêu cụ thể") takes it, the others inherit their parent's.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from extractors.text.lines import Line, first_sentence
from extractors.vocab import LOWER_CLASS, ROMAN, UPPER_CLASS, is_caps_line

_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("article", re.compile(r"^Điều\s+(?P<num>\d{1,3})\s*[.:]?\s*(?P<rest>.*)$")),
    ("part", re.compile(rf"^(?:PHẦN|Phần)\s+(?P<num>{ROMAN}|\d{{1,2}})\b[.:]?\s*(?P<rest>\S.*)$")),
    ("roman", re.compile(rf"^(?P<num>{ROMAN})[.:]\s*(?P<rest>\S.*)$")),
    ("upper", re.compile(rf"^(?P<num>[A-HĐ])[.)]\s+(?P<rest>{UPPER_CLASS}.*)$")),
    ("multi", re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(?P<rest>\S.*)$")),
    ("arabic", re.compile(r"^(?P<num>\d{1,2})[.)](?!\d)\s*(?P<rest>\S.*)$")),
    ("lower", re.compile(rf"^(?P<num>{LOWER_CLASS})[)]\s*(?P<rest>\S.*)$")),
    ("lower_dot", re.compile(rf"^(?P<num>{LOWER_CLASS})\.\s+(?P<rest>\S.*)$")),
    ("dash", re.compile(r"^[-•–]\s*(?P<rest>\S.*)$")),
    ("plus", re.compile(r"^\+\s*(?P<rest>\S.*)$")),
)
# A list item's number or bullet, as items of duties, activities and objectives carry them.
ITEM_MARKER = re.compile(r"^(?:[a-zđ][).]|[-+•]|\d{1,2}(?:\.\d{1,2})*[.)])\s*")
_NUMBERED = {"article", "part", "roman", "upper", "multi", "arabic", "lower", "lower_dot"}
# The first characters each style can start with, so that a line tries only the patterns
# that can match it (in the order of _MARKERS); a lower-case start tries the letter styles.
_FIRST_CHARS = {
    "article": "Đ",
    "part": "P",
    "roman": "IVXL",
    "upper": "ABCDEFGHĐ",
    "multi": "0123456789",
    "arabic": "0123456789",
    "dash": "-•–",
    "plus": "+",
}
_BY_FIRST_CHAR = {
    char: tuple((style, pattern) for style, pattern in _MARKERS if char in _FIRST_CHARS.get(style, ""))
    for char in "".join(_FIRST_CHARS.values())
}
_CAPS_PEEK = 16
_LOWER_MARKERS = tuple((style, pattern) for style, pattern in _MARKERS if style in ("lower", "lower_dot"))


@dataclass(slots=True)
class Node:
    """A section while the tree is being built (plain, mutable); the record copies it out.

    ``rest`` is the heading line without its number or bullet.
    """

    style: str
    number: str | None
    heading: str
    rest: str
    line: Line
    end: int
    kind: str = "other"
    own: list[Line] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.line.start

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def body_lines(self) -> list[Line]:
        """Every line under the heading, in document order: own text, then each subsection's
        heading and text (a node's own lines always come before its children's)."""
        out = list(self.own)
        for child in self.children:
            out.append(child.line)
            out += child.body_lines()
        return out


def _strip_marker(text: str) -> str:
    for _, pattern in _MARKERS:
        if m := pattern.match(text):
            return m["rest"]
    return text


@lru_cache(maxsize=1)
def _kind_pattern() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One pattern for every kind, a group per kind in the file's order, and the kinds by group:
    an alternation tries its branches in order, so the first kind that matches wins in one pass."""
    data = tomllib.loads(resources.files("extractors.data").joinpath("headings.toml").read_text("utf-8"))
    kinds = tuple(k["kind"] for k in data["kind"])
    branches = (f"(?P<k{i}>{'|'.join(f'(?:{p})' for p in k['patterns'])})" for i, k in enumerate(data["kind"]))
    return re.compile("|".join(branches)), kinds


@lru_cache(maxsize=1)
def _background() -> re.Pattern[str]:
    data = tomllib.loads(resources.files("extractors.data").joinpath("headings.toml").read_text("utf-8"))
    return re.compile("|".join(f"(?:{p})" for p in data["background"]["patterns"]))


def is_background(heading: str) -> bool:
    """A section that reports the situation so far ("Kết quả thực hiện năm 2023"), not the plan."""
    return bool(_background().match(_strip_marker(heading.strip()).casefold().strip(" :.")))


def heading_kind(heading: str) -> str | None:
    """The kind a heading names ("IV. KINH PHÍ THỰC HIỆN" → funding), or None."""
    return _kind_of(_strip_marker(heading.strip()))


@lru_cache(maxsize=4096)
def _kind_of(rest: str) -> str | None:
    """The kind a heading's words name; cached, as the genre's headings repeat from plan to plan."""
    pattern, kinds = _kind_pattern()
    m = pattern.match(rest.casefold().strip(" :."))
    return kinds[int(m.lastgroup[1:])] if m else None


def _marker(text: str) -> tuple[str, str | None, str] | None:
    """The numbering style of a line, its number, and the line without it."""
    if not text:
        return None
    patterns = _BY_FIRST_CHAR.get(text[0]) or (_LOWER_MARKERS if text[0].islower() else ())
    for style, pattern in patterns:
        if m := pattern.match(text):
            number = m["num"] if style in _NUMBERED else None
            if style in ("roman", "part") and not number:
                continue
            return style, number, m["rest"]
    return None


def _heading_text(line: str, rest: str) -> str:
    """A heading as printed; for an item that runs on ("2. Sở Tài chính: Căn cứ ..."), its head.

    ``line`` is stripped and ``rest`` is what ``_marker`` left of it: the first marker pattern
    that matches a line is the one ``_marker`` found, so the marker need not be matched again.
    A long line in capitals has its first words in capitals: they are looked at before the whole
    line is upper-cased (upper-casing maps each character alone and never shortens it, so a
    start that changes means a line that changes)."""
    if len(line) <= 120 or (line[:_CAPS_PEEK] == line[:_CAPS_PEEK].upper() and is_caps_line(line)):
        return line
    marker = len(line) - len(rest)
    return line[:marker] + first_sentence(rest, 160)


def parse_sections(lines: list[Line], start: int, end: int) -> list[Node]:
    """The section tree of the lines between offsets ``start`` and ``end``."""
    roots: list[Node] = []
    stack: list[Node] = []
    styles: list[str] = []  # the styles of ``stack``, in step with it
    for line in lines:
        if line.start < start or line.end > end:
            continue
        text = line.text.strip()
        if not text:
            continue
        found = _marker(text)
        if found is None:
            if stack:
                stack[-1].own.append(line)
            continue
        style, number, rest = found
        if style == "article":  # an article of a decision is always a top section, numbered as printed
            stack.clear()
            styles.clear()
            number = f"Điều {number}"
        while style in styles:
            stack.pop()
            if styles.pop() == style:
                break
        node = Node(style, number, _heading_text(text, rest), rest, line, line.end)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
        styles.append(style)
    for root in roots:
        _finish(root, None)
    return _open_parts(roots)


def _open_parts(roots: list[Node]) -> list[Node]:
    """A part ("PHẦN II. NHIỆM VỤ NĂM HỌC") whose children are sections of their own kinds
    ("I. MỤC TIÊU", "II. GIẢI PHÁP") gives way to them: they are the plan's sections."""
    out: list[Node] = []
    for root in roots:
        if root.style == "part" and any(_kind_of(child.rest) for child in root.children):
            out.extend(root.children)
        else:
            out.append(root)
    return out


def _finish(node: Node, inherited: str | None) -> int:
    """Give a node and its descendants their kinds (a numbered heading's own, else the parent's)
    and their ends (the furthest line under them), in one walk; the node's end."""
    own = _kind_of(node.rest) if node.style in _NUMBERED else None
    node.kind = own or inherited or "other"
    end = node.line.end
    for line in node.own:
        end = max(end, line.end)
    for child in node.children:
        end = max(end, _finish(child, node.kind))
    node.end = end
    return end


def number_path(path: list[Node]) -> list[str]:
    """The section path of a node: the numbers of its numbered ancestors and itself."""
    return [n.number for n in path if n.number]
