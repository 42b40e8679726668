"""``dateline bench events GOLD``: event extraction scored against hand-coded gold mentions.

For every article named in the gold file, predictions (the extractor's mentions, or a JSONL of
contract records given with ``--pred``) are matched one-to-one to the gold mentions under the
issue's rule (same event type, overlapping dates, same country, within 50 km; see
:mod:`dateline.bench.matching`). Unmatched gold mentions are misses, unmatched predictions false
positives, and each matched pair is checked field by field. Targets (issue 3): event F1 >= 0.85
and every field >= 0.85 on the Guardian gold.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from dateline.bench.gold import (
    Candidate,
    GoldMention,
    GoldSet,
    article_key,
    load_gold_set,
)
from dateline.bench.matching import FIELDS, INFO_FIELDS, match_mentions
from dateline.records import Article

#: The issue's target for event F1 and for every scored field.
TARGET = 0.85
REPO = Path(__file__).resolve().parents[3]
#: Where ``corpus.csv#row`` references are looked up unless ``--corpus-root`` says otherwise.
DEFAULT_CORPUS_ROOT = REPO.parent / "shared" / "bench" / "corpora"


@dataclass
class ArticleScore:
    article: str
    gold: int = 0
    pred: int = 0
    matched: int = 0


@dataclass
class EventScores:
    """Everything the benchmark reports; counts, so runs over parts can be added up."""

    articles: list[ArticleScore] = field(default_factory=list)
    field_hits: Counter[str] = field(default_factory=Counter)
    misses: list[GoldMention] = field(default_factory=list)
    false_positives: list[Candidate] = field(default_factory=list)
    field_errors: list[tuple[str, GoldMention, Candidate]] = field(default_factory=list)

    @property
    def tp(self) -> int:
        return sum(a.matched for a in self.articles)

    @property
    def precision(self) -> float:
        pred = sum(a.pred for a in self.articles)
        return self.tp / pred if pred else 1.0

    @property
    def recall(self) -> float:
        gold = sum(a.gold for a in self.articles)
        return self.tp / gold if gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def field_accuracy(self, name: str) -> float:
        return self.field_hits[name] / self.tp if self.tp else 0.0


def score_events(gold: GoldSet, predictions: Mapping[str, list[Candidate]]) -> EventScores:
    """Match and score predictions per gold article; articles outside the gold are ignored."""
    scores = EventScores()
    for article, gold_mentions in gold.by_article().items():
        preds = list(predictions.get(article_key(article), []))
        pairs = match_mentions(gold_mentions, preds)
        scores.articles.append(ArticleScore(article, len(gold_mentions), len(preds), len(pairs)))
        matched_gold = {id(g) for g, _ in pairs}
        matched_pred = {id(p) for _, p in pairs}
        scores.misses += [g for g in gold_mentions if id(g) not in matched_gold]
        scores.false_positives += [p for p in preds if id(p) not in matched_pred]
        for g, p in pairs:
            for name, check in {**FIELDS, **INFO_FIELDS}.items():
                if check(g, p):
                    scores.field_hits[name] += 1
                elif name in FIELDS:
                    scores.field_errors.append((name, g, p))
    return scores


# --- getting articles and predictions --------------------------------------------------------


def _resolve(ref: str, roots: Iterable[Path]) -> Path:
    path = Path(ref.partition("#")[0])
    for root in roots:
        if (root / path).exists():
            return root / path
    raise click.ClickException(f"{ref}: not found under {', '.join(map(str, roots))}")


def read_gold_articles(gold: GoldSet, roots: Iterable[Path]) -> dict[str, Article]:
    """The articles the gold refers to, read by the ingest readers, keyed by article_key."""
    from dateline.ingest import iter_articles
    from dateline.ingest.options import ReadOptions

    roots = list(roots)
    wanted = {article_key(a) for a in gold.articles}
    files = sorted({_resolve(a, roots) for a in gold.articles})
    out: dict[str, Article] = {}
    for item in iter_articles([str(f) for f in files], ReadOptions()):
        if isinstance(item, Article) and item.source_path:
            key = article_key(item.source_path)
            if key in wanted:
                out[key] = item
    return out


def predict(articles: Mapping[str, Article]) -> dict[str, list[Candidate]]:
    """Run the extractor on each article."""
    from dateline.extract import extract_article

    return {
        key: [Candidate.from_mention(m, key) for m in extract_article(article)]
        for key, article in articles.items()
    }


def load_predictions(
    path: Path, articles: Mapping[str, Article] | None = None
) -> dict[str, list[Candidate]]:
    """A JSONL of contract records -> candidates per article.

    A record names its article by an ``article`` key (a path or ``file.csv#row``) or, failing
    that, by ``sources[0].article_id``, which needs ``articles`` to map ids back to files.
    """
    by_id = {a.article_id: key for key, a in (articles or {}).items()}
    out: dict[str, list[Candidate]] = {}
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            if not raw.strip():
                continue
            record: dict[str, Any] = json.loads(raw)
            if record.get("article"):
                key = article_key(record["article"])
            else:
                sources = record.get("sources") or [{}]
                key = by_id.get(sources[0].get("article_id", ""), "")
            if key:
                out.setdefault(key, []).append(Candidate.from_record(record, key))
    return out


# --- reporting -----------------------------------------------------------------------------


def _fmt(x: float) -> str:
    return f"{x:.3f}"


def render(
    scores: EventScores,
    title: str,
    errors: bool = False,
    per_article: bool = False,
    console: Any = None,
) -> None:
    """Print the summary tables (and, on request, per-article rows and the errors)."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    gold_n = sum(a.gold for a in scores.articles)
    pred_n = sum(a.pred for a in scores.articles)
    table = Table(title=f"{title}: events ({len(scores.articles)} articles)")
    for col in ("metric", "value", "target (issue 3)"):
        table.add_column(col)
    table.add_row("gold / predicted / matched", f"{gold_n} / {pred_n} / {scores.tp}", "")
    table.add_row("event precision", _fmt(scores.precision), "")
    table.add_row("event recall", _fmt(scores.recall), "")
    table.add_row("event F1", _fmt(scores.f1), f">= {TARGET}")
    for name in FIELDS:
        table.add_row(f"{name} accuracy", _fmt(scores.field_accuracy(name)), f">= {TARGET}")
    for name in INFO_FIELDS:
        table.add_row(f"{name} accuracy (info)", _fmt(scores.field_accuracy(name)), "none")
    console.print(table)
    if per_article:
        rows = Table(title="per article")
        for col in ("article", "gold", "pred", "matched", "P", "R"):
            rows.add_column(col)
        for a in scores.articles:
            p = a.matched / a.pred if a.pred else 1.0
            r = a.matched / a.gold if a.gold else 1.0
            rows.add_row(a.article, str(a.gold), str(a.pred), str(a.matched), _fmt(p), _fmt(r))
        console.print(rows)
    if errors:
        _render_errors(scores, console)


def _render_errors(scores: EventScores, console: Any) -> None:
    from rich.markup import escape

    def line(label: str, text: str) -> None:
        console.print(f"{label} {escape(text)}", soft_wrap=True)

    for g in scores.misses:
        line(
            "[red]MISS[/red]",
            f"{g.article} {g.event} {g.sub_event_type} "
            f"{g.date.start}..{g.date.end}: {g.evidence!r}",
        )
    for p in scores.false_positives:
        line(
            "[yellow]FALSE+[/yellow]",
            f"{p.article} {p.sub_event_type} {p.date.start}..{p.date.end}: {p.evidence!r}",
        )
    for name, g, p in scores.field_errors:
        want, got = _field_values(name, g, p)
        line(
            f"[magenta]FIELD {name}[/magenta]",
            f"{g.article} {g.event}: gold {want!r} pred {got!r}: {g.evidence!r}",
        )


def _field_values(name: str, g: GoldMention, p: Candidate) -> tuple[Any, Any]:
    if name == "actor":
        return (
            {"perpetrator": g.perpetrator, "claimant": g.claimant},
            [(a.role, a.name) for a in p.actors],
        )
    if name == "place":
        return g.location, p.location
    if name == "date":
        return ((g.date.start, g.date.end), (p.date.start, p.date.end, p.date.reason))
    return getattr(g, name), getattr(p, name)


@click.command("events")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--pred",
    "pred_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Score this JSONL of event records instead of running the extractor.",
)
@click.option(
    "--corpus-root",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder holding corpus files named as FILE.csv#ROW in the gold.",
)
@click.option("--errors", is_flag=True, help="List misses, false positives and field errors.")
@click.option("--per-article", is_flag=True, help="One row per article.")
def command(
    gold: Path, pred_path: Path | None, corpus_root: Path | None, errors: bool, per_article: bool
) -> None:
    """Event precision/recall/F1 and per-field accuracy against a GOLD mentions file."""
    gold_set = load_gold_set(gold)
    roots = [Path.cwd(), gold.resolve().parent.parent, corpus_root or DEFAULT_CORPUS_ROOT]
    needs_articles = pred_path is None or _needs_article_ids(pred_path)
    articles = read_gold_articles(gold_set, roots) if needs_articles else {}
    predictions = predict(articles) if pred_path is None else load_predictions(pred_path, articles)
    render(score_events(gold_set, predictions), gold.name, errors, per_article)


def _needs_article_ids(path: Path) -> bool:
    with open(path, encoding="utf-8") as fh:
        return any(line.strip() and not json.loads(line).get("article") for line in fh)


if __name__ == "__main__":
    command()
