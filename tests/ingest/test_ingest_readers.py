"""Every reader on real-looking files: text, title, outlet, URL, date, source path."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dateline.errors import MalformedInput
from dateline.ingest import ReadOptions, Skip, iter_articles, read_file, read_text, reader_for
from dateline.records import Article
from dateline.registry import readers

D = dt.date


def only(path: Path, options: ReadOptions | None = None) -> Article:
    (article,) = read_file(path, options)
    return article


def test_builtin_readers_are_registered() -> None:
    assert readers.names() == ["feeds", "html", "tabular", "text", "warc"]


@pytest.mark.parametrize(
    ("name", "reader"),
    [
        ("a.txt", "text"),
        ("a.md", "text"),
        ("a.html", "html"),
        ("a.csv", "tabular"),
        ("a.TSV", "tabular"),
        ("a.jsonl", "tabular"),
        ("a.rss", "feeds"),
        ("a.atom", "feeds"),
        ("a.warc.gz", "warc"),
    ],
)
def test_reader_for_extension(name: str, reader: str) -> None:
    assert reader_for(Path(name)) == reader


def test_reader_for_sniffs_content(tmp_path: Path) -> None:
    (tmp_path / "page").write_text("<!DOCTYPE html><html><body><p>x</p></body></html>")
    (tmp_path / "feed").write_text('<?xml version="1.0"?><rss version="2.0"></rss>')
    assert reader_for(tmp_path / "page") == "html"
    assert reader_for(tmp_path / "feed") == "feeds"


def test_text_with_front_matter(fixtures: Path) -> None:
    a = only(fixtures / "rocket_attack.txt")
    assert a.title == "Rockets strike Ain al-Asad air base in western Iraq"
    assert a.text.startswith(a.title + "\n\nBy Layla Hassan\n\nThursday 6 January 2022\n\n")
    assert a.outlet == "Euphrates Observer"
    assert a.url == "https://euphrates-observer.example/2022/01/06/ain-al-asad-rockets"
    assert (a.published.start, a.published.precision) == (D(2022, 1, 6), "day")
    assert a.metadata == {"synthetic": True, "desk": "Baghdad"}
    assert a.reader == "text" and a.language == "en"
    assert a.article_id == Article.make_id(a.text, a.url)
    for furniture in ("Skip to content", "Advertisement", "Share on", "Photograph:", "Sign up"):
        assert furniture not in a.text
    assert a.text.count("damaged vehicle") == 0
    assert "province on Wednesday" in a.text  # hard-wrapped lines rejoined


def test_text_first_line_is_the_title_and_date_comes_from_the_dateline(fixtures: Path) -> None:
    a = only(fixtures / "reuters_dateline.txt")
    assert a.title == "Iraqi forces arrest suspects over Kirkuk bombing"
    assert a.text.split("\n\n")[1].startswith("KIRKUK, Iraq, March 14, 2021 (Reuters) -")
    assert a.published.start == D(2021, 3, 14) and "dateline" in a.published.reason


def test_sidecar_metadata(fixtures: Path) -> None:
    a = only(fixtures / "story_with_sidecar.txt")
    assert (a.outlet, a.published.start) == ("Tigris Wire", D(2021, 6, 29))
    assert "sidecar story_with_sidecar.txt.meta.json" in a.published.reason
    assert a.metadata == {"synthetic": True, "section": "Security"}


def test_published_flag_beats_every_other_source(fixtures: Path) -> None:
    a = only(fixtures / "story_with_sidecar.txt", ReadOptions(published="2021-07-01"))
    assert a.published.start == D(2021, 7, 1) and "--published" in a.published.reason


def test_undated_text_gets_anniversary_week_or_unknown(fixtures: Path) -> None:
    a = only(fixtures / "undated_anniversary.txt")
    assert (a.published.start, a.published.end) == (D(2021, 12, 31), D(2022, 1, 6))
    b = only(fixtures / "no_date.txt")
    assert not b.published.is_known and b.published.precision == "unknown"


def test_html_page(fixtures: Path) -> None:
    a = only(fixtures / "militia_claim.html")
    assert a.title == "Little-known group claims drone attack on Erbil airport"
    assert a.outlet == "The Kurdistan Ledger"
    assert a.url == "https://kurdistanledger.example/2021/04/15/erbil-airport-drone-claim"
    assert a.published.start == D(2021, 4, 15) and "htmldate" in a.published.reason
    paragraphs = a.text.split("\n\n")
    assert paragraphs[0] == a.title
    assert paragraphs[1].startswith("A group calling itself Awliya al-Dam claimed")
    assert len(paragraphs) == 6
    for furniture in ("Skip to content", "Advertisement", "Tweet", "Most read", "©", "Photo:"):
        assert furniture not in a.text


def test_truncated_html_still_gives_its_text(fixtures: Path) -> None:
    a = only(fixtures / "truncated.html")
    assert "Awliya al-Dam" in a.text and a.text.endswith("hold those resp")


def test_guardian_style_csv_with_row_keys(fixtures: Path) -> None:
    items = list(iter_articles([fixtures / "monitor_export.csv"]))
    assert [str(i) if isinstance(i, Skip) else i.source_path for i in items] == [
        f"{fixtures}/monitor_export.csv#101",
        f"{fixtures}/monitor_export.csv#102",
        f"{fixtures}/monitor_export.csv#3: row has 8 fields, header has 6",
        f"{fixtures}/monitor_export.csv#104",
    ]
    first, _, _, undated = items
    assert isinstance(first, Article) and isinstance(undated, Article)
    assert first.title == "Drone attack on Erbil airport"
    assert first.text.startswith("Drone attack on Erbil airport\n\nAn explosive-laden drone")
    assert (first.outlet, first.url) == (
        "Kurdistan Ledger",
        "https://kurdistanledger.example/a/101",
    )
    assert first.published.start == D(2021, 4, 15) and "column 'date'" in first.published.reason
    assert first.metadata == {"row_id": "101"}
    assert not undated.published.is_known and undated.url is None


def test_malformed_row_is_fatal_in_read_file(fixtures: Path) -> None:
    with pytest.raises(MalformedInput, match=r"monitor_export.csv#3: row has 8 fields"):
        list(read_file(fixtures / "monitor_export.csv"))


def test_tsv_json_and_jsonl(fixtures: Path) -> None:
    tsv = only(fixtures / "protests.tsv")
    assert tsv.source_path.endswith("protests.tsv#k-1") and tsv.outlet == "Tigris Wire"
    assert tsv.published.start == D(2019, 10, 2)
    json_items = list(iter_articles([fixtures / "wire.json"]))
    assert isinstance(json_items[0], Article) and json_items[0].published.start == D(2021, 5, 24)
    assert isinstance(json_items[1], Skip) and "no text" in json_items[1].reason
    jsonl = list(iter_articles([fixtures / "wire.jsonl"]))
    assert [type(i).__name__ for i in jsonl] == ["Article", "Skip", "Article"]
    assert jsonl[1].path.endswith("wire.jsonl#2") and "malformed JSON line" in jsonl[1].reason


def test_field_map_names_the_columns(tmp_path: Path) -> None:
    body = (
        "Gunmen on motorcycles shot dead a local journalist outside his home in Amarah on "
        "Saturday, police said. The journalist had reported on corruption in the provincial "
        "government and had received threats, his colleagues said."
    )
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps({"key": "x9", "story": body, "when": "2020-03-07"}) + "\n")
    options = ReadOptions(field_map={"text": "story", "published": "when", "id": "key"})
    a = only(path, options)
    assert a.source_path == f"{path}#x9" and a.published.start == D(2020, 3, 7)
    assert a.text == body


def test_rss_feed(fixtures: Path) -> None:
    items = list(iter_articles([fixtures / "levant_wire.rss"]))
    first, second, short = items
    assert isinstance(first, Article) and isinstance(second, Article) and isinstance(short, Skip)
    assert first.source_path.endswith("levant_wire.rss#lw-2020-12-08-0412")
    assert first.outlet == "Levant Wire" and first.published.start == D(2020, 12, 8)
    assert first.title == "Protest in Sulaymaniyah dispersed with tear gas"
    assert "Advertisement" not in first.text and "<p>" not in first.text
    assert first.text.count("\n\n") == 3  # title + three paragraphs of content:encoded
    assert second.text.endswith("operating from the area around Ras al-Ain.")
    assert "min_chars" in short.reason


def test_atom_feed(fixtures: Path) -> None:
    a = only(fixtures / "tigris_wire.atom")
    assert a.outlet == "Tigris Wire" and a.published.start == D(2021, 7, 8)
    assert a.url == "https://tigriswire.example/news/baghdad-airport-rockets"
    assert a.text.endswith("No group claimed the attack, the third on the airport this month.")


def test_warc_reads_html_responses_and_passes_over_the_rest(crawl: Path) -> None:
    a = only(crawl)
    assert a.source_path == f"{crawl}#urn:uuid:00000000-0000-4000-8000-000000000001"
    assert a.metadata["row_id"] == "urn:uuid:00000000-0000-4000-8000-000000000001"
    assert a.metadata["crawled"] == "2021-04-20T10:00:00Z"
    assert a.published.start == D(2021, 4, 15)  # from the page, not the crawl date
    assert a.title == "Little-known group claims drone attack on Erbil airport"


def test_folder_expansion_is_sorted_and_skips_sidecars(fixtures: Path) -> None:
    items = list(iter_articles([fixtures]))
    paths = [i.source_path if isinstance(i, Article) else i.path for i in items]
    files = [p.split("#")[0] for p in paths]
    assert files == sorted(files)
    assert not any(p.endswith(".meta.json") for p in files)
    assert any(p.endswith("french.txt") for p in files)


def test_read_text_for_stdin() -> None:
    raw = (
        "Rocket hits Green Zone\n\n"
        "BAGHDAD, Jan 5 (Reuters) - A rocket landed inside Baghdad's heavily fortified Green "
        "Zone on Tuesday, near the US embassy, causing no casualties, the Iraqi military said "
        "in a statement. It was the third such attack since the start of 2020."
    )
    a = read_text(raw)
    assert a.source_path == "-" and a.title == "Rocket hits Green Zone"
    assert a.published.start == D(2020, 1, 5)
    a2 = read_text(raw, options=ReadOptions(published="2020-01-07"))
    assert a2.published.start == D(2020, 1, 7) and a2.article_id == a.article_id


def test_evidence_offsets_refer_to_the_stored_text(fixtures: Path) -> None:
    a = only(fixtures / "militia_claim.html")
    start = a.text.index("Awliya al-Dam")
    assert a.text[start : start + len("Awliya al-Dam")] == "Awliya al-Dam"
    assert a.text[: len(a.title or "")] == a.title  # the title counts as evidence


def test_same_input_same_article(fixtures: Path) -> None:
    first = [i for i in iter_articles([fixtures]) if isinstance(i, Article)]
    second = [i for i in iter_articles([fixtures]) if isinstance(i, Article)]
    assert [a.article_id for a in first] == [a.article_id for a in second]
    assert [a.published for a in first] == [a.published for a in second]


def test_outlet_option_fills_in_only_where_the_input_names_none(fixtures: Path) -> None:
    options = ReadOptions(outlet="Tehran Times")
    assert only(fixtures / "no_date.txt", options).outlet == "Tehran Times"
    assert only(fixtures / "militia_claim.html", options).outlet == "The Kurdistan Ledger"
