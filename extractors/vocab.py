"""Small shared vocabulary of the genre: character classes and level words.

Larger vocabularies (agencies, headings, chrome, units) live in ``data/`` as files.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

# Every upper-case Latin letter Vietnamese uses (Đ, Ư, Ơ, Ă, Â, Ê, Ô and their toned forms).
UPPER = "".join(
    sorted(
        {
            c
            for c in (chr(i) for i in range(0x41, 0x1F00))
            if c.isupper() and unicodedata.name(c, "").startswith("LATIN")
        }
    )
)
LOWER = UPPER.lower()
UPPER_CLASS = f"[{UPPER}]"
LOWER_CLASS = f"[{LOWER}]"

ROMAN = "(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"

# Authority marks before a signer's title: TM. (on behalf of), KT. (for), TL., TUQ., Q.; Party
# documents write T/M, K/T, T/L.
AUTHORITY = r"(?:(?:TM|KT|TL|TUQ|Q)\.|T/M|K/T|T/L)"


_TWO_LETTERS = re.compile(r"[^\W\d_].*[^\W\d_]", re.DOTALL)


def is_caps_line(line: str) -> bool:
    """True when every letter of the line is upper case (a heading, a header line)."""
    return line == line.upper() and bool(_TWO_LETTERS.search(line))


def _base(char: str) -> str:
    if char in "Đđ":
        return "D" if char == "Đ" else "d"
    return unicodedata.normalize("NFD", char)[0]


@lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    """Each base letter's toned and marked forms, upper case and lower case apart."""
    forms: dict[str, set[str]] = {}
    for c in UPPER + LOWER:
        forms.setdefault(_base(c), set()).add(c)
    return {base: "".join(sorted(chars | {base})) for base, chars in forms.items()}


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    return {ord(c): _base(c) for c in UPPER + LOWER if ord(c) > 127 and _base(c) != c}


def fold(text: str) -> str:
    """The text without tones and marks, character for character (offsets stay): "ĐỐC" → "DOC"."""
    return text.translate(_fold_table())


def tolerant(word: str) -> str:
    """A pattern for ``word`` that accepts any tone or mark on its letters: OCR reads "ĐỐC" as
    "ĐÓC" and "QUYẾT" as "QUYÉT", and the genre's fixed words should still be known."""
    variants = _variants()
    return "".join(f"[{variants[_base(c)]}]" if _base(c) in variants and c.isalpha() else re.escape(c) for c in word)


def tolerant_phrase(phrase: str) -> str:
    """``tolerant`` word by word, the spaces between them optional (OCR runs "HOÀXÃ" together)."""
    return r"\s*".join(tolerant(word) for word in phrase.split())


# The quốc hiệu heads the right column of a State document's header; a Party document prints
# "ĐẢNG CỘNG SẢN VIỆT NAM" in its place. Either marks where the header is, read with loose tones
# (OCR's "XÃ HỌI").
_QUOC_HIEU_WORDS = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM")
QUOC_HIEU = re.compile("|".join(map(tolerant_phrase, _QUOC_HIEU_WORDS)), re.IGNORECASE)


def longest_first(words: Iterable[str], *, escape: bool = True) -> str:
    """An alternation of ``words``, longest first, so that "không dưới" wins over "dưới"."""
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w) if escape else w for w in items)


@lru_cache(maxsize=1)
def signer_titles() -> re.Pattern[str]:
    """A signer's title in capitals at a line start ("PHÓ CHỦ TỊCH"), from ``data/signature.toml``."""
    data = tomllib.loads(resources.files("extractors.data").joinpath("signature.toml").read_text("utf-8"))
    titles = sorted(data["titles"], key=len, reverse=True)
    return re.compile(rf"^(?:{tolerant('PHÓ ')})?(?:{'|'.join(map(tolerant, titles))})\b")
