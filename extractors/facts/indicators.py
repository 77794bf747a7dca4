"""Quantitative targets (chỉ tiêu): "dưới 1,5%", "9/9 xã", "01 tỷ đồng trở lên", "85%-90%".

A plan states its targets as sentences or table rows that put a value next to what it
measures, with a comparator ("dưới", "trở lên"), a direction ("giảm", "duy trì"), and
sometimes a baseline ("từ 1,38% năm 2023 xuống còn 1,36% năm 2024") and a year. This
module finds the values with regular expressions, rejects the numbers of the genre that
are no targets (ages, dates, hotlines, document numbers, money in a budget line, the scope
of an activity), and reads the words around each value within its own sentence, since the
scorer and the reader both look for the target's sentence. Vocabulary lives in
``data/indicators.toml``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from extractors.facts.numbers import NUMBER, NUMBER_REST, SCALES, parse_number, parse_scaled, parse_vnd
from extractors.vocab import LOWER_CLASS, longest_first


@dataclass(frozen=True, slots=True)
class IndicatorMention:
    """One target: its value expression (start/end) and the sentence or table row it stands in."""

    start: int
    end: int
    text: str
    text_start: int
    text_end: int
    subject: str | None
    value: float
    value_max: float | None
    unit: str
    numerator: float | None
    denominator: float | None
    comparator: str
    direction: str | None
    baseline_value: float | None
    baseline_year: int | None
    target_year: int | None


# --- Patterns that do not depend on the vocabulary -------------------------------------------

# A value starts at a digit not inside a word, a number, a date or a code. The test is a
# lookbehind after the first digit (the same test as one before it): ``re`` tries every
# position of a pattern that opens with a lookbehind, but skips to the digits of one that
# opens with a digit.
_FIRST_DIGIT = r"\d(?<![\w.,/%]\d)"
_YEAR_PHRASE = r"(?:\s*\(?\s*(?:vào\s+|trong\s+)?năm\s+(?P<ay>(?:19|20)\d{2})\s*\)?)?"
_LINKS = r"đến|tới|lên(?:\s+mức)?|xuống\s+còn|xuống(?:\s+mức)?|còn"
_MONEY_WORD = (
    r"(?:đồng|VNĐ|VND|(?P<usd>USD|đô la Mỹ))"
    r"(?!\s+(?:bào|bộ|thời|chí|ý|nghiệp|hành|tâm|đều|loạt|dạng|hương|minh|phục))(?!\w)"
)
_SCALE_WORDS = "|".join(SCALES)
# What follows a value's number in each kind of value expression (see ``_values``); the
# vocabulary adds measure and count.
_RANGE_TAIL = rf"(?:\s?%)?\s?-\s?(?P<range_b>{NUMBER})\s?%"
_MONEY_TAIL = rf"(?P<money_scale>(?:\s+(?:{_SCALE_WORDS}))*)\s+{_MONEY_WORD}(?:/\w+)*"
_PERCENT_TAIL = r"\s?%"
_KINDS = ("range", "money", "percent", "ratio", "measure", "count")
_YEAR_AFTER = re.compile(
    r"(?<!\w)(?P<so>so\s+với\s+(?:cùng\s+kỳ\s+)?)?"
    r"(?:(?:vào|đến|tới|trong|hết|cuối|đến\s+hết|đến\s+cuối|vào\s+cuối)\s+)?năm\s+(?P<y>(?:19|20)\d{2})(?![\d/-])",
    re.IGNORECASE,
)
# The digits of a year: a segment without them needs no costlier (case-blind) year pattern.
_YEAR_DIGITS = re.compile(r"(?:19|20)\d{2}")
_YEAR_CUT = re.compile(
    r"\(|(?<!\w)(?:theo|Luật|Nghị định|Quyết định|Nghị quyết|Thông tư|Chỉ thị|Kế hoạch|Chương trình|Đề án)(?!\w)"
)
# "..., năm 2018 đạt 99%, năm 2019 đạt 99,5%": a year right before a value, joined by a verb,
# is that value's year, not the year of the value before it.
_YEAR_VERB = r"năm\s+(?P<y>(?:19|20)\d{2})\s*,?\s*(?:phấn đấu\s+)?(?:đạt|là|còn|lên|xuống)\b"
_YEAR_OPENS_NEXT = re.compile(rf"[,;]?\s*\b{_YEAR_VERB}", re.IGNORECASE)
_YEAR_OWN = re.compile(rf"\b{_YEAR_VERB}\s*(?:mức\s+)?$", re.IGNORECASE)
# "xuất khẩu đến năm 2030 dự kiến đạt 10 triệu USD": the year the clause names before its value.
_YEAR_BEFORE = re.compile(r"\b(?:đến|tới)\s+(?:(?:hết|cuối)\s+)?năm\s+(?P<y>(?:19|20)\d{2})(?![\d/-])", re.IGNORECASE)
_YEAR_LEAD = re.compile(
    r"^(?:phấn đấu\s+)?(?:(?:đến|tới|trong|vào)\s+)?(?:(?:hết|cuối)\s+)?năm\s+(?P<y>(?:19|20)\d{2})(?![\d/-])",
    re.IGNORECASE,
)
_CITATION = re.compile(r"\d+/(?:\d{4}/)?[A-ZĐ]{2,}")
_WORD = re.compile(r"\w+")

# Sentence boundaries inside a line: ";", a full stop before a capital or digit (not the dot of
# an abbreviation), a bullet after ":".
_SENTENCE_END = rf"(?= (?!{LOWER_CLASS}))"
_ABBREVIATIONS = ["TP", "Tp", "TX", "Tx", "ThS", "TS", "PGS", "GS", "BS", "Th", "St", "Q", "P", "v.v", "TT", "Ths"]
# A lookbehind needs one width: one per length of abbreviation, each a whole word before the dot.
_NOT_ABBREVIATION = "".join(
    rf"(?<!(?<!\w)(?:{'|'.join(re.escape(a) for a in _ABBREVIATIONS if len(a) == n)})\.)"
    for n in sorted({len(a) for a in _ABBREVIATIONS})
)
# Each branch opens with a literal, so that ``re`` skips to those characters; a branch that
# opens with a class ("[.!?]") would make it try every position of the line.
_BOUNDARY = re.compile(rf";|\.{_SENTENCE_END}{_NOT_ABBREVIATION}|!{_SENTENCE_END}|\?{_SENTENCE_END}|:(?= [-+] )")
# The spaces and bullets that open a piece; ``bullet`` is unset when there is none.
_LEAD = re.compile(r"\s*(?P<bullet>(?:[-+•*]\s*|[a-zđ]\)\s+|\d{1,2}(?:\.\d{1,2})*[.)]\s+)+)?")
_CELL_SPLIT = re.compile(r"\s*\|\s*")
_TABLE_RULE = re.compile(r"^[\s|:+-]*$")
_CELL_VALUE = re.compile(
    rf"(?P<cmp>[^\d]*?)\s*(?P<a>{NUMBER})(?:\s?%(?=\s?-))?(?:\s?-\s?(?P<b>{NUMBER}))?\s?(?P<pct>%)?"
    rf"(?:\s*/\s*(?P<d>\d+))?(?P<tail>\s*(?:trở lên|trở xuống))?$",
    re.IGNORECASE,
)
_HAS_DIGIT = re.compile(r"\d")
_PAREN = re.compile(r"[()]")
_HAS_SCALE = re.compile(rf"(?<!\w)(?:{'|'.join(SCALES)})(?!\w)", re.IGNORECASE)
_FOR_END = re.compile(r"(?<!\w)cho\s*$", re.IGNORECASE)
_RATE_AFTER = re.compile(r"\s+[^\W\d]+(?:\s+[^\W\d]+)?\s?/\s?\w")  # "25 giường bệnh/vạn dân"
# A value right after a preposition qualifies the noun that follows it ("cho 100% thửa đất").
_PREPOSITION_END = re.compile(r"(?<!\w)(?:cho|tại|ở|của|với|trong|đến)\s*$", re.IGNORECASE)
_PER_UNIT = re.compile(r"^\s*/\s*\w+")  # "1,5%/năm": the rate's period, not the subject

# A subject written before its value has a head and a modifier: "Tỷ lệ hộ nghèo", "Vốn đầu tư";
# two syllables before a value are a verb ("Đào tạo ít nhất 1.000 lao động").
_MIN_SUBJECT_SYLLABLES = 3
_WINDOW = 48  # characters looked at on each side of a value for adjacent words

_PRIORITY = {"from": 0, "range": 1, "money": 2, "percent": 3, "ratio": 4, "measure": 5, "count": 6}


@dataclass(frozen=True, slots=True)
class _Vocab:
    values: re.Pattern[str]
    not_count: re.Pattern[str]
    physical: dict[str, str]
    not_physical: re.Pattern[str]
    from_to: re.Pattern[str]
    percent_cells: frozenset[str]
    money_cells: dict[str, float]
    ratio_nouns: frozenset[str]
    count_nouns: frozenset[str]
    cmp_before: re.Pattern[str]
    cmp_before_map: dict[str, str]
    cmp_after: re.Pattern[str]
    cmp_after_map: dict[str, str]
    directions: tuple[tuple[str, re.Pattern[str]], ...]
    adjacent_direction: re.Pattern[str]
    reach: re.Pattern[str]
    frame: re.Pattern[str]
    frame_adjacent: re.Pattern[str]
    frame_lead: re.Pattern[str]
    frame_verb: re.Pattern[str]
    frame_measure: re.Pattern[str]
    beneficiary: re.Pattern[str]
    beneficiary_block: re.Pattern[str]
    per_unit: re.Pattern[str]
    percent_of: re.Pattern[str]
    percent_after: re.Pattern[str]
    funding: re.Pattern[str]
    activity: re.Pattern[str]
    before_number: re.Pattern[str]
    lead: re.Pattern[str]
    trail: re.Pattern[str]
    trail_span: int
    cut: re.Pattern[str]
    empty: frozenset[str]


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    data = tomllib.loads(resources.files("extractors.data").joinpath("indicators.toml").read_text("utf-8"))
    units, cmp, dirs, frames, excl, subj = (
        data["units"],
        data["comparators"],
        data["directions"],
        data["frames"],
        data["exclude"],
        data["subject"],
    )
    flags = re.IGNORECASE
    ratio_nouns = longest_first(units["ratio_nouns"])
    count_nouns = longest_first(units["ratio_nouns"] + units["count_nouns"])
    cmp_words = longest_first([w for w, _ in cmp["before"]])
    adjacent_only = set(dirs["adjacent_only"])

    def general(kind: str) -> str:
        return "|".join(p for p in dirs[kind] if p not in adjacent_only)

    physical = {w.lower(): u for w, u in units["physical"]}
    physical_words = longest_first(list(physical))
    every_direction = "|".join(p for kind in ("increase", "decrease", "maintain", "reach") for p in dirs[kind])
    return _Vocab(
        values=_values(
            rf"(?P<ratio_n>\d{{0,3}})/(?P<ratio_d>\d{{1,4}})(?![\d/])"
            rf"(?=\s+(?:các\s+|số\s+)?(?:{ratio_nouns})(?!\w))",
            {
                "range": _RANGE_TAIL,
                "money": _MONEY_TAIL,
                "percent": _PERCENT_TAIL,
                "measure": rf"(?P<measure_scale>(?:\s+(?:{_SCALE_WORDS}))*)"
                rf"\s?(?P<u>{physical_words})(?:\s?/\s?(?P<per>{physical_words}))?(?!\w)",
                "count": rf"(?=\s+(?:{count_nouns})(?!\w))",
            },
        ),
        not_count=re.compile(rf"\s+(?:{longest_first(units['not_count_nouns'])})(?!\w)", flags),
        physical=physical,
        not_physical=re.compile(rf"(?:{longest_first(units['not_physical'])})(?!\w)", flags),
        from_to=re.compile(
            rf"(?<!\w)từ\s+(?:mức\s+)?(?P<a>{NUMBER})(?P<apct>\s?%)?{_YEAR_PHRASE}\s*,?\s+(?P<link>{_LINKS})\s+"
            rf"(?:(?P<cmp>{cmp_words})\s*)?(?P<b>{NUMBER})\s?%",
            flags,
        ),
        percent_cells=frozenset(c.lower() for c in units["percent_cells"]),
        money_cells={c.lower(): _cell_scale(c) for c in units["money_cells"]},
        ratio_nouns=frozenset(units["ratio_nouns"]),
        count_nouns=frozenset(units["ratio_nouns"] + units["count_nouns"]),
        cmp_before=re.compile(rf"(?<!\w)(?P<w>{cmp_words})\s*(?:mức\s+)?$", flags),
        cmp_before_map={w: c for w, c in cmp["before"]},
        cmp_after=re.compile(rf"\s*(?P<w>{longest_first([w for w, _ in cmp['after']])})(?!\w)", flags),
        cmp_after_map={w: c for w, c in cmp["after"]},
        directions=tuple(
            (kind, re.compile(rf"(?<!\w)(?:{general(kind)})(?!\w)", flags))
            for kind in ("increase", "decrease", "maintain")
        ),
        adjacent_direction=re.compile(
            "|".join(
                rf"(?P<{kind}>(?<!\w)(?:{'|'.join(dirs[kind])})(?!\w))"
                for kind in ("increase", "decrease", "maintain", "reach")
            )
            + r"(?:\s+mức)?\s*$",
            flags,
        ),
        reach=re.compile(rf"(?<!\w)(?:{'|'.join(dirs['reach'])})(?!\w)", flags),
        frame=re.compile(rf"(?<!\w)(?:{longest_first(frames['target'])})(?!\w)", flags),
        frame_adjacent=re.compile(rf"(?<!\w)(?:{longest_first(frames['adjacent'])})(?:\s+(?:thêm|mới))?\s*$", flags),
        frame_lead=re.compile(rf"(?:{longest_first(frames['lead'])})\s*", flags),
        frame_verb=re.compile(rf"(?:{longest_first(frames['adjacent'])})(?:\s+(?:thêm|mới))?", flags),
        frame_measure=re.compile(rf"(?<!\w)(?:{longest_first(frames['measure'])})(?!\w)", flags),
        beneficiary=re.compile(rf"(?<!\w)(?:{longest_first(frames['beneficiary_verbs'])})(?!\w)", flags),
        beneficiary_block=re.compile(rf"(?<!\w)(?:{longest_first(frames['beneficiary_block'])})(?!\w)", flags),
        per_unit=re.compile(
            rf"(?<!\w)(?P<frame>(?:{longest_first(frames['target'])})\s+)?(?:{longest_first(excl['per_unit'])})\s*$",
            flags,
        ),
        percent_of=re.compile(rf"\s*(?:các\s+)?(?:{longest_first(excl['percent_of'])})(?!\w)", flags),
        percent_after=re.compile(
            rf"(?<!\w)(?:{longest_first(excl['percent_after'])})\s*(?:là|bằng|ở mức|tối đa|tối thiểu)?\s*$", flags
        ),
        funding=re.compile(rf"(?<!\w)(?:{longest_first(excl['funding_context'])})(?!\w)", flags),
        activity=re.compile(rf"(?<!\w)(?:{longest_first(excl['activity_verbs'])})\s*(?:các\s+)?$", flags),
        before_number=re.compile(rf"(?<!\w)(?:{longest_first(excl['before_number'])})\s*$", flags),
        lead=re.compile(
            rf"^(?:[\s,:;.]+|(?:{longest_first(subj['lead'])}|{every_direction}|(?:đến|tới|trong|vào)?\s*"
            rf"(?:hết\s+|cuối\s+)?năm\s+\d{{4}})(?!\w))",
            flags,
        ),
        trail=re.compile(rf"(?:[\s,:;.]+|(?<!\w)(?:{_trail_words(subj['trail'], subj['keep'])}))$", flags),
        trail_span=max(map(len, subj["trail"])),
        cut=re.compile("|".join(subj["cut"]), flags),
        empty=frozenset(subj["empty"]),
    )


def _values(ratio: str, tails: dict[str, str]) -> re.Pattern[str]:
    """One pattern for every kind of value expression, so that a sentence is searched once.

    It matches a value's number where at least one kind's expression starts: each kind's
    expression after the number stands in a lookahead, in a group named after the kind, and a
    ratio's ("9/9 xã", after the first digit) before it, so that a match consumes the number only
    and every value is read by every kind. The number is taken whole, without backtracking: in
    every kind, what follows the number starts with neither a digit nor a digit's separator, so
    a shorter reading of the number never matches where the whole one does not.
    """
    kinds = "".join(f"(?:(?=(?P<{kind}>{tails[kind]})))?" for kind in _KINDS if kind != "ratio")
    none_found = "(?!)"
    for kind in reversed(_KINDS):
        none_found = f"(?({kind})|{none_found})"
    return re.compile(rf"{_FIRST_DIGIT}(?:(?=(?P<ratio>{ratio})))?(?>{NUMBER_REST}){kinds}{none_found}", re.IGNORECASE)


def _trail_words(words: Sequence[str], keep: Sequence[str]) -> str:
    """Trail glue, longest first, each word unless it ends a phrase to keep ("mặt bằng", "trở lên")."""
    items = []
    for w in sorted(set(words), key=len, reverse=True):
        guards = "".join(f"(?<!{re.escape(k[: -len(w)])})" for k in keep if k.endswith(" " + w))
        items.append(guards + re.escape(w))
    return "|".join(items)


def _cell_scale(cell: str) -> float:
    """The factor of a money unit cell: "triệu đồng" → 1e6, "đồng" → 1."""
    factor = 1.0
    for word in cell.lower().split():
        factor *= SCALES.get(word, 1.0)
    return factor


# --- Candidates --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Cand:
    """A value found in a sentence, offsets relative to the sentence, before context is read."""

    start: int
    end: int
    kind: str
    value: float
    value_max: float | None = None
    numerator: float | None = None
    denominator: float | None = None
    baseline_value: float | None = None
    baseline_year: int | None = None
    link: str | None = None
    comparator: str | None = None
    unit: str | None = None


def _candidates(s: str, v: _Vocab, ratios: bool, counts: bool) -> list[_Cand]:
    """Every value expression of one sentence, overlaps resolved in favour of the larger reading."""
    found: list[_Cand] = []
    # "từ 1,38% xuống 1,36%": only a sentence with "từ" (the pattern, case-blind, tries every position).
    for m in v.from_to.finditer(s) if "%" in s and "từ" in s.lower() else ():
        a, b = parse_number(m["a"]), parse_number(m["b"])
        if a is None or b is None:
            continue
        link = " ".join(m["link"].lower().split())
        comparator = v.cmp_before_map.get(m["cmp"].lower()) if m["cmp"] else None
        year = int(m["ay"]) if m["ay"] else None
        found.append(
            _Cand(m.start(), m.end(), "from", b, baseline_value=a, baseline_year=year, link=link, comparator=comparator)
        )
    # Each kind is read as if searched on its own: a value inside the previous match of the same
    # kind is skipped ("10%-20%-30%" is one range, not two).
    range_end = money_end = percent_end = ratio_end = measure_end = count_end = 0
    money_words: bool | None = None
    for m in v.values.finditer(s):
        at = m.start()
        in_range, money, percent, ratio, measure, count = m.group(*_KINDS)
        if in_range is not None and at >= range_end:
            range_end = m.end("range")
            a, b = parse_number(m.group()), parse_number(m["range_b"])
            if a is not None and b is not None and a < b:
                found.append(_Cand(at, range_end, "range", a, value_max=b))
        if percent is not None and at >= percent_end:
            percent_end = m.end("percent")
            value = parse_number(m.group())
            if value is not None:
                found.append(_Cand(at, percent_end, "percent", value))
        if money is not None and at >= money_end:
            if money_words is None:  # the money words as written, the case a budget line writes them in
                money_words = "đồng" in s or "VN" in s or "USD" in s or "đô la" in s
            if money_words:
                money_end = m.end("money")
                value = parse_vnd(m.group(), m["money_scale"] or None)
                if value is not None:
                    found.append(_Cand(at, money_end, "money", value, unit="USD" if m["usd"] else None))
        if ratios and ratio is not None and at >= ratio_end:
            ratio_end = m.end("ratio")
            n, d = int(s[at : m.end("ratio_n")]), int(m["ratio_d"])
            if d > 0 and n <= d:
                found.append(_Cand(at, ratio_end, "ratio", float(n), numerator=float(n), denominator=float(d)))
        if counts and measure is not None and at >= measure_end:
            measure_end = m.end("measure")
            value = parse_scaled(m.group(), m["measure_scale"] or None)
            if value is not None and not v.not_physical.match(s, m.start("u")):
                unit = v.physical[m["u"].lower()]
                if m["per"]:
                    unit += "/" + v.physical[m["per"].lower()]
                found.append(_Cand(at, measure_end, "measure", value, unit=unit))
        if counts and count is not None and at >= count_end:
            count_end = m.end("count")
            value = parse_number(m.group())
            if value is not None and not v.not_count.match(s, count_end):
                found.append(_Cand(at, count_end, "count", value))
    if len(found) < 2:  # most sentences: nothing to resolve
        return found
    kept: list[_Cand] = []
    for c in sorted(found, key=lambda c: (_PRIORITY[c.kind], c.start)):
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def _parenthesized(s: str) -> list[tuple[int, int]]:
    """Spans of the parenthesized parts of a sentence (an unclosed one runs to the end)."""
    spans: list[tuple[int, int]] = []
    depth, open_at = 0, 0
    for paren in _PAREN.finditer(s):
        i, ch = paren.start(), paren.group()
        if ch == "(":
            if depth == 0:
                open_at = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                spans.append((open_at, i + 1))
    if depth:
        spans.append((open_at, len(s)))
    return spans


def _is_target(c: _Cand, s: str, v: _Vocab, *, listed: bool = False) -> bool:
    """Context rules: the numbers of the genre that look like targets but are not."""
    before = s[max(0, c.start - _WINDOW) : c.start]
    if c.kind in ("percent", "range", "from"):
        if v.percent_of.match(s, c.end) or v.percent_after.search(before):
            return False
    elif c.kind == "money":
        head = s[: c.start]
        framed = bool(v.frame.search(head) or v.frame_adjacent.search(before) or v.cmp_after.match(s, c.end))
        return framed and not v.funding.search(head)
    elif c.kind in ("ratio", "count", "measure"):
        if v.activity.search(before) or v.before_number.search(before):
            return False
        if c.kind in ("count", "measure"):
            return _is_framed_quantity(c, s, v, before, listed)
    return True


def _is_framed_quantity(c: _Cand, s: str, v: _Vocab, before: str, listed: bool) -> bool:
    """A count or a physical quantity is a target only when framed as one, never as a rate's denominator."""
    head = s[: c.start]
    per = v.per_unit.search(before)
    if per and not per["frame"] and c.value == 1 and not _HAS_SCALE.search(s, c.start, c.end):
        return False  # "trên 1 ha đất canh tác": the denominator of a rate
    if c.kind == "count" and _RATE_AFTER.match(s, c.end):
        return False  # "25 giường bệnh/vạn dân": a rate, not a count
    if listed or v.frame.search(head) or v.frame_adjacent.search(before) or v.cmp_after.match(s, c.end):
        return True
    if c.kind == "measure" and v.frame_measure.search(head):
        return True
    lead = _YEAR_LEAD.match(head)
    if lead and lead.group().lower().startswith("năm"):
        return False  # "Năm 2023 có 1.200 hộ nghèo": a fact of the year, not a target
    rest = head[lead.end() :].lstrip(" ,") if lead else head
    if v.frame_lead.fullmatch(rest):
        return True
    # "Hỗ trợ xây mới nhà ở cho 1.500 hộ nghèo": the beneficiaries of the sentence's only number.
    return bool(
        _FOR_END.search(before)
        and v.beneficiary.search(head)
        and not v.beneficiary_block.search(head)
        and not _HAS_DIGIT.search(head)
    )


def _targets(found: list[_Cand], s: str, v: _Vocab) -> list[_Cand]:
    """The candidates that are targets; a quantity listed right after a framed one shares its frame
    ("Xây mới 120 phòng học, 30 phòng học bộ môn")."""
    kept: list[_Cand] = []
    for c in found:
        prev = kept[-1] if kept else None
        listed = prev is not None and prev.kind in ("count", "measure") and _listed_after(s, prev, c)
        if _is_target(c, s, v, listed=listed):
            kept.append(c)
    return kept


def _listed_after(s: str, prev: _Cand, c: _Cand) -> bool:
    """c follows prev in a list: "<prev> <noun words>, <c>" with no other number or verb frame between."""
    between = s[prev.end : c.start]
    if _HAS_DIGIT.search(between) or len(between) > _WINDOW:
        return False
    glue = between.rsplit(",", 1)
    if len(glue) == 2 and not glue[1].strip():
        return True
    return bool(re.search(r"(?<!\w)và\s*$", between))


# --- Reading the words around a value -----------------------------------------------------------


def _direction(segment: str, v: _Vocab) -> str | None:
    """Adjacent verb first ("xuống còn 5%"), then the nearest other verb, "reach" only as last resort."""
    tail = segment[-_WINDOW:]
    m = v.adjacent_direction.search(tail)
    if m and m.lastgroup != "reach":
        return m.lastgroup
    best: tuple[int, str] | None = None
    for kind, pattern in v.directions:
        for hit in pattern.finditer(segment):
            if best is None or hit.start() > best[0]:
                best = (hit.start(), kind)
    if best:
        return best[1]
    if m or v.reach.search(segment):
        return "reach"
    return None


def _strip_glue(s: str, v: _Vocab) -> str:
    """Drop framing words and punctuation at both ends of a would-be subject."""
    s = " ".join(s.split())
    while True:
        m = v.lead.match(s)
        if not m or not m.group():
            break
        s = s[m.end() :].lstrip()
    while True:
        # A trail word can only end the string, so unless punctuation does, only the last
        # characters are searched (the pattern is case-blind and would try every position).
        tail = 0 if s[-1:] in ",:;." or s[-1:].isspace() else max(0, len(s) - v.trail_span)
        m = v.trail.search(s, tail)
        if not m or not m.group():
            break
        s = s[: m.start()].rstrip()
    return s


def _subject_before(segment: str, v: _Vocab) -> str:
    segment = segment.rsplit(":", 1)[-1]
    return _strip_glue(segment, v)


def _subject_after(segment: str, v: _Vocab) -> str:
    m = v.cut.search(segment)
    if m:
        segment = segment[: m.start()]
    if _YEAR_DIGITS.search(segment) and (y := _YEAR_AFTER.search(segment)):
        segment = segment[: y.start()]
    segment = _PER_UNIT.sub("", segment)
    return _strip_glue(segment, v)


def _is_substantial(subject: str, v: _Vocab) -> bool:
    return len(_WORD.findall(subject)) >= _MIN_SUBJECT_SYLLABLES and subject.lower() not in v.empty


def _before_next_year(after: str) -> str:
    """The words after a value up to the year that opens the next value ("..., năm 2018 đạt 99%").

    Only a segment with a year's digits is searched: the pattern is case-blind and opens with
    optional punctuation, so ``re`` would try it at every position.
    """
    if _YEAR_DIGITS.search(after) and (opens := _YEAR_OPENS_NEXT.search(after)):
        return after[: opens.start()]
    return after


def _years(segment: str) -> tuple[int | None, int | None]:
    """(target_year, baseline_year) stated after a value, before any reference to another text."""
    if not _YEAR_DIGITS.search(segment):
        return None, None
    m = _YEAR_CUT.search(segment)
    if m:
        segment = segment[: m.start()]
    target = base = None
    for y in _YEAR_AFTER.finditer(segment):
        if y["so"]:
            base = base or int(y["y"])
        elif target is None:
            target = int(y["y"])
    return target, base


def _unit(kind: str) -> str:
    return {"ratio": "ratio", "money": "VND", "count": "count"}.get(kind, "%")


def _sentence_mentions(
    text: str, t0: int, t1: int, v: _Vocab, ratios: bool, counts: bool
) -> Iterator[IndicatorMention]:
    s = text[t0:t1]
    cands = _targets(_candidates(s, v, ratios, counts), s, v)
    if not cands:
        return
    parens = _parenthesized(s)

    def inside(c: _Cand) -> tuple[int, int] | None:
        return next((p for p in parens if p[0] <= c.start < p[1]), None)

    outside = [c for c in cands if inside(c) is None]
    cands = [c for c in cands if (p := inside(c)) is None or (not outside and not _CITATION.search(s[p[0] : p[1]]))]
    if not cands:
        return
    # Words inside parentheses explain; they neither frame nor name the target.
    masked = s
    for a, b in parens:
        if not any(a <= c.start < b for c in cands):
            masked = masked[:a] + " " * (b - a) + masked[b:]
    # Expression spans: the adjacent comparator words belong to the value.
    spans: list[tuple[int, int, str]] = []
    for c in cands:
        start, end, comparator = c.start, c.end, c.comparator or "="
        if c.kind != "from":
            window = max(0, c.start - _WINDOW)
            m = v.cmp_before.search(s, window, c.start)
            if m:
                start = m.start()
                comparator = v.cmp_before_map.get(m["w"].lower(), comparator)
        m = v.cmp_after.match(s, c.end)
        if m:
            end = m.end()
            comparator = v.cmp_after_map[m["w"].lower()]
        spans.append((start, end, comparator))

    lead = _YEAR_LEAD.match(s)
    lead_year = int(lead["y"]) if lead else None
    first_before = _subject_before(masked[: spans[0][0]], v)
    # "Cứng hóa thêm 25 km đường": a verb alone before the value, the subject follows it.
    subject_first = _is_substantial(first_before, v) and not v.frame_verb.fullmatch(first_before)
    previous_direction: str | None = None
    for i, c in enumerate(cands):
        start, end, comparator = spans[i]
        seg_start = spans[i - 1][1] if i else 0
        seg_end = spans[i + 1][0] if i + 1 < len(cands) else len(s)
        before, after = masked[seg_start:start], masked[end:seg_end]
        value, value_max = c.value, c.value_max
        baseline_value, baseline_year = c.baseline_value, c.baseline_year
        direction = _direction(masked[seg_start : c.start if c.kind != "from" else start], v)
        if c.kind == "from":
            if c.link and c.link.startswith("lên"):
                direction = "increase"
            elif c.link and (c.link.startswith("xuống") or c.link == "còn"):
                direction = "decrease"
            elif direction not in ("increase", "decrease"):  # "từ 85% đến 90%": a range
                value, value_max = c.baseline_value or 0.0, c.value
                baseline_value = baseline_year = None
        if direction is None and not _WORD.search(_strip_glue(before, v)):
            direction = previous_direction
        previous_direction = direction
        # The year that opens the next value ("..., năm 2018 đạt 99%") is not this value's.
        after_own = _before_next_year(after)
        target_year, since = _years(after_own)
        if baseline_year is None and since is not None:
            baseline_year = since
        if target_year is None and (own := _YEAR_OWN.search(before)):
            target_year = int(own["y"])
        if target_year is None:
            target_year = lead_year
        if target_year is None and (named := list(_YEAR_BEFORE.finditer(before))):
            target_year = int(named[-1]["y"])
        value_first = not subject_first or bool(_PREPOSITION_END.search(before))
        subject = _subject_after(after, v) if value_first else _subject_before(before, v)
        if not subject:
            subject = _subject_before(before, v) if value_first else _subject_after(after, v)
        yield IndicatorMention(
            start=t0 + start,
            end=t0 + end,
            text=s,
            text_start=t0,
            text_end=t1,
            subject=subject or None,
            value=value,
            value_max=value_max,
            unit=c.unit or _unit(c.kind),
            numerator=c.numerator,
            denominator=c.denominator,
            comparator=comparator,
            direction=direction,
            baseline_value=baseline_value,
            baseline_year=baseline_year,
            target_year=target_year,
        )


# --- Table rows --------------------------------------------------------------------------------


def _row_mentions(text: str, t0: int, t1: int, v: _Vocab, ratios: bool, counts: bool) -> Iterator[IndicatorMention]:
    """A table row "subject | unit | value" or "subject | value%": one text, the last value cell wins."""
    row = text[t0:t1]
    cells: list[tuple[int, int]] = []
    pos = 0
    for m in _CELL_SPLIT.finditer(row):
        if m.start() > pos:
            cells.append((pos, m.start()))
        pos = m.end()
    if pos < len(row):
        cells.append((pos, len(row)))
    unit_kind: str | None = None
    physical: str | None = None
    scale = 1.0
    unit_at = -1
    for i, (a, b) in enumerate(cells):
        cell = row[a:b].strip().lower()
        if cell in v.physical:
            unit_kind, unit_at, physical = "measure", i, v.physical[cell]
        elif cell in v.percent_cells:
            unit_kind, unit_at = "percent", i
        elif cell in v.money_cells:
            unit_kind, unit_at, scale = "money", i, v.money_cells[cell]
        elif cell in v.ratio_nouns or cell in v.count_nouns:
            unit_kind, unit_at = "noun", i
    best: tuple[int, re.Match[str], str] | None = None
    for i, (a, b) in enumerate(cells):
        if i <= unit_at:
            continue
        m = _CELL_VALUE.match(row, a, b)
        if not m or (m["cmp"] and not v.cmp_before.search(m["cmp"]) and m["cmp"].strip()):
            continue
        if m["pct"]:
            kind = "percent"
        elif m["d"]:
            kind = "ratio"
        elif unit_kind == "noun":
            kind = "count"
        elif unit_kind in ("percent", "money", "measure"):
            kind = unit_kind
        else:
            continue
        if (kind == "ratio" and not ratios) or (kind in ("count", "measure") and not counts):
            continue
        if unit_at < 0 and kind != "percent" and i == 0:
            continue
        best = (i, m, kind)
    if best is None:
        # No table of targets: read each cell as a sentence, with the whole row as text.
        for a, b in cells:
            for found in _sentence_mentions(text, t0 + a, t0 + b, v, ratios, counts):
                yield replace(found, text=row, text_start=t0, text_end=t1)
        return
    i, m, kind = best
    a_val = parse_number(m["a"])
    b_val = parse_number(m["b"]) if m["b"] else None
    if a_val is None:
        return
    numerator = denominator = None
    value, value_max = a_val, b_val
    if kind == "ratio":
        denominator = float(m["d"])
        numerator = a_val
        if numerator > denominator:
            return
        value_max = None
    elif kind == "money":
        value, value_max = a_val * scale, (b_val * scale if b_val is not None else None)
    comparator = "="
    if m["cmp"] and m["cmp"].strip():
        c = v.cmp_before.search(m["cmp"])
        comparator = v.cmp_before_map.get(c["w"].lower(), "=") if c else "="
    if m["tail"]:
        comparator = v.cmp_after_map[m["tail"].strip().lower()]
    subject_cells = [
        row[a:b].strip()
        for j, (a, b) in enumerate(cells)
        if j < i
        and j != unit_at
        and not _CELL_VALUE.match(row[a:b].strip())
        and sum(ch.isalpha() for ch in row[a:b]) > 1
    ]
    subject = max(subject_cells, key=len) if subject_cells else None
    # A row's only verb is inside its subject ("Tỷ lệ hộ nghèo giảm"); "đạt chuẩn" there is no framing.
    direction = _direction(subject, v) if subject else None
    if direction == "reach":
        direction = None
    yield IndicatorMention(
        start=t0 + cells[i][0],
        end=t0 + cells[i][1],
        text=row,
        text_start=t0,
        text_end=t1,
        subject=subject,
        value=value,
        value_max=value_max,
        unit=physical if kind == "measure" and physical else _unit(kind),
        numerator=numerator,
        denominator=denominator,
        comparator=comparator,
        direction=direction,
        baseline_value=None,
        baseline_year=None,
        target_year=None,
    )


# --- Sentences ---------------------------------------------------------------------------------


def iter_texts(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, bool]]:
    """(start, end, is_table_row) of every sentence or table row in the window that holds a digit,
    bullets stripped.

    A target's text is its sentence, bounded by ". ", ";", a line end or a bullet, so that the
    words of the target's own sentence, and only those, travel with it. A text without a digit
    holds no value, so the lines without one are jumped over, digit to digit.
    """
    end = len(text) if end is None else min(end, len(text))
    while (digit := _HAS_DIGIT.search(text, start, end)) is not None:
        line_start = max(start, text.rfind("\n", 0, digit.start()) + 1)
        nl = text.find("\n", digit.start(), end)
        line_end = end if nl < 0 else nl
        line = text[line_start:line_end]
        if " | " in line or line.lstrip().startswith("|"):
            if row := _row(text, line_start, line):
                yield row
        else:
            yield from _line_sentences(text, line_start, line, digit.start() - line_start)
        start = line_end + 1


def _row(text: str, pos: int, line: str) -> tuple[int, int, bool] | None:
    """The table row ``line`` (at pos) without its outer bars, or None for a rule or a row without a digit."""
    if _TABLE_RULE.match(line):
        return None
    a = pos + len(line) - len(line.lstrip(" |"))
    b = pos + len(line.rstrip(" |"))
    return (a, b, True) if a < b and _HAS_DIGIT.search(text, a, b) else None


def _line_sentences(text: str, pos: int, line: str, next_digit: int) -> Iterator[tuple[int, int, bool]]:
    """The sentences of ``line`` (at pos, its first digit at next_digit) that hold a digit; a piece
    with none is not even trimmed."""
    piece_start = 0
    for m in _BOUNDARY.finditer(line):
        dot = m.start()
        if next_digit < dot:
            if piece := _trimmed(text, pos + piece_start, pos + dot):
                yield piece
            digit = _HAS_DIGIT.search(line, m.end())
            if digit is None:  # no digit after this boundary: no piece of the rest holds a value
                return
            next_digit = digit.start()
        piece_start = m.end()
    if piece := _trimmed(text, pos + piece_start, pos + len(line)):
        yield piece


def _trimmed(text: str, a: int, b: int) -> tuple[int, int, bool] | None:
    """The piece ``text[a:b]`` without spaces, bullet and closing punctuation, or None when nothing
    with a digit is left (a bullet's number is no value)."""
    lead = _LEAD.match(text, a, b)
    a = lead.end()
    b = a + len(text[a:b].rstrip(" .;"))
    return (a, b, False) if a < b and (lead.start("bullet") < 0 or _HAS_DIGIT.search(text, a, b)) else None


def iter_indicators(
    text: str, start: int = 0, end: int | None = None, *, ratios: bool = True, counts: bool = False
) -> Iterator[IndicatorMention]:
    """Every quantitative target in text[start:end], in order, with absolute offsets.

    ``ratios`` and ``counts`` let the caller keep "Hướng dẫn 9/9 huyện" and "Tổ chức 09 lớp"
    out of an activities section, where such numbers are the scope of a task, not a target.
    """
    v = _vocab()
    for a, b, is_row in iter_texts(text, start, end):
        if is_row:
            yield from _row_mentions(text, a, b, v, ratios, counts)
        else:
            yield from _sentence_mentions(text, a, b, v, ratios, counts)


def indicators(text: str, start: int = 0, end: int | None = None, **options: bool) -> list[IndicatorMention]:
    """All targets of a window as a list (see ``iter_indicators``)."""
    return list(iter_indicators(text, start, end, **options))
