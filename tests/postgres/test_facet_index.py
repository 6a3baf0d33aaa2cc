"""practices_facetindex (PostgreSQL) follows every change, so facet counts are never stale."""

import pytest
from django.db import connection
from django.urls import reverse

from practices.models import Practice, PracticeLocation
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


def counts(client, param, **params):
    response = client.get(URL, params)
    group = next(g for g in response.context["results"].facets if g.param == param)
    return {value.key: value.count for value in group.values}


def test_links_added_and_removed_show_at_once(anonymous):
    practice = PracticeFactory()
    youth, domain, action = (
        TargetGroupFactory(slug="jeugd"),
        PolicyDomainFactory(slug="vrije-tijd"),
        ActionFactory(number=22),
    )
    practice.target_groups.add(youth)
    practice.policy_domains.add(domain)
    practice.actions.add(action)
    practice.tags.add("moestuin")
    assert counts(anonymous, "doelgroep") == {"jeugd": 1}
    assert counts(anonymous, "beleidsdomein") == {"vrije-tijd": 1}
    assert counts(anonymous, "actie") == {"22": 1}
    assert counts(anonymous, "tag") == {"moestuin": 1}
    practice.target_groups.remove(youth)
    practice.actions.clear()
    practice.tags.clear()
    assert counts(anonymous, "doelgroep") == {}
    assert counts(anonymous, "actie") == {}
    assert counts(anonymous, "tag") == {}


def test_places_provinces_and_categories_follow_their_changes(anonymous):
    genk = MunicipalityFactory(slug="proefdorp", province="limburg")
    practice = PracticeFactory(category=CategoryFactory(slug="cohesie"), places=[genk])
    assert counts(anonymous, "provincie") == {"limburg": 1}
    genk.province = "antwerpen"
    genk.save()
    assert counts(anonymous, "provincie") == {"antwerpen": 1}
    practice.category = CategoryFactory(slug="werk")
    practice.save()
    assert counts(anonymous, "categorie") == {"werk": 1}
    PracticeLocation.objects.filter(practice=practice).delete()
    assert counts(anonymous, "gemeente") == {}


def test_unpublished_and_deleted_practices_stop_counting(anonymous):
    place = MunicipalityFactory(slug="proefstad")
    first, second = PracticeFactory(places=[place]), PracticeFactory()
    second.locations.create(municipality=first.locations.get().municipality)
    assert counts(anonymous, "gemeente") == {"proefstad": 2}
    Practice.objects.filter(pk=first.pk).unpublish()
    assert counts(anonymous, "gemeente") == {"proefstad": 1}
    second.delete()
    assert counts(anonymous, "gemeente") == {}
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM practices_facetindex")
        assert cursor.fetchone()[0] == 1  # the unpublished one, marked so


@pytest.mark.django_db(transaction=True)
def test_emptying_the_practices_empties_the_index():
    # As Django's flush does between transactional tests, and `manage.py flush`.
    PracticeFactory()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE practices_practice CASCADE")
        cursor.execute("SELECT count(*) FROM practices_facetindex")
        assert cursor.fetchone()[0] == 0


def test_the_evidence_level_and_walloon_provinces_are_indexed(anonymous):
    practice = PracticeFactory(places=[MunicipalityFactory(name="Namen-test", province="namen")])
    assert counts(anonymous, "onderbouwing") == {"beschreven": 1}
    assert counts(anonymous, "provincie") == {"namen": 1}
    Practice.objects.filter(pk=practice.pk).update(evidence_level="extern-onderzocht")
    assert counts(anonymous, "onderbouwing") == {"extern-onderzocht": 1}
    response = anonymous.get(URL, {"onderbouwing": "extern-onderzocht", "provincie": "namen"})
    assert [p.pk for p in response.context["page"].object_list] == [practice.pk]
