"""Rendering timelines: HTML escapes article text, every format names its sources."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.records import SourceRef
from dateline.timeline import build_timeline, render_timeline
from tests.timeline.helpers import event

EVIL = 'He shouted "<script>alert(1)</script>" & ran.'


@pytest.fixture
def entries():
    evs = [
        event("ev_1", dt.date(2022, 1, 5), text=EVIL, dead=3),
        event("ev_2", dt.date(2021, 3, 1), background=True, sources=("a2",)),
    ]
    return build_timeline(evs)


def test_html_is_self_contained_and_escaped(entries):
    page = render_timeline(entries, "html")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&amp; ran." in page
    assert "http" not in page.replace('href=""', "")  # nothing loaded from outside
    assert page.index("2021-03-01") < page.index("2022-01-05")


def test_html_links_only_web_urls(entries):
    bad = entries[0].__class__(
        **{
            **entries[0].__dict__,
            "sources": (
                SourceRef("a1", "x", "javascript:alert(1)"),
                SourceRef("a3", "y", "https://e.org/a?b=1&c=2"),
            ),
        }
    )
    page = render_timeline([bad], "html")
    assert "javascript:" not in page
    assert 'href="https://e.org/a?b=1&amp;c=2"' in page


def test_text_and_markdown_show_sentences_sources_and_background(entries):
    text = render_timeline(entries, "text")
    assert "2021-03-01" in text and "(background)" in text and EVIL in text
    assert "outlet-a1 2022-01-05" in text
    md = render_timeline(entries, "markdown")
    assert "### 2022-01-05 — Remote explosive/landmine/IED in Kirkuk, 3 killed" in md
    assert "\\<script\\>" in md


def test_unknown_format_is_an_error(entries):
    with pytest.raises(ValueError, match="unknown timeline format"):
        render_timeline(entries, "pdf")  # type: ignore[arg-type]
