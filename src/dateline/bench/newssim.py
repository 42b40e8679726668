"""``dateline bench newssim PATH``: Pearson r of article similarity with human judgements.

Gold is SemEval-2022 Task 8's "Overall" score on 161 English pairs, where 1 = very similar
and 4 = very dissimilar, so the similarity (1 = same story) is correlated after negation.
"""

from __future__ import annotations

import csv
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from dateline.merge.similarity import pairwise_similarity

ANCHORS = {
    "HFL, best SemEval-2022 Task 8 (all languages, official eval)": 0.818,
    "HFL en-en (self-reported, official eval)": 0.8719,
}


def pearson(x: list[float], y: list[float]) -> float:
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
    sx = sum((a - mx) ** 2 for a in x) ** 0.5
    sy = sum((b - my) ** 2 for b in y) ** 0.5
    return sxy / (sx * sy) if sx and sy else 0.0


def evaluate(path: str | Path) -> dict[str, float]:
    """Pearson r (similarity negated against Overall) with and without embeddings."""
    with open(Path(path) / "train_en.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    pairs = [(r["text1"], r["text2"]) for r in rows]
    gold = [float(r["Overall"]) for r in rows]
    out = {"pairs": float(len(rows))}
    for name, dense in (("lexical only", False), ("lexical + MiniLM", True)):
        sims = pairwise_similarity(pairs, use_embeddings=dense)
        out[name] = pearson([-s for s in sims], gold)
    return out


@click.command("newssim")
@click.argument("path", type=click.Path(exists=True, file_okay=False))
def command(path: str) -> None:
    """Pearson r of dateline's article similarity with SemEval-2022 Task 8 'Overall'."""
    res = evaluate(path)
    anchors = "; ".join(f"{k}: {v:.3f}" for k, v in ANCHORS.items())
    table = Table(title=f"newssim: {int(res.pop('pairs'))} en-en pairs", caption=anchors)
    table.add_column("similarity")
    table.add_column("Pearson r")
    for name, r in res.items():
        table.add_row(name, f"{r:.3f}")
    Console().print(table)


if __name__ == "__main__":
    command()
