"""The records the merge stage produces besides events: decisions, overrides, results.

A merge is only trustworthy when an analyst can see why it happened and undo it, so every
join is kept as a :class:`MergeDecision` (features, score, rule) and every correction as an
:class:`Override` keyed by mention ids, which are content hashes and so survive re-runs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from dateline.records import Event

Action = Literal["split", "merge"]


@dataclass(frozen=True)
class MergeDecision:
    """Why ``absorbed_id`` was folded into ``event_id`` (the surviving, oldest report)."""

    event_id: str
    absorbed_id: str
    score: float
    rule: str
    features: dict[str, float | str] = field(default_factory=dict, hash=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "absorbed_id": self.absorbed_id,
            "score": round(self.score, 4),
            "rule": self.rule,
            "features": self.features,
        }


@dataclass(frozen=True)
class Override:
    """An analyst's correction, replayed on every merge run.

    ``split``: these mentions must not share an event with any other mention.
    ``merge``: these mentions must end up in one event, whatever the scores say.
    """

    action: Action
    mention_ids: tuple[str, ...]
    note: str = ""
    created: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "mention_ids": list(self.mention_ids),
            "note": self.note,
            "created": self.created,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Override:
        if d["action"] not in ("split", "merge"):
            raise ValueError(f"override action must be 'split' or 'merge', not {d['action']!r}")
        return cls(d["action"], tuple(d["mention_ids"]), d.get("note", ""), d.get("created", ""))


@dataclass
class MergeResult:
    """Merged events (deterministic order) and one decision per absorbed input event."""

    events: list[Event]
    decisions: list[MergeDecision]


def read_overrides(path: str | Path) -> list[Override]:
    """Overrides from a JSON-lines file (one ``Override.to_dict()`` per line)."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [Override.from_dict(json.loads(line)) for line in lines if line.strip()]


def write_overrides(path: str | Path, overrides: Iterable[Override]) -> None:
    """Write overrides as JSON lines, the replayable log of analysts' corrections."""
    text = "".join(json.dumps(o.to_dict(), sort_keys=True) + "\n" for o in overrides)
    Path(path).write_text(text, encoding="utf-8")
