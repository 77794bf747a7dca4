"""Real files as offices publish them: their header fields against the answers a reader took.

``corpus/published`` holds nine of the published files (copied from ``../shared/corpus/published``,
provenance in its SOURCES.md), each for a way of publishing the test must keep working:

- p02.pdf, p03.pdf: signed PDFs whose number and date exist only in signature widgets;
  p03's header table read as a whole left column before the quốc hiệu;
- p07.pdf, p08.pdf, p09.pdf: scans (OCR): handwritten numbers, a received stamp over the
  header, seals over the signer's name, the Nơi nhận column read across the signature, OCR's
  tones in the quốc hiệu and in a family name, a decision approving a plan published apart;
- p10.pdf: a phone scanner's text layer with a broken font map, which must be OCRed;
- p11.docx: a draft that leaves its number and day blank with spaces;
- p13.docx: a law ("Luật số: ...");
- p14.doc: a Word 97-2003 file, read through LibreOffice.

The answers and their scorer are vendored in ``tests/eval/published`` (copies of
``../shared/eval/published``, drift-checked). CI installs tesseract and LibreOffice: without them
the scan and the .doc fail here and say why, they are never skipped.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from scorer import load_script

from flows.extract import extract_file
from flows.ingest import load

ROOT = Path(__file__).resolve().parents[2]
PUBLISHED = ROOT / "corpus" / "published"
EVAL = ROOT / "tests" / "eval" / "published"
SHARED = ROOT.parent / "shared" / "eval" / "published"
FIELDS = ("number", "type", "issuer", "issued_date", "signer", "plan")


SCORER = load_script(EVAL / "score_published.py", "kehoach_score_published")
ANSWERS = json.loads((EVAL / "answers.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(p.name for p in PUBLISHED.iterdir() if p.name != "SOURCES.md"))
def test_published_file_gives_its_header(name: str) -> None:
    record = json.loads(extract_file(PUBLISHED / name).model_dump_json())
    answer = ANSWERS[name]
    got, want = SCORER.predicted(record), SCORER.expected(answer)
    wrong = {f: (want[f], got[f]) for f in FIELDS if not SCORER.is_right(f, want[f], got[f], answer)}
    assert wrong == {}, f"{name}: {wrong} (warnings: {record['warnings']})"
    assert record["source"]["format"] == answer["format"]


def test_a_broken_text_layer_is_read_by_ocr_with_a_warning() -> None:
    record = extract_file(PUBLISHED / "p10.pdf")
    assert any("broken text layer" in w and "text from OCR" in w for w in record.warnings)


def test_a_scan_says_what_ocr_read_and_what_it_could_not() -> None:
    record = extract_file(PUBLISHED / "p09.pdf")
    assert record.source.ocr_pages == 3
    assert any("'Trân Phước Hiền' (OCR): taken as 'Trần Phước Hiền'" in w for w in record.warnings)
    assert any("number line" in w and "cannot be read" in w for w in record.warnings)
    assert extract_file(PUBLISHED / "p11.docx").source.ocr_pages == 0


def test_vendored_published_answers_match_shared() -> None:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout; the vendored copies are the only ones")
    for name in ("answers.json", "score_published.py", "README.md"):
        assert (EVAL / name).read_bytes() == (SHARED / name).read_bytes(), name


def test_a_signed_pdf_says_so_on_the_record() -> None:
    assert extract_file(PUBLISHED / "p02.pdf").source.digital_signatures == 4
    assert extract_file(PUBLISHED / "p11.docx").source.digital_signatures == 0


@pytest.mark.parametrize("name", ["p02.pdf", "p03.pdf"])
def test_pdf_words_agree_with_a_second_reader(name: str) -> None:
    """The words the reader gives are the words pdfium's own text order gives, each once: no
    character doubled or split where two runs of the content meet."""
    ours = Counter(load(PUBLISHED / name).text.split())
    document = pdfium.PdfDocument(PUBLISHED / name)
    theirs: Counter[str] = Counter()
    for page in document:
        textpage = page.get_textpage()
        theirs.update(textpage.get_text_range(0, textpage.count_chars()).split())
    document.close()
    shared = sum((ours & theirs).values())
    assert shared >= 0.97 * sum(theirs.values()), f"{shared} of {sum(theirs.values())} words agree"
    assert shared >= 0.97 * sum(ours.values()), f"{shared} of {sum(ours.values())} words agree"
