"""Event-type classification: which of dateline's 30 sub-event types a sentence reports.

Transparent lexicon rules (``data/classify/lexicon.yaml``) work together with a small linear
model over all-MiniLM-L6-v2 sentence embeddings (``data/classify/model.npz``, rebuilt by
``scripts/train_classifier.py``). Everything runs on CPU from package data; nothing downloads.

    >>> from dateline.extract.classify import classify
    >>> classify(["A suicide bomber blew himself up at a checkpoint."])[0].sub_event_type
    'Suicide bomb'
"""

from __future__ import annotations

from dateline.extract.classify.classifier import Classifier, Prediction, classify
from dateline.extract.classify.labels import case_label, from_case_label

__all__ = ["Classifier", "Prediction", "case_label", "classify", "from_case_label"]
