"""Lexical priors for event coreference: how often a trigger word corefers, learned from gold.

The pair features of :mod:`dateline.merge.coref_features` see each topic on its own, so the
scorer cannot know that two "said" in different articles are almost never one event, while
"kill" / "murder", "earthquake" / "quake" or "check into" / "enter" usually are: facts about
*words* that recur across stories, which MiniLM's vectors only half know. These priors count,
over the gold clusters of training topics, per trigger stem and per pair of stems:

- ``same``: pairs of mentions sharing the stem, and how many of them corefer;
- ``pair``: pairs of mentions with two different stems, and how many corefer;
- ``mention``: mentions of the stem, and how many of them are singletons.

Each becomes a feature as a smoothed log-odds *relative to the corpus-wide rate* (additive
smoothing with ``alpha`` pseudo-pairs at that rate), so a word seen once says almost
nothing and an unseen word says exactly nothing (0). When training, a topic's own features
come from the *other* topics' counts (:meth:`LexicalPriors.__sub__`), else the scorer would
learn to trust priors that contain its own answers. ECB+ train CV, stacked scorer: CoNLL F1
0.785 -> 0.792.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

#: Feature names, in the order :func:`lexical_features` stacks them.
LEXICAL = (
    "lex_same_stem",
    "lex_same_evidence",
    "lex_pair",
    "lex_single_mean",
    "lex_single_max",
)
#: Pseudo-pairs of smoothing toward the corpus-wide rate (ECB+ train CV: 2 -> 0.781,
#: 10 -> 0.784, 20 -> 0.783, 50 -> 0.782, first stage alone).
ALPHA = 10.0
#: The shipped priors (ECB+ train topics, written with the weights by scripts/train_coref.py).
DEFAULT_PRIORS = "ecbplus_pair_lr.priors.json"
#: A pair of different stems never seen coreferent is kept only when seen this often: rarer
#: ones move the log-odds by less than 0.1 and would fill the shipped table with noise.
PAIR_MIN_NEGATIVE = 10

Tally = Counter  # key -> count


def _key(a: str, b: str) -> str:
    return f"{a}|{b}" if a < b else f"{b}|{a}"


@dataclass(frozen=True)
class LexicalPriors:
    """Counts behind the lexical features; add and subtract like counters (training folds)."""

    same_n: Tally = field(default_factory=Counter)
    same_k: Tally = field(default_factory=Counter)
    pair_n: Tally = field(default_factory=Counter)
    pair_k: Tally = field(default_factory=Counter)
    mention_n: Tally = field(default_factory=Counter)
    mention_single: Tally = field(default_factory=Counter)
    #: corpus-wide totals, kept apart so that pruning rare pairs leaves the base rates intact
    totals: Tally = field(default_factory=Counter)
    alpha: float = ALPHA

    _FIELDS = ("same_n", "same_k", "pair_n", "pair_k", "mention_n", "mention_single", "totals")

    @classmethod
    def count(cls, stems: Sequence[str], labels: np.ndarray) -> LexicalPriors:
        """Counts of one gold-annotated topic: ``labels[i, j]`` is True when i and j corefer."""
        out = cls()
        n = len(stems)
        iu, ju = np.triu_indices(n, 1)
        for i, j, y in zip(iu.tolist(), ju.tolist(), labels[iu, ju].tolist(), strict=True):
            a, b = stems[i], stems[j]
            if a == b:
                out.same_n[a] += 1
                out.same_k[a] += int(y)
            else:
                key = _key(a, b)
                out.pair_n[key] += 1
                out.pair_k[key] += int(y)
        partners = labels.sum(axis=1) - 1
        for s, k in zip(stems, partners.tolist(), strict=True):
            out.mention_n[s] += 1
            out.mention_single[s] += int(k == 0)
        for name, tally in (("same", out.same_n), ("pair", out.pair_n)):
            out.totals[f"{name}_n"] = sum(tally.values())
        out.totals["same_k"] = sum(out.same_k.values())
        out.totals["pair_k"] = sum(out.pair_k.values())
        out.totals["mention_n"] = n
        out.totals["mention_single"] = sum(out.mention_single.values())
        return out

    def _combine(self, other: LexicalPriors, sign: int) -> LexicalPriors:
        out = LexicalPriors(alpha=self.alpha)
        for name in self._FIELDS:
            mine, theirs, target = getattr(self, name), getattr(other, name), getattr(out, name)
            for key in mine.keys() | theirs.keys():
                value = mine.get(key, 0) + sign * theirs.get(key, 0)
                if value:
                    target[key] = value
        return out

    def __add__(self, other: LexicalPriors) -> LexicalPriors:
        return self._combine(other, 1)

    def __sub__(self, other: LexicalPriors) -> LexicalPriors:
        return self._combine(other, -1)

    def _rate(self, n_key: str, k_key: str) -> float:
        """Corpus-wide rate (add-one smoothed): the value an unseen word is pulled to."""
        return (self.totals.get(k_key, 0) + 1.0) / (self.totals.get(n_key, 0) + 2.0)

    def _shift(self, k: float, n: float, base: float) -> float:
        """Smoothed log-odds of k in n, minus the log-odds of ``base``."""
        return _logit((k + self.alpha * base) / (n + self.alpha)) - _logit(base)

    def pruned(self) -> LexicalPriors:
        """Without the pairs :func:`lexical_features` ignores anyway (for shipping)."""
        keep = {
            key
            for key, n in self.pair_n.items()
            if self.pair_k.get(key, 0) > 0 or n >= PAIR_MIN_NEGATIVE
        }
        return LexicalPriors(
            self.same_n,
            self.same_k,
            Counter({k: v for k, v in self.pair_n.items() if k in keep}),
            Counter({k: v for k, v in self.pair_k.items() if k in keep}),
            self.mention_n,
            self.mention_single,
            self.totals,
            self.alpha,
        )

    def to_dict(self) -> dict:
        """JSON-ready: ``{"same": {stem: [n, k]}, "pair": {"a|b": [n, k]}, ...}``."""
        p = self.pruned()
        return {
            "alpha": p.alpha,
            "totals": dict(sorted(p.totals.items())),
            "same": {s: [p.same_n[s], p.same_k.get(s, 0)] for s in sorted(p.same_n)},
            "pair": {s: [p.pair_n[s], p.pair_k.get(s, 0)] for s in sorted(p.pair_n)},
            "mention": {
                s: [p.mention_n[s], p.mention_single.get(s, 0)] for s in sorted(p.mention_n)
            },
        }

    @classmethod
    def from_dict(cls, raw: dict) -> LexicalPriors:
        def split(table: dict) -> tuple[Counter, Counter]:
            n = Counter({k: int(v[0]) for k, v in table.items()})
            k = Counter({k: int(v[1]) for k, v in table.items() if v[1]})
            return n, k

        same_n, same_k = split(raw["same"])
        pair_n, pair_k = split(raw["pair"])
        mention_n, mention_single = split(raw["mention"])
        totals = Counter({k: int(v) for k, v in raw["totals"].items()})
        return cls(same_n, same_k, pair_n, pair_k, mention_n, mention_single, totals, raw["alpha"])


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1.0 - 1e-4)
    return float(np.log(p / (1.0 - p)))


def lexical_features(stems: Sequence[str], priors: LexicalPriors) -> np.ndarray:
    """(n, n, len(LEXICAL)) float32 features of the mentions' trigger stems.

    ``lex_same_stem``/``lex_same_evidence`` only for pairs sharing the stem (how often two
    "said" corefer, and how many pairs that rests on), ``lex_pair`` only for two different
    stems ("kill"/"murder"), the singleton priors for every pair (a pair of words that are
    usually alone is usually not a link).
    """
    n = len(stems)
    uniq = sorted(set(stems))
    where = {s: i for i, s in enumerate(uniq)}
    idx = np.array([where[s] for s in stems], dtype=np.int64)
    same_base = priors._rate("same_n", "same_k")
    pair_base = priors._rate("pair_n", "pair_k")
    single_base = priors._rate("mention_n", "mention_single")
    same = np.array(
        [priors._shift(priors.same_k.get(s, 0), priors.same_n.get(s, 0), same_base) for s in uniq]
    )
    evidence = np.log1p(np.array([priors.same_n.get(s, 0) for s in uniq], dtype=np.float64))
    single = np.array(
        [
            priors._shift(priors.mention_single.get(s, 0), priors.mention_n.get(s, 0), single_base)
            for s in uniq
        ]
    )
    pair = np.zeros((len(uniq), len(uniq)))
    for a in range(len(uniq)):
        for b in range(a + 1, len(uniq)):
            key = _key(uniq[a], uniq[b])
            pn = priors.pair_n.get(key, 0)
            pk = priors.pair_k.get(key, 0)
            if pn and (pk > 0 or pn >= PAIR_MIN_NEGATIVE):
                pair[a, b] = pair[b, a] = priors._shift(pk, pn, pair_base)
    same_stem = (idx[:, None] == idx[None, :]).astype(np.float64)
    s_i = single[idx]
    cols = [
        same_stem * same[idx][:, None],
        same_stem * evidence[idx][:, None],
        pair[idx][:, idx],
        (s_i[:, None] + s_i[None, :]) / 2.0,
        np.maximum(s_i[:, None], s_i[None, :]),
    ]
    out = np.stack(cols, axis=-1).astype(np.float32)
    assert out.shape == (n, n, len(LEXICAL))
    return out


def priors_to_json(priors: LexicalPriors, source: str) -> str:
    """The priors as the shipped JSON file, with where the counts come from."""
    text = json.dumps({"source": source, **priors.to_dict()}, indent=1, sort_keys=True)
    # one table row per line: [n, k] pairs inline
    return re.sub(r"\[\s+(-?\d+),\s+(-?\d+)\s+\]", r"[\1, \2]", text) + "\n"


@lru_cache(maxsize=4)
def load_priors(path: str | None = None) -> LexicalPriors:
    """The shipped priors (``dateline/data/coref``), or a file written by :func:`priors_to_json`."""
    if path is None:
        ref = (
            resources.files("dateline").joinpath("data").joinpath("coref").joinpath(DEFAULT_PRIORS)
        )
        text = ref.read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return LexicalPriors.from_dict(json.loads(text))


__all__ = [
    "ALPHA",
    "DEFAULT_PRIORS",
    "LEXICAL",
    "PAIR_MIN_NEGATIVE",
    "LexicalPriors",
    "lexical_features",
    "load_priors",
    "priors_to_json",
]
