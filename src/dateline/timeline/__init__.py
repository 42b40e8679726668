"""Timelines and escalation signals built from events, always citing their evidence.

``build_timeline`` picks the most important events of a story and orders them by date;
``render_timeline`` prints them as text, Markdown or self-contained HTML;
``compute_signals`` finds weekly rises, threat -> attack sequences and coming
anniversaries; ``plot_signal`` draws one of them. Timeline summarisation of raw article
collections (the Timeline17 benchmark) lives in ``dateline.timeline.tls``.
"""

from __future__ import annotations

from dateline.timeline.build import TimelineEntry, build_timeline
from dateline.timeline.plots import plot_signal
from dateline.timeline.render import render_timeline
from dateline.timeline.signals import Signal, WeekCount, compute_signals

__all__ = [
    "Signal",
    "TimelineEntry",
    "WeekCount",
    "build_timeline",
    "compute_signals",
    "plot_signal",
    "render_timeline",
]
