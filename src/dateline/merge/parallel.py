"""Clustering many blocks in worker processes.

Blocks never share a candidate pair (:mod:`.blocking`), so each is clustered on its own and
the clusters of all blocks are simply put together: the work of independent blocks can go
to worker processes and the result is the same for any number of workers. Results are
handed back in block-key order and the largest blocks are sent first, so the wall time is
about max(largest block, total / workers). At most ``2 * workers`` blocks are in flight at
once, so memory holds a few blocks' copies, not all of them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

from dateline.merge.features import Profile
from dateline.merge.window import Edges, cluster_block

BlockKey = tuple[str, str]


def cluster_blocks(
    grouped: dict[BlockKey, list[Profile]],
    sides: Mapping[int, frozenset[int]],
    workers: int = 1,
) -> Iterator[tuple[list[list[int]], Edges]]:
    """``cluster_block`` of every block, in sorted key order; ``grouped`` is emptied as
    blocks are handed out (so their profiles can be freed)."""
    keys = sorted(grouped)
    if workers <= 1 or len(keys) < 2:
        for key in keys:
            yield cluster_block(grouped.pop(key), sides)
        return
    largest_first = sorted(keys, key=lambda k: (-len(grouped[k]), k))
    done: dict[BlockKey, tuple[list[list[int]], Edges]] = {}
    running: dict[BlockKey, Future[tuple[list[list[int]], Edges]]] = {}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for key in keys:
            while key not in done:
                while largest_first and len(running) < 2 * workers:
                    nxt = largest_first.pop(0)
                    running[nxt] = pool.submit(_cluster_one, grouped.pop(nxt), dict(sides))
                finished, _ = wait(running.values(), return_when=FIRST_COMPLETED)
                for k in [k for k, f in running.items() if f in finished]:
                    done[k] = running.pop(k).result()
            yield done.pop(key)


def _cluster_one(
    members: Sequence[Profile], sides: Mapping[int, frozenset[int]]
) -> tuple[list[list[int]], Edges]:
    return cluster_block(members, sides)
