"""Sentence case for a trích yếu printed in capitals, with the document's own capitals kept.

"THỰC HIỆN CHƯƠNG TRÌNH BẢO VỆ TRẺ EM TỈNH BẮC KẠN" becomes "Thực hiện Chương trình bảo vệ
trẻ em tỉnh Bắc Kạn": each word takes the form the same document uses for it in the middle
of its sentences, so place names and proper nouns keep their capitals without a gazetteer.
Pairs of syllables are looked up first, because Vietnamese words are mostly two syllables
and a syllable alone is ambiguous ("Quyết định" the document type, "giải quyết" the verb).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from extractors.facts.citations import normalize_doc_number

_WORD = re.compile(r"\w+(?:[/-]\w+)*")
_DOC_NUMBER = re.compile(r"^\d+(?:/\d{4})?[/-]\w")
_ENOUGH = 8  # uses of one form that settle the question
_LOOKS = 60  # occurrences looked at, at most: the first ones of a document are as telling as the rest
_SENTENCE_START = '.:;!?-+)("\n'


def _mid_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" ")
    return bool(before) and before[-1] not in _SENTENCE_START


@lru_cache(maxsize=1)
def _lowered(text: str) -> str:
    """``text.lower()``, kept while a document's titles are cased: lowering a whole document
    costs as much as a search through it. One only: a large document's copy is not kept for long."""
    return text.lower()


def _scan(text: str, lowered: str, needle: str) -> tuple[str | None, ...]:
    """The occurrences of ``needle`` looked at, in order: the form found there when it is in
    mid-sentence and not in a line of capitals, else None; up to ``_LOOKS`` of them, or until
    one form is used ``_ENOUGH`` times."""
    hits: list[str | None] = []
    counts: dict[str, int] = {}
    at = lowered.find(needle)
    while at != -1 and len(hits) < _LOOKS:
        end = at + len(needle)
        bounded = (at == 0 or not lowered[at - 1].isalnum()) and (end == len(lowered) or not lowered[end].isalnum())
        found = text[at:end]
        if bounded and not (found.isupper() and len(found) > 3) and _mid_sentence(text, at):
            hits.append(found)
            counts[found] = counts.get(found, 0) + 1
            if counts[found] >= _ENOUGH:
                break
        else:
            hits.append(None)
        at = lowered.find(needle, end)
    return tuple(hits)


def _most_used(hits: tuple[str | None, ...]) -> str | None:
    """The form used most among the occurrences a search looks at, the first one on a tie."""
    counts: Counter[str] = Counter()
    for found in hits[:_LOOKS]:
        if found is not None:
            counts[found] += 1
            if counts[found] >= _ENOUGH:
                break
    return counts.most_common(1)[0][0] if counts else None


@lru_cache(maxsize=128)
def _search(text: str, needle: str) -> tuple[tuple[str | None, ...], str | None]:
    """The occurrences of ``needle`` in a whole text and the form it settles on, kept: a
    document's titles ask the same words again (the issuer's name in its parts, the plan's
    title after the document's). A few documents' worth: each entry holds its text alive."""
    hits = _scan(text, _lowered(text), needle)
    return hits, _most_used(hits)


def form_in(text: str, phrase: str) -> str | None:
    """The form of ``phrase`` the text uses most in mid-sentence, not in a line of capitals."""
    return _search(text, phrase.lower())[1]


def _form_after(head: str, lowered_head: str, text: str, phrase: str) -> str | None:
    """``form_in(head + "\n" + text, phrase)``, the text searched once for every head: a
    phrase on one line is found in the head or in the text, never across the line break, and
    lowering keeps the text's offsets when it keeps the head's length."""
    needle = phrase.lower()
    if not needle or "\n" in needle or len(lowered_head) != len(head):
        return form_in(f"{head}\n{text}", phrase)
    head_hits = _scan(head, lowered_head, needle) if needle in lowered_head else ()
    if not head_hits:
        return _search(text, needle)[1]
    return _most_used(head_hits + _search(text, needle)[0])


def sentence_case(caps: str, text: str, names: tuple[str, ...] = ()) -> str:
    """A line in capitals in sentence case, words cased as ``text`` cases them mid-sentence.

    ``names`` (the place of issue) are taken as they are: a header prints them at a line
    start, where capitals prove nothing.
    """
    head = "\n".join(f"~ {name}" for name in names)
    lowered_head = head.lower()
    words = list(_WORD.finditer(caps))
    cased: list[str] = []
    i = 0
    while i < len(words):
        token = words[i].group()
        if _DOC_NUMBER.match(token):
            cased.append(normalize_doc_number(token))
            i += 1
            continue
        if i + 1 < len(words) and caps[words[i].end() : words[i + 1].start()] == " ":
            pair = _form_after(head, lowered_head, text, f"{token} {words[i + 1].group()}")
            if pair:
                cased.extend(pair.split(" "))
                i += 2
                continue
        cased.append(_form_after(head, lowered_head, text, token) or token.lower())
        i += 1
    out: list[str] = []
    pos = 0
    for m, word in zip(words, cased, strict=True):
        out.append(caps[pos : m.start()] + word)
        pos = m.end()
    result = "".join(out) + caps[pos:]
    return result[:1].upper() + result[1:]
