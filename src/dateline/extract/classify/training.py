"""Training data for the event-type classifier: CASE 2021 dev rows and dateline's own sentences.

Only data dateline may train on is read here: ``shared/bench/case2021/dev.tsv`` (always with
cross-validation when it is also scored) and the hand-written ``data/classify/sentences.tsv``.
The held-out CASE file is never read by any code in this package.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from dateline.errors import MalformedInput
from dateline.extract.classify.labels import from_case_label
from dateline.records import EVENT_TYPE_OF


@dataclass(frozen=True)
class Example:
    """One labelled text; ``id`` is the CASE row id, or ``own:<line>`` for our sentences."""

    id: str
    text: str
    sub_event_type: str


def read_case_tsv(path: str | Path) -> list[Example]:
    """Rows of a CASE-format TSV (header ``id, snippet, label``; label may be absent)."""
    examples = []
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        if reader.fieldnames is None or not {"id", "snippet"} <= set(reader.fieldnames):
            raise MalformedInput(str(path), "expected a TSV header with 'id' and 'snippet'")
        for row in reader:
            label = row.get("label") or ""
            sub = from_case_label(label) if label else ""
            examples.append(Example(row["id"], row["snippet"], sub))
    return examples


def own_sentences() -> list[Example]:
    """dateline's hand-labelled sentences (``data/classify/sentences.tsv``)."""
    ref = resources.files("dateline") / "data" / "classify" / "sentences.tsv"
    examples = []
    for n, line in enumerate(ref.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        sub, text = line.split("\t", 1)
        if sub not in EVENT_TYPE_OF:
            raise ValueError(f"sentences.tsv line {n}: unknown sub_event_type {sub!r}")
        examples.append(Example(f"own:{n}", text.strip(), sub))
    return examples


__all__ = ["Example", "own_sentences", "read_case_tsv"]
