"""Bytes → text: read one file of any supported form and give its text for extraction.

``load`` is the one entry point; each format has its own module.
"""

from flows.ingest.load import SUFFIXES, load
from flows.ingest.loaded import IngestError, LoadedDocument

__all__ = ["SUFFIXES", "IngestError", "LoadedDocument", "load"]
