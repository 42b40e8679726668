"""Where a court sat is not where an event happened. Sentences written for dateline."""

from __future__ import annotations

import pytest

from tests.factories import extract_text as _extract


@pytest.mark.slow
def test_a_court_and_its_country_are_not_the_strikes_place(nlp) -> None:
    text = (
        "The two others are Mohammed Emwazi, believed killed in a US airstrike in 2015, and "
        "Aine Davis, jailed for seven and a half years by a court in Silivri, Turkey, in May."
    )
    [strike] = _extract(nlp, text, "2018-02-09")
    assert strike.sub_event_type == "Air/drone strike"
    assert strike.location is None


@pytest.mark.slow
def test_the_event_keeps_its_own_place_beside_a_court(nlp) -> None:
    text = "Gunmen who attacked a bus in Peshawar were sentenced by a court in Lahore on Monday."
    [attack] = _extract(nlp, text, "2018-02-09")
    assert attack.location is not None and attack.location.name == "Peshawar"
