"""Every export is a view of the event record; these pin the shapes users rely on."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq

from dateline.export import export, exporters
from tests.factories import make_article, make_event


def test_builtin_exporters_are_registered():
    assert exporters.names() == ["acled", "csv", "geojson", "jsonl", "parquet"]


def test_jsonl_is_the_contract():
    event = make_event(make_article())
    line = json.loads(export([event], "jsonl").decode())
    for key in (
        "event_id",
        "event_type",
        "sub_event_type",
        "status",
        "background",
        "date",
        "location",
        "actors",
        "fatalities",
        "injured",
        "sources",
        "evidence",
        "conflicts",
        "confidence",
    ):
        assert key in line
    assert line["fatalities"] == {"min": 0, "max": 0}


def test_acled_csv_uses_acled_columns():
    rows = list(csv.DictReader(io.StringIO(export([make_event(make_article())], "acled").decode())))
    assert rows[0]["event_date"] == "2022-01-04"
    assert rows[0]["sub_event_type"] == "Shelling/artillery/missile attack"
    assert rows[0]["admin1"] == "Anbar"
    assert rows[0]["source"] == "Al-Rafidain Wire"


def test_geojson_points_are_lon_lat():
    doc = json.loads(export([make_event(make_article())], "geojson"))
    assert doc["features"][0]["geometry"]["coordinates"] == [42.44, 33.8]


def test_parquet_round_trips_the_record():
    event = make_event(make_article())
    table = pq.read_table(io.BytesIO(export([event], "parquet")))
    assert json.loads(table.column("record")[0].as_py())["event_id"] == event.event_id
