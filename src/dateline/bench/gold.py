"""Gold event mentions and the rules for matching predictions against them.

The gold files under ``gold/`` hold one JSON object per event *mention* per article: what an
ACLED-trained analyst codes from that one article (``docs/annotation.md``). Two benchmarks read
them: ``dateline bench events`` (is each article's extraction right?) and the merge benchmark
(are mentions of one real-world event joined, and only those?). Both need the same loading and
the same notion of "this prediction is that gold mention", so it lives here, once.

Predictions arrive either as :class:`dateline.records.Mention` (running the extractor) or as
contract event dicts (``--pred FILE``); both are turned into :class:`Candidate` so the
comparison code sees one shape.
"""

from __future__ import annotations

import json
import re
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from pathlib import Path
from typing import Any

from dateline.ground.place.geo import distance_km
from dateline.records import EVENT_TYPE_OF, STATUSES, Actor, Count, DateInterval, Mention, Place

#: Two points further apart than this are different places (the issue's match rule).
MAX_DISTANCE_KM = 50.0
#: Actor roles that count as "who did it" for the actor field (the issue: perpetrator or claimant).
RESPONSIBLE_ROLES = ("perpetrator", "claimant")
#: Least rapidfuzz token-set ratio for two actor names the KB does not know to be equal.
NAME_MIN_RATIO = 90


@dataclass(frozen=True, slots=True)
class GoldMention:
    """One event as told by one article, coded by hand."""

    article: str
    event: str
    event_type: str
    sub_event_type: str
    status: str = "asserted"
    background: bool = False
    date: DateInterval = field(default_factory=DateInterval.unknown)
    location: Place | None = None
    perpetrator: str | tuple[str, ...] | None = None
    claimant: str | tuple[str, ...] | None = None
    suspected: str | None = None
    fatalities: Count | None = None
    injured: Count | None = None
    evidence: str = ""
    line: int = 0

    @property
    def key(self) -> str:
        """A stable id of this mention within its gold file (for cluster scoring)."""
        return f"{self.article}@{self.line}"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A predicted event mention, reduced to the fields the benchmark scores."""

    article: str
    event_type: str
    sub_event_type: str
    status: str
    background: bool
    date: DateInterval
    location: Place | None
    actors: tuple[Actor, ...]
    fatalities: Count | None
    injured: Count | None
    evidence: str
    ident: str

    @classmethod
    def from_mention(cls, mention: Mention, article: str) -> Candidate:
        first = next((e.text for e in mention.evidence if e.field == "event"), "")
        return cls(
            article,
            mention.event_type,
            mention.sub_event_type,
            mention.status,
            mention.background,
            mention.date,
            mention.location,
            mention.actors,
            mention.fatalities,
            mention.injured,
            first or (mention.evidence[0].text if mention.evidence else ""),
            mention.mention_id,
        )

    @classmethod
    def from_record(cls, record: Mapping[str, Any], article: str) -> Candidate:
        evidence = record.get("evidence") or []
        first = next((e["text"] for e in evidence if e.get("field") == "event"), "")
        return cls(
            article,
            record["event_type"],
            record["sub_event_type"],
            record.get("status", "asserted"),
            bool(record.get("background", False)),
            DateInterval.from_dict(record.get("date")),
            Place.from_dict(record.get("location")),
            tuple(Actor.from_dict(a) for a in record.get("actors") or []),
            Count.from_dict(record.get("fatalities")),
            Count.from_dict(record.get("injured")),
            first or (evidence[0]["text"] if evidence else ""),
            str(record.get("event_id", "")),
        )


@dataclass(frozen=True, slots=True)
class GoldSet:
    """A gold file: its mentions and every article it covers (also those with no events)."""

    mentions: tuple[GoldMention, ...]
    articles: tuple[str, ...]

    def by_article(self) -> dict[str, list[GoldMention]]:
        out: dict[str, list[GoldMention]] = {a: [] for a in self.articles}
        for m in self.mentions:
            out[m.article].append(m)
        return out


# --- loading ---------------------------------------------------------------------------------


def article_key(source: str) -> str:
    """The name that ties gold lines and predictions to one article.

    Gold says ``examples/demo/03_x.txt`` or ``guardian_sdf.csv#17``; the reader says an absolute
    path or ``/abs/guardian_sdf.csv#17``. The file name (plus ``#row``) is unique in our corpora.
    """
    path, sep, row = source.partition("#")
    return Path(path).name + (sep + row if sep else "")


def _count(value: Any) -> Count | None:
    return None if value is None else Count(int(value["min"]), int(value["max"]))


def _names(value: Any) -> str | tuple[str, ...] | None:
    """A gold actor: one name, or a list when the source leaves either side possible."""
    return tuple(value) if isinstance(value, list) else value


def _date(value: Any) -> DateInterval:
    if not value or value.get("start") is None:
        return DateInterval.unknown("gold: no date")
    return DateInterval.from_dict({**value, "precision": value.get("precision", "day")})


def parse_gold_line(obj: Mapping[str, Any], line: int = 0) -> GoldMention:
    """One gold JSON object -> :class:`GoldMention`, checking names against the taxonomy."""
    sub = obj["sub_event_type"]
    if EVENT_TYPE_OF.get(sub) != obj["event_type"]:
        raise ValueError(f"line {line}: {obj['event_type']!r} / {sub!r} is not in the taxonomy")
    if obj.get("status", "asserted") not in STATUSES:
        raise ValueError(f"line {line}: unknown status {obj.get('status')!r}")
    return GoldMention(
        article=obj["article"],
        event=str(obj["event"]),
        event_type=obj["event_type"],
        sub_event_type=sub,
        status=obj.get("status", "asserted"),
        background=bool(obj.get("background", False)),
        date=_date(obj.get("date")),
        location=Place.from_dict(obj.get("location")),
        perpetrator=_names(obj.get("perpetrator")),
        claimant=_names(obj.get("claimant")),
        suspected=obj.get("suspected"),
        fatalities=_count(obj.get("fatalities")),
        injured=_count(obj.get("injured")),
        evidence=obj.get("evidence", ""),
        line=line,
    )


def load_gold_set(path: str | Path) -> GoldSet:
    """Read a gold JSONL file; ``{"article": A, "event": null}`` marks an article with none."""
    mentions: list[GoldMention] = []
    articles: dict[str, None] = {}
    with open(path, encoding="utf-8") as fh:
        for number, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            obj = json.loads(raw)
            articles.setdefault(obj["article"], None)
            if obj.get("event") is not None:
                mentions.append(parse_gold_line(obj, number))
    return GoldSet(tuple(mentions), tuple(articles))


def load_gold(path: str | Path) -> list[GoldMention]:
    """Every gold event mention of ``path`` (articles without events contribute none)."""
    return list(load_gold_set(path).mentions)


# --- field comparisons ------------------------------------------------------------------------


def _has_point(place: Place | None) -> bool:
    return place is not None and place.latitude is not None and place.longitude is not None


def _admin_key(name: str | None) -> str:
    key = re.sub(
        r"\b(?:governorate|province|muhafazat|al|as|ad|ar|ash|az|ath|el)\b",
        " ",
        (name or "").lower().replace("-", " "),
    )
    return re.sub(r"[^a-z]", "", key)


def places_compatible(a: Place | None, b: Place | None) -> bool:
    """Could these be the same place? Unknown places never rule a match out."""
    if a is None or b is None:
        return True
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return False
    distance = distance_km(a, b)
    return distance is None or distance <= MAX_DISTANCE_KM


def place_correct(gold: Place | None, pred: Place | None) -> bool:
    """Right country, and within 50 km when gold has a point (same admin1 when pred has none).

    A gold place known only as a country or a vague region ("western Iraq") is matched by any
    prediction in that country: the prediction cannot be more wrong than the source.
    """
    if gold is None or pred is None:
        return gold is None and pred is None
    if gold.country_code != pred.country_code:
        return False
    if _has_point(gold) and _has_point(pred):
        return places_compatible(gold, pred)
    if gold.admin1 and (_has_point(gold) or pred.admin1):
        return bool(pred.admin1) and _admin_key(gold.admin1) == _admin_key(pred.admin1)
    return True


def dates_compatible(gold: DateInterval, pred: DateInterval) -> bool:
    """Overlapping intervals; a gold date nobody could resolve accepts anything."""
    if not gold.is_known:
        return True
    return gold.overlaps(pred)


def date_correct(gold: DateInterval, pred: DateInterval) -> bool:
    """Intervals overlap, or both are unknown (an undated article must stay undated)."""
    if not gold.is_known:
        return not pred.is_known
    return gold.overlaps(pred)


def counts_equal(gold: Count | None, pred: Count | None) -> bool:
    return gold == pred


@lru_cache(maxsize=1)
def _kb() -> Any:
    try:
        from dateline.ground.actors import ActorKB
    except ImportError:  # the KB is optional for scoring: names then compare as strings
        return None
    try:
        return ActorKB.load()
    except Exception:  # a broken user KB file must not break the benchmark
        return None


def _norm_name(name: str) -> str:
    name = name.lower().replace("’", "'").replace("'", "").replace("-", " ")
    name = re.sub(r"\b(?:the|al|el)\b", " ", name)
    return re.sub(r"[^a-z0-9 ]", "", re.sub(r"\s+", " ", name)).strip()


@lru_cache(maxsize=4096)
def canonical_actor(name: str) -> str:
    """KB id when the KB knows the name, else a normalised spelling."""
    kb = _kb()
    if kb is not None:
        actor = kb.resolve(name)
        if actor is not None:
            return f"kb:{actor.kb_id}"
    return _norm_name(name)


def is_unidentified(name: str | None) -> bool:
    return name is None or _norm_name(name).startswith(("unidentified", "unknown"))


def names_match(gold: str, pred: str) -> bool:
    """Same actor by KB id, normalised spelling, or a near-identical spelling."""
    if is_unidentified(gold) or is_unidentified(pred):
        return is_unidentified(gold) and is_unidentified(pred)
    a, b = canonical_actor(gold), canonical_actor(pred)
    if a == b:
        return True
    if a.startswith("kb:") and b.startswith("kb:"):
        return False
    from rapidfuzz import fuzz

    return fuzz.token_set_ratio(_norm_name(gold), _norm_name(pred)) >= NAME_MIN_RATIO


def actors_correct(gold: GoldMention, pred: Candidate) -> bool:
    """Gold's perpetrator/claimant is named by pred, and pred names no one else in that role.

    An unnamed perpetrator ("Unidentified armed group (Iraq)") equals naming no one. A gold
    list (a clash whose initiator the source leaves open) accepts any of its names.
    """
    for role in RESPONSIBLE_ROLES:
        value = getattr(gold, role)
        wants = [
            w for w in (value if isinstance(value, tuple) else (value,)) if not is_unidentified(w)
        ]
        have = [a.name for a in pred.actors if a.role == role and not is_unidentified(a.name)]
        if not wants:
            if have:
                return False
        elif not have or not all(any(names_match(w, h) for w in wants) for h in have):
            return False
    return True


def suspected_correct(gold: GoldMention, pred: Candidate) -> bool:
    have = [a.name for a in pred.actors if a.role in ("suspected", "accused")]
    if gold.suspected is None:
        return not have
    return any(names_match(gold.suspected, h) for h in have)


#: The scored fields of a matched pair; the issue's targets apply to all of them.
FIELDS: dict[str, Any] = {
    "sub_event_type": lambda g, p: g.sub_event_type == p.sub_event_type,
    "date": lambda g, p: date_correct(g.date, p.date),
    "place": lambda g, p: place_correct(g.location, p.location),
    "actor": actors_correct,
    "fatalities": lambda g, p: counts_equal(g.fatalities, p.fatalities),
    "status": lambda g, p: g.status == p.status,
    "background": lambda g, p: g.background == p.background,
}
#: Reported beside the scored fields, without a target.
INFO_FIELDS: dict[str, Any] = {
    "injured": lambda g, p: counts_equal(g.injured, p.injured),
    "suspected": suspected_correct,
}


def compatible(gold: GoldMention, pred: Candidate) -> bool:
    """The issue's match rule: same type, overlapping dates, same country, within 50 km."""
    return (
        gold.event_type == pred.event_type
        and dates_compatible(gold.date, pred.date)
        and places_compatible(gold.location, pred.location)
    )


def pair_score(gold: GoldMention, pred: Candidate) -> float:
    """How well a compatible pair agrees: field hits plus evidence overlap (tie-breaker)."""
    hits = sum(bool(check(gold, pred)) for check in FIELDS.values())
    g, p = set(_norm_name(gold.evidence).split()), set(_norm_name(pred.evidence).split())
    overlap = len(g & p) / len(g | p) if g and p else 0.0
    return hits + overlap


def match_mentions(
    gold: list[GoldMention], preds: list[Candidate]
) -> list[tuple[GoldMention, Candidate]]:
    """One-to-one matching of one article's gold and predicted mentions (Hungarian)."""
    if not gold or not preds:
        return []
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    score = np.full((len(gold), len(preds)), -1.0)
    for i, g in enumerate(gold):
        for j, p in enumerate(preds):
            if compatible(g, p):
                score[i, j] = pair_score(g, p)
    rows, cols = linear_sum_assignment(score, maximize=True)
    return [(gold[i], preds[j]) for i, j in zip(rows, cols, strict=True) if score[i, j] >= 0]


# --- clusters -----------------------------------------------------------------------------


def _pairs(
    clusters: Mapping[Hashable, Hashable] | Iterable[Iterable[Hashable]],
    keep: set[Hashable] | None = None,
) -> set[frozenset[Hashable]]:
    groups: dict[Hashable, list[Hashable]] = {}
    if isinstance(clusters, Mapping):
        for item, cluster in clusters.items():
            groups.setdefault(cluster, []).append(item)
    else:
        for n, members in enumerate(clusters):
            groups[n] = list(members)
    out: set[frozenset[Hashable]] = set()
    for members in groups.values():
        items = sorted({m for m in members if keep is None or m in keep}, key=str)
        out.update(frozenset(p) for p in combinations(items, 2))
    return out


def pairwise_cluster_scores(
    pred_clusters: Mapping[Hashable, Hashable] | Iterable[Iterable[Hashable]],
    gold_clusters: Mapping[Hashable, Hashable] | Iterable[Iterable[Hashable]],
) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of a clustering of mentions against gold clusters.

    Either argument is ``{mention: cluster_id}`` or an iterable of member collections. Only
    mentions present in both are scored, so a mention the extractor missed (or invented)
    counts against extraction, not against merging. Empty pair sets score 1.0 (nothing to get
    wrong), which keeps a corpus of singletons from dividing by zero.
    """

    def items(c: Any) -> set[Hashable]:
        return set(c) if isinstance(c, Mapping) else {m for g in c for m in g}

    if not isinstance(pred_clusters, Mapping):
        pred_clusters = [list(g) for g in pred_clusters]
    if not isinstance(gold_clusters, Mapping):
        gold_clusters = [list(g) for g in gold_clusters]
    shared = items(pred_clusters) & items(gold_clusters)
    pred, gold = _pairs(pred_clusters, shared), _pairs(gold_clusters, shared)
    hit = len(pred & gold)
    precision = hit / len(pred) if pred else 1.0
    recall = hit / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
