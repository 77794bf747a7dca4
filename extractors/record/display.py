"""The review page of a record: its text with every fact drawn, the record beside it, linked both ways.

A person checks a record by reading what was extracted next to where it was read from. The page
shows the normalized text line by line with each kind of fact in its colour (``marks.py``) and,
beside it, the record itself: header, warnings, citations, the section tree, targets, activities,
duties, reporting dues, funding, articles and agencies. Every item of the record that carries a
span is a link to its marks, and a click on a mark finds its item. The page is one file with its
style and script inline (``page_assets.py``): it opens offline, from disk or as a mail attachment.

Every string on the page comes from the document, which is untrusted, and is escaped; the script
reads nothing but the page's own elements.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from extractors.record.marks import KIND, Marks, draw_text, kind_css, legend
from extractors.record.page_assets import SCRIPT, STYLE
from models import Activity, Agency, Citation, Indicator, PlanRecord, Responsibility, Section

# Header fields as the record names them, in the order a reader meets them.
_HEADER_FIELDS = {"type": "Type", "number": "Number", "place": "Place", "issued_date": "Issued", "title": "Title"}
_SHORT = 160
_PARTS = {
    "header": "Header",
    "warnings": "Warnings",
    "citations": "Citations",
    "sections": "Sections",
    "targets": "Targets",
    "activities": "Activities (tasks)",
    "duties": "Duties",
    "reporting": "Reporting dues",
    "funding": "Funding",
    "articles": "Articles",
    "agencies": "Agencies",
}


def _esc(value: object) -> str:
    return html.escape(str(value))


def _short(value: str, limit: int = _SHORT) -> str:
    """A long text cut at a word for a list, the whole of it being one click away in the text."""
    value = " ".join(value.split())
    if len(value) <= limit:
        return value
    return value[:limit].rsplit(" ", 1)[0] + " …"


class _Panel:
    """The record beside the text: each item with a span registered as a fact and linked to it."""

    def __init__(self, marks: Marks) -> None:
        self.marks = marks

    def item(self, kind: str, span: tuple[int, int] | None, label: str, body: str, names: tuple[str, ...] = ()) -> str:
        """``body`` (HTML) as a link to the fact's marks, or as plain text when the text holds no span.

        A span the text does not hold is a fault of the record, so it is said rather than hidden.
        """
        fact = self.marks.add(kind, span, f"{KIND[kind].name}: {_short(label, 100)}", names)
        if fact is None:
            why = "" if span is None else f' <span class="why">span {span[0]}–{span[1]} is outside the text</span>'
            return f'<span class="item none">{body}</span>{why}'
        return f'<a class="item" href="#f-{fact.id}" id="r-{fact.id}" data-f="{fact.id}">{body}</a>'

    def header(self, record: PlanRecord) -> str:
        doc = record.document
        rows: list[tuple[str, str]] = []
        extra = {key: key for key in doc.spans if key not in _HEADER_FIELDS}
        for key, name in {**_HEADER_FIELDS, **extra}.items():
            if key == "place" and doc.issuer is not None:
                where = ", ".join(_esc(v) for v in (doc.issuer.level, doc.issuer.province) if v)
                link = self.item("issuer", doc.issuer.span, doc.issuer.name, _esc(doc.issuer.name))
                rows.append(("Issuer", link + (f' <span class="sub">({where})</span>' if where else "")))
            span = doc.spans.get(key)
            value = getattr(doc, key, None)
            if value is None and span is not None and self.marks.fits(span):
                value = self.marks.text[span[0] : span[1]]
            if value is not None or span is not None:
                kind = "date" if key == "issued_date" else "header"
                rows.append((name, self.item(kind, span, f"{name}: {value}", _esc(value or "?"))))
        plan = record.plan
        if plan is not None and plan.title:
            rows.append(("Plan", _esc(plan.title)))
        if plan is not None and (plan.period.start_year or plan.period.end_year or plan.period.span):
            years = "–".join(str(y) for y in (plan.period.start_year, plan.period.end_year) if y) or "?"
            rows.append(("Period", self.item("date", plan.period.span, f"Period {years}", _esc(years))))
        for signer in doc.signers:
            sub = ", ".join(_esc(v) for v in (signer.authority, signer.title) if v)
            link = self.item("signer", signer.span, signer.name, _esc(signer.name))
            rows.append(("Signer", link + (f' <span class="sub">{sub}</span>' if sub else "")))
        if doc.recipients:
            rows.append(("Recipients", "<br>".join(_esc(r) for r in doc.recipients)))
        source = record.source
        notes = [source.format, f"{source.ocr_pages} OCR pages" if source.ocr_pages else ""]
        notes.append(f"{source.digital_signatures} digital signatures" if source.digital_signatures else "")
        rows.append(("Source", f"{_esc(source.uri)} <span class='sub'>{_esc(', '.join(n for n in notes if n))}</span>"))
        rows += [(f"site: {key}", _esc(value)) for key, value in source.metadata.items()]
        body = "".join(f"<dt>{_esc(name)}</dt><dd>{value}</dd>" for name, value in rows)
        return _block("header", None, len(doc.spans), f"<dl>{body}</dl>", open_=True)

    def citations(self, citations: list[Citation]) -> str:
        def one(c: Citation) -> str:
            # A law cited by its name has no number: its title names it.
            name = " ".join(v for v in (c.type, c.number) if v) if c.number else c.title or c.type or "?"
            sub = [c.date, c.issuer, c.title if name != c.title else None]
            return self.item("citation", c.span, name, _esc(name)) + _tag(c.role) + _sub(sub)

        return _block("citations", "citation", len(citations), _list(one(c) for c in citations))

    def sections(self, sections: list[Section]) -> str:
        def one(s: Section) -> str:
            item = self.item("section", s.span, s.heading, _esc(_short(s.heading, 110)), _section_head(s))
            return item + _tag(s.kind) + (tree(s.children) if s.children else "")

        def tree(nodes: list[Section]) -> str:
            return _list(one(s) for s in nodes)

        return _block("sections", "section", _count(sections), tree(sections))

    def indicators(self, indicators: list[Indicator]) -> str:
        def one(i: Indicator) -> str:
            upper = f"–{_number(i.value_max)}" if i.value_max is not None else ""
            value = f"{i.comparator} {_number(i.value)}{upper}"
            facts = [f"<b>{_esc(value)} {_esc(i.unit)}</b>", _esc(i.direction or "")]
            facts.append(f"by {i.target_year}" if i.target_year else None)
            if i.baseline is not None and i.baseline.value is not None:
                year = f" ({i.baseline.year})" if i.baseline.year else ""
                facts.append(f"from {_number(i.baseline.value)}{year}")
            body = _esc(_short(i.text))
            return self.item("indicator", i.span, f"{value} {i.unit}: {i.text}", body) + _sub(facts, raw=True)

        return _block("targets", "indicator", len(indicators), _list(one(i) for i in indicators))

    def activities(self, activities: list[Activity]) -> str:
        def one(a: Activity) -> str:
            when = None
            if a.schedule is not None:
                dates = "–".join(v for v in (a.schedule.start, a.schedule.end) if v)
                when = " ".join(v for v in (dates, a.schedule.text and f"({a.schedule.text})") if v)
            rows = {"lead": "; ".join(a.lead), "with": "; ".join(a.partners), "when": when, "funding": a.funding}
            # Lead, partners and schedule are shown even when empty: a task without them is a thing to check.
            body = "".join(
                f"<dt>{name}</dt><dd>{_esc(value) if value else '—'}</dd>"
                for name, value in rows.items()
                if value or name != "funding"
            )
            link = self.item("activity", a.span, a.title, _esc(_short(a.title)), (a.title,))
            return f'{link}<dl class="task">{body}</dl>'

        return _block("activities", "activity", len(activities), _list(one(a) for a in activities))

    def duties(self, duties: list[Responsibility], agencies: list[Agency]) -> str:
        aliases = {a.name: tuple(a.aliases) for a in agencies}

        def one(r: Responsibility) -> str:
            names = (r.agency, *aliases.get(r.agency, ()))
            tasks = "".join(f"<li>{_esc(_short(t))}</li>" for t in r.tasks)
            count = f"{len(r.tasks)} task" + ("s" if len(r.tasks) > 1 else "")
            more = f'<details><summary class="sub">{count}</summary><ul>{tasks}</ul></details>'
            link = self.item("duty", r.span, f"{r.agency} ({r.role})", _esc(r.agency), names)
            return link + _tag(r.role) + (more if r.tasks else "")

        return _block("duties", "duty", len(duties), _list(one(r) for r in duties))

    def reporting(self, record: PlanRecord) -> str:
        dues = record.plan.reporting if record.plan else []

        def one(what: str, span: tuple[int, int], facts: list[str | None]) -> str:
            return self.item("reporting", span, what, _esc(_short(what))) + _sub(facts)

        items = [one(r.what, r.span, [r.frequency, r.due and f"due {r.due}", r.to and f"to {r.to}"]) for r in dues]
        return _block("reporting", "reporting", len(dues), _list(items))

    def funding(self, record: PlanRecord) -> str:
        funding = record.plan.funding if record.plan else None
        if funding is None or not (funding.span or funding.sources or funding.text):
            return _block("funding", "funding", 0, "")
        body = _esc(_short(funding.text or "; ".join(funding.sources)))
        item = self.item("funding", funding.span, funding.text or "funding", body)
        return _block("funding", "funding", 1, _list([item + _sub(_short(s) for s in funding.sources)]))

    def articles(self, record: PlanRecord) -> str:
        arts = record.document.articles
        items = (
            self.item("article", a.span, f"Điều {a.number}", _esc(_short(a.text)), (f"Điều {a.number}",)) for a in arts
        )
        return _block("articles", "article", len(arts), _list(items))

    def agencies(self, agencies: list[Agency]) -> str:
        def one(a: Agency) -> str:
            links = "".join(self.item("agency", span, a.name, str(n)) for n, span in enumerate(a.mentions, start=1))
            sub = _sub([a.level, "also: " + "; ".join(a.aliases) if a.aliases else None])
            return f'{_esc(a.name)}{sub}<div class="mentions">{links}</div>'

        return _block("agencies", "agency", len(agencies), _list(one(a) for a in agencies))


def _number(value: float) -> str:
    """A value as a reader writes it: 1,000,000,000 rather than 1e+09, 1.36 rather than 1.3600000001."""
    return f"{int(value):,}" if value.is_integer() else f"{value:,.6g}"


def _section_head(section: Section) -> tuple[str, ...]:
    """What heads a section in the text: its heading when numbered; else the first word or the item's
    marker ("-"), since the heading of an unnumbered item is its first sentence cut short."""
    if section.number is not None:
        return (section.heading,)
    return tuple(section.heading.split()[:1])


def _count(sections: list[Section]) -> int:
    return sum(1 + _count(s.children) for s in sections)


def _tag(value: str) -> str:
    return f'<span class="tag">{_esc(value)}</span>'


def _sub(values: Iterable[str | None], raw: bool = False) -> str:
    """A line of small facts under an item; ``raw`` when they are HTML already."""
    shown = [v if raw else _esc(v) for v in values if v]
    return f'<div class="sub">{" · ".join(shown)}</div>' if shown else ""


def _list(items: Iterable[str]) -> str:
    body = "".join(f"<li>{item}</li>" for item in items)
    return f"<ul>{body}</ul>" if body else '<p class="nothing">none found</p>'


def _block(part: str, kind: str | None, n: int, body: str, open_: bool | None = None) -> str:
    """One part of the panel, folded away when it has nothing to show."""
    swatch = f'<span class="sw sw-{kind}"></span>' if kind else ""
    opened = " open" if (n > 0 if open_ is None else open_) else ""
    body = body or '<p class="nothing">none found</p>'
    summary = f'<summary>{swatch}{_esc(_PARTS[part])} <span class="n">{n}</span></summary>'
    return f'<details{opened} data-part="{part}">{summary}{body}</details>'


def _warnings(warnings: list[str]) -> str:
    body = "".join(f"<li>{_esc(w)}</li>" for w in warnings)
    return _block("warnings", None, len(warnings), f'<ul class="warn">{body}</ul>' if body else "")


def render_html(record: PlanRecord, text: str) -> str:
    """A standalone HTML page to check ``record`` against ``text``, the normalized text its spans point into."""
    marks = Marks(text)
    panel = _Panel(marks)
    plan = record.plan
    parts = [
        panel.header(record),
        _warnings(record.warnings),
        panel.citations(record.citations),
        panel.sections(plan.sections if plan else []),
        panel.indicators(plan.indicators if plan else []),
        panel.activities(plan.activities if plan else []),
        panel.duties(plan.responsibilities if plan else [], record.agencies),
        panel.reporting(record),
        panel.funding(record),
        panel.articles(record),
        panel.agencies(record.agencies),
    ]
    doc = record.document
    title = " ".join(v for v in (doc.type, doc.number) if v) or record.source.uri
    heading = _esc(title) + (f' <span class="sub">{_esc(_short(doc.title, 120))}</span>' if doc.title else "")
    lines = text.count("\n") + (not text.endswith("\n")) if text else 0
    meta = f"{record.id} · {record.source.uri} · {lines} lines · {len(marks.facts)} facts drawn"
    if plan is None:
        meta += " · no plan"
    return (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_esc(title)}</title><style>{STYLE}{kind_css()}</style></head><body>"
        f'<header class="top"><h1>{heading}</h1><div class="meta">{_esc(meta)}</div>'
        f'<nav class="legend" aria-label="legend">{legend(marks)}</nav></header>'
        f'<main><section id="text" aria-label="normalized text">{draw_text(text, marks.facts)}</section>'
        f'<aside id="record" aria-label="record">{"".join(parts)}</aside></main>'
        f'<div id="status"></div><script>{SCRIPT}</script></body></html>\n'
    )
