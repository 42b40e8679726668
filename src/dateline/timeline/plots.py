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


def _figure():  # -> (Figure, Axes)
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8, 3.2), dpi=100)
    return fig, fig.add_subplot(1, 1, 1)


def _weekly(signal: Signal, ax) -> None:
    weeks = [w.week for w in signal.weeks]
    colors = ["#c62828" if w.rise else "#607d8b" for w in signal.weeks]
    ax.bar(weeks, [w.attacks for w in signal.weeks], width=5, color=colors, label="attacks")
    if any(w.claims for w in signal.weeks):
        ax.plot(
            weeks, [w.claims for w in signal.weeks], color="#6a1b9a", marker=".", label="claims"
        )
    if any(w.threats for w in signal.weeks):
        ax.plot(
            weeks, [w.threats for w in signal.weeks], color="#ef6c00", marker=".", label="threats"
        )
    ax.step(
        weeks,
        [w.baseline for w in signal.weeks],
        where="mid",
        color="#1565c0",
        linewidth=1,
        label="baseline (8-week mean)",
    )
    ax.step(
        weeks,
        [w.threshold for w in signal.weeks],
        where="mid",
        color="#1565c0",
        linestyle="--",
        linewidth=1,
        label="rise threshold",
    )
    ax.set_ylabel("events per week")
    ax.legend(fontsize=7, loc="upper left")


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
    title = f"{signal.kind}: {signal.key}" + ("  [FLAGGED]" if signal.flagged else "")
    ax.set_title(title[:110], fontsize=9)
    fig.text(0.01, 0.01, signal.detail[:160], fontsize=7, color="#444")
    fig.autofmt_xdate()
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "svg":
        import matplotlib

        with matplotlib.rc_context({"svg.hashsalt": "dateline", "svg.fonttype": "path"}):
            fig.savefig(path, format="svg", metadata={"Date": None})
    else:
        fig.savefig(path, format="png", metadata={"Software": None})
    return path


__all__ = ["plot_signal"]
