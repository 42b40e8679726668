"""The shared corpora read completely: every Guardian article with its date, keyed by row."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dateline.ingest import Skip, iter_articles
from dateline.records import Article


@pytest.mark.bench
def test_guardian_sdf_all_249_with_dates(shared_bench: Path) -> None:
    path = shared_bench / "corpora" / "guardian_sdf.csv"
    items = list(iter_articles([path]))
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) == 249 and len(items) == 249
    assert all(a.published.precision == "day" for a in articles)
    assert {a.published.start.year for a in articles if a.published.start} == {2017, 2018, 2019}
    assert all(a.outlet == "Guardian" for a in articles)
    first = articles[0]
    assert first.source_path == f"{path}#3" and first.metadata["row_id"] == "3"
    assert first.text.startswith("Baghdad and Washington are in talks to transfer")
    assert len({a.article_id for a in articles}) == 249


@pytest.mark.bench
def test_small_copy_reads_the_same_twice(shared_bench: Path, tmp_path: Path) -> None:
    lines = (shared_bench / "corpora" / "guardian_sdf.csv").read_text("utf-8").splitlines(True)
    copy = tmp_path / "guardian_small.csv"
    copy.write_text("".join(lines[:6]), encoding="utf-8")
    first = [a.article_id for a in iter_articles([copy]) if isinstance(a, Article)]
    second = [a.article_id for a in iter_articles([copy]) if isinstance(a, Article)]
    assert first == second and len(first) == 5
    shutil.copy(copy, tmp_path / "again.csv")
    items = list(iter_articles([tmp_path]))
    assert sum(isinstance(i, Skip) and "duplicate of" in i.reason for i in items) == 5


@pytest.mark.bench
@pytest.mark.slow
def test_tehran_times_reads_with_ids(shared_bench: Path) -> None:
    path = shared_bench / "corpora" / "tehran_times_3000.jsonl"
    items = list(iter_articles([path]))
    articles = [i for i in items if isinstance(i, Article)]
    skips = [i for i in items if isinstance(i, Skip)]
    assert len(items) == 3000 and len(articles) >= 2980
    assert all("min_chars" in s.reason for s in skips)  # one-sentence items, licence line gone
    assert articles[0].source_path == f"{path}#tt_55558"
    assert articles[0].metadata["slug"] == "Iraq-Plans-to-Open-Rail-Link-to-Turkey-Iran"
    assert articles[0].text.count("resumed a rail service") == 1
