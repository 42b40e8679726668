"""Metadata that travels with a single-article file: front matter and sidecar files.

A text file may open with a front-matter block (``---`` lines around ``key: value`` pairs), and
any single-article file may have a sidecar ``<file>.meta.json`` or ``<file>.meta.yaml``
(``story.txt.meta.json`` or ``story.meta.json``). Both carry the same keys: title, outlet,
published, url, language, synthetic, and anything else, kept as article metadata. A sidecar
wins over front matter because it is what a user adds later to correct a file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

from dateline.errors import MalformedInput

SIDECAR_SUFFIXES = (".meta.json", ".meta.yaml", ".meta.yml")
_FRONT_MATTER_RE = re.compile(r"\A\ufeff?---[ \t]*\n(?P<body>.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_KEY_VALUE_RE = re.compile(r"^\s*(?P<key>[A-Za-z_][\w -]*?)\s*:\s*(?P<value>.*?)\s*$")


def is_sidecar(path: Path) -> bool:
    """True for a metadata sidecar, which is read with its article and never on its own."""
    return path.name.lower().endswith(SIDECAR_SUFFIXES)


def _parse_mapping(text: str) -> dict[str, Any] | None:
    """A YAML mapping, or None. Lenient ``key: value`` lines when YAML chokes (e.g. on ':')."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        data = None
    if isinstance(data, dict):
        return {str(k).strip().lower(): v for k, v in data.items()}
    pairs = [_KEY_VALUE_RE.match(line) for line in text.splitlines() if line.strip()]
    if pairs and all(pairs):
        return {m.group("key").lower(): m.group("value").strip("'\"") for m in pairs if m}
    return None


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(front-matter mapping, rest of the text); an empty mapping when there is none."""
    m = _FRONT_MATTER_RE.match(text)
    if not m:
        return {}, text
    data = _parse_mapping(m.group("body"))
    if data is None:
        return {}, text
    return data, text[m.end() :]


def sidecar_for(path: Path) -> Path | None:
    """The sidecar of ``path`` if one exists beside it."""
    for base in (path.name, path.stem):
        for suffix in SIDECAR_SUFFIXES:
            candidate = path.with_name(base + suffix)
            if candidate.is_file():
                return candidate
    return None


def load_sidecar(path: Path) -> tuple[dict[str, Any], str | None]:
    """(sidecar mapping, sidecar file name) for ``path``; ``({}, None)`` without a sidecar."""
    sidecar = sidecar_for(path)
    if sidecar is None:
        return {}, None
    try:
        text = sidecar.read_text(encoding="utf-8")
        data = json.loads(text) if sidecar.suffix == ".json" else yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as exc:
        raise MalformedInput(str(path), f"sidecar {sidecar.name} is unreadable: {exc}") from None
    if not isinstance(data, dict):
        raise MalformedInput(str(path), f"sidecar {sidecar.name} is not a mapping of keys")
    return {str(k).strip().lower(): v for k, v in data.items()}, sidecar.name
