"""Independent sources and wire reprints (story clusters live in ``merge.stories``).

Forty newspapers printing one Reuters story are one confirmation, not forty. A reprint is
recognised by near-identical text (word 5-gram shingles) or, for edited copies, by a shared
wire credit line ("(AFP, AP, Reuters)", "- Reuters") plus substantial word overlap.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from dateline.merge.text import jaccard, overlap, shingles, token_set
from dateline.records import Article, Event

#: Shingle Jaccard above which two texts are copies of one story (edits, headlines and
#: boilerplate differ; wire copies share well over half of their 5-grams).
REPRINT_JACCARD = 0.5
#: Content-word overlap (of the shorter text) for two copies crediting the same wire.
WIRE_OVERLAP = 0.6
WIRES = (
    "AFP",
    "AP",
    "Reuters",
    "Associated Press",
    "Agence France-Presse",
    "Xinhua",
    "dpa",
    "ANI",
    "PTI",
    "IRNA",
    "Anadolu",
    "Bloomberg",
    "UPI",
    "EFE",
    "ANSA",
    "Kyodo",
)
_WIRE = re.compile(r"\b(" + "|".join(re.escape(w) for w in WIRES) + r")\b")
_CREDIT = re.compile(r"\(([^()]{1,60})\)|[\u2014\u2013-]\s*([A-Z][\w .,&-]{1,40})\s*$")


def wire_credits(text: str) -> frozenset[str]:
    """Wire agencies credited in a bracket "(AFP, AP, Reuters)" or a dash "- Reuters" line
    near the start or end of the text."""
    found: set[str] = set()
    for part in (text[:300], text[-300:]):
        for m in _CREDIT.finditer(part):
            found |= {w.lower() for w in _WIRE.findall(m.group(1) or m.group(2) or "")}
    return frozenset(found)


def find_reprints(articles: Sequence[Article]) -> dict[str, str]:
    """article_id -> canonical article_id (the earliest published copy; itself if original)."""
    ordered = sorted(articles, key=age_key)
    sh = [shingles(a.text) for a in ordered]
    words = [token_set([a.text]) for a in ordered]
    wires = [wire_credits(a.text) for a in ordered]
    canonical = {a.article_id: a.article_id for a in ordered}
    index: dict[int, list[int]] = {}
    for i, a in enumerate(ordered):
        candidates = sorted({j for s in list(sh[i])[:200] for j in index.get(s, ())})
        for j in candidates:
            same = jaccard(sh[i], sh[j]) >= REPRINT_JACCARD or (
                wires[i] & wires[j] and overlap(words[i], words[j]) >= WIRE_OVERLAP
            )
            if same:
                canonical[a.article_id] = canonical[ordered[j].article_id]
                break
        for s in sh[i]:
            index.setdefault(s, []).append(i)
    return canonical


def independent_sources(event: Event, reprints: Mapping[str, str]) -> int:
    """Distinct confirmations: sources that are reprints of one story, or come from one
    outlet, count once."""
    groups: dict[str, str] = {}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for s in event.sources:
        node = "a:" + reprints.get(s.article_id, s.article_id)
        find(node)
        if s.outlet:
            outlet = "o:" + s.outlet.lower()
            parent[find(outlet)] = find(node)
        groups[s.article_id] = node
    return len({find(n) for n in groups.values()})


def age_key(a: Article) -> tuple[str, str]:
    """Sort key, oldest first: publication day (undated articles last), then id."""
    day = a.published.start if a.published else None
    return (day.isoformat() if day else "9999", a.article_id)
