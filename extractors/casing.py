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

from extractors.citations import normalize_doc_number
from extractors.vocab import is_caps_line

_WORD = re.compile(r"\w+(?:[/-]\w+)*")
_DOC_NUMBER = re.compile(r"^\d+(?:/\d{4})?[/-]\w")
_SENTENCE_START = ".:;!?-+)(\""


def cased_forms(text: str, names: tuple[str, ...] = ()) -> dict[str, str]:
    """For each syllable and syllable pair, the form the text uses most in mid-sentence.

    ``names`` (the place of issue, the issuer) count as mid-sentence evidence: a header
    states them at a line start, where capitals prove nothing.
    """
    counts: dict[str, Counter[str]] = {}
    for line in [*(f"~ {name}" for name in names for _ in range(3)), *text.split("\n")]:
        if is_caps_line(line):
            continue
        words = list(_WORD.finditer(line))
        for i, m in enumerate(words):
            before = line[max(0, m.start() - 2) : m.start()].rstrip(" ")
            if not before or before[-1] in _SENTENCE_START:
                continue
            word = m.group()
            counts.setdefault(word.lower(), Counter())[word] += 1
            if i + 1 < len(words) and line[m.end() : words[i + 1].start()] == " ":
                pair = f"{word} {words[i + 1].group()}"
                counts.setdefault(pair.lower(), Counter())[pair] += 1
    return {low: forms.most_common(1)[0][0] for low, forms in counts.items()}


def sentence_case(caps: str, forms: dict[str, str]) -> str:
    """A line in capitals in sentence case, words cased as the document cases them."""
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
            pair = forms.get(f"{token} {words[i + 1].group()}".lower())
            if pair:
                cased.extend(pair.split(" "))
                i += 2
                continue
        cased.append(forms.get(token.lower(), token.lower()))
        i += 1
    out: list[str] = []
    pos = 0
    for m, word in zip(words, cased, strict=True):
        out.append(caps[pos : m.start()] + word)
        pos = m.end()
    text = "".join(out) + caps[pos:]
    return text[:1].upper() + text[1:]
