"""Pair features for event-mention coreference within one topic (a set of related articles).

Each feature answers one question an analyst asks before joining two mentions: is it the same
kind of happening (trigger lemma, its stem, string likeness, the trigger's contextual MiniLM
vector), told in the same situation (sentence vectors; the time, place and participant names
spaCy finds in each sentence), and in articles about the same story (document vectors,
lexical article similarity, a story grouping of the topic's articles)? Every feature is
computed for all pairs of a topic at once as an (n, n) matrix, so a topic of 400 mentions
costs milliseconds.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from dateline.merge.coref_lexicon import LEXICAL, LexicalPriors, lexical_features, load_priors
from dateline.merge.similarity import cosine_terms, weighted_terms
from dateline.merge.text import STOPWORDS

#: spaCy NER labels grouped by the role they play in telling two events apart.
ENTITY_CLASSES = {
    "time": ("DATE", "TIME"),
    "place": ("GPE", "LOC", "FAC"),
    "actor": ("PERSON", "ORG", "NORP"),
    "number": ("CARDINAL", "QUANTITY"),
}
#: Trigger argument slots (:func:`dateline.merge.coref_encode.trigger_arguments`) compared
#: across a pair. Names and places are pooled because spaCy often swaps GPE and ORG.
ARGUMENT_GROUPS = {
    "ent": ("name", "place"),
    "time": ("time",),
    "num": ("number",),
    "words": ("words",),
}
#: Documents of a topic whose average-link within-topic tf-idf similarity reaches this form one
#: story: adjusted Rand index 0.76 against the two seminal events of each ECB+ train topic
#: (0.66 for dateline's lexical similarity at its best threshold, 0.25).
STORY_THRESHOLD = 0.12

FEATURES = (
    "same_stem",
    "same_lemma",
    "lemma_ratio",
    "cos_trigger",
    "cos_sentence",
    "cos_word",
    "cos_doc",
    "lex_doc",
    "tfidf_doc",
    "same_doc",
    "same_sentence",
    "same_story",
    "same_pos",
    *(f"sent_{c}_{k}" for c in ENTITY_CLASSES for k in ("match", "clash")),
    *(f"doc_{c}_jaccard" for c in ENTITY_CLASSES),
    "stem_x_trigger",
    "story_x_trigger",
    "story_x_stem",
    *(f"arg_{c}_{k}" for c in ARGUMENT_GROUPS for k in ("match", "clash")),
    "arg_jaccard",
    "stem_x_arg_clash",
    "stem_x_arg_match",
    *LEXICAL,
)
#: Where the lexical-prior columns sit in :data:`FEATURES` (training swaps them per fold).
LEXICAL_COLUMNS = slice(len(FEATURES) - len(LEXICAL), len(FEATURES))
#: Second-stage features read off the first stage's (n, n) probabilities: the pair's own
#: log-odds and how alike the two mentions' links to everyone else are. Two "attack"s that
#: agree with the same twenty other mentions are one attack even if their own sentences
#: say little; a pair whose neighbours disagree is two.
SECOND_ORDER = (
    "p_logit",
    "p_row_cosine",
    "p_shared",
    "p_logit_x_row_cosine",
    "p_row_cosine_self",
    "p_shared_self",
)


@dataclass(frozen=True)
class MentionInfo:
    """One event mention: where it is, its head word and the names around it."""

    mention_id: str
    doc: str
    sentence: int
    lemma: str
    pos: str
    entities: dict[str, frozenset[str]]  # entity class -> lower-cased content words
    #: slot -> words of the trigger's own arguments (:func:`coref_encode.trigger_arguments`)
    arguments: dict[str, frozenset[str]] | None = None


@dataclass(frozen=True)
class DocInfo:
    name: str
    text: str
    vector: np.ndarray  # unit MiniLM vector of the article's opening
    entities: dict[str, frozenset[str]]


@dataclass(frozen=True)
class TopicInput:
    """Everything :func:`pair_features` needs for one topic; vectors are unit rows."""

    mentions: list[MentionInfo]
    docs: dict[str, DocInfo]
    trigger: np.ndarray | None  # (n, 384) contextual vector of each trigger
    sentence: np.ndarray | None  # (n, 384) vector of each mention's sentence
    word: np.ndarray | None = None  # (n, 384) vector of the mention's words out of context


def entity_sets(ents: list) -> dict[str, frozenset[str]]:
    """spaCy entity spans -> class -> set of their lower-cased content words."""
    out: dict[str, set[str]] = {c: set() for c in ENTITY_CLASSES}
    for ent in ents:
        for cls, labels in ENTITY_CLASSES.items():
            if ent.label_ in labels:
                words = (w.lower() for w in ent.text.split() if w.isalnum())
                out[cls].update(w for w in words if w not in STOPWORDS)
    return {c: frozenset(v) for c, v in out.items()}


def stem(lemma: str) -> str:
    """Crude suffix stripping so "explosion"/"explode" and "shooting"/"shoot" meet."""
    for suffix in ("ation", "ing", "ment", "ion", "ed", "s"):
        if lemma.endswith(suffix) and len(lemma) - len(suffix) >= 3:
            return lemma[: -len(suffix)]
    return lemma


def average_link_labels(sim: np.ndarray, threshold: float) -> list[int]:
    """Group labels from average-link clustering of a similarity matrix, cut at ``threshold``."""
    n = len(sim)
    if n < 2:
        return [0] * n
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    dist = np.clip(1.0 - sim, 0.0, None)
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - threshold, criterion="distance")
    return [int(x) for x in labels]


def story_labels(lex: np.ndarray, threshold: float = STORY_THRESHOLD) -> list[int]:
    """Story of each document from its lexical similarity to the others (average link)."""
    return average_link_labels(lex, threshold)


def _same(values: list) -> np.ndarray:
    ids: dict = {}
    arr = np.array([ids.setdefault(v, len(ids)) for v in values], dtype=np.int64)
    return (arr[:, None] == arr[None, :]).astype(np.float32)


def _set_features(sets: list[frozenset[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(match, clash, jaccard) matrices: both named something and it overlapped / did not."""
    n = len(sets)
    vocab: dict[str, int] = {}
    for s in sets:
        for w in s:
            vocab.setdefault(w, len(vocab))
    inc = np.zeros((n, max(1, len(vocab))), dtype=np.float32)
    for i, s in enumerate(sets):
        for w in s:
            inc[i, vocab[w]] = 1.0
    inter = inc @ inc.T
    size = inc.sum(axis=1)
    union = size[:, None] + size[None, :] - inter
    both = (size[:, None] > 0) & (size[None, :] > 0)
    match = (both & (inter > 0)).astype(np.float32)
    clash = (both & (inter == 0)).astype(np.float32)
    jaccard = np.where(union > 0, inter / np.maximum(union, 1.0), 0.0).astype(np.float32)
    return match, clash, jaccard


def topic_tfidf(terms: list[Counter[str]]) -> np.ndarray:
    """Cosine of sublinear tf-idf vectors with idf taken *within the topic*.

    Words every article of the topic shares ("earthquake", "rehab") get no weight, so what
    is left is what tells the topic's stories apart: names, places, dates, figures.
    """
    vocab: dict[str, int] = {}
    for t in terms:
        for w in t:
            vocab.setdefault(w, len(vocab))
    n = len(terms)
    tf = np.zeros((n, max(1, len(vocab))), dtype=np.float64)
    for i, t in enumerate(terms):
        for w, c in t.items():
            tf[i, vocab[w]] = 1.0 + np.log(c)
    df = (tf > 0).sum(axis=0)
    mat = tf * (np.log((1.0 + n) / (1.0 + df)) + 1.0)
    mat /= np.maximum(np.linalg.norm(mat, axis=1, keepdims=True), 1e-12)
    return (mat @ mat.T).astype(np.float32)


def doc_similarity(topic: TopicInput) -> tuple[list[str], dict[str, np.ndarray]]:
    """Document names and their similarity matrices: ``lex`` (dateline's article
    similarity), ``tfidf`` (within-topic idf) and ``dense`` (MiniLM of the openings)."""
    names = sorted(topic.docs)
    terms = [weighted_terms(topic.docs[d].text) for d in names]
    lex = np.eye(len(names), dtype=np.float32)
    for i in range(len(names)):
        for j in range(i + 1, len(names)):
            lex[i, j] = lex[j, i] = cosine_terms(terms[i], terms[j])
    vecs = np.stack([topic.docs[d].vector for d in names])
    dense = (vecs @ vecs.T).astype(np.float32)
    return names, {"lex": lex, "tfidf": topic_tfidf(terms), "dense": dense}


def pair_features(topic: TopicInput, priors: LexicalPriors | None = None) -> np.ndarray:
    """(n, n, len(FEATURES)) float32 features for every ordered pair of the topic's mentions.

    ``priors`` feed the :data:`LEXICAL` columns; by default the shipped ECB+ train priors.
    """
    from rapidfuzz.distance import Indel
    from rapidfuzz.process import cdist

    ms = topic.mentions
    n = len(ms)
    if n == 0:
        return np.zeros((0, 0, len(FEATURES)), dtype=np.float32)
    if topic.trigger is None or topic.sentence is None:
        raise ValueError("pair_features needs the trigger and sentence vectors")
    names, sims = doc_similarity(topic)
    where = {d: i for i, d in enumerate(names)}
    story = story_labels(sims["tfidf"])
    di = np.array([where[m.doc] for m in ms], dtype=np.int64)
    lemmas = [m.lemma for m in ms]
    cols: dict[str, np.ndarray] = {
        "same_stem": _same([stem(x) for x in lemmas]),
        "same_lemma": _same(lemmas),
        "lemma_ratio": cdist(lemmas, lemmas, scorer=Indel.normalized_similarity).astype(np.float32),
        "cos_trigger": topic.trigger @ topic.trigger.T,
        "cos_sentence": topic.sentence @ topic.sentence.T,
        "cos_word": topic.word @ topic.word.T if topic.word is not None else np.zeros((n, n)),
        "cos_doc": sims["dense"][di][:, di],
        "lex_doc": sims["lex"][di][:, di],
        "tfidf_doc": sims["tfidf"][di][:, di],
        "same_doc": _same([m.doc for m in ms]),
        "same_sentence": _same([(m.doc, m.sentence) for m in ms]),
        "same_story": _same([story[i] for i in di]),
        "same_pos": _same([m.pos for m in ms]),
    }
    for cls in ENTITY_CLASSES:
        match, clash, _ = _set_features([m.entities[cls] for m in ms])
        cols[f"sent_{cls}_match"], cols[f"sent_{cls}_clash"] = match, clash
        _, _, jac = _set_features([topic.docs[d].entities[cls] for d in names])
        cols[f"doc_{cls}_jaccard"] = jac[di][:, di]
    cols["stem_x_trigger"] = cols["same_stem"] * cols["cos_trigger"]
    cols["story_x_trigger"] = cols["same_story"] * cols["cos_trigger"]
    cols["story_x_stem"] = cols["same_story"] * cols["same_stem"]
    cols.update(argument_features(ms, cols["same_stem"]))
    lex = lexical_features([stem(x) for x in lemmas], priors or load_priors())
    cols.update({name: lex[..., i] for i, name in enumerate(LEXICAL)})
    out = np.stack([cols[f].astype(np.float32) for f in FEATURES], axis=-1)
    assert out.shape == (n, n, len(FEATURES))
    return out


def argument_features(ms: list[MentionInfo], same_stem: np.ndarray) -> dict[str, np.ndarray]:
    """Do the two triggers' own participants, times and figures agree or clash?

    Same lemma with clashing arguments ("arrested Smith" / "arrested Jones") is the pattern
    that marks two incidents of one kind inside one story, hence the interaction terms.
    """
    empty: frozenset[str] = frozenset()
    args = [m.arguments or {} for m in ms]
    cols: dict[str, np.ndarray] = {}
    for group, slots in ARGUMENT_GROUPS.items():
        sets = [frozenset().union(*(a.get(s, empty) for s in slots)) for a in args]
        match, clash, _ = _set_features(sets)
        cols[f"arg_{group}_match"], cols[f"arg_{group}_clash"] = match, clash
    every = [frozenset().union(*a.values()) if a else empty for a in args]
    cols["arg_jaccard"] = _set_features(every)[2]
    clash = np.maximum.reduce([cols[f"arg_{g}_clash"] for g in ("ent", "time", "num")])
    match = np.maximum.reduce([cols[f"arg_{g}_match"] for g in ARGUMENT_GROUPS])
    cols["stem_x_arg_clash"] = same_stem * clash
    cols["stem_x_arg_match"] = same_stem * match
    return cols


def _neighbour_agreement(p: np.ndarray, self_link: float) -> tuple[np.ndarray, np.ndarray]:
    """Row cosine and shared-neighbour mass of ``p`` with its diagonal set to ``self_link``."""
    q = p.astype(np.float64).copy()
    np.fill_diagonal(q, self_link)
    unit = q / np.maximum(np.linalg.norm(q, axis=1, keepdims=True), 1e-9)
    mass = q.sum(axis=1)
    shared = np.minimum(q[:, None, :], q[None, :, :]).sum(axis=-1)
    shared /= np.maximum(np.minimum(mass[:, None], mass[None, :]), 1e-9)
    return unit @ unit.T, shared


def second_order_features(p: np.ndarray) -> np.ndarray:
    """(n, n, len(SECOND_ORDER)) features of a symmetric probability matrix (diagonal 1).

    Neighbour agreement is measured twice: over the *other* mentions only (what the rest of
    the topic says about the pair; best on ECB+ train CV) and counting each mention as its own
    neighbour, so that a pair with no other mentions around still agrees with itself.
    """
    row_cos, shared = _neighbour_agreement(p, 0.0)
    row_cos_self, shared_self = _neighbour_agreement(p, 1.0)
    clipped = np.clip(p, 1e-6, 1.0 - 1e-6)
    logit = np.log(clipped / (1.0 - clipped))
    cols = [logit, row_cos, shared, logit * row_cos, row_cos_self, shared_self]
    return np.stack(cols, axis=-1).astype(np.float32)


__all__ = [
    "ARGUMENT_GROUPS",
    "ENTITY_CLASSES",
    "FEATURES",
    "LEXICAL_COLUMNS",
    "SECOND_ORDER",
    "DocInfo",
    "MentionInfo",
    "TopicInput",
    "argument_features",
    "average_link_labels",
    "doc_similarity",
    "entity_sets",
    "pair_features",
    "second_order_features",
    "stem",
    "story_labels",
    "topic_tfidf",
]
