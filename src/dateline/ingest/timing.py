"""How fast ingest reads a corpus, and what it finds: ``python -m dateline.ingest.timing PATH``.

Reading must not dominate the pipeline (whole-pipeline target: 20 articles/s on 2 cores), so
this reports articles per second next to that figure, with the skip reasons and how many
articles got a known publication date.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import click

from dateline.ingest.files import iter_articles
from dateline.ingest.options import ReadOptions, Skip

#: The whole pipeline's throughput target; reading alone should be far faster.
PIPELINE_TARGET_PER_SECOND = 20.0


@dataclass
class ReadReport:
    """Counts and timing of one ingest pass over some paths."""

    seconds: float = 0.0
    cpu_seconds: float = 0.0  # this process only: stable on a machine shared with other jobs
    articles: int = 0
    skipped: int = 0
    dated: Counter[str] = field(default_factory=Counter)  # precision -> articles
    skip_reasons: Counter[str] = field(default_factory=Counter)

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def known_dates(self) -> int:
        return sum(n for precision, n in self.dated.items() if precision != "unknown")


def _reason_kind(skip: Skip) -> str:
    return type(skip.error).__name__ if skip.error else skip.reason.split(" of ")[0]


def measure(paths: Iterable[str | Path], options: ReadOptions | None = None) -> ReadReport:
    """Read everything under ``paths`` once and count what came out."""
    report = ReadReport()
    start, cpu_start = time.perf_counter(), time.process_time()
    for item in iter_articles(paths, options):
        if isinstance(item, Skip):
            report.skipped += 1
            report.skip_reasons[_reason_kind(item)] += 1
        else:
            report.articles += 1
            report.dated[item.published.precision] += 1
    report.seconds = time.perf_counter() - start
    report.cpu_seconds = time.process_time() - cpu_start
    return report


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
def command(paths: tuple[str, ...]) -> None:
    """Time reading PATHS and count articles, skips and known publication dates."""
    from rich.console import Console
    from rich.table import Table

    table = Table("file", "articles", "skipped", "known date", "wall s", "cpu s", "art/s", "anchor")
    notes = []
    for path in paths:
        r = measure([path])
        name = Path(path).name
        table.add_row(
            name, str(r.articles), str(r.skipped), str(r.known_dates), f"{r.seconds:.2f}",
            f"{r.cpu_seconds:.2f}", f"{r.per_second:.0f}",
            f"{PIPELINE_TARGET_PER_SECOND:.0f}/s (pipeline)",
        )  # fmt: skip
        notes.append(f"{name}: dates {dict(sorted(r.dated.items()))}; skips {dict(r.skip_reasons)}")
    console = Console()
    console.print(table)
    for note in notes:
        console.print(note, soft_wrap=True)


if __name__ == "__main__":
    command()
