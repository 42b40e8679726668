"""``Store``: dateline's one DuckDB file, and the only code that speaks SQL to it.

Articles and their mentions are written together in one transaction per batch, keyed by
content ids. That single rule gives the three guarantees the CLI promises: a re-run adds
nothing (the ids are already there), new files add only their own rows, and a run killed
half way resumes at the first article whose transaction did not commit.

``Store`` is put together from one part per concern: opening, migrating and inspecting the
file (here), the appended facts (``facts.FactsMixin``) and the merged view rebuilt from them
with its merge log (``view.ViewMixin``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb

from dateline.errors import SchemaTooNew, StoreError
from dateline.store.facts import FactsMixin
from dateline.store.schema import MIGRATIONS, SCHEMA_VERSION
from dateline.store.view import ViewMixin

DEFAULT_DB = Path("dateline.duckdb")


class Store(FactsMixin, ViewMixin):
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

    # -- inspecting ----------------------------------------------------------------------
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
