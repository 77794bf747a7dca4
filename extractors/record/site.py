"""Header fields the text leaves empty, filled from what else names the document, with warnings.

Two sources besides the header: the document's own annex note ("(Kèm theo Công văn số
5435/CT-NVT ngày 21/11/2025 của Cục Thuế)"), which is the document's text and carries spans;
and the publishing site's metadata (its attribute box and caption), which is not the text:
it fills a field only when the text gives none, and a field both give differently is a
warning, never a silent choice.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from extractors.facts.agencies import canonical_agency
from extractors.facts.citations import iter_citations, normalize_doc_number
from extractors.structure.header import ANNEX_NOTE
from extractors.text.lines import Line
from models import Document, Issuer, Signer

_SITE_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
# The site names the issuer by its place ("Tỉnh Lâm Đồng") or by its head ("Bộ trưởng Bộ Quốc phòng").
_SITE_PLACE = re.compile(r"^(?:Tỉnh|Thành phố|TP\.?)\s+", re.IGNORECASE)


def _fold(value: str | None) -> str:
    return re.sub(r"[\s.\-–]+", "", unicodedata.normalize("NFC", value or "").casefold())


def _iso(value: str | None) -> str | None:
    m = _SITE_DATE.match((value or "").strip())
    if not m:
        return None
    day, month, year = (int(g) for g in m.groups())
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def from_annex_note(document: Document, text: str, lines: list[Line], body_start: int) -> list[str]:
    """A document whose header lost its number names itself in its annex note: number, type,
    date and issuer are read there, with their spans."""
    if document.number is not None:
        return []
    for line in lines:
        if line.start < body_start or not ANNEX_NOTE.match(line.text.strip(" (")):
            continue
        for cited in iter_citations(text, line.start, line.end):
            if not cited.number or cited.number_start is None or cited.number_end is None:
                continue
            document.number = cited.number
            document.spans["number"] = (cited.number_start, cited.number_end)
            filled = ["number"]
            if document.type is None and cited.type:
                document.type = cited.type
                filled.append("type")
            if document.issued_date is None and cited.date:
                document.issued_date = cited.date
                filled.append("issued date")
            if document.issuer is None and cited.issuer and (known := canonical_agency(cited.issuer)):
                document.issuer = Issuer(name=known.name, level=known.level)
                filled.append("issuer")
            return [f"the header gives no number: {', '.join(filled)} read from the annex note ({line.text.strip()})"]
    return []


def with_site_metadata(document: Document, metadata: dict[str, str]) -> list[str]:
    """Fields the text leaves empty filled from the site's metadata; disagreements as warnings."""
    warnings: list[str] = []

    def check(field: str, ours: str | None, theirs: str | None, same: bool) -> bool:
        """Whether the site's value should fill the field (the text gives none)."""
        if not theirs:
            return False
        if ours is None:
            warnings.append(f"{field} {theirs!r} from the site's metadata: the text gives none")
            return True
        if not same:
            warnings.append(f"the site's metadata gives {field} {theirs!r}, the text {ours!r}")
        return False

    number = metadata.get("number") or metadata.get("caption_number")
    number = normalize_doc_number(number) if number else None
    if check("number", document.number, number, _fold(document.number) == _fold(number)):
        document.number = number
    kind = metadata.get("type") or metadata.get("caption_type")
    if check("type", document.type, kind, _fold(document.type) == _fold(kind)):
        document.type = kind
    issued = _iso(metadata.get("issued_date")) or _iso(metadata.get("caption_date"))
    if check("issued date", document.issued_date, issued, document.issued_date == issued):
        document.issued_date = issued
    signer = metadata.get("signer")
    ours = document.signers[0].name if document.signers else None
    if check("signer", ours, signer, _fold(ours) == _fold(signer)):
        document.signers.insert(0, Signer(name=signer))
    issuer = metadata.get("issuer") or metadata.get("caption_issuer")
    if issuer:
        known = canonical_agency(issuer)
        place = _fold(_SITE_PLACE.sub("", issuer))
        name = document.issuer.name if document.issuer else None
        same = bool(name) and (place in _fold(name) or (known is not None and _fold(known.name) == _fold(name)))
        if name is None and known is None:
            warnings.append(f"the site's metadata names the issuer {issuer!r}; the text gives none")
        elif check("issuer", name, issuer, same) and known is not None:
            document.issuer = Issuer(name=known.name, level=known.level)
    return warnings
