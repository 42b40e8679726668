"""CSV, TSV, JSON and JSON Lines: one article per row, columns named by a field map.

Columns are found by ``ReadOptions.field_map`` or by their usual names (text/body/content,
title/headline, date/published, url/link, source/outlet, id). Each article's ``source_path``
is ``file#key`` with the row's id (for pandas exports, the unnamed index column) or its
1-based row number, because that is how gold files name articles. A malformed row is skipped
on its own; the rest of the file is still read.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from dateline.errors import EmptyInput, InputError, MalformedInput
from dateline.ingest.build import build_article
from dateline.ingest.clean import clean_text
from dateline.ingest.decode import decode_bytes, read_bytes
from dateline.ingest.options import ReadOptions, Skip
from dateline.records import Article
from dateline.registry import readers

#: Usual column names per role, tried in order (case-insensitive) when no field_map names one.
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "full_text", "fulltext", "story"),
    "title": ("title", "headline", "heading"),
    "published": ("published", "date", "pubdate", "publish_date", "published_at",
                  "publication_date", "datetime", "timestamp"),
    "url": ("url", "link", "href"),
    "outlet": ("outlet", "source", "publisher", "sitename", "site", "media"),
    "id": ("id", "doc_id", "article_id", "", "unnamed: 0", "index"),
}  # fmt: skip
#: Keys under which a JSON document may hold its list of articles.
_LIST_KEYS = ("articles", "items", "data", "records", "rows", "documents", "docs")
#: Give up on a file whose rows keep failing: it is not tabular data at all.
_MAX_BAD_ROWS = 1000

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def resolve_fields(columns: list[str], field_map: Mapping[str, str] | None) -> dict[str, str]:
    """role -> column for this file's columns; field_map entries win over the usual names."""
    by_lower = {c.strip().lower(): c for c in columns}
    resolved: dict[str, str] = {}
    for role, names in DEFAULT_FIELDS.items():
        wanted = (field_map or {}).get(role)
        if wanted is not None:
            if wanted in columns:
                resolved[role] = wanted
            continue
        for name in names:
            if name in by_lower:
                resolved[role] = by_lower[name]
                break
    return resolved


def _row_article(
    row: Mapping[str, Any], fields: dict[str, str], key: str, path: Path, options: ReadOptions
) -> Article:
    source_path = f"{path}#{key}"
    body = row.get(fields["text"])
    if not isinstance(body, str) or not body.strip():
        raise EmptyInput(source_path, f"row has no text in column {fields['text']!r}")
    used = {fields[r] for r in ("text", "title", "url", "outlet", "published") if r in fields}
    metadata = {k: v for k, v in row.items() if k not in used and k != fields.get("id")}
    metadata["row_id"] = key
    column = fields.get("published")
    return build_article(
        body=clean_text(body),
        title=row.get(fields["title"]) if "title" in fields else None,
        url=row.get(fields["url"]) if "url" in fields else None,
        outlet=row.get(fields["outlet"]) if "outlet" in fields else None,
        dates=((row.get(column), f"column {column!r}"),) if column else (),
        metadata={k or "index": v for k, v in metadata.items()},
        source_path=source_path,
        reader="tabular",
        options=options,
    )


def rows_to_articles(
    rows: Iterator[tuple[int, Mapping[str, Any] | InputError]],
    fields: dict[str, str],
    path: Path,
    options: ReadOptions,
) -> Iterator[Article | Skip]:
    """Articles from numbered rows (or the row's error), keyed ``path#id`` or ``path#number``.

    Public so that row sources other than files (Spark DataFrames) share the same rules.
    """
    bad = 0
    for number, row in rows:
        if isinstance(row, InputError):
            bad += 1
            if bad > _MAX_BAD_ROWS:
                raise MalformedInput(str(path), f"over {_MAX_BAD_ROWS} malformed rows")
            yield Skip(row.path, row.reason, row)
            continue
        id_value = row.get(fields["id"]) if "id" in fields else None
        key = str(id_value).strip() if id_value not in (None, "") else str(number)
        try:
            yield _row_article(row, fields, key, path, options)
        except InputError as exc:
            yield Skip(exc.path, exc.reason, exc)


def _need_text(fields: dict[str, str], columns: list[str], path: Path) -> None:
    if "text" not in fields:
        raise MalformedInput(
            str(path), f"no text column among {columns[:12]}; name it with field_map['text']"
        )


def _csv_rows(
    text: str, path: Path, delimiter: str
) -> tuple[list[str], Iterator[tuple[int, Mapping[str, Any] | InputError]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except (csv.Error, StopIteration) as exc:
        raise MalformedInput(str(path), f"no readable CSV header: {exc}") from None

    def rows() -> Iterator[tuple[int, Mapping[str, Any] | InputError]]:
        number = 0
        while True:
            number += 1
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield number, MalformedInput(f"{path}#{number}", f"malformed CSV row: {exc}")
                continue
            if not any(v.strip() for v in values):
                number -= 1  # blank lines are not rows
            elif len(values) != len(header):
                yield (
                    number,
                    MalformedInput(
                        f"{path}#{number}",
                        f"row has {len(values)} fields, header has {len(header)}",
                    ),
                )
            else:
                yield number, dict(zip(header, values, strict=True))

    return header, rows()


def _json_rows(text: str, path: Path) -> list[Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedInput(str(path), f"not valid JSON: {exc}") from None
    if isinstance(data, dict):
        for key in _LIST_KEYS:
            if isinstance(data.get(key), list):
                return list(data[key])
        return [data]
    if isinstance(data, list):
        return data
    raise MalformedInput(str(path), "JSON is neither an object nor a list of objects")


def _jsonl_rows(text: str, path: Path) -> Iterator[tuple[int, Any]]:
    number = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        number += 1
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, MalformedInput(f"{path}#{number}", f"malformed JSON line: {exc.msg}")


def _objects(
    items: Iterator[tuple[int, Any]], path: Path
) -> Iterator[tuple[int, Mapping[str, Any] | InputError]]:
    for number, item in items:
        if isinstance(item, InputError | Mapping):
            yield number, item
        else:
            kind = type(item).__name__
            yield number, MalformedInput(f"{path}#{number}", f"row is a JSON {kind}, not an object")


def _json_fields(first: Any, options: ReadOptions, path: Path) -> dict[str, str]:
    columns = [str(k) for k in first] if isinstance(first, Mapping) else []
    fields = resolve_fields(columns, options.field_map)
    _need_text(fields, columns, path)
    return fields


@readers.register("tabular", extensions=(".csv", ".tsv", ".json", ".jsonl", ".ndjson"))
def read(path: Path, options: ReadOptions) -> Iterator[Article | Skip]:
    """One article per row (CSV/TSV), object (JSON list) or line (JSON Lines)."""
    text = decode_bytes(read_bytes(path, options.max_bytes), str(path))
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        items = list(_jsonl_rows(text, path))
        first = next((i for _, i in items if isinstance(i, Mapping)), None)
        fields = _json_fields(first, options, path)
        yield from rows_to_articles(_objects(iter(items), path), fields, path, options)
    elif suffix == ".json":
        data = _json_rows(text, path)
        if not data:
            raise EmptyInput(str(path), "JSON holds no articles")
        fields = _json_fields(data[0], options, path)
        numbered = iter(enumerate(data, start=1))
        yield from rows_to_articles(_objects(numbered, path), fields, path, options)
    else:
        first_line = text.split("\n", 1)[0]
        tab = suffix == ".tsv" or ("\t" in first_line and "," not in first_line)
        header, rows = _csv_rows(text, path, "\t" if tab else ",")
        fields = resolve_fields(header, options.field_map)
        _need_text(fields, header, path)
        yield from rows_to_articles(rows, fields, path, options)
