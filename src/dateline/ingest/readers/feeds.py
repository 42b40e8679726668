"""RSS and Atom files: one article per entry, read with feedparser (no network: bytes only).

The entry's full content is preferred over its summary; both are HTML fragments and are
reduced to paragraphs. The entry's published (else updated) date is its publication date.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from dateline.errors import BinaryInput, EmptyInput, InputError, MalformedInput
from dateline.ingest.build import build_article
from dateline.ingest.clean import clean_text
from dateline.ingest.decode import read_bytes
from dateline.ingest.options import ReadOptions, Skip
from dateline.ingest.readers.html import fragment_text
from dateline.records import Article
from dateline.registry import readers


def _entry_date(entry: Mapping[str, Any]) -> tuple[Any, str]:
    for key in ("published", "updated", "created"):
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday), f"the feed entry's {key}"
        if entry.get(key):
            return entry[key], f"the feed entry's {key}"
    return None, "the feed entry"


def _entry_body(entry: Mapping[str, Any]) -> str:
    contents = entry.get("content") or []
    values = [c.get("value", "") for c in contents if c.get("value")]
    markup = max(values, key=len) if values else entry.get("summary", "")
    return clean_text(fragment_text(markup or ""))


def _entry_article(
    entry: Mapping[str, Any], number: int, outlet: str | None, path: Path, options: ReadOptions
) -> Article:
    key = str(entry.get("id") or number)
    date, source = _entry_date(entry)
    return build_article(
        body=_entry_body(entry),
        title=entry.get("title"),
        url=entry.get("link"),
        outlet=outlet,
        dates=((date, source),),
        metadata={"row_id": key, "author": entry.get("author")}
        if entry.get("author")
        else {"row_id": key},
        source_path=f"{path}#{key}",
        reader="feeds",
        options=options,
    )


@readers.register("feeds", extensions=(".rss", ".atom", ".xml"))
def read(path: Path, options: ReadOptions) -> Iterator[Article | Skip]:
    """One article per feed entry."""
    import feedparser

    data = read_bytes(path, options.max_bytes)
    if b"\x00" in data[:8192]:
        raise BinaryInput(str(path), "contains NUL bytes: a binary file, not a feed")
    feed = feedparser.parse(io.BytesIO(data))
    entries = list(feed.get("entries") or [])
    if not entries:
        if feed.get("bozo"):
            problem = feed.get("bozo_exception")
            raise MalformedInput(str(path), f"not a readable RSS/Atom feed: {problem}")
        raise EmptyInput(str(path), "feed has no entries")
    outlet = (feed.get("feed") or {}).get("title")
    for number, entry in enumerate(entries, start=1):
        try:
            yield _entry_article(entry, number, outlet, path, options)
        except InputError as exc:
            yield Skip(exc.path, exc.reason, exc)
