"""The HTTP API over a small stored database: filters, pagination, 422s, tokens, escaping."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from dateline.store import Store
from dateline.web import create_app
from tests.factories import TEXT, make_article, make_event


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "web.duckdb"
    a = make_article()
    b = make_article(
        TEXT.replace("Tuesday", "Monday") + " <script>alert(1)</script>", outlet="Levant Monitor"
    )
    events = [make_event(a), make_event(b)]
    with Store(path) as store:
        store.add_articles([(a, [events[0].to_dict()]), (b, [events[1].to_dict()])], None)
        store.replace_events(events)
    return path


def test_events_are_filtered_and_paginated(db):
    client = TestClient(create_app(db))
    page = client.get("/api/events", params={"country": "IQ", "limit": 1}).json()
    assert page["total"] == 2 and len(page["items"]) == 1
    assert client.get("/api/events", params={"country": "SY"}).json()["total"] == 0
    assert client.get("/api/events", params={"start": "2022-02-01"}).json()["total"] == 0
    assert client.get("/api/events", params={"q": "three rockets"}).json()["total"] == 2


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0},
        {"limit": "many"},
        {"start": "yesterday"},
        {"country": "Iraq"},
        {"sort": "record; DROP TABLE events"},
        {"event_type": "Picnics"},
        {"start": "2022-02-01", "end": "2022-01-01"},
        {"status": "rumoured"},
    ],
)
def test_bad_parameters_get_422_not_500(db, params):
    response = TestClient(create_app(db)).get("/api/events", params=params)
    assert response.status_code == 422
    assert response.json()["detail"]


def test_event_and_article_carry_their_evidence(db):
    client = TestClient(create_app(db))
    event_id = client.get("/api/events").json()["items"][0]["event_id"]
    event = client.get(f"/api/events/{event_id}").json()
    assert event["sources"] and event["evidence"]
    article = client.get(f"/api/articles/{event['sources'][0]['article_id']}").json()
    span = article["evidence"][0]
    assert article["text"][span["start"] : span["end"]] == event["evidence"][0]["text"]
    assert client.get("/api/events/ev_missing").status_code == 404


def test_exports_follow_the_filter(db):
    client = TestClient(create_app(db))
    body = client.get("/api/export.csv", params={"country": "IQ"}).text
    assert body.count("\n") == 3  # header + 2 events
    assert client.get("/api/export.geojson").json()["type"] == "FeatureCollection"


def test_a_token_guards_writes_and_exposed_reads(db):
    local = TestClient(create_app(db, token="s3cret"))
    assert local.get("/api/events").status_code == 200
    assert local.post("/api/merge", json={"ids": ["a", "b"]}).status_code == 401
    exposed = TestClient(create_app(db, token="s3cret", token_for_reads=True))
    assert exposed.get("/api/events").status_code == 401
    ok = exposed.get("/api/events", headers={"X-Dateline-Token": "s3cret"})
    assert ok.status_code == 200


def test_the_page_and_its_vendored_scripts_are_served_locally(db):
    client = TestClient(create_app(db))
    page = client.get("/").text
    assert "https://" not in page and "http://" not in page
    for asset in ("/static/app.js", "/static/vendor/leaflet/leaflet.js", "/static/world.geojson"):
        assert client.get(asset).status_code == 200
    assert "innerHTML" not in client.get("/static/app.js").text


def test_why_two_events_were_not_joined(db):
    """Two stored events (the fixture stores them apart without merging): the API gives each
    pair of their reports with its features and score, the mean link and the verdict."""
    client = TestClient(create_app(db))
    first, second = (e["event_id"] for e in client.get("/api/events").json()["items"])
    apart = client.get(f"/api/events/{first}/against/{second}").json()
    [pair] = apart["pairs"]
    assert pair["compared"] is True and pair["features"]["subtype_compat"] == 1.0
    assert apart["link"] == pair["score"] and apart["threshold"] == 0.62
    assert apart["verdict"] and apart["refusal"] is None
    assert client.get(f"/api/events/{first}/against/ev_missing").status_code == 404
