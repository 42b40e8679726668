"""An article the extractor breaks on is recorded and retried later; the run goes on."""

from __future__ import annotations

import shutil

import pytest

import dateline.extract
from dateline.errors import ExtractionFailed
from dateline.pipeline import RunConfig, run
from dateline.store import Store
from tests.conftest import DEMO_DIR

pytestmark = pytest.mark.slow


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted(DEMO_DIR.glob("*.txt"))[:3]:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture
def broken_on_second(monkeypatch, corpus):
    """The extractor raises on one article, as a bug in a rule would."""
    victim = sorted(corpus.glob("*.txt"))[1].read_text().split("\n\n")[1][:40]
    real = dateline.extract.extract_article

    def flaky(article, doc=None, **kw):
        if victim in article.text:
            raise ValueError("year -490 is out of range")
        return real(article, doc, **kw)

    monkeypatch.setattr(dateline.extract, "extract_article", flaky)
    return sorted(corpus.glob("*.txt"))[1].name


def test_a_failing_article_is_skipped_with_its_reason_and_retried(
    corpus, tmp_path, broken_on_second, monkeypatch
):
    db = tmp_path / "db.duckdb"
    with Store(db) as store:
        summary = run([corpus], store)
        reasons = store.sql("SELECT path, code, reason FROM skips")
    assert summary.new == 2
    assert [s.reason for s in summary.skipped] == [
        "extraction failed: ValueError: year -490 is out of range"
    ]
    (path, code, _), *rest = reasons
    assert not rest and path.endswith(broken_on_second) and code == "E500"
    monkeypatch.undo()  # the bug is fixed: the next run picks the article up
    with Store(db) as store:
        again = run([corpus], store)
    assert (again.new, again.already_stored, again.skipped) == (1, 2, [])


def test_strict_runs_stop_at_the_failing_file(corpus, tmp_path, broken_on_second):
    with Store(tmp_path / "db.duckdb") as store, pytest.raises(ExtractionFailed, match="E500"):
        run([corpus], store, config=RunConfig(strict=True))
