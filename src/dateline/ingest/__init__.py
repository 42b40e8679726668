"""Ingest: files in, cleaned and dated Articles out (or a Skip saying which file and why).

Readers for text, HTML, CSV/TSV/JSON/JSONL, RSS/Atom and WARC register in
``dateline.registry.readers``; cleaning lives in :mod:`dateline.ingest.clean` and
publication dates in :mod:`dateline.ingest.pubdate`.
"""

from __future__ import annotations

from dateline.ingest.clean import clean_text
from dateline.ingest.files import expand_paths, iter_articles, read_file, read_text, reader_for
from dateline.ingest.options import ReadOptions, Skip

__all__ = [
    "ReadOptions",
    "Skip",
    "clean_text",
    "expand_paths",
    "iter_articles",
    "read_file",
    "read_text",
    "reader_for",
]
