"""Sentence case for a trích yếu printed in capitals, with the document's own capitals kept.

"THỰC HIỆN CHƯƠNG TRÌNH BẢO VỆ TRẺ EM TỈNH BẮC KẠN" becomes "Thực hiện Chương trình bảo vệ
trẻ em tỉnh Bắc Kạn": each word takes the form the same document uses for it in the middle
of its sentences, so place names and proper nouns keep their capitals without a gazetteer.
"""

from __future__ import annotations

import re
from collections import Counter

from extractors.citations import normalize_doc_number
from extractors.vocab import is_caps_line

_WORD = re.compile(r"\w+(?:[/-]\w+)*")
_DOC_NUMBER = re.compile(r"^\d+(?:/\d{4})?[/-]\w")


def cased_forms(text: str) -> dict[str, str]:
    """For each word, the form the text uses most in mid-sentence (not after . : ; or a line start)."""
    counts: dict[str, Counter[str]] = {}
    for line in text.split("\n"):
        if is_caps_line(line):
            continue
        for m in _WORD.finditer(line):
            before = line[max(0, m.start() - 2) : m.start()].rstrip(" ")
            if not before or before[-1] in ".:;!?-+)(":
                continue
            word = m.group()
            counts.setdefault(word.lower(), Counter())[word] += 1
    return {low: forms.most_common(1)[0][0] for low, forms in counts.items()}


def sentence_case(caps: str, forms: dict[str, str]) -> str:
    """A line in capitals in sentence case, words cased as the document cases them."""

    def word(m: re.Match[str]) -> str:
        token = m.group()
        if _DOC_NUMBER.match(token):
            return normalize_doc_number(token)
        return forms.get(token.lower(), token.lower())

    text = _WORD.sub(word, caps)
    return text[:1].upper() + text[1:]
