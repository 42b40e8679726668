"""Where a result came from: the versions and the knowledge files that produced it.

Stored with every run (``Store.start_run``) and hashed into the run's fingerprint, so an
analyst can tell which results a changed lexicon or model would alter, and reproduce one.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import platform
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


@functools.lru_cache(maxsize=1)
def data_digest() -> str:
    """One hash over every knowledge file (lexicons, gazetteer, actor KB, model weights)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in DATA_DIR.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(DATA_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def package_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def versions() -> dict[str, str]:
    """Versions recorded with every run, so a stored result can be reproduced."""
    from dateline.nlp import model_package

    return {
        "dateline": package_version("dateline"),
        "python": platform.python_version(),
        "spacy": package_version("spacy"),
        "model": f"{model_package()}=={package_version(model_package().replace('_', '-'))}",
        "duckdb": package_version("duckdb"),
        "data": data_digest(),
    }


__all__ = ["DATA_DIR", "data_digest", "package_version", "versions"]
