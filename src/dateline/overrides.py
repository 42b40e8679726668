"""Analysts' overrides: take reports out of an event, or join events, through one door;
and, before deciding, why two stored events were not joined (:func:`why_apart`).

The CLI and the HTTP API both call these two functions, so a split or a merge is checked
the same way wherever it comes from, and both re-merge only the neighbourhood of the
reports involved (what ``Store.neighbourhood`` returns), not the whole database: an
analyst correcting one event in a store of a million reports should not wait for all of
them. The override itself is stored and replayed by every later merge (``merge.core``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dateline.errors import OverrideRejected
from dateline.merge.compare import Comparison, compare
from dateline.merge.model import Override
from dateline.records import Event
from dateline.store import Store


@dataclass(frozen=True)
class OverrideResult:
    """What an override did: its id, how many events were re-merged, where reports sit now."""

    override_id: str
    events: int
    placed: dict[str, str]


def split_event(
    store: Store,
    event_id: str,
    mention_ids: Sequence[str],
    note: str = "",
    *,
    policy: str = "conservative",
) -> OverrideResult:
    """Take ``mention_ids`` out of ``event_id`` so no merge joins them to the rest again.

    Every id must be a report of that event, and at least one report must stay behind:
    a split of every report would keep them all together, which is not what was asked.
    Raises ``UnknownEvent`` for an unknown event and ``OverrideRejected`` otherwise.
    """
    members = set(store.event(event_id).mention_ids)
    taken = set(mention_ids)
    if not taken:
        raise OverrideRejected("a split needs at least one report to take out")
    missing = taken - members
    if missing:
        raise OverrideRejected(f"not in {event_id}: {', '.join(sorted(missing))}")
    if members <= taken:
        raise OverrideRejected("a split must leave at least one report behind")
    return _record(store, "split", sorted(taken), note, policy, members)


def merge_events(
    store: Store, ids: Sequence[str], note: str = "", *, policy: str = "conservative"
) -> OverrideResult:
    """Join the events (or single reports) ``ids`` into one event that later runs keep.

    An event id stands for all its reports; a report id stands for itself, so the override
    stays precise if that report's event is later split. Raises ``UnknownEvent`` for an id
    the store does not hold and ``OverrideRejected`` when fewer than two reports remain.
    """
    mention_ids: list[str] = []
    for ident in dict.fromkeys(ids):
        event = store.event(ident)  # raises UnknownEvent; accepts report ids too
        mention_ids += list(event.mention_ids) if ident == event.event_id else [ident]
    mention_ids = sorted(set(mention_ids))
    if len(mention_ids) < 2:
        raise OverrideRejected("a merge needs at least two events or reports")
    return _record(store, "merge", mention_ids, note, policy, mention_ids)


def _record(
    store: Store,
    action: str,
    mention_ids: list[str],
    note: str,
    policy: str,
    watched: Sequence[str] | set[str],
) -> OverrideResult:
    from dateline.pipeline import rebuild_events

    override_id = store.add_override(action, mention_ids, note)
    events = rebuild_events(store, policy=policy, new_mentions=mention_ids)
    placed = dict(
        store.sql(
            "SELECT mention_id, event_id FROM event_sources WHERE mention_id IN (SELECT unnest(?))",
            [sorted(watched)],
        )
    )
    return OverrideResult(override_id, events, placed)


def why_apart(store: Store, event_id: str, other_id: str) -> tuple[Event, Event, Comparison]:
    """The two stored events and every pair of their reports as the merge saw them, with
    the analyst's splits taken into account (``UnknownEvent`` for a bad id)."""
    left, right = store.event(event_id), store.event(other_id)
    reports = {
        e.mention_ids[0]: e
        for e in map(
            Event.from_dict, store.mention_records([*left.mention_ids, *right.mention_ids])
        )
    }
    splits = [
        Override("split", tuple(o["mention_ids"]))
        for o in store.overrides()
        if o["action"] == "split"
    ]
    comparison = compare(
        [reports[m] for m in left.mention_ids if m in reports],
        [reports[m] for m in right.mention_ids if m in reports],
        splits,
    )
    return left, right, comparison


__all__ = ["OverrideResult", "merge_events", "split_event", "why_apart"]
