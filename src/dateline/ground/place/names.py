"""Normalising place names so press spellings meet gazetteer spellings.

News writes "Deir al-Zor", "Dayr az-Zawr" and "Deir Ezzor"; GeoNames writes "Dayr az Zawr".
One key function, used both when the index is built and when text is looked up, keeps the two
sides in step: accents dropped, case folded, apostrophes/okina removed, hyphens as spaces.
"""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({c: None for c in "'’‘`ʼʻ´\u02bf\u02be"})
_SPACES = re.compile(r"[\s\-‐–_/]+")
#: Arabic article spellings ("al-", "el-", "ad-", "ash-", "az-"...) dropped by ``bare_key``.
ARTICLES = frozenset(["al", "el", "ad", "ar", "as", "ash", "at", "az", "ez", "an", "ed", "es"])
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|ez|an|ed|es)\s+")
_ARTICLE_INNER = re.compile(r"\s(?:al|el|ad|ar|as|ash|at|az|ez|an|ed|es)\s")
_THE = re.compile(r"^the\s+")


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


__all__ = ["ARTICLES", "bare_key", "name_key"]
