"""``dateline bench ecbplus PATH``: cross-document event coreference on ECB+ (gold mentions).

Setting (say so when quoting numbers): gold event mentions (ACTION_* and NEG_* markables in
the validated sentences of ``ECBplus_coreference_sentences.csv``), gold topic boundaries,
singletons kept, clusters scored over all documents of a topic at once (within- and
cross-document). The system is dateline's own: documents of a topic are first grouped into
stories with the article similarity used for merging (each ECB+ topic mixes two similar
real events), then mentions inside a story are joined when their trigger lemmas match.
Scores: MUC, B3, CEAF-e and CoNLL F1 from :mod:`dateline.merge.coref_metrics`.
Thresholds were tuned on the train topics only; the dev topics (2, 5, 12, 18, 21, 23, 34,
35, the standard split) are reported separately. The standard test topics 36-45 are not here.
"""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from dateline.merge.coref_metrics import conll
from dateline.merge.similarity import cosine_terms, weighted_terms

DEV_TOPICS = frozenset({2, 5, 12, 18, 21, 23, 34, 35})
#: Average-link threshold on lexical article similarity for grouping a topic's documents
#: into stories; tuned on the train topics (docs/bench/merge.md).
DOC_THRESHOLD = 0.25
ANCHORS = {"Held et al. 2021 (test topics 36-45)": 0.857}


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
    out = set()
    with open(root / "ECBplus_coreference_sentences.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out.add((f"{row['Topic']}_{row['File']}.xml", int(row["Sentence Number"])))
    return out


def read_doc(path: Path, validated: set[tuple[str, int]]) -> EcbDoc:
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
    root = Path(root)
    validated = read_validated(root)
    topics: dict[int, list[EcbDoc]] = defaultdict(list)
    for path in sorted((root / "ECB+").glob("*/*.xml")):
        doc = read_doc(path, validated)
        topics[doc.topic].append(doc)
    return dict(sorted(topics.items()))


def head_lemmas(docs: list[EcbDoc]) -> dict[str, str]:
    """Mention id -> lemma of its syntactic head (spaCy over the gold tokenisation)."""
    from spacy.tokens import Doc

    from dateline.nlp import load_nlp

    nlp = load_nlp(disable=())
    out: dict[str, str] = {}
    for doc in docs:
        by_sentence: dict[int, list[EcbMention]] = defaultdict(list)
        for m in doc.mentions:
            by_sentence[m.sentence].append(m)
        for sentence, mentions in by_sentence.items():
            pairs = doc.sentence_words(sentence)
            parsed = nlp(Doc(nlp.vocab, words=[w or "_" for _, w in pairs]))
            position = {t: i for i, (t, _) in enumerate(pairs)}
            for m in mentions:
                idx = [position[t] for t in m.tokens if t in position]
                span = {parsed[i] for i in idx}
                heads = [tok for tok in span if tok.head not in span or tok.head == tok]
                head = heads[0] if heads else parsed[idx[-1]]
                out[m.mention_id] = head.lemma_.lower()
    return out


def story_groups(docs: list[EcbDoc], threshold: float = DOC_THRESHOLD) -> dict[str, int]:
    """Average-link grouping of one topic's documents by lexical similarity."""
    terms = [weighted_terms(d.text) for d in docs]
    groups = [[i] for i in range(len(docs))]
    sim = {
        (i, j): cosine_terms(terms[i], terms[j])
        for i in range(len(docs))
        for j in range(i + 1, len(docs))
    }
    while True:
        best, pair = threshold, None
        for a in range(len(groups)):
            for b in range(a + 1, len(groups)):
                s = sum(sim[min(i, j), max(i, j)] for i in groups[a] for j in groups[b])
                s /= len(groups[a]) * len(groups[b])
                if s >= best:
                    best, pair = s, (a, b)
        if pair is None:
            break
        a, b = pair
        groups[a] += groups.pop(b)
    return {docs[i].name: g for g, members in enumerate(groups) for i in members}


def stem(lemma: str) -> str:
    """Crude suffix stripping so "explosion"/"explode" and "shooting"/"shoot" meet; it
    helped on the train topics (CoNLL F1 0.738 -> 0.746)."""
    for suffix in ("ation", "ing", "ment", "ion", "ed", "s"):
        if lemma.endswith(suffix) and len(lemma) - len(suffix) >= 3:
            return lemma[: -len(suffix)]
    return lemma


def predict(
    docs: list[EcbDoc],
    lemmas: dict[str, str],
    doc_threshold: float = DOC_THRESHOLD,
) -> list[frozenset[str]]:
    """Clusters of one topic's mentions: same story and same (stemmed) head lemma."""
    story = story_groups(docs, doc_threshold)
    clusters: dict[tuple[int, str], set[str]] = defaultdict(set)
    for d in docs:
        for m in d.mentions:
            clusters[(story[d.name], stem(lemmas[m.mention_id]))].add(m.mention_id)
    return [frozenset(c) for c in clusters.values()]


def evaluate(root: str | Path, doc_threshold: float = DOC_THRESHOLD) -> dict[str, dict]:
    """Scores for the train topics, the dev topics and all of them (clusters per topic)."""
    topics = read_corpus(root)
    lemmas = head_lemmas([d for docs in topics.values() for d in docs])
    parts: dict[str, tuple[list, list]] = {"train": ([], []), "dev": ([], []), "all": ([], [])}
    lemma_only: tuple[list, list] = ([], [])
    for topic, docs in topics.items():
        key: dict[str, set[str]] = defaultdict(set)
        for d in docs:
            for m in d.mentions:
                key[f"{topic}:{m.gold}"].add(m.mention_id)
        gold = [frozenset(c) for c in key.values()]
        pred = predict(docs, lemmas, doc_threshold)
        for name in ("dev" if topic in DEV_TOPICS else "train", "all"):
            parts[name][0].extend(gold)
            parts[name][1].extend(pred)
        if topic in DEV_TOPICS:
            lemma_only[0].extend(gold)
            lemma_only[1].extend(predict(docs, lemmas, doc_threshold=-1.0))
    out = {
        name: conll(k, r) | {"mentions": sum(len(c) for c in k)} for name, (k, r) in parts.items()
    }
    out["dev, same stemmed lemma, whole topic (baseline)"] = conll(*lemma_only) | {
        "mentions": sum(len(c) for c in lemma_only[0])
    }
    return out


@click.command("ecbplus")
@click.argument("path", type=click.Path(exists=True, file_okay=False))
@click.option("--doc-threshold", type=float, default=DOC_THRESHOLD, show_default=True)
def command(path: str, doc_threshold: float) -> None:
    """Event coreference on ECB+ topics 1-35 (gold mentions): MUC, B3, CEAF-e, CoNLL F1."""
    results = evaluate(path, doc_threshold)
    anchor = "; ".join(f"{k}: CoNLL F1 {v:.3f}" for k, v in ANCHORS.items())
    table = Table(
        title="ECB+ event coreference, gold mentions, gold topics (F1)",
        caption=f"anchor: {anchor}; tuned on train topics only",
    )
    for col in ("topics", "mentions", "MUC", "B3", "CEAF-e", "CoNLL F1"):
        table.add_column(col)
    for name, r in results.items():
        table.add_row(
            name, str(r["mentions"]), *(f"{r[m][2]:.3f}" for m in ("muc", "b3", "ceaf_e", "conll"))
        )
    Console().print(table)


if __name__ == "__main__":
    command()
