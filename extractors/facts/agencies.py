"""Agency names: every body a document names, in one canonical spelling.

The same office is printed "Sở LĐTBXH", "Sở Lao động - TB&XH tỉnh" and "Sở Lao động -
Thương binh và xã hội"; records and the scorer need one name for it. The vocabulary
(sectors, bodies, level words, the nouns of collectives) lives in ``data/agencies.toml``,
so a new agency or abbreviation is a data edit. The scanner finds the first word of an
alias, then reads what the genre puts after a name: a sector (Sở + Tư pháp), a level word
and a place (Công an huyện, Ủy ban nhân dân tỉnh Bắc Kạn), or the levels of a collective
(Ủy ban nhân dân các xã, thị trấn). Names outside the table that follow an open head
("Cục An toàn thực phẩm", "Hạt Kiểm lâm thị xã") are read as printed, up to the predicate.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Literal

from extractors.vocab import LOWER_CLASS, UPPER_CLASS

Level = Literal["central", "ministry", "province", "district", "commune"]


@dataclass(frozen=True, slots=True)
class AgencyMention:
    """One agency named in a text: where, as written, and its canonical name."""

    start: int
    end: int
    surface: str
    name: str
    level: Level | None
    is_group: bool


@dataclass(frozen=True, slots=True)
class _Kind:
    """One entry of the agency table: how a name of this kind is read and spelled."""

    name: str
    level: Level | None
    sector: bool
    nest: bool
    open: bool
    keep_level: bool
    keep_place: bool
    requires_level: bool
    direct_place: str  # "no" | "drop" | "keep" | "require"
    lowercase: bool
    by_level: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class _Aliases:
    """The aliases that open with one word, longest first, and one pattern that tries them all.

    ``any`` finds the first alias that matches in one call (its group number says which);
    ``each`` lets the scan go on with the next aliases when that one names no body.
    """

    any: re.Pattern[str]
    each: tuple[tuple[re.Pattern[str], _Kind], ...]


def _aliases(entries: list[tuple[str, _Kind]]) -> _Aliases:
    """``entries`` (alias pattern, kind), in the order they are tried, compiled both ways."""
    groups = "|".join(rf"({a}(?!\w))" for a, _ in entries)
    return _Aliases(
        any=re.compile(rf"(?<!\w)(?:{groups})"),
        each=tuple((re.compile(rf"(?<!\w){a}(?!\w)"), kind) for a, kind in entries),
    )


@dataclass(frozen=True, slots=True)
class _ByFirst:
    """A long alternation split by the first letter of its alternatives.

    ``re`` tries the alternatives of an alternation one after the other, so matching the
    ~100 sector names at a position costs microseconds; the part for the letter there keeps
    only the alternatives that can start with it, in their order, so it finds the same one.
    """

    whole: re.Pattern[str]
    by_first: Mapping[str, re.Pattern[str]]

    def match(self, text: str, pos: int, end: int) -> re.Match[str] | None:
        """``whole.match(text, pos, end)``, through the part for the letter at ``pos`` when there is one."""
        return self.by_first.get(text[pos : pos + 1].lower(), self.whole).match(text, pos, end)


def _first_letter(alias: str) -> str | None:
    """The letter an alias opens with, in lower case; None when it opens with something else."""
    c = alias[:1].lower()
    return c if len(c) == 1 and c.isalpha() else None


def _by_first(alts: list[tuple[str, str]], after: str) -> _ByFirst:
    """``alts`` (alias, its pattern), in the order they are tried, each followed by ``after``.

    An alias that does not open with a letter is kept in every part.
    """
    firsts = {c for a, _ in alts if (c := _first_letter(a))}
    parts = {c: [r for a, r in alts if _first_letter(a) in (c, None)] for c in firsts}
    return _ByFirst(
        whole=re.compile(rf"(?:{'|'.join(r for _, r in alts)}){after}"),
        by_first=MappingProxyType({c: re.compile(rf"(?:{'|'.join(rs)}){after}") for c, rs in parts.items()}),
    )


@dataclass(frozen=True, slots=True)
class _Sector:
    name: str
    only: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Vocab:
    """The agency table compiled once: patterns and lookups keyed by ``_key``."""

    starts: re.Pattern[str]
    starts_cased: re.Pattern[str]
    lower_ok: frozenset[str]
    bodies: Mapping[str, _Aliases]
    lower_bodies: Mapping[str, _Aliases]
    heads: Mapping[str, _Kind]
    sector: _ByFirst
    sectors: Mapping[str, _Sector]
    tail: re.Pattern[str]
    place: re.Pattern[str]
    level_word: re.Pattern[str]
    levels: Mapping[str, tuple[str, Level]]
    central_cities: frozenset[str]
    starters: frozenset[str]
    group_noun: re.Pattern[str]
    group_next: re.Pattern[str]
    strong: frozenset[str]
    central: frozenset[str]
    poison: re.Pattern[str]
    elliptic: Mapping[str, str]
    expand: re.Pattern[str]
    expansions: Mapping[str, str]
    open_stop: re.Pattern[str]
    open_max: int


_KEY_SEPARATORS = re.compile(r"[-,.\s]+")
_ALIAS_TOKEN = re.compile(r" ?& ?| và | ?- ?| ?, ?| |[^ &,-]+")
_LIST_SEP = re.compile(r"(?i:, và |, | và )")
_ELLIPTIC_SEP = re.compile(r":? ")
_WORD = re.compile(r"\w+")
_NAME_WORD = re.compile(r"[\w'’]+")
_NAME_JOIN = re.compile(r" - | và | ")
# A regional branch after a body's name (the 2025 reorganisation: "Kho bạc Nhà nước khu vực XI",
# "Ngân hàng Nhà nước Việt Nam - Chi nhánh Khu vực II", "Chi cục Thuế khu vực XV"): the branch is
# named by the body's name, the branch word as printed and "khu vực" with its number (Roman or
# Arabic figures).
_REGION = re.compile(
    r"(?P<dash>\s*-\s*|\s+)(?:(?P<branch>(?i:chi nhánh|CN))\s+)?(?i:khu vực)\s+(?P<number>[IVXLC]+|\d{1,2})\b(?![/-]\w)"
)


@lru_cache(maxsize=4096)
def _key(s: str) -> str:
    """Lookup key of a surface: case, "&"/"và", dashes, commas and dots do not count.

    Cached: the same few level words and nouns are looked up at every mention.
    """
    return _KEY_SEPARATORS.sub(" ", s.casefold().replace("&", " và ")).strip()


def _alias_regex(alias: str) -> str:
    """An alias as a case-insensitive pattern that tolerates the genre's spelling variants."""
    out: list[str] = []
    for tok in _ALIAS_TOKEN.findall(alias):
        bare = tok.strip()
        if bare == "&" or tok == " và ":
            out.append("(?: ?& ?| và )")
        elif (bare == "-" and tok != bare) or tok == "-":
            out.append("(?: ?- ?| )")
        elif bare == ",":
            out.append("(?: ?, ?| )")
        elif tok == " ":
            out.append(" ")
        elif tok.endswith(".") and len(tok) > 1:
            out.append(re.escape(tok[:-1]) + r"\.?")
        else:
            out.append(re.escape(tok))
    return "(?i:" + "".join(out) + ")"


def _alternation(aliases: list[str]) -> str:
    """Longest alias first, so that "Tài chính - Kế hoạch" wins over "Tài chính"."""
    return "|".join(_alias_regex(a) for a in sorted(set(aliases), key=len, reverse=True))


def _trie(words: Mapping[str, str], fold_from: int = 0) -> str:
    """Words as one prefix tree: a scan then tests one character per position, not one word.

    ``words`` maps each word to a pattern that must follow it (often empty). Characters
    from depth ``fold_from`` on match either case; those before it match as written. With
    ``fold_from=1`` every branch starts with a literal, so that ``re`` skips to the
    positions holding one of the first characters instead of trying every position.
    """
    root: dict[str, Any] = {}
    for word, after in words.items():
        node = root
        for c in word:
            node = node.setdefault(c, {})
        node[""] = after

    def emit(node: dict[str, Any], depth: int) -> str:
        alts = []
        for c, sub in sorted(node.items()):
            if c:
                fold = depth >= fold_from and c.upper() != c
                first = f"[{re.escape(c)}{re.escape(c.upper())}]" if fold else re.escape(c)
                alts.append(first + emit(sub, depth + 1))
        if "" in node:
            if not alts:
                return node[""]
            alts.append(node[""])
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(root, 0)


def _kind(entry: dict[str, Any]) -> _Kind:
    sector = bool(entry.get("sector", False))
    return _Kind(
        name=entry["name"],
        level=entry.get("level"),
        sector=sector,
        nest=bool(entry.get("nest", False)),
        open=bool(entry.get("open", False)),
        keep_level=entry.get("level_word", "drop" if sector else "keep") == "keep",
        keep_place=entry.get("place", "drop") == "keep",
        requires_level=bool(entry.get("requires_level", False)),
        direct_place=entry.get("direct_place", "no"),
        lowercase=bool(entry.get("lowercase", False)),
        by_level=tuple(sorted(entry.get("by_level", {}).items())),
    )


def _nfc(obj: Any) -> Any:
    if isinstance(obj, str):
        return unicodedata.normalize("NFC", obj)
    if isinstance(obj, list):
        return [_nfc(x) for x in obj]
    if isinstance(obj, dict):
        return {_nfc(k): _nfc(v) for k, v in obj.items()}
    return obj


def _lower_heads(agencies: list[dict[str, Any]]) -> dict[str, str]:
    """The first words of the heads that may be written in lower case, each with what must follow it.

    A lower-case head names a body only before a capitalized sector ("sở Tư pháp"). When
    all its aliases are that one word, the scan passes it by before a lower-case word
    ("phòng chống", "cơ sở vật chất"), the common case, instead of reading it.
    """
    aliases = [a for e in agencies if e.get("lowercase") for a in {e["name"], *e.get("aliases", ())}]
    longer = {_key(_ALIAS_TOKEN.findall(a)[0]) for a in aliases if not _WORD.fullmatch(a)}
    return {
        w: "" if w in longer else rf"(?= (?!{LOWER_CLASS}))"
        for w in (_key(_ALIAS_TOKEN.findall(a)[0]) for a in aliases)
    }


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    """Load ``data/agencies.toml`` and compile it; cached, so patterns are built once per process."""
    data = _nfc(tomllib.loads(resources.files("extractors.data").joinpath("agencies.toml").read_text("utf-8")))

    levels: dict[str, tuple[str, Level]] = {}
    level_aliases: list[str] = []
    for level, words in data["levels"].items():
        for word, aliases in words.items():
            for alias in [word, *aliases]:
                levels[_key(alias)] = (word, level)
                level_aliases.append(alias)
    # A level word never runs into "hội" ("Xã hội" is part of a sector name, not a commune).
    lv = rf"(?:{_alternation(level_aliases)})(?!\w)(?! (?i:hội)(?!\w))"
    stop = "|".join(re.escape(w) for w in sorted(data["places"]["stop"], key=len, reverse=True))
    # The cheap test of the first character goes before the stop words, which most positions fail.
    place_word = rf"(?={UPPER_CLASS}|\d)(?!(?i:{stop})(?!\w))(?:{UPPER_CLASS}[\w'’]*|\d{{1,2}}(?![\d/.]|,\d))"
    place = rf"{place_word}(?:(?: - | ){place_word}){{0,3}}(?!\w)"
    sep = "(?i:, và |, | và | hoặc )"
    groups = data["groups"]
    tail_qual = _alternation(groups["tail_qualifiers"])
    tail = (
        rf" (?:(?P<all>(?i:các cấp))(?!\w)|(?i:cấp) (?P<cap>{lv})"
        rf"|(?P<cac>(?i:các|những) )?(?P<lv>{lv})(?P<more>(?:{sep}{lv})*(?: (?:{tail_qual})(?!\w))?)"
        rf"(?: (?P<place>{place}))?)"
    )

    sectors: dict[str, _Sector] = {}
    sector_alts: list[tuple[str, str]] = []
    for i, entry in enumerate(data["sector"]):
        sec = _Sector(entry["name"], frozenset(entry.get("only", ())))
        for j, alias in enumerate(sorted({entry["name"], *entry.get("aliases", ())})):
            group = f"s{i}_{j}"
            sectors[group] = sec
            sector_alts.append((alias, group))
    sector_alts.sort(key=lambda a: len(a[0]), reverse=True)

    bodies: dict[str, list[tuple[int, str, _Kind]]] = {}
    heads: dict[str, _Kind] = {}
    for entry in data["agency"]:
        kind = _kind(entry)
        if kind.sector:
            heads[kind.name] = kind
        for alias in {kind.name, *entry.get("aliases", ())}:
            first = _ALIAS_TOKEN.findall(alias)[0]
            bodies.setdefault(_key(first), []).append((len(alias), _alias_regex(alias), kind))

    starters = [*groups["starters"]]
    starter_keys = {_key(s) for s in starters}
    first_words = sorted({*bodies, *starter_keys})
    lower_heads = _lower_heads(data["agency"])
    lower_ok = starter_keys | set(lower_heads)
    nouns = [*groups["strong"], *groups["weak"]]
    noun = _alternation(nouns)
    # The first words as they may open a name: capitalized, or as written when lower case is
    # allowed; "các" only before the noun of a collective (most "các" in prose are not one).
    after = {w: "" for w in first_words} | {s: rf"(?= (?:{noun})(?!\w))" for s in starter_keys}
    cased_words = {w[0].upper() + w[1:]: a for w, a in after.items()} | {
        w: after[w] if w in starter_keys else lower_heads[w] for w in lower_ok
    }
    qual = _alternation(groups["qualifiers"])

    ordered = {k: [(a, kd) for _, a, kd in sorted(v, key=lambda e: -e[0])] for k, v in bodies.items()}
    return _Vocab(
        starts=re.compile(rf"(?<!\w){_trie(dict.fromkeys(first_words, ''))}(?!\w)"),
        starts_cased=re.compile(rf"{_trie(cased_words, fold_from=1)}(?!\w)"),
        lower_ok=frozenset(lower_ok),
        bodies=MappingProxyType({k: _aliases(v) for k, v in ordered.items()}),
        # Only a sector head marked ``lowercase`` names a body when written in lower case.
        lower_bodies=MappingProxyType(
            {
                k: _aliases(lower)
                for k, v in ordered.items()
                if (lower := [(a, kd) for a, kd in v if kd.sector and kd.lowercase])
            }
        ),
        heads=MappingProxyType(heads),
        sector=_by_first([(a, f"(?P<{g}>{_alias_regex(a)})") for a, g in sector_alts], r"(?!\w)"),
        sectors=MappingProxyType(sectors),
        tail=re.compile(tail),
        place=re.compile(rf" (?P<place>{place})"),
        level_word=re.compile(rf"(?<!\w){lv}"),
        levels=MappingProxyType(levels),
        central_cities=frozenset(_key(c) for c in data["places"]["central_cities"]),
        starters=frozenset(starter_keys),
        group_noun=re.compile(rf"(?:{noun})(?!\w)"),
        group_next=re.compile(rf"(?:{sep}(?P<noun>{noun})| (?P<qual>{qual}|{lv}))(?!\w)"),
        strong=frozenset(_key(n) for n in groups["strong"]),
        central=frozenset(_key(q) for q in groups["central"]),
        poison=re.compile(rf"{sep}(?:{_alternation(groups['poison'])})(?!\w)"),
        elliptic=MappingProxyType({_key(k): v for k, v in groups["elliptic"].items()}),
        expand=re.compile(rf"(?<!\w)(?:{_alternation(list(groups['expand']))})(?!\w)"),
        expansions=MappingProxyType({_key(k): v for k, v in groups["expand"].items()}),
        open_stop=re.compile(
            rf"(?:{'|'.join(map(re.escape, sorted(data['open_names']['stop'], key=len, reverse=True)))})(?!\w)"
        ),
        open_max=int(data["open_names"]["max_words"]),
    )


@lru_cache(maxsize=1024)
def _place_text(place: str) -> str:
    """A place as it is named: capitals of a header line undone ("BẮC KẠN" → "Bắc Kạn").

    Cached: a document names the same few places again and again.
    """
    if any(c.islower() for c in place):
        return place
    return _WORD.sub(lambda m: m.group().capitalize(), place)


def _level(v: _Vocab, word: str, place: str | None = None) -> tuple[str, Level]:
    canonical, level = v.levels[_key(word)]
    if level == "district" and canonical == "thành phố" and place and _key(place) in v.central_cities:
        level = "province"
    return canonical, level


@lru_cache(maxsize=1024)
def _spell_levels(printed: str) -> str:
    """The printed levels of a collective: level words in lower case and spelled out ("các huyện, TP.").

    Cached: a document repeats the same few collectives ("các huyện, thành phố").
    """
    v = _vocab()
    if printed.isupper():
        printed = printed.lower()
    spelled = v.level_word.sub(lambda m: _level(v, m.group())[0], printed)
    return spelled[:1].lower() + spelled[1:] if spelled[:3].casefold() in ("các", "nhữ") else spelled


def _with_tail(text: str, p: int, q: int, end: int, kind: _Kind, base: str, v: _Vocab) -> AgencyMention | None:
    """The mention whose name ``base`` ends at ``q``, with the level words and place after it."""
    t = v.tail.match(text, q, end)
    if t is None:
        return _without_tail(text, p, q, end, kind, base, v)
    if kind.direct_place == "require":
        return None
    # One call for all the groups: this runs at nearly every mention.
    every, cap, cac, lv, more, place = t.group("all", "cap", "cac", "lv", "more", "place")
    if every:
        return AgencyMention(p, t.end(), text[p : t.end()], f"{base} các cấp", kind.level, True)
    if cap:
        word, level = _level(v, cap)
        group = level in ("district", "commune")
        return AgencyMention(p, t.end(), text[p : t.end()], f"{base} cấp {word}", kind.level or level, group)
    if cac or more:
        e = t.end("more")
        _, level = _level(v, lv)
        printed = _spell_levels(text[t.start("cac") if cac else t.start("lv") : e])
        return AgencyMention(p, e, text[p:e], f"{base} {printed}", kind.level or level, True)
    place = _place_text(place) if place else None
    word, level = _level(v, lv, place)
    name = dict(kind.by_level).get(level, base) if kind.by_level else base
    if kind.keep_level:
        name = f"{name} {word}"
        if kind.keep_place and place:
            name = f"{name} {place}"
    return AgencyMention(p, t.end(), text[p : t.end()], name, kind.level or level, False)


def _without_tail(text: str, p: int, q: int, end: int, kind: _Kind, base: str, v: _Vocab) -> AgencyMention | None:
    """The mention whose name ``base`` ends at ``q`` with no level word after it, or a place right after."""
    r = _REGION.match(text, q, end)
    if r is not None:
        return _regional(text, p, q, base, r)
    if kind.direct_place != "no":
        d = v.place.match(text, q, end)
        if d is not None:
            name = base if kind.direct_place == "drop" else f"{base} {_place_text(d.group('place'))}"
            return AgencyMention(p, d.end(), text[p : d.end()], name, kind.level, False)
        if kind.direct_place == "require":
            return None
    if kind.requires_level:
        return None
    return AgencyMention(p, q, text[p:q], base, kind.level, False)


def _regional(text: str, p: int, q: int, base: str, r: re.Match[str]) -> AgencyMention:
    """A body's regional branch: the body as the table spells it when printed so (any case), else as
    printed ("Ngân hàng nhà nước khu vực XII" keeps the words the document gave the branch)."""
    printed = " ".join(text[p:q].split())
    body = base if printed.casefold() == base.casefold() else printed
    branch = r.group("branch")
    joint = " - " if "-" in r.group("dash") else " "
    name = f"{body}{joint}{'Chi nhánh ' if branch else ''}khu vực {r.group('number')}"
    return AgencyMention(p, r.end(), text[p : r.end()], name, None, False)


def _ellipsis(text: str, pos: int, end: int, head: _Kind, v: _Vocab) -> Iterator[AgencyMention]:
    """Sectors listed after a head share it: "Sở Tư pháp, Y tế và Tài chính" names three Sở."""
    while True:
        s = _LIST_SEP.match(text, pos, end)
        if s is None:
            return
        q = s.end()
        if q >= end or not text[q].isupper() or _at(text, q, end, v):
            return
        m = v.sector.match(text, q, end)
        if m is None:
            return
        sector = v.sectors[m.lastgroup or ""]
        if sector.only and head.name not in sector.only:
            return
        mention = _with_tail(text, q, m.end(), end, head, f"{head.name} {sector.name}", v)
        if mention is None or mention.is_group:
            return
        yield mention
        pos = mention.end


def _open_name_end(text: str, q: int, end: int, v: _Vocab) -> int | None:
    """End of the name after an open head ("Cục| An toàn thực phẩm"), or None when none starts at ``q``.

    The name starts with a capital and runs over words, " - " and " và " + a capital; it
    stops at punctuation, a level word (read by the tail), another agency or a predicate
    word. A run longer than any name is prose, not a name.
    """
    if not text.startswith(" ", q) or q + 1 >= end or not text[q + 1].isupper():
        return None
    i, last = q + 1, None
    for _ in range(v.open_max):
        w = _NAME_WORD.match(text, i, end)
        if w is None:
            return last
        if last is not None and (
            (text[i].islower() and v.open_stop.match(text, i, end))
            or v.level_word.match(text, i, end)
            or (text[i].isupper() and _at(text, i, end, v))
        ):
            return last
        last = w.end()
        j = _NAME_JOIN.match(text, last, end)
        if j is None or (j.group() == " và " and not (j.end() < end and text[j.end()].isupper())):
            return last
        i = j.end()
    return None


def _body(text: str, p: int, q: int, end: int, kind: _Kind, v: _Vocab) -> list[AgencyMention] | None:
    """The agency whose alias of ``kind`` spans ``text[p:q]``, with what completes its name."""
    upper = text[p].isupper()
    if kind.nest:
        inner = _at(text, q + 1, end, v) if upper and text.startswith(" ", q) else None
        if not inner or inner[0].start != q + 1 or inner[0].is_group:
            return None
        first = inner[0]
        return [AgencyMention(p, first.end, text[p : first.end], f"{kind.name} {first.name}", first.level, False)]
    base = kind.name
    if kind.open:
        e = _open_name_end(text, q, end, v) if upper and not text[p:q].isupper() else None
        if e is None:
            return None
        base, q = kind.name + text[q:e], e
    elif kind.sector:
        # The cheap test first: "phòng, chống", "cơ sở vật chất" end here without a sector lookup.
        if not (text.startswith(" ", q) and q + 1 < end and (upper or (kind.lowercase and text[q + 1].isupper()))):
            return None
        s = v.sector.match(text, q + 1, end)
        if s is None:
            return None
        sector = v.sectors[s.lastgroup or ""]
        if sector.only and kind.name not in sector.only:
            return None
        base, q = f"{kind.name} {sector.name}", s.end()
    elif not upper:
        return None
    mention = _with_tail(text, p, q, end, kind, base, v)
    if mention is None:
        return None
    if kind.sector and not mention.is_group:
        return [mention, *_ellipsis(text, mention.end, end, kind, v)]
    return [mention]


def _group(text: str, p: int, q: int, end: int, v: _Vocab) -> list[AgencyMention] | None:
    """A collective after "các": "các sở, ban, ngành liên quan", or "các Sở: Y tế, Tư pháp"."""
    n = v.group_noun.match(text, q + 1, end) if text.startswith(" ", q) else None
    if n is None:
        return None
    key = _key(n.group())
    head = v.elliptic.get(key)
    pos = n.end()
    strong = key in v.strong
    if head is not None:
        listed = _elliptic(text, n.end(), end, v.heads[head], v)
        if listed:
            return listed
        # "các sở giáo dục và đào tạo", "các Sở Y tế": one sector for a collective of bodies.
        s = v.sector.match(text, pos + 1, end) if text.startswith(" ", pos) else None
        if s is not None:
            pos, strong = s.end(), True
    items = 1
    level: Level | None = None
    last_level = False
    while (g := v.group_next.match(text, pos, end)) is not None:
        items += 1
        last_level = False
        if g.group("noun"):
            strong = strong or _key(g.group("noun")) in v.strong
        else:
            qual = g.group("qual")
            if _key(qual) in v.central:
                level = "central"
            elif (lw := v.level_word.search(qual)) is not None:
                level = _level(v, lw.group())[1]
                last_level = lw.end() == len(qual)
        pos = g.end()
    if last_level and (pl := v.place.match(text, pos, end)) is not None:
        pos = pl.end()
    printed = text[p:pos]
    if not strong and items < 2:
        return None
    # "các ngành Lao động - Thương binh và Xã hội, Y tế": sectors named, not a collective.
    if pos + 1 < end and text[pos] == " " and text[pos + 1].isupper() and not printed.isupper():
        return None
    if not strong and v.poison.match(text, pos, end):
        return None
    name = spell_out(printed)
    return [AgencyMention(p, pos, printed, name[:1].upper() + name[1:], level, True)]


def _elliptic(text: str, q: int, end: int, head: _Kind, v: _Vocab) -> list[AgencyMention] | None:
    """ "các Sở: Y tế, Tư pháp" → Sở Y tế, Sở Tư pháp (the sectors must be capitalized)."""
    c = _ELLIPTIC_SEP.match(text, q, end)
    if c is None or c.end() >= end or not text[c.end()].isupper():
        return None
    s = v.sector.match(text, c.end(), end)
    if s is None:
        return None
    sector = v.sectors[s.lastgroup or ""]
    if sector.only and head.name not in sector.only:
        return None
    first = _with_tail(text, c.end(), s.end(), end, head, f"{head.name} {sector.name}", v)
    if first is None or first.is_group:
        return None
    listed = [first, *_ellipsis(text, first.end, end, head, v)]
    # Without a colon, one sector is a collective ("các Sở Y tế"), not a list.
    return listed if c.group().startswith(":") or len(listed) > 1 else None


def _at(text: str, p: int, end: int, v: _Vocab, key: str | None = None) -> list[AgencyMention] | None:
    """The agencies named by the phrase that starts at ``p``, if one does (``key``: its first word, lower case)."""
    if key is None:
        m = v.starts.match(text, p, end)
        if m is None:
            return None
        key = m.group().lower()
    upper = text[p].isupper()
    if key not in v.lower_ok and not upper:
        return None
    if key in v.starters:
        return _group(text, p, p + len(key), end, v)
    aliases = (v.bodies if upper else v.lower_bodies).get(key)
    return None if aliases is None else _aliased(text, p, end, aliases, v)


def _aliased(text: str, p: int, end: int, aliases: _Aliases, v: _Vocab) -> list[AgencyMention] | None:
    """The body named by the first of ``aliases`` that matches at ``p`` and whose name completes."""
    a = aliases.any.match(text, p, end)
    if a is None:
        return None
    i = (a.lastindex or 1) - 1
    found = _body(text, p, a.end(), end, aliases.each[i][1], v)
    if found:
        return found
    for pattern, kind in aliases.each[i + 1 :]:
        b = pattern.match(text, p, end)
        if b is not None and (found := _body(text, p, b.end(), end, kind, v)):
            return found
    return None


def iter_agencies(text: str, start: int = 0, end: int | None = None) -> Iterator[AgencyMention]:
    """Every agency named in ``text[start:end]``, in order, without overlaps (offsets into ``text``).

    The scan looks only for first words as they may open a name (capitalized unless lower
    case is allowed), so most lower-case prose never matches; its pattern has no leading
    lookbehind (which would make ``re`` try every position), so a match inside a word is
    dropped here. Matches are whole words, so one inside a word hides no other.
    """
    v = _vocab()
    end = len(text) if end is None else end
    pos = start
    for m in v.starts_cased.finditer(text, start, end):
        p = m.start()
        if p < pos or (p > 0 and (text[p - 1].isalnum() or text[p - 1] == "_")) or _in_code(text, p):
            continue
        found = _at(text, p, end, v, m.group().lower())
        if found:
            yield from found
            pos = found[-1].end


def _in_code(text: str, p: int) -> bool:
    """Whether ``p`` is inside a document number's code ("60/KH-UBND", "123/UBND-KGVX"): the
    issuer's abbreviation there names no agency of the text."""
    return p >= 2 and text[p - 1] in "/-" and text[p - 2].isalnum()


@lru_cache(maxsize=4096)
def canonical_agency(phrase: str) -> AgencyMention | None:
    """The agency a short phrase (a heading, a list item) names: its first one; offsets into ``phrase``.

    Cached: records ask again for the same issuers and headings; a mention is immutable.
    """
    return next(iter_agencies(phrase), None)


@lru_cache(maxsize=1024)
def spell_out(phrase: str) -> str:
    """The phrase with the genre's abbreviations spelled out ("TW" → "Trung ương").

    Cached: the printed collectives it spells repeat within and across documents.
    """
    v = _vocab()
    return v.expand.sub(lambda m: v.expansions[_key(m.group())], phrase)


def split_agency_list(text: str, start: int = 0, end: int | None = None) -> list[AgencyMention]:
    """The agencies of a list ("Sở Tư pháp, Công an tỉnh và UBND các huyện"), one per item.

    A "và" inside a name ("Sở Giáo dục và Đào tạo") does not split it; a collective
    ("các sở, ban, ngành liên quan") is one item; sectors after one head ("Sở Y tế, Tư
    pháp") are one item each.
    """
    return list(iter_agencies(text, start, end))
