"""What every part of ``Store`` shares: the open connection and the bulk insert.

``Store`` is assembled from one class per concern (``facts``: what articles and users add;
``view``: the merged events rebuilt from them; ``duck``: opening, versioning and inspecting the
file). They all write through the one DuckDB connection declared here, and insert rows the one
fast way, so none of them needs to know about the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa


class StoreBase:
    """The connection a ``Store`` part speaks SQL through (opened by ``duck.Store``)."""

    path: Path
    con: duckdb.DuckDBPyConnection

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
