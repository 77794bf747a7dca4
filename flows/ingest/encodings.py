"""Bytes → Unicode for Vietnamese text in every encoding it was published in.

UTF-8 (with or without BOM), UTF-16/32, windows-1258 (base letters with combining tone
marks), and the legacy 8-bit font encodings TCVN3 (ABC) and VNI. The last two also appear
as mojibake inside files that are valid UTF-8: text typed in a .VnTime or VNI-Times font
and converted to Unicode character by character ("Quy\u00d5t \u00aeÞnh" for "Quyết định").
viparse's conversion tables are used for them (measured: both round trips exact on the
seeds, with ẳ added to its VNI table; its ``fix`` is not, as it also collapses runs of
spaces); the choice between candidate decodings is made here, by how much of the result
reads as common Vietnamese syllables.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import viparse
from viparse.normalize.encodings import get_charmap
from viparse.normalize.tables import build_charmap, convert

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
    [
        "và",
        "của",
        "các",
        "có",
        "được",
        "cho",
        "trong",
        "với",
        "về",
        "theo",
        "thực",
        "hiện",
        "năm",
        "ngày",
        "tháng",
        "những",
        "một",
        "người",
        "trẻ",
        "em",
        "tỉnh",
        "huyện",
        "xã",
        "ban",
        "nhân",
        "dân",
        "ủy",
        "quyết",
        "định",
        "kế",
        "hoạch",
        "số",
        "này",
        "đã",
        "để",
        "không",
        "là",
        "tại",
        "đến",
        "từ",
        "trên",
        "công",
        "tác",
        "chức",
        "cơ",
        "quan",
        "đơn",
        "vị",
        "phòng",
        "sở",
        "lao",
        "động",
        "thương",
        "binh",
        "hội",
        "giáo",
        "dục",
        "chính",
        "sách",
    ]
)
_WORD = re.compile(r"\w+")
_SAMPLE = 20000
# Latin-1 letters and symbols that legacy fonts put where Vietnamese letters belong.
_LEGACY_MARKS = re.compile("[\u00a1-\u00ff]")
# Latin-1 characters that Vietnamese never uses: a Unicode text without any holds no legacy font's codes.
_FOREIGN_LATIN1 = re.compile(
    "[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df"
    "\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]"
)
_VIETNAMESE_LETTERS = re.compile("[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9\u0300-\u0323]")
# Where a capital letter is due, for the capitals TCVN3 lacks: a line or list item's start, after a sentence.
_ITEM_START = re.compile(r"^(\W*(?:(?:\d+(?:\.\d+)*|[a-zđ]|[IVXLC]+)[.)]\s+)?)(\w)")
_AFTER_SENTENCE = re.compile(r"([^./][.!?]\s+)(\w)")
_UY_BAN = re.compile(r"\bủy(?=\s+ban\b)")
_PUNCTUATION = ".,;:!?()[]\"'“”‘’…-–"


def _count(pattern: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` the one-character ``pattern`` matches (no list of matches built)."""
    return len(text) - len(pattern.sub("", text))


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
    windows = _windows_text(data)
    candidates = {
        "windows-1258": unicodedata.normalize("NFC", data.decode("cp1258", errors="replace")),
        "TCVN3": _from_legacy(windows, "tcvn3"),
        "VNI": _from_legacy(windows, "vni"),
    }
    name = max(candidates, key=lambda key: vietnamese_score(candidates[key]))
    if vietnamese_score(candidates[name]) == 0.0:
        raise IngestError("not text in any known encoding (UTF-8, UTF-16, windows-1258, TCVN3, VNI)")
    return candidates[name], [f"encoding: {name} converted to Unicode"]


def _windows_text(data: bytes) -> str:
    """8-bit text as a Windows font shows it: the legacy fonts are Western fonts, so bytes 0x80-0x9F
    are windows-1252's punctuation ("…", "“", "–"); the five bytes it leaves undefined stay as they are."""
    return data.decode("latin-1").translate(_CP1252_HIGH)


_CP1252_HIGH = {byte: bytes([byte]).decode("cp1252", errors="ignore") or chr(byte) for byte in range(0x80, 0xA0)}


# viparse's VNI table lacks ẳ and Ẳ (VNI writes them as a/A followed by the hỏi mark of ă, 0xFA/0xDA).
_CHARMAPS = {
    "tcvn3": get_charmap("tcvn3"),
    "vni": build_charmap("vni", [*get_charmap("vni").pairs, ("aú", "ẳ"), ("AÚ", "Ẳ")]),
}


def _from_legacy(text: str, encoding: str) -> str:
    """Legacy font code points → Unicode with viparse's tables, spaces and line breaks kept as they are
    (``viparse.fix`` also collapses runs of spaces, which are the columns of a plain-text signature block)."""
    converted = convert(text, _CHARMAPS[encoding])
    return _capitals_after_tcvn3(converted) if encoding == "tcvn3" else converted


def repair_legacy(text: str) -> tuple[str, list[str]]:
    """Unicode text that still carries a legacy font's code points (TCVN3 or VNI mojibake), repaired."""
    sample = text[:_SAMPLE]
    if not _FOREIGN_LATIN1.search(sample):
        return text, []
    legacy = _count(_LEGACY_MARKS, sample)
    if legacy < 20 or legacy < _count(_VIETNAMESE_LETTERS, sample):
        return text, []
    encoding = viparse.detect_text_encoding(sample)
    if encoding not in ("tcvn3", "vni"):
        return text, []
    fixed = _from_legacy(text, encoding)
    if vietnamese_score(fixed) <= vietnamese_score(text):
        return text, []
    return fixed, [f"encoding: {encoding.upper()} text inside Unicode converted"]


def _capitals_after_tcvn3(text: str) -> str:
    """Capital toned vowels back where a document has them: TCVN3 has none.

    A heading set in the .VnTimeH font and a capital typed in .VnTime both use the lower-case
    codes (converters such as Unikey write them so), which convert to lower-case letters.
    They come back in a line set in capitals (judged on its words, not on codes like
    "313/QĐ-UBND"); in a word whose other letters are capitals ("HOạCH", "CHủ"), and in a
    one-capital word beside such a word ("Kế HOẠCH", "Xã HỘI", but not "Về UBND"); as the first
    letter of a line or of a list item; after a sentence's end; and in "Ủy ban", which official
    documents always capitalize as the head of an agency's name. Other proper names cannot be
    told from common words and stay in lower case.
    """
    lines = []
    for line in text.split("\n"):
        words = [word.strip(_PUNCTUATION) for word in line.split()]
        plain = [c for word in words if word.isalpha() for c in word if not _tcvn3_lower(c)]
        if len(plain) >= 3 and sum(c.isupper() for c in plain) >= 0.8 * len(plain):
            line = "".join(c.upper() if _tcvn3_lower(c) else c for c in line)
        else:
            line = _capital_words(line)
        line = _ITEM_START.sub(lambda m: m.group(1) + _capital(m.group(2)), line, count=1)
        line = _AFTER_SENTENCE.sub(lambda m: m.group(1) + _capital(m.group(2)), line)
        lines.append(_UY_BAN.sub("Ủy", line))
    return "\n".join(lines)


def _capital_words(line: str) -> str:
    """The words of a line set in capitals among words in lower case, their toned vowels in capitals."""
    tokens = line.split(" ")
    words = [token.strip(_PUNCTUATION) for token in tokens]
    plains = [[c for c in word if not _tcvn3_lower(c)] if word.isalpha() else [] for word in words]
    restored = [
        len(plain) >= 2 and all(c.isupper() for c in plain) and plain != list(word)
        for plain, word in zip(plains, words, strict=True)
    ]
    for i, plain in enumerate(plains):
        beside = (i > 0 and restored[i - 1]) or (i + 1 < len(tokens) and restored[i + 1])
        if restored[i] or (len(plain) == 1 and plain[0].isupper() and plain != list(words[i]) and beside):
            tokens[i] = "".join(c.upper() if _tcvn3_lower(c) else c for c in tokens[i])
    return " ".join(tokens)


def _capital(char: str) -> str:
    return char.upper() if _tcvn3_lower(char) else char


def _tcvn3_lower(char: str) -> bool:
    """A lower-case letter that TCVN3 has no capital for: a toned vowel (not đ, â, ă, ê, ô, ơ, ư)."""
    return char.islower() and len(unicodedata.normalize("NFD", char)) > 1 and char not in "đâăêôơư"
