"""Detection on realistic sentences: spans exact, relative phrases, stop-lists."""

from __future__ import annotations

import pytest

from dateline.ground.place import find_places, focus_country
from dateline.ground.place.detect import gazetteer_spans
from dateline.ground.place.gazetteer import default_gazetteer
from dateline.ground.place.geo import haversine_km

TEXT = (
    "A rocket attack struck Ain al-Asad air base in Anbar province on Tuesday, "
    "and drones targeted Erbil airport."
)


def test_gazetteer_spans_without_model() -> None:
    spans = gazetteer_spans(TEXT, default_gazetteer())
    assert [s.text for s in spans] == ["Ain al-Asad air base", "Anbar province", "Erbil airport"]
    for s in spans:
        assert TEXT[s.start : s.end] == s.text


def test_common_words_and_abbreviations() -> None:
    text = "Police said May was calm. I'll drive from Wichita, Kan. to the U.S. capital."
    names = [t.text for t in find_places(text, use_model=False)]
    assert "Police" not in names and "May" not in names and "I'll" not in names
    assert "Kan." in names and "U.S." in names


def test_group_names_are_not_places() -> None:
    text = "The Islamic State of Iraq claimed it; Kataib Hezbollah denied it in Baghdad."
    names = [t.text for t in find_places(text, use_model=False)]
    assert names == ["Baghdad"]


def test_kb_group_names_are_not_their_homonyms() -> None:
    # "Hamas" is also a spelling of Hamm (Germany) and Hama (Syria); "Badr" a Saudi town.
    text = "Hamas fired rockets at Ashkelon; a rift in Hamas followed. Badr fighters moved."
    assert [t.text for t in find_places(text, use_model=False)] == ["Ashkelon"]
    near = find_places("Clashes broke out near Badr, a town in Saudi Arabia.", use_model=False)
    assert near[0].place is not None and near[0].place.country_code == "SA"


def test_relative_offset_and_region() -> None:
    text = "Fighters clashed 50 kilometres west of Baghdad and in northeastern Syria."
    found = find_places(text, use_model=False)
    offset, region = found
    assert offset.text == "50 kilometres west of Baghdad" and offset.kind == "relative"
    assert offset.place and offset.place.precision == 2
    assert 45 < haversine_km(offset.place.latitude, offset.place.longitude, 33.34, 44.40) < 55
    assert region.text == "northeastern Syria" and region.place and region.place.precision == 3
    assert region.place.longitude > 39.5 and region.place.latitude > 35.5
    for t in found:
        assert text[t.start : t.end] == t.text


def test_near_airport_and_western_iraq() -> None:
    text = "Shells fell near Baghdad airport. Militants hid in western Iraq."
    near, west = find_places(text, use_model=False)
    assert near.text == "near Baghdad airport" and near.place and near.place.precision == 2
    assert west.text == "western Iraq" and west.place and west.place.longitude < 44.0


def test_demonyms_only_when_asked() -> None:
    text = "Iraqi officials met in Basra."
    assert [t.text for t in find_places(text, use_model=False)] == ["Basra"]
    found = find_places(text, use_model=False, demonyms=True)
    assert [t.kind for t in found] == ["demonym", "gazetteer"]
    assert focus_country(found) == "IQ"


@pytest.mark.slow
def test_with_spacy(nlp) -> None:
    text = (
        "Kataib Hezbollah fired rockets at Ain al-Asad, the base in Anbar, officials in Erbil said."
    )
    found = find_places(text, nlp(text))
    assert [t.text for t in found] == ["Ain al-Asad", "Anbar", "Erbil"]
    assert all(t.place and t.place.country_code == "IQ" for t in found)
