"""The facts of a record drawn over its text: each kind in its colour, nested where spans nest.

The text is drawn line by line, so that a reader finds a line as the document has it, and every
character of it is drawn exactly once: a fact whose span crosses a line, or crosses another fact
without nesting in it, is cut into pieces that share its id. The page's text is then the
normalized text itself, character for character, and a span's pieces put together are its text.

Two shapes of fact need two ways of drawing. A number, a name or a date is a few words: it is
drawn as a coloured background. A section, an activity or a duty is whole paragraphs, and a
background over paragraphs nested four deep hides the words: it is drawn as a coloured head
(its heading, title or agency) and a stripe in the margin of every line it covers.
"""

from __future__ import annotations

import bisect
import html
from dataclasses import dataclass
from itertools import pairwise


@dataclass(frozen=True)
class Kind:
    """A kind of fact as the page draws it and the legend names it."""

    key: str
    name: str
    colour: str
    block: bool = False


# Outermost first: of two facts over the same characters, the earlier kind encloses the later.
KINDS: tuple[Kind, ...] = (
    Kind("article", "Article (Điều)", "#2563eb", block=True),
    Kind("section", "Section", "#64748b", block=True),
    Kind("funding", "Funding", "#ca8a04", block=True),
    Kind("duty", "Duty (responsibility)", "#7c3aed", block=True),
    Kind("activity", "Activity (task)", "#0d9488", block=True),
    Kind("reporting", "Reporting due", "#fdba74"),
    Kind("citation", "Citation", "#7dd3fc"),
    Kind("indicator", "Target (indicator)", "#86efac"),
    Kind("header", "Header field", "#e7c9a9"),
    Kind("issuer", "Issuer", "#a5b4fc"),
    Kind("signer", "Signer", "#f0abfc"),
    Kind("date", "Date or period", "#fde047"),
    Kind("agency", "Agency", "#fda4af"),
)
KIND = {kind.key: kind for kind in KINDS}
_RANK = {kind.key: rank for rank, kind in enumerate(KINDS)}
# A block's head is drawn in a light tint of its colour, the stripe in the colour itself.
_TINT = "33"


@dataclass(frozen=True)
class Fact:
    """One span of the record to draw: ``head`` ends the part drawn as its head (a block's heading)."""

    id: int
    kind: str
    start: int
    end: int
    head: int
    label: str


@dataclass(frozen=True)
class _Piece:
    """A stretch of one fact that is drawn as one element: its head, or the rest of it."""

    fact: Fact
    start: int
    end: int

    @property
    def order(self) -> tuple[int, int, int, int]:
        return (self.start, -self.end, _RANK[self.fact.kind], self.fact.id)


class Marks:
    """The facts to draw over one text, registered as the record is read, each given its id."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.facts: list[Fact] = []

    def fits(self, span: tuple[int, int]) -> bool:
        """Whether a span lies inside the text and holds at least one character."""
        return 0 <= span[0] < span[1] <= len(self.text)

    def add(self, kind: str, span: tuple[int, int] | None, label: str, names: tuple[str, ...] = ()) -> Fact | None:
        """Register a fact; ``None`` when it has no span or a span the text does not hold.

        ``names`` are the words a block is headed by (a heading, a title, an agency's printed
        forms): the first found on the block's first line ends its head, else the line does.
        """
        if span is None or not self.fits(span):
            return None
        start, end = span
        head = self._head(start, end, names) if KIND[kind].block else end
        fact = Fact(len(self.facts), kind, start, end, head, label)
        self.facts.append(fact)
        return fact

    def _head(self, start: int, end: int, names: tuple[str, ...]) -> int:
        """Where a block's head ends. Names are matched in any case ("UBND các xã" heads a duty of
        "Ủy ban nhân dân các xã" by its alias "UBND các xã"), where lower case keeps the offsets."""
        newline = self.text.find("\n", start, end)
        line_end = end if newline < 0 else newline
        line = self.text[start:line_end]
        fold = len(line.lower()) == len(line)
        haystack = line.lower() if fold else line
        for name in filter(None, names):
            needle = name.lower() if fold else name
            at = haystack.find(needle)
            if at >= 0:
                return start + at + len(needle)
        return line_end

    def count(self, kind: str) -> int:
        return sum(fact.kind == kind for fact in self.facts)


def _pieces(facts: list[Fact]) -> list[_Piece]:
    """A fact's head and its rest are drawn as two elements, so that the head alone is coloured."""
    pieces = []
    for fact in facts:
        if fact.start < fact.head:
            pieces.append(_Piece(fact, fact.start, fact.head))
        if fact.head < fact.end:
            pieces.append(_Piece(fact, fact.head, fact.end))
    return pieces


def _line_starts(text: str) -> list[int]:
    """Where each line starts; a line owns its closing newline, so lines tile the text."""
    starts = [0]
    at = text.find("\n")
    while at >= 0 and at + 1 < len(text):
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return starts


def _open(piece: _Piece, first: set[int]) -> str:
    """The start tag of a piece; the fact's first piece carries the id that links point to."""
    fact = piece.fact
    part = (" head" if piece.start < fact.head else " body") if KIND[fact.kind].block else ""
    anchor = ""
    if fact.id not in first:
        first.add(fact.id)
        anchor = f' id="f-{fact.id}"'
    return f'<mark class="k-{fact.kind}{part}" data-f="{fact.id}"{anchor} title="{html.escape(fact.label)}">'


def _stripes(starts: list[int], facts: list[Fact]) -> list[set[str]]:
    """The block kinds over each line, for the stripes in its margin."""
    lines: list[set[str]] = [set() for _ in starts]
    for fact in facts:
        if KIND[fact.kind].block:
            first = bisect.bisect_right(starts, fact.start) - 1
            last = bisect.bisect_right(starts, fact.end - 1) - 1
            for line in range(first, last + 1):
                lines[line].add(fact.kind)
    return lines


def _characters(text: str) -> str:
    """Text as HTML that a browser reads back as the same characters.

    A line's newline stays in the page's text (so the text and every span read back whole) but
    is hidden, the line being a block already: copied, the text keeps one line break, not two.
    A carriage return is written as a reference, which the HTML parser would otherwise read as a
    line end.
    """
    escaped = html.escape(text, quote=False).replace("\r", "&#13;")
    return escaped.replace("\n", '<span class="nl">\n</span>')


def draw_text(text: str, facts: list[Fact]) -> str:
    """The text as one ``div`` a line, every fact a ``mark`` (or several, cut where needed).

    A sweep over the points where a line or a piece begins or ends: between two points the same
    pieces are open, and the elements still open from the stretch before are kept as far as
    they agree with them (outer first), so nesting spans stay one element each.
    """
    if not text:
        return ""
    starts = _line_starts(text)
    stripes = _stripes(starts, facts)
    pieces = _pieces(facts)
    opening: dict[int, list[_Piece]] = {}
    closing: dict[int, list[_Piece]] = {}
    for piece in pieces:
        opening.setdefault(piece.start, []).append(piece)
        closing.setdefault(piece.end, []).append(piece)
    points = sorted({*starts, *opening, *closing, len(text)})
    line_at = {start: line for line, start in enumerate(starts)}
    out: list[str] = []
    active: set[_Piece] = set()
    stack: list[_Piece] = []
    first: set[int] = set()
    for here, there in pairwise(points):
        active.difference_update(closing.get(here, ()))
        active.update(opening.get(here, ()))
        wanted = sorted(active, key=lambda p: p.order)
        line = line_at.get(here)
        keep = 0
        if line is None:
            while keep < min(len(stack), len(wanted)) and stack[keep] is wanted[keep]:
                keep += 1
        out.append("</mark>" * (len(stack) - keep))
        if line is not None:
            if line:
                out.append("</span></div>")
            bars = "".join(f'<i class="s-{kind}"></i>' for kind in sorted(stripes[line], key=_RANK.__getitem__))
            out.append(f'<div class="ln"><span class="g">{bars}</span><span class="t">')
        out.extend(_open(piece, first) for piece in wanted[keep:])
        out.append(_characters(text[here:there]))
        stack = wanted
    out.append("</mark>" * len(stack))
    out.append("</span></div>")
    return "".join(out)


def kind_css() -> str:
    """The rules that colour each kind, its legend swatch and its stripe, from the one table."""
    rules = []
    blocks = [kind for kind in KINDS if kind.block]
    for kind in KINDS:
        k = kind.key
        if kind.block:
            left = 2 + 5 * blocks.index(kind)
            rules.append(f".k-{k}.head{{background:{kind.colour}{_TINT};box-shadow:inset 0 -2px {kind.colour}}}")
            rules.append(f".g .s-{k}{{left:{left}px;background:{kind.colour}}}")
        else:
            rules.append(f".k-{k}{{background:{kind.colour}}}")
        rules.append(f".sw-{k}{{background:{kind.colour}}}")
        rules.append(f"body.hide-{k} .k-{k}{{background:none;box-shadow:none}}")
        rules.append(f"body.hide-{k} .g .s-{k}{{display:none}}")
    return "\n".join(rules)


def legend(marks: Marks) -> str:
    """One button a kind, with its colour and how many facts of it the record has; a click hides it."""
    items = []
    for kind in KINDS:
        n = marks.count(kind.key)
        empty = " empty" if n == 0 else ""
        items.append(
            f'<button type="button" class="lg{empty}" data-kind="{kind.key}" title="show or hide">'
            f'<span class="sw sw-{kind.key}"></span>{html.escape(kind.name)} <b>{n}</b></button>'
        )
    return "".join(items)
