"""Train the ECB+ pairwise coreference scorer and write the shipped weights.

Usage: .venv/bin/python scripts/train_coref.py ../shared/bench/ecbplus
           [--out src/dateline/data/coref/ecbplus_pair_lr.json]

Fits on the ECB+ train topics only (1-35 minus the dev topics) and picks the clustering
threshold by 5-fold cross-validation over those topics; the logic lives in
:func:`dateline.bench.ecbplus.train`, this file is only the command line.
"""

from __future__ import annotations

from pathlib import Path

import click

from dateline.bench.ecbplus import featurise, save, train

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src/dateline/data/coref/ecbplus_pair_lr.json"


@click.command()
@click.argument("path", type=click.Path(exists=True, file_okay=False))
@click.option("--out", type=click.Path(dir_okay=False), default=str(DEFAULT_OUT), show_default=True)
def main(path: str, out: str) -> None:
    scorer = train(featurise(path))
    save(scorer, out)
    click.echo(f"threshold {scorer.threshold}; CV {scorer.meta['cv']}; wrote {out} + priors")


if __name__ == "__main__":
    main()
