"""Sentences with offsets: a line, cut at sentence ends and at semicolons between clauses.

The genre ends its sentences with ". " and its list clauses with "; ", and every fact needs
offsets, so the cut is a regular expression over the normalized text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_CUT = re.compile(r"(?<=[.;!?])\s+(?=[\w\"“(-])|(?<=\.)\s*(?=[-+]\s)")
_ABBREVIATION = re.compile(r"(?:\b(?:TM|KT|Q|TL|TS|ThS|PGS|GS|Tp|TP|v\.v|St|Mr|TT)\.|\d\.)$")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


def iter_sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[Sentence]:
    """Sentences of ``text[start:end]``, line by line, without the spaces around them."""
    end = len(text) if end is None else end
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl == -1 else nl
        seg = pos
        for cut in _CUT.finditer(text, pos, line_end):
            if _ABBREVIATION.search(text, seg, cut.start()):
                continue
            yield from _strip(text, seg, cut.start())
            seg = cut.end()
        yield from _strip(text, seg, line_end)
        pos = line_end + 1


def _strip(text: str, start: int, end: int) -> Iterator[Sentence]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield Sentence(start, end)
