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


# A toned a/e/y that ends a word, after o/u not after q: the only places the old placement can be.
# The look-behind stands after the first letter: at the start it would cost the scan its quick
# skip to the next o/u.
_PAIR = re.compile(rf"[oOuU](?<![qQ].)[{_toned('aeyAEY')}](?!\w)")
_PAIRS = {"o": "ae", "u": "y"}


def _moved(pair: str) -> str:
    """``pair`` (o/u and a toned vowel) with the tone on its first vowel, when the pair takes it there."""
    first, second = pair
    base, *marks = unicodedata.normalize("NFD", second)
    if base.lower() not in _PAIRS[first.lower()]:
        return pair
    return unicodedata.normalize("NFC", first + "".join(marks)) + base


# Every pair the pattern finds, moved once here: a lookup per match instead of two normalizations.
_MOVED = {first + second: _moved(first + second) for first in "oOuU" for second in _toned("aeyAEY")}


def _move_tone(match: re.Match[str]) -> str:
    return _MOVED[match[0]]


def modern_tones(text: str) -> str:
    """Move the tone of a word-final oa/oe/uy to its first vowel (NFC text in, NFC out)."""
    return _PAIR.sub(_move_tone, text)
