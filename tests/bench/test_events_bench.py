"""The events benchmark: gold files are valid, and the scorer rewards exactly what it should."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from dateline.bench.clusters import pairwise_cluster_scores
from dateline.bench.events import command, score_events
from dateline.bench.gold import (
    Candidate,
    GoldMention,
    GoldSet,
    load_gold_set,
    parse_gold_line,
)
from dateline.bench.matching import place_correct
from dateline.records import Actor, Count, DateInterval, Place

REPO = Path(__file__).resolve().parents[2]
DEMO_GOLD = REPO / "gold" / "demo_events.jsonl"
GUARDIAN_GOLD = REPO / "gold" / "guardian_events.jsonl"


def as_prediction(g: GoldMention, **changes: object) -> Candidate:
    """What a perfect extractor would emit for gold mention ``g``."""
    actors = []
    for role in ("perpetrator", "claimant"):
        value = getattr(g, role)
        if isinstance(value, tuple):
            value = value[0]
        if value:
            actors.append(Actor(value, role))
    if g.suspected:
        actors.append(Actor(g.suspected, "suspected"))
    cand = Candidate(
        g.article.rpartition("/")[2],
        g.event_type,
        g.sub_event_type,
        g.status,
        g.background,
        g.date,
        g.location,
        tuple(actors),
        g.fatalities,
        g.injured,
        g.evidence,
        g.key,
    )
    return dataclasses.replace(cand, **changes)


def perfect(gold: GoldSet) -> dict[str, list[Candidate]]:
    out: dict[str, list[Candidate]] = {}
    for m in gold.mentions:
        p = as_prediction(m)
        out.setdefault(p.article, []).append(p)
    return out


# --- the scorer ----------------------------------------------------------------------------


def test_perfect_predictions_score_one() -> None:
    gold = load_gold_set(DEMO_GOLD)
    scores = score_events(gold, perfect(gold))
    assert (scores.precision, scores.recall, scores.f1) == (1.0, 1.0, 1.0)
    for name in ("sub_event_type", "date", "place", "actor", "fatalities", "status", "background"):
        assert scores.field_accuracy(name) == 1.0, name


def test_an_extra_event_lowers_precision_only() -> None:
    gold = load_gold_set(DEMO_GOLD)
    preds = perfect(gold)
    first = gold.mentions[0]
    extra = as_prediction(first, event_type="Protests", sub_event_type="Peaceful protest")
    preds[extra.article].append(extra)
    scores = score_events(gold, preds)
    assert scores.recall == 1.0
    assert scores.precision == pytest.approx(len(gold.mentions) / (len(gold.mentions) + 1))
    assert scores.false_positives == [extra]


def test_a_wrong_day_within_the_interval_rule() -> None:
    """A date that no longer overlaps breaks the match only when the type differs too."""
    gold = load_gold_set(DEMO_GOLD)
    preds = perfect(gold)
    target = next(m for m in gold.mentions if m.date.precision == "day" or m.date.start)
    assert target.date.start is not None
    shifted = target.date.start - dt.timedelta(days=400)
    wrong = DateInterval.day(shifted, "test: a wrong year")
    key = target.article.rpartition("/")[2]
    preds[key] = [
        as_prediction(m, date=wrong) if m is target else as_prediction(m)
        for m in gold.by_article()[target.article]
    ]
    scores = score_events(gold, preds)
    # Dates must overlap to match, so the mention becomes a miss plus a false positive.
    assert scores.recall < 1.0 and scores.precision < 1.0


def test_date_mismatch_lowers_date_accuracy() -> None:
    """An undated gold mention still matches a dated prediction, but its date is wrong."""
    gold = load_gold_set(DEMO_GOLD)
    undated = next(m for m in gold.mentions if not m.date.is_known)
    preds = perfect(gold)
    key = undated.article.rpartition("/")[2]
    preds[key] = [as_prediction(undated, date=DateInterval.day(dt.date(2022, 1, 9), "guess"))]
    scores = score_events(gold, preds)
    assert scores.f1 == 1.0
    assert scores.field_accuracy("date") == pytest.approx(1 - 1 / len(gold.mentions))


def test_fatalities_and_actor_errors_are_counted() -> None:
    gold = load_gold_set(DEMO_GOLD)
    preds = perfect(gold)
    m = next(m for m in gold.mentions if m.fatalities and m.fatalities.max > 0)
    key = m.article.rpartition("/")[2]
    preds[key] = [
        as_prediction(x, fatalities=Count(99, 99), actors=(Actor("Hamas", "perpetrator"),))
        if x is m
        else as_prediction(x)
        for x in gold.by_article()[m.article]
    ]
    scores = score_events(gold, preds)
    assert scores.field_accuracy("fatalities") < 1.0
    assert scores.field_accuracy("actor") < 1.0


def test_actor_aliases_match_through_the_kb() -> None:
    gold = load_gold_set(DEMO_GOLD)
    m = next(m for m in gold.mentions if m.suspected == "Kataib Hezbollah")
    pred = as_prediction(m, actors=(Actor("Kata'ib Hizballah", "suspected"),))
    scores = score_events(GoldSet((m,), (m.article,)), {pred.article: [pred]})
    assert scores.field_accuracy("suspected") == 1.0


def test_place_rules() -> None:
    base = Place("Ain al-Asad air base", "IQ", "Anbar", 33.80, 42.44)
    assert place_correct(base, Place("al-Baghdadi", "IQ", "Anbar", 33.87, 42.53))  # ~12 km
    assert not place_correct(base, Place("Baghdad", "IQ", "Baghdad", 33.34, 44.40))  # ~190 km
    assert place_correct(base, Place("Anbar", "IQ", "Al Anbar Governorate"))
    assert not place_correct(base, Place("Iraq", "IQ"))
    assert place_correct(Place("western Iraq", "IQ"), Place("Hit", "IQ", "Anbar", 33.64, 42.83))
    assert not place_correct(base, Place("al-Tanf", "SY", "Homs", 33.50, 38.65))


def test_cli_scores_a_pred_file(tmp_path: Path) -> None:
    gold = load_gold_set(DEMO_GOLD)
    pred = tmp_path / "pred.jsonl"
    with open(pred, "w", encoding="utf-8") as fh:
        for m in gold.mentions[:5]:
            record = {
                "article": m.article,
                "event_type": m.event_type,
                "sub_event_type": m.sub_event_type,
                "status": m.status,
                "background": m.background,
                "date": m.date.to_dict(),
                "location": m.location.to_dict() if m.location else None,
                "actors": [],
                "fatalities": m.fatalities.to_dict() if m.fatalities else None,
                "evidence": [{"field": "event", "text": m.evidence}],
            }
            fh.write(json.dumps(record) + "\n")
    result = CliRunner().invoke(command, [str(DEMO_GOLD), "--pred", str(pred), "--errors"])
    assert result.exit_code == 0, result.output
    assert "event F1" in result.output and "MISS" in result.output


# --- cluster scoring -----------------------------------------------------------------------


def test_pairwise_cluster_scores() -> None:
    gold = {"a": 1, "b": 1, "c": 1, "d": 2}
    assert pairwise_cluster_scores(gold, gold) == (1.0, 1.0, 1.0)
    split = {"a": "x", "b": "x", "c": "y", "d": "z"}
    p, r, _ = pairwise_cluster_scores(split, gold)
    assert (p, r) == (1.0, pytest.approx(1 / 3))
    chained = [["a", "b", "c", "d"]]
    p, r, _ = pairwise_cluster_scores(chained, gold)
    assert (p, r) == (0.5, 1.0)


@given(st.dictionaries(st.integers(0, 30), st.integers(0, 5), min_size=1))
def test_identical_clusterings_are_perfect(clusters: dict[int, int]) -> None:
    assert pairwise_cluster_scores(clusters, dict(clusters)) == (1.0, 1.0, 1.0)


# --- the gold files and the demo corpus ----------------------------------------------------


@pytest.mark.parametrize("path", [DEMO_GOLD, GUARDIAN_GOLD], ids=lambda p: p.name)
def test_gold_lines_are_valid(path: Path) -> None:
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        obj = json.loads(raw)
        if obj.get("event") is None:
            continue
        m = parse_gold_line(obj, number)  # raises on names outside the taxonomy
        assert m.evidence, number
        if m.date.is_known:
            assert m.date.start <= m.date.end, number
        for count in (m.fatalities, m.injured):
            assert count is None or 0 <= count.min <= count.max, number


def _front_matter(path: Path) -> tuple[dict[str, str], str]:
    text = path.read_text(encoding="utf-8")
    head, body = text.split("\n---\n", 1)
    meta = dict(line.split(": ", 1) for line in head.splitlines()[1:])
    return meta, body


def test_demo_corpus_shape() -> None:
    files = sorted((REPO / "examples" / "demo").glob("*.txt"))
    assert len(files) >= 18
    outlets, undated = set(), []
    for path in files:
        meta, body = _front_matter(path)
        assert meta["synthetic"] == "true" and meta["title"] and meta["url"], path.name
        assert meta["title"] not in body, path.name
        assert 250 <= len(re.findall(r"\S+", body)) <= 700, path.name
        outlets.add(meta["outlet"])
        if "published" not in meta:
            undated.append(path.name)
    assert len(outlets) >= 4
    assert undated == ["12_northern_star_sinjar_clash.txt"]


def test_demo_gold_covers_every_demo_article() -> None:
    gold = load_gold_set(DEMO_GOLD)
    names = {Path(a).name for a in gold.articles}
    assert names == {p.name for p in (REPO / "examples" / "demo").glob("*.txt")}


def test_demo_evidence_is_in_the_stored_text() -> None:
    """Evidence is checked against the text the ingest reader stores: title + cleaned body."""
    from dateline.bench.events import read_gold_articles

    gold = load_gold_set(DEMO_GOLD)
    articles = read_gold_articles(gold, [REPO])
    assert len(articles) == len(gold.articles)
    for m in gold.mentions:
        assert m.evidence in articles[Path(m.article).name].text, (m.article, m.evidence)


def test_guardian_evidence_is_in_the_stored_text(shared_bench: Path) -> None:
    from dateline.bench.events import read_gold_articles

    gold = load_gold_set(GUARDIAN_GOLD)
    assert len(gold.articles) >= 25
    articles = read_gold_articles(gold, [shared_bench / "corpora"])
    assert len(articles) == len(gold.articles)
    for m in gold.mentions:
        assert m.evidence in articles[m.article].text, (m.article, m.evidence)
