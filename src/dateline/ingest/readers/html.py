"""HTML pages: trafilatura finds the article in the page, htmldate its publication date.

The same logic serves single ``.html`` files and the HTML responses inside WARC archives.
A truncated page still yields its paragraphs when trafilatura gives up; a page with no
article text at all is a clear EmptyInput, not a crash.
"""

from __future__ import annotations

import html as html_lib
import logging
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from dateline.errors import EmptyInput
from dateline.ingest.build import ARTICLE_KEYS, build_article
from dateline.ingest.clean import clean_text
from dateline.ingest.decode import decode_bytes, read_bytes
from dateline.ingest.meta import load_sidecar
from dateline.ingest.options import ReadOptions
from dateline.records import Article
from dateline.registry import readers

#: htmldate settings: the original (not last-modified) date, only from the page's markup and
#: URL (no extensive text scan), and a fixed upper bound so the result never depends on
#: the day the run happens.
DATE_PARAMS: dict[str, Any] = {
    "extensive_search": False,
    "original_date": True,
    "outputformat": "%Y-%m-%d",
    "max_date": "2099-12-31",
}
_PARAGRAPH_RE = re.compile(
    r"<(p|h[1-3]|li)\b[^>]*>(.*?)(?=</\1\s*>|<(?:p|h[1-3]|li)\b|\Z)", re.IGNORECASE | re.DOTALL
)
_TAG_RE = re.compile(r"<[^>]*>?")
_SCRIPT_RE = re.compile(r"<(script|style|noscript)\b.*?(?:</\1\s*>|\Z)", re.IGNORECASE | re.DOTALL)

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def fragment_text(markup: str) -> str:
    """Plain text of an HTML fragment, one line per block element (feeds, fallbacks)."""
    markup = _SCRIPT_RE.sub(" ", markup)
    markup = re.sub(r"(?i)<\s*(?:br|/p|/div|/li|/h\d|/blockquote|/tr)\b[^>]*>", "\n\n", markup)
    return html_lib.unescape(_TAG_RE.sub(" ", markup))


def _fallback_text(markup: str) -> str:
    """Paragraph text by a tolerant scan, for pages cut off before trafilatura can cope."""
    markup = _SCRIPT_RE.sub(" ", markup)
    paragraphs = [
        html_lib.unescape(_TAG_RE.sub(" ", m.group(2))).strip()
        for m in _PARAGRAPH_RE.finditer(markup)
    ]
    return "\n\n".join(p for p in paragraphs if p)


def _extract(markup: str, url: str | None) -> tuple[str, dict[str, Any]]:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=DATE_PARAMS,
        )
    except (ValueError, TypeError, AttributeError, AssertionError):
        doc = None  # trafilatura and lxml reject some broken pages outright
    if doc is None:
        return _fallback_text(markup), {}
    found = {k: getattr(doc, k, None) for k in ("title", "sitename", "url", "date")}
    # trafilatura separates paragraphs with one newline; make them real paragraph breaks.
    text = (getattr(doc, "text", None) or "").replace("\n", "\n\n")
    return text or _fallback_text(markup), found


def _merged(sidecar: Mapping[str, Any], extra: Mapping[str, Any] | None) -> dict[str, Any]:
    return {**{k: v for k, v in sidecar.items() if k not in ARTICLE_KEYS}, **(extra or {})}


def article_from_html(
    markup: str,
    *,
    source_path: str,
    options: ReadOptions,
    url: str | None = None,
    sidecar: Mapping[str, Any] | None = None,
    sidecar_name: str | None = None,
    metadata: Mapping[str, Any] | None = None,
) -> Article:
    """The article in an HTML page; ``metadata`` is added to what the sidecar gives."""
    text, found = _extract(markup, url)
    body = clean_text(text)
    if not body.strip():
        raise EmptyInput(source_path, "no article text found in the HTML (truncated or no article)")
    sidecar = sidecar or {}
    return build_article(
        body=body,
        title=sidecar.get("title") or found.get("title"),
        url=sidecar.get("url") or found.get("url") or url,
        outlet=sidecar.get("outlet") or found.get("sitename"),
        language=sidecar.get("language"),
        dates=(
            (sidecar.get("published"), f"sidecar {sidecar_name}"),
            (found.get("date"), "the page's markup (htmldate)"),
        ),
        metadata=_merged(sidecar, metadata),
        source_path=source_path,
        reader="html",
        options=options,
    )


@readers.register("html", extensions=(".html", ".htm", ".xhtml"))
def read(path: Path, options: ReadOptions) -> Iterator[Article]:
    """One article per page."""
    markup = decode_bytes(read_bytes(path, options.max_bytes), str(path))
    sidecar, sidecar_name = load_sidecar(path)
    yield article_from_html(
        markup, source_path=str(path), options=options, sidecar=sidecar, sidecar_name=sidecar_name
    )
