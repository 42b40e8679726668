"""Contextual vectors for event mentions from the numpy MiniLM encoder.

Whether two mentions corefer depends on the trigger *in its sentence* ("attack" on a
hospital vs "attack" of a shark), so one forward pass per sentence yields, for every mention
in it, the mean hidden state of the trigger's word pieces, plus the sentence vector itself
(mean pooling over the whole sentence, as sentence-transformers does). Input is the gold
tokenisation, passed pre-tokenised, so word pieces map back to token positions exactly.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from dateline.embed import DIM, load_model


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
            width = max(len(e.ids) for e in encs)
            ids = np.zeros((len(encs), width), dtype=np.int64)
            mask = np.zeros((len(encs), width), dtype=np.float32)
            for row, enc in enumerate(encs):
                ids[row, : len(enc.ids)] = enc.ids
                mask[row, : len(enc.ids)] = 1.0
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


__all__ = ["encode_spans"]
