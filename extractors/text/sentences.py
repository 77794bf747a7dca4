"""Sentences with offsets: a line, cut at sentence ends and at semicolons between clauses.

The genre ends its sentences with ". " and its list clauses with "; ", and every fact needs
offsets, so the cut is a regular expression over the normalized text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# One pass over the window finds every cut: a line end, or the spaces after a sentence's end
# mark. Each branch opens with a literal so that ``re`` skips to those characters (a pattern
# that opens with a lookbehind is tried at every position); a mark cut starts after the mark.
_CUT = re.compile(r"\n|[.;!?][^\S\n]+(?=[\w\"“(-])|\.[^\S\n]*(?=[-+][^\S\n])")
_ABBREVIATION = re.compile(r"(?:\b(?:TM|KT|Q|TL|TS|ThS|PGS|GS|Tp|TP|v\.v|St|Mr|TT)\.|\d\.)$")
# The longest abbreviation ("v.v.", "ThS.", "PGS."): only that many characters before a cut
# are searched, since the pattern is anchored at the cut.
_ABBREVIATION_SPAN = 4


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


def iter_sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[Sentence]:
    """Sentences of ``text[start:end]``, line by line, without the spaces around them."""
    end = len(text) if end is None else end
    seg = start
    for cut in _CUT.finditer(text, start, end):
        if cut.group() == "\n":
            cut_start = cut.start()
        else:
            cut_start = cut.start() + 1
            if text[cut.start()] == "." and _ABBREVIATION.search(
                text, max(seg, cut_start - _ABBREVIATION_SPAN), cut_start
            ):
                continue
        if sentence := _stripped(text, seg, cut_start):
            yield sentence
        seg = cut.end()
    if seg < end and (sentence := _stripped(text, seg, end)):
        yield sentence


def _stripped(text: str, start: int, end: int) -> Sentence | None:
    """The sentence ``text[start:end]`` without the spaces around it, or None when only spaces are left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end) if end > start else None
