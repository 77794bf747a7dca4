"""Ingestion speed and memory: PDF pages per second (bar: 100), milliseconds per HTML page, on the
seeds' forms; pages per second of real published text PDFs and seconds per page of real scans
(OCR); and the peak memory of ``kehoach extract`` on a folder with a 120 MB HTML page (bar: 1.5 GB).

The published files are ``../shared/corpus/published`` when it is beside the checkout, else the
copies in ``corpus/published``: a PDF whose pages OCR read is a scan, timed by the page it OCRed
(read once: OCR is the whole cost); the others are read several times.

Builds the seeds as PDF and portal HTML (tests/ingest/ingest_forms.py), reads each several
times, then runs ``kehoach extract`` with the HTML cap raised (KEHOACH_MAX_HTML_MB=200,
KEHOACH_MAX_FILE_MB=200) on the seeds' PDFs, a few hostile files and a portal page whose body
is padded with paragraphs to 120 MB, sampling the resident memory of the command and its worker
together. Prints a summary; the last line is a JSON object. ``--no-memory`` skips the memory run.
"""

from __future__ import annotations

import json
import os
import subprocess
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
PUBLISHED = (ROOT.parent / "shared" / "corpus" / "published", ROOT / "corpus" / "published")
BIG_HTML_MB = 120
MEMORY_BAR_MB = 1536


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, in kB (from /proc)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
        stack.extend(int(child) for child in children)
    return total


def _big_page(parts, size: int) -> bytes:
    """A portal page of the document, its body padded with paragraphs to ``size`` bytes."""
    page = build_html(parts)
    filler = "<p>Tăng cường công tác truyền thông về bảo vệ, chăm sóc trẻ em tại cộng đồng.</p>".encode()
    head, tail = page.split(b'<div class="doc-body">', 1)
    return head + b'<div class="doc-body">' + filler * ((size - len(page)) // len(filler)) + tail


def measure_memory(folder: Path, seeds: list[Path]) -> dict:
    """Peak resident memory of ``kehoach extract`` (command and worker) on a folder with a 120 MB page."""
    batch = folder / "batch"
    batch.mkdir()
    for seed in seeds:
        build_pdf(split_document(seed.read_text(encoding="utf-8")), batch / f"{seed.stem}.pdf")
    (batch / "empty.txt").write_bytes(b"")
    (batch / "random.pdf").write_bytes(bytes(range(256)) * 10)
    (batch / "broken.docx").write_bytes(b"PK\x03\x04broken")
    parts = split_document(seeds[1].read_text(encoding="utf-8"))
    (batch / "big.html").write_bytes(_big_page(parts, BIG_HTML_MB * 1024 * 1024))
    env = {**os.environ, "KEHOACH_MAX_HTML_MB": "200", "KEHOACH_MAX_FILE_MB": "200"}
    command = [
        sys.executable,
        "-m",
        "flows.cli",
        "extract",
        "--no-progress",
        "-o",
        str(folder / "out.jsonl"),
        str(batch),
    ]
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss_kb(process.pid))
        time.sleep(0.02)
    errors = process.stderr.read() if process.stderr else ""
    records = (folder / "out.jsonl").read_text(encoding="utf-8").count("\n")
    return {
        "memory_peak_mb": round(peak / 1024),
        "memory_seconds": round(time.perf_counter() - start, 1),
        "memory_records": records,
        "memory_failures": [line for line in errors.splitlines() if line.strip()],
        "memory_exit": process.returncode,
    }


def measure_published(limits: Limits) -> dict:
    """Text PDFs' pages per second and scans' seconds per OCRed page, on real published files."""
    folder = next(f for f in PUBLISHED if f.is_dir())
    text_pages = text_seconds = ocr_pages = ocr_seconds = 0.0
    for path in sorted(folder.glob("*.pdf")):
        data = path.read_bytes()
        start = time.perf_counter()
        read = read_pdf(data, limits)
        seconds = time.perf_counter() - start
        if read.ocr_pages:
            ocr_pages, ocr_seconds = ocr_pages + read.ocr_pages, ocr_seconds + seconds
            continue
        start = time.perf_counter()
        for _ in range(ROUNDS):
            read_pdf(data, limits)
        text_seconds += time.perf_counter() - start
        text_pages += ROUNDS * len(pdfium.PdfDocument(data))
    return {
        "published_folder": str(folder.relative_to(ROOT.parent)),
        "published_text_pages": int(text_pages / ROUNDS),
        "published_text_pages_per_second": round(text_pages / text_seconds, 1) if text_seconds else None,
        "published_ocr_pages": int(ocr_pages),
        "published_ocr_seconds_per_page": round(ocr_seconds / ocr_pages, 2) if ocr_pages else None,
    }


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
        result |= measure_published(limits)
        if "--no-memory" not in sys.argv:
            result |= measure_memory(Path(folder), seeds)
    print(f"PDF (seeds' forms): {pages} pages, {result['pdf_pages_per_second']} pages/s (bar: 100)")
    print(
        f"PDF (published, {result['published_folder']}): {result['published_text_pages']} text-layer pages,"
        f" {result['published_text_pages_per_second']} pages/s; {result['published_ocr_pages']} scanned pages,"
        f" {result['published_ocr_seconds_per_page']} s a page (OCR)"
    )
    print(f"HTML: {result['html_ms_per_page']} ms a page")
    if "memory_peak_mb" in result:
        print(
            f"kehoach extract with a {BIG_HTML_MB} MB page: peak {result['memory_peak_mb']} MB (bar: {MEMORY_BAR_MB}),"
            f" {result['memory_seconds']} s, {result['memory_records']} records, exit {result['memory_exit']}"
        )
        print("\n".join(result["memory_failures"]))
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
