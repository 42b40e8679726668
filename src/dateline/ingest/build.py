"""Assembling an Article from what a reader found: one place for the rules all readers share.

Every reader hands over a title, a cleaned body and metadata; this module lays out the stored
text (title, blank line, body: evidence offsets refer to it and the title counts as
evidence), applies the length and language checks, resolves the publication date and derives
the content id. Readers therefore differ only in how they find those parts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from dateline.errors import EmptyInput, NotEnglish
from dateline.ingest.decode import check_english, looks_english
from dateline.ingest.options import ReadOptions
from dateline.ingest.pubdate import resolve_published
from dateline.records import Article

#: Metadata keys that are Article fields, not free metadata.
ARTICLE_KEYS = ("title", "outlet", "published", "url", "language")
_ENGLISH = ("en", "eng", "english")


def plain(value: Any) -> Any:
    """Metadata values as JSON-friendly scalars and lists (YAML gives dates and such)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _text_or_none(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _language(declared: str | None, text: str, options: ReadOptions) -> str | None:
    if declared:
        return "en" if declared.lower() in _ENGLISH else declared
    if options.require_english:
        return "en"  # checked above
    return "en" if looks_english(text) else None


def build_article(
    *,
    body: str,
    source_path: str,
    reader: str,
    options: ReadOptions,
    title: Any = None,
    url: Any = None,
    outlet: Any = None,
    language: Any = None,
    dates: tuple[tuple[Any, str], ...] = (),
    metadata: Mapping[str, Any] | None = None,
) -> Article:
    """The Article for a cleaned ``body``, or raise EmptyInput/NotEnglish naming ``source_path``.

    ``dates`` are the reader's publication-date candidates, best first; the ``--published``
    flag (``options.published``) is put before them.
    """
    title_text = _text_or_none(title)
    body = body.strip()
    if title_text and body.startswith(title_text):
        body = body[len(title_text) :].lstrip()
    text = f"{title_text}\n\n{body}" if title_text and body else (body or title_text or "")
    if len(text) < max(options.min_chars, 1):
        reason = "no text" if not text else f"only {len(text)} characters of text"
        raise EmptyInput(source_path, f"{reason} (min_chars={options.min_chars})")
    lang = _text_or_none(language)
    if lang and lang.lower() not in _ENGLISH and options.require_english:
        raise NotEnglish(source_path, f"metadata says language {lang!r}")
    if options.require_english and not lang:
        check_english(text, source_path)
    candidates = ((options.published, "--published"), *dates)
    url_text = _text_or_none(url)
    meta = {str(k): plain(v) for k, v in (metadata or {}).items()}
    return Article(
        article_id=Article.make_id(text, url_text),
        text=text,
        title=title_text,
        url=url_text,
        outlet=_text_or_none(outlet) or _text_or_none(options.outlet),
        published=resolve_published(candidates, body),
        source_path=source_path,
        reader=reader,
        language=_language(lang, text, options),
        metadata=meta,
    )
