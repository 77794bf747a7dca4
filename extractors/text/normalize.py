"""Text normalization, the first step of every document: the text all spans point into.

NFC, one tone placement, no control or zero-width characters, one kind of space and line
break, number artefacts mended, Markdown markup and portal chrome removed, and lines that a
crawler flattened split again. Extraction never sees the raw text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from extractors.text.chrome import strip_chrome
from extractors.text.layout import is_flattened, split_columns, split_flattened, tab_columns
from extractors.text.markdown import looks_like_markdown, markdown_pieces
from extractors.text.metadata import strip_chunk_prefixes, take_metadata
from extractors.text.paragraphs import logical_lines, plain_pieces, wrap_width
from extractors.text.tones import modern_tones


def _span(first: str, last: str) -> str:
    """The characters from ``first`` to ``last``: the ranges of a class, as keys of a lookup."""
    return "".join(map(chr, range(ord(first), ord(last) + 1)))


_SPACES = "\u00a0\u1680\u202f\u205f\u3000\t" + _span("\u2000", "\u200a")
# Controls except tab and newline, zero-width characters, BOM, soft hyphen, replacement char.
_INVISIBLE = (
    _span("\x00", "\x08")
    + _span("\x0b", "\x1f")
    + _span("\x7f", "\x9f")
    + _span("\u200b", "\u200f")
    + _span("\u2060", "\u2064")
    + "\ufeff\u00ad\ufffd"
)
_DASHES = _span("\u2010", "\u2015") + "\u2212"
# What each odd character becomes. The sets are disjoint and no replacement is odd, so one pass
# with a lookup per hit does what a pass per set did: a document holds a few of them at most.
_CHAR_FIXES = {c: " " for c in _SPACES} | {c: "" for c in _INVISIBLE} | {c: "-" for c in _DASHES} | {"\u2026": "..."}
_ODD_CHAR = re.compile(f"[{re.escape(''.join(_CHAR_FIXES))}]")
# "tháng 0 6", "ngày 0 5": a zero split from its digit by a stray space in a date.
_SPLIT_ZERO = re.compile(r" 0 (?=\d\b)")
_DATE_WORD = re.compile(r"(?:ngày|tháng)$", re.IGNORECASE)
# "1 ,5%", "1, 5%": a number split from its decimals; "85 %": from its percent sign.
_SPLIT_DECIMAL = re.compile(r"(\d)(?: , ?|, )(\d{1,2}) ?%")
# The longest split decimal, "1 , 55 %", ends 7 characters after it starts.
_DECIMAL_SPAN = 7
_SPACE_BEFORE_PERCENT = re.compile(r"(\d) +%")
# Two blank lines or more in a row: one is kept. The pattern's literal head makes its scan a fast
# search, cheaper than a str.replace loop that runs once for each halving of a run.
_BLANK_LINES = re.compile("\n\n\n+")


# A line holding a lone "|": the edge of a cell as legal-database converters write tables.
_CELL_EDGE = "\n|\n"


def normalize_chars(text: str) -> str:
    """Character-level clean-up: NFC, tones, spaces, line breaks, invisible characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = unicodedata.normalize("NFC", text)
    text = _ODD_CHAR.sub(_fix_char, text)
    text = modern_tones(text)
    if " 0 " in text:
        text = _SPLIT_ZERO.sub(_mend_zero, text)
    text = _mend_decimals(text)
    return _SPACE_BEFORE_PERCENT.sub(r"\1%", text) if " %" in text else text


def _fix_char(match: re.Match[str]) -> str:
    return _CHAR_FIXES[match[0]]


def _mend_decimals(text: str) -> str:
    """``_SPLIT_DECIMAL`` mended, looked for only before each "%" (a scan of the whole text for
    its digits costs ten times as much). A match ends at the first "%" after its start, so the one
    before each "%" starts after the "%" before it: the window holds what a scan would find."""
    out: list[str] = []
    done = after = 0
    at = text.find("%")
    while at != -1:
        if m := _SPLIT_DECIMAL.search(text, max(after, at - _DECIMAL_SPAN), at + 1):
            out += (text[done : m.start()], m.expand(r"\1,\2%"))
            done = m.end()
        after = at + 1
        at = text.find("%", after)
    return "".join(out) + text[done:] if out else text


def _mend_zero(match: re.Match[str]) -> str:
    before = match.string[max(0, match.start() - 5) : match.start()]
    return " 0" if _DATE_WORD.search(before) else match.group()


@dataclass(frozen=True, slots=True)
class Normalized:
    """The normalized text (every span points into it), the form it came in, and the site's
    metadata block cut from it."""

    text: str
    form: str
    metadata: dict[str, str] = field(default_factory=dict)
    # The characters read, after the character clean-up: what ``dropped`` compares with.
    read: str = ""

    @property
    def dropped(self) -> float:
        """The share of the letters read that did not reach the normalized text (chrome, the site's
        metadata, trailers): large for a portal page, small for a file an office published.
        Counted when asked: a letter count costs as much as a tenth of an extraction."""
        read = _letters(self.read)
        return 1 - _letters(self.text) / read if read else 0.0


def normalize(text: str, *, markdown: bool | None = None) -> Normalized:
    """The front door: any text form → one normalized text of logical lines.

    ``markdown`` says the file was named as Markdown; whatever its name, a text that reads as
    converter Markdown is read as such.
    """
    if "\t" in text:
        text = "\n".join(tab_columns(text.split("\n")))
    text = read = normalize_chars(text)
    is_markdown = bool(markdown) or looks_like_markdown(text)
    physical, chunks = strip_chunk_prefixes(text.split("\n"))
    text = "\n".join(physical)
    pieces = markdown_pieces(text) if is_markdown else plain_pieces(split_columns(physical))
    width = wrap_width(pieces, converter=is_markdown and _CELL_EDGE in text)
    lines = logical_lines(pieces, width)
    flattened = is_flattened(lines)
    lines = split_flattened(lines, flattened)
    form = "markdown" if is_markdown else "text"
    form = "flattened" if flattened else (f"wrapped {form}" if width else form)
    lines, metadata = take_metadata(lines)
    metadata = chunks | metadata
    text = _squeeze("\n".join(strip_chrome(lines)), "  ", " ")
    # Runs of spaces are single now, so each replace removes every space at a line edge.
    text = text.replace(" \n", "\n").replace("\n ", "\n").strip()
    text = _BLANK_LINES.sub("\n\n", text) + "\n"
    return Normalized(text, form, metadata, read)


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha())


def normalize_text(text: str, *, markdown: bool | None = None) -> str:
    """The normalized text of a document: the one every span of its record points into."""
    return normalize(text, markdown=markdown).text


def _squeeze(text: str, run: str, into: str) -> str:
    """Every run of ``run``'s character cut to ``into``: str.replace beats a regex scan here."""
    while run in text:
        text = text.replace(run, into)
    return text
