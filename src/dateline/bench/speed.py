"""``dateline bench speed CORPUS``: pipeline throughput against the bare spaCy pass.

The floor is what the model alone costs on the same texts with the same number of
processes; the ratio says how much dateline adds on top. The pipeline runs with the gate
(``dateline.annotate.gate``: the model reads only sentences that could report an event), so
it can beat the floor; the table says how much of the text the model read. ``--ungated``
also times the pipeline with the model over every word. ``--profile`` adds a breakdown of
where a single-process run spends its time, by stage. The machine's load average is printed
beside every figure: on a shared machine wall times say little without it.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import resource
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from dateline.annotate.gate import read_share
from dateline.ingest import ReadOptions, Skip, iter_articles
from dateline.nlp import load_nlp
from dateline.pipeline import RunConfig, run
from dateline.records import Article
from dateline.store import Store

console = Console()

#: Module prefixes -> stage names for the profile table.
STAGES = {
    "dateline/ingest": "ingest",
    "dateline/annotate/gate": "gate",
    "dateline/extract/classify": "classify",
    "dateline/embed": "classify",
    "dateline/extract": "extract",
    "dateline/annotate": "extract",
    "dateline/ground/time": "ground: time",
    "dateline/ground/place": "ground: place",
    "dateline/ground/actors": "ground: actors",
    "dateline/merge": "merge",
    "dateline/store": "store",
    "duckdb": "store",
    "spacy": "spaCy",
    "thinc": "spaCy",
}


def peak_rss_mb() -> float:
    """Peak resident memory of this process and of its largest finished child, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def load_articles(corpus: Path, limit: int | None) -> list[Article]:
    articles = [a for a in iter_articles([corpus], ReadOptions()) if not isinstance(a, Skip)]
    return articles[:limit] if limit else articles


def bare_spacy_seconds(texts: list[str], workers: int) -> float:
    nlp = load_nlp()
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16, n_process=workers):
        pass
    return time.perf_counter() - started


def cpu_seconds() -> float:
    """CPU time so far of this process and its finished children: unlike wall time, it
    hardly moves when other jobs share the machine."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def load_average() -> str:
    """The 1-minute load average, to read wall times on a shared machine by."""
    return f"{os.getloadavg()[0]:.1f}"


def pipeline_seconds(
    corpus: Path, workers: int, limit: int | None, *, gate: bool = True
) -> tuple[float, int, int]:
    """Full run, ingest to stored events, into a fresh database."""
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "speed.duckdb") as store:
        started = time.perf_counter()
        paths = [corpus] if limit is None else []
        if limit is not None:  # a limited run reads the first N articles through a temp file
            sample = Path(tmp) / "sample.jsonl"
            _write_sample(load_articles(corpus, limit), sample)
            paths = [sample]
        summary = run(paths, store, config=RunConfig(workers=workers, gate=gate))
        return time.perf_counter() - started, summary.read, summary.events


def _write_sample(articles: list[Article], path: Path) -> None:
    import json

    with path.open("w") as out:
        for a in articles:
            body = a.text[len(a.title) + 2 :] if a.title and a.text.startswith(a.title) else a.text
            out.write(
                json.dumps(
                    {
                        "id": a.metadata.get("row_id", a.article_id),
                        "title": a.title,
                        "text": body,
                        "date": a.published.start.isoformat() if a.published.start else None,
                        "source": a.outlet,
                    }
                )
                + "\n"
            )


def profile_by_stage(corpus: Path, limit: int) -> dict[str, float]:
    profiler = cProfile.Profile()
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "p.duckdb") as store:
        sample = Path(tmp) / "sample.jsonl"
        _write_sample(load_articles(corpus, limit), sample)
        load_nlp()
        profiler.enable()
        run([sample], store, config=RunConfig(workers=1))
        profiler.disable()
    stats = pstats.Stats(profiler)
    totals: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, own_time, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        stage = next((name for prefix, name in STAGES.items() if prefix in filename), "other")
        totals[stage] += own_time
    return dict(sorted(totals.items(), key=lambda kv: -kv[1]))


@click.command("speed")
@click.argument("corpus", type=click.Path(exists=True, path_type=Path))
@click.option("--workers", default=2, show_default=True, help="Processes for both passes.")
@click.option("--limit", type=int, help="Only the first N articles.")
@click.option(
    "--profile",
    "profile_n",
    type=int,
    default=0,
    help="Also profile a single-process run over N articles, by stage.",
)
@click.option("--ungated", is_flag=True, help="Also time the pipeline without the gate.")
def command(corpus: Path, workers: int, limit: int | None, profile_n: int, ungated: bool) -> None:
    """Articles/s and words/s of the whole pipeline, and the bare spaCy floor."""
    articles = load_articles(corpus, limit)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    share = read_share(texts)
    # each row: wall seconds, CPU seconds, the 1-minute load average at the end of the pass
    rows: list[tuple[str, float, float, str]] = []
    cpu = cpu_seconds()
    floor = bare_spacy_seconds(texts, workers)
    rows.append(("bare spaCy over all text (floor)", floor, cpu_seconds() - cpu, load_average()))
    cpu = cpu_seconds()
    seconds, read, events = pipeline_seconds(corpus, workers, limit)
    rows.append(
        (
            f"dateline pipeline, gated (model reads {share:.0%})",
            seconds,
            cpu_seconds() - cpu,
            load_average(),
        )
    )
    if ungated:
        cpu = cpu_seconds()
        full, _, n_full = pipeline_seconds(corpus, workers, limit, gate=False)
        rows.append(
            (
                f"dateline pipeline, ungated ({n_full} events)",
                full,
                cpu_seconds() - cpu,
                load_average(),
            )
        )
    table = Table(
        title=f"Throughput on {corpus.name} ({read} articles, {words:,} words, {workers} workers)"
    )
    for col in ("pass", "seconds", "articles/s", "words/s", "CPU s", "load avg (1 min)"):
        table.add_column(col, justify="right" if col != "pass" else "left")
    for name, secs, cpu, avg in rows:
        table.add_row(
            name, f"{secs:.1f}", f"{read / secs:.1f}", f"{words / secs:,.0f}", f"{cpu:.1f}", avg
        )
    console.print(table)
    console.print(
        f"{read / seconds:.1f} articles/s; pipeline / floor = {seconds / floor:.2f}x "
        f"(target <= 1.5x, >= 20 articles/s with 2 workers); {events} events; "
        f"model read {share:.1%} of the text; "
        f"peak memory {peak_rss_mb():,.0f} MB (target <= 2048 MB)"
    )
    if profile_n:
        breakdown = profile_by_stage(corpus, profile_n)
        total = sum(breakdown.values())
        prof = Table(title=f"Where the time goes (1 process, {profile_n} articles)")
        prof.add_column("stage")
        prof.add_column("seconds", justify="right")
        prof.add_column("share", justify="right")
        for stage, secs in breakdown.items():
            prof.add_row(stage, f"{secs:.2f}", f"{secs / total:.0%}")
        console.print(prof)


if __name__ == "__main__":
    command()
