"""Pydantic v2 models of the kehoach plan record (see ../shared/spec/plan-record.md).

The field names of the spec are a contract with other systems: never rename or drop one.
"""

from models.record import (
    Activity,
    Agency,
    Article,
    Baseline,
    Citation,
    Document,
    Extractor,
    Funding,
    Indicator,
    Issuer,
    Objectives,
    Period,
    Plan,
    PlanRecord,
    Reporting,
    Responsibility,
    Schedule,
    Section,
    Signer,
    Source,
)

__all__ = [
    "Activity",
    "Agency",
    "Article",
    "Baseline",
    "Citation",
    "Document",
    "Extractor",
    "Funding",
    "Indicator",
    "Issuer",
    "Objectives",
    "Period",
    "Plan",
    "PlanRecord",
    "Reporting",
    "Responsibility",
    "Schedule",
    "Section",
    "Signer",
    "Source",
]
