"""Why two events were *not* joined: the other half of an explainable merge.

``dateline explain`` shows why reports were joined. An analyst looking at two events that
seem to be one wants the opposite: was the pair ever compared (blocking), what did each pair
of reports score, and would the clustering have refused the join whatever the scores (one
article reporting both, two different days, two countries, points far apart)? Average-link
clustering joins two clusters when the mean score over all their report pairs, counting
pairs never compared as 0, reaches the threshold and no such rule forbids it; this module
computes exactly those quantities for two given sets of reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from dateline.merge.blocking import candidate_pairs
from dateline.merge.cluster import join_refusal
from dateline.merge.core import split_sides
from dateline.merge.features import THRESHOLD, Profile, pair_features, pair_score
from dateline.merge.model import Override
from dateline.records import Event


@dataclass(frozen=True)
class ReportPair:
    """One report of each event, as the merge saw them."""

    left: str  # mention ids
    right: str
    candidate: bool  # did blocking ever compare the two?
    score: float  # pair_score, also for a pair never compared (the mean counts that as 0)
    features: dict[str, float | str] = field(default_factory=dict)


@dataclass(frozen=True)
class Comparison:
    """Every report pair of two events, the mean link and the rule that refuses a join."""

    pairs: list[ReportPair]
    link: float  # mean over all pairs, non-candidates as 0: what average link compares
    threshold: float
    refusal: str | None

    @property
    def verdict(self) -> str:
        if self.refusal is not None:
            return f"never one event: {self.refusal}"
        if self.link >= self.threshold:
            return (
                f"mean link {self.link:.3f} reaches {self.threshold}: a re-merge joins them "
                "unless other reports pull them apart"
            )
        shy = "no pair was ever compared" if not any(p.candidate for p in self.pairs) else ""
        return f"mean link {self.link:.3f} < {self.threshold}" + (f" ({shy})" if shy else "")


def compare(
    left: Sequence[Event], right: Sequence[Event], overrides: Sequence[Override] = ()
) -> Comparison:
    """Compare the single-report events of two merged events (``left`` and ``right``), with
    the analyst's ``overrides`` (their splits keep reports apart as in the merge)."""
    profiles = [Profile.of(i, e) for i, e in enumerate([*left, *right])]
    a, b = profiles[: len(left)], profiles[len(left) :]
    candidates = set(candidate_pairs(profiles))
    pairs = []
    for p in a:
        for q in b:
            met = (min(p.index, q.index), max(p.index, q.index)) in candidates
            pairs.append(
                ReportPair(
                    p.event.mention_ids[0],
                    q.event.mention_ids[0],
                    met,
                    pair_score(p, q),
                    pair_features(p, q),
                )
            )
    link = sum(x.score for x in pairs if x.candidate) / len(pairs) if pairs else 0.0
    refusal = join_refusal(a, b, split_sides(profiles, overrides))
    return Comparison(pairs, link, THRESHOLD, refusal)


__all__ = ["Comparison", "ReportPair", "compare"]
