"""Timeline metrics: date F1 and the alignment-based ROUGE of Martschat and Markert (2017).

news-tls reports "AR-N": the ``align+ m:1`` variant. Each predicted date is aligned to the
reference date with the lowest cost ``date_factor * content_factor``, where
``date_factor = 1 - 1/(|days| + 1)`` and ``content_factor`` is one minus a quick unigram F1
of the two daily summaries; for recall each reference date is aligned the same way the
other direction round. Matched n-grams of an aligned pair are discounted by
``1/(|days| + 1)``, then precision and recall are micro-averaged over dates.

Tokens follow ROUGE-1.5.5 with ``-m -s``: lower-cased, punctuation split off, stop words
removed, Porter-stemmed. The stop list is scikit-learn's English list (ROUGE ships its
own, slightly longer one), so figures can differ from ``tilse`` in the third decimal.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from dateline.timeline.porter import stem

Timeline = Mapping[dt.date, Sequence[str]]
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def _stopwords() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


_STOP = _stopwords()


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, precision: float, recall: float) -> PRF:
        f1 = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
        return cls(precision, recall, f1)


def rouge_tokens(sentence: str) -> list[str]:
    """ROUGE's view of a sentence: lower-case alphanumeric stems without stop words."""
    words = _NON_ALNUM.sub(" ", sentence.lower()).split()
    return [stem(w) for w in words if w not in _STOP]


def _ngrams(sentences: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    grams: Counter[tuple[str, ...]] = Counter()
    for sentence in sentences:
        toks = rouge_tokens(sentence)
        grams.update(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))
    return grams


def rouge_counts(pred: Sequence[str], ref: Sequence[str], n: int) -> tuple[int, int, int]:
    """(matched n-grams, n-grams in pred, n-grams in ref) for one pair of summaries."""
    p, r = _ngrams(pred, n), _ngrams(ref, n)
    return sum((p & r).values()), sum(p.values()), sum(r.values())


def _approx_rouge1(pred: Sequence[str], ref: Sequence[str]) -> float:
    """The cheap unigram F1 (raw whitespace tokens) that only steers the alignment."""
    p = Counter(t for s in pred for t in s.split())
    r = Counter(t for s in ref for t in s.split())
    match = sum((p & r).values())
    prec = match / sum(p.values()) if p else 0.0
    rec = match / sum(r.values()) if r else 0.0
    return PRF.of(prec, rec).f1


def _date_factor(a: dt.date, b: dt.date) -> float:
    return 1.0 - 1.0 / (abs(a.toordinal() - b.toordinal()) + 1)


def _nearest(source: Timeline, target: Timeline, pred_is_source: bool) -> list[int]:
    """For each date of ``source`` (sorted), the index of its cheapest date in ``target``."""
    s_dates, t_dates = sorted(source), sorted(target)
    picks = []
    for sd in s_dates:
        costs = []
        for td in t_dates:
            pred, ref = (source[sd], target[td]) if pred_is_source else (target[td], source[sd])
            costs.append(_date_factor(sd, td) * (1.0 - _approx_rouge1(pred, ref)))
        picks.append(int(np.argmin(costs)))
    return picks


def align_rouge(pred: Timeline, ref: Timeline, n: int) -> PRF:
    """AR-N F1 (``align+ m:1``) of a predicted timeline against one reference timeline."""
    if not pred or not ref:
        return PRF(0.0, 0.0, 0.0)
    p_dates, r_dates = sorted(pred), sorted(ref)
    p_num = p_den = r_num = r_den = 0.0
    for pd_, j in zip(p_dates, _nearest(pred, ref, True), strict=True):
        hit, p_tot, _ = rouge_counts(pred[pd_], ref[r_dates[j]], n)
        p_num += hit * (1.0 - _date_factor(pd_, r_dates[j]))
        p_den += p_tot
    for rd, j in zip(r_dates, _nearest(ref, pred, False), strict=True):
        hit, _, r_tot = rouge_counts(pred[p_dates[j]], ref[rd], n)
        r_num += hit * (1.0 - _date_factor(rd, p_dates[j]))
        r_den += r_tot
    return PRF.of(p_num / p_den if p_den else 0.0, r_num / r_den if r_den else 0.0)


def agreement_rouge(pred: Timeline, ref: Timeline, n: int) -> PRF:
    """ROUGE-N comparing daily summaries only on dates both timelines share."""
    hits = sum(rouge_counts(pred[d], ref[d], n)[0] for d in set(pred) & set(ref))
    p_den = sum(rouge_counts(s, (), n)[1] for s in pred.values())
    r_den = sum(rouge_counts((), s, n)[2] for s in ref.values())
    return PRF.of(hits / p_den if p_den else 0.0, hits / r_den if r_den else 0.0)


def date_f1(pred: Sequence[dt.date] | set[dt.date], ref: Sequence[dt.date] | set[dt.date]) -> PRF:
    """F1 of the two sets of timeline dates (exact day match)."""
    p, r = set(pred), set(ref)
    shared = len(p & r)
    return PRF.of(shared / len(p) if p else 0.0, shared / len(r) if r else 0.0)


METRICS: dict[str, Callable[[Timeline, Timeline, int], PRF]] = {
    "align_m1": align_rouge,
    "agreement": agreement_rouge,
}

__all__ = [
    "METRICS",
    "PRF",
    "Timeline",
    "agreement_rouge",
    "align_rouge",
    "date_f1",
    "rouge_counts",
    "rouge_tokens",
]
