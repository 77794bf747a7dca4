"""The plan record and its parts.

Every fact that comes from the text carries a ``span``: ``[start, end]`` character
offsets into the record's normalized text, so that a reader can check it. A value the
text does not state is ``None`` or an empty list, never a guess.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Span = Annotated[tuple[int, int], Field(description="[start, end) offsets into the normalized text")]
Level = Literal["central", "ministry", "province", "district", "commune"]
SectionKind = Literal[
    "purpose",
    "objectives",
    "targets",
    "activities",
    "solutions",
    "funding",
    "implementation",
    "reporting",
    "other",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Model):
    uri: str
    format: Literal["html", "pdf", "docx", "txt"]
    sha256: str
    fetched_at: str | None = None
    portal: str | None = None


class Issuer(_Model):
    name: str
    level: Level | None = None
    province: str | None = None
    span: Span | None = None


class Signer(_Model):
    name: str
    title: str | None = None
    authority: str | None = None
    span: Span | None = None


class Article(_Model):
    """One "Điều" of a decision."""

    number: str
    text: str
    span: Span


class Document(_Model):
    number: str | None = None
    type: str | None = None
    issuer: Issuer | None = None
    place: str | None = None
    issued_date: str | None = None
    title: str | None = None
    signers: list[Signer] = []
    recipients: list[str] = []
    articles: list[Article] = []
    spans: dict[str, Span] = Field(default_factory=dict, description="span of each header field found")


class Citation(_Model):
    type: str | None = None
    number: str | None = None
    date: str | None = None
    issuer: str | None = None
    role: Literal["basis", "reference"] = "reference"
    title: str | None = None
    span: Span


class Period(_Model):
    start_year: int | None = None
    end_year: int | None = None
    span: Span | None = None


class Section(_Model):
    kind: SectionKind
    heading: str
    number: str | None = None
    text: str
    span: Span
    children: list[Section] = []


class Objectives(_Model):
    general: list[str] = []
    specific: list[str] = []


class Baseline(_Model):
    value: float | None = None
    year: int | None = None


class Indicator(_Model):
    text: str
    subject: str | None = None
    value: float
    value_max: float | None = None
    unit: str
    numerator: float | None = None
    denominator: float | None = None
    comparator: Literal["=", "<", "<=", ">", ">="] = "="
    direction: Literal["increase", "decrease", "maintain", "reach"] | None = None
    baseline: Baseline | None = None
    target_year: int | None = None
    section_path: list[str] = []
    span: Span


class Schedule(_Model):
    start: str | None = None
    end: str | None = None
    text: str | None = None


class Activity(_Model):
    title: str
    section_path: list[str] = []
    content: list[str] = []
    lead: list[str] = []
    partners: list[str] = []
    funding: str | None = None
    schedule: Schedule | None = None
    span: Span


class Responsibility(_Model):
    agency: str
    role: Literal["lead", "partner", "implement"]
    tasks: list[str] = []
    section_path: list[str] = []
    span: Span


class Funding(_Model):
    sources: list[str] = []
    text: str | None = None
    span: Span | None = None


class Reporting(_Model):
    what: str
    frequency: Literal["once", "monthly", "quarterly", "semiannual", "annual"] | None = None
    due: str | None = Field(None, description='ISO date, or "--MM-DD" when the text gives no year')
    to: str | None = None
    span: Span


class Plan(_Model):
    title: str | None = None
    period: Period = Period()
    sections: list[Section] = []
    objectives: Objectives = Objectives()
    indicators: list[Indicator] = []
    activities: list[Activity] = []
    responsibilities: list[Responsibility] = []
    funding: Funding = Funding()
    reporting: list[Reporting] = []


class Agency(_Model):
    name: str
    aliases: list[str] = []
    level: Level | None = None
    mentions: list[Span] = []


class Extractor(_Model):
    name: str = "kehoach"
    version: str


class PlanRecord(_Model):
    id: str
    schema_version: Literal["1"] = "1"
    source: Source
    document: Document
    citations: list[Citation] = []
    plan: Plan | None = None
    agencies: list[Agency] = []
    warnings: list[str] = []
    extractor: Extractor
    text: str | None = Field(None, description="the normalized text the spans point into (with --with-text)")
