"""Event extraction: from one cleaned article to its event mentions, each with evidence.

``extract_article`` is the stage the pipeline calls. It reads the article once
(``dateline.annotate``), finds event candidates with the trigger lexicon
(``candidates``), fills each one's type, status, date, place, actors and counts from its
clause and context (``draft``, ``roles``, ``when_where``, ``counts``), folds the sentences
that tell the same event into one mention (``corefer``) and freezes the result
(``finalize``). Every field of every mention carries evidence: exact article spans.
"""

from __future__ import annotations

from dateline.extract.article import extract_article

__all__ = ["extract_article"]
