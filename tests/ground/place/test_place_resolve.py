"""Golden resolutions on the shipped gazetteer (no spaCy model needed)."""

from __future__ import annotations

import pytest

from dateline.ground.place import default_gazetteer, distance_km, resolve_names
from dateline.ground.place.geo import haversine_km, offset, part_of_box
from dateline.ground.place.names import bare_key, name_key
from dateline.records import Place


@pytest.mark.parametrize(
    ("name", "cc", "lat", "lon", "km"),
    [
        ("Erbil", "IQ", 36.19, 44.01, 10),
        ("Ain al-Asad", "IQ", 33.79, 42.44, 5),
        ("Deir Ezzor", "SY", 35.34, 40.14, 10),
        ("Dayr az-Zawr", "SY", 35.34, 40.14, 60),
        ("Deir al-Zor", "SY", 35.34, 40.14, 10),
        ("Sulaimani", "IQ", 35.56, 45.44, 10),
        ("al-Tanf", "SY", 33.50, 38.62, 5),
        ("Baghdad International Airport", "IQ", 33.26, 44.23, 5),
        ("Anbar", "IQ", 33.4, 42.0, 150),
        ("U.S.", "US", 39.76, -98.5, 1),
        ("Britain", "GB", 54.76, -2.70, 1),
    ],
)
def test_golden_resolution(name: str, cc: str, lat: float, lon: float, km: float) -> None:
    place = resolve_names([name])[0]
    assert place is not None and place.country_code == cc
    assert haversine_km(place.latitude, place.longitude, lat, lon) <= km


def test_erbil_is_the_city_not_the_governorate() -> None:
    place = resolve_names(["Erbil"])[0]
    assert place is not None and place.precision == 1 and place.gazetteer_id == "95446"


def test_context_picks_the_right_homonym() -> None:
    alone = resolve_names(["Alexandria"])[0]
    in_louisiana = resolve_names(["Alexandria", "Rapides Parish", "Louisiana"])[0]
    assert alone is not None and alone.country_code == "EG"
    assert in_louisiana is not None and in_louisiana.admin1 == "Louisiana"


def test_a_city_bigger_than_a_province_abroad_wins_alone() -> None:
    # Gaza City (410,000) over Mozambique's Gaza province (385,000) when nothing else is said;
    # a Mozambican province named beside it still brings the province back.
    alone = resolve_names(["Gaza"])[0]
    in_mozambique = resolve_names(["Gaza", "Inhambane"])[0]
    assert alone is not None and alone.country_code == "PS" and alone.gazetteer_id == "281133"
    assert in_mozambique is not None and in_mozambique.country_code == "MZ"


def test_country_beats_small_town_and_demonym_gives_country() -> None:
    egypt, iraqi = resolve_names(["Egypt", "Iraqi"], focus_country="US")
    assert egypt is not None and egypt.country_code == "EG" and egypt.precision == 3
    assert iraqi is not None and iraqi.country_code == "IQ"


def test_unknown_name_is_none() -> None:
    assert resolve_names(["Xqzzyville"]) == [None]


def test_aliases_all_reach_an_entry() -> None:
    gaz = default_gazetteer()
    assert gaz.lookup("Kan.")[0].name == "Kansas"
    assert gaz.lookup("Ill.")[0].name == "Illinois"
    assert not [e for e in gaz.lookup("Ill") if e.name == "Illinois"]


def test_name_keys() -> None:
    assert name_key("Dayr az-Zawr") == "dayr az zawr"
    assert name_key("Şalāḩ ad Dīn") == "salah ad din"
    assert bare_key(name_key("Deir al-Zor")) == bare_key(name_key("Deir az-Zor")) == "deir zor"


def test_geometry() -> None:
    lat, lon = offset(33.34, 44.40, 50, 270)
    assert abs(haversine_km(33.34, 44.40, lat, lon) - 50) < 0.5 and lon < 44.40
    assert distance_km(Place("a", latitude=0, longitude=0), Place("b")) is None
    west = part_of_box((30.0, 37.0, 42.0, 48.0), "western")
    assert west == (33.5, 43.5)


def test_a_country_acronym_is_the_country_even_beside_the_homonyms_state() -> None:
    # Paris puts the article in Île-de-France, which holds a village called Us
    assert resolve_names(["Ghouta", "US", "Paris", "France"])[1].country_code == "US"


def test_a_capital_named_for_its_government_does_not_localise_the_article() -> None:
    # "Washington said ... talks in Geneva and Vienna": not Geneva, Illinois or Vienna, Virginia
    places = resolve_names(["US", "Washington", "Geneva", "Vienna", "Iran"])
    assert [p.country_code for p in places] == ["US", "US", "CH", "AT", "IR"]
