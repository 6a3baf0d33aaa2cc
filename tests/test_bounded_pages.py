"""Category, action and organisation pages stay the same size whatever the number of
practices (issue 13): they show the first ones and link to the rest."""

import re

import pytest
from django.urls import reverse

from practices.views import FIRST_ON_PAGE
from tests.factories import (
    ActionFactory,
    CategoryFactory,
    MunicipalityFactory,
    OrganisationFactory,
    PracticeFactory,
)

pytestmark = pytest.mark.django_db
LIMIT = 60 * 1024


@pytest.fixture
def many():
    """150 practices in one category, one action and one organisation."""
    category = CategoryFactory(slug="cohesie", name="Sociale cohesie")
    action = ActionFactory(number=22)
    organisation = OrganisationFactory(slug="vvsg", name="VVSG")
    for n in range(150):
        practice = PracticeFactory(
            category=category,
            title=f"Een praktijk met een vrij lange naam, nummer {n:03}",
            summary="Een samenvatting van een zin of twee over wat de praktijk doet en voor wie.",
            places=[MunicipalityFactory()],
        )
        practice.actions.add(action)
        practice.organisations.add(organisation)
    return category, action, organisation


def test_the_pages_stay_under_60_kb_and_link_to_all_practices(client, many):
    category, action, organisation = many
    pages = {
        category.get_absolute_url(): 'href="/praktijken/?categorie=cohesie">Alle 150 praktijken',
        action.get_absolute_url(): 'href="/praktijken/?actie=22">Alle 150 praktijken voor actie 22',
        organisation.get_absolute_url(): (
            f'href="{reverse("practices:organisation_practices", args=["vvsg"])}">Alle 150 '
        ),
    }
    for url, link in pages.items():
        html = client.get(url).content.decode()
        print(f"{url}: {len(html.encode()) / 1024:.1f} KB")
        assert len(html.encode()) <= LIMIT, url
        assert link in html, url
        assert len(set(re.findall(r"nummer \d{3}", html))) <= FIRST_ON_PAGE, url


def test_the_organisation_s_practices_are_all_reachable_a_page_at_a_time(client, many, settings):
    settings.PRACTICES_PER_PAGE = 100
    url = reverse("practices:organisation_practices", args=["vvsg"])
    first = client.get(url).content.decode()
    second = client.get(url, {"pagina": 2}).content.decode()
    assert "150 praktijken" in first and "Pagina 1 van 2" in first
    assert 'rel="next" href="?pagina=2"' in first and 'rel="prev" href="?pagina=1"' in second
    shown = set(re.findall(r"nummer \d{3}", first)) | set(re.findall(r"nummer \d{3}", second))
    assert len(shown) == 150
    assert client.get(url, {"pagina": "x"}).status_code == 200
    assert client.get(reverse("practices:organisation_practices", args=["niet"])).status_code == 404
