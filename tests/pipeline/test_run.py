"""End to end on the demo corpus: idempotent, resumable, incremental, evidence exact."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from dateline.errors import InputError
from dateline.pipeline import RunConfig, run
from dateline.store import Store
from tests.conftest import DEMO_DIR

pytestmark = pytest.mark.slow


def stored(db: Path) -> dict[str, dict]:
    with Store(db, read_only=True) as store:
        return {e.event_id: e.to_dict() for e in store.events()}


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    with Store(db) as store:
        summary = run([DEMO_DIR], store)
    assert summary.new == summary.read >= 15
    assert summary.events > 0
    assert summary.undated == 1  # 12_northern_star_sinjar_clash.txt has no date, on purpose
    return db


def test_articles_without_a_date_are_counted_for_the_user(tmp_path):
    """A plain-text archive has no publication dates: the summary says how many, so the CLI
    can warn that relative dates in them stay unresolved."""
    text = (
        "Gunmen attacked a police checkpoint on the outskirts of Kirkuk on Tuesday, killing two "
        "officers, a local official said. No group claimed the attack, which came a week "
        "after a roadside bomb hit an army patrol in the same district. (Synthetic example.)"
    )
    (tmp_path / "a.txt").write_text(text)
    with Store(tmp_path / "u.duckdb") as store:
        summary = run([tmp_path / "a.txt"], store)
    assert (summary.new, summary.undated) == (1, 1)


def test_a_second_run_adds_nothing(demo_db, tmp_path):
    db = tmp_path / "again.duckdb"
    shutil.copy(demo_db, db)
    before = stored(db)
    with Store(db) as store:
        summary = run([DEMO_DIR], store)
        counts = store.info()["counts"]
    assert summary.new == 0 and summary.already_stored == summary.read
    assert stored(db) == before
    with Store(demo_db, read_only=True) as original:
        assert counts["mentions"] == original.count("mentions")


def test_every_evidence_span_is_an_exact_substring(demo_db):
    with Store(demo_db, read_only=True) as store:
        articles = store.articles()
        events = store.events()
    spans = [e for ev in events for e in ev.evidence]
    assert spans
    bad = [e for e in spans if not e.is_valid_for(articles[e.article_id].text)]
    assert bad == []
    assert all(any(e.field == "event" for e in ev.evidence) for ev in events)


def test_same_input_gives_same_event_ids(demo_db, tmp_path):
    with Store(tmp_path / "b.duckdb") as store:
        run([DEMO_DIR], store)
    assert stored(tmp_path / "b.duckdb") == stored(demo_db)


def test_an_interrupted_run_resumes_to_the_same_result(demo_db, tmp_path):
    db = tmp_path / "killed.duckdb"

    class Killed(Exception):
        pass

    seen = 0

    def kill_after_five(item, n):
        nonlocal seen
        seen += 1
        if seen > 5:
            raise Killed

    with Store(db) as store, pytest.raises(Killed):
        run([DEMO_DIR], store, config=RunConfig(batch_size=2), on_item=kill_after_five)
    with Store(db) as store:
        partial = store.count("articles")
        summary = run([DEMO_DIR], store)
    assert 0 < partial < summary.read
    assert summary.already_stored == partial
    assert stored(db) == stored(demo_db)


def test_adding_files_later_gives_the_same_events_as_one_run(demo_db, tmp_path):
    files = sorted(DEMO_DIR.glob("*.txt"))
    db = tmp_path / "incremental.duckdb"
    with Store(db) as store:
        run(files[: len(files) // 2], store)
        summary = run(files[len(files) // 2 :], store)
    assert summary.new == len(files) - len(files) // 2
    assert stored(db) == stored(demo_db)


def test_bad_inputs_are_skipped_with_their_reasons(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 200)
    (folder / "french.txt").write_text(
        "Attaque\n\n" + "Les roquettes sont tombées sur la base et les soldats ont été "
        "évacués vers le nord de la ville pendant la nuit. " * 5
    )
    shutil.copy(sorted(DEMO_DIR.glob("*.txt"))[0], folder / "good.txt")
    with Store(tmp_path / "bad.duckdb") as store:
        summary = run([folder], store)
    reasons = {Path(s.path).name: s.reason for s in summary.skipped}
    assert set(reasons) == {"empty.txt", "binary.txt", "french.txt"}
    assert summary.new == 1
    strict = RunConfig(strict=True)
    with Store(tmp_path / "strict.duckdb") as store, pytest.raises(InputError, match=r"binary\."):
        run([folder], store, config=strict)


def test_guardian_rows_keep_their_dates_and_rerun_adds_nothing(shared_bench, tmp_path):
    source = shared_bench / "corpora" / "guardian_sdf.csv"
    small = tmp_path / "guardian_small.csv"
    with source.open(newline="") as f_in, small.open("w", newline="") as f_out:
        reader = csv.reader(f_in)
        writer = csv.writer(f_out)
        for i, row in enumerate(reader):
            if i > 12:
                break
            writer.writerow(row)
    with Store(tmp_path / "g.duckdb") as store:
        first = run([small], store)
        second = run([small], store)
        precisions = {a.published.precision for a in store.articles().values()}
    assert first.new == 12 and not first.skipped
    assert precisions == {"day"}
    assert second.new == 0
