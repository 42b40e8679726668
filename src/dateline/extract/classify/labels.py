"""CASE 2021 Task 2 label names <-> dateline taxonomy names.

The CASE shared task uses short codes (``ART_MISS_ATTACK``); dateline uses ACLED's names
(``Shelling/artillery/missile attack``). The map is one-to-one and lives in a data file so the
benchmark, the training script and users all read the same table.
"""

from __future__ import annotations

import functools
from importlib import resources

from dateline.records import EVENT_TYPE_OF

#: Label a CASE scorer counts as wrong for every gold label (no event found).
NONE_LABEL = "NONE"


@functools.lru_cache(maxsize=1)
def case_map() -> dict[str, str]:
    """CASE label -> dateline sub_event_type, read from ``data/classify/case_labels.tsv``."""
    ref = resources.files("dateline") / "data" / "classify" / "case_labels.tsv"
    table: dict[str, str] = {}
    for line in ref.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("case_label\t"):
            continue
        case, event_type, sub = line.split("\t")[:3]
        if EVENT_TYPE_OF.get(sub) != event_type:
            raise ValueError(f"case_labels.tsv: {sub!r} is not a sub-type of {event_type!r}")
        table[case] = sub
    return table


@functools.lru_cache(maxsize=1)
def _inverse() -> dict[str, str]:
    return {sub: case for case, sub in case_map().items()}


def case_label(sub_event_type: str) -> str:
    """The CASE 2021 label of a dateline sub_event_type (``Grenade`` -> ``GRENADE``)."""
    try:
        return _inverse()[sub_event_type]
    except KeyError:
        raise ValueError(f"unknown sub_event_type {sub_event_type!r}") from None


def from_case_label(label: str) -> str:
    """The dateline sub_event_type of a CASE 2021 label (``DIPLO`` -> ``Diplomatic event``)."""
    try:
        return case_map()[label]
    except KeyError:
        raise ValueError(f"unknown CASE 2021 label {label!r}") from None


__all__ = ["NONE_LABEL", "case_label", "case_map", "from_case_label"]
