"""Ingestion speed: PDF pages per second (bar: 20) and milliseconds per HTML page, on the seeds' forms.

Builds the seeds as PDF and portal HTML (tests/ingest/ingest_forms.py), reads each several
times, and prints a summary; the last line is a JSON object.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "ingest"))

import pypdfium2 as pdfium  # noqa: E402
from ingest_forms import build_html, build_pdf, split_document  # noqa: E402

from flows.ingest.html import read_html  # noqa: E402
from flows.ingest.limits import Limits  # noqa: E402
from flows.ingest.pdf import read_pdf  # noqa: E402

ROUNDS = 5


def main() -> None:
    seeds = sorted((ROOT / "corpus" / "seeds").glob("*.txt"))
    limits = Limits()
    with tempfile.TemporaryDirectory() as folder:
        pdfs, pages = [], 0
        htmls = []
        for seed in seeds:
            parts = split_document(seed.read_text(encoding="utf-8"))
            data = build_pdf(parts, Path(folder) / f"{seed.stem}.pdf").read_bytes()
            pdfs.append(data)
            pages += len(pdfium.PdfDocument(data))
            htmls.append(build_html(parts))
        start = time.perf_counter()
        for _ in range(ROUNDS):
            for data in pdfs:
                read_pdf(data, limits)
        pdf_seconds = time.perf_counter() - start
        start = time.perf_counter()
        for _ in range(ROUNDS):
            for data in htmls:
                read_html(data, limits)
        html_seconds = time.perf_counter() - start
    result = {
        "pdf_pages": pages,
        "pdf_pages_per_second": round(pages * ROUNDS / pdf_seconds, 1),
        "html_ms_per_page": round(1000 * html_seconds / (ROUNDS * len(htmls)), 2),
    }
    print(f"PDF: {pages} pages, {result['pdf_pages_per_second']} pages/s (bar: 20)")
    print(f"HTML: {result['html_ms_per_page']} ms a page")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
