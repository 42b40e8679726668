"""``dateline bench case2021 PATH``: fine-grained event classification, CASE 2021 Task 2.

Scores the classifier on a CASE-format TSV (``id, snippet, label``) with the task's own rules:
one label per snippet, micro / macro / weighted F1 over labels, per subtask. The shipped model
is trained on CASE dev, so by default the figures are k-fold cross-validated: for each fold a
fresh model is trained on the other folds plus dateline's own sentences, and the held fold is
classified exactly as in production (model + lexicon rules). ``--model shipped`` scores the
shipped model as-is, which on dev is a training score and is labelled so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import click
import numpy as np

from dateline.extract.classify.classifier import Classifier, default_classifier
from dateline.extract.classify.labels import NONE_LABEL, case_label, case_map
from dateline.extract.classify.lexicon import default_lexicon
from dateline.extract.classify.model import featurize, train
from dateline.extract.classify.training import Example, own_sentences, read_case_tsv

#: Label sets per subtask: 1 = ACLED's 25, 2 = + the 3 Security types, 3 = all 30.
SUBTASK_EXTRA = {
    1: (),
    2: ("ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER"),
    3: ("DIPLO", "ATTRIB"),
}
#: Published anchors (full 1,019-snippet test set; see shared/bench/case2021/README.md).
ANCHORS = {
    ("best submitted system", 1): {"weighted": 0.839},
    ("best submitted system", 2): {"weighted": 0.797},
    ("best submitted system", 3): {"weighted": 0.771},
    ("LR over MiniLM, dev only (issue 3)", 3): {"weighted": 0.72},
}
SEED = 20261122


def subtask_labels(k: int) -> set[str]:
    """The CASE labels scored in subtask ``k``."""
    acled = {c for c in case_map() if c not in SUBTASK_EXTRA[2] + SUBTASK_EXTRA[3]}
    extra = set(SUBTASK_EXTRA[2]) if k >= 2 else set()
    return acled | extra | (set(SUBTASK_EXTRA[3]) if k >= 3 else set())


@dataclass(frozen=True)
class Scores:
    n: int
    micro: float
    macro: float
    weighted: float


def score(gold: Sequence[str], pred: Sequence[str], labels: set[str]) -> Scores:
    """F1 on the rows whose gold label is in ``labels`` (scikit-learn averaging semantics)."""
    from sklearn.metrics import f1_score

    rows = [(g, p) for g, p in zip(gold, pred, strict=True) if g in labels]
    g = [r[0] for r in rows]
    p = [r[1] for r in rows]
    kinds = ("micro", "macro", "weighted")
    # Plain f1_score defaults: labels are those of gold and predictions, so a snippet with no
    # event (NONE) or a label outside the subtask counts against micro and macro F1.
    f = {a: float(f1_score(g, p, average=a, zero_division=0)) for a in kinds}
    return Scores(len(rows), f["micro"], f["macro"], f["weighted"])


def _folds(labels: Sequence[str], k: int, seed: int) -> list[np.ndarray]:
    import warnings

    from sklearn.model_selection import StratifiedKFold

    skf = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    # Labels rarer than k cannot be stratified; StratifiedKFold warns and spreads them anyway.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return [test for _, test in skf.split(np.zeros(len(labels)), labels)]


def cross_validated(examples: list[Example], folds: int = 5, seed: int = SEED) -> list[str]:
    """Sub-event type per example, each predicted by a model that never saw it."""
    from dateline.embed import embed

    lexicon = default_lexicon()
    own = own_sentences()
    texts = [e.text for e in examples]
    emb = embed(texts + [o.text for o in own])
    feats = featurize(emb, texts + [o.text for o in own], lexicon)
    x, x_own = feats[: len(texts)], feats[len(texts) :]
    y = np.array([e.sub_event_type for e in examples])
    y_own = [o.sub_event_type for o in own]
    pred = [""] * len(examples)
    for test in _folds(y, folds, seed):
        train_idx = np.setdiff1d(np.arange(len(examples)), test)
        model = train(np.vstack([x[train_idx], x_own]), [*y[train_idx], *y_own], seed=seed)
        clf = Classifier(model, lexicon)
        for i, p in zip(
            test, clf.classify([texts[i] for i in test], embeddings=emb[test]), strict=True
        ):
            pred[i] = p.sub_event_type
    return pred


def shipped(examples: list[Example]) -> list[str]:
    """Sub-event type per example from the shipped model (a training score on CASE dev)."""
    return [p.sub_event_type for p in default_classifier().classify([e.text for e in examples])]


def confusions(
    gold: Sequence[str], pred: Sequence[str], top: int = 15
) -> list[tuple[str, str, int]]:
    """Most frequent (gold, predicted) errors."""
    errs = Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p)
    return [(g, p, n) for (g, p), n in sorted(errs.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]


def _per_label(gold: list[str], pred: list[str]):  # -> rich.table.Table
    from rich.table import Table
    from sklearn.metrics import precision_recall_fscore_support

    labels = sorted(set(gold))
    p, r, f, n = precision_recall_fscore_support(gold, pred, labels=labels, zero_division=0)
    table = Table(title="per label (all 30)")
    for col in ("label", "P", "R", "F1", "n"):
        table.add_column(col, justify="left" if col == "label" else "right")
    for row in zip(labels, p, r, f, n, strict=True):
        table.add_row(row[0], *(f"{v:.2f}" for v in row[1:4]), str(row[4]))
    return table


def _report(gold: list[str], pred: list[str], mode: str, path: str) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title=f"CASE 2021 Task 2 — {path} — {mode}")
    for col in ("subtask", "n", "micro F1", "macro F1", "weighted F1", "anchor (weighted F1)"):
        table.add_column(col, justify="right" if col != "subtask" else "left")
    for k in (1, 2, 3):
        s = score(gold, pred, subtask_labels(k))
        anchors = "; ".join(
            f"{name} {v['weighted']:.3f}" for (name, kk), v in ANCHORS.items() if kk == k
        )
        table.add_row(
            str(k), str(s.n), f"{s.micro:.3f}", f"{s.macro:.3f}", f"{s.weighted:.3f}", anchors
        )
    console.print(table)
    console.print(_per_label(gold, pred))
    conf = Table(title="most frequent confusions (gold -> predicted)")
    for col in ("gold", "predicted", "n"):
        conf.add_column(col)
    for g, p, n in confusions(gold, pred):
        conf.add_row(g, p, str(n))
    console.print(conf)
    console.print(
        "anchors are on the full 1,019-snippet test set; this file is only roughly comparable."
    )


@click.command("case2021")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--predictions", type=click.Path(dir_okay=False), help="Write id<TAB>label here.")
@click.option("--folds", default=5, show_default=True, help="k for cross-validation.")
@click.option(
    "--model",
    "mode",
    type=click.Choice(["cv", "shipped"]),
    default="cv",
    show_default=True,
    help="cv: k-fold retraining (honest on dev); shipped: the packaged model as-is.",
)
def command(path: str, predictions: str | None, folds: int, mode: str) -> None:
    """Score event-type classification on a CASE 2021 Task 2 TSV."""
    examples = read_case_tsv(path)
    if mode == "cv" and any(not e.sub_event_type for e in examples):
        raise click.UsageError("cross-validation needs gold labels in PATH")
    subs = cross_validated(examples, folds) if mode == "cv" else shipped(examples)
    pred = [case_label(s) if s else NONE_LABEL for s in subs]
    if predictions:
        Path(predictions).write_text(
            "".join(f"{e.id}\t{p}\n" for e, p in zip(examples, pred, strict=True)), encoding="utf-8"
        )
    gold = [case_label(e.sub_event_type) if e.sub_event_type else NONE_LABEL for e in examples]
    label = (
        f"{folds}-fold cross-validated (train: other folds + own sentences)"
        if mode == "cv"
        else "shipped model (TRAINED ON CASE dev: not a test score on dev)"
    )
    _report(gold, pred, label, path)


if __name__ == "__main__":
    command()
