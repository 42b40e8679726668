"""Bad input: each case is one clear Skip naming the file and the reason; the run goes on."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from dateline.errors import (
    BinaryInput,
    ConfigError,
    EmptyInput,
    InputError,
    NotEnglish,
    TooLarge,
    UnreadableInput,
    UnsupportedFormat,
)
from dateline.ingest import ReadOptions, Skip, iter_articles, read_file
from dateline.ingest.decode import decode_bytes, english_share
from dateline.records import Article

REPORT = (
    "Rockets hit Ain al-Asad\n\n"
    "At least five rockets struck the Ain al-Asad air base in Anbar province on Wednesday, "
    "the US-led coalition said. There were no casualties, a coalition spokesman said, and no "
    "group immediately claimed responsibility for the attack on the base.\n"
)


def skips(paths: list[Path | str], options: ReadOptions | None = None) -> list[Skip]:
    return [i for i in iter_articles(paths, options) if isinstance(i, Skip)]


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n\t\n")
    got = skips([tmp_path / "empty.txt", tmp_path / "blank.txt"])
    assert [type(s.error) for s in got] == [EmptyInput, EmptyInput]
    assert str(got[0]) == f"{tmp_path}/empty.txt: file is empty"


def test_binary_file(tmp_path: Path) -> None:
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    (skip,) = skips([tmp_path / "photo.txt"])
    assert isinstance(skip.error, BinaryInput) and "NUL bytes" in skip.reason


def test_cp1252_file_is_decoded_not_skipped(tmp_path: Path) -> None:
    text = REPORT.replace("said.", "said \u2013 \u201cno casualties\u201d.")
    (tmp_path / "legacy.txt").write_bytes(text.encode("cp1252"))
    (article,) = read_file(tmp_path / "legacy.txt")
    assert "\u2013 \u201cno casualties\u201d" in article.text


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    (tmp_path / "wide.txt").write_bytes(REPORT.encode("utf-16"))
    (article,) = read_file(tmp_path / "wide.txt")
    assert article.title == "Rockets hit Ain al-Asad"


def test_decode_rejects_control_soup() -> None:
    with pytest.raises(BinaryInput):
        decode_bytes(bytes(range(1, 32)) * 40, "soup.txt")


def test_non_english(fixtures: Path, tmp_path: Path) -> None:
    (skip,) = skips([fixtures / "french.txt"])
    assert isinstance(skip.error, NotEnglish) and "English function words" in skip.reason
    arabic = "هجوم صاروخي على قاعدة عين الأسد الجوية في محافظة الأنبار غرب العراق " * 10
    (tmp_path / "ar.txt").write_text(f"عنوان\n\n{arabic}", encoding="utf-8")
    (skip,) = skips([tmp_path / "ar.txt"])
    assert isinstance(skip.error, NotEnglish) and "non-Latin" in skip.reason
    # The check can be switched off; the article is then read as it is.
    (article,) = read_file(fixtures / "french.txt", ReadOptions(require_english=False))
    assert article.language is None


@pytest.mark.parametrize(
    ("sentence", "english"),
    [
        (
            "Le président a annoncé mardi que les forces de sécurité avaient arrêté trois "
            "personnes soupçonnées d'avoir participé à l'attaque contre la base militaire.",
            False,
        ),
        (
            "El presidente anunció el martes que las fuerzas de seguridad habían detenido a tres "
            "personas sospechosas de haber participado en el ataque contra la base militar.",
            False,
        ),
        (
            "Der Präsident kündigte am Dienstag an, dass die Sicherheitskräfte drei Personen "
            "festgenommen hätten, die verdächtigt werden, an dem Angriff beteiligt zu sein.",
            False,
        ),
        (
            "Presiden mengumumkan pada hari Selasa bahwa pasukan keamanan telah menangkap tiga "
            "orang yang diduga terlibat dalam serangan terhadap pangkalan militer itu.",
            False,
        ),
        (
            "The president announced on Tuesday that security forces had arrested three people "
            "suspected of taking part in the attack on the military base, the ministry said.",
            True,
        ),
    ],
)
def test_english_function_word_share(sentence: str, english: bool) -> None:
    share, words = english_share(sentence)
    assert words >= 20
    assert (share >= 0.15) is english, share


def test_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:  # a sparse 50 MB file: nothing is written or read
        handle.truncate(50 * 1024 * 1024)
    (skip,) = skips([big])
    assert isinstance(skip.error, TooLarge)
    assert skip.reason == "52,428,800 bytes is over the limit of 20,000,000 bytes"


def test_duplicate_files(tmp_path: Path, fixtures: Path) -> None:
    shutil.copy(fixtures / "no_date.txt", tmp_path / "a.txt")
    shutil.copy(fixtures / "no_date.txt", tmp_path / "b.txt")
    items = list(iter_articles([tmp_path]))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], Skip) and items[1].error is None
    assert str(items[1]) == f"{tmp_path}/b.txt: duplicate of {tmp_path}/a.txt"


def test_missing_paths_and_globs(tmp_path: Path) -> None:
    got = skips([tmp_path / "nope.txt", str(tmp_path / "*.nothing")])
    assert isinstance(got[0].error, UnreadableInput) and got[0].reason == "no such file or folder"
    assert got[1].reason == "no files match this pattern"


def test_glob_expands_sorted(tmp_path: Path, fixtures: Path) -> None:
    for name in ("b.txt", "a.txt"):
        shutil.copy(fixtures / "reuters_dateline.txt", tmp_path / name)
    first, second = iter_articles([str(tmp_path / "*.txt")])
    assert isinstance(first, Article) and first.source_path == f"{tmp_path}/a.txt"
    assert isinstance(second, Skip) and second.reason == f"duplicate of {tmp_path}/a.txt"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads anything")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(REPORT)
    path.chmod(0)
    try:
        (skip,) = skips([path])
        assert isinstance(skip.error, UnreadableInput) and skip.reason == "permission denied"
    finally:
        path.chmod(0o644)


def test_unreadable_special_path(tmp_path: Path) -> None:
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(UnreadableInput, match=r"dir\.txt"):
        list(read_file(tmp_path / "dir.txt"))


def test_unsupported_extension(tmp_path: Path) -> None:
    (tmp_path / "report.docx").write_bytes(b"PK\x03\x04" + bytes(100))
    (skip,) = skips([tmp_path / "report.docx"])
    assert isinstance(skip.error, UnsupportedFormat) and "unknown file type" in skip.reason


def test_short_text_is_empty_input(tmp_path: Path) -> None:
    (tmp_path / "stub.txt").write_text("Rockets hit base\n\nMore soon.")
    (skip,) = skips([tmp_path / "stub.txt"])
    assert isinstance(skip.error, EmptyInput) and "min_chars=200" in skip.reason


def test_malformed_json_file(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text('{"articles": [{"text": "cut off')
    (skip,) = skips([tmp_path / "bad.json"])
    assert "not valid JSON" in skip.reason


def test_one_bad_file_does_not_stop_the_run(tmp_path: Path, fixtures: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    shutil.copy(fixtures / "no_date.txt", tmp_path / "b.txt")
    kinds = [type(i).__name__ for i in iter_articles([tmp_path])]
    assert kinds == ["Skip", "Article"]


def test_bad_published_option_is_a_config_error(fixtures: Path) -> None:
    with pytest.raises(ConfigError, match="not a date"):
        list(iter_articles([fixtures / "no_date.txt"], ReadOptions(published="soon")))


def test_every_skip_error_is_an_input_error(fixtures: Path, tmp_path: Path) -> None:
    (tmp_path / "x.bin").write_bytes(b"\x00\x01")
    for skip in skips([fixtures, tmp_path]):
        assert skip.error is None or isinstance(skip.error, InputError)
        assert str(skip).startswith(skip.path)
