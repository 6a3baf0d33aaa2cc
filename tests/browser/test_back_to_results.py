"""A sheet opened from the search leads back to those very results, at its card."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True)
RESULTS = "/praktijken/?q=jongeren&provincie=limburg"


@pytest.fixture
def site(live_server):
    call_command("seed", verbosity=0)
    return live_server.url


def test_terug_naar_je_resultaten_keeps_the_search_and_the_card(page, site):
    page.goto(site + RESULTS)
    card = page.locator(".card").nth(1)
    slug = card.get_attribute("id").removeprefix("fiche-")
    card.locator(".card__title a").click()
    page.wait_for_url(f"**/praktijken/{slug}/")
    back = page.get_by_role("link", name="Terug naar je resultaten")
    assert back.is_visible()
    back.click()
    page.wait_for_url(f"**{RESULTS}#fiche-{slug}")
    # The page is scrolled to the card of the sheet the visitor came from.
    top = page.locator(f"#fiche-{slug}").evaluate("card => card.getBoundingClientRect().top")
    assert -2 <= top < 200


def test_a_sheet_opened_directly_offers_no_way_back(page, site):
    page.goto(site + "/praktijken/pleinpatrons/")
    assert page.get_by_role("link", name="Terug naar je resultaten").count() == 0
    # Opened from the home page's newest practices: not from a search either.
    page.goto(site + "/")
    page.locator(".card__title a").first.click()
    page.wait_for_url("**/praktijken/*/")
    assert page.get_by_role("link", name="Terug naar je resultaten").count() == 0
