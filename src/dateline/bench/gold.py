"""Gold event mentions: their records, and reading them from the files under ``gold/``.

The gold files hold one JSON object per event *mention* per article: what an ACLED-trained
analyst codes from that one article (``docs/annotation.md``). Two benchmarks read them:
``dateline bench events`` (is each article's extraction right?) and the merge benchmark (are
mentions of one real-world event joined, and only those?). Both need the same loading, so it
lives here, once; the rules for "this prediction is that gold mention" are in
:mod:`dateline.bench.matching`, and pairwise cluster scoring in :mod:`dateline.bench.clusters`.

Predictions arrive either as :class:`dateline.records.Mention` (running the extractor) or as
contract event dicts (``--pred FILE``); both are turned into :class:`Candidate` so the
comparison code sees one shape.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.records import EVENT_TYPE_OF, STATUSES, Actor, Count, DateInterval, Mention, Place


@dataclass(frozen=True, slots=True)
class GoldMention:
    """One event as told by one article, coded by hand."""

    article: str
    event: str
    event_type: str
    sub_event_type: str
    status: str = "asserted"
    background: bool = False
    date: DateInterval = field(default_factory=DateInterval.unknown)
    location: Place | None = None
    perpetrator: str | tuple[str, ...] | None = None
    claimant: str | tuple[str, ...] | None = None
    suspected: str | None = None
    fatalities: Count | None = None
    injured: Count | None = None
    evidence: str = ""
    line: int = 0

    @property
    def key(self) -> str:
        """A stable id of this mention within its gold file (for cluster scoring)."""
        return f"{self.article}@{self.line}"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A predicted event mention, reduced to the fields the benchmark scores."""

    article: str
    event_type: str
    sub_event_type: str
    status: str
    background: bool
    date: DateInterval
    location: Place | None
    actors: tuple[Actor, ...]
    fatalities: Count | None
    injured: Count | None
    evidence: str
    ident: str

    @classmethod
    def from_mention(cls, mention: Mention, article: str) -> Candidate:
        first = next((e.text for e in mention.evidence if e.field == "event"), "")
        return cls(
            article,
            mention.event_type,
            mention.sub_event_type,
            mention.status,
            mention.background,
            mention.date,
            mention.location,
            mention.actors,
            mention.fatalities,
            mention.injured,
            first or (mention.evidence[0].text if mention.evidence else ""),
            mention.mention_id,
        )

    @classmethod
    def from_record(cls, record: Mapping[str, Any], article: str) -> Candidate:
        evidence = record.get("evidence") or []
        first = next((e["text"] for e in evidence if e.get("field") == "event"), "")
        return cls(
            article,
            record["event_type"],
            record["sub_event_type"],
            record.get("status", "asserted"),
            bool(record.get("background", False)),
            DateInterval.from_dict(record.get("date")),
            Place.from_dict(record.get("location")),
            tuple(Actor.from_dict(a) for a in record.get("actors") or []),
            Count.from_dict(record.get("fatalities")),
            Count.from_dict(record.get("injured")),
            first or (evidence[0]["text"] if evidence else ""),
            str(record.get("event_id", "")),
        )


@dataclass(frozen=True, slots=True)
class GoldSet:
    """A gold file: its mentions and every article it covers (also those with no events)."""

    mentions: tuple[GoldMention, ...]
    articles: tuple[str, ...]

    def by_article(self) -> dict[str, list[GoldMention]]:
        out: dict[str, list[GoldMention]] = {a: [] for a in self.articles}
        for m in self.mentions:
            out[m.article].append(m)
        return out


# --- loading ---------------------------------------------------------------------------------


def article_key(source: str) -> str:
    """The name that ties gold lines and predictions to one article.

    Gold says ``examples/demo/03_x.txt`` or ``guardian_sdf.csv#17``; the reader says an absolute
    path or ``/abs/guardian_sdf.csv#17``. The file name (plus ``#row``) is unique in our corpora.
    """
    path, sep, row = source.partition("#")
    return Path(path).name + (sep + row if sep else "")


def _count(value: Any) -> Count | None:
    return None if value is None else Count(int(value["min"]), int(value["max"]))


def _names(value: Any) -> str | tuple[str, ...] | None:
    """A gold actor: one name, or a list when the source leaves either side possible."""
    return tuple(value) if isinstance(value, list) else value


def _date(value: Any) -> DateInterval:
    if not value or value.get("start") is None:
        return DateInterval.unknown("gold: no date")
    return DateInterval.from_dict({**value, "precision": value.get("precision", "day")})


def parse_gold_line(obj: Mapping[str, Any], line: int = 0) -> GoldMention:
    """One gold JSON object -> :class:`GoldMention`, checking names against the taxonomy."""
    sub = obj["sub_event_type"]
    if EVENT_TYPE_OF.get(sub) != obj["event_type"]:
        raise ValueError(f"line {line}: {obj['event_type']!r} / {sub!r} is not in the taxonomy")
    if obj.get("status", "asserted") not in STATUSES:
        raise ValueError(f"line {line}: unknown status {obj.get('status')!r}")
    return GoldMention(
        article=obj["article"],
        event=str(obj["event"]),
        event_type=obj["event_type"],
        sub_event_type=sub,
        status=obj.get("status", "asserted"),
        background=bool(obj.get("background", False)),
        date=_date(obj.get("date")),
        location=Place.from_dict(obj.get("location")),
        perpetrator=_names(obj.get("perpetrator")),
        claimant=_names(obj.get("claimant")),
        suspected=obj.get("suspected"),
        fatalities=_count(obj.get("fatalities")),
        injured=_count(obj.get("injured")),
        evidence=obj.get("evidence", ""),
        line=line,
    )


def load_gold_set(path: str | Path) -> GoldSet:
    """Read a gold JSONL file; ``{"article": A, "event": null}`` marks an article with none."""
    mentions: list[GoldMention] = []
    articles: dict[str, None] = {}
    with open(path, encoding="utf-8") as fh:
        for number, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            obj = json.loads(raw)
            articles.setdefault(obj["article"], None)
            if obj.get("event") is not None:
                mentions.append(parse_gold_line(obj, number))
    return GoldSet(tuple(mentions), tuple(articles))


def load_gold(path: str | Path) -> list[GoldMention]:
    """Every gold event mention of ``path`` (articles without events contribute none)."""
    return list(load_gold_set(path).mentions)
