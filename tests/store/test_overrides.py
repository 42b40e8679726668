"""Split and merge overrides: one library door for the CLI and the API, re-merging locally."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.errors import OverrideRejected, UnknownEvent
from dateline.overrides import merge_events, split_event
from dateline.pipeline import mention_record, rebuild_events
from dateline.records import Article, DateInterval, Event, Evidence, Mention, Place
from dateline.store import Store
from tests.factories import TEXT, make_article, make_event

BASRA = "Protest in Basra\n\nHundreds protested outside the oil ministry office in Basra."


def basra_event(article: Article) -> Event:
    """A protest a week later and 500 km away: never a candidate for the rocket attack."""
    mention = Mention(
        mention_id=Mention.make_id(article.article_id, "Peaceful protest", 18),
        article_id=article.article_id,
        event_type="Protests",
        sub_event_type="Peaceful protest",
        date=DateInterval.day(dt.date(2022, 1, 11), "'on Tuesday' anchored to 2022-01-12"),
        location=Place("Basra", "IQ", "Basra", 30.51, 47.78, 3),
        evidence=(
            Evidence.from_span(article.article_id, "event", article.text, 18, len(article.text)),
        ),
    )
    return Event.from_mention(mention, article.source_ref())


def stored(db) -> dict[str, tuple[str, ...]]:
    with Store(db, read_only=True) as store:
        return {e.event_id: tuple(sorted(e.mention_ids)) for e in store.events()}


@pytest.fixture
def db(tmp_path):
    """Three outlets on one rocket attack, and one unrelated protest."""
    path = tmp_path / "overrides.duckdb"
    attack = [
        make_article(TEXT + suffix, outlet=outlet)
        for suffix, outlet in [
            ("", "Al-Rafidain Wire"),
            (" Two contractors were lightly wounded.", "Levant Monitor"),
            (" The base hosts US troops.", "Gulf Dispatch"),
        ]
    ]
    protest = make_article(BASRA, outlet="Basra Post")
    rows = [(a, [mention_record(make_event(a))]) for a in attack]
    rows.append((protest, [mention_record(basra_event(protest))]))
    with Store(path) as store:
        store.add_articles(rows, None)
        rebuild_events(store)
    return path


def attack_and_protest(db) -> tuple[Event, Event]:
    with Store(db, read_only=True) as store:
        events = sorted(store.events(), key=lambda e: -len(e.mention_ids))
    assert [len(e.mention_ids) for e in events] == [3, 1]
    return events[0], events[1]


def test_split_takes_reports_out_and_says_where_they_went(db):
    attack, _ = attack_and_protest(db)
    taken = attack.mention_ids[2]
    with Store(db) as store:
        result = split_event(store, attack.event_id, [taken], "wrong base")
    assert set(result.placed) == set(attack.mention_ids)
    assert result.placed[taken] != attack.event_id
    assert result.placed[attack.mention_ids[0]] == attack.event_id  # the oldest keeps the id


def test_merge_accepts_event_and_report_ids_and_keeps_report_ids_precise(db):
    attack, protest = attack_and_protest(db)
    with Store(db) as store:
        result = merge_events(store, [attack.mention_ids[1], protest.event_id], "analyst")
        override = store.overrides()[-1]
    assert list(override["mention_ids"]) == sorted([attack.mention_ids[1], *protest.mention_ids])
    assert len(set(result.placed.values())) == 1


def test_a_local_re_merge_ends_where_a_full_one_does(db, tmp_path):
    attack, protest = attack_and_protest(db)
    with Store(db) as store:
        split_event(store, attack.event_id, [attack.mention_ids[1]])
        merge_events(store, [attack.mention_ids[2], protest.event_id])
    local = stored(db)
    with Store(db) as store:
        rebuild_events(store)
    assert stored(db) == local


@pytest.mark.parametrize(
    ("action", "message"),
    [
        ("split-all", "at least one report behind"),
        ("split-foreign", "not in"),
        ("split-none", "at least one report to take out"),
        ("merge-one", "at least two"),
    ],
)
def test_overrides_that_cannot_be_done_as_asked_are_rejected(db, action, message):
    attack, protest = attack_and_protest(db)
    with Store(db) as store, pytest.raises(OverrideRejected, match=message):
        if action == "split-all":
            split_event(store, attack.event_id, attack.mention_ids)
        elif action == "split-foreign":
            split_event(store, attack.event_id, protest.mention_ids)
        elif action == "split-none":
            split_event(store, attack.event_id, [])
        else:
            merge_events(store, [protest.event_id, protest.mention_ids[0]])
    with Store(db, read_only=True) as store:
        assert store.overrides() == []


def test_unknown_ids_name_themselves(db):
    with Store(db) as store, pytest.raises(UnknownEvent, match="ev_nope"):
        merge_events(store, ["ev_nope", "ev_other"])
