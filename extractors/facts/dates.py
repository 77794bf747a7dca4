"""Dates, months, quarters, years and school years as Vietnamese official documents write them.

The genre writes one date many ways ("ngày 20 tháng 3 năm 2017", "20/3/2017", "20-3-2017"), leaves
the year out of recurring deadlines ("trước ngày 15/6"), and uses the same digit-slash-digit shape
for ratios ("9/9 xã") and document numbers ("80/2017/NĐ-CP"). Every form is a candidate pattern;
candidates are validated against the calendar and the longest one wins where they overlap, so a
"năm 2017" inside a full date is never reported twice.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

Kind = Literal["date", "day_month", "month", "quarter", "year", "school_year"]

MIN_YEAR = 1945
MAX_YEAR = 2100

_F = re.IGNORECASE

# "ngày 20 tháng 3 năm 2017", "ngày 20 tháng 3, năm 2017".
_TEXT_DATE = re.compile(r"\bngày ?(\d{1,2}) ?tháng ?(\d{1,2}) ?,? ?năm ?(\d{4})(?!\d)", _F)
# "20/3/2017", "20-3-2017", "20.3.2017" (one separator throughout), with "ngày" in front when written.
# Not after a digit, slash or decimal mark; not followed by "/QĐ..." (a document number's tail).
_NUM_DATE = re.compile(
    r"(?:\bngày )?(?<![\w/.,-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/]|[.,]\d|-\d)",
    _F,
)
# "ngày 15/6 năm 2024": day and month by slash, the year in words.
_DM_YEAR = re.compile(r"(?:\bngày )?(?<![\w/.,-])(\d{1,2})/(\d{1,2}) ?,? ?năm (\d{4})(?!\d)", _F)
# "ngày 15 tháng 11" with no year: a recurring deadline ("trước ngày 15 tháng 11 hằng năm").
_TEXT_DAY_MONTH = re.compile(r"\bngày ?(\d{1,2}) ?tháng ?(\d{1,2})(?!\d)(?! ?,? ?năm ?\d)", _F)
# "15/6" with no year: "/" only, since "15.6" is a decimal and "5-6" a span of numbers.
_DAY_MONTH = re.compile(r"(?:\bngày )?(?<![\w/.,-])(\d{1,2})/(\d{1,2})(?![\d/]|[.,]\d|-\d)", _F)
# "tháng 6/2024", "tháng 6 năm 2024", "tháng 6-2024".
_MONTH = re.compile(r"\btháng ?(\d{1,2}) ?(?:/|-|,? ?năm ) ?(\d{4})(?!\d)", _F)
# "quý II/2024", "quý 2 năm 2024", "QUÝ IV-2024".
_QUARTER = re.compile(r"\bquý ?(IV|I{1,3}|[1-4])\b ?(?:/|-|,? ?năm ) ?(\d{4})(?!\d)", _F)
# "năm học 2024-2025".
_SCHOOL_YEAR = re.compile(r"\bnăm học ?(\d{4}) ?- ?(\d{4})(?!\d)", _F)
# "năm 2024"; a bare "2024" is not a year mention (it may be a count).
_YEAR = re.compile(r"\bnăm ?(\d{4})(?![\d/]|[.,]\d)", _F)
# Spans of years: "năm 2021 - 2025", "giai đoạn 2016-2020".
_YEAR_SPAN = re.compile(r"\b(?:năm|giai đoạn) ?(\d{4}) ?- ?(\d{4})(?![\d/]|[.,]\d)", _F)
# One year or month shared by two ends: "từ tháng 3 đến tháng 6 năm 2024", "tháng 3-6/2024",
# "quý I và quý II năm 2024", "từ ngày 10 đến ngày 20/3/2023".
_SHARED_MONTH = re.compile(
    r"\b(tháng|quý) ?(IV|I{1,3}|\d{1,2})\b( ?(?:-|đến|tới|và) ?)(?:(?:tháng|quý) ?)?(IV|I{1,3}|\d{1,2})\b"
    r" ?(?:/|-|,? ?năm ) ?(\d{4})(?!\d)",
    _F,
)
_SHARED_DAY = re.compile(
    r"\bngày ?(\d{1,2})( ?(?:-|đến|tới) ?)(?:ngày ?)?(\d{1,2})([/.-])(\d{1,2})\4(\d{4})(?![\d/]|[.,]\d|-\d)",
    _F,
)

# A day/month with no year followed by one of these words still reads as a date ("15/6 hằng năm").
_DATE_FOLLOWERS = frozenset({"và", "hoặc", "đến", "tới", "hằng", "hàng", "âm", "dương", "năm", "tháng", "của", "nay"})
# ... and preceded by one of these it reads as a ratio ("đạt 9/9", "là 2/3").
_RATIO_LEADERS = frozenset({"đạt", "là", "chiếm", "có", "gồm", "còn", "được", "trên", "tỷ", "tỉ", "lệ"})
_DIGIT = re.compile(r"\d")
_NEXT_WORD = re.compile(r" ?([^\W\d_]+)")
_PREV_WORD = re.compile(r"([^\W\d_]+) ?\(?$")
_LOWER_START = re.compile(r" [^\W\d_]")

# Between two mentions that make a range: "từ ngày A đến ngày B", "A - B".
_RANGE_GAP = re.compile(r" ?(?:-|đến|tới|đến hết|cho đến|đến hết ngày) ?", _F)
_RANGE_FROM = re.compile(r"\b(?:từ|kể từ) $", _F)

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    kind: Kind
    value: str
    first_day: str | None
    last_day: str | None


@dataclass(frozen=True, slots=True)
class DateRange:
    start: int
    end: int
    first: DateMention
    last: DateMention


def _year_ok(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def _day(start: int, end: int, day: int, month: int, year: int) -> DateMention | None:
    if not (_year_ok(year) and 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    return DateMention(start, end, "date", iso, iso, iso)


def _day_month(start: int, end: int, day: int, month: int) -> DateMention | None:
    # 29/2 is a real day in some year; validate against a leap year.
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(2000, month)[1]):
        return None
    return DateMention(start, end, "day_month", f"--{month:02d}-{day:02d}", None, None)


def _month(start: int, end: int, month: int, year: int) -> DateMention | None:
    if not (_year_ok(year) and 1 <= month <= 12):
        return None
    last = calendar.monthrange(year, month)[1]
    return DateMention(
        start,
        end,
        "month",
        f"{year:04d}-{month:02d}",
        f"{year:04d}-{month:02d}-01",
        f"{year:04d}-{month:02d}-{last:02d}",
    )


def _quarter_number(raw: str) -> int:
    return _ROMAN.get(raw.upper()) or int(raw)


def _quarter(start: int, end: int, quarter: int, year: int) -> DateMention | None:
    if not (_year_ok(year) and 1 <= quarter <= 4):
        return None
    first_month, last_month = quarter * 3 - 2, quarter * 3
    last_day = calendar.monthrange(year, last_month)[1]
    return DateMention(
        start,
        end,
        "quarter",
        f"{year:04d}-Q{quarter}",
        f"{year:04d}-{first_month:02d}-01",
        f"{year:04d}-{last_month:02d}-{last_day:02d}",
    )


def _year(start: int, end: int, year: int) -> DateMention | None:
    if not _year_ok(year):
        return None
    return DateMention(start, end, "year", f"{year:04d}", f"{year:04d}-01-01", f"{year:04d}-12-31")


def _school_year(start: int, end: int, first: int, last: int) -> DateMention | None:
    """A school year nominally runs from September to May (the MOET calendar)."""
    if not (_year_ok(first) and last == first + 1):
        return None
    return DateMention(start, end, "school_year", f"{first}-{last}", f"{first}-09-01", f"{last}-05-31")


def _unit(kind: str, start: int, end: int, raw: str, year: int) -> DateMention | None:
    if kind.casefold() == "quý":
        return _quarter(start, end, _quarter_number(raw), year) if raw.upper() in _ROMAN or raw.isdigit() else None
    return _month(start, end, int(raw), year) if raw.isdigit() else None


def _is_ratio(text: str, start: int, end: int, has_ngay: bool) -> bool:
    """Whether a yearless d/m reads as a ratio ("9/9 xã", "đạt 4/9") rather than a day."""
    if has_ngay:
        return False
    if text[start:end] == "24/7":  # "round the clock", not 24 July
        return True
    before = _PREV_WORD.search(text, max(0, start - 20), start)
    if before and before.group(1).casefold() in _RATIO_LEADERS:
        return True
    if _LOWER_START.match(text, end):
        word = _NEXT_WORD.match(text, end)
        return bool(word and word.group(1).islower() and word.group(1) not in _DATE_FOLLOWERS)
    return False


_Scan = Callable[[re.Pattern[str]], Iterable[re.Match[str]]]


def _scan_window(text: str, start: int, end: int) -> _Scan:
    """Every match of a pattern in text[start:end]."""
    return lambda pattern: pattern.finditer(text, start, end)


def _scan_at(text: str, start: int, end: int) -> _Scan:
    """The match of a pattern that starts right at start, if any: the leftmost match of a scan."""
    return lambda pattern: filter(None, (pattern.match(text, start, end),))


def _candidates(text: str, scan: _Scan) -> Iterator[tuple[int, DateMention]]:
    """Every validated reading ``scan`` finds, with a priority (lower wins between equal spans)."""
    for m in scan(_SHARED_DAY):
        year, month = int(m[6]), int(m[5])
        first = _day(m.start(), m.start(2), int(m[1]), month, year)
        last = _day(m.end(2), m.end(), int(m[3]), month, year)
        if first and last:
            yield 0, first
            yield 0, last
    for m in scan(_SHARED_MONTH):
        year = int(m[5])
        first = _unit(m[1], m.start(), m.start(3), m[2], year)
        last = _unit(m[1], m.end(3), m.end(), m[4], year)
        if first and last:
            yield 0, first
            yield 0, last
    for m in scan(_TEXT_DATE):
        if d := _day(m.start(), m.end(), int(m[1]), int(m[2]), int(m[3])):
            yield 1, d
    for m in scan(_NUM_DATE):
        if d := _day(m.start(), m.end(), int(m[1]), int(m[3]), int(m[4])):
            yield 1, d
    for m in scan(_DM_YEAR):
        if d := _day(m.start(), m.end(), int(m[1]), int(m[2]), int(m[3])):
            yield 1, d
    for m in scan(_SCHOOL_YEAR):
        if d := _school_year(m.start(), m.end(), int(m[1]), int(m[2])):
            yield 1, d
    for m in scan(_YEAR_SPAN):
        first_year, last_year = int(m[1]), int(m[2])
        if first_year < last_year:
            a = _year(m.start(), m.end(1), first_year)
            b = _year(m.start(2), m.end(), last_year)
            if a and b:
                yield 2, a
                yield 2, b
    for m in scan(_QUARTER):
        if d := _quarter(m.start(), m.end(), _quarter_number(m[1]), int(m[2])):
            yield 2, d
    for m in scan(_MONTH):
        if d := _month(m.start(), m.end(), int(m[1]), int(m[2])):
            yield 2, d
    for m in scan(_YEAR):
        if d := _year(m.start(), m.end(), int(m[1])):
            yield 3, d
    for m in scan(_TEXT_DAY_MONTH):
        if d := _day_month(m.start(), m.end(), int(m[1]), int(m[2])):
            yield 4, d
    for m in scan(_DAY_MONTH):
        if _is_ratio(text, m.start(1), m.end(), m.start() != m.start(1)):
            continue
        if d := _day_month(m.start(), m.end(), int(m[1]), int(m[2])):
            yield 4, d


def _reading_order(candidate: tuple[int, DateMention]) -> tuple[int, int, int]:
    """Where readings overlap, the one that starts first wins, then the longest, then the higher priority."""
    priority, mention = candidate
    return mention.start, mention.start - mention.end, priority


def _complete_years(text: str, mentions: list[DateMention]) -> Iterator[DateMention]:
    """A yearless day before "đến"/"-" and a full date takes that date's year ("từ 01/6 đến 30/6/2024")."""
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            m.kind == "day_month"
            and nxt is not None
            and nxt.kind == "date"
            and _RANGE_GAP.fullmatch(text, m.end, nxt.start)
        ):
            month, day = int(m.value[2:4]), int(m.value[5:7])
            if (full := _day(m.start, m.end, day, month, int(nxt.value[:4]))) and full.value <= nxt.value:
                yield full
                continue
        yield m


def iter_dates(text: str, start: int = 0, end: int | None = None) -> Iterator[DateMention]:
    """Date mentions in text[start:end], in order, never overlapping; offsets are into text."""
    end = len(text) if end is None else end
    if not _DIGIT.search(text, start, end):  # every form of a date has a digit
        return
    found = sorted(_candidates(text, _scan_window(text, start, end)), key=_reading_order)
    chosen: list[DateMention] = []
    last_end = start
    for _, mention in found:
        if mention.start >= last_end:
            chosen.append(mention)
            last_end = mention.end
    yield from _complete_years(text, chosen)


def date_at(text: str, start: int, end: int) -> DateMention | None:
    """The full date that ``iter_dates(text, start, end)`` reads first when it starts right at start.

    A citation reads its date right after its number: only the readings that start there can
    come first, so only those are matched, instead of scanning the window with every pattern.
    """
    found = [c for c in _candidates(text, _scan_at(text, start, end)) if c[1].start == start]
    if not found:
        return None
    _, first = min(found, key=_reading_order)
    if first.kind == "day_month":  # it may take the year of a full date after it ("01/6 đến 30/6/2024")
        first = next(iter_dates(text, start, end))
    return first if first.kind == "date" else None


def iter_date_ranges(text: str, start: int = 0, end: int | None = None) -> Iterator[DateRange]:
    """Two mentions joined by "đến"/"tới"/"-" ("từ ngày A đến ngày B"), the range starting at "từ" if written."""
    mentions = list(iter_dates(text, start, end))
    i = 0
    while i + 1 < len(mentions):
        a, b = mentions[i], mentions[i + 1]
        joined = _RANGE_GAP.fullmatch(text, a.end, b.start)
        ordered = a.first_day is None or b.last_day is None or a.first_day <= b.last_day
        if joined and ordered:
            lead = _RANGE_FROM.search(text, max(start, a.start - 7), a.start)
            yield DateRange(lead.start() if lead else a.start, b.end, a, b)
            i += 2
        else:
            i += 1


def first_date(text: str) -> str | None:
    """ISO form of the first full date in text (an issue date, a deadline), else None."""
    return next((m.value for m in iter_dates(text) if m.kind == "date"), None)
