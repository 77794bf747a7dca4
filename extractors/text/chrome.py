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

from extractors.structure.header import header_start
from extractors.vocab import QUOC_HIEU


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    """One pattern for both lists, the trailer starts first: a line that matches in the group
    ``cut`` starts a trailer, any other match is a line to drop (one match a line, not two)."""
    data = tomllib.loads(resources.files("extractors.data").joinpath("chrome.toml").read_text("utf-8"))

    def alternation(key: str) -> str:
        # Matched against the lower-cased line: faster than a case-insensitive pattern.
        return "|".join(f"(?:{p.lower()})" for p in data[key])

    return re.compile(f"(?P<cut>{alternation('cut_from')})|{alternation('drop_line')}")


# Chrome lines are short; a longer line is document text, unless a trailer starts it (its
# first characters tell).
_TRAILER_HEAD = 80
_LONGEST_CHROME = 240


def drop_before_header(lines: list[str]) -> list[str]:
    """Drop what a portal prints above the document's own header (its title, its breadcrumbs).

    The header starts with the issuing body's lines in capitals above the quốc hiệu (the
    left column of the header table comes first once columns are put in order).
    """
    at = next((i for i, line in enumerate(lines) if QUOC_HIEU.search(line)), None)
    return lines if at is None else lines[header_start(lines, at) :]


def strip_chrome(lines: list[str]) -> list[str]:
    """The lines that belong to the document: chrome lines dropped, trailers cut."""
    chrome = _pattern()
    kept: list[str] = []
    for line in lines:
        if not line:
            kept.append(line)
            continue
        # A trailer may start a long line ("Văn bản này chưa cập nhật ... <the site's caption>"):
        # its head is matched; only short lines can be chrome to drop.
        long = len(line) > _LONGEST_CHROME
        m = chrome.fullmatch(_fold(line[:_TRAILER_HEAD] if long else line))
        if m and m["cut"] is not None:
            break
        if m is None or long:
            kept.append(line)
    return drop_before_header(kept)


def _fold(line: str) -> str:
    """The line lower-cased, its runs of whitespace one space and its edges bare. In normalized
    text the space is the only blank, so a line without two in a row or one at an edge needs no
    split: most lines, at a fifth of the cost."""
    if "  " in line or line[0] == " " or line[-1] == " ":
        return " ".join(line.split()).lower()
    return line.lower()
