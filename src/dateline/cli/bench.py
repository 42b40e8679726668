"""``dateline bench NAME``: every benchmark is a module ``dateline.bench.NAME``.

Each such module exposes ``command`` (a click command named NAME). Modules are imported
only when their command is asked for, so ``dateline --help`` stays fast.
"""

from __future__ import annotations

import importlib
import importlib.util

import click

#: Benchmark modules under ``dateline.bench``; each issue's measures live in its own file.
BENCHMARKS = (
    "case2021",
    "events",
    "tempeval3",
    "geo",
    "ecbplus",
    "newssim",
    "merge",
    "t17",
    "speed",
    "incremental",
)


class LazyBenchGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return [
            name
            for name in BENCHMARKS
            if importlib.util.find_spec(f"dateline.bench.{name}") is not None
        ]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in BENCHMARKS:
            return None
        try:
            module = importlib.import_module(f"dateline.bench.{cmd_name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"dateline.bench.{cmd_name}":
                return None
            raise
        return module.command


@click.group(cls=LazyBenchGroup)
def bench() -> None:
    """Measure dateline against the published benchmarks (see BENCHMARKS.md)."""
