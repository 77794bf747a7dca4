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
    format: Literal["html", "pdf", "docx", "doc", "txt"]
    sha256: str
    fetched_at: str | None = None
    portal: str | None = None
    digital_signatures: int = Field(
        default=0, description="digital signatures the file carries (a PDF signed by a signing service)"
    )
    ocr_pages: int = Field(default=0, description="pages whose text was read by OCR (a scan), not from the file's text")
    metadata: dict[str, str] = Field(
        default_factory=dict,
        description="what the publishing site says of the document (its attribute box, caption, URL), as printed",
    )


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
    signers: list[Signer] = Field(default_factory=list)
    recipients: list[str] = Field(default_factory=list)
    articles: list[Article] = Field(default_factory=list)
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
    children: list[Section] = Field(default_factory=list)


class Objectives(_Model):
    general: list[str] = Field(default_factory=list)
    specific: list[str] = Field(default_factory=list)


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
    section_path: list[str] = Field(default_factory=list)
    span: Span


class Schedule(_Model):
    start: str | None = None
    end: str | None = None
    text: str | None = None


class Activity(_Model):
    title: str
    section_path: list[str] = Field(default_factory=list)
    content: list[str] = Field(default_factory=list)
    lead: list[str] = Field(default_factory=list)
    partners: list[str] = Field(default_factory=list)
    funding: str | None = None
    schedule: Schedule | None = None
    span: Span


class Responsibility(_Model):
    agency: str
    role: Literal["lead", "partner", "implement"]
    tasks: list[str] = Field(default_factory=list)
    section_path: list[str] = Field(default_factory=list)
    span: Span


class Funding(_Model):
    sources: list[str] = Field(default_factory=list)
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
    period: Period = Field(default_factory=Period)
    sections: list[Section] = Field(default_factory=list)
    objectives: Objectives = Field(default_factory=Objectives)
    indicators: list[Indicator] = Field(default_factory=list)
    activities: list[Activity] = Field(default_factory=list)
    responsibilities: list[Responsibility] = Field(default_factory=list)
    funding: Funding = Field(default_factory=Funding)
    reporting: list[Reporting] = Field(default_factory=list)


class Agency(_Model):
    name: str
    aliases: list[str] = Field(default_factory=list)
    level: Level | None = None
    mentions: list[Span] = Field(default_factory=list)


class Extractor(_Model):
    name: str = "kehoach"
    version: str


class PlanRecord(_Model):
    id: str
    schema_version: Literal["1"] = "1"
    source: Source
    document: Document
    citations: list[Citation] = Field(default_factory=list)
    plan: Plan | None = None
    agencies: list[Agency] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    extractor: Extractor
    text: str | None = Field(None, description="the normalized text the spans point into (with --with-text)")
