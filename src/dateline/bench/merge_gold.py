"""Gold scoring for ``dateline bench merge``: pairwise merge precision and recall.

Every gold event mention becomes a single-report event (gold mentions, as in the standard
coreference setting, so extraction errors do not count against merging), the events are
merged, and the clusters are scored against gold's ``event`` labels pairwise. The gold
articles are read when they can be found, for their publication dates, as in a real run.
:func:`pair_errors` lists every
wrong pair with its features, the material for deciding between a scoring fix, a gold
error and a real limit; :func:`end_to_end` runs the extractor on the gold articles instead.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from dateline.merge import merge_events
from dateline.records import Article, DateInterval, Event, Evidence, Mention, Place, SourceRef


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


def default_roots(path: str | Path, corpus_root: Path | None = None) -> list[Path]:
    """Where the gold file's articles are looked for (as the events benchmark does)."""
    from dateline.bench.events import DEFAULT_CORPUS_ROOT

    return [Path.cwd(), Path(path).resolve().parent.parent, corpus_root or DEFAULT_CORPUS_ROOT]


def gold_articles(path: str | Path, roots: Sequence[Path] | None = None) -> dict[str, Article]:
    """The gold file's articles that can be found, under the ids :func:`gold_events` gives
    their mentions ("FILE:ARTICLE"); empty when none can (no corpus at hand)."""
    import click

    from dateline.bench.events import read_gold_articles
    from dateline.bench.gold import article_key, load_gold_set

    gold_set = load_gold_set(path)
    try:
        found = read_gold_articles(gold_set, roots or default_roots(path))
    except (OSError, ValueError, click.ClickException):  # a corpus file not found
        return {}
    stem = Path(path).stem
    out = {}
    for ref in gold_set.by_article():
        article = found.get(article_key(ref))
        if article is not None:
            out[f"{stem}:{ref}"] = dataclasses.replace(article, article_id=f"{stem}:{ref}")
    return out


def score_gold_files(paths: Sequence[str], corpus_root: Path | None = None) -> list[dict[str, Any]]:
    """Pairwise P/R of merging each file's gold mentions (with its articles when found)."""
    rows = []
    for path in paths:
        events, truth = gold_events(path)
        articles = gold_articles(path, default_roots(path, corpus_root))
        merged = merge_events(events, articles=articles).events
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
    from dateline.bench.gold import Candidate, article_key, load_gold_set
    from dateline.bench.matching import match_mentions
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
