"""Session fixtures: every seed built once in every published form, in a temporary folder."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest
from ingest_forms import build_docx, build_html, build_pdf, encode_cp1258, encode_legacy, split_document

SEEDS = sorted((Path(__file__).resolve().parents[2] / "corpus" / "seeds").glob("*.txt"))
FORMS = (
    "pdf",
    "docx",
    "html",
    "html-1258",
    "nfd",
    "cp1258",
    "utf16",
    "tcvn3",
    "vni",
    "tcvn3-in-utf8",
)


def _write(form: str, seed: Path, folder: Path) -> Path:
    raw = seed.read_text(encoding="utf-8")
    parts = split_document(raw)
    stem = seed.stem
    if form == "pdf":
        return build_pdf(parts, folder / f"{stem}.pdf")
    if form == "docx":
        return build_docx(parts, folder / f"{stem}.docx")
    if form == "html":
        path = folder / f"{stem}.html"
        path.write_bytes(build_html(parts))
        return path
    if form == "html-1258":
        path = folder / f"{stem}.htm"
        path.write_bytes(build_html(parts, "windows-1258"))
        return path
    path = folder / f"{stem}.txt"
    if form == "nfd":
        path.write_bytes(unicodedata.normalize("NFD", raw).encode("utf-8"))
    elif form == "cp1258":
        path.write_bytes(encode_cp1258(raw))
    elif form == "utf16":
        path.write_bytes(codecs.BOM_UTF16_LE + raw.encode("utf-16-le"))
    elif form in ("tcvn3", "vni"):
        path.write_bytes(encode_legacy(raw, form))
    elif form == "tcvn3-in-utf8":
        path.write_bytes(encode_legacy(raw, "tcvn3").decode("cp1252", errors="replace").encode("utf-8"))
    return path


@pytest.fixture(scope="session")
def form_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """Each form → the seeds written in it, one folder per form so that file stems stay the seeds'."""
    root = tmp_path_factory.mktemp("forms")
    built: dict[str, list[Path]] = {}
    for form in FORMS:
        folder = root / form
        folder.mkdir()
        built[form] = [_write(form, seed, folder) for seed in SEEDS]
    return built
