"""Small realistic records for tests that need an article or event without running NLP."""

from __future__ import annotations

import datetime as dt

from dateline.records import Article, Count, DateInterval, Event, Evidence, Mention, Place

TEXT = "Rockets hit Ain al-Asad\n\nThree rockets struck the Ain al-Asad air base on Tuesday."


def make_article(text: str = TEXT, outlet: str = "Al-Rafidain Wire") -> Article:
    return Article(
        article_id=Article.make_id(text),
        text=text,
        title=text.split("\n")[0],
        outlet=outlet,
        published=DateInterval.day(dt.date(2022, 1, 5), "front matter"),
    )


def make_event(article: Article, start: int = 25) -> Event:
    mention = Mention(
        mention_id=Mention.make_id(article.article_id, "Shelling/artillery/missile attack", start),
        article_id=article.article_id,
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        date=DateInterval.day(dt.date(2022, 1, 4), "'on Tuesday' anchored to 2022-01-05"),
        location=Place("Ain al-Asad air base", "IQ", "Anbar", 33.8, 42.44, 1),
        fatalities=Count(0, 0),
        evidence=(
            Evidence.from_span(article.article_id, "event", article.text, start, len(article.text)),
        ),
    )
    return Event.from_mention(mention, article.source_ref())


def extract_text(nlp, text: str, published: str) -> list[Mention]:
    """Extract one article's mentions, checking every evidence span is exact on the way."""
    from dateline.extract import extract_article

    day = dt.date.fromisoformat(published)
    article = Article(Article.make_id(text), text, published=DateInterval.day(day, "test"))
    mentions = extract_article(article, nlp(text))
    for m in mentions:  # every field's evidence is the article text at its offsets
        assert m.evidence and all(e.is_valid_for(text) for e in m.evidence)
        assert any(e.field == "event" for e in m.evidence)
    return mentions
