"""The extraction lexicons, loaded once from ``dateline/data/extract/*.yaml``.

Trigger words and cue phrases are data, not code, so an analyst can read and extend them
and so every decision they drive can be traced to one named entry. ``lexicon()`` holds the
triggers and statement cues; ``cue_table(name)`` the named context cues one module reads
(``candidate_cues.yaml``, ``role_cues.yaml``); ``number_words()`` the number words.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
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


@dataclass(frozen=True)
class CueTable:
    """The named cues of one data file: ``table["armed_target"]`` is a compiled pattern,
    ``table.words("needs_action")`` a plain set of strings."""

    patterns: Mapping[str, re.Pattern[str]]
    word_sets: Mapping[str, frozenset[str]]

    def __getitem__(self, name: str) -> re.Pattern[str]:
        return self.patterns[name]

    def words(self, name: str) -> frozenset[str]:
        return self.word_sets[name]


def _cue_pattern(name: str, entry: Mapping[str, Any]) -> re.Pattern[str]:
    """Compile one cue entry; an entry without a source is refused, so none slips in."""
    if not entry.get("source"):
        raise ValueError(f"cue {name!r} has no source")
    piece = entry["pattern"]
    pattern = "".join(piece) if isinstance(piece, list) else str(piece)
    if "words" in entry:
        pattern = pattern.replace("{words}", "|".join(str(w) for w in entry["words"]))
    return re.compile(pattern, _FLAGS if entry.get("ignore_case", True) else 0)


@functools.cache
def cue_table(name: str) -> CueTable:
    """The cues of ``data/extract/<name>.yaml``, compiled once per process."""
    data = _read(f"{name}.yaml")
    patterns = {key: _cue_pattern(key, e) for key, e in data.get("patterns", {}).items()}
    word_sets = {}
    for key, entry in data.get("word_sets", {}).items():
        if not entry.get("source"):
            raise ValueError(f"word set {key!r} has no source")
        word_sets[key] = frozenset(str(w) for w in entry["words"])
    return CueTable(patterns, word_sets)


@dataclass(frozen=True)
class NumberWords:
    """Number words of a toll: exact ``cardinals`` and ``vague`` ranges. (Distances read
    the same file in ``dateline.ground.place.relative``, which may not import extract.)"""

    cardinals: Mapping[str, int]
    vague: Mapping[str, tuple[int, int]]


@functools.lru_cache(maxsize=1)
def number_words() -> NumberWords:
    """The packaged number words (``data/extract/number_words.yaml``), read once."""
    data = _read("number_words.yaml")
    cardinals = {str(k): int(v) for k, v in data["cardinals"].items()}
    vague = {str(k): (int(lo), int(hi)) for k, (lo, hi) in data["vague"].items()}
    return NumberWords(cardinals, vague)


__all__ = [
    "CueTable",
    "Lexicon",
    "NumberWords",
    "StatementRule",
    "TriggerRule",
    "cue_table",
    "lexicon",
    "number_words",
]
