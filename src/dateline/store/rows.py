"""Rows of dateline's tables from its records and back: pure functions, no SQL.

``duck.Store`` runs the statements; what goes into each row, and which merges and splits a
new merged view amounts to, is decided here where it can be read (and tested) alone.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from dateline.records import Article, DateInterval, Event
from dateline.store.schema import DERIVED_TABLES


def derived_rows(
    events: Sequence[Event],
    decisions: Sequence[Any],
    stories: dict[str, str],
    owner: dict[str, str],
) -> dict[str, list[tuple[Any, ...]]]:
    """Rows of every derived table for a merged view; ``owner`` maps mention -> article."""
    rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in DERIVED_TABLES}
    for ev in events:
        rows["events"].append(event_row(ev, stories))
        published = {s.article_id: s.published for s in ev.sources}
        outlets = {s.article_id: s.outlet for s in ev.sources}
        for mention_id in ev.mention_ids:
            article_id = owner.get(mention_id)
            rows["event_sources"].append(
                (
                    ev.event_id,
                    article_id,
                    mention_id,
                    outlets.get(article_id),
                    published.get(article_id),
                )
            )
        rows["evidence"] += [
            (ev.event_id, e.article_id, e.field, e.start, e.end, e.text) for e in ev.evidence
        ]
        rows["field_values"] += [
            (ev.event_id, f.field, f.article_id, json.dumps(f.value)) for f in ev.field_values
        ]
        rows["actors"] += [
            (ev.event_id, a.name, a.role, a.kb_id, a.parent, a.attributed_by) for a in ev.actors
        ]
        rows["conflicts"] += [
            (ev.event_id, c.field, json.dumps(c.to_dict()["values"])) for c in ev.conflicts
        ]
    rows["merges"] = [
        (
            d.event_id,
            d.absorbed_id,
            float(d.score),
            d.rule,
            json.dumps(d.features, sort_keys=True),
        )
        for d in decisions
    ]
    return rows


def log_entries(
    before: dict[str, str], events: Sequence[Event], run_id: str | None
) -> list[tuple[Any, ...]]:
    """merge_log rows saying which old events were folded into which new ones, and which
    events lost reports, between the view ``before`` (mention -> event) and ``events``."""
    if not before:
        return []
    old_groups: dict[str, set[str]] = {}
    for mention, event_id in before.items():
        old_groups.setdefault(event_id, set()).add(mention)
    new_ids = {ev.event_id for ev in events}
    entries = []
    for ev in events:
        members = set(ev.mention_ids)
        origins = {before[m] for m in members if m in before} - {ev.event_id}
        for other in sorted(origins - new_ids):  # an old event folded into ev
            entries.append((run_id, "merge", ev.event_id, other, None))
        moved = old_groups.get(ev.event_id, set()) - members
        if moved:  # reports that left ev, for a new event or another one
            entries.append(
                (
                    run_id,
                    "split",
                    ev.event_id,
                    None,
                    json.dumps({"mentions_moved": sorted(moved)}),
                )
            )
    return entries


ARTICLE_COLUMNS = (
    "article_id",
    "source_path",
    "reader",
    "outlet",
    "url",
    "title",
    "published_start",
    "published_end",
    "published_precision",
    "published_reason",
    "language",
    "text",
    "metadata",
    "run_id",
    "n_mentions",
)


def article_row(a: Article, n_mentions: int, run_id: str | None) -> tuple[Any, ...]:
    p = a.published
    return (
        a.article_id,
        a.source_path,
        a.reader,
        a.outlet,
        a.url,
        a.title,
        p.start,
        p.end,
        p.precision,
        p.reason,
        a.language,
        a.text,
        json.dumps(a.metadata, default=str, sort_keys=True),
        run_id,
        n_mentions,
    )


def article_from_row(r: tuple[Any, ...]) -> Article:
    published = DateInterval(r[6], r[7], r[8] or "unknown", r[9] or "")
    return Article(
        article_id=r[0],
        source_path=r[1],
        reader=r[2],
        outlet=r[3],
        url=r[4],
        title=r[5],
        published=published,
        language=r[10],
        text=r[11],
        metadata=json.loads(r[12]) if r[12] else {},
    )


def event_row(ev: Event, stories: dict[str, str]) -> tuple[Any, ...]:
    loc, fat, inj = ev.location, ev.fatalities, ev.injured
    first_article = ev.sources[0].article_id if ev.sources else None
    return (
        ev.event_id,
        ev.event_type,
        ev.sub_event_type,
        ev.status,
        ev.background,
        ev.date.start,
        ev.date.end,
        ev.date.precision,
        loc.name if loc else None,
        loc.country_code if loc else None,
        loc.admin1 if loc else None,
        loc.latitude if loc else None,
        loc.longitude if loc else None,
        loc.precision if loc else None,
        fat.min if fat else None,
        fat.max if fat else None,
        inj.min if inj else None,
        inj.max if inj else None,
        len({s.article_id for s in ev.sources}),
        len({s.outlet or s.article_id for s in ev.sources}),
        len(ev.conflicts),
        float(ev.confidence),
        stories.get(first_article or ""),
        json.dumps(ev.to_dict(), sort_keys=True),
    )
