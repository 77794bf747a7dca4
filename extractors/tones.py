"""One tone placement throughout: "hoà" → "hòa", "thuỷ" → "thủy", "Uỷ" → "Ủy".

Vietnamese has two conventions for the open syllables oa, oe and uy. Most official
documents put the tone on the first vowel; old fonts and some portals put it on the
second. Both mean the same word, so extraction and comparison need one form.
"""

from __future__ import annotations

import re
import unicodedata

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below


def _toned(base: str) -> str:
    return "".join(unicodedata.normalize("NFC", b + t) for b in base for t in _TONES)


# o/u then a toned a/e/y that ends the word; "qu" is a consonant, so "quý" stays.
_PAIR = re.compile(rf"(?<![qQ])([oO])([{_toned('aeAE')}])(?!\w)|(?<![qQ])([uU])([{_toned('yY')}])(?!\w)")


def _move_tone(match: re.Match[str]) -> str:
    first = match.group(1) or match.group(3)
    second = match.group(2) or match.group(4)
    base, *marks = unicodedata.normalize("NFD", second)
    return unicodedata.normalize("NFC", first + "".join(marks)) + base


def modern_tones(text: str) -> str:
    """Move the tone of a word-final oa/oe/uy to its first vowel (NFC text in, NFC out)."""
    return _PAIR.sub(_move_tone, text)
