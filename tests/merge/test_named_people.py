"""Named people, coarse dates and country-less reports (issue 5, the Guardian misses G23/G24):
the name finder, the named-person feature, the widened blocking, routing of reports that
name no country, and that the Python and array paths agree on all of it."""

from __future__ import annotations

import datetime as dt

import numpy as np

from dateline.merge import merge_events
from dateline.merge.blocking import block_pairs, blocks, candidate_pairs
from dateline.merge.columns import Columns
from dateline.merge.core import explain
from dateline.merge.features import (
    PERSON_DIFFERENT,
    PERSON_SHARED,
    Profile,
    block_group,
    date_slack,
    pair_score,
    person_score,
)
from dateline.merge.names import find_names
from dateline.merge.sweep import candidate_positions
from dateline.merge.vector import score_pairs
from dateline.records import Actor, DateInterval, Place
from tests.merge.helpers import report

SYRIA = Place("Syria", "SY", None, None, None, 3)
RAQQA = Place("Raqqa", "SY", "Raqqa", 35.95, 39.01, 1)
ARREST = {"sub": "Arrests", "event_type": "Strategic developments"}
STRIKE = {"sub": "Air/drone strike", "event_type": "Explosions/Remote violence"}


def interval(start: str, end: str, precision: str = "month") -> DateInterval:
    return DateInterval(dt.date.fromisoformat(start), dt.date.fromisoformat(end), precision)


def test_find_names_keeps_people_and_drops_places_titles_groups() -> None:
    found = find_names(
        [
            "The two other members of the group are Mohammed Emwazi, believed killed in a US "
            "airstrike in 2015, and Aine Davis, jailed by a court in Silivri, Turkey, in May.",
            "Police said President Erdogan met Islamic State defectors in the Beatles' cell.",
        ],
        exclude=["Silivri"],
    )
    assert found.persons == {"emwazi", "davis"}  # surnames of full names
    assert found.names == {"emwazi", "davis", "erdogan"}  # no Turkey, May, US, Police...
    assert found.initial_only == frozenset()


def test_an_operation_or_battle_name_is_no_person() -> None:
    found = find_names(
        [
            "Turkey began Operation Olive Branch in January; Exercise Eager Lion followed, and "
            "Jac Holmes was killed clearing mines."
        ]
    )
    assert found.persons == {"holmes"} and found.names == {"holmes"}


def test_sentence_openers_count_only_against_a_name_in_mid_sentence() -> None:
    opener = find_names(["Emwazi was killed in a drone strike in Raqqa two years ago."])
    assert opener.initial_only == {"emwazi"}
    named = Profile.of(0, report("Mohammed Emwazi was seen in Raqqa.", "A", "2017-01-01"))
    told = Profile.of(1, report("Emwazi was killed in a strike.", "B", "2017-01-01"))
    gunmen = Profile.of(2, report("Kotey was killed in a strike.", "C", "2017-01-01"))
    again = Profile.of(3, report("Kotey said nothing. Kotey was seized.", "D", "2017-01-01"))
    assert person_score(named, told) == PERSON_SHARED
    assert person_score(gunmen, told) is None  # two sentence openers: no information
    assert person_score(gunmen, again) is None  # "Kotey said": a speaker, not a name here


def test_different_full_names_are_mild_evidence_against() -> None:
    a = Profile.of(0, report("Gunmen abducted Ahmed Hassan near the base.", "A", "2022-01-05"))
    b = Profile.of(1, report("Gunmen abducted Layla Karim near the base.", "B", "2022-01-05"))
    c = Profile.of(2, report("Gunmen abducted a man near the base.", "C", "2022-01-05"))
    assert person_score(a, b) == PERSON_DIFFERENT
    assert person_score(a, c) is None
    assert pair_score(a, b) < pair_score(a, c)  # same day and place: still close


def test_unknown_person_leaves_the_score_unchanged() -> None:
    """The feature is left out of the mean when it says nothing, so the old scores hold."""
    a = Profile.of(0, report("Rockets hit the base, officials said.", "A", "2022-01-05"))
    b = Profile.of(1, report("Three rockets struck Ain al-Asad.", "B", "2022-01-05"))
    assert person_score(a, b) is None
    assert pair_score(a, b) == 0.8112  # as before the feature existed


def test_date_slack_is_half_a_coarse_interval() -> None:
    feb = interval("2018-02-01", "2018-02-28")
    assert date_slack(feb.start.toordinal(), feb.end.toordinal()) == 13
    assert date_slack(10, 16) == 0  # a week is sharp enough
    assert date_slack(10, 10) == 0 and date_slack(None, 10) == 0


def _capture(text: str, outlet: str, date: DateInterval) -> object:
    ypg = Actor("People's Protection Units", "perpetrator", "ypg", "Syrian Democratic Forces")
    return report(text, outlet, "2018-02-10", date=date, place=SYRIA, actors=(ypg,), **ARREST)


def test_coarse_dates_meet_and_a_shared_name_merges_them() -> None:
    """G23: "captured in February" and "seized in mid-January", 12 days apart."""
    feb = _capture(
        "Kotey and Elsheikh were captured in February by Syrian Kurdish fighters.",
        "Guardian",
        interval("2018-02-01", "2018-02-28"),
    )
    jan = _capture(
        "Initial reports suggest Kotey and Elsheikh were seized in mid-January.",
        "Observer",
        interval("2018-01-10", "2018-01-20"),
    )
    profiles = [Profile.of(0, feb), Profile.of(1, jan)]
    assert list(block_pairs(profiles)) == [(0, 1)]
    assert person_score(*profiles) == PERSON_SHARED
    result = merge_events([feb, jan])
    assert len(result.events) == 1
    (row,) = explain(result.events[0], result.decisions)
    assert row["features"]["named_person"] == 1.0
    assert row["features"]["shared_names"] == "elsheikh kotey"


GUARDIAN_FEB = (
    "The pair, who have been stripped of their British citizenship, were captured in "
    "February by Syrian Kurdish fighters."
)
OBSERVER_JAN = (
    "Initial reports suggest that the pair were seized by US-backed Syrian rebel forces in "
    "mid-January."
)


def test_without_a_name_the_coarse_pair_stays_apart() -> None:
    """Candidates now, but the dates disagree and nothing else identifies the event."""
    feb = _capture(GUARDIAN_FEB, "Guardian", interval("2018-02-01", "2018-02-28"))
    jan = _capture(OBSERVER_JAN, "Observer", interval("2018-01-10", "2018-01-20"))
    assert list(candidate_pairs([Profile.of(0, feb), Profile.of(1, jan)])) == [(0, 1)]
    assert len(merge_events([feb, jan]).events) == 2


def _emwazi() -> tuple:
    """G24: a strike "in 2015" with no place (Guardian) and the same strike "in Raqqa two
    years ago" (Observer), the victim named in both."""
    year = report(
        "The two other members of the group are Mohammed Emwazi, believed killed in a US "
        "airstrike in 2015, and Aine Davis, jailed by a court in Silivri, Turkey, in May.",
        "Guardian",
        "2018-02-09",
        place=None,
        date=interval("2015-01-01", "2015-12-31", "year"),
        fatalities=1,
        **STRIKE,
    )
    raqqa = report(
        "Emwazi was killed in a drone strike in Raqqa two years ago.",
        "Observer",
        "2017-09-03",
        place=RAQQA,
        date=interval("2015-09-01", "2016-06-30"),
        fatalities=1,
        **STRIKE,
    )
    return year, raqqa


def test_a_report_without_country_is_routed_to_its_match() -> None:
    """G24: a year-level strike with no place meets the Raqqa report by the victim's name,
    is clustered in Syria's block and merges."""
    year, raqqa = _emwazi()
    profiles = [Profile.of(0, year), Profile.of(1, raqqa)]
    grouped = blocks(profiles)
    assert [p.index for p in grouped[("SY", "Explosions/Remote violence|happened")]] == [0, 1]
    assert list(candidate_pairs(profiles)) == [(0, 1)]
    assert len(merge_events([year, raqqa]).events) == 1


def test_a_stray_without_a_good_match_stays_in_its_own_block() -> None:
    year, _ = _emwazi()
    other = report(
        "A drone strike hit a convoy in Raqqa.",
        "AP",
        "2015-03-02",
        place=RAQQA,
        **STRIKE,
    )
    grouped = blocks([Profile.of(0, year), Profile.of(1, other)])
    assert ("", "Explosions/Remote violence|happened") in grouped


def test_array_path_agrees_on_widened_and_long_pairs() -> None:
    year, raqqa = _emwazi()
    feb = _capture("Kotey was captured in February.", "A", interval("2018-02-01", "2018-02-28"))
    events = [year, raqqa, feb]
    for k, day in enumerate(("2018-01-05", "2018-01-19", "2018-03-16", "2015-10-02")):
        events.append(report(f"Kotey was seen on day {k}.", f"O{k}", day, place=SYRIA, **ARREST))
    events.append(
        _capture("Kotey was seized in mid-January.", "B", interval("2018-01-10", "2018-01-20"))
    )
    profiles = [Profile.of(i, e) for i, e in enumerate(events)]
    for members in blocks(profiles).values():
        cols = Columns.of(members)
        a, b = candidate_positions(cols, np.arange(len(cols)))
        fast = {(int(cols.index[x]), int(cols.index[y])) for x, y in zip(a, b, strict=True)}
        assert fast == set(block_pairs(members))
        expected = [pair_score(members[x], members[y]) for x, y in zip(a, b, strict=True)]
        assert score_pairs(cols, a, b).tolist() == expected


def test_a_day_report_without_country_meets_every_country_of_its_group() -> None:
    """A short country-less report is swept against the reports of its type group in all
    countries and clustered with its best match (the Iraqi one: same day, same victim)."""
    day = "2022-01-05"
    nowhere = report(
        "Gunmen abducted the journalist Layla Karim on Wednesday.", "Wire", day, place=None
    )
    iraq = report(
        "Layla Karim, a journalist, was abducted by gunmen in Baghdad.",
        "AFP",
        day,
        place=Place("Baghdad", "IQ", "Baghdad", 33.34, 44.40, 1),
    )
    syria = report("Gunmen abducted a teacher in Homs.", "AP", day, place=RAQQA)
    later = report("Gunmen abducted Layla Karim again.", "BBC", "2022-03-01", place=RAQQA)
    profiles = [Profile.of(i, e) for i, e in enumerate((nowhere, iraq, syria, later))]
    assert set(candidate_pairs(profiles)) >= {(0, 1), (0, 2)}
    assert (0, 3) not in set(candidate_pairs(profiles))  # two months apart
    grouped = blocks(profiles)
    assert [p.index for p in grouped[("IQ", block_group(iraq))]] == [0, 1]
    merged = merge_events([nowhere, iraq, syria, later]).events
    assert sorted(len(e.sources) for e in merged) == [1, 1, 2]


def test_officials_and_places_are_not_the_people_an_event_happened_to() -> None:
    """Guardian corpus: "Trump" joined a 2017 strike with a 2018 one, "Ghouta" and "Afrin"
    joined reports of the same region. An official counts only as the event's target."""
    found = find_names(
        [
            "Mr Trump and President Donald Trump spoke; rockets fell in eastern Ghouta and near "
            "Afrin, and Jones was seen in Raqqa.",
            "Sally Jones was killed with Qassem Soleimani.",
        ],
        words=frozenset({"trump", "soleimani"}),
    )
    assert found.names == {"jones"}  # no trump, donald, ghouta, afrin; Jones alone is a town
    assert found.persons == {"jones"}
    strike = report(
        "A US drone strike killed Qassem Soleimani near Baghdad airport.",
        "A",
        "2020-01-03",
        actors=(Actor("Qasem Soleimani", "target", "qasem_soleimani"),),
        **STRIKE,
    )
    assert "soleimani" in Profile.of(0, strike).names  # the target: kept
    ordered = report("Trump ordered a drone strike near Baghdad airport.", "B", "2020-01-03")
    assert not Profile.of(1, ordered).names
