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

from extractors.header import issuer_line_indexes


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = tomllib.loads(resources.files("extractors.data").joinpath("chrome.toml").read_text("utf-8"))

    def alternation(key: str) -> re.Pattern[str]:
        # Whole lines of the lower-cased text, in one pass: faster than a case-insensitive
        # pattern tried line by line.
        return re.compile("^(?:" + "|".join(f"(?:{p.lower()})" for p in data[key]) + ")$", re.MULTILINE)

    return alternation("drop_line"), alternation("cut_from")


# Chrome lines are short; a longer line is document text and is not matched at all.
_LONGEST_CHROME = 240
_QUOC_HIEU = re.compile(r"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", re.IGNORECASE)


def drop_before_header(lines: list[str]) -> list[str]:
    """Drop what a portal prints above the document's own header (its title, its breadcrumbs).

    The header starts with the issuing body's lines in capitals above the quốc hiệu (the
    left column of the header table comes first once columns are put in order).
    """
    at = next((i for i, line in enumerate(lines) if _QUOC_HIEU.search(line)), None)
    if at is None:
        return lines
    issuer = issuer_line_indexes(lines, at)
    return lines[issuer[0] if issuer else at :]


def strip_chrome(text: str) -> str:
    """The document without chrome: chrome lines dropped, trailers cut, portal lines above the header gone.

    ``text`` has its spaces folded (one space between words, none at a line's ends).
    """
    drop, cut = _patterns()
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer: match line by line
        lines = [line for line in text.split("\n") if not _is_chrome(line.lower(), drop)]
        at = next((i for i, line in enumerate(lines) if _is_chrome(line.lower(), cut)), len(lines))
        return "\n".join(drop_before_header(lines[:at]))
    end = next((m.start() for m in cut.finditer(lowered) if _short(m)), len(text))
    pieces: list[str] = []
    pos = 0
    for m in drop.finditer(lowered, 0, end):
        if _short(m) and m.end() > m.start():
            pieces.append(text[pos : m.start()])
            pos = m.end() + 1
    pieces.append(text[pos:end])
    return "\n".join(drop_before_header("".join(pieces).split("\n")))


def _short(match: re.Match[str]) -> bool:
    return match.end() - match.start() <= _LONGEST_CHROME


def _is_chrome(line: str, pattern: re.Pattern[str]) -> bool:
    return bool(line) and len(line) <= _LONGEST_CHROME and pattern.fullmatch(line) is not None
