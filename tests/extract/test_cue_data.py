"""The extractor's cue tables and number words live in ``data/extract``: every entry has a
source, every cue the code reads exists, and the cues still read realistic sentences as the
extractor needs them to."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest
import yaml

import dateline.extract.article as article
import dateline.extract.candidates as candidates
import dateline.extract.conventions as conventions
import dateline.extract.counts as counts
import dateline.extract.date_context as date_context
import dateline.extract.draft as draft
import dateline.extract.finalize as finalize
import dateline.extract.occurrence as occurrence
import dateline.extract.roles as roles
import dateline.extract.when_where as when_where
from dateline.extract.counts import VAGUE, WORDS, parse_quantity
from dateline.extract.lexicon import cue_table, number_words
from dateline.ground.place.relative import distance_words
from dateline.records import Count

TABLES = {
    "article_cues": article,
    "candidate_cues": candidates,
    "convention_cues": conventions,
    "date_context_cues": date_context,
    "count_cues": counts,
    "draft_cues": draft,
    "finalize_cues": finalize,
    "occurrence_cues": occurrence,
    "role_cues": roles,
    "when_where_cues": when_where,
}


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
    used = set(re.findall(r"""_CUE\[["'](\w+)["']\]""", source))
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


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_word_is_written_as_a_string(name: str) -> None:
    """YAML reads a bare ``no``, ``on`` or ``off`` as a boolean: the loader would then join
    "False" into a pattern. Every word must reach the loader as the string written."""
    for key, entry in _raw(name).get("patterns", {}).items():
        for word in entry.get("words", []):
            assert isinstance(word, str), f"{name}.{key}: {word!r} is not a string"


def test_place_cues_on_realistic_sentences() -> None:
    cue = cue_table("when_where_cues")
    assert cue["locative"].search("a car bomb exploded at a checkpoint in the ")
    assert cue["not_event_place"].search("rockets were fired from ")
    assert cue["not_event_place"].search("a village 20 km north-east of ")
    assert cue["party_modifier"].match("-led coalition said")
    assert cue["party_modifier"].match(" and the US governments agreed")
    assert cue["arms_after"].match(" drones struck")
    assert not cue["arms_after"].match(" province, where")
    m = cue_table("date_context_cues")["elapsed"].search(
        "The raid comes five months after the regime took Deraa"
    )
    assert m is not None and (m["n"], m["unit"]) == ("five", "month")


def test_clock_times_do_not_date_an_event() -> None:
    assert when_where.is_clock("8:30 pm")
    assert when_where.is_clock("at about 6")
    assert not when_where.is_clock("Monday at 6 pm")
    assert not when_where.is_clock("5 January")


def test_occurrence_cues_read_dates_case_sensitively() -> None:
    assert occurrence.HAS_DATE.search("on Tuesday the militants struck")
    assert not occurrence.HAS_DATE.search("they may strike again")
    assert occurrence.not_an_occurrence(
        "troops were sent to defend the city from ", "attack", "", ""
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A roadside bomb killed three soldiers", [("fatalities", 3, 3)]),
        ("the death toll rose to 40 on Sunday", [("fatalities", 40, 40)]),
        ("the blast caused no casualties", [("fatalities", 0, 0), ("injured", 0, 0)]),
        ("20 rockets were fired but no one was killed", [("fatalities", 0, 0)]),
    ],
)
def test_count_cues_on_realistic_sentences(text: str, expected: list) -> None:
    assert [(c.field, c.count.min, c.count.max) for c in counts.find_counts(text)] == expected


def test_caption_and_furniture() -> None:
    assert article._BOILERPLATE.match("Share on Facebook")
    assert article._CAPTION.match("Photo: mourners in Basra")
    assert not article._BOILERPLATE.match("Share prices fell after the attack")
