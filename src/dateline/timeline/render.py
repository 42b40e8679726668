"""Timelines as text, Markdown or one self-contained HTML page.

Every entry shows its evidence sentences and the reports behind it, so a reader can check
each line. All article text is escaped in HTML (it is untrusted input) and the page loads
nothing from outside: it can be mailed or archived as one file.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Literal

from dateline.records import DateInterval, SourceRef
from dateline.timeline.build import TimelineEntry

Format = Literal["text", "markdown", "html"]


def format_date(date: DateInterval) -> str:
    """'2022-01-05', '2022-01' for a month, or 'start – end' for a wider interval."""
    if not date.is_known:
        return "undated"
    assert date.start and date.end
    if date.start == date.end:
        return date.start.isoformat()
    if date.precision == "month":
        return date.start.strftime("%Y-%m")
    if date.precision == "year":
        return str(date.start.year)
    return f"{date.start.isoformat()} – {date.end.isoformat()}"


def _source_label(src: SourceRef) -> str:
    label = src.outlet or src.article_id
    return f"{label} {src.published}" if src.published else label


def _source_labels(sources: Sequence[SourceRef]) -> str:
    """ "Guardian 2018-01-25 (2)" rather than the same label twice for two reports."""
    counts: dict[str, int] = {}
    for s in sources:
        label = _source_label(s)
        counts[label] = counts.get(label, 0) + 1
    return "; ".join(label if n == 1 else f"{label} ({n})" for label, n in counts.items())


def render_text(entries: Sequence[TimelineEntry]) -> str:
    lines = []
    for e in entries:
        mark = " (background)" if e.background else ""
        lines.append(f"{format_date(e.date)}  {e.headline}{mark}  [{e.importance:.2f}]")
        lines.extend(f"    \u201c{s.text}\u201d ({s.article_id})" for s in e.sentences)
        lines.append("    sources: " + _source_labels(e.sources))
        lines.append("    events: " + ", ".join(e.event_ids))
    return "\n".join(lines) + ("\n" if lines else "")


def _md_escape(text: str) -> str:
    return "".join("\\" + ch if ch in "\\`*_[]<>#|" else ch for ch in text)


def render_markdown(entries: Sequence[TimelineEntry]) -> str:
    parts = []
    for e in entries:
        mark = " *(background)*" if e.background else ""
        block = [f"### {format_date(e.date)} — {_md_escape(e.headline)}{mark}", ""]
        quotes = [f"> {_md_escape(s.text)} ({_md_escape(s.article_id)})" for s in e.sentences]
        if quotes:  # a bare ">" line keeps two quotes from running into one paragraph
            block.append("\n>\n".join(quotes))
        if e.sentences:
            block.append("")
        srcs = []
        for s in e.sources:
            label = _md_escape(_source_label(s))
            srcs.append(f"[{label}]({s.url})" if s.url else label)
        block.append("Sources: " + "; ".join(srcs) + f" · importance {e.importance:.2f}")
        block.append(f"<!-- events: {' '.join(e.event_ids)} -->")
        parts.append("\n".join(block))
    return "\n\n".join(parts) + ("\n" if parts else "")


_CSS = """body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;color:#222}
ol{list-style:none;padding:0;border-left:3px solid #999}li{margin:0 0 1.2rem 1rem}
time{font-weight:bold}.bg{color:#666;font-style:italic}blockquote{margin:.3rem 0 .3rem 1rem;
color:#333}.src{font-size:.85em;color:#555}"""


def _html_entry(e: TimelineEntry) -> str:
    esc = html.escape
    start = e.date.start.isoformat() if e.date.start else ""
    cls = ' class="bg"' if e.background else ""
    quotes = "".join(
        f'<blockquote cite="{esc(s.article_id)}">{esc(s.text)}</blockquote>' for s in e.sentences
    )
    srcs = []
    for s in e.sources:
        label = esc(_source_label(s))
        url = s.url or ""
        ok = url.startswith(("http://", "https://"))  # never emit javascript: links
        srcs.append(f'<a href="{esc(url)}">{label}</a>' if ok else label)
    return (
        f'<li{cls} data-events="{esc(" ".join(e.event_ids))}"><time datetime="{start}">'
        f"{esc(format_date(e.date))}</time> {esc(e.headline)}"
        f"{' (background)' if e.background else ''}{quotes}"
        f'<div class="src">Sources: {"; ".join(srcs)} · importance {e.importance:.2f}'
        "</div></li>"
    )


def render_html(entries: Sequence[TimelineEntry], title: str = "dateline timeline") -> str:
    body = "\n".join(_html_entry(e) for e in entries)
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head>\n"
        f"<body><h1>{html.escape(title)}</h1>\n<ol>\n{body}\n</ol></body></html>\n"
    )


RENDERERS: dict[str, Callable[[Sequence[TimelineEntry]], str]] = {
    "text": render_text,
    "markdown": render_markdown,
    "html": render_html,
}


def render_timeline(entries: Sequence[TimelineEntry], fmt: Format = "text") -> str:
    """The timeline in ``fmt`` ("text", "markdown" or "html")."""
    try:
        return RENDERERS[fmt](entries)
    except KeyError:
        known = sorted(RENDERERS)
        raise ValueError(f"unknown timeline format {fmt!r}; use one of {known}") from None


__all__ = ["RENDERERS", "format_date", "render_timeline"]
