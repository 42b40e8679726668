"""Synthetic single-report events of realistic density, for the merge scale benchmark.

Real events are spread over ``days`` and ``countries`` with power-law weights (a few
countries and, inside each, a few cities get most events, as in ACLED); each event is told
by 1-5 reports that disagree the way outlets do: a region instead of the town, a week or
month instead of the day, a neighbouring sub-type, another casualty count. Seeded and
generated one country at a time, so memory is bounded by the largest country.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass

from dateline.records import (
    EVENT_TYPE_OF,
    Count,
    DateInterval,
    Event,
    Evidence,
    Place,
    SourceRef,
)

SUBTYPES = (
    ("Armed clash", 30),
    ("Attack", 20),
    ("Shelling/artillery/missile attack", 12),
    ("Air/drone strike", 10),
    ("Remote explosive/landmine/IED", 8),
    ("Peaceful protest", 12),
    ("Abduction/forced disappearance", 4),
    ("Arrests", 4),
)
ALTERNATIVE = {
    "Armed clash": "Attack",
    "Attack": "Armed clash",
    "Shelling/artillery/missile attack": "Air/drone strike",
    "Air/drone strike": "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED": "Suicide bomb",
    "Peaceful protest": "Protest with intervention",
}
START = dt.date(2024, 1, 1)


@dataclass(frozen=True)
class SynthConfig:
    events: int = 1_000_000  # single-report events (the merge input)
    countries: int = 40
    days: int = 730
    places_per_country: int = 300
    seed: int = 20261122


def _zipf(rng: random.Random, n: int, s: float = 1.1) -> list[float]:
    weights = [1.0 / (k + 1) ** s for k in range(n)]
    rng.shuffle(weights)
    return weights


def country_partitions(cfg: SynthConfig) -> Iterator[list[tuple[Event, str]]]:
    """Per country: ``(event, real_event_id)`` pairs; the id is the gold cluster."""
    for c in range(cfg.countries):
        yield country_partition(cfg, c)


def partition_sizes(cfg: SynthConfig) -> list[int]:
    """Reports in each country partition, largest first (the order of the partitions)."""
    rng = random.Random(cfg.seed)
    shares = sorted(_zipf(rng, cfg.countries), reverse=True)
    total = sum(shares)
    return [round(cfg.events * share / total) for share in shares]


def country_partition(cfg: SynthConfig, c: int) -> list[tuple[Event, str]]:
    """Partition ``c`` alone, as ``country_partitions`` yields it: every country has its
    own seeded generator, so a worker process can make its partition from the seed
    instead of receiving it."""
    n = partition_sizes(cfg)[c]
    return list(_country(cfg, c, n, random.Random(cfg.seed * 1000 + c)))


def _country(cfg: SynthConfig, c: int, n: int, rng: random.Random) -> Iterator[tuple[Event, str]]:
    code = f"{chr(65 + c // 26)}{chr(65 + c % 26)}"
    lat0, lon0 = rng.uniform(-30, 50), rng.uniform(-20, 120)
    places = [
        (
            f"Town {code}-{k}",
            f"Region {code}-{k % 12}",
            lat0 + rng.uniform(-4, 4),
            lon0 + rng.uniform(-4, 4),
        )
        for k in range(cfg.places_per_country)
    ]
    place_w = _zipf(rng, len(places))
    subs, sub_w = zip(*SUBTYPES, strict=True)
    made = real = 0
    while made < n:
        real += 1
        day = START + dt.timedelta(days=rng.randrange(cfg.days))
        town = rng.choices(places, place_w)[0]
        sub = rng.choices(subs, sub_w)[0]
        deaths = int(rng.paretovariate(1.2)) - 1
        gold = f"{code}-{real}"
        for r in range(min(rng.randint(1, 5), n - made)):
            made += 1
            yield _report(rng, code, gold, r, day, town, sub, deaths), gold


def _report(
    rng: random.Random,
    code: str,
    gold: str,
    r: int,
    day: dt.date,
    town: tuple[str, str, float, float],
    sub: str,
    deaths: int,
) -> Event:
    name, region, lat, lon = town
    roll = rng.random()
    if roll < 0.85:
        date = DateInterval(day, day, "day", "synthetic")
    elif roll < 0.95:
        monday = day - dt.timedelta(days=day.weekday())
        date = DateInterval(monday, monday + dt.timedelta(days=6), "week", "synthetic")
    else:
        first = day.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        date = DateInterval(first, last, "month", "synthetic")
    roll = rng.random()
    if roll < 0.7:
        place = Place(name, code, region, lat, lon, 1)
    elif roll < 0.9:
        place = Place(f"near {name}", code, region, lat + 0.1, lon + 0.1, 2)
    else:
        place = Place(region, code, region, None, None, 3)
    if rng.random() < 0.1 and sub in ALTERNATIVE:
        sub = ALTERNATIVE[sub]
    if rng.random() < 0.2:
        deaths = max(0, deaths + rng.randint(-3, 5))
    article = f"art_{gold}_{r}"
    text = f"{sub} in {place.name} left {deaths} dead, officials said ({gold.split('-')[0]})."
    return Event(
        event_id=f"ev_{gold}_{r}",
        event_type=EVENT_TYPE_OF[sub],
        sub_event_type=sub,
        date=date,
        location=place,
        fatalities=Count(deaths, deaths),
        sources=(
            SourceRef(
                article,
                f"outlet{rng.randrange(60)}",
                None,
                (day + dt.timedelta(days=r)).isoformat(),
            ),
        ),
        evidence=(Evidence(article, "event", 0, len(text), text),),
        confidence=0.6,
        mention_ids=(f"mn_{gold}_{r}",),
    )
