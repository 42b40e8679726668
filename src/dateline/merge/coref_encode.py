"""Contextual vectors for event mentions from the numpy MiniLM encoder.

Whether two mentions corefer depends on the trigger *in its sentence* ("attack" on a
hospital vs "attack" of a shark), so one forward pass per sentence yields, for every mention
in it, the mean hidden state of the trigger's word pieces, plus the sentence vector itself
(mean pooling over the whole sentence, as sentence-transformers does). Input is the gold
tokenisation, passed pre-tokenised, so word pieces map back to token positions exactly.

:func:`trigger_arguments` reads the trigger's slots from the dependency parse: who did it,
to whom, where, when, how many. Two "arrest"s in one story are the same event when their
arguments agree and different ones when they name different people or figures, which the
sentence-level name sets cannot tell apart once a sentence holds two events.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from dateline.embed import DIM, load_model, padded


def _unit(x: np.ndarray) -> np.ndarray:
    return x / np.maximum(np.linalg.norm(x, axis=-1, keepdims=True), 1e-9)


def encode_spans(
    sentences: Sequence[Sequence[str]],
    spans: Sequence[Sequence[Sequence[int]]],
    batch_size: int = 16,
) -> tuple[np.ndarray, list[np.ndarray]]:
    """Sentence vectors (S, 384) and, per sentence, span vectors (k_s, 384), all unit length.

    ``sentences[s]`` is a list of words; ``spans[s]`` lists the word positions of each mention
    in sentence ``s``. A span cut off by the 128-piece limit falls back to the sentence vector.
    """
    from threadpoolctl import threadpool_limits

    model = load_model()
    sent_out = np.zeros((len(sentences), DIM), dtype=np.float32)
    span_out = [np.zeros((len(s), DIM), dtype=np.float32) for s in spans]
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
    with threadpool_limits(limits=1, user_api="blas"):
        for start in range(0, len(order), batch_size):
            idx = order[start : start + batch_size]
            words = [[w or "_" for w in sentences[i]] for i in idx]
            encs = model.tokenizer.encode_batch(words, is_pretokenized=True)
            ids, mask = padded(encs)
            hidden = model.forward(ids, mask)
            for row, (i, enc) in enumerate(zip(idx, encs, strict=True)):
                n_real = int(mask[row].sum())
                sent = _unit(hidden[row, :n_real].mean(axis=0))
                sent_out[i] = sent
                pieces: dict[int, list[int]] = {}
                for p, w in enumerate(enc.word_ids):
                    if w is not None:
                        pieces.setdefault(w, []).append(p)
                for k, span in enumerate(spans[i]):
                    pos = [p for w in span for p in pieces.get(w, [])]
                    span_out[i][k] = _unit(hidden[row, pos].mean(axis=0)) if pos else sent
    return sent_out, span_out


#: Dependency labels of a trigger's participants and circumstances (spaCy's English scheme).
ARGUMENT_DEPS = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "dobj",
        "obj",
        "agent",
        "attr",
        "dative",
        "pobj",
        "poss",
        "compound",
        "npadvmod",
        "nmod",
        "appos",
        "oprd",
        "nummod",
    }
)
#: Prepositions whose object is a participant or circumstance of the trigger.
_PREP_DEPS = frozenset({"prep", "agent"})
#: NER labels -> argument slot; content words of other arguments go to "words".
ARGUMENT_SLOTS = {
    "DATE": "time",
    "TIME": "time",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "PERSON": "name",
    "ORG": "name",
    "NORP": "name",
    "CARDINAL": "number",
    "QUANTITY": "number",
    "MONEY": "number",
    "ORDINAL": "number",
}
SLOTS = ("words", "name", "place", "time", "number")
_FUNCTION_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PART", "PUNCT", "AUX"})
_CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "relcl", "conj", "parataxis", "acl", "csubj"})


def _fillers(token, skip: int = -1) -> list:  # spacy Token -> list[Token]
    """Direct arguments of ``token`` and the objects of its prepositions."""
    out: list = []
    for child in token.children:
        if child.i == skip:
            continue
        if child.dep_ in _PREP_DEPS:
            out.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
        elif child.dep_ in ARGUMENT_DEPS or (child.dep_ == "amod" and child.ent_type_):
            out.append(child)
    return out


def _argument_heads(head) -> list:  # spacy Token -> list[Token]
    """Tokens filling the trigger's slots: its own arguments; for a noun trigger that is
    itself an argument ("the quake struck Padang") the other arguments of its verb; for a
    verb hanging off another ("..., killing 300") the arguments of the governing verb."""
    out = _fillers(head)
    gov = head.head
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
        gov = gov.head if head.dep_ == "pobj" else gov
        if gov.pos_ in ("VERB", "AUX") and gov is not head:
            out.extend(_fillers(gov, skip=head.i))
    elif head.pos_ == "VERB" and head.dep_ in ("advcl", "xcomp", "conj") and gov is not head:
        out.extend(_fillers(gov, skip=head.i))
    if head.dep_ in ("acl", "relcl", "amod", "appos") and gov is not head:
        out.append(gov)  # "the man arrested", "the arrested man"
    return out


def _local_subtree(token) -> list:  # spacy Token -> list[Token]
    """The argument's phrase without embedded clauses (which are other events' business)."""
    out, stack = [], [token]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in _CLAUSAL)
    return out


def trigger_arguments(head) -> dict[str, frozenset[str]]:  # head: spacy Token
    """Slot -> lower-cased content words of the trigger's arguments in the parse.

    ``words`` holds the lemmas of argument head nouns ("police", "suspect"); the named slots
    hold the words of entities inside the argument phrases, by NER label (:data:`ARGUMENT_SLOTS`),
    including day names and number words ("Monday", "two") a general stop list would drop.
    """
    out: dict[str, set[str]] = {s: set() for s in SLOTS}
    for arg in _argument_heads(head):
        if arg.pos_ in ("NOUN", "PROPN") and not arg.ent_type_ and not arg.is_stop:
            lemma = arg.lemma_.lower()
            if lemma.isalpha():
                out["words"].add(lemma)
        for tok in _local_subtree(arg):
            slot = ARGUMENT_SLOTS.get(tok.ent_type_)
            if slot and tok.pos_ not in _FUNCTION_POS and any(ch.isalnum() for ch in tok.text):
                out[slot].add(tok.text.lower())
    return {s: frozenset(v) for s, v in out.items()}


__all__ = ["ARGUMENT_SLOTS", "SLOTS", "encode_spans", "trigger_arguments"]
