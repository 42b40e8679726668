"""Timeline building: ordering, importance, background mentions merged or placed."""

from __future__ import annotations

import datetime as dt

from dateline.records import Actor, Article, DateInterval, Evidence
from dateline.timeline import build_timeline
from dateline.timeline.build import headline, importance, merge_background
from tests.timeline.helpers import event

D = dt.date


def test_entries_are_in_date_order_whatever_the_input_order():
    evs = [event("ev_c", D(2022, 1, 9)), event("ev_a", D(2022, 1, 2)), event("ev_b", D(2022, 1, 5))]
    tl = build_timeline(evs)
    assert [e.event_ids[0] for e in tl] == ["ev_a", "ev_b", "ev_c"]
    assert build_timeline(list(reversed(evs))) == tl


def test_max_entries_keeps_the_most_important_then_reorders_by_date():
    big = event("ev_big", D(2022, 3, 1), dead=40, sources=("a1", "a2", "a3"))
    small = [event(f"ev_s{i}", D(2022, 1, 1 + i)) for i in range(5)]
    tl = build_timeline([*small, big], max_entries=3)
    assert len(tl) == 3
    assert "ev_big" in {e.event_ids[0] for e in tl}
    assert [e.date.start for e in tl] == sorted(e.date.start for e in tl)


def test_importance_grows_with_sources_fatalities_and_later_references():
    base = event("ev_1", D(2022, 1, 5))
    assert importance(event("ev_1", D(2022, 1, 5), sources=("a1", "a2"))) > importance(base)
    assert importance(event("ev_1", D(2022, 1, 5), dead=12)) > importance(base)
    later = event("ev_1", D(2022, 1, 5), sources=("a1",), published=D(2022, 2, 1))
    assert importance(later) > importance(base)
    protest = event("ev_1", D(2022, 1, 5), etype="Protests", sub="Peaceful protest")
    assert importance(protest) < importance(base)


def test_background_mention_is_merged_into_the_reported_event():
    news = event("ev_news", D(2022, 1, 5), dead=6, sources=("a1",))
    recall = event(
        "ev_bg", D(2022, 1, 5), background=True, sources=("a9",), published=D(2022, 2, 20)
    )
    tl = build_timeline([news, recall])
    assert len(tl) == 1
    assert tl[0].event_ids == ("ev_news", "ev_bg")
    assert {s.article_id for s in tl[0].sources} == {"a1", "a9"}
    assert tl[0].importance > build_timeline([news])[0].importance
    assert not tl[0].background


def test_unmatched_background_event_is_placed_at_its_own_date():
    news = event("ev_news", D(2022, 1, 5))
    old = event("ev_old", D(2019, 6, 1), background=True, sources=("a2",), published=D(2022, 1, 6))
    tl = build_timeline([news, old])
    assert [e.event_ids for e in tl] == [("ev_old",), ("ev_news",)]
    assert tl[0].background and tl[0].date.start == D(2019, 6, 1)
    assert merge_background([news, old]) == [(news, []), (old, [])]


def test_undated_events_are_left_out():
    undated = event("ev_u", D(2022, 1, 5)).with_(date=DateInterval.unknown())
    assert build_timeline([undated, event("ev_d", D(2022, 1, 6))])[0].event_ids == ("ev_d",)
    assert len(build_timeline([undated])) == 0


def test_short_evidence_is_widened_to_its_sentence_from_the_article():
    text = "Police said. A car bomb exploded near the market on Tuesday. Six died."
    start = text.index("car bomb")
    ev = event("ev_1", D(2022, 1, 4)).with_(
        evidence=(Evidence.from_span("a1", "event", text, start, start + 8),)
    )
    art = Article("a1", text)
    entry = build_timeline([ev], {"a1": art})[0]
    assert entry.sentences[0].text == "A car bomb exploded near the market on Tuesday."
    assert entry.sentences[0].is_valid_for(text)


def test_headline_names_type_place_and_dead():
    assert headline(event("ev_1", D(2022, 1, 5), dead=6)) == (
        "Remote explosive/landmine/IED in Kirkuk, 6 killed"
    )


def test_widened_sentence_drops_the_paragraph_newline():
    text = "Rockets hit the base\nA rocket struck the base on Monday, officials said\nMore."
    start = text.index("rocket struck")
    ev = event("ev_1", D(2022, 1, 3)).with_(
        evidence=(Evidence.from_span("a1", "event", text, start, start + 13),)
    )
    sent = build_timeline([ev], {"a1": Article("a1", text)})[0].sentences[0]
    assert sent.text == "A rocket struck the base on Monday, officials said"
    assert sent.is_valid_for(text)


def test_background_mentions_of_one_past_event_are_shown_once():
    vague = event(
        "ev_year", D(2020, 1, 1), background=True, sources=("a1",), sub="Air/drone strike"
    ).with_(date=DateInterval(D(2020, 1, 1), D(2020, 12, 31), "year", "test"))
    exact = event("ev_day", D(2020, 1, 3), background=True, sources=("a2",), sub="Air/drone strike")
    other = event("ev_ied", D(2020, 1, 3), background=True, sources=("a3",))
    tl = build_timeline([vague, exact, other])
    assert sorted(e.event_ids for e in tl) == [("ev_day", "ev_year"), ("ev_ied",)]
    merged = next(e for e in tl if "ev_day" in e.event_ids)
    assert merged.date.start == merged.date.end == D(2020, 1, 3)


def test_headline_never_reads_x_against_x():
    us = Actor("United States Armed Forces", "perpetrator")
    same = Actor("United States Armed Forces", "target")
    ev = event("ev_1", D(2022, 1, 7), sub="Air/drone strike", actors=(us, same))
    assert "against" not in headline(ev)
    militia = Actor("Kataib Hezbollah", "target")
    assert headline(ev.with_(actors=(us, same, militia))).endswith(
        "against Kataib Hezbollah in Kirkuk"
    )
