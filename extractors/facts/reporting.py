"""Reporting duties: what must be reported, how often, by when and to whom.

A duty is a sentence of the reporting section, or one elsewhere in the plan that says
"báo cáo ... định kỳ / trước ngày / gửi ...". Each due date in it is one duty
("định kỳ 6 tháng (vào ngày 15/6) và hằng năm (vào ngày 15/12)" gives two), with the
frequency its own words give. A day and month with no year stays "--06-15": the text
does not say which year.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from extractors.facts.agency_index import AgencyIndex
from extractors.facts.dates import DateMention, iter_dates
from extractors.text.sentences import Sentence, iter_sentences
from models import Reporting

# "trước ngày 20 của tháng cuối quý": the same day of March, June, September and December.
_QUARTER_END = re.compile(r"ngày (\d{1,2}) (?:của )?tháng cuối (?:mỗi |hằng |hàng |của )?quý", re.IGNORECASE)
_AFTER = re.compile(r"\s*\(([^)]{1,60})\)")
_TO = re.compile(r"\b(?:gửi(?: về)?|về)\s+", re.IGNORECASE)
_FREQ_WINDOW = 40
_FROM_WINDOW = 12
_FROM = re.compile(r"\btừ (?:ngày )?$", re.IGNORECASE)
_UNTIL = re.compile(r"\b(?:đến|tới)(?: hết)? (?:ngày )?$", re.IGNORECASE)
# The words a duty's sentence needs (outside the reporting section, only the first): the lines
# without them are not cut into sentences at all.
_REPORT = re.compile(r"báo cáo", re.IGNORECASE)
_REPORT_OR_DUE = re.compile(r"báo cáo|trước ngày|vào ngày", re.IGNORECASE)


@lru_cache(maxsize=1)
def _vocab() -> tuple[re.Pattern[str], tuple[tuple[str, re.Pattern[str]], ...]]:
    data = tomllib.loads(resources.files("extractors.data").joinpath("reporting.toml").read_text("utf-8"))
    duty = re.compile("|".join(f"(?:{p})" for p in data["duty"]), re.IGNORECASE)
    freq = tuple(
        (name, re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE))
        for name, pats in data["frequency"].items()
    )
    return duty, freq


def _frequency(text: str) -> str | None:
    """The frequency named last in ``text`` (the one nearest a following date)."""
    best: tuple[int, str] | None = None
    for name, pattern in _vocab()[1]:
        for m in pattern.finditer(text):
            if best is None or m.end() > best[0]:
                best = (m.end(), name)
    return best[1] if best else None


def _recipient(text: str, index: AgencyIndex, sentence: Sentence) -> str | None:
    for cue in _TO.finditer(text, sentence.start, sentence.end):
        for mention in index.within(cue.end(), min(sentence.end, cue.end() + 120)):
            if mention.start == cue.end():
                return mention.name
            break
    return None


def _due(date: DateMention) -> str | None:
    return date.value if date.kind in ("date", "day_month") else None


def _dues(text: str, start: int, end: int) -> list[DateMention]:
    """The dates of a sentence that can be dues: not those that bound the period a report covers
    ("tính từ ngày 15 tháng 12 năm trước ... đến ngày 14 tháng 12 của kỳ báo cáo")."""
    out: list[DateMention] = []
    period = False
    for date in iter_dates(text, start, end):
        before = text[max(start, date.start - _FROM_WINDOW) : date.start]
        if _FROM.search(before):
            period = True
            continue
        if period and _UNTIL.search(before):
            period = False
            continue
        if _due(date):
            out.append(date)
    return out


def _candidate_sentences(text: str, start: int, end: int, cue: re.Pattern[str]) -> Iterator[Sentence]:
    """The sentences of ``text[start:end]`` on the lines where ``cue`` occurs, in order.

    Sentences never cross a line end, so a line's sentences are those ``iter_sentences`` gives
    for that line alone.
    """
    while (hit := cue.search(text, start, end)) is not None:
        line_start = max(start, text.rfind("\n", 0, hit.start()) + 1)
        nl = text.find("\n", hit.end(), end)
        line_end = end if nl < 0 else nl
        yield from iter_sentences(text, line_start, line_end)
        start = line_end + 1


def duties_in(
    text: str,
    index: AgencyIndex,
    start: int,
    end: int,
    *,
    section: bool,
    skip: list[tuple[int, int]] | None = None,
) -> list[Reporting]:
    """Reporting duties in ``text[start:end]``; ``section`` when it is the reporting section itself."""
    duty, _ = _vocab()
    skip = skip or []
    out: list[Reporting] = []
    for sentence in _candidate_sentences(text, start, end, _REPORT_OR_DUE if section else _REPORT):
        body = text[sentence.start : sentence.end]
        if "báo cáo" not in body.lower() and not (section and re.search(r"trước ngày|vào ngày", body, re.I)):
            continue
        if not section and not duty.search(body):
            continue
        what = body.strip(" -+;.")
        to = _recipient(text, index, sentence)
        whole = _frequency(body)
        dates = [d for d in _dues(text, sentence.start, sentence.end) if not any(a <= d.start < b for a, b in skip)]
        span = (sentence.start, sentence.end)
        for m in _QUARTER_END.finditer(body):
            day = int(m.group(1))
            for month in (3, 6, 9, 12):
                out.append(
                    Reporting(what=what, frequency="quarterly", due=f"--{month:02d}-{day:02d}", to=to, span=span)
                )
        if not dates:
            if _QUARTER_END.search(body):
                continue
            out.append(Reporting(what=what, frequency=whole, due=None, to=to, span=span))
            continue
        for date in dates:
            after = _AFTER.match(text, date.end, sentence.end)
            near = (
                (_frequency(after.group(1)) if after else None)
                or _frequency(text[max(sentence.start, date.start - _FREQ_WINDOW) : date.start])
                or whole
            )
            out.append(Reporting(what=what, frequency=near, due=_due(date), to=to, span=span))
    return out
