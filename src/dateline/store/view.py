"""The merged view: events rebuilt from the mentions, swapped in whole, with a log of changes.

The merge stage reads mentions back (all of them, or only the ``neighbourhood`` an incremental
merge must revisit), and ``replace_events`` swaps its result in one transaction, so readers
never see a half-merged state. Every swap appends to the merge log which events were merged or
split, so downstream users can replay the changes. The read side (``events``, ``event``,
``decisions_for``) is what the CLI, the web API and the exports show.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from dateline.errors import UnknownEvent
from dateline.merge.features import COARSE_DAYS
from dateline.records import Event
from dateline.store.base import StoreBase
from dateline.store.rows import derived_rows, log_entries
from dateline.store.schema import DERIVED_TABLES


class ViewMixin(StoreBase):
    """Rebuilding and reading the merged events; see ``duck.Store`` for the whole database."""

    # -- the merge log -------------------------------------------------------------------
    def merge_log(self) -> list[dict[str, Any]]:
        rows = self.con.execute(
            "SELECT seq, run_id, action, event_id, other_id, detail FROM merge_log ORDER BY seq"
        ).fetchall()
        return [
            {
                "seq": r[0],
                "run_id": r[1],
                "action": r[2],
                "event_id": r[3],
                "other_id": r[4],
                "detail": json.loads(r[5]) if r[5] else None,
            }
            for r in rows
        ]

    # -- views: events -----------------------------------------------------------------
    def neighbourhood(self, mention_ids: Sequence[str], slack_days: int = 1) -> set[str]:
        """Mentions an incremental merge must revisit when ``mention_ids`` are new.

        That is every mention the merge could pair with a new one, plus all mentions of the
        events those already belong to. Candidates share a block, or a type group when
        either names no country (such reports are compared across countries and routed to
        their best match, ``merge.blocking.route_strays``); their dates touch within
        ``slack_days`` once each coarse interval is widened by its slack
        (``merge.features.date_slack``: half its width from COARSE_DAYS up); undated reports
        meet their whole block. It grows with the new mentions and their candidates, not with
        the size of the database.
        """
        slack = (
            "(CASE WHEN {t}.date_end - {t}.date_start >= {coarse} "
            "THEN (({t}.date_end - {t}.date_start) // 2) ELSE 0 END)"
        )
        m_slack = slack.format(t="m", coarse=int(COARSE_DAYS))
        n_slack = slack.format(t="n", coarse=int(COARSE_DAYS))
        reach = f"CAST({int(slack_days)} + {m_slack} + {n_slack} AS INTEGER)"
        rows = self.con.execute(
            f"""
            WITH new AS (SELECT * FROM mentions WHERE mention_id IN (SELECT unnest(?))),
            near AS (
                SELECT m.mention_id FROM mentions m JOIN new n
                  ON m.block = n.block
                  OR ((starts_with(m.block, '|') OR starts_with(n.block, '|'))
                      AND substr(m.block, strpos(m.block, '|'))
                          = substr(n.block, strpos(n.block, '|')))
                WHERE (m.date_end + ({reach}) >= n.date_start
                       AND m.date_start <= n.date_end + ({reach}))
                   OR m.date_start IS NULL OR n.date_start IS NULL
                UNION SELECT mention_id FROM new),
            touched AS (SELECT DISTINCT event_id FROM event_sources
                        WHERE mention_id IN (SELECT mention_id FROM near))
            SELECT mention_id FROM near
            UNION SELECT mention_id FROM event_sources
                  WHERE event_id IN (SELECT event_id FROM touched)""",
            [sorted(set(mention_ids))],
        ).fetchall()
        return {r[0] for r in rows}

    def replace_events(
        self,
        events: Sequence[Event],
        decisions: Sequence[Any] = (),
        stories: dict[str, str] | None = None,
        run_id: str | None = None,
        *,
        replacing: Iterable[str] | None = None,
    ) -> None:
        """Swap in a new merged view, logging which events were merged or split since the
        previous view so downstream users can replay the changes.

        With ``replacing`` (mention ids), only the events holding those mentions are
        swapped out (an incremental merge); otherwise the whole view is rebuilt.
        """
        scope = None if replacing is None else sorted(set(replacing))
        before = self._membership(scope)
        owner = dict(
            self.con.execute(
                "SELECT mention_id, article_id FROM mentions "
                "WHERE mention_id IN (SELECT unnest(?))",
                [[m for ev in events for m in ev.mention_ids]],
            ).fetchall()
        )
        rows = derived_rows(events, decisions, stories or {}, owner)
        self.con.execute("BEGIN")
        try:
            if scope is None:
                for table in DERIVED_TABLES:
                    self.con.execute(f"DELETE FROM {table}")
            else:
                gone = sorted(set(before.values()))
                for table in DERIVED_TABLES:
                    self.con.execute(
                        f"DELETE FROM {table} WHERE event_id IN (SELECT unnest(?))", [gone]
                    )
            for table in DERIVED_TABLES:
                self._insert(table, None, rows[table])
            self._log_changes(before, events, run_id)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def _membership(self, scope: Sequence[str] | None = None) -> dict[str, str]:
        """mention_id -> event_id in the current view (for the mentions in ``scope``)."""
        if scope is None:
            return dict(
                self.con.execute("SELECT mention_id, event_id FROM event_sources").fetchall()
            )
        return dict(
            self.con.execute(
                "SELECT mention_id, event_id FROM event_sources WHERE event_id IN (SELECT event_id "
                "FROM event_sources WHERE mention_id IN (SELECT unnest(?)))",
                [scope],
            ).fetchall()
        )

    def _log_changes(
        self, before: dict[str, str], events: Sequence[Event], run_id: str | None
    ) -> None:
        entries = log_entries(before, events, run_id)
        if entries:
            self.con.executemany(
                "INSERT INTO merge_log (run_id, action, event_id, other_id, detail) "
                "VALUES (?, ?, ?, ?, ?)",
                entries,
            )

    def events(
        self,
        where: str = "",
        params: Sequence[Any] = (),
        *,
        limit: int | None = None,
        offset: int = 0,
        order: str = "date_start NULLS LAST, event_id",
    ) -> list[Event]:
        sql = "SELECT record FROM events" + (f" WHERE {where}" if where else "")
        sql += f" ORDER BY {order}"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return [
            Event.from_dict(json.loads(r[0]))
            for r in self.con.execute(sql, list(params)).fetchall()
        ]

    def event(self, event_id: str) -> Event:
        found = self.events("event_id = ?", [event_id])
        if not found:
            mention = self.con.execute(
                "SELECT event_id FROM event_sources WHERE mention_id = ?", [event_id]
            ).fetchone()
            if mention:
                return self.event(mention[0])
            raise UnknownEvent(f"no event {event_id!r} in {self.path}")
        return found[0]

    def decisions_for(self, event_id: str) -> list[dict[str, Any]]:
        rows = self.con.execute(
            "SELECT event_id, absorbed_id, score, rule, features FROM merges WHERE event_id = ? "
            "ORDER BY absorbed_id",
            [event_id],
        ).fetchall()
        return [
            {
                "event_id": r[0],
                "absorbed_id": r[1],
                "score": r[2],
                "rule": r[3],
                "features": json.loads(r[4]),
            }
            for r in rows
        ]
