"""The CLI is a thin shell: each command reaches the library and prints a readable result."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dateline.cli import cli
from dateline.pipeline import mention_record, rebuild_events
from dateline.store import Store
from tests.factories import TEXT, make_article, make_event


@pytest.fixture
def db(tmp_path):
    """Two outlets reporting the same rocket attack, merged by the real merge stage."""
    path = tmp_path / "cli.duckdb"
    a = make_article()
    b = make_article(TEXT + " Two contractors were lightly wounded.", outlet="Levant Monitor")
    with Store(path) as store:
        store.add_articles(
            [(a, [mention_record(make_event(a))]), (b, [mention_record(make_event(b))])], None
        )
        rebuild_events(store)
    return path


def invoke(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_info_lists_what_is_stored(db):
    out = invoke("info", "--db", str(db))
    assert "articles" in out and "schema v1" in out


def test_export_writes_every_format(db, tmp_path):
    lines = invoke("export", "--db", str(db), "--format", "jsonl").strip().splitlines()
    assert len(lines) == 1
    assert len(json.loads(lines[0])["sources"]) == 2
    for fmt in ("csv", "acled", "geojson", "parquet"):
        out = tmp_path / f"x.{fmt}"
        invoke("export", "--db", str(db), "--format", fmt, "-o", str(out))
        assert out.stat().st_size > 0
    assert invoke("export", "--db", str(db), "--country", "SY").strip() == ""


def test_explain_split_and_merge_round_trip(db):
    with Store(db, read_only=True) as store:
        event = store.events()[0]
    assert "Merge decisions" in invoke("explain", event.event_id, "--db", str(db))
    invoke("split", event.event_id, event.mention_ids[1], "--db", str(db), "--note", "test")
    with Store(db, read_only=True) as store:
        assert store.count("events") == 2
        ids = [e.event_id for e in store.events()]
    apart = invoke("explain", *ids[:1], "--against", ids[1], "--db", str(db))
    assert "Every pair of their reports" in apart and "an analyst's split" in apart
    invoke("merge", *ids, "--db", str(db))
    with Store(db, read_only=True) as store:
        assert store.count("events") == 1
        assert store.events()[0].event_id == event.event_id  # oldest report keeps the id
        assert [e["action"] for e in store.merge_log()] == ["split", "merge"]


def test_unknown_event_is_a_clear_error(db):
    result = CliRunner().invoke(cli, ["explain", "ev_nope", "--db", str(db)])
    assert result.exit_code != 0
    assert "ev_nope" in str(result.exception)
