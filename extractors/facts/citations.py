"""Citations of other documents: "Quyết định số 2361/QĐ-TTg ngày 22/12/2015 của Thủ tướng Chính phủ về ...".

The số hiệu is the anchor: it is what makes a citation unambiguous, so numbers are found first and
the type word, date, issuer and trích yếu are read around them. Laws are also cited by name with a
date or year ("Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015") and are found from the
name. Type words, số hiệu codes and the words that end an issuer live in ``data/doc_types.toml``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from extractors.facts.dates import MAX_YEAR, MIN_YEAR, DateMention, date_at, iter_dates
from extractors.vocab import LOWER_CLASS, UPPER_CLASS, longest_first

_F = re.IGNORECASE

# One code of a số hiệu: letters, then letters or digits ("QĐ", "TTg", "PC02", "QH13", "SNN&PTNT").
_CODE = r"[^\W\d_][^\W_]*(?:&[^\W\d_]+)*"
# State form "2361/QĐ-TTg", "80/2017/NĐ-CP", "313 /QĐ-UBND", "QĐ - UBND"; Party form "21-NQ/TW".
# The pattern opens with a digit (so `re` jumps from digit to digit) and checks right after it
# that no word character, slash, dot, comma or dash stands before the number.
# Converters put a space after a dash ("144/2021/NĐ- CP", "416/QĐ- TTg", "119- KH/TU"): the code
# after it is read when it is in capitals (a final lower-case letter allowed: "TTg", "TTr").
_NUMBER = re.compile(
    rf"\d(?<![\w/.,-]\d)\d*(?:- ?{_CODE}/{_CODE}(?:-{_CODE})*"
    rf"|(?: ?/ ?\d{{4}})? ?/ ?{_CODE}(?:-{_CODE}| ?- [{UPPER_CLASS[1:-1]}0-9]{{2,}}[a-z]?\b(?!-))*)"
)
# "pháp luật", "kỷ luật", "điều luật", or a word run into the name: not a law cited by name.
_NOT_LAW = re.compile(r"(?:\w|(?:pháp|kỷ|điều) )$", _F)
_PARTS = re.compile(r"[^\W_]+(?:&[^\W_]+)*|[/-]")
# The header's own number field: a line that starts with "Số:" (matched from the line's start).
_HEADER_FIELD = re.compile(r" *số ?:? ?$", _F)
_SO_NUMBER = re.compile(r"số ?:? ?(?=\d)", _F)
_DATE_GAP = re.compile(r" ?,? ?(?:ban hành )?(?=ngày|\d)", _F)
# "ngày ... tháng ... năm 2017", "ngày .../.../2017": a date left blank in a template.
_BLANK_DATE = re.compile(
    r"ngày ?\.{2,} ?(?:(?:tháng|/) ?(?:\.{2,}|\d{1,2}) ?)?(?:(?:năm|/) ?(?:\.{2,}|\d{4}))?(?!\d)", _F
)
_ISSUER_LEAD = re.compile(r" ?,? ?của ", _F)
_BARE_YEAR = re.compile(r"(\d{4})(?!\d|/)")
_NAME_WORD = re.compile(r"([^\W_][^\W_]*(?:/[^\W_]+)?|-|&)(, | |(?=[,;:.()\n])|$)")
_AMENDING = re.compile(r"\bsửa đổi\b", _F)


@dataclass(frozen=True, slots=True)
class CitationMention:
    start: int
    end: int
    type: str | None
    number: str | None
    number_start: int | None
    number_end: int | None
    date: str | None
    issuer: str | None
    title: str | None


@dataclass(frozen=True, slots=True)
class _Vocab:
    canonical: dict[str, str]  # casefolded type word -> canonical form
    generic: frozenset[str]
    codes: dict[str, str]  # casefolded code -> type
    code_patterns: tuple[tuple[re.Pattern[str], str | None], ...]
    mixed: dict[str, str]  # casefolded code -> mixed-case form
    type_before: re.Pattern[str]  # type word (+ "số") right before a number
    named: re.Pattern[str]  # a law cited by name
    next_citation: re.Pattern[str]
    issuer_stop: re.Pattern[str]
    issuer_max: int
    title_lead: re.Pattern[str]
    title_stop: re.Pattern[str]
    title_max: int
    law_comma: re.Pattern[str]  # a word that continues a law's name after a comma
    law_stop: re.Pattern[str]
    law_max: int
    another_law: re.Pattern[str]  # "và Luật ...": a second law, unless the first one amends it


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    data = tomllib.loads(resources.files("extractors.data").joinpath("doc_types.toml").read_text("utf-8"))
    words: list[str] = data["type_words"]
    types = longest_first(words)
    not_law = r"(?<!pháp )(?<!kỷ )(?<!điều )(?<!PHÁP )(?<!KỶ )(?<!ĐIỀU )"
    named_forms = [f for w in data["named_words"] for f in (w, w.upper())]
    issuer_stops = longest_first(data["issuer"]["stops"])
    leads = longest_first(data["title"]["leads"])
    agencies = longest_first(data["title"]["agency_words"])
    directions = longest_first(data["title"]["direction_leads"])
    return _Vocab(
        canonical={w.casefold(): w for w in words},
        generic=frozenset(w.casefold() for w in data["generic_words"]),
        codes={k.casefold(): v for k, v in data["codes"].items()},
        code_patterns=tuple((re.compile(p, _F), t or None) for p, t in data["code_patterns"].items()),
        mixed={c.casefold(): c for c in data["case"]["mixed"]},
        type_before=re.compile(
            rf"{not_law}\b({types})(?:(?: (?-i:{LOWER_CLASS}+|{UPPER_CLASS}+)){{1,2}} số| số)? ?:? ?$", _F
        ),
        named=re.compile(rf"({longest_first(named_forms)}) (?=[{UPPER_CLASS[1:-1]}]|sửa đổi)"),
        next_citation=re.compile(rf"(?:,? (?:và|hoặc) |[,;] ?)?(?:các )?\b(?:{types}|số)\b ?:? ?(?=\d)", _F),
        issuer_stop=re.compile(
            rf"(?= (?:{issuer_stops})\b)|[,;:()\n]|(?<!\bTP)(?<!\bTp)\.(?= |\n|$)"
            rf"|(?= (?:và|hoặc) (?:các )?(?:{types}|số)\b)",
            _F,
        ),
        issuer_max=int(data["issuer"]["max_words"]),
        title_lead=re.compile(rf" ?,? ?(?P<lead>(?:{leads})\b|(?:{directions})\b(?! (?-i:{agencies})\b))", _F),
        title_stop=re.compile(rf"[;()\n]|\.(?= |$)|, (?=(?:{agencies})\b)"),
        title_max=int(data["title"]["max_words"]),
        law_comma=re.compile(rf"(?:{longest_first(data['law_name']['comma_words'])})\b", _F),
        law_stop=re.compile(rf"(?:{longest_first(data['law_name']['stops'])})\b", _F),
        law_max=int(data["law_name"]["max_words"]),
        another_law=re.compile(rf"(?:và )?(?:{longest_first(named_forms)}) ", _F),
    )


@lru_cache(maxsize=4096)
def normalize_doc_number(raw: str) -> str:
    """Số hiệu in one spelling: no spaces, codes upper-cased except the mixed-case ones ("TTg", "TTr").

    Cached: a document cites the same few numbers again and again, and its header repeats its own.
    """
    mixed = _vocab().mixed
    parts = _PARTS.findall("".join(raw.split()))
    return "".join(p if p in "/-" else mixed.get(p.casefold(), p.upper()) for p in parts)


def _first_code(number: str) -> str | None:
    """The code that names the type: after the Party dash ("21-NQ/TW"), else after the number and year."""
    m = re.match(r"\d+-([^\W\d_][^\W_]*)/", number)
    if m:
        return m[1]
    parts = [p for p in re.split(r"[/-]", number) if p]
    codes = [p for p in parts[1:] if not p.isdigit()]
    return codes[0] if codes else None


def doc_type_from_number(number: str) -> str | None:
    """The type a số hiệu implies: its first code, or "Công văn" when that code names an issuer."""
    vocab = _vocab()
    code = _first_code(normalize_doc_number(number))
    if code is None:
        return None
    if (found := vocab.codes.get(code.casefold())) is not None:
        return found
    for pattern, type_ in vocab.code_patterns:
        if pattern.fullmatch(code):
            return type_
    return "Công văn"


def _is_plain_code(code: str) -> bool:
    """A code as printed in a số hiệu: capitals (or a known mixed-case code), two letters or more."""
    return len(code) >= 2 and (code.isupper() or code.casefold() in _vocab().mixed)


def _date_at(text: str, pos: int, end: int) -> tuple[DateMention | None, int]:
    """A date written right at pos (after an optional comma), and where it ends; pos if none."""
    gap = _DATE_GAP.match(text, pos, end)
    if not gap:
        return None, pos
    at = gap.end()
    if blank := _BLANK_DATE.match(text, at, end):
        return None, blank.end()
    mention = date_at(text, at, min(end, at + 40))
    return (mention, mention.end) if mention else (None, pos)


def _issuer_at(text: str, pos: int, end: int) -> tuple[str | None, int]:
    """The issuer written after "của" at pos, and where it ends; pos if none."""
    vocab = _vocab()
    lead = _ISSUER_LEAD.match(text, pos, end)
    if not lead:
        return None, pos
    stop = vocab.issuer_stop.search(text, lead.end(), end)
    stop_at = stop.start() if stop else end
    issuer = text[lead.end() : stop_at].strip()
    if not issuer or len(issuer.split()) > vocab.issuer_max:
        return None, pos
    return issuer, lead.end() + len(text[lead.end() : stop_at].rstrip())


def _title_at(text: str, pos: int, end: int) -> str | None:
    """The trích yếu right after a citation when a lead word opens it and punctuation closes it."""
    vocab = _vocab()
    lead = vocab.title_lead.match(text, pos, end)
    if not lead:
        return None
    begin = lead.start("lead")
    stop = vocab.title_stop.search(text, begin, end)
    stop_at = stop.start() if stop else end
    nxt = vocab.next_citation.search(text, begin, stop_at)
    if nxt:
        stop_at = nxt.start()
    title = text[begin:stop_at].strip(" ,")
    if not title or len(title.split()) > vocab.title_max:
        return None
    return title


def _line_bounds(text: str, pos: int, start: int, end: int) -> tuple[int, int]:
    line_start = max(start, text.rfind("\n", 0, pos) + 1)
    line_end = text.find("\n", pos, end)
    return line_start, end if line_end < 0 else line_end


def _numbered(text: str, m: re.Match[str], start: int, end: int) -> CitationMention | None:
    """The citation around one số hiệu: type word before it, date, issuer and trích yếu after it."""
    vocab = _vocab()
    line_start, line_end = _line_bounds(text, m.start(), start, end)
    if _HEADER_FIELD.match(text, text.rfind("\n", 0, m.start()) + 1, m.start()):
        return None
    raw = m.group()
    number = normalize_doc_number(raw)
    typed = vocab.type_before.search(text, max(line_start, m.start() - 40), m.start())
    if typed:
        cite_start = typed.start(1)
        word = typed.group(1).casefold()
        type_: str | None = vocab.canonical[word]
        if word in vocab.generic:
            type_ = doc_type_from_number(number) or type_
    else:
        code = _first_code("".join(raw.split()))
        if code is None or not _is_plain_code(code):
            return None
        cite_start = m.start()
        type_ = doc_type_from_number(number)
    return _complete(text, cite_start, m.start(), m.end(), number, type_, None, line_end)


def _complete(
    text: str,
    cite_start: int,
    number_start: int | None,
    pos: int,
    number: str | None,
    type_: str | None,
    title: str | None,
    line_end: int,
    date: DateMention | None = None,
) -> CitationMention:
    """Read date, issuer (and date again, when written after the issuer) and trích yếu after pos."""
    cite_end = pos
    if date is None:
        date, cite_end = _date_at(text, cite_end, line_end)
    issuer, cite_end = _issuer_at(text, cite_end, line_end)
    if date is None and issuer is not None:
        date, cite_end = _date_at(text, cite_end, line_end)
    if title is None and number is not None:
        title = _title_at(text, cite_end, line_end)
    return CitationMention(
        start=cite_start,
        end=cite_end,
        type=type_,
        number=number,
        number_start=number_start,
        number_end=pos if number_start is not None else None,
        date=date.value if date else None,
        issuer=issuer,
        title=title,
    )


def _named(text: str, m: re.Match[str], start: int, end: int) -> CitationMention | None:
    """A law cited by its name, when a date, a year or a number follows the name."""
    vocab = _vocab()
    _, line_end = _line_bounds(text, m.start(), start, end)
    window = min(line_end, m.end() + 300)
    dates = {d.start: d for d in iter_dates(text, m.end(), window) if d.kind in ("date", "year")}
    type_ = vocab.canonical[m.group(1).casefold()]
    pos, words, name_end = m.end(), 0, m.end()
    while pos < window and words <= vocab.law_max:
        title = text[m.start() : name_end]
        if words and pos in dates:
            mention = dates[pos]
            date = mention if mention.kind == "date" else None
            return _complete(text, m.start(), None, mention.end, None, type_, title, line_end, date)
        if words and (so := _SO_NUMBER.match(text, pos, window)) and (num := _NUMBER.match(text, so.end(), window)):
            number = normalize_doc_number(num.group())
            return _complete(text, m.start(), num.start(), num.end(), number, type_, title, line_end)
        if words and (year := _BARE_YEAR.match(text, pos, window)) and MIN_YEAR <= int(year[1]) <= MAX_YEAR:
            return _complete(text, m.start(), None, year.end(), None, type_, title, line_end)
        word = _NAME_WORD.match(text, pos, window)
        if not word or word.group(1)[0].isdigit() or vocab.law_stop.match(text, pos, window):
            return None
        if words and vocab.another_law.match(text, pos, window) and not _AMENDING.search(title):
            return None
        words += 1
        name_end = word.end(1)
        pos = word.end()
        if word.group(2) == ", " and not vocab.law_comma.match(text, pos, window):
            return None
        if not word.group(2).startswith((" ", ",")):
            return None
    return None


def _numbers(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """Every số hiệu in text[start:end].

    A số hiệu holds a slash and stays on its line, so only the lines with a slash are scanned:
    ``re`` would try the pattern at every digit of the text, dates and amounts included.
    """
    while (slash := text.find("/", start, end)) >= 0:
        line_start = max(start, text.rfind("\n", 0, slash) + 1)
        nl = text.find("\n", slash, end)
        line_end = end if nl < 0 else nl
        yield from _NUMBER.finditer(text, line_start, line_end)
        start = line_end + 1


def iter_citations(text: str, start: int = 0, end: int | None = None) -> Iterator[CitationMention]:
    """Citations in text[start:end] in order of position; offsets are into text.

    A document cited twice is yielded twice (the caller dedupes by number); the header's own
    "Số: ..." field is not a citation.
    """
    vocab = _vocab()
    end = len(text) if end is None else end
    laws: list[CitationMention] = []
    for m in vocab.named.finditer(text, start, end):
        if _NOT_LAW.search(text, max(0, m.start() - 6), m.start()):
            continue
        if (not laws or m.start() >= laws[-1].end) and (law := _named(text, m, start, end)):
            laws.append(law)  # a law named inside another's name ("sửa đổi ... của Luật X") is part of it
    claimed = {c.number_start for c in laws if c.number_start is not None}
    numbered = [
        c for m in _numbers(text, start, end) if m.start() not in claimed and (c := _numbered(text, m, start, end))
    ]
    laws = [c for c in laws if not any(n.start <= c.start < n.end for n in numbered)]
    yield from sorted(laws + numbered, key=lambda c: c.start)
