"""Plain text and Markdown: the first line is the title, the rest the report.

A file may open with front matter (``---`` / ``key: value`` / ``---``) and may have a sidecar
``.meta.json``/``.meta.yaml``; see :mod:`dateline.ingest.meta`. No HTML extraction runs here:
plain text is the cheap path, and most pasted or exported articles take it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from dateline.ingest.build import ARTICLE_KEYS, build_article
from dateline.ingest.clean import clean_text, is_boilerplate
from dateline.ingest.decode import decode_bytes, read_bytes
from dateline.ingest.meta import load_sidecar, split_front_matter
from dateline.ingest.options import ReadOptions
from dateline.records import Article
from dateline.registry import readers

#: A first line longer than this is a paragraph, not a headline: the file has no title.
_MAX_TITLE_CHARS = 300


def split_title(text: str) -> tuple[str | None, str]:
    """(title, rest): the first line with words that is not page furniture, and what follows."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        candidate = line.strip().lstrip("#").strip()
        if not candidate or is_boilerplate(candidate):
            continue
        rest = "\n".join(lines[i + 1 :])
        if len(candidate) > _MAX_TITLE_CHARS or not rest.strip() or _reads_as_prose(candidate):
            return None, "\n".join(lines[i:])
        return candidate, rest
    return None, ""


def _reads_as_prose(line: str) -> bool:
    """Headlines rarely end in a full stop after many words; a first paragraph does."""
    return line.endswith((".", '."', ".\u201d")) and len(line.split()) > 15


def article_from_text(
    raw: str,
    *,
    source_path: str,
    options: ReadOptions,
    sidecar: Mapping[str, Any] | None = None,
    sidecar_name: str | None = None,
) -> Article:
    """The Article in a decoded text file (front matter, title line, body)."""
    front, rest = split_front_matter(raw)
    sidecar = sidecar or {}
    meta = {**front, **sidecar}
    title = meta.get("title")
    if title:
        body_raw = rest
    else:
        title, body_raw = split_title(rest)
    return build_article(
        body=clean_text(body_raw),
        title=title,
        url=meta.get("url"),
        outlet=meta.get("outlet"),
        language=meta.get("language"),
        dates=(
            (sidecar.get("published"), f"sidecar {sidecar_name}"),
            (front.get("published"), "front matter"),
        ),
        metadata={k: v for k, v in meta.items() if k not in ARTICLE_KEYS},
        source_path=source_path,
        reader="text",
        options=options,
    )


@readers.register("text", extensions=(".txt", ".text", ".md", ".markdown"))
def read(path: Path, options: ReadOptions) -> Iterator[Article]:
    """One article per file."""
    raw = decode_bytes(read_bytes(path, options.max_bytes), str(path))
    sidecar, sidecar_name = load_sidecar(path)
    yield article_from_text(
        raw, source_path=str(path), options=options, sidecar=sidecar, sidecar_name=sidecar_name
    )
