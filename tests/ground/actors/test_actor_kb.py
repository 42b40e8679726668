"""The actor knowledge base: sources, aliases, transliterations, parents, user files."""

from __future__ import annotations

import pytest

from dateline.errors import ConfigError
from dateline.ground.actors import KINDS, ActorKB, default_kb


def test_every_entry_has_a_source_a_known_kind_and_a_real_parent() -> None:
    kb = default_kb()
    assert len(kb) > 80
    for actor in kb:
        assert actor.source, actor.kb_id
        assert actor.kind in KINDS
        if actor.parent:
            assert kb.get(actor.parent) is not None, (actor.kb_id, actor.parent)


@pytest.mark.parametrize(
    ("name", "kb_id"),
    [
        ("Soleimani", "qasem_soleimani"),
        ("Qassem Soleimani", "qasem_soleimani"),
        ("Qasim Sulaimani", "qasem_soleimani"),
        ("Suleimani", "qasem_soleimani"),
        ("Kata'ib Hizballah", "kataib_hezbollah"),
        ("Kata’ib Hezbollah", "kataib_hezbollah"),
        ("Hashd al-Shaabi", "pmf"),
        ("Popular Mobilisation Forces", "pmf"),
        ("al-Muhandis", "abu_mahdi_al_muhandis"),
        ("Daesh", "islamic_state"),
        ("Ansar Allah", "houthis"),
        ("Qassem al-Jabarin", "qasim_al_jabbarin"),
        ("Ahl al-Kahf", "ashab_al_kahf"),
        ("IDF", "idf"),
    ],
)
def test_resolve_spellings(name: str, kb_id: str) -> None:
    actor = default_kb().resolve(name)
    assert actor is not None and actor.kb_id == kb_id


def test_match_prefers_longest_alias_and_keeps_offsets() -> None:
    text = "The Hezbollah Brigades, not Lebanese Hezbollah, fired at US forces, said the SDF."
    found = [(text[s:e], a.kb_id) for s, e, a in default_kb().match(text)]
    assert found == [
        ("Hezbollah Brigades", "kataib_hezbollah"),
        ("Lebanese Hezbollah", "hezbollah"),
        ("US forces", "us_armed_forces"),
        ("SDF", "sdf"),
    ]


def test_acronyms_are_case_sensitive() -> None:
    assert default_kb().match("the sdf and idf were not named") == []


def test_parents_and_children() -> None:
    kb = default_kb()
    assert kb.parent_of("quds_force").kb_id == "irgc"  # type: ignore[union-attr]
    assert kb.parent_of("usbat_al_thaireen").kb_id == "kataib_hezbollah"  # type: ignore[union-attr]
    assert "kataib_hezbollah" in {a.kb_id for a in kb.children_of("pmf")}


def test_user_file_adds_and_overrides(tmp_path, monkeypatch) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "- id: new_front\n  name: Saraya Example\n  aliases: [Example Brigade]\n"
        "  kind: front\n  country: IQ\n  parent: kataib_hezbollah\n  source: my notes\n",
        encoding="utf-8",
    )
    kb = ActorKB.load(extra=extra)
    assert kb.resolve("Example Brigade").kb_id == "new_front"  # type: ignore[union-attr]
    monkeypatch.setenv("DATELINE_ACTORS", str(extra))
    assert ActorKB.load().resolve("Saraya Example") is not None


def test_entry_without_source_is_refused(tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: x\n  name: X\n  kind: front\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        ActorKB.load(extra=bad)


@pytest.mark.parametrize(
    ("country", "army"),
    [
        ("TR", "Turkish Armed Forces"),
        ("IQ", "Iraqi Security Forces"),
        ("ir", "Armed Forces of Iran"),
        ("US", "United States Armed Forces"),
        ("NG", None),  # not in the KB: ACLED's "Military Forces of Nigeria" is made elsewhere
        (None, None),
    ],
)
def test_national_army_is_the_state_force_named_as_the_countrys_troops(
    country: str | None, army: str | None
) -> None:
    found = default_kb().national_army(country)
    assert (found.name if found else None) == army
