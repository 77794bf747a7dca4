"""Facts → record: assemble the plan record of one document from its normalized text.

The steps are the folders of the path a document takes: ``normalize`` (text), ``header`` /
``segments`` / ``sections`` (structure), one module per fact type (facts), and this module
(the record). Each step is a function that can be called and tested alone.
"""

from __future__ import annotations

import hashlib
import re

from extractors.facts.agencies import canonical_agency
from extractors.facts.agency_index import AgencyIndex
from extractors.facts.checks import citation_warnings, indicator_warnings, period_warnings
from extractors.facts.citations import CitationMention, iter_citations
from extractors.facts.coreference import leveled_names
from extractors.facts.periods import period_in
from extractors.record.plan import build_plan
from extractors.record.site import from_annex_note, with_site_metadata
from extractors.structure.header import Header, parse_header, type_name
from extractors.structure.issuer import issuer_from_header, issuer_from_text
from extractors.structure.segments import CITING, Segments, find_segments
from extractors.structure.signature import find_recipients, with_known_surname
from extractors.text.casing import form_in, sentence_case
from extractors.text.lines import Line, split_lines
from extractors.text.normalize import normalize
from extractors.vocab import is_caps_line
from models import (
    Agency,
    Article,
    Citation,
    Document,
    Extractor,
    Issuer,
    Period,
    Plan,
    PlanRecord,
    Responsibility,
    Signer,
    Source,
)

EXTRACTOR_VERSION = "0.1.0"
# A file an office published (not a portal's page) carries no chrome: text dropped from it beyond
# a small share is said, never silent.
_PUBLISHED_FORMATS = ("pdf", "docx", "doc")
_DROPPED_SHARE = 0.1
_ISSUER_SEARCH = 3000
# The preamble's sentence that names the plan it issues ("... ban hành Kế hoạch kiểm tra ... năm 2023").
_ISSUES_PLAN = re.compile(r"(?:ban hành|xây dựng|triển khai)\s+(?:Kế hoạch|Chương trình|Đề án)\b[^.;:\n]*", re.I)


def record_id(uri: str, text: str) -> str:
    """Stable and unique per source document: the same document at the same address (file path
    or URL) gives the same id on every run and machine; two addresses with the same text (two
    portal pages that say "see the attachment") give two ids, so their table rows never mix."""
    return "kh-" + hashlib.sha256(f"{uri}\n{text}".encode()).hexdigest()[:20]


class _Casing:
    """Sentence case of the document's own lines in capitals, asked only when a title needs it."""

    def __init__(self, text: str, names: tuple[str, ...]) -> None:
        self.text = text
        self.names = names
        self._done: dict[str, str] = {}

    def __call__(self, value: str) -> str:
        if not is_caps_line(value):
            return value
        if value not in self._done:
            self._done[value] = sentence_case(value, self.text, self.names)
        return self._done[value]

    def word(self, word: str) -> str:
        """A word as the document writes it mid-sentence ("Thực" → "thực", "Chương" → "Chương")."""
        return form_in(self.text, word) or word.lower()


def _issuer(text: str, index: AgencyIndex, header: Header, segments: Segments) -> Issuer | None:
    fact = issuer_from_header([(f.value, f.start, f.end) for f in header.issuer_lines], text)
    if fact is None:
        end = segments.preamble[1] if segments.preamble[1] > header.body_start else header.body_start + _ISSUER_SEARCH
        fact = issuer_from_text(text, index, 0, min(len(text), end))
    if fact is None:
        return None
    return Issuer(name=fact.name, level=fact.level, province=fact.province, span=(fact.start, fact.end))


def _citations(
    text: str, header: Header, segments: Segments, own_number: str | None
) -> tuple[list[Citation], list[tuple[int, int]]]:
    """Cited documents, one per number (or law title), first mention kept; and every mention's span."""
    basis_end = segments.preamble[1]
    by_key: dict[str, tuple[CitationMention, bool]] = {}
    spans: list[tuple[int, int]] = []
    for c in iter_citations(text, header.title.start if header.title else header.body_start):
        spans.append((c.start, c.end))
        if c.number and c.number == own_number:
            continue
        key = c.number or c.title
        if not key:
            continue
        basis = c.start < basis_end
        if key in by_key:
            first, was_basis = by_key[key]
            merged = first if first.date or not c.date else c
            by_key[key] = (merged, was_basis or basis)
        else:
            by_key[key] = (c, basis)
    citations = []
    for c, basis in sorted(by_key.values(), key=lambda item: item[0].start):
        known = canonical_agency(c.issuer) if c.issuer else None
        issuer = known.name if known else c.issuer
        citations.append(
            Citation(
                type=c.type,
                number=c.number,
                date=c.date,
                issuer=issuer,
                role="basis" if basis else "reference",
                title=c.title,
                span=(c.start, c.end),
            )
        )
    return citations, spans


def _agencies(index: AgencyIndex) -> list[Agency]:
    found: dict[str, Agency] = {}
    for m in index.mentions:
        if m.is_group:
            continue
        agency = found.get(m.name)
        if agency is None:
            agency = found[m.name] = Agency(name=m.name, level=m.level)
        if m.surface != m.name and m.surface not in agency.aliases:
            agency.aliases.append(m.surface)
        agency.mentions.append((m.start, m.end))
    return list(found.values())


def _use_leveled_names(plan: Plan, agencies: list[Agency]) -> None:
    """Bare names ("Trung tâm Y tế") become the leveled name the document uses elsewhere."""
    names = {a.name for a in agencies} | {r.agency for r in plan.responsibilities}
    mapping = leveled_names(names)
    if not mapping:
        return
    for r in plan.responsibilities:
        r.agency = mapping.get(r.agency, r.agency)
    for activity in plan.activities:
        activity.lead = list(dict.fromkeys(mapping.get(n, n) for n in activity.lead))
        activity.partners = list(dict.fromkeys(mapping.get(n, n) for n in activity.partners))
    merged: dict[str, Agency] = {}
    for agency in agencies:
        target = mapping.get(agency.name, agency.name)
        if target in merged:
            into = merged[target]
            into.mentions = sorted(into.mentions + agency.mentions)
            into.aliases = list(dict.fromkeys([*into.aliases, agency.name, *agency.aliases]))
        else:
            merged[target] = agency
    agencies[:] = list(merged.values())
    plan.responsibilities = _dedupe(plan.responsibilities)


def _dedupe(responsibilities: list[Responsibility]) -> list[Responsibility]:
    seen: set[tuple[str, str, tuple[str, ...]]] = set()
    out: list[Responsibility] = []
    for r in responsibilities:
        key = (r.agency, r.role, tuple(r.section_path))
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def _signers(segments: Segments) -> list[Signer]:
    signers: list[Signer] = []
    for block in segments.signatures:
        if block.name and all(s.name != block.name for s in signers):
            span = (block.name_start, block.name_end) if block.name_start is not None else None
            signers.append(Signer(name=block.name, title=block.title, authority=block.authority, span=span))
    return signers


def _known_surnames(document: Document) -> list[str]:
    """Signers' names OCR misread in their family name's tones ("Trân Phước Hiền") set right, each
    with a warning."""
    warnings: list[str] = []
    for signer in document.signers:
        known = with_known_surname(signer.name)
        if known != signer.name:
            warnings.append(f"the signer's name reads {signer.name!r} (OCR): taken as {known!r}, a family name")
            signer.name = known
    return warnings


def _articles(text: str, segments: Segments) -> list[Article]:
    """The articles (Điều) of a decision, each up to the next one or the signature."""
    if not segments.articles:
        return []
    ends = [start for _, start, _ in segments.articles[1:]]
    last = segments.signatures[0].start if segments.signatures else len(text)
    ends.append(max(last, segments.articles[-1][2]) if segments.articles else last)
    return [
        Article(number=number, text=" ".join(text[start:end].split()), span=(start, end))
        for (number, start, _), end in zip(segments.articles, ends, strict=True)
    ]


def _plan_title(segments: Segments, forms: _Casing) -> str | None:
    if segments.plan_title is None:
        return None
    title = " ".join(forms(segments.plan_title.value).split())
    kind = type_name(segments.plan_heading.value) if segments.plan_heading else None
    if not kind:
        return title
    first, _, rest = title.partition(" ")
    first = forms.word(first)
    return f"{kind} {first} {rest}".strip()


def _document(
    text: str, index: AgencyIndex, lines: list[Line], header: Header, segments: Segments, forms: _Casing
) -> Document:
    spans = {}
    for name in ("number", "place", "type", "title"):
        f = getattr(header, name)
        if f is not None:
            spans[name] = (f.start, f.end)
    if header.date is not None:
        spans["issued_date"] = (header.date.start, header.date.end)
    recipients, _ = find_recipients(lines, next((ln.index for ln in lines if ln.start >= header.body_start), 0))
    return Document(
        number=header.number.value if header.number else None,
        type=header.kind,
        issuer=_issuer(text, index, header, segments),
        place=header.place.value if header.place else None,
        issued_date=header.date.value if header.date else None,
        title=" ".join(forms(header.title.value).split()) if header.title else None,
        signers=_signers(segments),
        recipients=recipients,
        articles=_articles(text, segments),
        spans=spans,
    )


def _period_in_preamble(
    text: str, segments: Segments, spans: list[tuple[int, int]], issued: int | None
) -> Period | None:
    """The years a plan covers as the preamble restates them ("... ban hành Kế hoạch kiểm tra
    ... năm 2023 như sau:") when its title names none."""
    start, end = segments.preamble
    for m in _ISSUES_PLAN.finditer(text, start, end):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if CITING.match(text, line_start):  # a căn cứ names what another text issued
            continue
        period = period_in(m.group(), spans, m.start(), issued)
        if period.end_year is not None:
            return period
    return None


def _plan(
    text: str,
    index: AgencyIndex,
    lines: list[Line],
    segments: Segments,
    forms: _Casing,
    spans: list[tuple[int, int]],
    issued: int | None,
) -> Plan | None:
    if segments.plan_start is None or segments.sections_end is None or segments.plan_end is None:
        return None
    title_field = segments.plan_title
    period = period_in(title_field.value, spans, title_field.start, issued) if title_field else Period()
    if period.end_year is None:
        period = _period_in_preamble(text, segments, spans, issued) or period
    return build_plan(
        text,
        index,
        lines,
        segments.plan_start,
        segments.sections_end,
        segments.plan_end,
        _plan_title(segments, forms),
        period,
        spans,
        issued,
        segments.default_kind,
    )


def extract(
    text: str, metadata: dict[str, str] | None = None, *, ocr: bool = False
) -> tuple[Document, list[Citation], Plan | None, list[Agency], list[str]]:
    """Every fact of a normalized text: document, citations, plan, agencies and warnings.

    ``ocr``: the text, or part of it, was read by OCR, whose tones are not to be trusted in a
    name: a signer's family name is read as the one family name it can be.

    ``metadata`` is what the publishing site said of the document (its attribute box and
    caption): it fills a header field the text leaves empty, and a disagreement is a warning.
    """
    lines = split_lines(text)
    header = parse_header(text, lines)
    segments = find_segments(text, lines, header)
    forms = _Casing(text, tuple(f.value for f in (header.place,) if f is not None))
    index = AgencyIndex.of(text)
    document = _document(text, index, lines, header, segments, forms)
    filled = from_annex_note(document, text, lines, header.body_start) + with_site_metadata(document, metadata or {})
    if ocr:
        filled += _known_surnames(document)
    citations, spans = _citations(text, header, segments, document.number)
    issued = int(document.issued_date[:4]) if document.issued_date else None
    plan = _plan(text, index, lines, segments, forms, spans, issued)
    agencies = _agencies(index)
    if plan is not None:
        _use_leveled_names(plan, agencies)
    warnings = filled + citation_warnings(citations, document.issued_date)
    if document.number is None and (line := header.illegible_number) is not None:
        warnings.append(f"the number line {line.value!r} has digits that cannot be read (by hand?): number left null")
    if plan is None:
        warnings.append("the document carries no plan")
    else:
        warnings += indicator_warnings(plan.indicators) + period_warnings(plan.period)
    return document, citations, plan, agencies, warnings


def build_record(raw_text: str, source: Source, *, markdown: bool = False, with_text: bool = False) -> PlanRecord:
    """The plan record of a document, given its text as read from the file."""
    normalized = normalize(raw_text, markdown=markdown)
    text = normalized.text
    document, citations, plan, agencies, warnings = extract(text, normalized.metadata, ocr=source.ocr_pages > 0)
    if source.format in _PUBLISHED_FORMATS and normalized.dropped > _DROPPED_SHARE:
        warnings.insert(0, f"{normalized.dropped:.0%} of the letters read from the file were dropped as chrome")
    return PlanRecord(
        id=record_id(source.uri, text),
        source=source.model_copy(update={"metadata": normalized.metadata}) if normalized.metadata else source,
        document=document,
        citations=citations,
        plan=plan,
        agencies=agencies,
        warnings=warnings,
        extractor=Extractor(version=EXTRACTOR_VERSION),
        text=text if with_text else None,
    )
