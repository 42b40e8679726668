"""Rebuild ``src/dateline/data/classify/model.npz``, the shipped event-type model.

Trains on CASE 2021 dev (``../shared/bench/case2021/dev.tsv``) plus dateline's own labelled
sentences, never on the held-out file. Deterministic (lbfgs logistic regression, fixed seed),
so the same inputs rebuild the same weights. Scores of this model on dev are training scores;
``dateline bench case2021`` reports cross-validated ones.

    .venv/bin/python scripts/train_classifier.py [--dev PATH] [--out PATH]
"""

from __future__ import annotations

from pathlib import Path

import click

from dateline.embed import embed
from dateline.extract.classify.lexicon import default_lexicon
from dateline.extract.classify.model import featurize, train
from dateline.extract.classify.training import own_sentences, read_case_tsv

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DEV = REPO.parent / "shared" / "bench" / "case2021" / "dev.tsv"
DEFAULT_OUT = REPO / "src" / "dateline" / "data" / "classify" / "model.npz"
SEED = 20261122


@click.command()
@click.option("--dev", type=click.Path(exists=True, dir_okay=False), default=str(DEFAULT_DEV))
@click.option("--out", type=click.Path(dir_okay=False), default=str(DEFAULT_OUT))
@click.option("--no-dev", is_flag=True, help="Train on dateline's own sentences only.")
def main(dev: str, out: str, no_dev: bool) -> None:
    """Train the linear model on dev.tsv + own sentences and write it to OUT."""
    if "heldout" in Path(dev).name:
        raise click.UsageError("refusing to train on a held-out file")
    examples = ([] if no_dev else read_case_tsv(dev)) + own_sentences()
    texts = [e.text for e in examples]
    features = featurize(embed(texts), texts, default_lexicon())
    model = train(features, [e.sub_event_type for e in examples], seed=SEED)
    model.save(out)
    click.echo(f"trained on {len(examples)} examples, {len(model.classes)} classes -> {out}")


if __name__ == "__main__":
    main()
