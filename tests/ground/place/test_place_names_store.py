"""Name-form keys, the prebuilt store, and county cues (no spaCy model needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.ground.place import default_gazetteer, resolve_names
from dateline.ground.place.geo import haversine_km
from dateline.ground.place.names import loose_key, name_key, strip_feature_words
from dateline.ground.place.store import Store, write_store


@pytest.mark.parametrize(
    ("press", "gazetteer"),
    [
        ("Al Yūsufīyah town", "Yusufiyah"),
        ("Qaḑā’ Sharqāţ", "Al-Shirqat district"),
        ("Ḩalabchah town", "Halabja"),
        ("Albu Najm village", "Al Bu Najm"),
        ("Tel Kepe village", "Tall Kepe"),
        ("Ad Dujaylah sub-district", "Dujail"),
        ("Erbil", "Arbil"),
        ("Dayr az-Zawr", "Deir ez-Zor"),
    ],
)
def test_loose_key_meets_press_and_gazetteer_spellings(press: str, gazetteer: str) -> None:
    assert loose_key(name_key(press)) == loose_key(name_key(gazetteer))


def test_strip_feature_words_keeps_the_name() -> None:
    assert strip_feature_words("makhmur district") == "makhmur"
    assert strip_feature_words("qada tikrit") == "tikrit"
    assert strip_feature_words("dujail sub district") == "dujail"
    assert strip_feature_words("village") == "village"  # never strips a name to nothing


@given(st.text(max_size=40))
def test_keys_are_idempotent_and_never_raise(name: str) -> None:
    key = name_key(name)
    assert name_key(key) == key
    assert loose_key(key) == loose_key(key)


def test_store_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "g.bin"
    write_store(path, {"a": "x\ny", "b": "", "c": "ü"})
    store = Store(path)
    assert store.lines("a") == ["x", "y"] and store.lines("b") == [] and store.text("c") == "ü"
    assert store.mapping("a", "a") == {"x": "x", "y": "y"}


def test_ucdp_style_names_resolve_in_iraq() -> None:
    tikrit, halabja, shirqat = resolve_names(
        ["Tikrīt town", "Ḩalabchah town", "Qaḑā’ Sharqāţ"], focus_country="IQ"
    )
    assert tikrit and haversine_km(tikrit.latitude, tikrit.longitude, 34.61, 43.68) < 10
    assert halabja and haversine_km(halabja.latitude, halabja.longitude, 35.18, 45.99) < 10
    assert shirqat and shirqat.country_code == "IQ"


def test_spelling_guess_stays_in_the_articles_country() -> None:
    # "Jalawla" is not in the gazetteer; its skeleton is too short to guess from.
    assert resolve_names(["Jalawlā’ town"], focus_country="IQ") == [None]
    guessed = resolve_names(["Al Yūsufīyah town"], focus_country="IQ")[0]
    assert guessed is None or guessed.country_code == "IQ"


def test_county_named_in_the_article_picks_the_town() -> None:
    paris, county = resolve_names(["Paris", "Henry County"])
    assert paris and paris.admin1 == "Tennessee" and paris.country_code == "US"
    assert county and county.admin1 == "Tennessee"
    huntsville = resolve_names(["Huntsville", "Walker County", "Texas"])[0]
    assert huntsville and huntsville.admin1 == "Texas"


def test_gazetteer_rows_load_lazily() -> None:
    gaz = default_gazetteer()
    assert len(gaz) > 240_000
    assert gaz.country("IQ") is not None and gaz.country("IQ").name == "Iraq"
    assert "SY" in gaz.neighbours["IQ"]
    assert [e.admin2 for e in gaz.lookup("Tikrit") if e.feature == "city"] == ["Tikrit District"]


def test_feature_words_choose_town_or_division() -> None:
    town, district, province = resolve_names(
        ["Arbīl town", "Makhmur district", "Anbar province"], focus_country="IQ"
    )
    assert town and town.precision == 1 and town.gazetteer_id == "95446"  # Erbil city
    assert district and district.precision == 2 and district.country_code == "IQ"
    assert province and province.precision == 3 and province.admin1 == "Anbar"


def test_bare_name_of_a_district_is_its_town() -> None:
    place = resolve_names(["Tal Afar"], focus_country="IQ")[0]
    assert place and place.precision == 1 and place.gazetteer_id == "90393"


def test_feature_hint_reads_the_trailing_word() -> None:
    from dateline.ground.place.names import feature_hint

    assert feature_hint("mosul city") == "point"
    assert feature_hint("dujail sub district") == "admin2"
    assert feature_hint("qada tikrit") == "admin2"
    assert feature_hint("anbar province") == "admin1"
    assert feature_hint("kansas") is None


@given(st.lists(st.text(alphabet="abcé z", min_size=1, max_size=6), unique=True, max_size=30))
def test_sorted_index_finds_exactly_its_keys(keys: list[str]) -> None:
    from dateline.ground.place.store import SortedIndex

    ordered = sorted(keys)
    index = SortedIndex(ordered, "\n".join(str(i) for i in range(len(ordered))))
    for i, key in enumerate(ordered):
        assert key in index and index.get(key) == str(i)
    assert "zzzzzzz" not in index and index.get("zzzzzzz") is None
