"""DOCX (and legacy .doc through LibreOffice): paragraphs and tables in document order.

The XML is read directly, not through python-docx, to keep three guarantees: no part is
inflated past the size limit (ZIP bombs), no entity is ever resolved or DTD loaded (XXE),
and footnotes stay apart from the body (appended after it, never inside a sentence).
"""

from __future__ import annotations

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
_SKIP = {f"{_W}delText", f"{_W}instrText", f"{_W}footnoteReference", f"{_W}endnoteReference", f"{_W}footnoteRef"}
_SOFFICE_SECONDS = 120


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
        lines = _blocks(body)
        names = set(archive.namelist())
        if "word/footnotes.xml" in names:
            notes = _footnotes(_parse(archive, "word/footnotes.xml", limits, warnings))
            if notes:
                lines += ["", *notes]
    text = "\n".join(lines).strip()
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


def _blocks(container: etree._Element) -> list[str]:
    """Paragraphs and tables of a body or a table cell, in order; content controls opened."""
    lines: list[str] = []
    for child in container:
        if child.tag == f"{_W}p":
            lines.append(_paragraph(child))
        elif child.tag == f"{_W}tbl":
            lines.extend(_table(child))
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                lines.extend(_blocks(content))
    return lines


def _paragraph(paragraph: etree._Element) -> str:
    parts: list[str] = []
    for node in paragraph.iter():
        if node.tag in _SKIP:
            continue
        if node.tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{_W}tab":
            parts.append(" ")
        elif node.tag in _BREAKS:
            parts.append("\n")
    return "".join(parts)


def _table(table: etree._Element) -> list[str]:
    """A two-column layout table (header, signature) column by column; any other row by row."""
    rows = [
        ["\n".join(line for line in _blocks(cell) if line.strip()) for cell in row.findall(f"{_W}tc")]
        for row in table.findall(f"{_W}tr")
    ]
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if rows and all(len(row) <= 2 for row in rows) and any(len(row) == 2 for row in rows):
        cells = [row[0] for row in rows] + [""] + [row[1] for row in rows if len(row) == 2]
    else:
        cells = [cell for row in rows for cell in row]
    return ["", *cells, ""]


def _footnotes(root: etree._Element) -> list[str]:
    """The footnotes' text (not Word's separators), one paragraph a line."""
    notes: list[str] = []
    for note in root.findall(f"{_W}footnote"):
        if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        notes.extend(line.strip() for line in _blocks(note) if line.strip())
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
