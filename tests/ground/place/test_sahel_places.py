"""Places and nationalities beyond the Middle East (sentences written for dateline): a town
the gazetteer lacks is not read as a foreign city it shares an alternate name with, conflict
towns of the Sahel, Somalia, the Kivus and Myanmar resolve, and African and Asian
nationality words name their countries."""

from __future__ import annotations

import pytest

from dateline.ground.place import default_gazetteer, resolve_names
from dateline.ground.place.rank import Context, best


def test_a_foreign_alternate_name_is_not_taken_in_an_article_placed_elsewhere() -> None:
    gaz = default_gazetteer()
    # "Saigon" is only an alternate name of Ho Chi Minh City: in an article about Mali that
    # names no Vietnam it is some other place, not the Vietnamese city
    away = Context(focus="ML", countries=frozenset({"ML"}))
    assert best("Saigon", gaz, away)[0] is None
    named = Context(focus="ML", countries=frozenset({"ML", "VN"}))
    entry = best("Saigon", gaz, named)[0]
    assert entry is not None and entry.country_code == "VN"


def test_a_province_or_capital_known_by_an_exonym_is_still_found_abroad() -> None:
    gaz = default_gazetteer()
    away = Context(focus="AE", countries=frozenset({"AE"}))
    for name, cc in (("Anbar", "IQ"), ("Kiev", "UA")):
        entry = best(name, gaz, away)[0]
        assert entry is not None and entry.country_code == cc


def test_boni_beside_mali_is_the_malian_town_not_bonn() -> None:
    (boni, _mali) = resolve_names(["Boni", "Mali"])
    assert boni is not None and boni.country_code == "ML" and boni.precision == 1


@pytest.mark.parametrize(
    ("name", "cc"),
    [
        ("Adan Yabaal", "SO"),
        ("Barawe", "SO"),
        ("Bulo Burde", "SO"),
        ("Garbaharey", "SO"),
        ("Bardhere", "SO"),
        ("Dhusamareb", "SO"),
        ("Harardhere", "SO"),
        ("Hombori", "ML"),
        ("Barsalogho", "BF"),
        ("Masisi", "CD"),
        ("Mindat", "MM"),
        ("Laukkaing", "MM"),
    ],
)
def test_conflict_towns_resolve_in_their_country(name: str, cc: str) -> None:
    (place,) = resolve_names([name])
    assert place is not None and place.country_code == cc and place.precision == 1


@pytest.mark.parametrize(
    ("word", "cc"),
    [
        ("Malian", "ML"),
        ("Congolese", "CD"),
        ("Burkinabe", "BF"),
        ("Nigerien", "NE"),
        ("Sudanese", "SD"),
        ("Somali", "SO"),
        ("Chadian", "TD"),
        ("Mozambican", "MZ"),
        ("Ethiopian", "ET"),
        ("Eritrean", "ER"),
        ("Cameroonian", "CM"),
        ("Colombian", "CO"),
        ("Mexican", "MX"),
        ("Ukrainian", "UA"),
        ("Russian", "RU"),
        ("Burmese", "MM"),
        ("Myanmar", "MM"),
    ],
)
def test_nationality_words_name_their_country(word: str, cc: str) -> None:
    assert default_gazetteer().demonym_country(word) == cc


def test_every_demonym_row_has_a_source() -> None:
    from importlib import resources

    path = resources.files("dateline") / "data" / "geo" / "demonyms.tsv"
    rows = [r for r in path.read_text(encoding="utf-8").splitlines() if r and r[0] != "#"]
    assert all(len(r.split("\t")) == 3 and r.split("\t")[2].strip() for r in rows[1:])
