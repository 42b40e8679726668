"""Every record extracted from the demo corpus carries valid evidence for every field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dateline.extract import extract_article
from dateline.records import Article, DateInterval

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"
pytestmark = pytest.mark.slow


def _load(path: Path) -> Article:
    """Front matter + body, read minimally so this test does not depend on the ingest stage."""
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    meta = dict(line.split(": ", 1) for line in front.strip().splitlines() if ": " in line)
    published = DateInterval.unknown()
    if "published" in meta:
        published = DateInterval.day(dt.date.fromisoformat(meta["published"][:10]), "front matter")
    return Article(Article.make_id(body), body, title=meta.get("title"), published=published)


def test_every_demo_record_has_exact_evidence(nlp) -> None:
    paths = sorted(DEMO.glob("*.txt"))
    if not paths:
        pytest.skip("examples/demo is empty")
    total = 0
    for path in paths:
        article = _load(path)
        mentions = extract_article(article, nlp(article.text))
        assert extract_article(article, nlp(article.text)) == mentions  # deterministic
        for m in mentions:
            total += 1
            fields = {e.field for e in m.evidence}
            assert "event" in fields, (path.name, m.sub_event_type)
            assert all(e.is_valid_for(article.text) for e in m.evidence), path.name
            if m.date.precision != "unknown" and "no date expression" not in m.date.reason:
                assert "date" in fields, (path.name, m.date)
            for field in ("fatalities", "injured"):
                if getattr(m, field) is not None:
                    assert field in fields, (path.name, field)
    assert total > 0
