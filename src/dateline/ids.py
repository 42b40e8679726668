"""Deterministic, content-derived identifiers.

The same input and config must give the same ids on every run and machine, so ids are
hashes of canonical JSON of their parts, never counters, clocks or random numbers.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any


def content_hash(*parts: Any, length: int = 16) -> str:
    """Hex digest of the canonical JSON of ``parts`` (order-sensitive)."""
    payload = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:length]


def stable_id(prefix: str, *parts: Any) -> str:
    """``prefix_<hash>``: e.g. ``art_…`` for articles, ``ev_…`` for events."""
    return f"{prefix}_{content_hash(*parts)}"
