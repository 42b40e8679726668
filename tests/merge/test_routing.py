"""Reports that name no country, merged block by block (as Spark does) with offers from each
country's block, end where one local merge ends."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from dateline.merge import merge_events
from dateline.merge.blocking import block_key
from dateline.merge.core import best_routes, route_offers
from dateline.records import DateInterval, Event, Place
from tests.store.test_incremental import STRIKE, article, reports, single, span

BAGHDAD = Place("Baghdad", "IQ", "Baghdad", 33.34, 44.40, 1)


def more_reports() -> list[Event]:
    """A rival match in Iraq for the Emwazi stray (the same name, an older report), and a
    stray that matches nothing."""
    mosul = article(
        "Officials said Emwazi was targeted by a US air strike near Baghdad in 2015.",
        "Iraqi Wire",
        dt.date(2016, 1, 4),
    )
    lost = article("An air strike hit a convoy, the ministry said.", "Agency", dt.date(2015, 6, 2))
    return [
        single(mosul, STRIKE, span("2015-01-01", "2015-12-31", "year"), BAGHDAD),
        single(lost, STRIKE, DateInterval.day(dt.date(2015, 6, 1), "Monday"), None),
    ]


def groups(events: list[Event]) -> set[tuple[str, ...]]:
    return {tuple(sorted(e.mention_ids)) for e in events}


def block_by_block(events: list[Event]) -> list[Event]:
    """What the Spark job does: offers, routes, then one merge per block."""
    blocks: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        country, group = block_key(e)
        blocks[f"{country}|{group}"].append(e)
    offers = [
        offer
        for key, members in sorted(blocks.items())
        if not key.startswith("|")
        for offer in route_offers(blocks.get(key[key.index("|") :], []), members)
    ]
    routes = best_routes(offers)
    routed: dict[str, list[Event]] = defaultdict(list)
    for key, members in blocks.items():
        for e in members:
            country = routes.get(e.mention_ids[0], "") if key.startswith("|") else ""
            routed[country + key].append(e)
    return [e for members in routed.values() for e in merge_events(members).events]


def test_offers_route_strays_as_one_local_merge() -> None:
    events = [e for _, e in reports()] + more_reports()
    local = merge_events(events).events
    assert groups(block_by_block(events)) == groups(local)
    by_size = sorted(len(e.mention_ids) for e in local)
    assert by_size.count(1) >= 2 and max(by_size) >= 2  # something routed, something not


def test_the_best_offer_wins_and_ties_go_to_the_older_report() -> None:
    old, new = ("2015-01-02", "m1", "e1"), ("2016-01-02", "m2", "e2")
    offers = [("s", 0.70, new, "SY"), ("s", 0.70, old, "IQ"), ("t", 0.65, old, "IQ")]
    offers.append(("t", 0.80, new, "SY"))
    assert best_routes(offers) == {"s": "IQ", "t": "SY"}
    assert best_routes(reversed(offers)) == {"s": "IQ", "t": "SY"}
