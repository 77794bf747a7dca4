"""Who does what: the agencies a "Tổ chức thực hiện" section gives duties to.

Each item there is headed by an agency ("1. Sở Tài chính: ...", "2. Phòng Y tế huyện chủ
trì, phối hợp với ...", "Giao Sở Y tế chủ trì ...", "Đề nghị Ủy ban Mặt trận Tổ quốc ...
và các tổ chức chính trị - xã hội: ..."); an item headed by a group of sub-items ("1.
Trách nhiệm của các sở") is read through its sub-items. The agencies named after "phối
hợp với" are partners.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from extractors.facts.agencies import AgencyMention, canonical_agency
from extractors.facts.agency_index import AgencyIndex
from extractors.structure.sections import ITEM_MARKER, Node, number_path
from extractors.vocab import LOWER_CLASS
from models import Responsibility

# Words before a duty holder: the verb that gives the duty, and the head of the body named by
# title ("Giao Giám đốc Sở Giáo dục và Đào tạo", "Thủ trưởng các sở, ban, ngành").
_LEADING_WORDS = re.compile(
    r"^(?:(?:Giao(?: cho)?|Đề nghị|Yêu cầu|Trách nhiệm của)\s+)?"
    r"(?:(?:Phó )?(?:Giám đốc|Chủ tịch|Thủ trưởng|Chánh Văn phòng|Trưởng ban|Bộ trưởng|Chỉ huy trưởng|"
    r"Cục trưởng|Chi cục trưởng|Viện trưởng|Chánh án|Hiệu trưởng|Tổng Giám đốc)\s+)?",
    re.IGNORECASE,
)
# An unnumbered line of a duty section that gives a duty ("Giao Sở Lao động ...:", "Đề nghị Liên
# đoàn Lao động tỉnh: ..."), as crawlers leave the items once their numbers are lost.
_DUTY_LINE = re.compile(r"^(?:Giao(?: cho)?|Đề nghị|Yêu cầu)\s+", re.IGNORECASE)
_SEPARATOR = re.compile(r"^(?:\s*,\s*|\s+và\s+|\s*;\s*|\s+cùng\s+)$")
_LEADS = re.compile(r"\bchủ trì\b|cơ quan thường trực|cơ quan đầu mối|\bđầu mối\b", re.IGNORECASE)
# Parts of the words ``_LEADS`` needs, in lower case (free of the letters i and s, which a
# case-blind pattern also matches in other forms): a text with none of them is passed over
# without the slow case-blind search.
_LEADS_HINTS = ("chủ tr", "thường tr", "đầu m")
_PARTNER_CUE = re.compile(r"\bphối hợp(?: chặt chẽ)?(?: với| cùng)?\s+", re.IGNORECASE)
# The same for ``_PARTNER_CUE``: the letter of "hợp" in either case, looked for as written
# (lower-casing each line costs more than the search it spares).
_PARTNER_HINTS = ("ợ", "Ợ")
# The names before the predicate, at most: a request may list a dozen bodies ("Đề nghị Văn phòng Tỉnh
# ủy, ..., Chi cục Hải quan khu vực XI tăng cường ..."), each piece still starting with a head word.
# The names before the predicate, at most: a request may list a dozen bodies ("Đề nghị Văn phòng Tỉnh
# ủy, ..., Chi cục Hải quan khu vực XI tăng cường ..."), each piece still starting with a head word.
_MAX_HEAD = 400
# What may follow a known name and is not part of it: a note in brackets, or a predicate in lower
# case that the predicate list does not hold ("Công an thành phố kịp thời phát hiện ...").
_TAIL = re.compile(rf"\s*\(|,?\s+{LOWER_CLASS}")
_MAX_NAME_WORDS = 20
_MIN_NAME_WORDS = 2
_CLAUSE_END = re.compile(r"[;.:]|\s(?:để|nhằm|trong việc|thực hiện|triển khai|tổ chức|xây dựng|tham mưu)\s")


def leading_agencies(text: str, index: AgencyIndex, start: int, end: int) -> list[AgencyMention]:
    """The agencies named one after another from ``start`` (", " and "và" between), no others."""
    found: list[AgencyMention] = []
    pos = start
    for mention in index.within(start, end):
        gap = text[pos : mention.start]
        if found and not _SEPARATOR.match(gap):
            break
        if not found and gap.strip(" ,:"):
            break
        found.append(mention)
        pos = mention.end
    return found


def _tasks(node: Node, head_end: int) -> list[str]:
    tasks: list[str] = []
    first = node.line.text.strip()
    rest = node.line.text[head_end - node.line.start :].strip(" :.,;")
    if rest and rest != first:
        tasks.append(rest)
    for line in node.body_lines():
        task = ITEM_MARKER.sub("", line.text.strip())
        if task and (not task.endswith(":") or len(task) > 40):
            tasks.append(task)
    return tasks


def _partners(text: str, index: AgencyIndex, node: Node, leads: set[str]) -> list[AgencyMention]:
    found: list[AgencyMention] = []
    for line in [node.line, *node.body_lines()]:
        if _PARTNER_HINTS[0] not in line.text and _PARTNER_HINTS[1] not in line.text:
            continue
        for cue in _PARTNER_CUE.finditer(line.text):
            start = line.start + cue.end()
            tail = _CLAUSE_END.search(line.text, cue.end())
            end = line.start + tail.start() if tail else line.end
            found.extend(m for m in duty_holders(text, index, start, end) if m.name not in leads and _named(m))
    return found


def _named(mention: AgencyMention) -> bool:
    """A partner worth naming: an agency, or the people's committees of a level, not "các cơ quan liên quan"."""
    return not mention.is_group or mention.name.startswith(("Ủy ban nhân dân", "Hội đồng nhân dân"))


@lru_cache(maxsize=1)
def _duty_vocab() -> tuple[tuple[str, ...], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The head words (as strings, for a quick look, and as a pattern), the split between names,
    and the stop after them."""
    data = tomllib.loads(resources.files("extractors.data").joinpath("duty_holders.toml").read_text("utf-8"))
    heads = "|".join(map(re.escape, sorted(data["heads"], key=len, reverse=True)))
    predicates = "|".join(map(re.escape, sorted(data["predicates"], key=len, reverse=True)))
    head = re.compile(rf"(?:{heads})(?!\w)")
    split = re.compile(rf",\s+(?=(?:{heads}|các)(?!\w))|\s+và\s+(?=(?:{heads}|các)(?!\w))")
    # Predicates as written, in lower case: "Ban Xây dựng Đảng" names a body, "xây dựng" starts a duty.
    stop = re.compile(rf"[:;.]|(?:,|\s-)?\s+(?:{predicates})(?!\w)", re.IGNORECASE)
    return tuple(data["heads"]), head, split, stop


def named_bodies(text: str, start: int, end: int) -> list[AgencyMention]:
    """The bodies named from ``start`` up to a colon or a predicate ("Vụ Kế hoạch - Tài chính: ..."),
    known to the alias table or not.

    The layout says these are duty holders even when the table does not know them (a
    department of a ministry, a hospital, a cooperative); a name the table knows keeps its
    canonical form.
    """
    heads, head, split, stop = _duty_vocab()
    if not text.startswith(heads, start):  # no head word there: the stop need not be looked for
        return []
    limit = min(end, start + _MAX_HEAD)
    m = stop.search(text, start, limit)
    while m is not None and _inside_name(text, m):
        m = stop.search(text, m.end(), limit)
    stop_at = m.start() if m else end
    if stop_at - start > _MAX_HEAD or not head.match(text, start, stop_at):
        return []
    found: list[AgencyMention] = []
    for piece_start, piece in _pieces(text, start, stop_at, split):
        name = piece.strip(" ,;.")
        if not name or not (head.match(name) or _named_group(name)) or len(name.split()) > _MAX_NAME_WORDS:
            return found
        known = canonical_agency(name)
        if known is not None and known.start == 0 and (known.end >= len(name) - 1 or _TAIL.match(name, known.end)):
            end = piece_start + known.end
            found.append(
                AgencyMention(piece_start, end, text[piece_start:end], known.name, known.level, known.is_group)
            )
        else:
            # A bracket opens a note, not more of the name; a head word alone ("Ban", "Cơ quan")
            # names no body.
            name = name.split("(", 1)[0].rstrip(" ,;.")
            if len(name.split()) < _MIN_NAME_WORDS or head.fullmatch(name):
                return found
            group = name.startswith(("Các", "các"))
            found.append(AgencyMention(piece_start, piece_start + len(name), name, name, None, group))
    return found


def _pieces(text: str, start: int, stop_at: int, split: re.Pattern[str]) -> list[tuple[int, str]]:
    """The names of a list, with where each starts; names the alias table knows as one body stay
    one ("Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh", "Văn phòng Đoàn ĐBQH, HĐND và UBND huyện")."""
    pieces: list[tuple[int, str]] = []
    pos = start
    for piece in split.split(text[start:stop_at]):
        piece_start = text.index(piece, pos)
        pos = piece_start + len(piece)
        pieces.append((piece_start, piece))
        for k in (3, 2):
            if len(pieces) >= k and _one_body(text[pieces[-k][0] : pos]):
                pieces[-k:] = [(pieces[-k][0], text[pieces[-k][0] : pos])]
                break
    return pieces


def _one_body(names: str) -> bool:
    """Whether a run of names is one body of the alias table, whole."""
    joined = names.strip(" ,;.")
    known = canonical_agency(joined)
    return known is not None and known.start == 0 and known.end >= len(joined) - 1


def _named_group(name: str) -> bool:
    """Whether a "các" piece of a list of names names bodies by a capitalised noun ("các Ban Xây
    dựng Đảng"); "các quận, huyện" after a body are its levels, not a body of their own."""
    return name.startswith("các ") and name[4:5].isupper()


def _inside_name(text: str, stop: re.Match[str]) -> bool:
    """A predicate word in capitals right after a name and followed by another capitalised word is
    part of the name ("Ban Xây dựng Đảng"), not the duty; "Sở Y tế Chủ trì, ..." and "..., thành phố
    - Xây dựng Kế hoạch" (headings run into their lines) still stop."""
    word = stop.group().lstrip(" ,-")
    after = stop.end()
    return (
        word[:1].isupper()
        and stop.group()[: -len(word)].isspace()  # after a comma or a dash, a new sentence starts
        and text.startswith(" ", after)
        and after + 1 < len(text)
        and text[after + 1].isupper()
    )


def duty_holders(text: str, index: AgencyIndex, start: int, end: int) -> list[AgencyMention]:
    """The agencies named one after another from ``start``: the alias table's, else the layout's."""
    known = leading_agencies(text, index, start, end)
    named = named_bodies(text, start, end)
    if not named:
        return known
    if not known:
        return named
    return named if named[-1].end > known[-1].end + 1 else known


def headed_by_agency(text: str, index: AgencyIndex, node: Node) -> bool:
    """Whether a numbered item opens with an agency the table knows ("2. Sở Khoa học và Công nghệ")."""
    if not node.number:
        return False
    head = node.rest
    start = node.line.start + node.line.text.index(head) + _LEADING_WORDS.match(head).end()
    return bool(leading_agencies(text, index, start, node.line.end))


def _from_item(text: str, index: AgencyIndex, node: Node, path: list[Node]) -> list[Responsibility]:
    head = node.rest
    head_start = node.line.start + node.line.text.index(head) + _LEADING_WORDS.match(head).end()
    leads = duty_holders(text, index, head_start, node.line.end)
    # "1. Trách nhiệm của các sở, ngành" over "1.1. Sở Tài chính", "1.2. Sở Y tế": a group heads
    # items that name its members; the members hold the duties.
    if leads and all(m.is_group for m in leads) and any(headed_by_agency(text, index, c) for c in node.children):
        leads = []
    if not leads:
        out: list[Responsibility] = []
        for child in node.children:
            out.extend(_from_item(text, index, child, [*path, child]))
        return out
    section_path = number_path(path)
    first_sentence = text[node.line.start : min(node.end, node.line.start + 400)]
    role = "lead" if _names_lead(first_sentence) else "implement"
    head_end = leads[-1].end
    tasks = _tasks(node, head_end)
    out = [
        Responsibility(agency=m.name, role=role, tasks=tasks, section_path=section_path, span=(m.start, node.end))
        for m in leads
    ]
    names = {m.name for m in leads}
    seen: set[str] = set()
    for partner in _partners(text, index, node, names):
        if partner.name in seen:
            continue
        seen.add(partner.name)
        out.append(
            Responsibility(
                agency=partner.name,
                role="partner",
                tasks=[],
                section_path=section_path,
                span=(partner.start, partner.end),
            )
        )
    return out


def _names_lead(text: str) -> bool:
    """Whether the text says its agency leads ("chủ trì", "cơ quan đầu mối")."""
    lower = text.lower()
    return any(hint in lower for hint in _LEADS_HINTS) and bool(_LEADS.search(text))


def responsibilities_of(text: str, index: AgencyIndex, section: Node) -> list[Responsibility]:
    """The duties a "Tổ chức thực hiện" section hands out, item by item, in document order.

    A section with no items ("Điều 2. Giao Sở Du lịch chủ trì, phối hợp ...") or headed by its
    duty holder ("2. Sở Khoa học và Công nghệ", a directive's item) is one item itself."""
    if not section.children or headed_by_agency(text, index, section):
        out = _from_item(text, index, section, [section])
    else:
        out = []
        for child in section.children:
            out.extend(_from_item(text, index, child, [section, child]))
    return out + _duty_lines(text, index, section, {r.agency for r in out})


def _duty_lines(text: str, index: AgencyIndex, section: Node, named: set[str]) -> list[Responsibility]:
    """Duties given on lines that head no item ("Giao Sở Lao động - Thương binh và Xã hội:"), each
    read as an item of its own, under the section path of the item that holds the line."""
    out: list[Responsibility] = []
    for path in _paths(section, [section]):
        for line in path[-1].own:
            if not _DUTY_LINE.match(line.text.strip()):
                continue
            stripped = line.text.strip()
            node = Node("line", None, stripped, stripped, line, line.end)
            out.extend(r for r in _from_item(text, index, node, path) if r.agency not in named)
    return out


def _paths(node: Node, path: list[Node]) -> list[list[Node]]:
    return [path] + [p for child in node.children for p in _paths(child, [*path, child])]
