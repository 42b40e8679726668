"""Fixtures for the ingest tests: the sample files, and WARC archives built from them."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def write_warc(path: Path, pages: list[tuple[str, str, bytes]]) -> Path:
    """A gzipped WARC with a warcinfo record and one response per (url, content type, body)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "dateline"}))
        for number, (url, content_type, body) in enumerate(pages, start=1):
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], "HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=BytesIO(body),
                http_headers=headers,
                warc_headers_dict={
                    "WARC-Date": "2021-04-20T10:00:00Z",
                    "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{number:012d}>",
                },
            )
            writer.write_record(record)
    return path


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def crawl(tmp_path: Path) -> Path:
    """A WARC holding the Erbil article page, an image and a second copy of the page."""
    page = (FIXTURES / "militia_claim.html").read_bytes()
    return write_warc(
        tmp_path / "crawl.warc.gz",
        [
            ("https://kurdistanledger.example/2021/04/15/erbil", "text/html; charset=utf-8", page),
            ("https://kurdistanledger.example/img/erbil.jpg", "image/jpeg", b"\xff\xd8\xff\xe0"),
        ],
    )
