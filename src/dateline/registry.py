"""The one place where swappable parts register: readers, exporters, bench commands.

Built-in parts register exactly as a plugin would, with a decorator at import time::

    @readers.register("html", extensions=(".html", ".htm"))
    def read_html(path: Path, options: ReadOptions) -> Iterator[Article]: ...

``tests/test_registry.py`` pins the built-in names so a part cannot silently vanish.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class Entry(Generic[F]):
    name: str
    func: F
    meta: dict[str, Any] = field(default_factory=dict)


class Registry(Generic[F]):
    """Names -> callables, filled by importing the modules listed in ``builtin_modules``."""

    def __init__(self, kind: str, builtin_modules: tuple[str, ...]) -> None:
        self.kind = kind
        self._builtin_modules = builtin_modules
        self._entries: dict[str, Entry[F]] = {}
        self._loaded = False

    def register(self, name: str, **meta: Any) -> Callable[[F], F]:
        def decorator(func: F) -> F:
            self._entries[name] = Entry(name, func, meta)
            return func

        return decorator

    def _load(self) -> None:
        if not self._loaded:
            self._loaded = True
            for module in self._builtin_modules:
                importlib.import_module(module)

    def get(self, name: str) -> Entry[F]:
        self._load()
        try:
            return self._entries[name]
        except KeyError:
            known = ", ".join(sorted(self._entries))
            raise KeyError(f"unknown {self.kind} {name!r}; known: {known}") from None

    def names(self) -> list[str]:
        self._load()
        return sorted(self._entries)

    def entries(self) -> list[Entry[F]]:
        self._load()
        return [self._entries[n] for n in sorted(self._entries)]


readers: Registry[Callable[..., Any]] = Registry(
    "reader",
    (
        "dateline.ingest.readers.text",
        "dateline.ingest.readers.html",
        "dateline.ingest.readers.tabular",
        "dateline.ingest.readers.feeds",
        "dateline.ingest.readers.warc",
    ),
)
exporters: Registry[Callable[..., Any]] = Registry("exporter", ("dateline.export.formats",))
