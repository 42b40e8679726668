"""clean_text on the furniture real news pages and crawls are full of."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.ingest.clean import clean_text, is_boilerplate

PAGE = """Skip to content
Home | World | Middle East | Iraq
Rockets strike Ain al-Asad air base

Advertisement
At least five rockets struck the Ain al-Asad air base in Anbar province
on Wednesday, the US-led coalition said, a day after two armed drones
were shot down near Baghdad airport.
Share on Facebook
Tweet
Copy link

A damaged vehicle at the base. Photograph: Ahmed Jadallah/Reuters

The rockets were launched from al-Baghdadi. (Photo by Ahmed Jadallah/Reuters)

A damaged vehicle at the base. Photograph: Ahmed Jadallah/Reuters
Sign up to our Middle East Briefing newsletter
"""


def test_page_furniture_is_removed_and_paragraphs_rejoined() -> None:
    assert clean_text(PAGE) == (
        "Rockets strike Ain al-Asad air base\n\n"
        "At least five rockets struck the Ain al-Asad air base in Anbar province on Wednesday, "
        "the US-led coalition said, a day after two armed drones were shot down near Baghdad "
        "airport.\n\n"
        "The rockets were launched from al-Baghdadi."
    )


def test_advert_inside_a_wrapped_paragraph_does_not_split_it() -> None:
    raw = (
        "Security forces in Sulaymaniyah fired tear gas and water cannon on Tuesday to\n"
        "Advertisement\n"
        "disperse hundreds of teachers protesting over months of unpaid salaries, witnesses\n"
        "said."
    )
    assert clean_text(raw) == (
        "Security forces in Sulaymaniyah fired tear gas and water cannon on Tuesday to disperse "
        "hundreds of teachers protesting over months of unpaid salaries, witnesses said."
    )


def test_short_lines_stay_separate_paragraphs() -> None:
    raw = "By Layla Hassan\nThursday 6 January 2022\nBAGHDAD — Rockets hit the base."
    assert clean_text(raw).split("\n\n") == [
        "By Layla Hassan",
        "Thursday 6 January 2022",
        "BAGHDAD — Rockets hit the base.",
    ]


def test_word_split_at_a_hyphen_is_rejoined_without_a_space() -> None:
    # The hyphen stays: "Iran-\nbacked" must become "Iran-backed", and the two cannot be told
    # apart without a dictionary.
    raw = (
        "The ministry said the attack was an act of terror-\n"
        "ism and vowed to find those responsible for it soon.\n"
        "Officials gave no further details about the investigation."
    )
    assert "act of terror-ism and vowed" in clean_text(raw)


def test_crawler_echoes_of_paragraph_endings_are_dropped() -> None:
    # Tehran Times crawl artefact: the trailing paragraphs repeat as suffixes.
    raw = (
        '"The two countries have shown a real desire to open a rail link to Iraq," Hassan said. '
        "Iraq and Syria in August resumed a rail service. (Reuter)\n"
        "                  Iraq and Syria in August resumed a rail service. (Reuter)\n"
        "                  (Reuter)\n"
    )
    assert clean_text(raw) == (
        '"The two countries have shown a real desire to open a rail link to Iraq," Hassan said. '
        "Iraq and Syria in August resumed a rail service. (Reuter)"
    )


def test_whitespace_is_normalised() -> None:
    raw = "Three\u00a0rockets  hit\tthe\u200b base.\r\n\r\n\r\n\r\nNo one   was hurt."
    assert clean_text(raw) == "Three rockets hit the base.\n\nNo one was hurt."


def test_boilerplate_lines() -> None:
    for line in (
        "Skip to main content",
        "ADVERTISEMENT",
        "Share this article",
        "Share on WhatsApp",
        "Photo: AFP/Getty",
        "(Photo by Ahmad Al-Rubaye/AFP via Getty Images)",
        "Subscribe to our newsletter",
        "Read more: Iraq's militias and the vote",
        "© 2021 The Kurdistan Ledger",
        "Home | Iraq | Syria | Opinion",
    ):
        assert is_boilerplate(line), line
    for line in (
        "Rockets strike Ain al-Asad air base",
        "Copyright law was not what the protesters were angry about.",
        "Share prices fell sharply in Baghdad after the attack on the oil terminal.",
        "The photo showed the damaged hangar.",
    ):
        assert not is_boilerplate(line), line


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_clean_text_never_crashes_and_is_idempotent(raw: str) -> None:
    once = clean_text(raw)
    assert isinstance(once, str)
    assert clean_text(once) == once


_LINES = st.sampled_from(
    [
        "Advertisement",
        "Share on",
        "Facebook",
        "",
        "Rockets struck the Ain al-Asad air base in Anbar province on Wednesday, officials said",
        "and no casualties were reported by the coalition.",
        "A damaged vehicle at the base. Photograph: Ahmed Jadallah/Reuters",
        "By Layla Hassan",
        "(Reuter)",
        "terror-",
        "ism was blamed.",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINES, max_size=25))
def test_clean_text_is_idempotent_on_news_like_lines(lines: list[str]) -> None:
    once = clean_text("\n".join(lines))
    assert clean_text(once) == once
    assert "Advertisement" not in once.split("\n\n")
