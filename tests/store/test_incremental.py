"""An incremental merge (a new day of reports) ends where a full re-merge does, also for the
reports a block key alone does not reach: ones that name no country, which are compared
across countries, and coarse dates, which blocking widens by their slack."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.pipeline import mention_record, rebuild_events
from dateline.records import Article, DateInterval, Event, Evidence, Mention, Place
from dateline.store import Store

RAQQA = Place("Raqqa", "SY", "Raqqa", 35.95, 39.01, 1)
SYRIA = Place("Syria", "SY", None, None, None, 3)
MOSUL = Place("Mosul", "IQ", "Nineveh", 36.34, 43.13, 1)
STRIKE = ("Explosions/Remote violence", "Air/drone strike")
ARREST = ("Strategic developments", "Arrests")


def article(text: str, outlet: str, published: dt.date) -> Article:
    return Article(
        article_id=Article.make_id(text),
        text=text,
        outlet=outlet,
        published=DateInterval.day(published, "front matter"),
    )


def single(a: Article, kind: tuple[str, str], date: DateInterval, place: Place | None) -> Event:
    mention = Mention(
        mention_id=Mention.make_id(a.article_id, kind[1], 0),
        article_id=a.article_id,
        event_type=kind[0],
        sub_event_type=kind[1],
        date=date,
        location=place,
        evidence=(Evidence.from_span(a.article_id, "event", a.text, 0, len(a.text)),),
    )
    return Event.from_mention(mention, a.source_ref())


def span(start: str, end: str, precision: str) -> DateInterval:
    return DateInterval(dt.date.fromisoformat(start), dt.date.fromisoformat(end), precision)


def reports() -> list[tuple[Article, Event]]:
    raqqa = article(
        "Emwazi was killed in a drone strike in Raqqa two years ago.",
        "Observer",
        dt.date(2017, 9, 3),
    )
    nowhere = article(
        "The others are Mohammed Emwazi, believed killed in a US airstrike in 2015, and Aine "
        "Davis.",
        "Guardian",
        dt.date(2018, 2, 9),
    )
    mosul = article(
        "A coalition air strike hit a bridge in Mosul on Tuesday.", "Wire", dt.date(2015, 11, 12)
    )
    feb = article(
        "Kurdish fighters captured Alexanda Kotey in February.", "Times", dt.date(2018, 3, 1)
    )
    jan = article(
        "Syrian rebels seized Alexanda Kotey in mid-January.", "Post", dt.date(2018, 2, 2)
    )
    return [
        (raqqa, single(raqqa, STRIKE, span("2015-09-01", "2016-06-30", "month"), RAQQA)),
        (mosul, single(mosul, STRIKE, DateInterval.day(dt.date(2015, 11, 10), "Tuesday"), MOSUL)),
        (feb, single(feb, ARREST, span("2018-02-01", "2018-02-28", "month"), SYRIA)),
        (nowhere, single(nowhere, STRIKE, span("2015-01-01", "2015-12-31", "year"), None)),
        (jan, single(jan, ARREST, span("2018-01-10", "2018-01-20", "month"), SYRIA)),
    ]


def grouping(store: Store) -> set[tuple[str, ...]]:
    return {tuple(sorted(e.mention_ids)) for e in store.events()}


@pytest.mark.parametrize("first", [1, 2, 3, 4], ids=lambda n: f"{n}-then-rest")
def test_adding_reports_later_merges_as_a_full_rebuild(tmp_path, first):
    rows = [(a, [mention_record(e)]) for a, e in reports()]
    with Store(tmp_path / "inc.duckdb") as store:
        store.add_articles(rows[:first], None)
        rebuild_events(store)
        store.add_articles(rows[first:], None)
        new = [r["mention_ids"][0] for _, ms in rows[first:] for r in ms]
        rebuild_events(store, new_mentions=new)
        incremental = grouping(store)
        rebuild_events(store)
        assert incremental == grouping(store)
    sizes = sorted(len(g) for g in incremental)
    assert sizes == [1, 2, 2]  # Emwazi's strike and Kotey's capture merged, Mosul alone
