"""The extractor's cue tables and number words live in ``data/extract``: every entry has a
source, every cue the code reads exists, and the cues still read realistic sentences as the
extractor needs them to."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest
import yaml

import dateline.extract.candidates as candidates
import dateline.extract.roles as roles
from dateline.extract.counts import VAGUE, WORDS, parse_quantity
from dateline.extract.lexicon import cue_table, number_words
from dateline.ground.place.relative import distance_words
from dateline.records import Count

TABLES = {"candidate_cues": candidates, "role_cues": roles}


def _raw(name: str) -> dict:
    path = resources.files("dateline") / "data" / "extract" / f"{name}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_entry_has_a_source_and_says_what_it_means(name: str) -> None:
    data = _raw(name)
    for section in ("patterns", "word_sets"):
        for key, entry in data.get(section, {}).items():
            assert entry.get("source"), f"{name}.{key}: no source"
            assert len(entry.get("about", "")) > 20, f"{name}.{key}: no about"


@pytest.mark.parametrize("name", sorted(TABLES))
def test_code_and_data_name_the_same_cues(name: str) -> None:
    """A cue read by the code is in the file, and a cue in the file is read: no typo
    fails at run time on article 40,000, and no dead entry misleads an analyst."""
    source = Path(TABLES[name].__file__).read_text(encoding="utf-8")
    used = set(re.findall(r'_CUE\["(\w+)"\]', source))
    used_words = set(re.findall(r'_CUE\.words\("(\w+)"\)', source))
    table = cue_table(name)
    assert used == set(table.patterns)
    assert used_words == set(table.word_sets)


def test_a_cue_without_source_is_refused() -> None:
    from dateline.extract.lexicon import _cue_pattern

    with pytest.raises(ValueError, match="no source"):
        _cue_pattern("x", {"pattern": "attack"})


def test_words_are_joined_into_the_pattern() -> None:
    armed = cue_table("candidate_cues")["armed_target"]
    assert armed.flags & re.IGNORECASE
    assert armed.search("rockets hit an army checkpoint near Kirkuk")
    assert armed.search("Peshmerga positions were shelled")
    assert not armed.search("rockets hit a wedding party near Kirkuk")


@pytest.mark.parametrize(
    ("text", "clauses"),
    [
        (
            "Rockets struck the base; no one was hurt",
            ["Rockets struck the base", " no one was hurt"],
        ),
        (
            "Militants attacked a convoy, and US forces responded with airstrikes",
            ["Militants attacked a convoy", "US forces responded with airstrikes"],
        ),
        # case-sensitive: "american" in lower case does not open a new clause
        ("Drones and american jets hit", ["Drones and american jets hit"]),
    ],
)
def test_clause_breaks(text: str, clauses: list[str]) -> None:
    assert [text[s:e] for s, e in candidates.clauses(text, 0)] == clauses


def test_role_cues_on_realistic_sentences() -> None:
    cue = cue_table("role_cues")
    assert cue["relation_by"].search("an area controlled by the ")
    assert cue["facility_after"].match(" headquarters in Jurf al-Sakhar")
    m = cue["calling_itself"].search('a group calling itself "Ashab al-Kahf" claimed it')
    assert m is not None and m["name"] == "Ashab al-Kahf"
    assert cue["coordination"].fullmatch(" and the ")
    assert not cue["coordination"].fullmatch(" as well as ")
    assert cue_table("role_cues").words("pronoun_tags") >= {"PRP", "DT"}


def test_counts_read_the_shared_number_words() -> None:
    assert WORDS is number_words().cardinals and VAGUE is number_words().vague
    assert parse_quantity("at least", "twelve") == Count(12, 24)
    assert parse_quantity(None, "a few") == Count(2, 5)
    assert parse_quantity(None, "dozens") == Count(24, 99)


def test_distance_words_are_the_cardinals_plus_explicit_extras() -> None:
    words = distance_words()
    assert {k: words[k] for k in number_words().cardinals} == dict(number_words().cardinals)
    # the place-specific meanings: a point distance, not a toll range
    assert words["a few"] == 5 and words["several"] == 10 and words["a"] == 1
    assert words["about"] == 0  # no usable distance
