"""Timeline metrics against small hand-computed examples."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.timeline.porter import stem
from dateline.timeline.rouge import agreement_rouge, align_rouge, date_f1, rouge_tokens

D1, D2, D3 = dt.date(2010, 1, 12), dt.date(2010, 1, 13), dt.date(2010, 1, 14)


def test_tokens_are_lowercased_stemmed_and_stopword_free():
    assert rouge_tokens("The quake -LRB- Haiti 's worst -RRB- struck buildings .") == [
        "quak",
        "lrb",
        "haiti",
        "s",
        "worst",
        "rrb",
        "struck",
        "build",
    ]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("caresses", "caress"),
        ("ponies", "poni"),
        ("agreed", "agre"),
        ("hopping", "hop"),
        ("filing", "file"),
        ("relational", "relat"),
        ("generalization", "gener"),
        ("adjustment", "adjust"),
        ("controll", "control"),
        ("happy", "happi"),
    ],
)
def test_porter_stemmer_matches_the_published_examples(word, expected):
    assert stem(word) == expected


def test_same_dates_same_text_scores_one():
    tl = {D1: ["Bombs hit the market ."], D3: ["Talks began in Geneva ."]}
    for n in (1, 2):
        assert align_rouge(tl, tl, n).f1 == pytest.approx(1.0)


def test_missing_reference_date_costs_recall_only():
    # pred {bomb, hit, market} on D1; ref adds {talk, began} on D3 -> P 3/3, R 3/5.
    pred = {D1: ["Bombs hit the market ."]}
    ref = {D1: ["Bombs hit a market ."], D3: ["Talks began ."]}
    s = align_rouge(pred, ref, 1)
    assert (s.precision, s.recall) == pytest.approx((1.0, 0.6))
    assert s.f1 == pytest.approx(0.75)


def test_one_day_off_halves_the_matched_ngrams():
    pred, ref = {D2: ["Bombs hit market"]}, {D1: ["Bombs hit market"]}
    assert align_rouge(pred, ref, 1).f1 == pytest.approx(0.5)  # 3 * 1/2 of 3
    assert align_rouge(pred, ref, 2).f1 == pytest.approx(0.5)  # 2 bigrams * 1/2 of 2
    assert agreement_rouge(pred, ref, 1).f1 == 0.0  # agreement needs the exact day


def test_many_to_one_alignment_lets_two_predicted_days_use_one_reference_day():
    # Both predicted days align to D1: P = (3 + 3/2) / 6 = 0.75; R = 3/3.
    pred = {D1: ["Bombs hit market"], D2: ["Bombs hit market"]}
    ref = {D1: ["Bombs hit market"]}
    s = align_rouge(pred, ref, 1)
    assert (s.precision, s.recall) == pytest.approx((0.75, 1.0))


def test_content_steers_the_alignment_when_days_are_equally_far():
    # D2 is one day from both D1 and D3; it aligns with the day whose text it shares.
    pred = {D2: ["Talks began"]}
    ref = {D1: ["Bombs hit market"], D3: ["Talks began"]}
    s = align_rouge(pred, ref, 1)
    assert s.precision == pytest.approx(0.5)  # 2 matches * 1/2 over 2 tokens
    assert s.recall == pytest.approx(1 / 5)  # D3 matched 2 * 1/2 of 5 reference tokens


def test_date_f1():
    assert date_f1([D1, D2], [D1, D3]).f1 == pytest.approx(0.5)
    assert date_f1([D1], [D1, D2, D3]).precision == 1.0
    assert date_f1([], [D1]).f1 == 0.0
