"""The numpy MiniLM reproduces sentence-transformers' published similarities."""

from __future__ import annotations

import numpy as np
import pytest

from dateline.embed import DIM, embed

pytestmark = pytest.mark.slow  # loads 90 MB of weights


def test_shape_dtype_and_unit_length() -> None:
    vecs = embed(["Rockets hit the base.", "Protesters marched in Baghdad on Friday."])
    assert vecs.shape == (2, DIM)
    assert vecs.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)


def test_reproduces_published_similarity_matrix() -> None:
    # sentence-transformers quickstart, model all-MiniLM-L6-v2: 0.6660 / 0.1046 / 0.1411.
    vecs = embed(
        ["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."]
    )
    sims = vecs @ vecs.T
    assert sims[0, 1] == pytest.approx(0.6660, abs=2e-3)
    assert sims[0, 2] == pytest.approx(0.1046, abs=2e-3)
    assert sims[1, 2] == pytest.approx(0.1411, abs=2e-3)


def test_paraphrase_closer_than_unrelated() -> None:
    a, b, c = embed(
        [
            "A roadside bomb killed two soldiers in Helmand.",
            "Two troops died when an IED exploded by the road in Helmand province.",
            "The central bank raised interest rates by half a point.",
        ]
    )
    assert a @ b > 0.6
    assert a @ b > a @ c + 0.4


def test_batching_and_order_do_not_change_vectors() -> None:
    texts = ["short", "A much longer sentence about a drone strike near the airport.", "mid length"]
    together = embed(texts, batch_size=32)
    one_by_one = np.vstack([embed([t]) for t in texts])
    np.testing.assert_allclose(together, one_by_one, atol=1e-5)


def test_empty_input() -> None:
    assert embed([]).shape == (0, DIM)
