"""The DuckDB schema, versioned so an old database is upgraded and a newer one is refused.

Two kinds of tables live here:

* **facts** written as articles are processed: ``articles``, ``mentions``, ``skips``,
  ``runs``, ``overrides``, ``merge_log``. They are only ever appended to (keyed by content
  ids), which is what makes a re-run add nothing and a killed run resume where it stopped.
* **views of the facts** rebuilt by the merge stage: ``events``, ``event_sources``,
  ``evidence``, ``field_values``, ``actors``, ``conflicts``, ``merges``. They are replaced
  as a whole in one transaction, so readers never see a half-merged state.
"""

from __future__ import annotations

#: Bump when a migration is added to ``MIGRATIONS``.
SCHEMA_VERSION = 1

_V1 = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR PRIMARY KEY, started TIMESTAMP, finished TIMESTAMP,
    config_hash VARCHAR, versions JSON, inputs JSON,
    articles_read INTEGER, articles_skipped INTEGER, mentions INTEGER, status VARCHAR
);

CREATE TABLE IF NOT EXISTS articles (
    article_id VARCHAR PRIMARY KEY, source_path VARCHAR, reader VARCHAR, outlet VARCHAR,
    url VARCHAR, title VARCHAR, published_start DATE, published_end DATE,
    published_precision VARCHAR, published_reason VARCHAR, language VARCHAR,
    text VARCHAR, metadata JSON, run_id VARCHAR, n_mentions INTEGER
);

CREATE TABLE IF NOT EXISTS mentions (
    mention_id VARCHAR PRIMARY KEY, article_id VARCHAR, sub_event_type VARCHAR,
    block VARCHAR, date_start DATE, date_end DATE, record JSON
);
CREATE INDEX IF NOT EXISTS mentions_block ON mentions (block);

CREATE TABLE IF NOT EXISTS skips (
    path VARCHAR, code VARCHAR, reason VARCHAR, run_id VARCHAR,
    PRIMARY KEY (path, reason)
);

CREATE TABLE IF NOT EXISTS overrides (
    override_id VARCHAR PRIMARY KEY, action VARCHAR, mention_ids JSON, note VARCHAR,
    created VARCHAR
);

CREATE SEQUENCE IF NOT EXISTS merge_log_seq;
CREATE TABLE IF NOT EXISTS merge_log (
    seq BIGINT DEFAULT nextval('merge_log_seq'), run_id VARCHAR, action VARCHAR,
    event_id VARCHAR, other_id VARCHAR, detail JSON
);

CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY, event_type VARCHAR, sub_event_type VARCHAR,
    status VARCHAR, background BOOLEAN, date_start DATE, date_end DATE,
    date_precision VARCHAR, location_name VARCHAR, country_code VARCHAR, admin1 VARCHAR,
    latitude DOUBLE, longitude DOUBLE, location_precision INTEGER,
    fatalities_min INTEGER, fatalities_max INTEGER, injured_min INTEGER, injured_max INTEGER,
    n_sources INTEGER, n_outlets INTEGER, n_conflicts INTEGER, confidence DOUBLE,
    story_id VARCHAR, record JSON
);
CREATE TABLE IF NOT EXISTS event_sources (
    event_id VARCHAR, article_id VARCHAR, mention_id VARCHAR, outlet VARCHAR, published DATE
);
CREATE TABLE IF NOT EXISTS evidence (
    event_id VARCHAR, article_id VARCHAR, field VARCHAR, start_char INTEGER,
    end_char INTEGER, text VARCHAR
);
CREATE TABLE IF NOT EXISTS field_values (
    event_id VARCHAR, field VARCHAR, article_id VARCHAR, value JSON
);
CREATE TABLE IF NOT EXISTS actors (
    event_id VARCHAR, name VARCHAR, role VARCHAR, kb_id VARCHAR, parent VARCHAR,
    attributed_by VARCHAR
);
CREATE TABLE IF NOT EXISTS conflicts (event_id VARCHAR, field VARCHAR, "values" JSON);
CREATE TABLE IF NOT EXISTS merges (
    event_id VARCHAR, absorbed_id VARCHAR, score DOUBLE, rule VARCHAR, features JSON
);
"""

#: version -> DDL that brings a database from version-1 to version.
MIGRATIONS: dict[int, str] = {1: _V1}

#: Tables rebuilt wholesale by each merge (see module docstring).
DERIVED_TABLES = (
    "events",
    "event_sources",
    "evidence",
    "field_values",
    "actors",
    "conflicts",
    "merges",
)
