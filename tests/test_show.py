"""The review page (``kehoach show``): the text drawn whole, every span drawn and linked, nothing injected.

The page is read back with the standard library's HTML parser, as a browser builds its tree: the
text panel's characters, each fact's pieces put together, the panel's links and the legend.
"""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pydantic import BaseModel

from extractors.record.display import render_html
from extractors.record.marks import KINDS, Fact, draw_text
from flows.extract import extract_file
from models import PlanRecord

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus" / "seeds"
PLAN = SEEDS / "003_92b22a606fcc1c99.txt"  # a plan with every kind but articles
DECISION = SEEDS / "000_c9d837584bff20a9.txt"  # a decision: its articles
LONG = ROOT / "corpus" / "annotated" / "f004d93b21e7fc5f.md"  # 830 lines, 94 tasks in a table
VOID = {"meta", "br", "img", "input", "link", "hr"}


class Page(HTMLParser):
    """What a browser would hold of the page, as far as the tests need it."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.pieces: dict[str, list[str]] = {}
        self.kind_of: dict[str, str] = {}
        self.elements: Counter[str] = Counter()
        self.anchors: dict[str, str] = {}
        self.links: dict[str, list[tuple[str, str, str]]] = {}
        self.legend: dict[str, int] = {}
        self.tags: Counter[str] = Counter()
        self.references: list[str] = []
        self._link: tuple[str, str, list[str]] | None = None
        self._part = ""
        self._button: str | None = None
        self.feed(page)
        self.close()
        assert not self.stack, f"elements left open: {self.stack}"

    def _inside(self, tag: str, **attrs: str) -> bool:
        return any(t == tag and all(a.get(k) == v for k, v in attrs.items()) for t, a in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        self.tags[tag] += 1
        self.references += [v for k, v in found.items() if k in {"href", "src", "action", "srcset", "data"}]
        if tag == "mark":
            self.elements[found["data-f"]] += 1
            self.kind_of[found["data-f"]] = next(c[2:] for c in found["class"].split() if c.startswith("k-"))
            if "id" in found:
                assert found["id"] not in self.anchors, "an id given twice"
                self.anchors[found["id"]] = found["data-f"]
        if tag == "details" and "data-part" in found:
            self._part = found["data-part"]
        if tag == "a" and "data-f" in found:
            self._link = (found["href"], found["data-f"], [])
        if tag == "button" and "data-kind" in found:
            self._button = found["data-kind"]
        if tag not in VOID:
            self.stack.append((tag, found))

    def handle_endtag(self, tag: str) -> None:
        open_tag, _ = self.stack.pop()
        assert open_tag == tag, f"</{tag}> closes <{open_tag}>: marks must nest"
        if tag == "a" and self._link is not None:
            href, fact, words = self._link
            self.links.setdefault(self._part, []).append((href, fact, "".join(words)))
            self._link = None

    def handle_data(self, data: str) -> None:
        if self._inside("section", id="text"):
            self.text.append(data)
            for tag, attrs in self.stack:
                if tag == "mark":
                    self.pieces.setdefault(attrs["data-f"], []).append(data)
        if self._link is not None:
            self._link[2].append(data)
        if self._button is not None and self.stack[-1][0] == "b":
            self.legend[self._button] = int(data)
            self._button = None

    def fact_text(self, fact: str) -> str:
        return "".join(self.pieces[fact])


def _spans(model: BaseModel) -> list[tuple[int, int]]:
    """Every span a record carries, wherever the models put one: read from the models, not the page."""
    found: list[tuple[int, int]] = []
    for name in type(model).model_fields:
        value = getattr(model, name)
        if name == "span" and value is not None:
            found.append(value)
        elif name == "spans":
            found += value.values()
        elif name == "mentions":
            found += value
        else:
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, BaseModel):
                    found += _spans(item)
    return found


@pytest.fixture(scope="module")
def plan() -> tuple[PlanRecord, str, Page]:
    record = extract_file(PLAN, with_text=True)
    text = record.text or ""
    return record, text, Page(render_html(record, text))


def test_the_page_text_is_the_normalized_text(plan: tuple[PlanRecord, str, Page]) -> None:
    _, text, page = plan
    assert "".join(page.text) == text
    assert page.tags["div"] >= text.count("\n")  # a line a div, not one paragraph


def test_the_page_stands_alone(plan: tuple[PlanRecord, str, Page]) -> None:
    _, _, page = plan
    assert page.tags["style"] == 1 and page.tags["script"] == 1 and page.tags["link"] == 0
    assert page.references and all(ref.startswith("#") for ref in page.references)


def test_every_span_of_the_record_is_drawn_once_with_its_text(plan: tuple[PlanRecord, str, Page]) -> None:
    record, text, page = plan
    wanted = Counter(text[start:end] for start, end in _spans(record))
    drawn = Counter(page.fact_text(fact) for fact in page.pieces)
    assert drawn == wanted
    assert sum(wanted.values()) == len(page.pieces) > 150


def test_each_panel_link_goes_to_a_mark_holding_its_span(plan: tuple[PlanRecord, str, Page]) -> None:
    record, text, page = plan
    assert record.plan is not None
    links = [link for part in page.links.values() for link in part]
    assert len(links) == len(_spans(record))
    for href, fact, _ in links:
        assert href == f"#f-{fact}" and page.anchors[f"f-{fact}"] == fact
    expected = {
        "citations": [c.span for c in record.citations],
        "targets": [i.span for i in record.plan.indicators],
        "activities": [a.span for a in record.plan.activities],
        "duties": [r.span for r in record.plan.responsibilities],
        "reporting": [r.span for r in record.plan.reporting],
        "agencies": [span for a in record.agencies for span in a.mentions],
    }
    for part, spans in expected.items():
        assert [page.fact_text(fact) for _, fact, _ in page.links[part]] == [text[s:e] for s, e in spans], part
    titles = [words for _, _, words in page.links["activities"]]
    assert titles[0] == "Hoạt động truyền thông"
    for words, activity in zip(titles, record.plan.activities, strict=True):
        assert words == activity.title or activity.title.startswith(words.removesuffix(" …"))
    header = {words: page.fact_text(fact) for _, fact, words in page.links["header"]}
    assert header["60/KH-UBND"] == "60/KH-UBND"
    assert header["Ủy ban nhân dân tỉnh Lào Cai"] == "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI"
    assert header["2024-01-30"] == "Lào Cai, ngày 30 tháng 01 năm 2024"
    assert header["Giàng Thị Dung"] == "Giàng Thị Dung"
    sections = [page.fact_text(fact) for _, fact, _ in page.links["sections"]]
    assert sections[0].startswith("I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích") and sections[1].startswith("1. Mục đích")


def test_the_legend_counts_what_is_drawn_of_each_kind(plan: tuple[PlanRecord, str, Page]) -> None:
    record, _, page = plan
    drawn = Counter(page.kind_of.values())
    assert set(page.legend) == {kind.key for kind in KINDS}
    assert {kind: n for kind, n in page.legend.items() if n} == dict(drawn)
    assert set(drawn) == {kind.key for kind in KINDS} - {"article"}
    assert record.plan is not None
    assert drawn["activity"] == len(record.plan.activities) > 0
    assert drawn["duty"] == len(record.plan.responsibilities)
    assert drawn["date"] == 2 and drawn["signer"] == 1 and drawn["issuer"] == 1 and drawn["header"] == 4
    decision = extract_file(DECISION, with_text=True)
    legend = Page(render_html(decision, decision.text or "")).legend
    assert legend["article"] == len(decision.document.articles) > 0


def test_the_text_of_a_document_is_escaped(tmp_path: Path) -> None:
    hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)> "quoted" \'single\''
    source = PLAN.read_text(encoding="utf-8").replace(
        "TRIỂN KHAI THỰC HIỆN CÔNG TÁC", f"TRIỂN KHAI {hostile} THỰC HIỆN CÔNG TÁC"
    )
    path = tmp_path / "hostile.txt"
    path.write_text(source.replace("Sở Y tế:", f"Sở Y tế: {hostile}"), encoding="utf-8")
    record = extract_file(path, with_text=True)
    text = record.text or ""
    assert hostile in text and record.document.title and "<script>" in record.document.title
    html = render_html(record, text)
    page = Page(html)
    assert page.tags["script"] == 1 and page.tags["img"] == 0
    assert "".join(page.text) == text
    assert html.count("&lt;script&gt;") >= 3  # the text, the title's mark label, the panel


def test_a_long_document_is_drawn_as_lines() -> None:
    record = extract_file(LONG, with_text=True)
    text = record.text or ""
    assert text.count("\n") > 800
    page = Page(render_html(record, text))
    assert "".join(page.text) == text
    assert Counter(page.fact_text(fact) for fact in page.pieces) == Counter(text[s:e] for s, e in _spans(record))


def test_crossing_and_nested_spans_are_cut_into_pieces_that_nest() -> None:
    text = "alpha beta\ngamma delta\nepsi\rlon <&>"
    facts = [
        Fact(0, "section", 0, 23, 5, "a block over two lines, headed by its first word"),
        Fact(1, "agency", 6, 17, 17, "crosses a line"),
        Fact(2, "indicator", 12, 23, 23, "crosses the agency's end"),
        Fact(3, "date", 12, 17, 17, "inside both"),
        Fact(4, "citation", 24, 35, 35, "the last line, with no newline"),
    ]
    page = Page(f'<section id="text">{draw_text(text, facts)}</section>')
    assert "".join(page.text) == text
    for fact in facts:
        assert page.fact_text(str(fact.id)) == text[fact.start : fact.end]
    assert page.tags["div"] == 3
    # the block: head, then a piece a line; the agency cut at the line, the target where the agency ends
    assert page.elements == {"0": 3, "1": 2, "2": 2, "3": 1, "4": 1}
    assert page.anchors == {f"f-{fact.id}": str(fact.id) for fact in facts}
