"""DOCX (and legacy .doc through LibreOffice): paragraphs and tables in document order,
with Word's automatic list numbers written out as the reader sees them.

The XML is read directly, not through python-docx, to keep three guarantees: no part is
inflated past the size limit (ZIP bombs), no entity is ever resolved or DTD loaded (XXE),
and footnotes stay apart from the body (appended after it, never inside a sentence).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import zipfile
from io import BytesIO
from pathlib import Path

from lxml import etree

from flows.ingest.limits import Limits, megabytes
from flows.ingest.loaded import IngestError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False, remove_comments=True
)
_BREAKS = {f"{_W}br", f"{_W}cr"}
# What only the header and signature tables of the genre hold.
LAYOUT_CELL = re.compile(
    r"CỘNG HÒA XÃ HỘI|Độc lập - Tự do|Nơi nhận|^(?:TM|KT|Q|TL|TUQ)\.", re.IGNORECASE | re.MULTILINE
)
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = {f"{_W}delText", f"{_W}instrText", f"{_W}footnoteReference", f"{_W}endnoteReference", f"{_W}footnoteRef"}
_SOFFICE_SECONDS = 120
_BLANK_LINES = re.compile(r"\n\s*\n\s*\n+")


def read_docx(data: bytes, limits: Limits) -> tuple[str, list[str]]:
    """The text of a DOCX: body paragraphs and tables in order, then its footnotes."""
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except zipfile.BadZipFile as err:
        raise IngestError(f"broken DOCX ({err})") from err
    with archive:
        declared = sum(info.file_size for info in archive.infolist())
        if declared > limits.max_unzipped_bytes:
            raise IngestError(
                f"DOCX inflates to {megabytes(declared)}, past the limit of {megabytes(limits.max_unzipped_bytes)}"
                " (ZIP bomb?)"
            )
        warnings: list[str] = []
        body = _parse(archive, "word/document.xml", limits, warnings).find(f"{_W}body")
        if body is None:
            raise IngestError("DOCX without a document body")
        names = set(archive.namelist())
        numbering = _Numbering(
            _parse(archive, "word/numbering.xml", limits, warnings) if "word/numbering.xml" in names else None
        )
        lines = _blocks(body, numbering)
        if "word/footnotes.xml" in names:
            notes = _footnotes(_parse(archive, "word/footnotes.xml", limits, warnings), numbering)
            if notes:
                lines += ["", *notes]
    text = _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
    if not text:
        raise IngestError("DOCX without text")
    return text + "\n", warnings


def _parse(archive: zipfile.ZipFile, name: str, limits: Limits, warnings: list[str]) -> etree._Element:
    """One XML part, read with a cap on its inflated size and parsed without entities or DTDs."""
    try:
        with archive.open(name) as stream:
            xml = stream.read(limits.max_unzipped_bytes + 1)
    except KeyError as err:
        raise IngestError(f"DOCX without {name}") from err
    except (zipfile.BadZipFile, OSError, EOFError) as err:
        raise IngestError(f"broken DOCX part {name} ({err})") from err
    if len(xml) > limits.max_unzipped_bytes:
        raise IngestError(f"DOCX part {name} inflates past {megabytes(limits.max_unzipped_bytes)} (ZIP bomb?)")
    if b"<!DOCTYPE" in xml[:4096] or b"<!ENTITY" in xml[:4096]:
        warnings.append(f"DOCX part {name} declares a DTD or entities: ignored, never resolved")
    try:
        return etree.fromstring(xml, _PARSER)
    except etree.XMLSyntaxError as err:
        raise IngestError(f"broken XML in DOCX part {name} ({err})") from err


def _blocks(container: etree._Element, numbering: _Numbering) -> list[str]:
    """Paragraphs and tables of a body or a table cell, in order, a blank line after each paragraph
    (as in the clean text: the sections' headings are found at paragraph starts); content controls opened."""
    lines: list[str] = []
    for child in container:
        if child.tag == f"{_W}p":
            lines += [numbering.label(child) + _paragraph(child), ""]
        elif child.tag == f"{_W}tbl":
            lines.extend(_table(child, numbering))
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                lines.extend(_blocks(content, numbering))
    return lines


class _Numbering:
    """Word's automatic list numbers (numbering.xml), rendered as the text a reader sees: "1. ", "a) ", "- ".

    Each list (numId) counts its levels; a number at one level restarts the levels below it.
    """

    def __init__(self, root: etree._Element | None) -> None:
        self._levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self._counters: dict[str, list[int]] = {}
        if root is None:
            return
        abstract = {
            node.get(f"{_W}abstractNumId"): {
                int(level.get(f"{_W}ilvl", "0")): (
                    _val(level, "numFmt", "decimal"),
                    _val(level, "lvlText", ""),
                    int(_val(level, "start", "1")),
                )
                for level in node.findall(f"{_W}lvl")
            }
            for node in root.findall(f"{_W}abstractNum")
        }
        for num in root.findall(f"{_W}num"):
            levels = dict(abstract.get(_val(num, "abstractNumId", ""), {}))
            for override in num.findall(f"{_W}lvlOverride"):
                ilvl = int(override.get(f"{_W}ilvl", "0"))
                start = _val(override, "startOverride", "")
                if start.isdigit() and ilvl in levels:
                    levels[ilvl] = (*levels[ilvl][:2], int(start))
            self._levels[num.get(f"{_W}numId")] = levels

    def label(self, paragraph: etree._Element) -> str:
        """The number of a list paragraph followed by a space; "" for any other paragraph."""
        props = paragraph.find(f"{_W}pPr/{_W}numPr")
        if props is None:
            return ""
        num_id, ilvl = _val(props, "numId", "0"), int(_val(props, "ilvl", "0") or 0)
        levels = self._levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self._counters.setdefault(num_id, [levels[i][2] - 1 if i in levels else 0 for i in range(10)])
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = levels[deeper][2] - 1 if deeper in levels else 0
        fmt, text, _ = levels[ilvl]
        if fmt == "bullet":
            return "- "
        if fmt == "none":
            return ""
        for level in range(ilvl + 1):
            level_fmt = levels[level][0] if level in levels else "decimal"
            text = text.replace(f"%{level + 1}", _format_number(counters[level], level_fmt))
        return f"{text} " if text else ""


def _val(node: etree._Element, child: str, default: str) -> str:
    found = node.find(f"{_W}{child}")
    return found.get(f"{_W}val", default) if found is not None else default


def _format_number(number: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(number)
        return roman.lower() if fmt == "lowerRoman" else roman
    return str(number)


def _roman(number: int) -> str:
    out = ""
    for value, numeral in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        count, number = divmod(number, value)
        out += numeral * count
    return out


def _paragraph(paragraph: etree._Element) -> str:
    """A paragraph's text. A tab stays a tab: a header or signature laid out with tabs
    ("ỦY BAN NHÂN DÂN<tab><tab>CỘNG HÒA ...") is two columns, which the front door puts in order.
    A text box anchored in the paragraph ("DỰ THẢO" beside the number) is a line of its own
    before it, read once (Word stores it twice: the shape and a VML fallback)."""
    parts: list[str] = []
    boxes: list[str] = []

    def walk(node: etree._Element) -> None:
        for child in node:
            if child.tag in _SKIP or child.tag == _FALLBACK:
                continue
            if child.tag == f"{_W}txbxContent":
                boxes.extend(text for p in child.iter(f"{_W}p") if (text := _paragraph(p).strip()))
                continue
            if child.tag == f"{_W}t" and child.text:
                parts.append(child.text)
            elif child.tag == f"{_W}tab":
                parts.append("\t")
            elif child.tag in _BREAKS:
                parts.append("\n")
            walk(child)

    walk(paragraph)
    return "".join(f"{box}\n" for box in boxes) + "".join(parts)


def _table(table: etree._Element, numbering: _Numbering) -> list[str]:
    """A layout table (the header, the signature: two columns, or the quốc hiệu, Nơi nhận or an
    authority mark in a cell) column by column, left to right; any other as rows, a line
    each with its cells between " | " (the front door's form of a table): a cell spread over
    several columns is followed by empty ones, and a cell merged down from the row above holds
    that row's text, which is this row's too (a shared time or partner)."""
    rows: list[list[str]] = []
    above: dict[int, str] = {}
    for row in table.findall(f"{_W}tr"):
        cells: list[str] = []
        for cell in row.findall(f"{_W}tc"):
            props = cell.find(f"{_W}tcPr")
            span = props.find(f"{_W}gridSpan") if props is not None else None
            merge = props.find(f"{_W}vMerge") if props is not None else None
            text = "\n".join(line for line in _blocks(cell, numbering) if line.strip())
            if merge is not None and merge.get(f"{_W}val", "continue") == "continue":
                text = above.get(len(cells), "")
            else:
                above[len(cells)] = text
            cells += [text] + [""] * (int(span.get(f"{_W}val", "1")) - 1 if span is not None else 0)
        if any(cell.strip() for cell in cells):
            rows.append(cells)
    if all(len(row) <= 2 for row in rows) or any(LAYOUT_CELL.search(cell) for row in rows for cell in row):
        width = max(len(row) for row in rows)
        columns = [[row[k] for row in rows if k < len(row) and row[k].strip()] for k in range(width)]
        return [line for column in columns if column for line in ("", *column)] + [""]
    return ["", *(" | ".join(" ".join(c.replace("|", "/").split()) for c in row) for row in rows), ""]


def _footnotes(root: etree._Element, numbering: _Numbering) -> list[str]:
    """The footnotes' text (not Word's separators), one paragraph a line."""
    notes: list[str] = []
    for note in root.findall(f"{_W}footnote"):
        if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        notes.extend(line.strip() for line in _blocks(note, numbering) if line.strip())
    return notes


def read_doc(data: bytes, limits: Limits) -> tuple[str, list[str]]:
    """A Word 97-2003 .doc, converted to DOCX by LibreOffice when it is installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise IngestError("a Word 97-2003 .doc file: reading it needs LibreOffice (soffice), which is not installed")
    with tempfile.TemporaryDirectory(prefix="kehoach-doc-") as folder:
        source = Path(folder) / "document.doc"
        source.write_bytes(data)
        command = [
            soffice,
            f"-env:UserInstallation=file://{folder}/profile",
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            folder,
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=_SOFFICE_SECONDS, check=True)
        except (OSError, subprocess.SubprocessError) as err:
            raise IngestError(f"LibreOffice could not convert the .doc file ({err})") from err
        converted = source.with_suffix(".docx")
        if not converted.exists():
            raise IngestError("LibreOffice could not convert the .doc file (no output)")
        text, warnings = read_docx(converted.read_bytes(), limits)
    return text, ["converted from .doc by LibreOffice", *warnings]
