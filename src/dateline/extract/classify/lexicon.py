"""Trigger lexicon: hand-written patterns per sub-event type, loaded from a data file.

The lexicon does two jobs. Its *strong* patterns are rules: transparent, deterministic and
precise enough to decide a sub-type ("claimed responsibility", "observation post", "sarin").
All patterns, strong and weak, are also features of the trained model, so the model can learn
how much each trigger is worth and rules stay explainable (``Prediction.rule`` names the pattern).
Users can pass their own file in the same format (see ``data/classify/lexicon.yaml``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
import yaml

from dateline.errors import ConfigError
from dateline.records import EVENT_TYPE_OF


@dataclass(frozen=True)
class Trigger:
    """One compiled pattern of the lexicon, remembering where it came from."""

    sub_event_type: str
    pattern: str
    strong: bool
    priority: int
    regex: re.Pattern[str]


@dataclass(frozen=True)
class RuleHit:
    """A strong trigger found in a text: the sub-type it decides and the matched words."""

    trigger: Trigger
    start: int
    end: int
    text: str

    @property
    def label(self) -> str:
        """How the hit is shown in explanations: ``lexicon:<sub-type>:<pattern>``."""
        return f"lexicon:{self.trigger.sub_event_type}:{self.trigger.pattern}"


class Lexicon:
    """All triggers of one lexicon file, in file order (the feature order is stable)."""

    def __init__(self, triggers: list[Trigger]) -> None:
        self.triggers = tuple(triggers)
        self.strong = tuple(t for t in self.triggers if t.strong)

    @classmethod
    def from_entries(cls, entries: list[dict]) -> Lexicon:
        triggers = []
        for entry in entries:
            sub = entry.get("sub_event_type")
            if sub not in EVENT_TYPE_OF:
                raise ConfigError(f"lexicon entry names unknown sub_event_type {sub!r}")
            if not entry.get("source"):
                raise ConfigError(f"lexicon entry {sub!r} has no source")
            priority = int(entry.get("priority", 0))
            for strong in (True, False):
                for pattern in entry.get("strong" if strong else "weak") or ():
                    triggers.append(Trigger(sub, pattern, strong, priority, _compile(pattern)))
        return cls(triggers)

    @classmethod
    def from_file(cls, path: str | Path) -> Lexicon:
        with open(path, encoding="utf-8") as fh:
            return cls.from_entries(yaml.safe_load(fh) or [])

    def scan(self, text: str) -> list[RuleHit]:
        """Every trigger (strong or weak) found in ``text``, in lexicon order, first match each."""
        hits = []
        for trig in self.triggers:
            m = trig.regex.search(text)
            if m:
                hits.append(RuleHit(trig, m.start(), m.end(), m.group(0)))
        return hits

    def rule_hits(self, text: str, scan: list[RuleHit] | None = None) -> list[RuleHit]:
        """Strong triggers in ``text``, highest priority first, then by position.

        Pass ``scan`` (from :meth:`scan`) to reuse matches already found for the features.
        """
        hits = [h for h in (self.scan(text) if scan is None else scan) if h.trigger.strong]
        hits.sort(key=lambda h: (-h.trigger.priority, h.start))
        return hits

    def features(self, texts: list[str], scans: list[list[RuleHit]] | None = None) -> np.ndarray:
        """(N, n_triggers) float32 matrix: 1 where a trigger occurs in the text."""
        column = {id(t): j for j, t in enumerate(self.triggers)}
        out = np.zeros((len(texts), len(self.triggers)), dtype=np.float32)
        for i, text in enumerate(texts):
            for hit in self.scan(text) if scans is None else scans[i]:
                out[i, column[id(hit.trigger)]] = 1.0
        return out


def _compile(pattern: object) -> re.Pattern[str]:
    if not isinstance(pattern, str):
        raise ConfigError(f"lexicon pattern {pattern!r} is not a string (quote it in YAML)")
    try:
        return re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)
    except re.error as exc:
        raise ConfigError(f"lexicon pattern {pattern!r} is not a valid regex: {exc}") from exc


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon shipped in ``dateline/data/classify/lexicon.yaml`` (cached)."""
    ref = resources.files("dateline") / "data" / "classify" / "lexicon.yaml"
    return Lexicon.from_entries(yaml.safe_load(ref.read_text(encoding="utf-8")) or [])


__all__ = ["Lexicon", "RuleHit", "Trigger", "default_lexicon"]
