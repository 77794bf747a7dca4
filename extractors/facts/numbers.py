"""Vietnamese number writing: "1,5" is one and a half, "1.000.000" is a million, "01" is one.

Official documents use the comma as decimal mark and the dot as thousands separator, but
a document typed on an English keyboard sometimes writes "99.5%". The rules below read
both without guessing wrong on the common cases: a dot followed by exactly three digits is
a thousands separator ("1.210" is 1210), any other lone dot or comma is a decimal mark.
"""

from __future__ import annotations

import re

# One written number: digits with "." / "," groups ("1.000.000", "1,5", "99.5", "01").
# NUMBER_REST is what follows the first digit, for patterns that test that digit on its own.
NUMBER_REST = r"\d*(?:[.,]\d+)*"
NUMBER = rf"\d{NUMBER_REST}"

_NUMBER_RE = re.compile(rf"^{NUMBER}$")
_THOUSANDS_GROUPS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_SPACE = re.compile(r"\s+")

# Money scale words: a closed set of the language, not vocabulary that grows.
SCALES: dict[str, float] = {
    "nghìn": 1e3,
    "ngàn": 1e3,
    "triệu": 1e6,
    "tỷ": 1e9,
    "tỉ": 1e9,
}


def parse_number(s: str) -> float | None:
    """The value of a number written the Vietnamese way, or None when ``s`` is no number."""
    s = s.strip()
    if not _NUMBER_RE.match(s):
        return None
    has_dot, has_comma = "." in s, "," in s
    if has_dot and has_comma:
        # The rightmost separator is the decimal mark, the other groups thousands.
        comma_last = s.rfind(",") > s.rfind(".")
        s = s.replace(".", "").replace(",", ".") if comma_last else s.replace(",", "")
    elif has_comma:
        s = s.replace(",", "") if s.count(",") > 1 else s.replace(",", ".")
    elif has_dot and (s.count(".") > 1 or _THOUSANDS_GROUPS.match(s)):
        s = s.replace(".", "")
    try:
        return float(s)
    except ValueError:  # pragma: no cover - the pattern above only lets numbers through
        return None


def parse_scaled(amount: str, scale: str | None) -> float | None:
    """A number times its scale words: "1,5" "tỷ" → 1.5e9; "36" "nghìn" → 36000 (tấn, ha, đồng alike)."""
    value = parse_number(amount)
    if value is None:
        return None
    if scale:
        for word in _SPACE.split(scale.strip().lower()):
            factor = SCALES.get(word)
            if factor is None:
                return None
            value *= factor
    return float(round(value, 6))


def parse_vnd(amount: str, scale: str | None) -> float | None:
    """An amount of đồng: the number times its scale words ("1,5" "tỷ" → 1.5e9; "nghìn tỷ" → 1e12)."""
    return parse_scaled(amount, scale)
