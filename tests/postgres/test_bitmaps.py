"""The facet index in memory (search.bitmaps): the counts, the total, what is found and the
small map's figures are those the database counts, and a change shows on the next search."""

import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pyroaring import BitMap

from maps.figures import _counts, _counts_in_memory
from practices.content_cache import content_changed, content_version
from practices.models import Municipality, Practice
from practices.models.life import ENDED
from search import bitmaps
from search.facet_counts import count_facets
from search.filters import SHORT_LIST
from search.postgres import IdArray
from search.results import by_id
from search.text import postgres_query, ranked
from tests.factories import (
    ActionFactory,
    CategoryFactory,
    MunicipalityFactory,
    PolicyDomainFactory,
    PracticeFactory,
    TargetGroupFactory,
)

pytestmark = pytest.mark.django_db
URL = reverse("search:results")
KEYWORDS = ["moestuin", "sport", "taal", "buren", "École", "ébene", "Zee", "zon"] + [
    f"trefwoord {n}" for n in range(20)
]


@pytest.fixture
def spread():
    """Forty practices spread at random (seeded) over every facet, a few unpublished."""
    rng = random.Random(25)
    categories = [CategoryFactory() for _ in range(3)]
    groups = [TargetGroupFactory() for _ in range(4)]
    domains = [PolicyDomainFactory() for _ in range(3)]
    actions = [ActionFactory(number=n) for n in (2, 5, 22)]
    towns = [
        MunicipalityFactory(slug=f"dorp-{n}", province=province)
        for n, province in enumerate(["antwerpen", "limburg", "limburg", "oost-vlaanderen", ""])
    ]
    for n in range(40):
        life_status = rng.choice(Practice.LifeStatus.values)
        practice = PracticeFactory(
            category=rng.choice([*categories, None]),
            places=rng.sample(towns, rng.randint(0, 2)),
            evidence_level=rng.choice(Practice.Evidence.values),
            life_status=life_status,
            ended_year=2024 if life_status in ENDED else None,
            draft=n % 9 == 0,
        )
        practice.target_groups.add(*rng.sample(groups, rng.randint(0, 3)))
        practice.policy_domains.add(*rng.sample(domains, rng.randint(0, 2)))
        practice.actions.add(*rng.sample(actions, rng.randint(0, 2)))
        # More keywords than a long facet shows (SHORT_LIST): which are kept is tested too.
        practice.tags.add(*rng.sample(KEYWORDS, rng.randint(0, 4)))
    return {"groups": groups, "domains": domains, "towns": towns, "categories": categories}


def selections(spread):
    groups, domains, towns = spread["groups"], spread["domains"], spread["towns"]
    return [
        {},
        {"provincie": ["limburg"]},
        {"doelgroep": [groups[0].slug, groups[1].slug]},
        {"doelgroep": [groups[2].slug], "beleidsdomein": [domains[0].slug]},
        {"gemeente": [towns[1].slug, towns[4].slug], "actie": ["22"], "tag": ["sport"]},
        {"categorie": [spread["categories"][0].slug], "onderbouwing": ["beschreven"]},
        {"status": ["loopt"], "provincie": ["antwerpen", "limburg"], "tag": ["taal", "buren"]},
        {"doelgroep": ["bestaat-niet"]},
    ]


def test_counts_total_and_found_are_the_database_s(spread):
    index = bitmaps.read("default", "test")
    published = Practice.objects.published()
    everyone = bitmaps.matched(published)
    hits = bitmaps.matched(published.filter(pk__in=list(everyone)[::2]))  # half of them
    assert 0 < len(hits) < len(everyone) == published.count()
    for selected in selections(spread):
        for expanded in ([], ["gemeente"]):
            counts, total, found = index.count(hits, selected, expanded=expanded)
            expected = count_facets(
                published, selected, expanded=expanded, hit_ids=IdArray.of(hits)
            )
            assert (counts, total, sorted(found)) == (
                expected[0],
                expected[1],
                sorted(expected[2]),
            ), selected
            assert total == len(found)
    counts, _, _ = index.count(everyone, {})
    assert len(counts["tag"]) == SHORT_LIST + 1 < len(KEYWORDS)


def test_the_small_map_counts_what_the_database_counts(spread):
    index = bitmaps.read("default", "test")
    found = bitmaps.matched(Practice.objects.published())
    per_municipality, per_area = _counts_in_memory(index, found)
    expected = _counts(by_id(IdArray.of(found), "default"))
    assert sorted(per_municipality) == sorted(expected[0])
    assert per_area == expected[1]
    assert sum(count for *_, count in per_municipality) > 0


def test_the_index_is_read_once_per_content_version_and_follows_a_change(real_cache, client):
    town = MunicipalityFactory(slug="proefdorp", province="limburg")
    PracticeFactory(title="Buurtfeest", places=[town])

    def search(q):
        with CaptureQueriesContext(connection) as queries:
            page = client.get(URL, {"q": q, "provincie": "limburg"}).content.decode()
        return page, sum("practices_facetindex" in query["sql"] for query in queries)

    page, reads = search("buurtfeest")
    assert '<p class="result-count" role="status">1 praktijk</p>' in page and reads == 1
    page, reads = search("feest buurtfeest")
    assert '<p class="result-count" role="status">1 praktijk</p>' in page and reads == 0

    # A second practice: committed writes replace the content version (content_writes); a
    # test's writes are never committed, so the test says so itself.
    PracticeFactory(title="Buurtfeest in de winter", places=[town])
    content_changed()
    page, reads = search("buurtfeest")
    assert '<p class="result-count" role="status">2 praktijken</p>' in page and reads == 1


def test_without_a_content_version_the_database_counts(real_cache, client, settings):
    PracticeFactory(title="Buurtfeest", places=[MunicipalityFactory(province="limburg")])
    settings.CACHES = {
        "default": {"BACKEND": "config.cache.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    }
    assert content_version() is None and bitmaps.current("default") is None
    page = client.get(URL, {"q": "buurtfeest", "provincie": "limburg"}).content.decode()
    assert '<p class="result-count" role="status">1 praktijk</p>' in page


def test_unpublished_practices_and_unknown_values_are_not_in_it(spread):
    index = bitmaps.read("default", "test")
    drafts = set(Practice.objects.exclude(status="published").values_list("pk", flat=True))
    assert drafts and not drafts & set(index.published)
    assert not index.having("doelgroep", ["bestaat-niet"])
    assert set(index.having("provincie", ["limburg"])) == set(
        Practice.objects.published()
        .filter(locations__municipality__province=Municipality.Province.LIMBURG)
        .values_list("pk", flat=True)
    )


def test_best_keeps_every_practice_tied_with_the_last_place():
    ranks = {1: 0.9, 2: 0.5, 3: 0.5, 4: 0.5, 5: 0.1, 6: 0.7}
    found = BitMap([1, 2, 3, 4, 5])  # 6 is not among those found
    assert list(bitmaps.best(found, ranks, 2)) == [1, 2, 3, 4]
    assert list(bitmaps.best(found, ranks, 1)) == [1]
    assert list(bitmaps.best(found, ranks, 5)) == [1, 2, 3, 4, 5]
    assert list(bitmaps.best(found, ranks, 9)) == [1, 2, 3, 4, 5]


def test_pages_by_relevance_are_those_of_every_match_ranked(client, settings):
    """Many practices share a rank (the same text): the page ordered from the few that can
    be on it is the page ordered from all, title breaking the ties, on every page."""
    settings.PRACTICES_PER_PAGE = 4
    town = MunicipalityFactory(province="limburg")
    for n in range(9):
        PracticeFactory(title=f"Buurt {'IHGFEDCBA'[n]}", description="De buurt.", places=[town])
    for n in range(6):
        PracticeFactory(title=f"Plein {n}", description="Een buurt. " * (n % 3 + 1), places=[town])
    PracticeFactory(title="Buurtwerk elders", description="De buurt.")
    expected = list(
        ranked(Practice.objects.published().filter(locations__municipality=town), [["buurt"]])
        .filter(search_vector=postgres_query([["buurt"]]))
        .order_by("-rank", "title")
        .values_list("title", flat=True)
    )
    assert len(expected) == 15
    shown = []
    for page in (1, 2, 3, 4):
        response = client.get(URL, {"q": "buurt", "provincie": "limburg", "pagina": page})
        shown += [card.title for card in response.context["results"].page.object_list]
    assert shown == expected


def set_bits(mask):
    return {n for n in range(len(mask) * 8) if mask[n // 8] >> (n % 8) & 1}


def test_the_mask_holds_the_practices_that_pass_every_chosen_filter(spread):
    index = bitmaps.read("default", "test")
    assert index.mask({}) is None
    assert index.mask({"provincie": [], "doelgroep": []}) is None
    assert set_bits(index.mask({"provincie": ["limburg"]})) == set(
        index.having("provincie", ["limburg"])
    )
    groups, domains = spread["groups"], spread["domains"]
    narrow = {"doelgroep": [groups[0].slug, groups[1].slug], "beleidsdomein": [domains[0].slug]}
    passing = index.passing(index.published, narrow)
    assert 0 < len(passing) < len(index.published)
    assert set_bits(index.mask(narrow)) == set(passing)
    assert set_bits(index.mask({"doelgroep": ["bestaat-niet"]})) == set()


def test_only_the_matches_in_the_mask_are_ranked_and_as_when_all_are(spread):
    index = bitmaps.read("default", "test")
    published = Practice.objects.published()
    query = postgres_query([["buurt"]])
    for practice in published[:30]:
        practice.description = "De buurt. " * (practice.pk % 4 + 1)
        practice.save()
    matching = published.filter(search_vector=query)
    every, all_ranks = bitmaps.matched_and_ranked(matching, query)
    assert len(every) == 30 and set(all_ranks) == set(every)
    only = index.mask({"provincie": ["limburg"]})
    hits, ranks = bitmaps.matched_and_ranked(matching, query, only=only)
    assert hits == every
    assert set(ranks) == set(every) & set_bits(only) != set()
    assert ranks == {pk: all_ranks[pk] for pk in ranks}
