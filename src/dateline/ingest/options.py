"""The options every reader takes, and the record of an input that was skipped.

Kept apart from ``dateline.ingest`` itself so readers can import them without a cycle.
"""

from __future__ import annotations

from dataclasses import dataclass

from dateline.errors import InputError


@dataclass(frozen=True)
class ReadOptions:
    """How to turn files into articles; one object for the CLI flags and library callers.

    ``published`` (CLI ``--published``) wins over every date found in the files themselves;
    ``outlet`` (CLI ``--outlet``) only fills in for inputs that name no outlet, since a folder
    of mixed sources must keep each row's own.
    ``field_map`` names the columns of tabular/JSON input, e.g. ``{"text": "body",
    "title": "headline", "published": "date", "url": "link", "outlet": "source", "id": "id"}``;
    unnamed roles fall back to the usual column names.
    """

    published: str | None = None
    field_map: dict[str, str] | None = None
    outlet: str | None = None
    max_bytes: int = 20_000_000
    min_chars: int = 200
    require_english: bool = True


@dataclass(frozen=True)
class Skip:
    """An input (file or row) that gave no article, and why: the run reports it and goes on.

    ``error`` is None for skips that are not errors, such as a duplicate of an earlier file.
    """

    path: str
    reason: str
    error: InputError | None = None

    @property
    def code(self) -> str:
        """The error catalogue code of the reason (E100, a generic input skip, when no error)."""
        return self.error.code if self.error is not None else "E100"

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"
