"""The extraction lexicons, loaded once from ``dateline/data/extract/*.yaml``.

Trigger words and cue phrases are data, not code, so an analyst can read and extend them
and so every decision they drive can be traced to one named entry.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

_FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class TriggerRule:
    pattern: re.Pattern[str]
    sub_event_type: str
    kind: str  # specific | generic | anaphoric
    rank: int


@dataclass(frozen=True)
class StatementRule:
    name: str  # claim | deny | threat | condemn
    pattern: re.Pattern[str]
    sub_event_type: str
    status: str


@dataclass(frozen=True)
class Lexicon:
    triggers: tuple[TriggerRule, ...]
    statements: tuple[StatementRule, ...]
    suspicion: re.Pattern[str]
    status: dict[str, re.Pattern[str]]
    background: re.Pattern[str]
    habitual: re.Pattern[str]
    state_forces: tuple[tuple[re.Pattern[str], str], ...]
    countries: dict[str, str]


def _read(name: str) -> dict[str, Any]:
    path = resources.files("dateline") / "data" / "extract" / name
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _word(pattern: str, flags: int = _FLAGS) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pattern})\b", flags)


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The packaged lexicon, compiled once per process."""
    trig = _read("triggers.yaml")
    cues = _read("cues.yaml")
    triggers = tuple(
        TriggerRule(_word(t["pattern"]), t["sub_event_type"], t["kind"], int(t["rank"]))
        for t in trig["triggers"]
    )
    statements = tuple(
        StatementRule(name, _word(s["pattern"]), s["sub_event_type"], s["status"])
        for name, s in cues["statements"].items()
    )
    forces = tuple(
        (re.compile(rf"\b(?:{pat})(?![\w-])"), kb_id) for pat, kb_id in cues["state_forces"].items()
    )
    return Lexicon(
        triggers=triggers,
        statements=statements,
        suspicion=_word(cues["suspicion"]),
        status={k: _word(v) for k, v in cues["status"].items()},
        background=_word(cues["background"]),
        habitual=_word(cues["habitual"]),
        state_forces=forces,
        countries=dict(cues["countries"]),
    )


__all__ = ["Lexicon", "StatementRule", "TriggerRule", "lexicon"]
