"""Cross-article event resolution: block, score, cluster, apply overrides, combine.

The input is one event per article mention; the output is one event per real-world event.
Everything is ordered canonically first (oldest report first, ties by id), so the result
does not depend on the input order and a merged event keeps the id of its oldest report
when newer articles arrive.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from dateline.errors import ConfigError
from dateline.merge.blocking import best_matches, blocks
from dateline.merge.combine import POLICIES, combine
from dateline.merge.features import THRESHOLD, Profile, pair_features, pair_score
from dateline.merge.model import MergeDecision, MergeResult, Override
from dateline.merge.parallel import cluster_blocks
from dateline.records import Article, Event


def merge_events(
    events: Sequence[Event],
    *,
    overrides: Sequence[Override] = (),
    policy: str = "conservative",
    articles: Mapping[str, Article] | None = None,
    workers: int = 1,
) -> MergeResult:
    """Merge single-report events into one event per real-world event.

    ``overrides`` are replayed after scoring: ``split`` keeps its mentions apart from all
    others, ``merge`` forces its mentions into one event (a merge wins over a split).
    ``articles`` (optional) supplies publication dates missing from the events' sources.
    ``workers`` > 1 clusters independent blocks in that many processes; the result is the
    same for any number.
    """
    if policy not in POLICIES:
        raise ConfigError(f"unknown merge policy {policy!r}; known: {', '.join(POLICIES)}")
    published = _publication_dates(events, articles or {})
    ordered = _canonical(events, published)
    profiles = [Profile.of(i, e) for i, e in enumerate(ordered)]
    sides = split_sides(profiles, overrides)
    clusters: list[list[int]] = []
    edges: dict[tuple[int, int], float] = {}  # kept only inside clusters, for the decisions
    # blocks never share a pair: cluster each on its own, in worker processes if asked
    for found, kept in cluster_blocks(blocks(profiles), sides, workers):
        clusters += found
        edges.update(kept)
    clusters, forced = _apply_merges(sorted(clusters), profiles, overrides)

    def order(article_id: str) -> tuple[str, str]:
        return (published.get(article_id) or "9999", article_id)

    merged: list[Event] = []
    decisions: list[MergeDecision] = []
    for members in clusters:
        survivor = ordered[members[0]]  # canonical order puts the oldest report first
        merged.append(combine([ordered[i] for i in members], survivor, policy, order))
        decisions += _decisions(members, profiles, edges, forced)
    merged.sort(key=lambda e: (e.date.start.isoformat() if e.date.start else "9999", e.event_id))
    decisions.sort(key=lambda d: (d.event_id, d.absorbed_id))
    return MergeResult(merged, decisions)


def _publication_dates(events: Sequence[Event], articles: Mapping[str, Article]) -> dict[str, str]:
    out = {a.article_id: a.source_ref().published for a in articles.values()}
    for e in events:
        for s in e.sources:
            if s.published:
                out[s.article_id] = s.published
    return {k: v for k, v in out.items() if v}


def _canonical(events: Sequence[Event], published: Mapping[str, str]) -> list[Event]:
    unique = {e.event_id: _fill_published(e, published) for e in events}
    return sorted(unique.values(), key=lambda e: _age(e, published))


def _age(event: Event, published: Mapping[str, str]) -> tuple[str, str, str]:
    """The canonical order: oldest publication, then mention id (profile indices follow it)."""
    return (
        min((published.get(s.article_id, "9999") for s in event.sources), default="9999"),
        min(event.mention_ids, default=event.event_id),
        event.event_id,
    )


#: One block's offer to a report naming no country: (its mention id, score, the age of the
#: matching report, that report's country).
Offer = tuple[str, float, tuple[str, str, str], str]


def route_offers(strays: Sequence[Event], members: Sequence[Event]) -> list[Offer]:
    """What one country's block offers the single reports that name no country: for each
    whose best match among ``members`` scores at least THRESHOLD, an :data:`Offer`.

    For a merge split over machines (Spark), where no block sees all countries:
    :func:`best_routes` over every block's offers decides what ``blocking.blocks`` decides
    in one local merge, since candidacy and score depend on the pair alone and ties go to
    the oldest report in both.
    """
    events = [*strays, *members]
    published = _publication_dates(events, {})
    profiles = [Profile.of(i, e) for i, e in enumerate(_canonical(events, published))]
    best = best_matches([p for p in profiles if not p.country], [p for p in profiles if p.country])
    return [
        (
            profiles[i].event.mention_ids[0],
            score,
            _age(profiles[-neg_other].event, published),
            country,
        )
        for i, (score, neg_other, country) in sorted(best.items())
    ]


def best_routes(offers: Iterable[Offer]) -> dict[str, str]:
    """Mention id -> the country of its best offer (highest score, then oldest match)."""
    best: dict[str, tuple[float, tuple[str, str, str], str]] = {}
    for mention_id, score, age, country in offers:
        held = best.get(mention_id)
        if held is None or score > held[0] or (score == held[0] and tuple(age) < held[1]):
            best[mention_id] = (score, tuple(age), country)  # type: ignore[assignment]
    return {m: country for m, (_, _, country) in best.items()}


def _fill_published(event: Event, published: Mapping[str, str]) -> Event:
    if all(s.published or s.article_id not in published for s in event.sources):
        return event
    sources = tuple(
        s if s.published else type(s)(s.article_id, s.outlet, s.url, published.get(s.article_id))
        for s in event.sources
    )
    return event.with_(sources=sources)


def split_sides(
    profiles: Sequence[Profile], overrides: Sequence[Override]
) -> dict[int, frozenset[int]]:
    """Which split overrides hold each profile's mention (the clusters' ``sides``)."""
    splits = [set(o.mention_ids) for o in overrides if o.action == "split"]
    sides: dict[int, frozenset[int]] = {}
    for p in profiles:
        inside = frozenset(k for k, s in enumerate(splits) if s.intersection(p.event.mention_ids))
        if inside:
            sides[p.index] = inside
    return sides


def _apply_merges(
    clusters: list[list[int]], profiles: Sequence[Profile], overrides: Sequence[Override]
) -> tuple[list[list[int]], set[int]]:
    """Union the clusters holding the mentions of each ``merge`` override."""
    owner = {m: p.index for p in profiles for m in p.event.mention_ids}
    cluster_of = {i: c for c, members in enumerate(clusters) for i in members}
    parent = list(range(len(clusters)))

    def find(c: int) -> int:
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    forced: set[int] = set()
    for o in overrides:
        if o.action != "merge":
            continue
        found = sorted({cluster_of[owner[m]] for m in o.mention_ids if m in owner})
        for c in found[1:]:
            parent[find(c)] = find(found[0])
        if len(found) > 1:
            forced |= {owner[m] for m in o.mention_ids if m in owner}
    groups: dict[int, list[int]] = {}
    for c, members in enumerate(clusters):
        groups.setdefault(find(c), []).extend(members)
    return sorted(sorted(g) for g in groups.values()), forced


def _decisions(
    members: list[int],
    profiles: Sequence[Profile],
    edges: Mapping[tuple[int, int], float],
    forced: set[int],
) -> list[MergeDecision]:
    """One decision per absorbed report, explained by its strongest link in the cluster."""
    survivor = profiles[members[0]].event.event_id
    out = []
    for i in members[1:]:
        links = [(edges.get((min(i, j), max(i, j)), 0.0), -j) for j in members if j != i]
        score, neg_j = max(links)
        a, b = profiles[i], profiles[-neg_j]
        features = pair_features(a, b)
        features["partner_id"] = b.event.event_id
        features["absorbed_articles"] = " ".join(sorted(a.articles))
        if score < THRESHOLD and i in forced:
            rule = "override:merge"
            score = pair_score(a, b)
        elif a.event.background or b.event.background:
            rule = "background->original"
        else:
            rule = f"score>={THRESHOLD}"
        out.append(MergeDecision(survivor, a.event.event_id, score, rule, features))
    return out


def explain(event: Event, decisions: Sequence[MergeDecision]) -> list[dict]:
    """Why the reports of ``event`` were joined: one row per absorbed report with its score,
    rule, features and the evidence its article contributed."""
    rows = []
    for d in sorted(decisions, key=lambda d: d.absorbed_id):
        if d.event_id != event.event_id:
            continue
        articles = str(d.features.get("absorbed_articles", "")).split()
        evidence = [e.to_dict() for e in event.evidence if e.article_id in articles]
        rows.append(
            {
                "event_id": d.event_id,
                "absorbed_id": d.absorbed_id,
                "score": round(d.score, 4),
                "rule": d.rule,
                "features": dict(d.features),
                "evidence": evidence,
            }
        )
    return rows
