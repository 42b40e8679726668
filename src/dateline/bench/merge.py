"""``dateline bench merge``: pairwise merge precision/recall, and speed at scale.

Two modes:

* ``dateline bench merge gold/demo_events.jsonl gold/guardian_events.jsonl`` turns every gold
  event mention into a single-report event (gold mentions, as in the standard coreference
  setting, so extraction errors do not count against merging), merges them, and scores the
  clusters against gold's ``event`` labels with pairwise precision and recall.
  ``--pairs`` lists every wrongly joined and every missed pair with its features and score,
  the material for deciding case by case between a scoring fix, a gold error and a real limit.
  ``--end-to-end`` runs the extractor on the gold articles instead, merges what it finds and
  scores the clusters of the extracted mentions that match a gold mention.
* ``dateline bench merge --synthetic 1000000`` merges seeded synthetic reports
  (:mod:`dateline.merge.synth`) one country partition at a time and reports wall time, peak
  RSS and pairwise P/R against the synthetic truth.
"""

from __future__ import annotations

import resource
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from dateline.merge import merge_events
from dateline.records import Article, DateInterval, Event, Evidence, Mention, Place, SourceRef

TARGET = 0.9
TIME_LIMIT_S = 600


def gold_events(path: str | Path) -> tuple[list[Event], dict[str, str]]:
    """Gold mentions of one file as single-report events, and mention_id -> gold event."""
    from dateline.bench.gold import load_gold

    events, truth = [], {}
    stem = Path(path).stem
    for g in load_gold(path):
        article = f"{stem}:{g.article}"
        mention_id = Mention.make_id(article, g.sub_event_type, g.line)
        evidence = (
            (Evidence(article, "event", 0, len(g.evidence), g.evidence),) if g.evidence else ()
        )
        outlet = Path(g.article.partition("#")[0]).stem.split("_")[1:2]
        mention = Mention(
            mention_id,
            article,
            g.event_type,
            g.sub_event_type,
            g.status,
            g.background,
            _precise(g.date),
            _point(g.location),
            _actors(g),
            g.fatalities,
            g.injured,
            evidence,
        )
        source = SourceRef(article, outlet[0] if outlet else None)
        events.append(Event.from_mention(mention, source))
        truth[mention_id] = f"{stem}:{g.event}"
    return events, truth


def _precise(date: DateInterval) -> DateInterval:
    """Gold gives intervals only; their width says how precise they are."""
    if not date.is_known:
        return date
    assert date.start and date.end
    width = (date.end - date.start).days
    precision = "day" if width == 0 else "week" if width < 7 else "month" if width < 31 else "year"
    return DateInterval(date.start, date.end, precision, "gold")


def _point(place: Place | None) -> Place | None:
    """Gold places with coordinates are points (precision 1), others regions (3)."""
    if place is None or place.latitude is None:
        return place
    return Place(
        place.name,
        place.country_code,
        place.admin1,
        place.latitude,
        place.longitude,
        1,
        place.gazetteer_id,
    )


def _actors(g: Any) -> tuple:
    from dateline.records import Actor

    out = []
    for role in ("perpetrator", "claimant", "suspected"):
        value = getattr(g, role)
        for name in (value if isinstance(value, tuple) else (value,)) if value else ():
            out.append(Actor(name, role))
    return tuple(out)


def pairwise(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, int, int]:
    """Pairwise precision, recall, and the predicted / gold pair counts (contingency sums)."""

    def pairs(counts: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    shared = pred.keys() & gold.keys()
    p_pairs = pairs(Counter(pred[m] for m in shared))
    g_pairs = pairs(Counter(gold[m] for m in shared))
    hits = pairs(Counter((pred[m], gold[m]) for m in shared))
    return (
        hits / p_pairs if p_pairs else 1.0,
        hits / g_pairs if g_pairs else 1.0,
        p_pairs,
        g_pairs,
    )


def score_gold_files(paths: Sequence[str]) -> list[dict[str, Any]]:
    rows = []
    for path in paths:
        events, truth = gold_events(path)
        merged = merge_events(events).events
        pred = {m: e.event_id for e in merged for m in e.mention_ids}
        p, r, np_, ng = pairwise(pred, truth)
        rows.append(
            {
                "file": Path(path).name,
                "mentions": len(events),
                "events": len(merged),
                "gold_events": len(set(truth.values())),
                "precision": p,
                "recall": r,
                "pred_pairs": np_,
                "gold_pairs": ng,
            }
        )
    return rows


def pair_errors(
    events: Sequence[Event], truth: Mapping[str, str], articles: Mapping[str, Article] | None = None
) -> list[dict[str, Any]]:
    """Every pair of gold-labelled mentions the merge gets wrong: ``false`` (joined, gold
    keeps them apart) or ``missed`` (gold joins them, the merge does not), with the pair's
    features, its score and whether blocking made it a candidate at all (a pair that never
    meets is a blocking limit, not a scoring one). ``truth`` maps mention id -> gold event;
    mentions outside it (unmatched extractions) are merged but not listed."""
    from itertools import combinations

    from dateline.merge.blocking import candidate_pairs
    from dateline.merge.features import Profile, pair_features, pair_score

    merged = merge_events(events, articles=articles).events
    pred = {m: e.event_id for e in merged for m in e.mention_ids}
    profiles = [Profile.of(i, e) for i, e in enumerate(events)]
    candidates = set(candidate_pairs(profiles))
    labelled = [p for p in profiles if p.event.mention_ids[0] in truth]
    rows = []
    for a, b in combinations(labelled, 2):
        ma, mb = a.event.mention_ids[0], b.event.mention_ids[0]
        joined, same = pred[ma] == pred[mb], truth[ma] == truth[mb]
        if joined == same:
            continue
        rows.append(
            {
                "kind": "false" if joined else "missed",
                "gold": (truth[ma].rpartition(":")[2], truth[mb].rpartition(":")[2]),
                "candidate": (a.index, b.index) in candidates,
                "score": pair_score(a, b),
                "features": pair_features(a, b),
                "mentions": (_describe(a.event), _describe(b.event)),
            }
        )
    return rows


def _describe(event: Event) -> str:
    loc = event.location
    date = f"{event.date.start}..{event.date.end}" if event.date.is_known else "undated"
    return " | ".join(
        (
            _article_name(event.sources[0].article_id) if event.sources else event.event_id,
            f"{event.sub_event_type} ({event.status}{', background' if event.background else ''})",
            date,
            loc.name if loc and loc.name else "no place",
            ", ".join(a.name for a in event.actors) or "no actor",
            event.evidence[0].text[:140] if event.evidence else "",
        )
    )


def extracted_events(
    path: str | Path, roots: Sequence[Path]
) -> tuple[list[Event], dict[str, str], dict[str, Article]]:
    """The extractor's mentions of the gold articles as single-report events, the gold event
    of each one that matches a gold mention (one-to-one, the events benchmark's rule), and
    the articles by id (for publication dates)."""
    from dateline.bench.events import read_gold_articles
    from dateline.bench.gold import Candidate, article_key, load_gold_set, match_mentions
    from dateline.extract import extract_article
    from dateline.pipeline import mention_events

    gold_set = load_gold_set(path)
    articles = read_gold_articles(gold_set, roots)
    events: list[Event] = []
    gold_of: dict[str, str] = {}
    for ref, gold in sorted(gold_set.by_article().items()):
        article = articles.get(article_key(ref))
        if article is None:
            continue
        mentions = extract_article(article)
        events += mention_events(article, mentions)
        found = [Candidate.from_mention(m, article_key(ref)) for m in mentions]
        for g, c in match_mentions(gold, found):
            gold_of[c.ident] = g.event
    return events, gold_of, {a.article_id: a for a in articles.values()}


def _article_name(article_id: str) -> str:
    """Gold-mention events carry ``FILE:ARTICLE`` ids; extracted ones content hashes."""
    return article_id.partition(":")[2] or article_id


def end_to_end(path: str | Path, roots: Sequence[Path]) -> dict[str, Any]:
    """Merge the extractor's output for the gold articles and score the clusters of the
    mentions that match a gold mention against the gold clusters. Extraction misses and
    false positives drop out of the pairs (they still take part in merging), so this is
    merging on real extractor output; ``matched`` says how much of the gold it covers."""
    from dateline.bench.gold import load_gold_set

    events, gold_of, articles = extracted_events(path, roots)
    merged = merge_events(events, articles=articles).events
    pred = {m: e.event_id for e in merged for m in e.mention_ids}
    p, r, np_, ng = pairwise({m: pred[m] for m in gold_of}, gold_of)
    return {
        "file": Path(path).name,
        "gold_mentions": len(load_gold_set(path).mentions),
        "extracted": len(events),
        "matched": len(gold_of),
        "events": len(merged),
        "precision": p,
        "recall": r,
        "pred_pairs": np_,
        "gold_pairs": ng,
    }


def synthetic_partition(n: int, seed: int, c: int) -> dict[str, Any]:
    """Generate and merge country partition ``c`` of ``n`` synthetic reports; counts only,
    so a worker process sends back a few numbers rather than the events."""
    from dateline.merge.synth import SynthConfig, country_partition

    cfg = SynthConfig(events=n, seed=seed)
    part = country_partition(cfg, c)
    events = [e for e, _ in part]
    gold = {e.mention_ids[0]: g for e, g in part}
    t0 = time.perf_counter()
    merged = merge_events(events).events
    seconds = time.perf_counter() - t0
    pred = {m: e.event_id for e in merged for m in e.mention_ids}
    p, r, np_, ng = pairwise(pred, gold)
    return {
        "partition": c,
        "events_in": len(events),
        "events_out": len(merged),
        "seconds_merge": seconds,
        "hits_p": round(p * np_),
        "pairs_p": np_,
        "hits_r": round(r * ng),
        "pairs_r": ng,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def run_synthetic(
    n: int,
    seed: int,
    workers: int = 2,
    progress: Callable[[dict[str, Any], dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """Merge ``n`` synthetic reports partition by partition; time, memory and accuracy.

    No pair crosses a country, so partitions go to ``workers`` processes, largest first
    (wall time about max(largest, total / workers)); each worker makes its partition from
    the seed, so memory holds one partition per worker. ``progress(partition, totals)`` is
    called as each partition finishes, so a run stopped early still says how far it got.
    The figures are the same for any number of workers (sums of per-partition counts).
    """
    from dateline.merge.synth import SynthConfig, partition_sizes

    sizes = partition_sizes(SynthConfig(events=n, seed=seed))
    started = time.perf_counter()
    totals: dict[str, Any] = dict.fromkeys(
        ("partitions", "events_in", "events_out", "hits_p", "pairs_p", "hits_r", "pairs_r"), 0
    )
    totals["seconds_merge"] = 0.0
    totals["worker_rss_mb"] = 0.0

    def add(row: dict[str, Any]) -> None:
        totals["partitions"] += 1
        for k in ("events_in", "events_out", "hits_p", "pairs_p", "hits_r", "pairs_r"):
            totals[k] += row[k]
        totals["seconds_merge"] += row["seconds_merge"]
        totals["worker_rss_mb"] = max(totals["worker_rss_mb"], row["rss_mb"])
        totals["seconds_total"] = time.perf_counter() - started
        if progress:
            progress(row, totals)

    order = sorted(range(len(sizes)), key=lambda c: (-sizes[c], c))
    if workers <= 1:
        for c in order:
            add(synthetic_partition(n, seed, c))
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(synthetic_partition, n, seed, c) for c in order]
            for future in as_completed(futures):
                add(future.result())
    return {
        "events_in": totals["events_in"],
        "events_out": totals["events_out"],
        "partitions": totals["partitions"],
        "workers": workers,
        "seconds_total": time.perf_counter() - started,
        "seconds_merge": totals["seconds_merge"],
        "peak_rss_mb": max(
            totals["worker_rss_mb"],
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        ),
        "precision": totals["hits_p"] / max(1, totals["pairs_p"]),
        "recall": totals["hits_r"] / max(1, totals["pairs_r"]),
    }


@click.command("merge")
@click.argument("gold", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--synthetic", type=int, default=None, help="Merge N synthetic reports instead.")
@click.option("--seed", type=int, default=20261122, show_default=True)
@click.option(
    "--workers", type=int, default=2, show_default=True, help="Processes for --synthetic."
)
@click.option("--pairs", is_flag=True, help="Also list every false and missed pair.")
@click.option(
    "--end-to-end",
    "end2end",
    is_flag=True,
    help="Merge extractor output for the gold articles instead of gold mentions.",
)
@click.option(
    "--corpus-root",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder holding corpus files named as FILE.csv#ROW in the gold (--end-to-end).",
)
def command(
    gold: tuple[str, ...],
    synthetic: int | None,
    seed: int,
    workers: int,
    pairs: bool,
    end2end: bool,
    corpus_root: Path | None,
) -> None:
    """Pairwise merge P/R against gold clusters, or speed on synthetic reports."""
    console = Console()
    if synthetic:
        _print_synthetic(console, synthetic, seed, workers)
        return
    if not gold:
        raise click.UsageError("give gold JSONL files or --synthetic N")
    if end2end:
        _print_end_to_end(console, gold, corpus_root)
    else:
        _print_gold(console, gold)
    if pairs:
        for path in gold:
            if end2end:
                events, truth, articles = extracted_events(path, _roots(path, corpus_root))
                _print_pairs(console, path, pair_errors(events, truth, articles))
            else:
                _print_pairs(console, path, pair_errors(*gold_events(path)))


def _print_synthetic(console: Console, n: int, seed: int, workers: int) -> None:
    def progress(row: dict[str, Any], totals: dict[str, Any]) -> None:
        console.print(
            f"partition {row['partition']:>2}: {row['events_in']:>7,} reports -> "
            f"{row['events_out']:>7,} events in {row['seconds_merge']:6.1f} s | done "
            f"{totals['partitions']} partitions, {totals['events_in']:,} reports, "
            f"{totals['events_out']:,} events, {totals['seconds_total']:.0f} s wall",
            highlight=False,
            soft_wrap=True,
        )

    res = run_synthetic(n, seed, workers=workers, progress=progress)
    table = Table(title=f"merge: {res['events_in']:,} synthetic reports (seed {seed})")
    for col in ("figure", "value", "anchor / target"):
        table.add_column(col)
    table.add_row("events out", f"{res['events_out']:,}", "")
    table.add_row(
        "wall time (s), incl. generation", f"{res['seconds_total']:.0f}", f"< {TIME_LIMIT_S}"
    )
    table.add_row(
        f"merge time (s), summed over {res['workers']} worker(s)",
        f"{res['seconds_merge']:.0f}",
        "",
    )
    table.add_row("peak RSS of one process (MB)", f"{res['peak_rss_mb']:.0f}", "bounded")
    table.add_row("pairwise precision", f"{res['precision']:.3f}", "synthetic truth")
    table.add_row("pairwise recall", f"{res['recall']:.3f}", "synthetic truth")
    console.print(table)


def _print_gold(console: Console, gold: Sequence[str]) -> None:
    table = Table(title="merge: pairwise P/R on gold mentions")
    for col in ("file", "mentions", "events", "gold events", "P", "R", "target"):
        table.add_column(col)
    for row in score_gold_files(gold):
        table.add_row(
            row["file"],
            str(row["mentions"]),
            str(row["events"]),
            str(row["gold_events"]),
            f"{row['precision']:.3f}",
            f"{row['recall']:.3f}",
            f">= {TARGET}",
        )
    console.print(table)


def _print_end_to_end(console: Console, gold: Sequence[str], corpus_root: Path | None) -> None:
    table = Table(title="merge: pairwise P/R on extracted mentions matched to gold")
    cols = ("file", "gold mentions", "extracted", "matched", "events", "P", "R", "target")
    for col in cols:
        table.add_column(col)
    for path in gold:
        row = end_to_end(path, _roots(path, corpus_root))
        table.add_row(
            row["file"],
            str(row["gold_mentions"]),
            str(row["extracted"]),
            str(row["matched"]),
            str(row["events"]),
            f"{row['precision']:.3f} ({row['pred_pairs']} pairs)",
            f"{row['recall']:.3f} ({row['gold_pairs']} pairs)",
            f">= {TARGET}",
        )
    console.print(table)


def _roots(path: str, corpus_root: Path | None) -> list[Path]:
    from dateline.bench.events import DEFAULT_CORPUS_ROOT

    return [Path.cwd(), Path(path).resolve().parent.parent, corpus_root or DEFAULT_CORPUS_ROOT]


def _print_pairs(console: Console, path: str, rows: Sequence[dict[str, Any]]) -> None:
    console.print(f"[bold]{Path(path).name}[/]: {len(rows)} wrong pairs")
    for row in rows:
        met = "candidate" if row["candidate"] else "never a candidate (blocking)"
        console.print(
            f"[bold]{row['kind'].upper()}[/] {' / '.join(row['gold'])}"
            f"  score {row['score']:.4f}  {met}",
            highlight=False,
        )
        for text in row["mentions"]:
            console.print(f"    {text}", highlight=False, markup=False)
        console.print(f"    {row['features']}", highlight=False, markup=False)


if __name__ == "__main__":
    command()
