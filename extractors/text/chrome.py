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
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = tomllib.loads(resources.files("extractors.data").joinpath("chrome.toml").read_text("utf-8"))

    def alternation(key: str) -> re.Pattern[str]:
        # Matched against the lower-cased line: faster than a case-insensitive pattern.
        return re.compile("|".join(f"(?:{p.lower()})" for p in data[key]))

    return alternation("drop_line"), alternation("cut_from")


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
    drop, cut = _patterns()
    kept: list[str] = []
    for line in lines:
        # A trailer may start a long line ("Văn bản này chưa cập nhật ... <the site's caption>"):
        # its head is matched; only short lines can be chrome to drop.
        if len(line) > _LONGEST_CHROME:
            if cut.fullmatch(" ".join(line[:_TRAILER_HEAD].split()).lower()):
                break
            kept.append(line)
            continue
        folded = " ".join(line.split()).lower()
        if cut.fullmatch(folded):
            break
        if folded and drop.fullmatch(folded):
            continue
        kept.append(line)
    return drop_before_header(kept)
