"""Merging reports across articles: one record per real-world event.

Blocking (:mod:`.blocking`) proposes candidate pairs, :mod:`.features` scores them,
:mod:`.cluster` joins them without chaining distinct events, :mod:`.combine` builds the
record with every source's value and the conflicts, and :mod:`.sources` counts independent
sources and groups articles into stories. Every join is a :class:`MergeDecision`; analysts'
corrections are :class:`Override` records replayed on every run.
"""

from __future__ import annotations

from dateline.merge.core import explain, merge_events
from dateline.merge.model import (
    MergeDecision,
    MergeResult,
    Override,
    read_overrides,
    write_overrides,
)
from dateline.merge.similarity import article_similarity, pairwise_similarity
from dateline.merge.sources import find_reprints, independent_sources
from dateline.merge.stories import story_clusters

__all__ = [
    "MergeDecision",
    "MergeResult",
    "Override",
    "article_similarity",
    "explain",
    "find_reprints",
    "independent_sources",
    "merge_events",
    "pairwise_similarity",
    "read_overrides",
    "story_clusters",
    "write_overrides",
]
