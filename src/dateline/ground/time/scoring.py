"""TempEval-3 Task A scoring, character-based: extents (strict, relaxed) and attribute F1.

Follows UzZaman et al. (2013, sec. 4.1): a system timex matches a gold one when their
spans overlap (relaxed) or are identical (strict), one to one; value and type are scored
over relaxed matches with P = correct / #system and R = correct / #gold. The official
toolkit works on tokens, so its figures can differ slightly from these.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol


class Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def type(self) -> str: ...
    @property
    def value(self) -> str: ...


@dataclass
class Counts:
    """Running totals; add documents with ``add`` and read P/R/F1 with ``prf``."""

    n_gold: int = 0
    n_sys: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)  # doc, text, sys, gold

    def add(self, other: Counts) -> None:
        for name in ("n_gold", "n_sys", "strict", "relaxed", "value", "type"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)

    def prf(self, name: str) -> tuple[float, float, float]:
        """Precision, recall and F1 in percent for "strict", "relaxed", "value" or "type"."""
        hits = getattr(self, name)
        p = 100.0 * hits / self.n_sys if self.n_sys else 0.0
        r = 100.0 * hits / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return round(p, 2), round(r, 2), round(f, 2)


def match(gold: Sequence[Span], system: Sequence[Span]) -> list[tuple[int, int]]:
    """One-to-one relaxed matches (gold index, system index), identical spans first, then
    greedy by largest overlap, then by position."""
    pairs = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                exact = g.start == s.start and g.end == s.end
                pairs.append((not exact, -overlap, gi, si))
    used_g: set[int] = set()
    used_s: set[int] = set()
    out = []
    for _, _, gi, si in sorted(pairs):
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            out.append((gi, si))
    return sorted(out)


def score_document(
    gold: Sequence[Span], system: Sequence[Span], doc_id: str = "", text: str = ""
) -> Counts:
    c = Counts(n_gold=len(gold), n_sys=len(system))
    for gi, si in match(gold, system):
        g, s = gold[gi], system[si]
        c.relaxed += 1
        c.strict += g.start == s.start and g.end == s.end
        c.type += g.type == s.type
        if g.value == s.value:
            c.value += 1
        else:
            c.errors.append((doc_id, text[s.start : s.end] if text else "", s.value, g.value))
    return c
