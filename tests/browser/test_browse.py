"""A municipal worker browses the seeded databank in a real browser."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site(live_server):
    call_command("seed", verbosity=0)
    return live_server.url


def test_browse_from_home_to_a_category_and_a_sheet(page, site, screenshot):
    page.goto(site + "/")
    assert page.locator("h1").inner_text() == "Databank Sociale Samenhang"
    screenshot(page, "home-desktop")

    page.get_by_role("link", name="Sociale cohesie").first.click()
    page.wait_for_url("**/praktijken/?categorie=sociale-cohesie")
    assert page.get_by_label("Sociale cohesie (15)").is_checked()

    page.get_by_role("link", name="Bibambassadeurs").click()
    assert page.locator("h1").inner_text() == "Bibambassadeurs"
    assert page.get_by_role("heading", name="Deze praktijk in").is_visible()
    assert page.get_by_role(
        "heading", name="Gedeeld binnen de categorie Sociale cohesie"
    ).is_visible()
    assert page.get_by_role("heading", name="Bronnen").is_visible()
    assert page.get_by_role("link", name="Dien ze in met het formulier").is_visible()
    screenshot(page, "sheet-desktop")

    page.get_by_role("navigation", name="Kruimelpad").get_by_role(
        "link", name="Sociale cohesie"
    ).click()
    assert page.locator("h1").inner_text() == "Sociale cohesie"
    assert page.get_by_role("heading", name="Genk", level=3).is_visible()
    screenshot(page, "category-desktop")


def test_search_from_the_header_with_the_keyboard_only(page, site):
    page.goto(site + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Naar de inhoud"
    page.get_by_label("Zoek een praktijk").focus()
    page.keyboard.type("pleinmakers")
    page.keyboard.press("Enter")
    page.wait_for_url("**/praktijken/?q=pleinmakers")
    results = page.locator(".card__title").all_inner_texts()
    assert "Pleinmakers" in results


def test_an_action_page_lists_its_practices(page, site):
    page.goto(site + "/plan-samenleven/")
    page.get_by_role("link", name="Actie 2: Lokaal actieplan polarisatie").click()
    assert "Maximale subsidie: €\xa025.000" in page.locator("main").inner_text()
    assert page.get_by_role("link", name="Regenboogbeleid Amsterdam").is_visible()


def test_the_sheet_reads_on_a_phone(browser, site, screenshot):
    context = browser.new_context(viewport={"width": 320, "height": 700}, locale="nl-BE")
    page = context.new_page()
    page.goto(site + "/praktijken/pleinpatrons/")
    # Nothing wider than the screen: no horizontal scrolling at 320 px.
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    screenshot(page, "sheet-phone")
    context.close()
