"""Timeline summarisation of article collections, and the T17 benchmark command."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from dateline.bench.t17 import command
from dateline.timeline.tls import rank_dates, read_sentences, split_sentences, summarise_collection
from tests.timeline.helpers import article

D = dt.date


art = article


ARTICLES = [
    art(
        "a1",
        D(2010, 1, 13),
        "A huge earthquake struck Haiti on Tuesday . Thousands are feared "
        "dead in the capital Port-au-Prince . Aid agencies said they would send teams .",
    ),
    art(
        "a2",
        D(2010, 1, 14),
        "The earthquake on January 12 , 2010 flattened the presidential "
        "palace in Port-au-Prince . Rescue teams arrived from France and the US today .",
    ),
    art(
        "a3",
        D(2010, 1, 20),
        "A strong aftershock shook Port-au-Prince on Wednesday morning . "
        "The January 12 earthquake had already killed tens of thousands of people .",
    ),
]


def test_split_sentences_on_ptb_text():
    assert split_sentences("He said `` no . '' Then he left . 3 died .") == [
        "He said `` no . ''",
        "Then he left .",
        "3 died .",
    ]


def test_the_most_referred_day_ranks_first():
    sents = read_sentences(ARTICLES, D(2010, 1, 12), D(2010, 1, 31))
    ranked = rank_dates(sents)
    assert ranked[0][0] == D(2010, 1, 12)


def test_summarise_collection_keeps_the_protocol_budget():
    tl = summarise_collection(ARTICLES, D(2010, 1, 12), D(2010, 1, 20), 2, 1.4)
    assert list(tl) == sorted(tl) and len(tl) == 2
    assert D(2010, 1, 12) in tl
    assert all(len(s) == 1 for s in tl.values())
    assert summarise_collection(ARTICLES, D(2010, 1, 12), D(2010, 1, 20), 2, 1.4) == tl


@pytest.mark.bench
@pytest.mark.slow
def test_t17_bench_on_haiti_writes_gold_format(shared_bench, tmp_path):
    result = CliRunner().invoke(
        command,
        [str(shared_bench / "t17"), "--topic", "haiti", "--out", str(tmp_path), "--explain"],
    )
    assert result.exit_code == 0, result.output
    assert "DATEWISE" in result.output
    assert "haiti bbc__bbc: Date-F1" in result.output
    assert "2010-01-21" in result.output  # the gold day it misses, explained
    written = json.loads((tmp_path / "haiti" / "bbc__bbc.json").read_text())
    gold = json.loads((shared_bench / "t17" / "haiti" / "timelines" / "bbc__bbc.json").read_text())
    assert len(written) == len(gold)
    assert set(written[0]) == {"date", "sentences"}
    assert [e["date"] for e in written] == sorted(e["date"] for e in written)


def test_pinned_ends_open_and_close_the_timeline():
    """The protocol's first and last day are gold dates; pinned, they are always kept."""
    tl = summarise_collection(ARTICLES, D(2010, 1, 13), D(2010, 1, 20), 2, 1.0)
    assert list(tl) == [D(2010, 1, 13), D(2010, 1, 20)]
    free = summarise_collection(ARTICLES, D(2010, 1, 13), D(2010, 1, 20), 2, 1.0, pin_ends=False)
    assert D(2010, 1, 14) in free  # "today" in a2 outweighs the aftershock day unpinned


def test_an_article_naming_many_days_votes_less_for_each():
    chronology = art(
        "c1",
        D(2010, 2, 1),
        "Timeline : the quake on January 12 , aid on January 14 , "
        "the aftershock on January 20 and the donor summit on January 25 .",
    )
    focused = art("f1", D(2010, 2, 1), "Donors met in Montreal on January 25 to plan aid .")
    sents = read_sentences([chronology, focused], D(2010, 1, 1), D(2010, 2, 28))
    scores = dict(rank_dates(sents))
    damped = dict(rank_dates(sents, spread_damping=0.0))
    assert scores[D(2010, 1, 25)] > scores[D(2010, 1, 12)]
    assert scores[D(2010, 1, 12)] < damped[D(2010, 1, 12)]
