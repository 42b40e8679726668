"""One pass of linguistic annotation per article, shared by every extraction rule.

``annotate`` runs (or reuses) the spaCy parse and the grounding finders once, so the
extractor's rules read sentences, time expressions, toponyms and numbers from one object
instead of re-parsing the text for each question they ask. spaCy objects stay inside this
object and the extractor: the records it produces are plain dataclasses.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from dateline.annotate.layout import paragraphs
from dateline.ground.place import find_places
from dateline.ground.time import find_timexes
from dateline.records import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

#: A fragment that is only a dateline ("DUBAI (Gulf Dispatch) —"): it opens the next sentence.
_DATELINE_ONLY = re.compile(
    r"^\s*[A-Z][A-Za-z'’ .-]{1,40}(?:,\s*[A-Z][\w ]+)?\s*(?:\([^)]{1,60}\))?\s*[—–-]{1,2}\s*$"
)


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
    _gate: Any = field(default=None, init=False, repr=False, compare=False)

    def may_report(self, text: str) -> bool:
        """False when ``text`` (a piece of the article) holds no trigger or statement cue,
        so no event candidate: the gate's test, narrowed to the keys the article holds."""
        if self._gate is None:
            from dateline.annotate.gate import gate

            self._gate = gate().narrow(self.article.text)
        return bool(self._gate.search(text))

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


def annotate(article: Article, doc: Doc | None = None, *, gate: bool = True) -> Annotated:
    """Parse ``article`` (unless ``doc`` is given) and find its timexes and toponyms once.

    The parse goes through the gate (``dateline.annotate.gate``) unless ``gate=False``: the
    model reads only the sentences that could report an event, the offsets stay the same.
    """
    if doc is None:
        from dateline.annotate.gate import parse

        doc = next(parse([article.text], gate=gate))
    timexes = find_timexes(article.text, article.published)
    toponyms = find_places(article.text, doc)
    numbers = [e for e in doc.ents if e.label_ in ("CARDINAL", "QUANTITY")]
    paras = paragraphs(article.text)
    return Annotated(article, doc, sentence_spans(doc, paras), timexes, toponyms, numbers, paras)


def sentence_spans(doc: Doc, paras: list[tuple[int, int]]) -> list[Span]:
    """spaCy's sentences, cut at paragraph breaks and with a bare dateline joined to its lead.

    The parser often runs a headline into the first sentence of the body ("Rockets strike
    base\n\nBAGHDAD (Wire) — Five rockets struck..."), which would make the headline and
    the lead one piece of evidence; a paragraph break always ends a sentence.
    """
    starts = [s for s, _ in paras]
    cuts: list[tuple[int, int]] = []
    for sent in doc.sents:
        begin = sent.start
        para = bisect.bisect_right(starts, sent[0].idx)
        if bisect.bisect_right(starts, sent[-1].idx) == para:
            cuts.append((begin, sent.end))  # inside one paragraph: no token to look at
            continue
        for tok in sent[1:]:
            if tok.is_space:
                continue
            here = bisect.bisect_right(starts, tok.idx)
            if here != para:
                cuts.append((begin, tok.i))
                begin, para = tok.i, here
        cuts.append((begin, sent.end))
    spans = []
    for a, b in cuts:
        while b > a and doc[b - 1].is_space:
            b -= 1
        if b > a:
            spans.append(doc[a:b])
    merged: list[Span] = []
    for span in spans:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and _DATELINE_ONLY.match(prev.text)
            and bisect.bisect_right(starts, prev[0].idx) == bisect.bisect_right(starts, span[0].idx)
        ):
            merged[-1] = doc[prev.start : span.end]
        else:
            merged.append(span)
    return merged


__all__ = ["Annotated", "annotate", "paragraphs", "sentence_spans"]
