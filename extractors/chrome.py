"""Portal chrome removal: menus, login nags, attribute trailers, visit counters.

The patterns live in ``data/chrome.toml`` so that a new portal's quirks are a data edit.
Chrome goes before extraction so that no fact is read from a portal's own furniture
(its attribute box repeats the number and date, its counters look like numbers).
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from extractors.vocab import is_caps_line


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = tomllib.loads(resources.files("extractors.data").joinpath("chrome.toml").read_text("utf-8"))

    def alternation(key: str) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in data[key]), re.IGNORECASE)

    return alternation("drop_line"), alternation("cut_from")


_QUOC_HIEU = re.compile(r"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", re.IGNORECASE)
_RULE = re.compile(r"^[-_=.* ]{3,}$")
_MAX_ISSUER_LINES = 4


def drop_before_header(lines: list[str]) -> list[str]:
    """Drop what a portal prints above the document's own header (its title, its breadcrumbs).

    The header is the issuing body's lines in capitals just above the quốc hiệu (the
    left column of the header table comes first once columns are put in order).
    """
    at = next((i for i, line in enumerate(lines) if _QUOC_HIEU.search(line)), None)
    if at is None:
        return lines
    start = at
    taken = 0
    i = at - 1
    while i >= 0 and taken < _MAX_ISSUER_LINES:
        line = lines[i].strip()
        if not line or _RULE.match(line):
            i -= 1
            continue
        if not is_caps_line(line):
            break
        start = i
        taken += 1
        i -= 1
    return lines[start:]


def strip_chrome(lines: list[str]) -> list[str]:
    """The lines that belong to the document: chrome lines dropped, trailers cut."""
    drop, cut = _patterns()
    kept: list[str] = []
    for line in lines:
        folded = " ".join(line.split())
        if cut.fullmatch(folded):
            break
        if folded and drop.fullmatch(folded):
            continue
        kept.append(line)
    return drop_before_header(kept)
