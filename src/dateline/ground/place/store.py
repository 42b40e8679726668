"""The on-disk form of the prebuilt gazetteer: named zlib blocks, read only when needed.

Why not one gzip'd TSV: decompressing and splitting ~20 MB of text took 1.5-2 s on a busy
machine, in every process that touched a place name. Here the name indexes are small blocks
read at load time, and the entry rows are stored in chunks of ``CHUNK`` rows that are
decompressed on first use, so loading costs a few tenths of a second and a lookup touches
one chunk.

Layout: the line ``dateline-gazetteer 2``, one line of JSON mapping block name to
``[offset, length]`` (offsets counted from the end of that line), then the blocks.
Text blocks are UTF-8 lines joined by ``\\n``.
"""

from __future__ import annotations

import bisect
import json
import zlib
from collections.abc import Iterator
from pathlib import Path

MAGIC = b"dateline-gazetteer 2\n"
#: Rows per compressed chunk: small enough that a lookup decompresses little.
CHUNK = 256


def write_store(path: Path, blocks: dict[str, str]) -> None:
    """Write text blocks (deterministic: blocks in sorted order, fixed compression level)."""
    payload = bytearray()
    table: dict[str, list[int]] = {}
    for name in sorted(blocks):
        data = zlib.compress(blocks[name].encode("utf-8"), 9)
        table[name] = [len(payload), len(data)]
        payload += data
    header = json.dumps(table, sort_keys=True, separators=(",", ":")).encode("ascii") + b"\n"
    path.write_bytes(MAGIC + header + bytes(payload))


class Store:
    """Read access to a store file; ``text(name)`` decompresses one block."""

    def __init__(self, path: Path) -> None:
        raw = path.read_bytes()
        if not raw.startswith(MAGIC):
            raise ValueError(f"{path}: not a dateline gazetteer store")
        end = raw.index(b"\n", len(MAGIC))
        self._table: dict[str, list[int]] = json.loads(raw[len(MAGIC) : end])
        self._body = memoryview(raw)[end + 1 :]

    def __contains__(self, name: str) -> bool:
        return name in self._table

    def text(self, name: str) -> str:
        offset, length = self._table[name]
        return zlib.decompress(self._body[offset : offset + length]).decode("utf-8")

    def lines(self, name: str) -> list[str]:
        text = self.text(name)
        return text.split("\n") if text else []

    def mapping(self, keys: str, values: str) -> dict[str, str]:
        """Two parallel line blocks as a dict (how the name indexes are stored)."""
        return dict(zip(self.lines(keys), self.lines(values), strict=True))


class SortedIndex:
    """Sorted keys with their postings, searched by bisection.

    Why not a dict: hashing ~300,000 keys at load time was most of the load; a lookup by
    bisection costs microseconds, and postings lines are split only when first needed.
    """

    def __init__(self, keys: list[str], postings: str) -> None:
        self._keys = keys
        self._postings_text: str | None = postings
        self._postings: list[str] = []

    def _position(self, key: str) -> int:
        i = bisect.bisect_left(self._keys, key)
        return i if i < len(self._keys) and self._keys[i] == key else -1

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._position(key) >= 0

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def get(self, key: str) -> str | None:
        i = self._position(key)
        if i < 0:
            return None
        if self._postings_text is not None:
            self._postings = self._postings_text.split("\n")
            self._postings_text = None
        return self._postings[i]


def postings(text: str | None) -> list[int]:
    """Row numbers of a postings line ("12,40,41")."""
    return [int(i) for i in text.split(",")] if text else []


__all__ = ["CHUNK", "MAGIC", "SortedIndex", "Store", "postings", "write_store"]
