"""Story clusters by sparse products give exactly the stories of the pairwise definition."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.ids import stable_id
from dateline.merge import stories
from dateline.merge.similarity import cosine_terms, weighted_terms
from dateline.merge.sources import age_key
from dateline.records import Article, DateInterval

WORDS = ["rockets", "base", "Anbar", "militia", "drone", "Basra", "protest", "oil", "42", "talks"]


def pairwise_stories(articles: list[Article]) -> dict[str, str]:
    """The definition, one pair at a time: linked within STORY_DAYS (or either undated) when
    the leads' cosine reaches STORY_SIMILARITY; a story is named after its oldest article."""
    ordered = sorted(articles, key=age_key)
    root = list(range(len(ordered)))

    def find(x: int) -> int:
        while root[x] != x:
            x = root[x]
        return x

    terms = [weighted_terms(stories._lead(a)) for a in ordered]
    days = [stories._day(a) for a in ordered]
    for i in range(len(ordered)):
        for j in range(i):
            if days[i] and days[j] and (days[i] - days[j]).days > stories.STORY_DAYS:
                continue
            if cosine_terms(terms[i], terms[j]) >= stories.STORY_SIMILARITY:
                a, b = find(i), find(j)
                root[max(a, b)] = min(a, b)
    return {
        a.article_id: stable_id("st", ordered[find(i)].article_id) for i, a in enumerate(ordered)
    }


def make(words: list[int], day: int | None, n: int) -> Article:
    text = " ".join(WORDS[w] for w in words) + f" report {n}"
    published = DateInterval.day(dt.date(2022, 1, 1) + dt.timedelta(day), "test") if day else None
    return Article(Article.make_id(text, str(n)), text, outlet=str(n), published=published)


articles = st.lists(
    st.tuples(
        st.lists(st.integers(0, len(WORDS) - 1), min_size=1, max_size=6),
        st.one_of(st.none(), st.integers(1, 60)),
    ),
    max_size=25,
).map(lambda rows: [make(words, day, n) for n, (words, day) in enumerate(rows)])


@settings(max_examples=150, deadline=None)
@given(articles)
def test_sparse_stories_equal_the_pairwise_definition(batch: list[Article]) -> None:
    assert stories.story_clusters(batch) == pairwise_stories(batch)


def test_small_blocks_change_nothing(monkeypatch) -> None:
    batch = [make([i % 10, (i * 3 + 1) % 10], (i * 5) % 40 or None, i) for i in range(40)]
    whole = stories.story_clusters(batch)
    monkeypatch.setattr(stories, "BLOCK_CELLS", 7)
    assert stories.story_clusters(batch) == whole == pairwise_stories(batch)
    assert 1 < len(set(whole.values())) < len(batch)
