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
_LOWER_MARKERS = tuple((style, pattern) for style, pattern in _MARKERS if style in ("lower", "lower_dot"))


@dataclass
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
        return [line for sub in self.walk() for line in ([] if sub is self else [sub.line]) + sub.own]


def _strip_marker(text: str) -> str:
    for _, pattern in _MARKERS:
        if m := pattern.match(text):
            return m["rest"]
    return text


@lru_cache(maxsize=1)
def _kind_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    data = tomllib.loads(resources.files("extractors.data").joinpath("headings.toml").read_text("utf-8"))
    return tuple((k["kind"], re.compile("|".join(f"(?:{p})" for p in k["patterns"]))) for k in data["kind"])


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


def _kind_of(rest: str) -> str | None:
    words = rest.casefold().strip(" :.")
    for kind, pattern in _kind_patterns():
        if pattern.match(words):
            return kind
    return None


def _marker(text: str) -> tuple[str, str | None, str] | None:
    """The numbering style of a line, its number, and the line without it."""
    if not text:
        return None
    patterns = _BY_FIRST_CHAR.get(text[0]) or (_LOWER_MARKERS if text[0].islower() else ())
    for style, pattern in patterns:
        if m := pattern.match(text):
            number = m.groupdict().get("num")
            if style in ("roman", "part") and not number:
                continue
            return style, number, m["rest"]
    return None


def _heading_text(line: str) -> str:
    """A heading as printed; for an item that runs on ("2. Sở Tài chính: Căn cứ ..."), its head."""
    line = line.strip()
    if len(line) <= 120 or is_caps_line(line):
        return line
    marker = len(line) - len(_strip_marker(line))
    return line[:marker] + first_sentence(line[marker:], 160)


def parse_sections(lines: list[Line], start: int, end: int) -> list[Node]:
    """The section tree of the lines between offsets ``start`` and ``end``."""
    roots: list[Node] = []
    stack: list[Node] = []
    for line in lines:
        text = line.text.strip()
        if line.start < start or line.end > end or not text:
            continue
        found = _marker(text)
        if found is None:
            if stack:
                stack[-1].own.append(line)
            continue
        style, number, rest = found
        if style == "article":  # an article of a decision is always a top section, numbered as printed
            stack.clear()
            number = f"Điều {number}"
        while stack and style in {n.style for n in stack}:
            top = stack.pop()
            if top.style == style:
                break
        node = Node(style, number, _heading_text(text), rest, line, line.end)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    for root in roots:
        _close(root)
        _assign_kind(root, None)
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


def _close(node: Node) -> int:
    ends = [node.line.end] + [ln.end for ln in node.own] + [_close(c) for c in node.children]
    node.end = max(ends)
    return node.end


def _assign_kind(node: Node, inherited: str | None) -> None:
    own = _kind_of(node.rest) if node.style in _NUMBERED else None
    node.kind = own or inherited or "other"
    for child in node.children:
        _assign_kind(child, node.kind)


def number_path(path: list[Node]) -> list[str]:
    """The section path of a node: the numbers of its numbered ancestors and itself."""
    return [n.number for n in path if n.number]
