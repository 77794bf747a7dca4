"""The front door: every form a text comes in becomes one clean sequence of logical lines.

Markdown of any converter, the cell-per-line form of legal-database pages, flattened crawler
text, plain text from HTML, PDF, OCR or DOCX: each is recognised by its content and read once
here, so no later step cleans text again.
"""
