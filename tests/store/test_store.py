"""The store's promises: idempotent writes, atomic views, a replayable merge log."""

from __future__ import annotations

import duckdb
import pytest

from dateline.errors import SchemaTooNew, UnknownEvent
from dateline.store import SCHEMA_VERSION, Store
from tests.factories import TEXT, make_article, make_event


def test_adding_the_same_article_twice_adds_nothing(tmp_path):
    article = make_article()
    records = [make_event(article).to_dict()]
    with Store(tmp_path / "t.duckdb") as store:
        assert store.add_articles([(article, records)], run_id=None) == 1
        assert store.add_articles([(article, records)], run_id=None) == 0
        assert store.count("articles") == 1
        assert store.count("mentions") == 1
        stored = store.articles()[article.article_id]
    assert stored.text == article.text
    assert stored.published == article.published


def test_events_view_is_replaced_whole_and_merges_are_logged(tmp_path):
    a, b = make_article(), make_article(TEXT + " Nobody was hurt.", outlet="Levant Monitor")
    ev_a, ev_b = make_event(a), make_event(b)
    with Store(tmp_path / "t.duckdb") as store:
        store.add_articles([(a, [ev_a.to_dict()]), (b, [ev_b.to_dict()])], run_id=None)
        store.replace_events([ev_a, ev_b])
        assert store.count("events") == 2
        merged = ev_a.with_(
            sources=ev_a.sources + ev_b.sources, mention_ids=ev_a.mention_ids + ev_b.mention_ids
        )
        store.replace_events([merged], run_id="r2")
        assert store.count("events") == 1
        assert store.event(ev_b.mention_ids[0]).event_id == ev_a.event_id  # mention id lookup
        log = store.merge_log()
        assert [(e["action"], e["event_id"], e["other_id"]) for e in log] == [
            ("merge", ev_a.event_id, ev_b.event_id)
        ]
        store.replace_events([ev_a, ev_b], run_id="r3")
        assert store.merge_log()[-1]["action"] == "split"
        assert {r[0] for r in store.sql("SELECT outlet FROM event_sources")} == {
            "Al-Rafidain Wire",
            "Levant Monitor",
        }


def test_unknown_event_names_the_database(tmp_path):
    with Store(tmp_path / "t.duckdb") as store, pytest.raises(UnknownEvent, match="ev_nope"):
        store.event("ev_nope")


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "t.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
    con.close()
    with pytest.raises(SchemaTooNew, match="upgrade dateline"):
        Store(path)


def test_overrides_are_kept_and_deduplicated(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        first = store.add_override("split", ["mn_b", "mn_a"], "different days")
        again = store.add_override("split", ["mn_a", "mn_b"], "different days")
        assert first == again
        assert store.overrides()[0]["mention_ids"] == ("mn_a", "mn_b")
