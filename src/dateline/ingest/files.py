"""From paths the user typed to articles: expand folders and globs, pick readers, skip safely.

``iter_articles`` is what ``dateline run`` consumes: it never raises for one bad file or row,
it yields a :class:`Skip` saying which and why, and the run goes on (``--strict`` in the CLI
turns any Skip into a failure). ``read_file`` is the strict, single-file form.
"""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.errors import (
    ConfigError,
    InputError,
    MalformedInput,
    UnreadableInput,
    UnsupportedFormat,
)
from dateline.ingest.decode import decode_bytes
from dateline.ingest.meta import is_sidecar
from dateline.ingest.options import ReadOptions, Skip
from dateline.ingest.pubdate import parse_published
from dateline.ingest.readers.text import article_from_text
from dateline.records import Article
from dateline.registry import readers

_GLOB_CHARS = frozenset("*?[")
#: Opening bytes that identify a format whatever the file is called.
_SNIFF_BYTES = 1024


def _extension_table() -> list[tuple[str, str]]:
    """(extension, reader) pairs, longest extension first so ".warc.gz" beats ".gz"."""
    pairs = [(ext, e.name) for e in readers.entries() for ext in e.meta.get("extensions", ())]
    return sorted(pairs, key=lambda p: (-len(p[0]), p[0]))


def _sniff(path: Path) -> str | None:
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES).lstrip().lower()
    except OSError as exc:
        raise UnreadableInput(str(path), f"cannot read: {exc.strerror or exc}") from None
    if head.startswith(b"warc/"):
        return "warc"
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feeds"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return None


def reader_for(path: Path) -> str:
    """The registered reader for ``path``: by extension, else by its opening bytes."""
    name = path.name.lower()
    for ext, reader in _extension_table():
        if name.endswith(ext):
            return reader
    sniffed = _sniff(path)
    if sniffed:
        return sniffed
    known = ", ".join(sorted({ext for ext, _ in _extension_table()}))
    raise UnsupportedFormat(str(path), f"unknown file type (known: {known})")


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | Skip]:
    """Files named by ``paths``: folders recursively and globs, each sorted; Skip for misses.

    Hidden files and metadata sidecars inside folders are passed over: they are not articles.
    """
    for given in paths:
        text = str(given)
        path = Path(text)
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*") if p.is_file()):
                rel = found.relative_to(path)
                if not any(part.startswith(".") for part in rel.parts) and not is_sidecar(found):
                    yield found
        elif path.exists() or path.is_symlink():
            yield path
        elif _GLOB_CHARS & set(text):
            matches = sorted(glob.glob(text, recursive=True))
            files = [Path(m) for m in matches if Path(m).is_file() and not is_sidecar(Path(m))]
            if not files:
                yield Skip(text, "no files match this pattern", None)
            yield from files
        else:
            error = UnreadableInput(text, "no such file or folder")
            yield Skip(text, error.reason, error)


def _read_items(path: Path, options: ReadOptions) -> Iterator[Article | Skip]:
    if is_sidecar(path):
        yield Skip(str(path), "metadata sidecar: read together with its article", None)
        return
    reader = readers.get(reader_for(path))
    yield from reader.func(path, options)


def read_file(path: str | Path, options: ReadOptions | None = None) -> Iterator[Article]:
    """The articles in one file. Raises an InputError subclass naming the file (or row).

    Strict: a malformed row in a many-article file raises its error when it is reached.
    """
    options = options or ReadOptions()
    for item in _read_items(Path(path), options):
        if isinstance(item, Skip):
            raise item.error or MalformedInput(item.path, item.reason)
        yield item


def _check_options(options: ReadOptions) -> None:
    if options.published and parse_published(options.published, "--published") is None:
        raise ConfigError(
            f"--published {options.published!r} is not a date: use e.g. 2022-01-06, "
            "2022-01, 2022-01-03/2022-01-09 or 'January 6, 2022'"
        )


def _guarded(path: Path, options: ReadOptions) -> Iterator[Article | Skip]:
    try:
        yield from _read_items(path, options)
    except InputError as exc:
        yield Skip(exc.path, exc.reason, exc)
    except Exception as exc:  # a parser bug on one odd file must not end a long run
        error = MalformedInput(str(path), f"reader failed: {type(exc).__name__}: {exc}")
        yield Skip(error.path, error.reason, error)


def iter_articles(
    paths: Iterable[str | Path], options: ReadOptions | None = None
) -> Iterator[Article | Skip]:
    """Articles from files, folders and globs, in a stable order, with a Skip for each miss.

    A second copy of an article (same content id) is skipped as a duplicate of the first.
    Raises only ConfigError, for options that cannot work at all (an unreadable --published).
    """
    options = options or ReadOptions()
    _check_options(options)
    first_seen: dict[str, str] = {}
    for item in expand_paths(paths):
        if isinstance(item, Skip):
            yield item
            continue
        for result in _guarded(item, options):
            if isinstance(result, Article):
                where = result.source_path or str(item)
                if result.article_id in first_seen:
                    yield Skip(where, f"duplicate of {first_seen[result.article_id]}", None)
                    continue
                first_seen[result.article_id] = where
            yield result


def read_text(text: str, *, source_path: str = "-", options: ReadOptions | None = None) -> Article:
    """The article in ``text`` (e.g. stdin for ``dateline extract -``), read as a text file."""
    options = options or ReadOptions()
    _check_options(options)
    return article_from_text(text, source_path=source_path, options=options)


def read_stdin_bytes(data: bytes, options: ReadOptions | None = None) -> Article:
    """Like :func:`read_text` for raw bytes, with the same encoding checks as files."""
    return read_text(decode_bytes(data, "-"), options=options)
