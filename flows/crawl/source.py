"""Where a crawled document's text is: on its detail page, or only in the files attached to it.

Many portals publish a document as a PDF or DOCX under a page that says "Xem tệp đính kèm",
repeats the title, or is empty. Such a page is not the document: extracting it would give every
such document the same empty record. The rule, from what a page holds:

1. the page's text carries the quốc hiệu (the national motto every State document heads its
   header with, or the Party's): it is the document, read as it is, even when a file is attached
   too (a page's characters are exact, a PDF may be a scan that needs OCR);
2. otherwise, when files are attached, they are the document (the page is a note or a summary);
3. otherwise, a page of at least ``MIN_DOCUMENT_LETTERS`` letters is the document (a portal
   that prints the body without its header);
4. otherwise the page holds no document and there is nothing else: the document fails, named.
"""

from __future__ import annotations

from extractors.vocab import QUOC_HIEU

MIN_DOCUMENT_LETTERS = 500
"""Letters a page without the quốc hiệu needs to count as a document's text. A pointer to the
attachment ("Xem tệp đính kèm") has about 15, a trích yếu (the one-sentence summary a listing
shows) 50 to 250; the shortest real documents of the corpus, a one-page công văn, have well over
a thousand."""


class NoDocumentText(Exception):
    """A detail page that holds no document text and has no attachment to read instead."""


def letters(text: str | None) -> int:
    return sum(c.isalpha() for c in text or "")


def document_text(text: str | None, attachments: int) -> str | None:
    """The page's text when it is the document (rules 1 and 3), None when it is not."""
    if not text:
        return None
    if QUOC_HIEU.search(text):
        return text
    if not attachments and letters(text) >= MIN_DOCUMENT_LETTERS:
        return text
    return None


def check_has_source(text: str | None, attachments: int) -> None:
    """Raise ``NoDocumentText`` (rule 4) when the page is not the document and nothing is attached."""
    if attachments or document_text(text, attachments) is not None:
        return
    raise NoDocumentText(
        f"the detail page holds no document text ({letters(text)} letters, no quốc hiệu) and no attachment"
    )
