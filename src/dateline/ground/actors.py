"""The actor knowledge base: who is who, under which spellings, and who belongs to whom.

Actors live in YAML files under ``dateline/data/actors/`` (every entry cites a source), so
analysts can review and extend them without touching code. A user's own file is added with
``ActorKB.load(extra=path)`` or the ``DATELINE_ACTORS`` environment variable (several files
separated by ``os.pathsep``); a user entry with an existing ``id`` replaces the packaged one.

Matching is dictionary lookup, not NER: transliterations of Arabic and Persian names vary
too much for a statistical tagger to link them ("Kata'ib Hizballah" = "Kataib Hezbollah"),
while an alias table links them exactly and explainably.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from dateline.errors import ConfigError

KINDS = ("state_force", "official", "armed_group", "front", "umbrella", "party", "organisation")
ENV_VAR = "DATELINE_ACTORS"
#: Minimum rapidfuzz ratio for ``resolve`` to accept a near-spelling; below it, names of
#: different groups that share words ("Hezbollah" / "Kataib Hezbollah") start to collide.
#: An alias naming a country's army as a whole ("Turkish troops", "Iranian military").
_ARMY_ALIAS = re.compile(r"\s(?:troops|military)$")
FUZZY_MIN_SCORE = 92

# Typographic variants that change nothing for matching; each maps one char to one char so
# offsets in the normalised text are offsets in the original.
_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "‐": "-", "‑": "-", "–": "-"})


@dataclass(frozen=True, slots=True)
class KBActor:
    """One actor of the knowledge base."""

    kb_id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str | None
    parent: str | None
    source: str
    parent_source: str | None = None


def _fold(text: str) -> str:
    return text.translate(_FOLD)


def _key(name: str) -> str:
    """Loose lookup key: case, apostrophes, hyphens and a leading 'the' do not matter."""
    key = _fold(name).lower().replace("'", "").replace("-", " ")
    key = re.sub(r"\s+", " ", key).strip()
    return key[4:] if key.startswith("the ") else key


def _is_acronym(alias: str) -> bool:
    return len(alias) <= 4 and alias.isupper()


def _alias_pattern(alias: str) -> str:
    """Regex for one alias where apostrophes are optional and hyphen/space interchange."""
    parts = []
    for ch in _fold(alias):
        if ch == "'":
            parts.append("'?")
        elif ch in "- ":
            parts.append(r"[-\s]")
        else:
            parts.append(re.escape(ch))
    return "".join(parts)


def _compile(aliases: list[str], flags: int) -> re.Pattern[str] | None:
    if not aliases:
        return None
    ordered = sorted(set(aliases), key=lambda a: (-len(a), a))
    body = "|".join(_alias_pattern(a) for a in ordered)
    return re.compile(rf"(?<![\w'-])(?:{body})(?![\w-])", flags)


class ActorKB:
    """Aliases -> actors, plus the parent links between fronts, groups and umbrellas."""

    def __init__(self, actors: list[KBActor]) -> None:
        self._by_id: dict[str, KBActor] = {a.kb_id: a for a in actors}
        self._by_key: dict[str, KBActor] = {}
        for actor in self._by_id.values():
            for alias in (actor.name, *actor.aliases):
                if _is_acronym(alias):
                    self._by_key.setdefault(alias, actor)
                else:
                    self._by_key.setdefault(_key(alias), actor)
        plain = [
            k for a in self._by_id.values() for k in (a.name, *a.aliases) if not _is_acronym(k)
        ]
        acronyms = [k for a in self._by_id.values() for k in a.aliases if _is_acronym(k)]
        self._plain = _compile(plain, re.IGNORECASE)
        self._acronyms = _compile(acronyms, 0)

    @classmethod
    def load(cls, extra: Path | None = None) -> ActorKB:
        """The packaged actors, then ``DATELINE_ACTORS`` files, then ``extra`` (later wins)."""
        entries: dict[str, KBActor] = {}
        package = resources.files("dateline") / "data" / "actors"
        for item in sorted(package.iterdir(), key=lambda p: p.name):
            if item.name.endswith((".yaml", ".yml")):
                entries.update(_parse(item.read_text(encoding="utf-8"), item.name))
        paths = [p for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p]
        if extra is not None:
            paths.append(str(extra))
        for path in paths:
            try:
                text = Path(path).read_text(encoding="utf-8")
            except OSError as exc:
                raise ConfigError(f"actor file {path}: {exc.strerror}") from exc
            entries.update(_parse(text, path))
        return cls(list(entries.values()))

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self):  # -> Iterator[KBActor]
        return iter(self._by_id.values())

    def get(self, kb_id: str | None) -> KBActor | None:
        return self._by_id.get(kb_id) if kb_id else None

    def match(self, text: str) -> list[tuple[int, int, KBActor]]:
        """Every alias occurrence in ``text``, longest first, without overlaps, in text order."""
        folded = _fold(text)
        found: list[tuple[int, int, KBActor]] = []
        for pattern in (self._plain, self._acronyms):
            if pattern is None:
                continue
            for m in pattern.finditer(folded):
                actor = self.resolve(m.group(0))
                if actor is not None:
                    found.append((m.start(), m.end(), actor))
        found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
        kept: list[tuple[int, int, KBActor]] = []
        for start, end, actor in found:
            if kept and start < kept[-1][1]:
                continue
            kept.append((start, end, actor))
        return kept

    def resolve(self, name: str) -> KBActor | None:
        """The actor a name refers to: exact alias, then loose key, then a close spelling."""
        name = name.strip()
        if name in self._by_key:
            return self._by_key[name]
        key = _key(name)
        if key in self._by_key:
            return self._by_key[key]
        if len(key) < 6:
            return None
        from rapidfuzz import fuzz, process

        best = process.extractOne(key, list(self._by_key), scorer=fuzz.ratio)
        if best and best[1] >= FUZZY_MIN_SCORE:
            return self._by_key[best[0]]
        return None

    def national_army(self, country_code: str | None) -> KBActor | None:
        """The state force the KB files as a country's military: the first of its state
        forces with a "<nationality> troops" or "... military" alias ("Turkish Armed Forces"),
        so an unnamed "security forces" in Turkey joins the reports that name it."""
        if not country_code:
            return None
        return next(
            (
                actor
                for actor in self._by_id.values()
                if actor.kind == "state_force"
                and actor.country == country_code.upper()
                and any(_ARMY_ALIAS.search(alias) for alias in actor.aliases)
            ),
            None,
        )

    def parent_of(self, kb_id: str) -> KBActor | None:
        actor = self._by_id.get(kb_id)
        return self._by_id.get(actor.parent) if actor and actor.parent else None

    def children_of(self, kb_id: str) -> list[KBActor]:
        return sorted((a for a in self._by_id.values() if a.parent == kb_id), key=lambda a: a.kb_id)


def _parse(text: str, origin: str) -> dict[str, KBActor]:
    """YAML list of actor mappings -> {id: KBActor}; a bad entry names its file and id."""
    try:
        raw = yaml.safe_load(text) or []
    except yaml.YAMLError as exc:
        raise ConfigError(f"actor file {origin}: not valid YAML ({exc})") from exc
    if not isinstance(raw, list):
        raise ConfigError(f"actor file {origin}: expected a list of actors")
    return {a.kb_id: a for a in (_entry(item, origin) for item in raw)}


def _entry(item: Any, origin: str) -> KBActor:
    if not isinstance(item, dict) or not item.get("id") or not item.get("name"):
        raise ConfigError(f"actor file {origin}: every entry needs 'id' and 'name': {item!r}")
    if item.get("kind") not in KINDS:
        raise ConfigError(f"actor file {origin}: {item['id']}: kind must be one of {KINDS}")
    if not item.get("source"):
        raise ConfigError(f"actor file {origin}: {item['id']}: every entry needs a 'source'")
    return KBActor(
        kb_id=str(item["id"]),
        name=str(item["name"]),
        aliases=tuple(str(a) for a in item.get("aliases") or ()),
        kind=str(item["kind"]),
        country=item.get("country"),
        parent=item.get("parent"),
        source=str(item["source"]),
        parent_source=item.get("parent_source"),
    )


@functools.lru_cache(maxsize=1)
def default_kb() -> ActorKB:
    """The packaged KB plus ``DATELINE_ACTORS`` files, built once per process."""
    return ActorKB.load()


__all__ = ["KINDS", "ActorKB", "KBActor", "default_kb"]
