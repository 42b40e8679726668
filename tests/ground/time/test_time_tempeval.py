"""TimeML reading/writing, the TempEval-3 scorer, and the benchmark on a sample of the dev set."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from dateline.bench.tempeval3 import command, evaluate
from dateline.ground.time import find_timexes
from dateline.ground.time.heideltime import parse_output
from dateline.ground.time.scoring import match, score_document
from dateline.ground.time.timeml import read_timeml, write_timeml

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2022-01-07" temporalFunction="false"
functionInDocument="CREATION_TIME">20220107</TIMEX3></DCT>
<TEXT>
Rockets <EVENT eid="e1">hit</EVENT> the base <TIMEX3 tid="t1" type="DATE"
value="2022-01-05">Wednesday</TIMEX3> &amp; again <TIMEX3 tid="t2" type="DATE"
value="2022-01-06">yesterday</TIMEX3>.
</TEXT>
</TimeML>
"""


@dataclass(frozen=True)
class S:
    start: int
    end: int
    type: str = "DATE"
    value: str = "2022"


def test_read_timeml_offsets(tmp_path: Path) -> None:
    path = tmp_path / "doc.tml"
    path.write_text(TML)
    doc = read_timeml(path)
    assert doc.dct == "2022-01-07"
    assert [doc.text[t.start : t.end] for t in doc.timexes] == ["Wednesday", "yesterday"]
    assert "base Wednesday & again" in doc.text


def test_write_then_read_round_trip(tmp_path: Path) -> None:
    src = tmp_path / "doc.tml"
    src.write_text(TML)
    doc = read_timeml(src)
    found = find_timexes(doc.text, doc.dct)
    write_timeml(doc, found, tmp_path / "out.tml")
    again = read_timeml(tmp_path / "out.tml")
    assert again.text == doc.text
    assert [(t.start, t.end, t.value) for t in again.timexes] == [
        (t.start, t.end, t.value) for t in found
    ]


def test_scorer_strict_relaxed_and_value() -> None:
    gold = [S(0, 10, value="2022"), S(20, 30, value="2021"), S(40, 45)]
    system = [S(0, 10, value="2022"), S(22, 35, value="2020"), S(50, 55)]
    assert match(gold, system) == [(0, 0), (1, 1)]
    c = score_document(gold, system)
    assert (c.strict, c.relaxed, c.value, c.type) == (1, 2, 1, 2)
    assert c.prf("relaxed") == (66.67, 66.67, 66.67)
    assert c.prf("value") == (33.33, 33.33, 33.33)


def test_heideltime_output_parsing() -> None:
    original = 'Bombs hit "x" <y> Friday & Tuesday evening.'
    tml = (
        '<?xml version="1.0"?>\n<!DOCTYPE TimeML SYSTEM "TimeML.dtd">\n<TimeML>\n'
        'Bombs hit "x" <y> <TIMEX3 tid="t1" type="DATE" value="2022-01-07">Friday</TIMEX3>'
        ' & <TIMEX3 tid="t2" type="TIME" value="2022-01-04TEV">Tuesday evening</TIMEX3>.'
        "\n</TimeML>\n"
    )
    found = parse_output(tml, original)
    assert [(original[t.start : t.end], t.value) for t in found] == [
        ("Friday", "2022-01-07"),
        ("Tuesday evening", "2022-01-04TEV"),
    ]


def test_bench_on_a_sample(shared_bench: Path, tmp_path: Path) -> None:
    runs = evaluate(shared_bench / "tempeval3", out=tmp_path, heideltime=False, limit=25)
    total = runs[0].total
    assert total.n_gold > 100
    assert total.prf("relaxed")[2] > 80
    assert total.prf("value")[2] > 65
    assert len(list(tmp_path.glob("*.tml"))) == 25


def test_bench_cli(shared_bench: Path) -> None:
    result = CliRunner().invoke(
        command, [str(shared_bench / "tempeval3"), "--no-heideltime", "--limit", "3"]
    )
    assert result.exit_code == 0, result.output
    assert "value F1" in result.output
