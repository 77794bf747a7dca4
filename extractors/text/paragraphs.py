"""Physical lines → logical lines: a paragraph wrapped over several lines becomes one line.

Converters of legal-database pages keep the line breaks of the page's source, so a paragraph,
a heading or a header cell comes as several lines ("Căn cứ Nghị định số\n150/2025/NĐ-CP ngày
...", "I. MỤC ĐÍCH,\nYÊU CẦU", "ỦY BAN NHÂN\nDÂN"). Every later step reads logical lines, so
they are rebuilt here, once, from what the lines themselves say: an emphasis left open, a
lower-case start, a line ending on "số" or "với" go on; a cell edge, a list marker, a
paragraph opener ("Căn cứ", "Điều 2."), a signer's title, a sentence end, a switch between
capitals and mixed case start a new line.

Text that was not wrapped (one paragraph a line, as HTML, DOCX and PDF readers give it) keeps
its lines; only a line that plainly continues the one above (it starts in lower case) joins.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise

from extractors.vocab import LOWER_CLASS, ROMAN, is_caps_line, longest_first, signer_titles

# A list or item marker: "1.", "2.1.", "a)", "đ)", "I.", "A.", "-", "+", "•".
_MARKER = re.compile(
    rf"^(?:\d{{1,3}}(?:\.\d{{1,3}})*[.)]\s|{LOWER_CLASS}{{1,2}}[).]\s|{ROMAN}\.\s|[A-HĐ]\.\s|\(\d{{1,3}}\)\s)"
)
_BULLET = re.compile(r"^[-+•–]\s*\S")
_LOWER_START = re.compile(rf"^(?:[\"“'(]?{LOWER_CLASS}|[,;:)])")
_RULE_CHARS = "-_=*.·"
_RULE = re.compile(rf"^[{re.escape(_RULE_CHARS)}]{{3,}}$")
_SENTENCE_END = re.compile(r"[.;:!?…][\"”')]*$")
_LETTER = re.compile(r"[^\W\d_]")
_LABEL = re.compile(r"^(?:Số|Số hiệu|Ký hiệu)\s*:?$", re.IGNORECASE)
_TABLE_ROW = " | "
# An item's number alone on its line, its text on the next ("1.4." / "Xây dựng kế hoạch ..."): one line.
_NUMBER_ONLY = re.compile(rf"^(?:\d{{1,2}}(?:\.\d{{1,2}})*[.)]|{LOWER_CLASS}\)|{ROMAN}\.)$")
# An item's number a crawler left at the end of the line above its text ("... tiến bộ 1.1." /
# "Tổ chức nghiên cứu ..."): two levels at least, since "năm 2025." ends a sentence.
_DANGLING_NUMBER = re.compile(r"(?<=\S)\s+\d{1,2}(?:\.\d{1,2})+\.$")
_HEADING_WORDS = 8
_HEADING_LINE = 80
# Share of long lines that go on in a lower-case line, from which a text is taken as wrapped.
_WRAPPED_SHARE = 0.3
_WRAPPED_SAMPLES = 8
_LONG_LINE = 30
# A wrapped line may fall short of the width by a little more than the longest seen.
_WIDTH_SLACK = 1.15
# The width of a legal-database converter's lines, when a page is too short to measure it.
_CONVERTER_WIDTH = 90


@dataclass(slots=True)
class Piece:
    """One physical line, markup removed, with what its markup said about its edges.

    ``hard``: a boundary stands before it (a table cell's edge, a blank line, a heading), so it
    never joins the line above. ``fixed``: it never joins the next line either (a table row).
    ``opens``: an emphasis starts at its very start (converters emphasise whole blocks).
    ``open_end``: an emphasis is still open at its end, so the block goes on below.
    ``closes``: an emphasis closes at its very end, so the block ends here.
    """

    text: str
    hard: bool = False
    fixed: bool = False
    opens: bool = False
    open_end: bool = False
    closes: bool = False


@lru_cache(maxsize=1)
def _vocab() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = tomllib.loads(resources.files("extractors.data").joinpath("lines.toml").read_text("utf-8"))
    starts = re.compile("|".join(f"(?:{p})" for p in data["starts"]))
    # A signer's title starts a line of its own: "KT. CHỦ TỊCH" and "PHÓ CHỦ TỊCH" stay two
    # lines, and "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" does not join the title above it.
    titles = signer_titles()
    continues = re.compile(rf"(?:^|\s)(?:{longest_first(data['continues_after'])})$")
    return starts, titles, continues


def wrap_width(pieces: list[Piece], converter: bool = False) -> int | None:
    """The width a text was wrapped at, or None when it was not wrapped.

    A wrapped text shows it: long lines often go on in a lower-case line. The width is the
    length of the longest such line; a line longer than that was not wrapped and ends its
    paragraph (the site's caption after the signature, a table row). ``converter``: the text
    has the cells of a legal-database converter, which always wraps; a short page of it shows
    too few lines to tell, and any line that goes on in lower case sets the width.
    """
    samples = 0
    wrapped: list[int] = []
    for prev, nxt in pairwise(pieces):
        if len(prev.text) < _LONG_LINE or not nxt.text or nxt.hard:
            continue
        samples += 1
        if _LOWER_START.match(nxt.text) and not _MARKER.match(nxt.text):
            wrapped.append(len(prev.text))
    enough = samples >= _WRAPPED_SAMPLES and len(wrapped) >= _WRAPPED_SHARE * samples
    if not (enough or (converter and wrapped)):
        return _CONVERTER_WIDTH if converter else None
    wrapped.sort()
    return max(int(wrapped[int(0.9 * (len(wrapped) - 1))] * _WIDTH_SLACK), _CONVERTER_WIDTH if converter else 0)


def _goes_on(text: str, prev: Piece, nxt: Piece, width: int | None) -> bool:
    """Whether ``nxt`` continues the logical line ``text``, whose last physical line is ``prev``."""
    b = nxt.text
    if not text or not b:
        return False
    # The last character tells most lines from a lone number ("1.4.", "a)", "II.") without the pattern.
    if text[-1] in ".)" and _NUMBER_ONLY.match(text) and not _MARKER.match(b) and _TABLE_ROW not in b:
        return True
    if nxt.hard or prev.fixed or nxt.fixed or _is_rule(prev.text) or _is_rule(b):
        return False
    if _TABLE_ROW in text or _TABLE_ROW in b:
        return False
    if prev.open_end:
        return True
    if _LABEL.match(text):
        return True
    starts, titles, continues = _vocab()
    if _LOWER_START.match(b):
        return not _MARKER.match(b)
    if _split_heading(text, b, starts, titles):
        return True
    if width is None or len(prev.text) > width:
        return False
    if nxt.opens or starts.match(b) or _MARKER.match(b) or (is_caps_line(b) and titles.match(b)):
        return False
    if _BULLET.match(b) and (_SENTENCE_END.search(text) or _BULLET.match(text)):
        return False
    if continues.search(text):
        return True
    if prev.closes or _SENTENCE_END.search(text):
        return False
    caps_a, caps_b = is_caps_line(text), is_caps_line(b)
    # Capitals against mixed case ends a heading; a line with no letters ("2030") has no case.
    if caps_a != caps_b and _LETTER.search(b):
        return False
    return not (_MARKER.match(text) and len(text.split()) <= _HEADING_WORDS and not caps_a)


def _is_rule(text: str) -> bool:
    """A line drawn with one character ("-----"); its first character tells most lines it is not one."""
    return text[:1] in _RULE_CHARS and bool(_RULE.match(text))


def _split_heading(text: str, b: str, starts: re.Pattern[str], titles: re.Pattern[str]) -> bool:
    """A numbered heading in capitals that goes on in the next line in capitals ("II. TỔ CHỨC" /
    "THỰC HIỆN"), in any text: a heading is short, and a new one would carry its own number."""
    return (
        len(text) <= _HEADING_LINE
        and bool(_MARKER.match(text))
        and is_caps_line(text)
        and is_caps_line(b)
        and not (_MARKER.match(b) or starts.match(b) or titles.match(b))
        and not text.rstrip().endswith((".", ":", ";"))
    )


def logical_lines(pieces: list[Piece], width: int | None) -> list[str]:
    """The logical lines of ``pieces`` wrapped at ``width`` (None: not wrapped); blank lines stay."""
    out: list[str] = []
    prev: Piece | None = None
    for piece in pieces:
        if not piece.text or (out and not out[-1]):
            # Nothing joins a blank line or follows one onto its line: half a page's pieces.
            out.append(piece.text)
        elif prev is not None and _goes_on(out[-1], prev, piece, width):
            glue = "" if piece.text[0] in ",.;:)" or out[-1].endswith(("(", "/")) else " "
            out[-1] = out[-1] + glue + piece.text
        elif out and piece.text[0].isupper() and _dangles(out[-1]) and (m := _DANGLING_NUMBER.search(out[-1])):
            out[-1] = out[-1][: m.start()].rstrip()
            out.append(f"{m.group().strip()} {piece.text}")
        else:
            out.append(piece.text)
        prev = piece
    return out


def _dangles(line: str) -> bool:
    """Whether ``line`` ends as a dangling number does (a digit and a period): the test that spares
    most lines a search of their whole length for ``_DANGLING_NUMBER``."""
    return line.endswith(".") and line[-2:-1].isdigit()


def plain_pieces(lines: list[str]) -> list[Piece]:
    """Pieces of plain text: a blank line is a boundary, the rest carries no markup."""
    out: list[Piece] = []
    after_blank = False
    for line in lines:
        text = line.strip()
        out.append(Piece(text, after_blank) if text else Piece(""))
        after_blank = not text
    return out
