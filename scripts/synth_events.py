"""Write seeded synthetic single-report events as JSON lines (the merge scale benchmark input).

    python scripts/synth_events.py --events 1000000 --seed 20261122 > synth.jsonl

Each line is an event record plus ``"gold_event"``, the real event it reports. The generator
lives in :mod:`dateline.merge.synth` so ``dateline bench merge --synthetic N`` uses the same code
without writing a file.
"""

from __future__ import annotations

import json
import sys

import click

from dateline.merge.synth import SynthConfig, country_partitions


@click.command()
@click.option("--events", type=int, default=1_000_000, show_default=True)
@click.option("--countries", type=int, default=40, show_default=True)
@click.option("--days", type=int, default=730, show_default=True)
@click.option("--seed", type=int, default=20261122, show_default=True)
def main(events: int, countries: int, days: int, seed: int) -> None:
    """Synthetic reports, country by country, one JSON object per line on stdout."""
    cfg = SynthConfig(events=events, countries=countries, days=days, seed=seed)
    for part in country_partitions(cfg):
        for event, gold in part:
            sys.stdout.write(json.dumps(event.to_dict() | {"gold_event": gold}) + "\n")


if __name__ == "__main__":
    main()
