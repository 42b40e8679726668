"""Readers never crash: arbitrary bytes give Articles with text, or an InputError."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.errors import InputError
from dateline.ingest import ReadOptions, Skip
from dateline.records import Article
from dateline.registry import readers

#: One file name per reader, so each reader's own parsing runs on the bytes.
SUFFIXES = {
    "text": ".txt",
    "html": ".html",
    "tabular": (".csv", ".json", ".jsonl", ".tsv"),
    "feeds": ".rss",
    "warc": ".warc",
}
#: Realistic fragments, so generated files reach deeper than the first sanity check.
_FRAGMENTS = st.sampled_from(
    [
        b"<html><body><p>",
        b"</p><p>",
        b"Rockets struck the Ain al-Asad air base in Anbar on Wednesday, officials said. ",
        b'{"text": "',
        b'", "date": "2021-01-03"}\n',
        b"id,date,text\n",
        b'1,2021-01-03,"',
        b'<?xml version="1.0"?><rss><channel><item><title>',
        b"</title><description>",
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 10\r\n\r\n",
        b"\xff\xfe",
        b"\x00",
        b"---\ntitle: x\n---\n",
        b"\n",
    ]
)
_BYTES = st.one_of(st.binary(max_size=2000), st.lists(_FRAGMENTS, max_size=40).map(b"".join))


def _check(reader: str, suffix: str, data: bytes) -> None:
    func = readers.get(reader).func
    options = ReadOptions(min_chars=20)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        try:
            for item in func(path, options):
                if isinstance(item, Article):
                    assert isinstance(item.text, str) and item.text.strip()
                else:
                    assert isinstance(item, Skip)
                    assert item.error is None or isinstance(item.error, InputError)
        except InputError as exc:
            assert exc.path.startswith(str(path)) and exc.reason


@pytest.mark.parametrize(
    ("reader", "suffix"),
    [(r, s) for r, ss in SUFFIXES.items() for s in ((ss,) if isinstance(ss, str) else ss)],
)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=_BYTES)
def test_reader_never_crashes_on_arbitrary_bytes(reader: str, suffix: str, data: bytes) -> None:
    _check(reader, suffix, data)
