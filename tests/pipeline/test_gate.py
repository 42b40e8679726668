"""The gate: the model reads only sentences that could report an event, and the extractor's
output does not change (``dateline.annotate.gate``, ``dateline.annotate.prefilter``)."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.annotate.gate import (
    gate,
    may_hold_event,
    parse,
    plan,
    read_share,
    rough_sentences,
)
from dateline.annotate.prefilter import Prefilter, required_keys
from dateline.extract.lexicon import lexicon
from dateline.records import Article, DateInterval

ARTICLE = (
    "Rockets hit US base in western Iraq\n\n"
    "BAGHDAD (Wire) — Five rockets struck the Ain al-Asad air base in Anbar province on "
    "Tuesday, wounding two contractors, officials said. The base hosts American troops.\n\n"
    "The minister of trade met economists in Basra to discuss the price of dates. "
    "Exports of dates rose by a fifth last year, the ministry said. Mr. Hassan praised "
    "farmers in the south.\n\n"
    "No group claimed responsibility for the attack, but Kataib Hezbollah was blamed. "
    "The weather in Baghdad was mild."
)


def _article(text: str = ARTICLE) -> Article:
    published = DateInterval(dt.date(2020, 1, 8), dt.date(2020, 1, 8), "day", "test")
    return Article(
        article_id="art_gate",
        url=None,
        outlet="Wire",
        title="Rockets hit US base in western Iraq",
        text=text,
        published=published,
    )


# -- the literal prefilter ------------------------------------------------------------------
def test_keys_multiply_out_short_alternations() -> None:
    # "denying" contains "deny": one test finds both
    assert required_keys(re.compile(r"den(?:ied|ies|y|ying)")) == {"denied", "denies", "deny"}


def test_keys_stop_at_classes_and_optional_parts() -> None:
    assert required_keys(re.compile(r"fired (?:\w+ )?at")) == {"fired "}
    assert required_keys(re.compile(r"(?:US|U\.S\.) strikes?", re.I)) == {
        "us strike",
        "u.s. strike",
    }
    assert required_keys(re.compile(r"\w+ed")) == {"ed"}
    assert required_keys(re.compile(r"a|\w+")) is None  # one branch needs no literal


def test_prefilter_narrowed_to_a_paragraph() -> None:
    pf = Prefilter([re.compile(r"\brockets?\b", re.I), re.compile(r"\bclash(?:ed|es)?\b", re.I)])
    para = pf.narrow("Rockets struck the base. Officials met.")
    assert [p.pattern for p, _ in para.entries] == [r"\brockets?\b"]
    assert para.search("Rockets struck the base.")
    assert not para.search("Officials met.")
    assert not pf.search("the pocket rocketry fair")  # key found, regex says no


_WORDS = [
    "rocket",
    "rockets",
    "Attack",
    "attacked",
    "killed",
    "denied",
    "claimed",
    "responsibility",
    "the",
    "air",
    "strike",
    "airstrikes",
    "tear",
    "gas",
    "fired",
    "at",
    "protesters",
    "said",
    "they",
    "had",
    "launched",
    "bomb",
    "exploded",
    "met",
    "with",
    "talks",
    "in",
    "Baghdad",
    "market",
    "prices",
    "US",
    "U.S.",
    "drone",
    "-",
    ",",
    ".",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=14), st.sampled_from([" ", "  ", "\n"]))
def test_prefilter_never_misses_a_lexicon_match(words: list[str], sep: str) -> None:
    """Whatever the text, a lexicon pattern that matches it passes the prefilter."""
    text = sep.join(words)
    lex = lexicon()
    patterns = [r.pattern for r in lex.triggers] + [s.pattern for s in lex.statements]
    assert gate().search(text) == any(p.search(text) for p in patterns)
    assert gate().narrow(text).search(text) == gate().search(text)


# -- the plan: which chunks the model reads -------------------------------------------------
def test_plan_reads_trigger_sentences_with_context_only() -> None:
    chunks = plan(ARTICLE, context=3)
    read = [ARTICLE[c.start : c.end] for c in chunks if c.read]
    skipped = [ARTICLE[c.start : c.end] for c in chunks if not c.read]
    assert any("Five rockets struck the Ain al-Asad" in r for r in read)
    assert any("No group claimed responsibility" in r for r in read)
    assert any("price of dates" in s for s in skipped)
    assert not any("Exports of dates" in r for r in read)
    # three words of context after the lead sentence, read with it
    assert any(r.endswith("The base hosts ") for r in read)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("ab .\n\"'") + _WORDS[:8] + ["\n\n", ". "]), max_size=80))
def test_plan_partitions_any_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    chunks = plan(text)
    assert chunks[0].start == 0 and chunks[-1].end == len(text)
    assert all(a.end == b.start for a, b in itertools.pairwise(chunks))
    assert all(c.end > c.start for c in chunks) or text == ""


def test_rough_sentences_keep_abbreviations_inside() -> None:
    text = "Mr. Smith met U.S. envoys. Then he left."
    assert [text[s:e] for s, e in rough_sentences(text, 0, len(text))] == [
        "Mr. Smith met U.S. envoys. ",
        "Then he left.",
    ]


def test_article_without_trigger_is_not_read() -> None:
    text = "Date prices rose in Basra.\n\nFarmers were pleased with the harvest."
    assert not may_hold_event(text)
    assert [c.read for c in plan(text)] == [False]
    assert read_share([text]) == 0.0


# -- the joined Doc and the extractor -------------------------------------------------------
@pytest.mark.slow
def test_gated_doc_keeps_text_offsets_and_sentences(nlp) -> None:
    doc = next(parse([ARTICLE], nlp))
    assert doc.text == ARTICLE
    sents = [s.text.strip() for s in doc.sents]
    assert "Exports of dates rose by a fifth last year, the ministry said." in sents
    assert "Mr. Hassan praised farmers in the south." in sents
    ents = {e.text for e in doc.ents}
    assert "Anbar" in ents or "Anbar province" in ents
    assert "Basra" not in ents  # an unread paragraph gets no NER


@pytest.mark.slow
def test_gate_leaves_extraction_unchanged(nlp) -> None:
    from dateline.extract import extract_article

    article = _article()
    full = extract_article(article, nlp(ARTICLE))
    gated = extract_article(article, next(parse([ARTICLE], nlp)))
    assert gated == full
    assert any(m.sub_event_type == "Shelling/artillery/missile attack" for m in gated)


@pytest.mark.slow
def test_pipeline_batch_with_and_without_gate() -> None:
    from dateline.pipeline import _extract_batch

    articles = [_article(), _article("Date prices rose in Basra.\n\nFarmers were pleased.")]
    gated = _extract_batch(articles, gate=True)
    full = _extract_batch(articles, gate=False)
    assert gated == full
    assert gated[1][1] == []


# -- second pass: cheaper Docs, no attribute ruler -------------------------------------------
WHITESPACE_TEXT = (
    "The minister met economists in Basra.  Exports rose\u00a0by a fifth.\n"
    "Mr. Hassan praised farmers \n\n  in the south. 12 dates, 3 kg."
)


def _sentence_offsets(doc) -> list[tuple[int, int]]:
    from dateline.annotate import paragraphs, sentence_spans

    return [(s.start_char, s.end_char) for s in sentence_spans(doc, paragraphs(doc.text))]


def test_shallow_doc_has_the_tokenizers_sentence_offsets(nlp) -> None:
    """Unread text is split at whitespace only; the sentences the extractor reads from it
    (their character offsets, whitespace trimmed, cut at paragraphs) are the same as with
    spaCy's tokenizer and the rough splitter."""
    import numpy
    from spacy.attrs import IDX, SENT_START

    from dateline.annotate.gate import _sent_start_column, _shallow

    shallow = _shallow(nlp, WHITESPACE_TEXT)
    reference = nlp.make_doc(WHITESPACE_TEXT)
    starts = [s for s, _ in rough_sentences(WHITESPACE_TEXT, 0, len(WHITESPACE_TEXT))]
    first = numpy.isin(reference.to_array([IDX]).reshape(-1), starts)
    first[0] = True
    reference.from_array([SENT_START], _sent_start_column(first))
    assert shallow.text == WHITESPACE_TEXT
    assert [t.text for t in shallow if not t.is_space][:3] == ["The", "minister", "met"]
    assert _sentence_offsets(shallow) == _sentence_offsets(reference)
    assert len(_sentence_offsets(shallow)) == 5  # the blank line cuts a sentence


def test_join_keeps_parsed_parts(nlp) -> None:
    """The joined Doc has the article's text, the parsed parts' entities and trees at the
    right offsets, and every part's sentences."""
    from dateline.annotate.gate import join

    text = ARTICLE
    doc = next(parse([text], nlp))
    assert doc.text == text
    parts = [nlp(text[c.start : c.end]) for c in plan(text)]
    joined = join(parts)
    assert joined.text == text
    offsets = [0]
    for part in parts[:-1]:
        offsets.append(offsets[-1] + len(part.text))
    expected = [
        (e.start_char + off, e.end_char + off, e.label_)
        for part, off in zip(parts, offsets, strict=True)
        for e in part.ents
    ]
    assert [(e.start_char, e.end_char, e.label_) for e in joined.ents] == expected
    rockets = next(t for t in joined if t.text == "rockets")
    assert rockets.dep_ == "nsubj" and rockets.head.text == "struck"
    n_sents = sum(len(list(p.sents)) for p in parts)
    assert len(list(joined.sents)) == n_sents


@pytest.mark.parametrize(
    "sentence",
    [
        "This killed three people in Basra on Tuesday.",
        "They said something had exploded near the base, and that was all.",
        "Nobody claimed the attack, which militants denied.",
        "Gunmen who opened fire were arrested by police.",
    ],
)
def test_pronoun_subjects_read_from_tags(nlp, sentence: str) -> None:
    """Without the attribute ruler, a subject is a pronoun exactly when the ruler would
    have said PRON."""
    from dateline.extract.roles import _is_pronoun

    doc = nlp(sentence)  # the full model, attribute ruler included
    subjects = [t for t in doc if t.dep_ in ("nsubj", "nsubjpass")]
    assert subjects
    for t in subjects:
        assert _is_pronoun(t) == (t.pos_ == "PRON"), t.text
