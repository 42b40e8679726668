"""``Store``: dateline's one DuckDB file, and the only code that speaks SQL to it.

Articles and their mentions are written together in one transaction per batch, keyed by
content ids. That single rule gives the three guarantees the CLI promises: a re-run adds
nothing (the ids are already there), new files add only their own rows, and a run killed
half way resumes at the first article whose transaction did not commit.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from dateline.errors import SchemaTooNew, StoreError, UnknownEvent
from dateline.ids import stable_id
from dateline.merge.features import COARSE_DAYS
from dateline.records import Article, Event
from dateline.store.rows import (
    ARTICLE_COLUMNS,
    article_from_row,
    article_row,
    derived_rows,
    log_entries,
)
from dateline.store.schema import DERIVED_TABLES, MIGRATIONS, SCHEMA_VERSION

DEFAULT_DB = Path("dateline.duckdb")


class Store:
    """An open dateline database. Use as a context manager, or call ``close()``."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such database (run `dateline run` first)")
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open database: {exc}") from exc
        if not read_only:
            self._migrate()
        self._check_version()

    # -- lifecycle -----------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def _stored_version(self) -> int:
        try:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.CatalogException:
            return 0
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        version = self._stored_version()
        if version > SCHEMA_VERSION:
            return  # refused by _check_version with a clear message
        for target in range(version + 1, SCHEMA_VERSION + 1):
            self.con.execute("BEGIN")
            self.con.execute(MIGRATIONS[target])
            self.con.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(target)]
            )
            self.con.execute("COMMIT")

    def _check_version(self) -> None:
        version = self._stored_version()
        if version > SCHEMA_VERSION:
            raise SchemaTooNew(
                f"{self.path}: schema version {version} is newer than this dateline "
                f"understands ({SCHEMA_VERSION}); upgrade dateline"
            )

    # -- runs ----------------------------------------------------------------------------
    def start_run(self, config_hash: str, versions: dict[str, str], inputs: Sequence[str]) -> str:
        started = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        run_id = stable_id("run", started.isoformat(), config_hash)
        self.con.execute(
            "INSERT INTO runs (run_id, started, config_hash, versions, inputs, status) "
            "VALUES (?, ?, ?, ?, ?, 'running')",
            [run_id, started, config_hash, json.dumps(versions), json.dumps(list(inputs))],
        )
        return run_id

    def finish_run(
        self, run_id: str, *, read: int, skipped: int, mentions: int, status: str = "done"
    ) -> None:
        finished = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        self.con.execute(
            "UPDATE runs SET finished = ?, articles_read = ?, articles_skipped = ?, "
            "mentions = ?, status = ? WHERE run_id = ?",
            [finished, read, skipped, mentions, status, run_id],
        )

    # -- facts: articles, mentions, skips ----------------------------------------------------
    def known_article_ids(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT article_id FROM articles").fetchall()}

    def add_articles(
        self, batch: Sequence[tuple[Article, Sequence[dict[str, Any]]]], run_id: str | None
    ) -> int:
        """Store processed articles with their mention records, all or nothing.

        ``batch`` pairs each article with its mentions as single-source event dicts (the
        shape merging reads back), each with its blocking key under ``"_block"``.
        Returns how many articles were new.
        """
        known = self.known_article_ids()
        fresh = [(a, ms) for a, ms in batch if a.article_id not in known]
        if not fresh:
            return 0
        article_rows = [article_row(a, len(ms), run_id) for a, ms in fresh]
        mention_rows = [
            (
                m["mention_ids"][0],
                a.article_id,
                m["sub_event_type"],
                m.get("_block"),
                m["date"]["start"],
                m["date"]["end"],
                json.dumps({k: v for k, v in m.items() if k != "_block"}),
            )
            for a, ms in fresh
            for m in ms
        ]
        self.con.execute("BEGIN")
        try:
            self._insert("articles", ARTICLE_COLUMNS, article_rows, ignore=True)
            self._insert(
                "mentions",
                (
                    "mention_id",
                    "article_id",
                    "sub_event_type",
                    "block",
                    "date_start",
                    "date_end",
                    "record",
                ),
                mention_rows,
                ignore=True,
            )
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return len(fresh)

    def add_skip(self, path: str, code: str, reason: str, run_id: str | None) -> None:
        self.con.execute(
            "INSERT OR IGNORE INTO skips VALUES (?, ?, ?, ?)", [path, code, reason, run_id]
        )

    def articles(self, ids: Iterable[str] | None = None) -> dict[str, Article]:
        sql = f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles"
        params: list[Any] = []
        if ids is not None:
            wanted = sorted(set(ids))
            if not wanted:
                return {}
            sql += " WHERE article_id IN (SELECT unnest(?))"
            params = [wanted]
        return {row[0]: article_from_row(row) for row in self.con.execute(sql, params).fetchall()}

    def mention_records(self, ids: Iterable[str] | None = None) -> Iterator[dict[str, Any]]:
        """Stored mentions (all, or those in ``ids``) as single-source event dicts."""
        if ids is None:
            cur = self.con.execute("SELECT record FROM mentions ORDER BY mention_id")
        else:
            cur = self.con.execute(
                "SELECT record FROM mentions WHERE mention_id IN "
                "(SELECT unnest(?)) ORDER BY mention_id",
                [sorted(set(ids))],
            )
        while rows := cur.fetchmany(10_000):
            for (record,) in rows:
                yield json.loads(record)

    # -- overrides and the merge log ---------------------------------------------------------
    def add_override(self, action: str, mention_ids: Sequence[str], note: str = "") -> str:
        ids = sorted(set(mention_ids))
        override_id = stable_id("ov", action, *ids)
        created = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        self.con.execute(
            "INSERT OR REPLACE INTO overrides VALUES (?, ?, ?, ?, ?)",
            [override_id, action, json.dumps(ids), note, created],
        )
        return override_id

    def overrides(self) -> list[dict[str, Any]]:
        rows = self.con.execute(
            "SELECT override_id, action, mention_ids, note, created FROM overrides "
            "ORDER BY created, override_id"
        ).fetchall()
        return [
            {
                "override_id": r[0],
                "action": r[1],
                "mention_ids": tuple(json.loads(r[2])),
                "note": r[3],
                "created": r[4],
            }
            for r in rows
        ]

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

    def count(self, table: str) -> int:
        return int(self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # type: ignore[index]

    def info(self) -> dict[str, Any]:
        """What is stored: counts per table, the schema version and the last run."""
        counts = {
            t: self.count(t)
            for t in (
                "articles",
                "mentions",
                "skips",
                "events",
                "event_sources",
                "overrides",
                "merge_log",
                "runs",
            )
        }
        last = self.con.execute(
            "SELECT run_id, started, finished, config_hash, versions, status FROM runs "
            "ORDER BY started DESC LIMIT 1"
        ).fetchone()
        run = None
        if last:
            run = {
                "run_id": last[0],
                "started": str(last[1]),
                "finished": str(last[2]),
                "config_hash": last[3],
                "versions": json.loads(last[4]),
                "status": last[5],
            }
        return {
            "path": str(self.path),
            "schema_version": self._stored_version(),
            "counts": counts,
            "last_run": run,
        }

    def sql(self, query: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Read-only escape hatch for views (web API, exports) that need aggregates."""
        return self.con.execute(query, list(params)).fetchall()

    # -- helpers -------------------------------------------------------------------------
    def _insert(
        self,
        table: str,
        columns: Sequence[str] | None,
        rows: Sequence[tuple[Any, ...]],
        *,
        ignore: bool = False,
    ) -> None:
        """Bulk insert through an Arrow table: orders of magnitude faster than executemany."""
        if not rows:
            return
        if columns is None:
            columns = [r[0] for r in self.con.execute(f"DESCRIBE {table}").fetchall()]
        arrow = pa.table({c: pa.array([r[i] for r in rows]) for i, c in enumerate(columns)})
        self.con.register("_incoming", arrow)
        try:
            verb = "INSERT OR IGNORE" if ignore else "INSERT"
            cols = ", ".join(f'"{c}"' for c in columns)
            self.con.execute(f"{verb} INTO {table} ({cols}) SELECT {cols} FROM _incoming")
        finally:
            self.con.unregister("_incoming")
