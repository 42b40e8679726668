"""CASE 2021 label names map one-to-one onto dateline's taxonomy."""

from __future__ import annotations

import pytest

from dateline.extract.classify import case_label, from_case_label
from dateline.extract.classify.labels import case_map
from dateline.records import EVENT_TYPE_OF


def test_map_covers_the_whole_taxonomy_one_to_one() -> None:
    table = case_map()
    assert len(table) == 30
    assert set(table.values()) == set(EVENT_TYPE_OF)


@pytest.mark.parametrize(
    ("case", "sub"),
    [
        ("ART_MISS_ATTACK", "Shelling/artillery/missile attack"),
        ("DIPLO", "Diplomatic event"),
        ("ATTRIB", "Attribution of responsibility"),
        ("ORG_CRIME", "Organized crime"),
        ("OTHER", "Other"),
        ("PROPERTY_DISTRUCT", "Looting/property destruction"),
    ],
)
def test_round_trip(case: str, sub: str) -> None:
    assert from_case_label(case) == sub
    assert case_label(sub) == case


def test_unknown_names_raise() -> None:
    with pytest.raises(ValueError):
        from_case_label("BOMBING")
    with pytest.raises(ValueError):
        case_label("Bombing")


def test_matches_shared_bench_label_map(shared_bench) -> None:
    path = shared_bench / "case2021" / "label_map.tsv"
    rows = [line.split("\t") for line in path.read_text().splitlines()[1:] if line]
    assert {r[0]: r[2] for r in rows} == case_map()
