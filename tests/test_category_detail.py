import pytest

from practices.models import PracticeLocation
from tests.factories import (
    CategoryFactory,
    MunicipalityFactory,
    PolicyDomainFactory,
    PracticeFactory,
    TargetGroupFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def category():
    category = CategoryFactory(
        name="Sociale cohesie",
        slug="sociale-cohesie",
        introduction="Burgers dichter bij elkaar brengen.",
        goals=["De buurt veiliger maken"],
        success_factors=["Jongeren uit de buurt"],
    )
    category.target_groups.add(TargetGroupFactory(name="Alle buurtbewoners"))
    category.policy_domains.add(PolicyDomainFactory(name="Bibliotheek"))
    return category


def test_category_page_shows_its_shared_content(anonymous, category):
    html = anonymous.get(category.get_absolute_url()).content.decode()
    for text in [
        "Burgers dichter bij elkaar brengen.",
        "De buurt veiliger maken",
        "Alle buurtbewoners",
        "Jongeren uit de buurt",
        "Bibliotheek",
    ]:
        assert text in html


def test_practices_are_grouped_by_municipality_with_wide_roll_outs_last(anonymous, category):
    antwerpen, gent = MunicipalityFactory(name="Antwerpen"), MunicipalityFactory(name="Gent")
    PracticeFactory(title="PleinPatrons", category=category, places=[gent, antwerpen])
    PracticeFactory(title="Curant", category=category, places=[antwerpen])
    PracticeFactory(title="Verborgen", category=category, places=[gent], draft=True)
    wide = PracticeFactory(title="Samen inburgeren", category=category)
    PracticeLocation.objects.create(
        practice=wide, area_label="Meer dan 30 gemeenten", contact_url="http://sameninburgeren.be/"
    )

    response = anonymous.get(category.get_absolute_url())

    places = [
        (place, [row.practice.title for row in rows]) for place, rows in response.context["places"]
    ]
    assert places == [
        ("Antwerpen", ["Curant", "PleinPatrons"]),
        ("Gent", ["PleinPatrons"]),
        ("Meer dan 30 gemeenten", ["Samen inburgeren"]),
    ]
    assert "Verborgen" not in response.content.decode()


def test_unknown_category_is_not_found(anonymous):
    assert anonymous.get("/categorie/bestaat-niet/").status_code == 404


@pytest.mark.parametrize("practices", [2, 30])
def test_query_count_is_fixed(anonymous, category, django_assert_max_num_queries, practices):
    for _ in range(practices):
        PracticeFactory(category=category, places=[MunicipalityFactory(), MunicipalityFactory()])
    # category + target groups + policy domains + sources + the first places with their
    # practices + the number of practices (for the link to the rest)
    with django_assert_max_num_queries(6):
        assert anonymous.get(category.get_absolute_url()).status_code == 200
