"""Normalising place names so press spellings meet gazetteer spellings.

News writes "Deir al-Zor", "Dayr az-Zawr" and "Deir Ezzor"; GeoNames writes "Dayr az Zawr".
One key function, used both when the index is built and when text is looked up, keeps the two
sides in step: accents dropped, case folded, apostrophes/okina removed, hyphens as spaces.

Two looser keys are fallbacks, tried only when the exact key finds nothing: ``bare_key``
drops Arabic articles, and ``loose_key`` also folds transliteration variants ("Qaryat
Shaqouli village" ~ "Qaryat Shaquli", "Tell Kepe" ~ "Tall Kaif", "Dhuluiya" ~ "Ad Duluiyah")
and strips the feature words event datasets and wire copy wrap names in ("X village",
"X sub-district", "Qada' X"). The loose key is lossy, so the gazetteer indexes it only for
the countries where transliteration is the usual source of spelling variation.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_QUOTES = str.maketrans({c: None for c in "'’‘`ʼʻ´\u02bf\u02be"})
_SPACES = re.compile(r"[\s\-‐–_/]+")
#: Arabic article spellings ("al-", "el-", "ad-", "ash-", "az-"...) dropped by ``bare_key``.
ARTICLES = frozenset(["al", "el", "ad", "ar", "as", "ash", "at", "az", "ez", "an", "ed", "es"])
_ARTICLE_WORD = "(?:" + "|".join(sorted(ARTICLES)) + ")"
_ARTICLE = re.compile(rf"^{_ARTICLE_WORD}\s+")
_ARTICLE_INNER = re.compile(rf"\s{_ARTICLE_WORD}\s")
_THE = re.compile(r"^the\s+")
#: Trailing words that say what kind of place a name is, not which ("Makhmur district").
FEATURE_SUFFIXES = (
    "sub district",
    "subdistrict",
    "village",
    "town",
    "city",
    "district",
    "province",
    "governorate",
    "area",
    "locality",
    "neighbourhood",
    "neighborhood",
    "region",
)
#: Leading administrative words of GeoNames' Arabic names ("Qada' Tikrit", "Nahiyat Yathrib").
ADMIN_PREFIXES = frozenset(["qada", "qadha", "qadaa", "nahiyat", "nahiya", "nahiyah", "nahia"])
#: Word-level spelling variants folded by ``loose_key`` (Qaryat/Qarya, Tal/Tall/Tell, Kh.).
_WORD_FOLD = {
    "qarya": "qaryat",
    "qariyat": "qaryat",
    "tal": "tall",
    "tell": "tall",
    "tel": "tall",
    "kh": "khirbat",
    "khirbet": "khirbat",
    "khirbit": "khirbat",
    "khirba": "khirbat",
    "albo": "albu",
    "abu": "abu",
    "umm": "umm",
}
#: Letter-level folds, applied in order: digraphs first, then single letters.
_LETTER_FOLD = (
    ("ch", "j"),
    ("dh", "z"),
    ("th", "t"),
    ("gh", "g"),
    ("kh", "x"),
    ("sh", "s"),
    ("ph", "f"),
    ("ck", "k"),
    ("q", "k"),
    ("g", "k"),
    ("c", "k"),
    ("ee", "i"),
    ("oo", "u"),
    ("ou", "u"),
    ("aa", "a"),
)
_VOWELS = re.compile(r"(?<=.)[aeiouyw]+")
_INITIAL_VOWEL = re.compile(r"^[aeiou]+")
_DOUBLE = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The lookup key of a name: ``"Dayr az-Zawr"`` -> ``"dayr az zawr"``."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.translate(_QUOTES).replace(".", "").casefold()
    return _THE.sub("", _SPACES.sub(" ", plain).strip())


def bare_key(key: str) -> str:
    """A key without Arabic articles, the fallback for "Deir al-Zor" vs "Deir ez Zor"."""
    key = _ARTICLE.sub("", key)
    while True:
        new = _ARTICLE_INNER.sub(" ", key)
        if new == key:
            return key.replace("  ", " ")
        key = new


def strip_feature_words(key: str) -> str:
    """``"makhmur district"`` -> ``"makhmur"``; ``"qada tikrit"`` -> ``"tikrit"`` (a key in/out)."""
    words = key.split()
    changed = True
    while changed and len(words) > 1:
        changed = False
        for suffix in FEATURE_SUFFIXES:
            tail = suffix.split()
            if len(words) > len(tail) and words[-len(tail) :] == tail:
                words = words[: -len(tail)]
                changed = True
                break
        if len(words) > 1 and words[0] in ADMIN_PREFIXES:
            words = words[1:]
            changed = True
    return " ".join(words)


#: What a feature word says about the entry meant: a populated place or a division.
_HINTS = {
    "village": "point",
    "town": "point",
    "city": "point",
    "district": "admin2",
    "sub district": "admin2",
    "subdistrict": "admin2",
    "qada": "admin2",
    "qadha": "admin2",
    "qadaa": "admin2",
    "province": "admin1",
    "governorate": "admin1",
}


def feature_hint(key: str) -> str | None:
    """ "point", "admin2" or "admin1" when a key's feature word says which ("Mosul city")."""
    words = key.split()
    if len(words) < 2:
        return None
    for size in (2, 1):
        if " ".join(words[-size:]) in _HINTS and len(words) > size:
            return _HINTS[" ".join(words[-size:])]
    return _HINTS.get(words[0])


def _fold_word(word: str) -> str:
    word = _WORD_FOLD.get(word, word)
    if word in ("albu", "abu", "umm", "qaryat", "tall", "khirbat", "bani", "bin"):
        return word
    if len(word) > 3 and word.endswith("h") and word[-2] in "aeiou":
        word = word[:-1]  # ta marbuta: "Yusufiyah" ~ "Yusufiya"
    for old, new in _LETTER_FOLD:
        word = word.replace(old, new)
    word = _INITIAL_VOWEL.sub("a", word)  # "Erbil" ~ "Arbil", "Ousseiba" ~ "Usaybah"
    return _DOUBLE.sub(r"\1", _VOWELS.sub("", word))


@functools.lru_cache(maxsize=65536)
def loose_key(key: str) -> str:
    """A lossy consonant skeleton of a key for transliteration variants (see module doc).

    ``"al yusufiyah town"`` and ``"yousifiya"`` both give ``"ysf"``-like skeletons; ``"albu"``
    ("Albu Najm" ~ "Al Bu Najm") is kept as one word.
    """
    key = strip_feature_words(key.replace("al bu ", "albu ").replace("al bo ", "albu "))
    words = [w for w in bare_key(key).split() if w not in ARTICLES]
    return " ".join(_fold_word(w) for w in words if w)


__all__ = [
    "ARTICLES",
    "FEATURE_SUFFIXES",
    "bare_key",
    "feature_hint",
    "loose_key",
    "name_key",
    "strip_feature_words",
]
