"""The gate: run the full spaCy model only on the text that could report an event.

The extractor makes drafts only from sentences holding a trigger or statement cue of
``dateline.extract.lexicon``; everything else in an article is read for words, not
syntax (actor names, toponyms from the gazetteer, dates from their own parser). Most of a
news article is quotes, background and boilerplate, so parsing all of it costs most of the
pipeline's time for nothing. The gate splits each article into chunks that partition its
text: each sentence a lexicon pattern matches, with ``context`` words either side, goes
through the full model; the rest only through the tokenizer and a rule-based sentence
splitter. The chunks are joined back into one ``Doc`` whose text is exactly the article's,
so every character offset, and every consumer downstream, is unchanged.

It is conservative by construction: it tests every trigger and statement pattern (behind
the literal prefilter of ``prefilter.py``) on whole rough sentences, a superset of what the
extractor finds in spaCy's sentences, and an article with no match produces no mention.
What it does change is the entities of unread text: spaCy's NER no longer runs there, and
the toponym resolver, which reads every place name of the article as context, can then
settle an ambiguous name differently (docs/bench/speed.md lists the cases measured).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dateline.annotate.layout import paragraphs
from dateline.annotate.prefilter import Prefilter

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Words of context parsed on each side of a sentence that passes the gate: the parser sees
#: what it would see in the whole text around the sentence's edges, so it draws the same
#: sentence boundaries there, not the rough splitter.
CONTEXT = 8
_WORD = re.compile(r"\S+")
#: Runs of non-space or of space characters: the shallow tokens of unread text.
_RUN = re.compile(r"\S+|\s+")
#: A likely sentence end inside a paragraph: final punctuation, closing quotes, space, then
#: a capital, a digit or an opening quote. Only used to cut chunks, never as evidence.
_ROUGH_END = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
#: Words ending in a full stop that do not end a sentence ("Mr. Smith", "U.S. forces").
_ABBREVIATION = re.compile(
    r"(?:\b[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt|Maj|Brig|Adm|Cmdr|Gov|Sen|Rep|"
    r"Prof|Rev|St|Jr|Sr|No|Nos|Vol|Inc|Corp|Co|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|"
    r"Oct|Nov|Dec|vs|etc|approx|est|Ave|Blvd|Mt|Ft))\.$"
)


@dataclass(frozen=True)
class Chunk:
    """A piece of an article's text, ``[start, end)``, and whether the full model reads it."""

    start: int
    end: int
    read: bool


@functools.lru_cache(maxsize=1)
def gate() -> Prefilter:
    """The lexicon's trigger and statement patterns behind their literal prefilter."""
    from dateline.extract.lexicon import lexicon

    lex = lexicon()
    return Prefilter([r.pattern for r in lex.triggers] + [s.pattern for s in lex.statements])


def may_hold_event(text: str) -> bool:
    """False when the gate would let the model read nothing of the article ``text``.

    The answer is the plan's (any chunk read), so an article is scanned once: the plan is
    kept (``_planned``) for the ``parse`` that follows. The plan tests every trigger and
    statement cue on each paragraph and rough sentence: an article whose only matches span a
    paragraph break or several rough sentences yields no mention either, since the
    extractor's sentences never span a paragraph.
    """
    return any(chunk.read for chunk in _planned(text, CONTEXT))


def rough_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` by punctuation; each span keeps its trailing
    space, so the spans partition the range."""
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _ROUGH_END.finditer(text, start, end):
        if _ABBREVIATION.search(text, max(pos, m.start() - 12), m.start() + 1):
            continue
        spans.append((pos, m.end()))
        pos = m.end()
    if pos < end:
        spans.append((pos, end))
    return spans


def plan(text: str, *, context: int = CONTEXT) -> list[Chunk]:
    """Chunks partitioning ``text``: the gated sentences with context to read, the rest not.

    A paragraph with no match is skipped whole; in one that matches, each rough sentence
    that matches is read with ``context`` words either side (within the paragraph). Chunks
    begin and end at word starts, so each tokenizes as it would inside the whole text.
    """
    return list(_planned(text, context))


#: Plans kept for the articles of the batches in flight: the pipeline asks
#: ``may_hold_event`` of each article of a batch, then ``parse``s the batch, and both read
#: the same plan. A few hundred covers any batch size the pipeline uses.
PLAN_CACHE = 512


@functools.lru_cache(maxsize=PLAN_CACHE)
def _planned(text: str, context: int) -> tuple[Chunk, ...]:
    """``plan``, computed once per article text (a tuple: the cached value is shared)."""
    spans: list[tuple[int, int]] = []  # read spans, in order
    article_gate = gate().narrow(text)
    paras = paragraphs(text)
    for i, (p_start, _) in enumerate(paras):
        start = 0 if i == 0 else p_start
        end = paras[i + 1][0] if i + 1 < len(paras) else len(text)
        para_gate = article_gate.narrow(text[start:end])
        if not para_gate.search(text[start:end]):
            continue
        words = [m.start() for m in _WORD.finditer(text, start, end)]
        sents = rough_sentences(text, start, end)
        hits = [para_gate.search(text[s:e]) for s, e in sents]
        for j in range(len(sents) - 1):
            # a match across a rough boundary the parser may not draw ("warned ... . It
            # could strike"): read both sentences and let the parser decide
            if (
                not hits[j]
                and not hits[j + 1]
                and para_gate.search(text[sents[j][0] : sents[j + 1][1]])
            ):
                hits[j] = hits[j + 1] = True
        for (s, e), hit in zip(sents, hits, strict=True):
            if not hit:
                continue
            first, after = bisect.bisect_left(words, s), bisect.bisect_left(words, e)
            lo = words[first - context] if first - context >= 0 else start
            hi = words[after + context] if after + context < len(words) else end
            if hi <= lo:
                continue
            if spans and lo <= spans[-1][1]:
                spans[-1] = (spans[-1][0], hi)
            else:
                spans.append((lo, hi))
    chunks: list[Chunk] = []
    pos = 0
    for lo, hi in spans:
        if lo > pos:
            chunks.append(Chunk(pos, lo, False))
        chunks.append(Chunk(lo, hi, True))
        pos = hi
    if pos < len(text) or not chunks:
        chunks.append(Chunk(pos, len(text), False))
    return tuple(chunks)


def read_share(texts: Iterable[str], *, context: int = CONTEXT) -> float:
    """Share of characters the full model reads under the gate."""
    total = read = 0
    for text in texts:
        total += len(text)
        read += sum(c.end - c.start for c in _planned(text, context) if c.read)
    return read / total if total else 0.0


def parse(
    texts: Sequence[str],
    nlp: Language | None = None,
    *,
    gate: bool = True,
    context: int = CONTEXT,
    batch_size: int = 16,
) -> Iterator[Doc]:
    """One ``Doc`` per text, in order; with ``gate`` the model reads only the gated chunks.

    Without the gate this is ``nlp.pipe(texts)``: the reference the gate must reproduce.
    """
    if nlp is None:
        from dateline.nlp import load_nlp

        nlp = load_nlp()
    if not gate:
        yield from nlp.pipe(texts, batch_size=batch_size, disable=_skipped(nlp))
        return
    plans = [_planned(t, context) for t in texts]
    to_read = [t[c.start : c.end] for t, p in zip(texts, plans, strict=True) for c in p if c.read]
    # chunks are a few sentences, far shorter than articles: batch more of them per call
    parsed = iter(nlp.pipe(to_read, batch_size=4 * batch_size, disable=_skipped(nlp)))
    for text, chunks in zip(texts, plans, strict=True):
        parts = [next(parsed) if c.read else _shallow(nlp, text[c.start : c.end]) for c in chunks]
        yield join(parts)


def _skipped(nlp: Language) -> list[str]:
    """Components of ``nlp`` the extractor never reads (``dateline.nlp.PARSE_SKIPS``)."""
    from dateline.nlp import PARSE_SKIPS

    return [name for name in PARSE_SKIPS if name in nlp.pipe_names]


def _shallow(nlp: Language, text: str) -> Doc:
    """Words split at whitespace, and sentences from the rough splitter: all that is read
    of text the gate keeps from the model.

    Nothing downstream reads these tokens, only the character offsets of the sentences
    (``annotate.sentence_spans``: where each starts, where its last non-space token ends,
    which tokens are whitespace). Those are the same as with spaCy's tokenizer, which also
    splits at every whitespace character and only further splits the words, so the
    tokenizer's affix rules are not run here.
    """
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    offsets: list[int] = []
    for m in _RUN.finditer(text):
        piece, at = m.group(), m.start()
        if piece[0] == " " and words and not spaces[-1] and not words[-1].isspace():
            spaces[-1] = True  # one space after a word is its trailing whitespace
            piece, at = piece[1:], at + 1
        if piece:
            words.append(piece)
            spaces.append(False)
            offsets.append(at)
    if not words:
        return Doc(nlp.vocab, words=[])
    starts = {s for s, _ in rough_sentences(text, 0, len(text))}
    firsts: list[bool | int | None] = [i == 0 or at in starts for i, at in enumerate(offsets)]
    return Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=firsts)


def _sent_start_column(first: Any) -> Any:
    """spaCy's SENT_START values (1 starts a sentence, -1 does not) as its uint64 column."""
    import numpy

    return numpy.where(first, 1, -1).astype("int64").astype("uint64")


#: Token attributes the joined Doc carries over from its parts: what the extractor and the
#: toponym finder read (tags, the dependency tree, entities), and the tokenizer's norms.
_CARRIED = ("TAG", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "NORM")


def join(parts: Sequence[Doc]) -> Doc:
    """Concatenate docs whose texts partition one article, keeping each part's sentences.

    Built from arrays, not with ``Doc.from_docs``, which makes a Python object for every
    token of the article several times over (about a tenth of the pipeline's time under
    cProfile). The words and the attributes of ``_CARRIED`` are copied as columns; heads are
    relative offsets, so they survive the concatenation. The heads make every unparsed
    token a sentence of its own, so each part's own sentence starts are written back
    afterwards, and each part starts a sentence.
    """
    if len(parts) == 1:
        return parts[0]
    import numpy
    from spacy.attrs import IDS, ORTH, SENT_START, SPACY
    from spacy.tokens import Doc

    parts = [part for part in parts if len(part)] or list(parts[:1])
    vocab = parts[0].vocab
    strings = vocab.strings
    columns = [ORTH, SPACY, SENT_START] + [IDS[name] for name in _CARRIED]
    table = numpy.concatenate([part.to_array(columns) for part in parts])
    firsts = table[:, 2].astype("int64") == 1
    for offset in numpy.cumsum([0] + [len(part) for part in parts[:-1]]):
        firsts[offset] = True
    words = [strings[orth] for orth in table[:, 0].tolist()]
    doc = Doc(vocab, words=words, spaces=table[:, 1].astype(bool).tolist())
    carried: Any = table[:, 2:]  # a numpy view; spaCy's stubs want its Ints2d alias
    doc.from_array([SENT_START] + [IDS[name] for name in _CARRIED], carried)
    doc.from_array([SENT_START], _sent_start_column(firsts))
    return doc


__all__ = [
    "CONTEXT",
    "Chunk",
    "gate",
    "join",
    "may_hold_event",
    "parse",
    "plan",
    "read_share",
    "rough_sentences",
]
