"""Storage: one embedded DuckDB file holding articles, mentions, merged events and runs."""

from dateline.store.duck import DEFAULT_DB, Store
from dateline.store.schema import SCHEMA_VERSION

__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "Store"]
