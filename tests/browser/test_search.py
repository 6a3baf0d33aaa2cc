"""Searching and filtering in a real browser, with and without JavaScript."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site(live_server):
    call_command("seed", verbosity=0)
    return live_server.url


def result_titles(page):
    return page.locator(".card__title").all_inner_texts()


def test_a_facet_applies_at_once_and_keeps_the_focus(page, site, screenshot):
    page.goto(site + "/praktijken/?q=jongeren")
    assert not page.get_by_role("button", name="Filters toepassen").is_visible()
    before = page.locator(".result-count").inner_text()

    genk = page.get_by_label("Genk", exact=False).first
    genk.focus()
    page.keyboard.press("Space")
    page.wait_for_url("**/praktijken/?q=jongeren&gemeente=genk")
    expect(page.locator(".result-count")).not_to_have_text(before)

    assert page.evaluate("document.activeElement.value") == "genk"
    assert page.get_by_role("link", name="Gemeente: Genk (filter verwijderen)").is_visible()
    assert "Bibambassadeurs" in result_titles(page)
    screenshot(page, "search-desktop")

    page.go_back()
    expect(page.locator(".chip--removable")).to_have_count(0)
    expect(page.locator(".result-count")).to_have_text(before)


def test_without_javascript_the_button_applies_the_filters(browser, site):
    context = browser.new_context(java_script_enabled=False, locale="nl-BE")
    page = context.new_page()
    page.goto(site + "/praktijken/")
    assert not page.get_by_role("checkbox", name=re.compile("^Limburg")).is_visible()  # sent closed
    page.get_by_text("Filters", exact=True).click()  # a desktop user opens it
    page.get_by_role("checkbox", name=re.compile("^Limburg")).check()
    page.get_by_role("button", name="Filters toepassen").click()
    page.wait_for_url("**/praktijken/?*provincie=limburg*")
    assert set(result_titles(page)) == {
        "Bibambassadeurs",
        "Chillambas",
        "Samenwerkingstraject Bart Brandsma",
        "TALim",
        "WTS-Coaches",
        "Werking rond religieuze en levensbeschouwelijke diversiteit in het Genkse basisonderwijs",
    }
    context.close()


def test_a_misspelling_is_offered_a_correction(page, site):
    page.goto(site + "/praktijken/?q=pleinmakkers")
    page.get_by_role("link", name="Pleinmakers").first.click()  # any case
    page.wait_for_url(re.compile(r"/praktijken/\?q=[Pp]leinmakers$"))
    assert "Pleinmakers" in result_titles(page)


def test_filters_fold_away_on_a_phone(browser, site, screenshot):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="nl-BE")
    page = context.new_page()
    page.goto(site + "/praktijken/?q=jongeren")
    assert page.locator("details.facets").get_attribute("open") is None
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "search-phone")
    page.get_by_text("Filters", exact=True).click()
    assert page.get_by_label("Genk", exact=False).first.is_visible()
    context.close()
