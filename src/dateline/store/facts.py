"""The facts in a dateline database: runs, articles, their mentions, skips and overrides.

Facts are only ever appended, keyed by content ids. Articles and their mentions are written
together in one transaction per batch, which is what makes a re-run add nothing and a run
killed half way resume at the first article whose transaction did not commit. Overrides are
facts too: a user's "merge these" or "split these", kept apart from the view they change.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from dateline.ids import stable_id
from dateline.records import Article
from dateline.store.base import StoreBase
from dateline.store.rows import ARTICLE_COLUMNS, article_from_row, article_row


class FactsMixin(StoreBase):
    """Appending and reading the facts; see ``duck.Store`` for the whole database."""

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

    # -- overrides ---------------------------------------------------------------------------
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
