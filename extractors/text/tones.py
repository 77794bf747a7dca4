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


# A toned a/e/y that ends a word, after o/u: the only places the old placement can be.
_PAIR = re.compile(rf"([oOuU])([{_toned('aeyAEY')}])(?!\w)")
_PAIRS = {"o": "ae", "u": "y"}


def _move_tone(match: re.Match[str]) -> str:
    first, second = match.group(1), match.group(2)
    base, *marks = unicodedata.normalize("NFD", second)
    before = match.string[match.start() - 1 : match.start()] if match.start() else ""
    if base.lower() not in _PAIRS[first.lower()] or (before and before in "qQ"):
        return match.group()
    return unicodedata.normalize("NFC", first + "".join(marks)) + base


def modern_tones(text: str) -> str:
    """Move the tone of a word-final oa/oe/uy to its first vowel (NFC text in, NFC out)."""
    return _PAIR.sub(_move_tone, text)
