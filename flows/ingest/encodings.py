"""Bytes → Unicode for Vietnamese text in every encoding it was published in.

UTF-8 (with or without BOM), UTF-16/32, windows-1258 (base letters with combining tone
marks), and the legacy 8-bit font encodings TCVN3 (ABC) and VNI. The last two also appear
as mojibake inside files that are valid UTF-8: text typed in a .VnTime or VNI-Times font
and converted to Unicode character by character ("Quy\u00d5t \u00aeÞnh" for "Quyết định").
viparse's conversion tables are used for them (measured: both round trips exact on the
seeds); the choice between candidate decodings is made here, by how much of the result
reads as common Vietnamese syllables.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import viparse

from flows.ingest.loaded import IngestError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Frequent syllables of administrative Vietnamese: a decoding that yields many of them is right.
_COMMON = frozenset(
    """và của các có được cho trong với về theo thực hiện năm ngày tháng những một người trẻ em
    tỉnh huyện xã ban nhân dân ủy quyết định kế hoạch số này đã để không là tại đến từ trên
    công tác chức cơ quan đơn vị phòng sở lao động thương binh hội giáo dục chính sách""".split()
)
_WORD = re.compile(r"\w+")
_SAMPLE = 20000
# Latin-1 letters and symbols that legacy fonts put where Vietnamese letters belong.
_LEGACY_MARKS = re.compile("[\u00a1-\u00ff]")
_VIETNAMESE_LETTERS = re.compile("[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9\u0300-\u0323]")
# TCVN3 has no capital toned vowels: the .VnTimeH font shows the lower-case codes as capitals.
_LINE_START = re.compile(r"(?m)^(\W*)(\w)")


def vietnamese_score(text: str) -> float:
    """Share of the words of ``text`` that are frequent Vietnamese syllables."""
    words = _WORD.findall(text[:_SAMPLE].lower())
    return sum(word in _COMMON for word in words) / len(words) if words else 0.0


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, list[str]]:
    """The text of ``data``: BOM first, then a declared charset, then UTF-16, UTF-8, legacy.

    Gives the text and warnings (the encoding found when it was not UTF-8).
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return repair_legacy(data.decode(codec, errors="replace"))
    if declared:
        text = _decode_declared(data, declared)
        if text is not None:
            return repair_legacy(text)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return repair_legacy(data.decode(utf16, errors="replace"))
    try:
        return repair_legacy(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data)


def _decode_declared(data: bytes, declared: str) -> str | None:
    """Decode with a charset a page declares; ``None`` when the declaration is wrong or unknown."""
    try:
        codec = codecs.lookup(declared).name
    except LookupError:
        return None
    if codec in ("latin-1", "iso8859-1", "cp1252", "ascii"):
        return None  # pages declare these by default whatever they hold: detect instead
    try:
        return unicodedata.normalize("NFC", data.decode(codec))
    except UnicodeDecodeError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII characters leave a zero byte in every other position."""
    sample = data[:2000]
    if len(sample) < 8 or sample.count(0) < len(sample) // 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 3 * even:
        return "utf-16-le"
    if even > 3 * odd:
        return "utf-16-be"
    return None


def _decode_legacy(data: bytes) -> tuple[str, list[str]]:
    """Not UTF-8: windows-1258, TCVN3 or VNI, whichever reads most as Vietnamese."""
    candidates = {
        "windows-1258": unicodedata.normalize("NFC", data.decode("cp1258", errors="replace")),
        "TCVN3": _capitals_after_tcvn3(viparse.fix(data.decode("latin-1"), encoding="tcvn3")),
        "VNI": viparse.fix(data.decode("cp1252", errors="replace"), encoding="vni"),
    }
    name = max(candidates, key=lambda key: vietnamese_score(candidates[key]))
    if vietnamese_score(candidates[name]) == 0.0:
        raise IngestError("not text in any known encoding (UTF-8, UTF-16, windows-1258, TCVN3, VNI)")
    return candidates[name], [f"encoding: {name} converted to Unicode"]


def repair_legacy(text: str) -> tuple[str, list[str]]:
    """Unicode text that still carries a legacy font's code points (TCVN3 or VNI mojibake), repaired."""
    sample = text[:_SAMPLE]
    legacy = len(_LEGACY_MARKS.findall(sample))
    if legacy < 20 or legacy < len(_VIETNAMESE_LETTERS.findall(sample)):
        return text, []
    encoding = viparse.detect_text_encoding(sample)
    if encoding not in ("tcvn3", "vni"):
        return text, []
    fixed = viparse.fix(text, encoding=encoding)
    if encoding == "tcvn3":
        fixed = _capitals_after_tcvn3(fixed)
    if vietnamese_score(fixed) <= vietnamese_score(text):
        return text, []
    return fixed, [f"encoding: {encoding.upper()} text inside Unicode converted"]


def _capitals_after_tcvn3(text: str) -> str:
    """Capital toned vowels back: in a line in capitals, and as a line's first letter.

    TCVN3 has no capital toned vowels; a heading set in the .VnTimeH font uses the lower-case
    codes, which convert to lower-case letters inside an otherwise capital line.
    """
    lines = []
    for line in text.split("\n"):
        plain = [c for c in line if c.isalpha() and not _tcvn3_lower(c)]
        if len(plain) >= 3 and sum(c.isupper() for c in plain) >= 0.8 * len(plain):
            line = "".join(c.upper() if _tcvn3_lower(c) else c for c in line)
        lines.append(_LINE_START.sub(lambda m: m.group(1) + _capital(m.group(2)), line, count=1))
    return "\n".join(lines)


def _capital(char: str) -> str:
    return char.upper() if _tcvn3_lower(char) else char


def _tcvn3_lower(char: str) -> bool:
    """A lower-case letter that TCVN3 has no capital for: a toned vowel (not đ, â, ă, ê, ô, ơ, ư)."""
    return char.islower() and len(unicodedata.normalize("NFD", char)) > 1 and char not in "đâăêôơư"
