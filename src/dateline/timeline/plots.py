"""One chart per signal (PNG or SVG by file suffix), for the README and the web page.

Weekly signals draw attacks as bars, claims and threats as lines, and the baseline and
rise threshold as steps, with flagged weeks in red. Anniversaries, which have no weekly
series, draw the event day and the coming anniversary on a time axis. matplotlib's Agg
backend is used so no display is needed; SVG output carries no timestamp or random ids,
so the same signal always gives the same file.
"""

from __future__ import annotations

from pathlib import Path

from dateline.timeline.signals import Signal

#: Colours: ordinary weeks, flagged weeks, baseline, claims, threats.
GREY, RED, BLUE, PURPLE, ORANGE = "#90a4ae", "#c62828", "#1565c0", "#6a1b9a", "#ef6c00"

_TITLES = {
    "rise": "Attacks per week",
    "threat_then_attack": "Threat, then attacks on the threatened party",
    "anniversary": "Coming anniversary",
}


def _figure():  # -> (Figure, Axes)
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib.figure import Figure

    fig = Figure(figsize=(9, 4.2), dpi=110, layout="constrained")
    return fig, fig.add_subplot(1, 1, 1)


def _weekly(signal: Signal, ax) -> None:
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    weeks = [w.week for w in signal.weeks]
    colors = [RED if w.rise else GREY for w in signal.weeks]
    ax.bar(weeks, [w.attacks for w in signal.weeks], width=5, align="edge", color=colors)
    handles = [Patch(color=GREY, label="attacks")]
    if any(w.rise for w in signal.weeks):
        handles.append(Patch(color=RED, label="attacks, week flagged as a rise"))
    for attr, color, label in (("claims", PURPLE, "claims"), ("threats", ORANGE, "threats")):
        values = [getattr(w, attr) for w in signal.weeks]
        if any(values):
            (line,) = ax.plot(weeks, values, color=color, marker=".", linewidth=1, label=label)
            handles.append(line)
    (base,) = ax.step(
        weeks,
        [w.baseline for w in signal.weeks],
        where="post",
        color=BLUE,
        linewidth=1.2,
        label="baseline (mean of the 8 weeks before)",
    )
    (thr,) = ax.step(
        weeks,
        [w.threshold for w in signal.weeks],
        where="post",
        color=BLUE,
        linestyle="--",
        linewidth=1,
        label="rise threshold",
    )
    handles += [base, thr]
    ax.set_ylabel("events per week")
    ax.set_xlabel("week (starting Monday)")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(bottom=0)
    locator = AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.grid(axis="y", color="#e0e0e0", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.legend(handles=handles, fontsize=8, loc="upper left", framealpha=0.9)


def _anniversary(signal: Signal, ax) -> None:
    years = int(signal.meta.get("years", 1))  # type: ignore[call-overload]
    assert signal.date is not None
    original = signal.date.replace(year=signal.date.year - years)
    ax.scatter([original, signal.date], [1, 1], color=["#c62828", "#1565c0"], s=60, zorder=3)
    ax.plot([original, signal.date], [1, 1], color="#999", zorder=1)
    ax.annotate(
        str(original),
        (original, 1),
        textcoords="offset points",
        xytext=(0, 10),
        ha="center",
        fontsize=8,
    )
    ax.annotate(
        str(signal.date),
        (signal.date, 1),
        textcoords="offset points",
        xytext=(0, 10),
        ha="center",
        fontsize=8,
    )
    ax.set_yticks([])


def _wrap(text: str, width: int) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width)[:2])


def plot_signal(signal: Signal, path: Path) -> Path:
    """Draw ``signal`` to ``path`` (``.png`` or ``.svg``) and return the path."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise ValueError(f"plot format must be .png or .svg, not {path.suffix!r}")
    fig, ax = _figure()
    if signal.weeks:
        _weekly(signal, ax)
    elif signal.date is not None:
        _anniversary(signal, ax)
    flag = "  [FLAGGED]" if signal.flagged else ""
    ax.set_title(
        f"{_TITLES.get(signal.kind, signal.kind)}: {signal.key}{flag}"[:110]
        + "\n"
        + _wrap(signal.detail, 140),
        fontsize=9,
        loc="left",
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "svg":
        import matplotlib

        with matplotlib.rc_context({"svg.hashsalt": "dateline", "svg.fonttype": "path"}):
            fig.savefig(path, format="svg", metadata={"Date": None})
    else:
        fig.savefig(path, format="png", metadata={"Software": None})
    return path


__all__ = ["plot_signal"]
