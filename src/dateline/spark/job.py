"""dateline on Spark: the local pipeline's own code, distributed.

* **ingest + extract + ground** run in ``mapPartitions``: each partition loads the spaCy
  model once (``load_nlp`` is cached per worker process) and calls exactly the function the
  local pipeline calls, ``pipeline.extract_articles``.
* **merge** uses the local blocking key. Two reports can only be joined when they share a
  block (country, type group), so grouping by that key with Spark SQL and running the local
  ``merge_events`` on each group gives the same events, ids and conflicts as one local merge.
  Analyst ``merge`` overrides that span blocks are honoured by uniting those blocks first.
  Reports that name no country are compared across countries in a local merge; here every
  country's block makes them an offer (``merge.core.route_offers``), the best offer wins
  (``best_routes``) and the report joins that block before the merge: the same decision.

Inputs: text/HTML/CSV/feed/WARC files are spread over the executors file by file; Parquet
and JSONL tables are read by Spark itself, so one huge file is still split into partitions.
Nothing is dropped silently: inputs that gave no article and articles the extractor failed
on are written to ``skips.parquet`` with their reasons, as the local run's ``skips`` table.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.records import Article, Event

TABLE_SUFFIXES = (".parquet", ".jsonl")


#: Block key under which an executor reports a skip instead of a mention (never a real key).
SKIP = "\x00skip"


@dataclass
class SparkSummary:
    articles: int
    mentions: int
    events: int
    output: str
    skipped: int = 0


def spark_session(master: str = "local[2]", app: str = "dateline"):  # -> SparkSession
    """A session whose Python workers run this interpreter (and so see dateline)."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    return (
        SparkSession.builder.master(master)
        .appName(app)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )


# -- executors: these functions run inside Spark tasks ---------------------------------------
def _articles_from_files(paths: Iterable[str]) -> Iterator[Any]:  # Article | Skip
    from dateline.ingest import ReadOptions, iter_articles

    yield from iter_articles(list(paths), ReadOptions())


def _articles_from_rows(source: str) -> Any:
    def convert(rows: Iterable[Any]) -> Iterator[Any]:  # Article | Skip
        from dateline.ingest import ReadOptions
        from dateline.ingest.readers.tabular import resolve_fields, rows_to_articles

        dicts = [(int(r["_row"]), r.asDict()) for r in rows]
        if not dicts:
            return
        columns = [c for c in dicts[0][1] if c != "_row"]
        fields = resolve_fields(columns, None)
        yield from rows_to_articles(iter(dicts), fields, Path(source), ReadOptions())

    return convert


def _extract_partition(articles: Iterable[Article]) -> Iterator[tuple[str, str]]:
    """(block key, single-source event JSON) for every mention in this partition, and
    (SKIP, skip JSON) for every article the extractor failed on."""
    from dateline.errors import ExtractionFailed
    from dateline.pipeline import block_key, extract_articles, mention_events, origin

    failures: list[tuple[str, str]] = []

    def failed(article: Article, reason: str) -> None:
        row = {"path": origin(article), "code": ExtractionFailed.code, "reason": reason}
        failures.append((SKIP, json.dumps(row, sort_keys=True)))

    for article, mentions in extract_articles(articles, batch_size=16, on_failure=failed):
        for event in mention_events(article, mentions):
            yield block_key(event), json.dumps(event.to_dict(), sort_keys=True)
        yield from failures
        failures.clear()
    yield from failures


def _skip_row(item: Any) -> tuple[str, str, str]:  # an ingest Skip
    return (item.path, item.code, item.reason)


def _merge_group(policy: str, overrides: Sequence[Any]):
    def merge(group: tuple[str, Iterable[str]]) -> Iterator[str]:
        from dateline.merge import merge_events

        events = [Event.from_dict(json.loads(r)) for r in group[1]]
        mine = [o for o in overrides if _touches(o, events)]
        for event in merge_events(events, overrides=mine, policy=policy).events:
            yield json.dumps(event.to_dict(), sort_keys=True)

    return merge


def _offers(strays: Any):
    """One country's block -> the offers it makes to the country-less reports of its type
    group (``strays``: a broadcast of "|group" -> their records)."""

    def offer(group: tuple[str, Iterable[str]]) -> Iterator[Any]:
        from dateline.merge.core import route_offers

        block, records = group
        mine = strays.value.get(block[block.index("|") :], ())
        if mine:
            members = [Event.from_dict(json.loads(r)) for r in records]
            yield from route_offers([Event.from_dict(json.loads(r)) for r in mine], members)

    return offer


def _routed(routes: Any):
    """(block, record) -> (the block of the country it was routed to, record)."""

    def route(kv: tuple[str, str]) -> tuple[str, str]:
        block, record = kv
        if not block.startswith("|") or not routes.value:
            return kv
        country = routes.value.get(json.loads(record)["mention_ids"][0])
        return (country + block if country else block), record

    return route


def _touches(override: Any, events: Sequence[Event]) -> bool:
    ids = set(override.mention_ids)
    return any(ids.intersection(e.mention_ids) for e in events)


# -- driver ------------------------------------------------------------------------------
def united_blocks(keys_by_mention: Mapping[str, str], overrides: Sequence[Any]) -> dict[str, str]:
    """block -> representative block, so a merge override spanning blocks is merged whole."""
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.get(k, k) != k:
            k = parent[k]
        return k

    for o in overrides:
        if o.action != "merge":
            continue
        keys = sorted({keys_by_mention[m] for m in o.mention_ids if m in keys_by_mention})
        for k in keys[1:]:
            a, b = find(keys[0]), find(k)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return {k: find(k) for k in parent}


def run_spark(
    inputs: Sequence[str | Path],
    out_dir: str | Path,
    *,
    master: str = "local[2]",
    policy: str = "conservative",
    overrides: Sequence[Any] = (),
    spark: Any = None,
) -> SparkSummary:
    """Extract and merge ``inputs`` on Spark; write ``events.parquet`` and ``mentions.parquet``."""
    from pyspark.sql import functions as F

    from dateline.ingest.files import expand_paths

    spark = spark or spark_session(master)
    sc = spark.sparkContext
    # Remote tables (s3a://, hdfs://...) go straight to Spark's readers; local paths are
    # expanded like the local pipeline expands them.
    remote = [str(p) for p in inputs if "://" in str(p)]
    files = [
        str(p)
        for p in expand_paths([p for p in inputs if "://" not in str(p)])
        if isinstance(p, Path)
    ]
    tables = [f for f in files + remote if f.endswith(TABLE_SUFFIXES)]
    singles = [f for f in files if f not in tables]
    parts = []
    if singles:
        slices = max(1, min(len(singles), sc.defaultParallelism * 4))
        parts.append(sc.parallelize(sorted(singles), slices).mapPartitions(_articles_from_files))
    for table in tables:
        frame = spark.read.parquet(table) if table.endswith(".parquet") else spark.read.json(table)
        frame = frame.withColumn("_row", F.monotonically_increasing_id() + 1)
        parts.append(frame.rdd.mapPartitions(_articles_from_rows(table)))
    if not parts:
        raise ValueError("no input files")
    items = (parts[0] if len(parts) == 1 else sc.union(parts)).cache()
    ingest_skips = items.filter(lambda x: not isinstance(x, Article)).map(_skip_row)
    # Articles met twice (the same text in two files) are kept once, as locally.
    articles = (
        items.filter(lambda x: isinstance(x, Article))
        .keyBy(lambda a: a.article_id)
        .reduceByKey(lambda a, b: a if (a.source_path or "") <= (b.source_path or "") else b)
        .values()
    )
    n_articles = articles.count()
    extracted = articles.mapPartitions(_extract_partition).cache()
    mentions = extracted.filter(lambda kv: kv[0] != SKIP)
    mentions = mentions.map(_routed(sc.broadcast(_stray_routes(mentions, sc))))
    failed = extracted.filter(lambda kv: kv[0] == SKIP).values().map(json.loads)
    failed_rows = [(r["path"], r["code"], r["reason"]) for r in failed.collect()]
    skips = sorted(ingest_skips.collect() + failed_rows, key=lambda r: (r[1], r[0], r[2]))
    keys = (
        dict(mentions.map(lambda kv: (json.loads(kv[1])["mention_ids"][0], kv[0])).collect())
        if overrides
        else {}
    )
    remap = sc.broadcast(united_blocks(keys, overrides))
    frame = spark.createDataFrame(
        mentions.map(lambda kv: (remap.value.get(kv[0], kv[0]), kv[1])),
        "block string, record string",
    )
    out = Path(out_dir)
    frame.write.mode("overwrite").parquet(str(out / "mentions.parquet"))
    spark.createDataFrame(skips, "path string, code string, reason string").coalesce(1).write.mode(
        "overwrite"
    ).parquet(str(out / "skips.parquet"))
    grouped = frame.groupBy("block").agg(F.collect_list("record").alias("records"))
    merged = grouped.rdd.map(lambda r: (r["block"], r["records"])).flatMap(
        _merge_group(policy, list(overrides))
    )
    events = spark.createDataFrame(
        merged.map(_event_columns), "event_id string, date_start string, record string"
    )
    events = events.orderBy(F.col("date_start").asc_nulls_last(), "event_id")
    events.write.mode("overwrite").parquet(str(out / "events.parquet"))
    summary = SparkSummary(n_articles, frame.count(), events.count(), str(out), len(skips))
    extracted.unpersist()
    items.unpersist()
    return summary


def _stray_routes(mentions: Any, sc: Any) -> dict[str, str]:
    """Mention id -> country for the reports naming no country that match one (few: they
    are collected to the driver and broadcast to every block of their type group)."""
    from dateline.merge.core import best_routes

    strays: dict[str, list[str]] = {}
    for block, record in mentions.filter(lambda kv: kv[0].startswith("|")).collect():
        strays.setdefault(block, []).append(record)
    if not strays:
        return {}
    shared = sc.broadcast(strays)
    offers = (
        mentions.filter(lambda kv: not kv[0].startswith("|"))
        .groupByKey()
        .flatMap(_offers(shared))
        .collect()
    )
    return best_routes(offers)


def _event_columns(record: str) -> tuple[str, str | None, str]:
    d = json.loads(record)
    return d["event_id"], d["date"]["start"], record


def read_events(out_dir: str | Path) -> list[Event]:
    """The events a Spark run wrote, in the local pipeline's order (date, then id)."""
    import pyarrow.parquet as pq

    table = pq.read_table(Path(out_dir) / "events.parquet", columns=["record"])
    events = [Event.from_dict(json.loads(r)) for r in table.column("record").to_pylist()]
    return sorted(
        events, key=lambda e: (e.date.start.isoformat() if e.date.start else "9999", e.event_id)
    )
