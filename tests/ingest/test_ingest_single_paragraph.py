"""Text piped to `dateline extract -` is often one paragraph with no headline."""

from __future__ import annotations

from dateline.ingest import ReadOptions, read_text

PARAGRAPH = (
    "BAGHDAD — Three rockets hit the Green Zone on Tuesday evening, police said. "
    "Nobody was hurt in the attack, which no group claimed."
)


def test_a_lone_paragraph_is_body_not_title():
    article = read_text(PARAGRAPH, options=ReadOptions(min_chars=1))
    assert article.title is None
    assert PARAGRAPH in article.text


def test_a_headline_line_is_still_the_title():
    article = read_text("Rockets hit Green Zone\n\n" + PARAGRAPH, options=ReadOptions(min_chars=1))
    assert article.title == "Rockets hit Green Zone"
    assert article.text.startswith("Rockets hit Green Zone\n\n")
