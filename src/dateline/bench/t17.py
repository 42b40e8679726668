"""``dateline bench t17 PATH``: timeline summarisation on Timeline17, news-tls protocol.

For each gold timeline the system sees only the topic's articles, the timeline's first and
last date, its number of dates and its mean sentences per date. Scores: Date-F1 and
alignment-based ROUGE-1/2 F1 (``align+ m:1``, see ``dateline.timeline.rouge``), averaged
over timelines as news-tls does.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import click

from dateline.records import Article, DateInterval
from dateline.timeline.rouge import PRF, align_rouge, date_f1
from dateline.timeline.tls import summarise_collection

#: news-tls DATEWISE on all of Timeline17 (Ghalandari & Ifrim 2020, Table 4).
ANCHORS = {"date_f1": 0.544, "ar1_f": 0.120, "ar2_f": 0.035}
#: The publication-date-count baseline on these dev topics (bench README).
PUBCOUNT_DEV_DATE_F1 = 0.62


@dataclass(frozen=True, slots=True)
class TaskResult:
    topic: str
    timeline: str
    n_dates: int
    date: PRF
    ar1: PRF
    ar2: PRF
    predicted: tuple[dt.date, ...] = ()


def load_articles(topic_dir: Path) -> list[Article]:
    """A topic's ``articles.jsonl`` as Articles (``outlet`` is the source name)."""
    out = []
    with (topic_dir / "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            pub = dt.date.fromisoformat(row["published"])
            out.append(
                Article(
                    row["id"],
                    row["text"],
                    outlet=row.get("source"),
                    published=DateInterval.day(pub, "T17 document creation time"),
                )
            )
    return out


def load_timeline(path: Path) -> dict[dt.date, list[str]]:
    return {
        dt.date.fromisoformat(e["date"]): list(e["sentences"])
        for e in json.loads(path.read_text(encoding="utf-8"))
    }


def iter_tasks(root: Path, topics: tuple[str, ...] = ()) -> Iterator[tuple[str, Path]]:
    """(topic, gold timeline path) for every dev topic; ``heldout.*`` is never opened."""
    for topic_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        if topic_dir.name.startswith("heldout") or (topics and topic_dir.name not in topics):
            continue
        for path in sorted((topic_dir / "timelines").glob("*.json")):
            yield topic_dir.name, path


def run_task(
    articles: list[Article],
    gold: dict[dt.date, list[str]],
    resolver: str = "regex",
    per_source: str | None = None,
    pin_ends: bool = True,
) -> dict[dt.date, list[str]]:
    """Build a timeline from what the protocol allows the system to know about ``gold``."""
    dates = sorted(gold)
    mean_k = sum(len(s) for s in gold.values()) / len(gold)
    pool = [a for a in articles if per_source is None or a.outlet == per_source]
    return summarise_collection(
        pool, dates[0], dates[-1], len(dates), mean_k, resolver, pin_ends=pin_ends
    )


def write_timeline(timeline: dict[dt.date, list[str]], path: Path) -> None:
    """Write in the gold files' own JSON shape: ``[{"date", "sentences"}]`` sorted by date."""
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = [{"date": d.isoformat(), "sentences": s} for d, s in sorted(timeline.items())]
    path.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def evaluate(
    root: Path,
    out: Path | None = None,
    resolver: str = "regex",
    collection: str = "pooled",
    topics: tuple[str, ...] = (),
    pin_ends: bool = True,
) -> list[TaskResult]:
    """Run and score every gold timeline under ``root``."""
    results: list[TaskResult] = []
    cache: dict[str, list[Article]] = {}
    for topic, path in iter_tasks(root, topics):
        articles = cache.setdefault(topic, load_articles(root / topic))
        gold = load_timeline(path)
        source = path.name.split("__")[0] if collection == "source" else None
        pred = run_task(articles, gold, resolver, source, pin_ends)
        if out is not None:
            write_timeline(pred, out / topic / path.name)
        results.append(
            TaskResult(
                topic,
                path.stem,
                len(gold),
                date_f1(list(pred), list(gold)),
                align_rouge(pred, gold, 1),
                align_rouge(pred, gold, 2),
                tuple(sorted(pred)),
            )
        )
    return results


def mean(results: list[TaskResult], attr: str) -> float:
    return sum(getattr(r, attr).f1 for r in results) / len(results) if results else 0.0


def explain(root: Path, results: list[TaskResult], resolver: str, console) -> None:
    """Print, per timeline, every missed gold day and wrong pick with the evidence for it."""
    from rich.table import Table

    from dateline.timeline.diagnose import diagnose_days
    from dateline.timeline.tls import article_relevance, read_sentences

    cache: dict[str, list[Article]] = {}
    for r in results:
        articles = cache.setdefault(r.topic, load_articles(root / r.topic))
        gold = load_timeline(root / r.topic / "timelines" / f"{r.timeline}.json")
        days = sorted(gold)
        sentences = read_sentences(articles, days[0], days[-1], resolver)
        reports = diagnose_days(sentences, article_relevance(sentences), gold, r.predicted)
        table = Table(title=f"{r.topic} {r.timeline}: Date-F1 {r.date.f1:.3f}")
        for col in ("day", "gold", "rank", "score", "naming", "explicit", "later", "pub", "why"):
            table.add_column(
                col, justify="left" if col in ("day", "why") else "right", no_wrap=col != "why"
            )
        for d in reports:
            if d.reason == "found":
                continue
            table.add_row(
                d.day.isoformat(),
                "G" if d.gold else "",
                "-" if d.rank is None else str(d.rank),
                f"{d.score:.1f}",
                str(d.naming),
                str(d.explicit),
                str(d.later),
                str(d.published),
                d.reason,
            )
        console.print(table)


@click.command("t17")
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Write DIR/<topic>/<gold timeline file name> in the gold JSON format.",
)
@click.option(
    "--resolver",
    type=click.Choice(["regex", "ground", "auto"]),
    default="regex",
    show_default=True,
    help="Day-mention resolver (ground = dateline.ground.time).",
)
@click.option(
    "--collection",
    type=click.Choice(["pooled", "source"]),
    default="pooled",
    show_default=True,
    help="All of a topic's articles, or only the timeline's source.",
)
@click.option("--topic", "topics", multiple=True, help="Only these topics (repeatable).")
@click.option(
    "--pin-ends/--no-pin-ends",
    default=True,
    show_default=True,
    help="Put the given first and last date on the timeline (they are gold dates by protocol).",
)
@click.option(
    "--explain", "explain_misses", is_flag=True, help="Show why each gold date was missed."
)
def command(
    path: Path,
    out: Path | None,
    resolver: str,
    collection: str,
    topics: tuple[str, ...],
    pin_ends: bool,
    explain_misses: bool = False,
) -> None:
    """Timeline17 (news-tls protocol): Date-F1, AR1-F, AR2-F against DATEWISE."""
    from rich.console import Console
    from rich.table import Table

    started = time.perf_counter()
    results = evaluate(path, out, resolver, collection, topics, pin_ends)
    table = Table(title=f"T17 dev timelines ({len(results)})")
    for col in ("topic", "timeline", "dates", "Date-F1", "AR1-F", "AR2-F"):
        table.add_column(col, justify="left" if col in ("topic", "timeline") else "right")
    for r in results:
        table.add_row(
            r.topic,
            r.timeline,
            str(r.n_dates),
            f"{r.date.f1:.3f}",
            f"{r.ar1.f1:.3f}",
            f"{r.ar2.f1:.3f}",
        )
    table.add_section()
    table.add_row(
        "mean",
        "dateline",
        "",
        f"{mean(results, 'date'):.3f}",
        f"{mean(results, 'ar1'):.3f}",
        f"{mean(results, 'ar2'):.3f}",
    )
    table.add_row(
        "anchor",
        "DATEWISE (all T17)",
        "",
        f"{ANCHORS['date_f1']:.3f}",
        f"{ANCHORS['ar1_f']:.3f}",
        f"{ANCHORS['ar2_f']:.3f}",
    )
    table.add_row("anchor", "PUBCOUNT weekday (dev)", "", f"~{PUBCOUNT_DEV_DATE_F1:.2f}", "", "")
    console = Console()
    if explain_misses:
        explain(path, results, resolver, console)
    console.print(table)
    took = time.perf_counter() - started
    console.print(f"resolver={resolver} collection={collection} pin_ends={pin_ends} {took:.0f}s")


if __name__ == "__main__":
    command()
