"""Read and write TimeML (TempEval-3) documents.

Reading gives the plain TEXT (tags removed, entities decoded) with the TIMEX3 annotations as
character offsets into it, and the creation time (the DCT). Writing puts dateline's TIMEX3
tags back into that text, so the official TempEval-3 toolkit can score a run.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from dateline.errors import InputError
from dateline.ground.time.timex import Timex


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str
    attrs: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class TimeMLDoc:
    doc_id: str
    dct: str  # ISO date (or date-time) of the CREATION_TIME timex
    text: str
    timexes: tuple[GoldTimex, ...]
    corpus: str = ""


def _walk(node: ET.Element, parts: list[str], found: list[GoldTimex]) -> None:
    """Append ``node``'s text to ``parts``; record TIMEX3 offsets into the joined text."""
    start = sum(map(len, parts))
    parts.append(node.text or "")
    for child in node:
        _walk(child, parts, found)
        parts.append(child.tail or "")
    if node.tag == "TIMEX3":
        end = start + len("".join(_inner_text(node)))
        text = "".join(parts)[start:end]
        found.append(
            GoldTimex(
                start, end, text, node.get("type", ""), node.get("value", ""), dict(node.attrib)
            )
        )


def _inner_text(node: ET.Element) -> Iterator[str]:
    yield node.text or ""
    for child in node:
        yield from _inner_text(child)
        yield child.tail or ""


def read_timeml(path: Path, corpus: str = "") -> TimeMLDoc:
    """Parse one ``.tml`` file; raises ``InputError`` when it is not TimeML."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise InputError(str(path), f"not well-formed TimeML: {exc}") from exc
    text_node = root.find("TEXT")
    if text_node is None:
        raise InputError(str(path), "TimeML file without a TEXT element")
    dct = ""
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = timex.get("value", "")
            break
    parts: list[str] = []
    found: list[GoldTimex] = []
    _walk(text_node, parts, found)
    doc_id = (root.findtext("DOCID") or path.stem).strip()
    return TimeMLDoc(
        doc_id, dct, "".join(parts), tuple(sorted(found, key=lambda t: t.start)), corpus
    )


def read_corpus(root: Path) -> list[TimeMLDoc]:
    """Every ``.tml`` under ``root`` (or ``root/tml``), sorted by path; corpus = parent dir."""
    base = root / "tml" if (root / "tml").is_dir() else root
    paths = [base] if base.is_file() else sorted(base.rglob("*.tml"))
    return [read_timeml(p, p.parent.name) for p in paths]


def write_timeml(doc: TimeMLDoc, timexes: Iterable[Timex], path: Path) -> None:
    """Write ``doc`` with ``timexes`` as TIMEX3 tags in its TEXT (tids t1, t2, ...)."""
    out: list[str] = []
    pos = 0
    for i, t in enumerate(sorted(timexes, key=lambda t: t.start), start=1):
        out.append(escape(doc.text[pos : t.start]))
        attrs = f'tid="t{i}" type={quoteattr(t.type)} value={quoteattr(t.value)}'
        if t.mod:
            attrs += f" mod={quoteattr(t.mod)}"
        out.append(f"<TIMEX3 {attrs}>{escape(t.text)}</TIMEX3>")
        pos = t.end
    out.append(escape(doc.text[pos:]))
    dct_type = "TIME" if "T" in doc.dct else "DATE"
    xml = (
        '<?xml version="1.0" ?>\n<TimeML>\n'
        f"<DOCID>{escape(doc.doc_id)}</DOCID>\n"
        f'<DCT><TIMEX3 tid="t0" type="{dct_type}" value={quoteattr(doc.dct)} '
        f'temporalFunction="false" functionInDocument="CREATION_TIME">{escape(doc.dct)}'
        "</TIMEX3></DCT>\n"
        f"<TEXT>{''.join(out)}</TEXT>\n</TimeML>\n"
    )
    path.write_text(xml, encoding="utf-8")
