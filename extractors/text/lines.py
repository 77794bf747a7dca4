"""Lines of the normalized text with their offsets: the unit every structure rule reads."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Line:
    index: int
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` (without its newline) with absolute offsets."""
    lines: list[Line] = []
    pos = 0
    for index, raw in enumerate(text.split("\n")):
        lines.append(Line(index, pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return lines


def first_sentence(text: str, limit: int = 200) -> str:
    """The text up to its first sentence end, for a heading that runs on into its body."""
    for sep in (". ", ": "):
        # Looked for before ``limit`` only: a first one further on is as good as none.
        at = text.find(sep, 0, limit + len(sep) - 1)
        if 0 < at < limit:
            return text[: at + 1].rstrip(".: ").strip()
    return text[:limit].strip()
