"""A literal prefilter for the lexicon's regular expressions.

The trigger and statement patterns are many alternations with word boundaries and bounded
gaps (``(?:\\w+\\s+){0,3}?``), which Python's ``re`` tries at every position of the text:
matching them over every sentence costs more than most of the pipeline. Yet almost every
match contains a plain word ("attack", "rocket", "claim"). This module reads each pattern's
syntax tree and derives a set of lower-case strings at least one of which occurs in every
match; a text containing none of them cannot match, which a few substring tests (``in``,
in C) say far faster than the regex can. It is the same idea as RE2's prefilter, on
Python's own parser, so it follows every change to the lexicon without a hand-kept list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

try:  # the parser behind ``re``: public as ``sre_parse`` before Python 3.11
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

Keys = frozenset[str]


def required_keys(pattern: re.Pattern[str]) -> Keys | None:
    """Strings, one of which occurs (case-folded) in every match of ``pattern``.

    ``None`` when no such set can be derived (a pattern that can match without any literal
    word): the caller must then run the regex itself.
    """
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
    except (re.error, TypeError, ValueError):  # pragma: no cover - re compiled it already
        return None
    keys = _sequence(list(parsed))
    if keys is None:
        return None
    # a key that contains another is redundant: the shorter one is found wherever it is
    return frozenset(k for k in keys if not any(o != k and o in k for o in keys))


#: Largest set of exact strings tracked for a part of a pattern ("den(?:ied|ies|y|ying)"
#: is the four words, not "den", which half the words in "president" contain).
MAX_EXACT = 64


def _sequence(items: list[tuple[Any, Any]]) -> Keys | None:
    """Keys of a concatenation: the best of the keys any one of its parts requires."""
    return _node(items)[1]


def _node(items: list[tuple[Any, Any]]) -> tuple[Keys | None, Keys | None]:
    """(every string the concatenation can match, when few; keys one of which it contains).

    Runs of parts with few exact strings are multiplied out ("den" + "ied|ies|y|ying");
    any other part ends the run, and the required keys are the strongest option found.
    """
    options: list[Keys] = []
    product: Keys = frozenset({""})
    broken = False  # once a part is not a small set of strings, the whole is not either
    for op, arg in items:
        exact, required = _part(op, arg)
        if exact is not None and len(product) * len(exact) <= MAX_EXACT:
            product = frozenset(a + b for a in product for b in exact)
            continue
        broken = True
        if "" not in product:
            options.append(product)
        product = exact if exact is not None else frozenset({""})
        if required:
            options.append(required)
    if "" not in product:
        options.append(product)
    return (None if broken else product), max(options, key=_strength, default=None)


def _part(op: Any, arg: Any) -> tuple[Keys | None, Keys | None]:
    if op is _c.LITERAL:
        char = chr(arg).casefold()
        return frozenset({char}), frozenset({char})
    if op is _c.SUBPATTERN:
        return _node(list(arg[-1]))
    if op is _c.BRANCH:
        branches = [_node(list(b)) for b in arg[1]]
        exacts = [e for e, _ in branches if e is not None]
        requireds = [r for _, r in branches if r is not None]
        exact: Keys | None = None
        if len(exacts) == len(branches):
            exact = frozenset().union(*exacts)
            exact = exact if len(exact) <= MAX_EXACT else None
        if len(requireds) < len(branches):
            return exact, None  # one branch needs no literal: the alternation needs none
        return exact, frozenset().union(*requireds)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, high, inner = arg
        sub_exact, sub_required = _node(list(inner))
        if low == 0 and high == 1 and sub_exact is not None:
            return sub_exact | {""}, None  # optional: "" or the part
        return None, sub_required if low >= 1 else None
    if op is _c.AT:
        return frozenset({""}), None  # an anchor matches no character
    return None, None  # character classes, lookarounds: no literal required


def _strength(keys: Keys) -> tuple[int, int]:
    """Prefer key sets whose shortest key is longest (rarer in text), then smaller sets."""
    return (min(len(k) for k in keys), -len(keys))


class Prefilter:
    """Does any of ``patterns`` match a text? Each pattern's regex runs only on texts that
    contain one of its keys, so most texts cost a few substring tests and no regex at all.

    ``narrow(paragraph)`` keeps only the keys the paragraph contains: its sentences are then
    tested against those few instead of every key of the lexicon.
    """

    def __init__(
        self,
        patterns: Iterable[re.Pattern[str]],
        _entries: list[tuple[re.Pattern[str], tuple[str, ...] | None]] | None = None,
    ) -> None:
        if _entries is None:
            _entries = []
            for pattern in patterns:
                keys = required_keys(pattern)
                _entries.append((pattern, None if keys is None else tuple(sorted(keys))))
        self.entries = _entries

    def narrow(self, text: str) -> Prefilter:
        """The same test for substrings of ``text``: patterns none of whose keys it
        contains are dropped, and so are the keys it does not contain."""
        folded = text.casefold()
        entries = []
        for pattern, keys in self.entries:
            present = None if keys is None else tuple(k for k in keys if k in folded)
            if present is None or present:
                entries.append((pattern, present))
        return Prefilter((), entries)

    def search(self, text: str) -> bool:
        folded = text.casefold()
        for pattern, keys in self.entries:
            if keys is not None and not any(k in folded for k in keys):
                continue
            if pattern.search(text):
                return True
        return False


__all__ = ["Prefilter", "required_keys"]
