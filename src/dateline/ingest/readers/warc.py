"""WARC web archives: each HTML response record is read as an HTML page (warcio).

Other records (requests, metadata, images, scripts) are passed over silently: they are what
a crawl is made of, not bad input. WARC files are containers and may be far larger than any
article, so ``max_bytes`` limits each record instead of the file, and the file is streamed.
The crawl date (WARC-Date) is not a publication date and is only kept as metadata.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dateline.errors import EmptyInput, InputError, MalformedInput, TooLarge, UnreadableInput
from dateline.ingest.decode import decode_bytes
from dateline.ingest.options import ReadOptions, Skip
from dateline.ingest.readers.html import article_from_html
from dateline.records import Article
from dateline.registry import readers

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return any(t in content_type for t in _HTML_TYPES)


def _record_article(record: Any, number: int, path: Path, options: ReadOptions) -> Article:
    record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
    key = record_id or str(number)
    source_path = f"{path}#{key}"
    payload = record.content_stream().read(options.max_bytes + 1)
    if len(payload) > options.max_bytes:
        raise TooLarge(source_path, f"record is over the limit of {options.max_bytes:,} bytes")
    crawled = record.rec_headers.get_header("WARC-Date")
    return article_from_html(
        decode_bytes(payload, source_path),
        source_path=source_path,
        options=options,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        metadata={"row_id": key, "crawled": crawled, "warc_record": number},
    )


def _records(stream: Any, path: Path) -> Iterator[Any]:
    from warcio.archiveiterator import ArchiveIterator

    try:
        yield from ArchiveIterator(stream)
    except InputError:
        raise
    except Exception as exc:  # warcio signals bad archives with many exception types
        raise MalformedInput(str(path), f"not a readable WARC file: {exc}") from None


@readers.register("warc", extensions=(".warc", ".warc.gz", ".arc", ".arc.gz"))
def read(path: Path, options: ReadOptions) -> Iterator[Article | Skip]:
    """One article per HTML response record."""
    try:
        if path.stat().st_size == 0:
            raise EmptyInput(str(path), "file is empty")
        stream = path.open("rb")
    except OSError as exc:
        raise UnreadableInput(str(path), f"cannot read: {exc.strerror or exc}") from None
    found = 0
    with stream:
        for number, record in enumerate(_records(stream, path), start=1):
            if not _is_html_response(record):
                continue
            found += 1
            try:
                yield _record_article(record, number, path, options)
            except InputError as exc:
                yield Skip(exc.path, exc.reason, exc)
            except Exception as exc:  # a record cut off mid-stream
                error = MalformedInput(f"{path}#{number}", f"unreadable WARC record: {exc}")
                yield Skip(error.path, error.reason, error)
    if not found:
        raise EmptyInput(str(path), "no HTML response records in the WARC file")
