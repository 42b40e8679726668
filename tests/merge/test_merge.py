"""Cross-article merging on realistic reports of one rocket attack and its neighbours."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.merge import Override, explain, merge_events
from dateline.merge.blocking import candidate_pairs
from dateline.merge.compare import compare
from dateline.merge.features import Profile
from dateline.records import Actor, DateInterval, Place
from tests.merge.helpers import AIN_AL_ASAD, BAGHDAD, report, rocket_reports


def conflict_fields(event) -> set[str]:
    return {c.field for c in event.conflicts}


def test_three_outlets_merge_into_one_event_with_conflicts() -> None:
    reports = rocket_reports()
    result = merge_events(reports)
    assert len(result.events) == 1
    ev = result.events[0]
    assert ev.event_id == reports[0].event_id  # AFP published first
    assert [s.outlet for s in ev.sources] == ["AFP", "Reuters", "VICE"]
    assert {"injured", "place"} <= conflict_fields(ev)
    injured = next(c for c in ev.conflicts if c.field == "injured")
    assert sorted(v.value for v in injured.values) == [0, 2]
    assert ev.injured is not None and ev.injured.max == 0  # conservative: lowest count
    assert ev.location == AIN_AL_ASAD  # most precise place consistent with the others
    assert len(ev.evidence) == 3 and len(result.decisions) == 2
    assert {d.absorbed_id for d in result.decisions} == {r.event_id for r in reports[1:]}


def test_ucdp_and_latest_policies() -> None:
    ucdp = merge_events(rocket_reports(), policy="ucdp").events[0]
    assert (ucdp.injured.min, ucdp.injured.max) == (0, 2)  # type: ignore[union-attr]
    assert any(f.field == "injured_ucdp" for f in ucdp.field_values)
    latest = merge_events(rocket_reports(), policy="latest").events[0]
    assert latest.location is not None and latest.location.name == "a base in Anbar province"


def test_fatality_conflict_zero_versus_six() -> None:
    a = report(
        "A car bomb killed six people at a Baghdad market on Monday.",
        "AP",
        "2023-03-06",
        place=BAGHDAD,
        sub="Remote explosive/landmine/IED",
        fatalities=6,
    )
    b = report(
        "A bomb exploded in a crowded Baghdad market on Monday without casualties.",
        "IRNA",
        "2023-03-06",
        place=BAGHDAD,
        sub="Remote explosive/landmine/IED",
        fatalities=0,
    )
    (ev,) = merge_events([a, b]).events
    values = next(c for c in ev.conflicts if c.field == "fatalities").values
    assert sorted(v.value for v in values) == [0, 6]
    assert ev.fatalities is not None and ev.fatalities.max == 0


def test_different_days_at_same_base_stay_separate() -> None:
    first = rocket_reports()[1]
    second = report(
        "Two rockets hit the Ain al-Asad air base in Anbar province on Friday, causing no "
        "casualties, a US official said.",
        "Reuters",
        "2022-01-08",
        day="2022-01-07",
        fatalities=0,
        injured=0,
    )
    assert len(merge_events([first, second]).events) == 2
    apart = compare([first], [second])  # why not: said in words, not only a low score
    assert apart.refusal == "their reports name different days"
    assert apart.verdict.startswith("never one event")
    together = compare(rocket_reports()[:1], rocket_reports()[1:])
    assert together.refusal is None and together.link >= together.threshold
    assert all(p.candidate for p in together.pairs) and len(together.pairs) == 2


def test_same_article_mentions_never_merge() -> None:
    text = "Rockets hit the Ain al-Asad air base on Wednesday."
    a = report(text, "AFP", "2022-01-05")
    b = report(text, "AFP", "2022-01-05", anchor=10)
    assert len(merge_events([a, b]).events) == 2


def test_background_mention_merges_with_original() -> None:
    original = report(
        "A US drone strike near Baghdad airport killed Qassem Soleimani on Friday.",
        "AP",
        "2020-01-03",
        place=BAGHDAD,
        sub="Air/drone strike",
        fatalities=10,
        event_type="Explosions/Remote violence",
    )
    month = DateInterval(dt.date(2020, 1, 1), dt.date(2020, 1, 31), "month", "'January 2020'")
    later = report(
        "The January 2020 drone strike in Baghdad that killed Soleimani strained ties.",
        "Reuters",
        "2021-06-01",
        place=BAGHDAD,
        sub="Air/drone strike",
        date=month,
        background=True,
    )
    result = merge_events([later, original])
    assert len(result.events) == 1
    ev = result.events[0]
    assert ev.event_id == original.event_id and not ev.background
    assert ev.date.precision == "day"
    assert result.decisions[0].rule == "background->original"


def test_a_year_long_retelling_meets_reports_at_nearby_points() -> None:
    """ "Two years ago" is a year: such a report is compared only with reports of the same
    place, and "Baghdad airport" is not the name "Baghdad" but lies 18 km from its point."""
    airport = Place("Baghdad airport", "IQ", "Baghdad", 33.26, 44.23, 1)
    strike = dict(sub="Air/drone strike", event_type="Explosions/Remote violence")
    original = report(
        "A US drone strike killed Qassem Soleimani in Baghdad on Friday.",
        "AP",
        "2020-01-03",
        place=BAGHDAD,
        **strike,
    )
    year = DateInterval(dt.date(2020, 1, 1), dt.date(2020, 12, 31), "year", "'two years ago'")
    retold = report(
        "Soleimani was killed by a US drone strike as he left Baghdad airport two years ago.",
        "Reuters",
        "2022-01-03",
        place=airport,
        date=year,
        background=True,
        **strike,
    )
    far = Place("Basra", "IQ", "Basra", 30.51, 47.78, 1)
    elsewhere = report(
        "A US drone strike hit a convoy in Basra in 2020.",
        "AFP",
        "2022-01-04",
        place=far,
        date=year,
        background=True,
        **strike,
    )
    profiles = [Profile.of(i, e) for i, e in enumerate((original, retold, elsewhere))]
    assert (0, 1) in set(candidate_pairs(profiles))
    assert (0, 2) not in set(candidate_pairs(profiles))  # 430 km away, no shared place
    merged = merge_events([original, retold, elsewhere]).events
    assert sorted(len(e.sources) for e in merged) == [1, 2]


def test_split_override_survives_rerun() -> None:
    reports = rocket_reports()
    vice = reports[2].mention_ids[0]
    split = Override("split", (vice,), note="VICE describes a different base")
    for _ in range(2):
        events = merge_events(reports, overrides=[split]).events
        assert sorted(len(e.sources) for e in events) == [1, 2]


def test_merge_override_joins_what_scores_keep_apart() -> None:
    a = rocket_reports()[1]
    far = report("Rockets hit Baghdad airport on Wednesday.", "AP", "2022-01-05", place=BAGHDAD)
    assert len(merge_events([a, far]).events) == 2
    forced = Override("merge", (a.mention_ids[0], far.mention_ids[0]))
    result = merge_events([a, far], overrides=[forced])
    assert len(result.events) == 1 and result.decisions[0].rule == "override:merge"


def test_id_stable_when_newer_report_arrives() -> None:
    reports = rocket_reports()
    before = merge_events(reports[:2]).events[0].event_id
    after = merge_events(reports).events[0].event_id
    assert before == after == reports[0].event_id


def test_explain_lists_features_and_evidence() -> None:
    result = merge_events(rocket_reports())
    rows = explain(result.events[0], result.decisions)
    assert len(rows) == 2
    assert rows[0]["features"]["date_overlap"] == 1.0
    assert rows[0]["evidence"] and rows[0]["score"] >= 0.62


def test_front_group_matches_parent_through_kb_links() -> None:
    front = Actor("Qassem al-Jabarin", "claimant", "Q_front", parent="Kataib Hezbollah")
    parent = Actor("Kataib Hezbollah", "suspected", "Q_kh")
    a = report("Rockets hit Ain al-Asad on Wednesday.", "AFP", "2022-01-05", actors=(front,))
    b = report("Rockets hit Ain al-Asad on Wednesday.", "AP", "2022-01-05", actors=(parent,))
    (ev,) = merge_events([a, b]).events
    assert {a.name for a in ev.actors} == {"Qassem al-Jabarin", "Kataib Hezbollah"}


def test_remerge_is_idempotent() -> None:
    once = merge_events(rocket_reports()).events
    twice = merge_events(once).events
    assert [e.to_dict() for e in once] == [e.to_dict() for e in twice]


@settings(max_examples=25, deadline=None)
@given(st.permutations(range(5)))
def test_merge_is_order_independent(order: list[int]) -> None:
    pool = [
        *rocket_reports(),
        report("Rockets hit Baghdad airport on Wednesday.", "AP", "2022-01-05", place=BAGHDAD),
        report("Two rockets hit Ain al-Asad on Friday.", "AP", "2022-01-07"),
    ]
    baseline = [e.to_dict() for e in merge_events(pool).events]
    shuffled = [pool[i] for i in order]
    assert [e.to_dict() for e in merge_events(shuffled).events] == baseline


def test_undated_reports_need_more_than_place_and_type() -> None:
    """An archive without publication dates: every meeting "in Tehran" is a Diplomatic event
    there with no date. Place and type alone do not make two meetings one; a reprint of the
    same wire text still merges."""
    undated = DateInterval.unknown("no date expression and no publication date")
    tehran = Place("Tehran", "IR", "Tehran", 35.69, 51.42, 1)
    talks = dict(sub="Diplomatic event", event_type="Diplomacy", place=tehran)
    a = report(
        "The Slovenian president held talks with senior Iranian officials in Tehran.",
        "Tehran Times",
        "2017-01-01",
        date=undated,
        **talks,
    )
    b = report(
        "Iran's deputy foreign minister met his Russian counterpart in Tehran to confer on Syria.",
        "IRNA",
        "2017-01-02",
        date=undated,
        **talks,
    )
    reprint = report(
        "Iran's deputy foreign minister met his Russian counterpart in Tehran to confer on Syria.",
        "Press TV",
        "2017-01-03",
        date=undated,
        **talks,
    )
    merged = merge_events([a, b, reprint]).events
    assert sorted(len(e.sources) for e in merged) == [1, 2]


def test_merged_actors_list_the_best_supported_first() -> None:
    """The first outlet names the wrong group; three later ones name Kataib Hezbollah. The
    merged event keeps every report's actors, the majority's first, so a headline ("X
    against Y") shows what most sources say, not what the oldest report got wrong."""
    kh = Actor("Kataib Hezbollah", "perpetrator")
    other = Actor("Asaib Ahl al-Haq", "perpetrator")
    slip = report(
        "Rockets fired by Asaib Ahl al-Haq struck Ain al-Asad air base on Wednesday.",
        "Levant Monitor",
        "2022-01-05",
        actors=(other,),
    )
    later = [
        report(
            f"Kataib Hezbollah rockets hit Ain al-Asad air base on Wednesday ({outlet}).",
            outlet,
            "2022-01-06",
            day="2022-01-05",
            actors=(kh,),
        )
        for outlet in ("AFP", "Reuters", "AP")
    ]
    [event] = merge_events([slip, *later]).events
    perpetrators = [a.name for a in event.actors if a.role == "perpetrator"]
    assert perpetrators == ["Kataib Hezbollah", "Asaib Ahl al-Haq"]
