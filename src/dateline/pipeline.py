"""The pipeline, stage by stage: ingest -> annotate/extract -> merge -> store.

Each stage lives in its own package; this module only wires them together so that the
CLI, the Spark job, the benchmarks and library users all run exactly the same code.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dateline.errors import ExtractionFailed
from dateline.ids import content_hash
from dateline.provenance import data_digest, package_version, versions
from dateline.records import Article, Event, Mention

if TYPE_CHECKING:
    from dateline.ingest import ReadOptions, Skip
    from dateline.merge import MergeResult
    from dateline.store import Store

MERGE_POLICIES = ("conservative", "ucdp", "latest")


@dataclass(frozen=True)
class RunConfig:
    """Everything that changes the output. Its hash is stored with every run."""

    policy: str = "conservative"
    batch_size: int = 16
    workers: int = 1
    strict: bool = False
    #: Parse only the sentences that could report an event (``dateline.annotate.gate``).
    #: Not in the fingerprint: the gate is checked to leave the output unchanged.
    gate: bool = True

    def fingerprint(self) -> str:
        """Hash of the settings that affect output plus the knowledge files shipped."""
        return content_hash(
            {"policy": self.policy, "data": data_digest(), "dateline": package_version("dateline")}
        )


@dataclass
class RunSummary:
    read: int = 0
    new: int = 0
    already_stored: int = 0
    skipped: list[Skip] = field(default_factory=list)
    mentions: int = 0
    events: int = 0
    seconds: float = 0.0
    #: New articles without a publication date: relative dates ("on Tuesday") in them
    #: cannot be resolved, so their events are dated only by what the text states.
    undated: int = 0


# -- extraction ------------------------------------------------------------------------
def _extract_batch(
    articles: Sequence[Article], gate: bool = True
) -> list[tuple[Article, list[Mention] | str]]:
    """Parse a batch in one ``nlp.pipe`` and extract each article's mentions.

    With ``gate`` the model reads only the sentences that could report an event (see
    ``dateline.annotate.gate``), and an article with no trigger at all is not read. An
    article the extractor fails on comes back with the failure as a string (exceptions do
    not always survive the trip back from a worker process) instead of its mentions.
    """
    from dateline.annotate.gate import may_hold_event, parse

    wanted = [i for i, a in enumerate(articles) if not gate or may_hold_event(a.text)]
    try:
        docs = dict(zip(wanted, parse([articles[i].text for i in wanted], gate=gate), strict=True))
    except Exception:  # one text broke the batch: parse one at a time to find it
        if len(articles) == 1:
            return [(articles[0], _failure())]
        return [out for a in articles for out in _extract_batch([a], gate)]
    return [(a, _extract_one(a, docs[i]) if i in docs else []) for i, a in enumerate(articles)]


def _extract_one(article: Article, doc: Any) -> list[Mention] | str:
    from dateline.extract import extract_article

    try:
        return extract_article(article, doc)
    except Exception:
        return _failure()


def _failure() -> str:
    """The exception being handled, as one line a person can search for."""
    kind, exc, _ = sys.exc_info()
    return f"extraction failed: {kind.__name__ if kind else 'error'}: {exc}"


def _warm_worker() -> None:
    """Load the model and the gate's pattern once per worker, before its first batch."""
    from dateline.annotate.gate import gate
    from dateline.nlp import load_nlp

    load_nlp()
    gate()


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def extract_articles(
    articles: Iterable[Article],
    *,
    workers: int = 1,
    batch_size: int = 16,
    gate: bool = True,
    on_failure: Callable[[Article, str], None] | None = None,
) -> Iterator[tuple[Article, list[Mention]]]:
    """Yield each article with its mentions, in input order.

    An article the extractor fails on is passed to ``on_failure(article, reason)`` and not
    yielded; without ``on_failure`` the failure raises ``ExtractionFailed``.

    With ``workers > 1`` batches go to worker processes (each loads the model once);
    at most ``2 * workers`` batches are in flight so memory stays bounded. ``gate=False``
    runs the full model over every word (the reference the gate is checked against).
    """
    for article, result in _extracted(_batches(articles, batch_size), workers, gate):
        if isinstance(result, str):
            if on_failure is None:
                raise ExtractionFailed(f"{origin(article)}: {result}")
            on_failure(article, result)
        else:
            yield article, result


def origin(article: Article) -> str:
    """Where an article came from, for a person reading an error: its file, else its id."""
    return article.source_path or article.article_id


def _extracted(
    batches: Iterable[list[Article]], workers: int, gate: bool
) -> Iterator[tuple[Article, list[Mention] | str]]:
    if workers <= 1:
        for batch in batches:
            yield from _extract_batch(batch, gate)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_warm_worker) as pool:
        pending = []
        for batch in batches:
            pending.append(pool.submit(_extract_batch, batch, gate))
            if len(pending) >= 2 * workers:
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()


def mention_events(article: Article, mentions: Iterable[Mention]) -> list[Event]:
    """Each mention as a single-source event: the unit merging works on and the store keeps."""
    source = article.source_ref()
    return [Event.from_mention(m, source) for m in mentions]


def block_key(event: Event) -> str:
    """The merge's blocking key (``merge.blocking.block_key``) as one string.

    Stored with each mention so an incremental merge (and the Spark job) can find the
    reports a new one could join without reading the whole database.
    """
    from dateline.merge.blocking import block_key as key

    return "|".join(key(event))


def mention_record(event: Event) -> dict[str, Any]:
    """A single-source event as the store keeps it: the contract dict plus its block."""
    return event.to_dict() | {"_block": block_key(event)}


#: Reports above which a merge is worth starting worker processes for.
PARALLEL_MERGE_ABOVE = 20_000


def merge(
    events: Sequence[Event],
    *,
    policy: str = "conservative",
    overrides: Sequence[Any] = (),
    articles: dict[str, Article] | None = None,
    workers: int = 1,
) -> MergeResult:
    """Merge single-report events; large merges cluster their blocks in ``workers``
    processes (the result is the same for any number; small ones are not worth a pool)."""
    from dateline.merge import merge_events

    workers = workers if len(events) >= PARALLEL_MERGE_ABOVE else 1
    return merge_events(
        events, overrides=overrides, policy=policy, articles=articles, workers=workers
    )


# -- whole runs ------------------------------------------------------------------------
def read(
    paths: Sequence[str | Path],
    options: ReadOptions | None = None,
) -> Iterator[Article | Skip]:
    from dateline.ingest import ReadOptions, iter_articles

    return iter_articles(paths, options or ReadOptions())


def extract(
    paths: Sequence[str | Path],
    *,
    options: ReadOptions | None = None,
    policy: str = "conservative",
    on_skip: Callable[[Skip], None] | None = None,
) -> list[Event]:
    """Articles in, merged events out, no database: what ``dateline extract`` prints."""
    from dateline.ingest import Skip

    articles: list[Article] = []
    for item in read(paths, options):
        if isinstance(item, Skip):
            if on_skip:
                on_skip(item)
        else:
            articles.append(item)
    return extract_from_articles(articles, policy=policy)


def extract_from_articles(
    articles: Sequence[Article],
    *,
    policy: str = "conservative",
) -> list[Event]:
    singles = [ev for a, ms in extract_articles(articles) for ev in mention_events(a, ms)]
    by_id = {a.article_id: a for a in articles}
    return merge(singles, policy=policy, articles=by_id).events


def run(
    paths: Sequence[str | Path],
    store: Store,
    *,
    config: RunConfig | None = None,
    options: ReadOptions | None = None,
    on_item: Callable[[Article | Skip, int], None] | None = None,
) -> RunSummary:
    """Ingest ``paths`` into ``store``, then rebuild the merged events.

    Articles already stored are recognised by their content id and not processed again,
    so a re-run adds nothing and an interrupted run picks up where it stopped.
    ``on_item(item, n_mentions)`` is called per article or skip (the CLI's progress bar).
    """
    from dateline.ingest import Skip

    config = config or RunConfig()
    started = time.perf_counter()
    summary = RunSummary()
    run_id = store.start_run(config.fingerprint(), versions(), [str(p) for p in paths])
    known = store.known_article_ids()

    def fresh_articles() -> Iterator[Article]:
        for item in read(paths, options):
            if isinstance(item, Skip):
                if config.strict and item.error is not None:
                    raise item.error
                summary.skipped.append(item)
                store.add_skip(item.path, item.code, item.reason, run_id)
                if on_item:
                    on_item(item, 0)
                continue
            summary.read += 1
            if item.article_id in known:
                summary.already_stored += 1
                if on_item:
                    on_item(item, 0)
                continue
            known.add(item.article_id)
            if not item.published.is_known:
                summary.undated += 1
            yield item

    def failed(article: Article, reason: str) -> None:
        """One article the extractor broke on: recorded and reported, the run goes on; it is
        not stored, so the next run tries it again."""
        skip = Skip(origin(article), reason)
        summary.skipped.append(skip)
        store.add_skip(skip.path, ExtractionFailed.code, reason, run_id)
        known.discard(article.article_id)
        if on_item:
            on_item(skip, 0)

    incremental = store.count("events") > 0
    new_mentions: list[str] = []
    pending: list[tuple[Article, list[dict[str, Any]]]] = []
    for article, mentions in extract_articles(
        fresh_articles(),
        workers=config.workers,
        batch_size=config.batch_size,
        gate=config.gate,
        on_failure=None if config.strict else failed,  # strict: extract_articles raises
    ):
        records = [mention_record(ev) for ev in mention_events(article, mentions)]
        pending.append((article, records))
        summary.mentions += len(records)
        new_mentions += [r["mention_ids"][0] for r in records]
        if on_item:
            on_item(article, len(records))
        if len(pending) >= config.batch_size:
            summary.new += store.add_articles(pending, run_id)
            pending = []
    summary.new += store.add_articles(pending, run_id)
    if new_mentions or not incremental:
        rebuild_events(
            store,
            policy=config.policy,
            run_id=run_id,
            new_mentions=new_mentions if incremental else None,
            workers=config.workers,
        )
    summary.events = store.count("events")
    store.finish_run(
        run_id, read=summary.read, skipped=len(summary.skipped), mentions=summary.mentions
    )
    summary.seconds = time.perf_counter() - started
    return summary


def rebuild_events(
    store: Store,
    *,
    policy: str = "conservative",
    run_id: str | None = None,
    new_mentions: Sequence[str] | None = None,
    workers: int = 1,
) -> int:
    """Merge stored mentions (honouring analyst overrides) into the events view.

    With ``new_mentions`` only their neighbourhood is re-merged (see
    ``Store.neighbourhood``), so adding a day of news costs time proportional to that day.
    Returns the number of events re-merged.
    """
    from dateline.merge import Override, story_clusters

    scope = None if new_mentions is None else store.neighbourhood(new_mentions)
    overrides = [
        Override(
            action=o["action"], mention_ids=o["mention_ids"], note=o["note"], created=o["created"]
        )
        for o in store.overrides()
    ]
    if scope is not None:
        override_ids = {m for o in overrides for m in o.mention_ids}
        if override_ids & scope:  # an override reaches outside: take its mentions along
            scope |= override_ids
        overrides = [o for o in overrides if scope.intersection(o.mention_ids)]
    singles = [Event.from_dict(r) for r in store.mention_records(scope)]
    result = merge(singles, policy=policy, overrides=overrides, workers=workers)
    article_ids = {s.article_id for ev in result.events for s in ev.sources}
    articles = store.articles(article_ids)
    stories = story_clusters(list(articles.values()), result.events)
    store.replace_events(result.events, result.decisions, stories, run_id, replacing=scope)
    return len(result.events)
