"""classify(): valid taxonomy names, rules named, deterministic (loads MiniLM: slow)."""

from __future__ import annotations

import numpy as np
import pytest

from dateline.extract.classify import Prediction, classify
from dateline.extract.classify.model import shipped_model
from dateline.records import EVENT_TYPE_OF

pytestmark = pytest.mark.slow

SENTENCES = [
    (
        "A suicide bomber blew himself up at an army checkpoint in Mogadishu, killing six.",
        "Suicide bomb",
    ),
    (
        "Islamic Resistance in Iraq claimed responsibility for the drone attack on the base.",
        "Attribution of responsibility",
    ),
    ("Thousands marched peacefully through Baghdad demanding early elections.", "Peaceful protest"),
    ("Police arrested four men suspected of smuggling weapons in Basra.", "Arrests"),
    (
        "Rockets struck near the US embassy in the Green Zone late on Sunday.",
        "Shelling/artillery/missile attack",
    ),
    (
        "Government forces recaptured the town from Islamic State militants after a week.",
        "Government regains territory",
    ),
    ("Iran summoned the British ambassador over the seizure of its tanker.", "Diplomatic event"),
]


def test_shipped_model_knows_all_30_types() -> None:
    assert set(shipped_model().classes) == set(EVENT_TYPE_OF)


def test_golden_sentences() -> None:
    preds = classify([s for s, _ in SENTENCES])
    assert [p.sub_event_type for p in preds] == [sub for _, sub in SENTENCES]


def test_predictions_are_valid_and_explained() -> None:
    preds = classify([s for s, _ in SENTENCES] + ["The minister opened a library."])
    for p in preds:
        assert isinstance(p, Prediction)
        assert EVENT_TYPE_OF[p.sub_event_type] == p.event_type
        assert 0.0 <= p.score <= 1.0
        assert p.source in {"rule", "model"}
        assert (p.rule is not None) == (p.source == "rule")
    assert preds[0].source == "rule" and "Suicide bomb" in (preds[0].rule or "")


def test_deterministic_and_batch_independent() -> None:
    texts = [s for s, _ in SENTENCES]
    first = classify(texts)
    assert classify(texts) == first
    assert [classify([t])[0].sub_event_type for t in texts] == [p.sub_event_type for p in first]


def test_context_is_optional_and_checked() -> None:
    assert classify([]) == []
    text = ["Dozens were killed in the attack on Saturday."]
    with_ctx = classify(text, context=["Warplanes bombed the market in the rebel-held town."])
    assert with_ctx[0].sub_event_type in EVENT_TYPE_OF
    with pytest.raises(ValueError):
        classify(text, context=[])


def test_scores_are_probabilities() -> None:
    from dateline.embed import embed
    from dateline.extract.classify.classifier import default_classifier

    texts = [s for s, _ in SENTENCES]
    proba = default_classifier().probabilities(texts, embed(texts))
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, atol=1e-5)
