"""One pass of linguistic annotation per article, shared by every extraction rule.

``annotate`` runs (or reuses) the spaCy parse and the grounding finders once, so the
extractor's rules read sentences, time expressions, toponyms and numbers from one object
instead of re-parsing the text for each question they ask. spaCy objects stay inside this
object and the extractor: the records it produces are plain dataclasses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from dateline.annotate.fallback import find_places, find_timexes
from dateline.records import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass
class Annotated:
    """An article with everything the extractor reads, offsets all into ``article.text``."""

    article: Article
    doc: Doc
    sentences: list[Span]
    timexes: list[Any]  # dateline.ground.time.Timex
    toponyms: list[Any]  # dateline.ground.place.Toponym
    numbers: list[Span]
    paragraphs: list[tuple[int, int]] = field(default_factory=list)

    def paragraph_of(self, offset: int) -> int:
        """Index of the paragraph holding character ``offset``."""
        for i, (start, end) in enumerate(self.paragraphs):
            if start <= offset < end:
                return i
        return len(self.paragraphs) - 1

    def timexes_in(self, start: int, end: int) -> list[Any]:
        return [t for t in self.timexes if start <= t.start and t.end <= end]

    def toponyms_in(self, start: int, end: int) -> list[Any]:
        return [t for t in self.toponyms if start <= t.start and t.end <= end]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans split at blank lines (a single newline also ends one in dense text)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans or [(0, len(text))]


def annotate(article: Article, doc: Doc | None = None) -> Annotated:
    """Parse ``article`` (unless ``doc`` is given) and find its timexes and toponyms once."""
    if doc is None:
        from dateline.nlp import load_nlp

        doc = load_nlp()(article.text)
    timexes = find_timexes(article.text, article.published)
    toponyms = find_places(article.text, doc)
    numbers = [e for e in doc.ents if e.label_ in ("CARDINAL", "QUANTITY")]
    return Annotated(
        article, doc, list(doc.sents), timexes, toponyms, numbers, paragraphs(article.text)
    )


__all__ = ["Annotated", "annotate", "paragraphs"]
