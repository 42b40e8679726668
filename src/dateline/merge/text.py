"""Cheap lexical text features shared by event scoring, reprint detection and stories.

Merging runs over millions of records, so the per-event text signal is a set of content-word
tokens computed once; pairwise comparison is then a set intersection.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+|\d+")
#: Function words and reporting verbs that say nothing about which event is meant.
STOPWORDS = frozenset(
    {
        "a",
        "about",
        "above",
        "according",
        "added",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "day",
        "days",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "first",
        "for",
        "friday",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "last",
        "least",
        "me",
        "monday",
        "more",
        "most",
        "my",
        "new",
        "news",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "one",
        "only",
        "or",
        "other",
        "our",
        "out",
        "over",
        "own",
        "people",
        "report",
        "reported",
        "reports",
        "said",
        "same",
        "saturday",
        "say",
        "saying",
        "says",
        "she",
        "should",
        "since",
        "so",
        "some",
        "statement",
        "such",
        "sunday",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "three",
        "through",
        "thursday",
        "to",
        "told",
        "too",
        "tuesday",
        "two",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "wednesday",
        "week",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "year",
        "years",
        "you",
        "your",
    }
)


def tokens(text: str) -> list[str]:
    """Lower-cased content words (numbers kept: casualty figures and dates identify events)."""
    out = []
    for raw in _WORD.findall(text):
        word = raw.lower().strip("'-")
        if len(word) > 1 and word not in STOPWORDS:
            out.append(word[:-1] if len(word) > 4 and word.endswith("s") else word)
    return out


def token_set(texts: Iterable[str]) -> frozenset[str]:
    return frozenset(t for text in texts for t in tokens(text))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient: a short report fully inside a long one scores 1."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def shingles(text: str, size: int = 5) -> frozenset[int]:
    """Hashed word ``size``-grams of all words (stopwords kept): the near-duplicate signal."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < size:
        return frozenset([_h(" ".join(words))]) if words else frozenset()
    return frozenset(_h(" ".join(words[i : i + size])) for i in range(len(words) - size + 1))


def _h(text: str) -> int:
    # crc32, not hash(): str hashes are salted per process and ids must not depend on it.
    return zlib.crc32(text.encode("utf-8"))
