"""Reading sources into Documents: text normalisation and page layout."""

from kg.ingest.layout import analyze_layout
from kg.ingest.text import MAX_BYTES, read_path, read_text

__all__ = ["MAX_BYTES", "analyze_layout", "read_path", "read_text"]
