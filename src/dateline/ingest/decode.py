"""From a path to trustworthy text: size, readability, encoding, binary and language checks.

Each failure raises one error from ``dateline.errors`` naming the file and the reason, so a
run over thousands of files can report "this one, because of that" and go on.
"""

from __future__ import annotations

import codecs
import functools
import re
from importlib import resources
from pathlib import Path

import yaml

from dateline.errors import BinaryInput, EmptyInput, NotEnglish, TooLarge, UnreadableInput

#: Control characters other than tab/newline/carriage return/form feed.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
#: Decoded text with more control characters than this share is binary in disguise.
_MAX_CONTROL_SHARE = 0.01
#: Bytes charset detection looks at; enough to settle the encoding, cheap on big files.
_DETECT_BYTES = 200_000
#: Share of English function words (data/ingest/english_function_words.yaml) among the
#: words of a sample below which a text is not English. Measured 2026-11-22: Guardian SDF
#: articles score 0.32-0.48 (mean 0.40), Tehran Times 0.22-0.50 (mean 0.38, lowest a
#: seismology report); French, Spanish, German and Indonesian news sentences score 0.00-0.08
#: (tests/ingest/test_decode.py). 0.15 sits between the two.
_MIN_ENGLISH_SHARE = 0.15
#: Below this many words the check cannot tell; short texts pass.
_MIN_WORDS_TO_JUDGE = 20
_PUNCTUATION = "\"'“”‘’.,;:!?()[]{}-–—…«»"
_SAMPLE_CHARS = 3000
#: English news is over 95% ASCII even with curly quotes and accented names.
_MIN_ASCII_SHARE = 0.6
_MIN_CHARS_FOR_SCRIPT = 40


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``, after checking its size so a 50 MB file is never loaded."""
    name = str(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise UnreadableInput(name, "not a regular file")
        if size > max_bytes:
            raise TooLarge(name, f"{size:,} bytes is over the limit of {max_bytes:,} bytes")
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableInput(name, "no such file") from None
    except PermissionError:
        raise UnreadableInput(name, "permission denied") from None
    except IsADirectoryError:
        raise UnreadableInput(name, "is a directory") from None
    except OSError as exc:
        raise UnreadableInput(name, f"cannot read: {exc.strerror or exc}") from None
    if not data.strip():
        raise EmptyInput(name, "file is empty")
    return data


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:_DETECT_BYTES]).best()
    return best.encoding if best else None


def decode_bytes(data: bytes, name: str) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else detected, else cp1252.

    NUL bytes mean binary (images, archives, office files); a file that decodes only into
    control-character soup is binary too.
    """
    if not data.strip():
        raise EmptyInput(name, "file is empty")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise BinaryInput(name, "starts like UTF-16 but does not decode") from None
    elif b"\x00" in data[:8192]:
        raise BinaryInput(name, "contains NUL bytes: a binary file, not text")
    else:
        text = _decode_8bit(data, name)
    if not text.strip():
        raise EmptyInput(name, "file has only whitespace")
    if len(_CONTROL_RE.findall(text[:_DETECT_BYTES])) > _MAX_CONTROL_SHARE * min(
        len(text), _DETECT_BYTES
    ):
        raise BinaryInput(name, "mostly control characters: a binary file, not text")
    return text


def _decode_8bit(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for encoding in (_detect(data), "cp1252"):
        if encoding:
            try:
                return data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
    raise BinaryInput(name, "not valid text in UTF-8, a detectable encoding or cp1252")


@functools.cache
def english_function_words() -> frozenset[str]:
    """The lexicon, loaded once from package data."""
    path = resources.files("dateline") / "data" / "ingest" / "english_function_words.yaml"
    return frozenset(str(w).lower() for w in yaml.safe_load(path.read_text("utf-8"))["words"])


def english_share(text: str) -> tuple[float, int]:
    """(share of words that are English function words, words looked at) in a sample."""
    tokens = (w.strip(_PUNCTUATION) for w in text[:_SAMPLE_CHARS].lower().split())
    words = [w for w in tokens if w[:1].isalpha()]  # numbers and codes say nothing
    if not words:
        return 0.0, 0
    lexicon = english_function_words()
    return sum(w in lexicon for w in words) / len(words), len(words)


def _ascii_share(text: str) -> float:
    sample = text[:_SAMPLE_CHARS]
    return len(sample.encode("ascii", "ignore")) / max(len(sample), 1)


def looks_english(text: str) -> bool | None:
    """True/False for English or not; None when the text is too short to judge."""
    try:
        check_english(text, "-")
    except NotEnglish:
        return False
    return True if english_share(text)[1] >= _MIN_WORDS_TO_JUDGE else None


def check_english(text: str, name: str) -> None:
    """Raise NotEnglish unless ``text`` reads as English (short texts get the benefit).

    Two cheap tests: mostly non-ASCII characters (Arabic, Persian, Chinese script) is not
    English whatever its length; otherwise too few English function words is not English.
    """
    if len(text) >= _MIN_CHARS_FOR_SCRIPT and _ascii_share(text) < _MIN_ASCII_SHARE:
        raise NotEnglish(name, "mostly non-Latin script")
    share, n = english_share(text)
    if n >= _MIN_WORDS_TO_JUDGE and share < _MIN_ENGLISH_SHARE:
        raise NotEnglish(
            name,
            f"does not look like English ({share:.0%} English function words, "
            f"need {_MIN_ENGLISH_SHARE:.0%})",
        )
