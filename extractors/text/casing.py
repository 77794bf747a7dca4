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

from extractors.facts.citations import normalize_doc_number

_WORD = re.compile(r"\w+(?:[/-]\w+)*")
_DOC_NUMBER = re.compile(r"^\d+(?:/\d{4})?[/-]\w")
_ENOUGH = 8  # uses of one form that settle the question
_LOOKS = 60  # occurrences looked at, at most: the first ones of a document are as telling as the rest
_SENTENCE_START = '.:;!?-+)("\n'


def _mid_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" ")
    return bool(before) and before[-1] not in _SENTENCE_START


def form_in(text: str, phrase: str, lowered: str | None = None) -> str | None:
    """The form of ``phrase`` the text uses most in mid-sentence, not in a line of capitals.

    ``lowered`` is ``text.lower()`` when the caller asks many phrases of one text.
    """
    lowered = text.lower() if lowered is None else lowered
    needle = phrase.lower()
    counts: Counter[str] = Counter()
    at = lowered.find(needle)
    for _ in range(_LOOKS):
        if at == -1:
            break
        end = at + len(needle)
        bounded = (at == 0 or not lowered[at - 1].isalnum()) and (end == len(lowered) or not lowered[end].isalnum())
        found = text[at:end]
        if bounded and not (found.isupper() and len(found) > 3) and _mid_sentence(text, at):
            counts[found] += 1
            if counts[found] >= _ENOUGH:
                break
        at = lowered.find(needle, end)
    return counts.most_common(1)[0][0] if counts else None


def sentence_case(caps: str, text: str, names: tuple[str, ...] = ()) -> str:
    """A line in capitals in sentence case, words cased as ``text`` cases them mid-sentence.

    ``names`` (the place of issue) are taken as they are: a header prints them at a line
    start, where capitals prove nothing.
    """
    evidence = "\n".join(f"~ {name}" for name in names) + "\n" + text
    lowered = evidence.lower()
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
            pair = form_in(evidence, f"{token} {words[i + 1].group()}", lowered)
            if pair:
                cased.extend(pair.split(" "))
                i += 2
                continue
        cased.append(form_in(evidence, token, lowered) or token.lower())
        i += 1
    out: list[str] = []
    pos = 0
    for m, word in zip(words, cased, strict=True):
        out.append(caps[pos : m.start()] + word)
        pos = m.end()
    result = "".join(out) + caps[pos:]
    return result[:1].upper() + result[1:]
