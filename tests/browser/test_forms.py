"""The submission forms in Chromium: the error summary takes the focus and its links move it
to the fields; "Nog een … toevoegen" with and without JavaScript; the current text offered
for a suggested change."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from submissions.models import Submission

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site(live_server):
    call_command("seed", verbosity=0)
    return live_server.url


def test_a_failed_send_focuses_the_summary_and_its_links_focus_the_fields(page, site):
    page.goto(site + "/fiche-indienen/")
    page.get_by_label("Naam van de praktijk").fill("Taalcafé")
    page.get_by_role("button", name="Fiche versturen", exact=True).last.click()
    # Chromium applies autofocus at a rendering step after the load, not at it: wait for it
    expect(page.locator("#fouten")).to_be_focused()
    page.get_by_role("link", name="Vul minstens één gemeente in").click()
    page.get_by_role("link", name="Vink aan dat je de privacyverklaring gelezen hebt.").click()
    assert page.evaluate("document.activeElement.id") == "id_privacy"
    assert page.get_by_label("Naam van de praktijk").input_value() == "Taalcafé"


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_add_a_municipality_and_a_link_then_send(browser, site, javascript):
    context = browser.new_context(
        java_script_enabled=javascript,
        locale="nl-BE",
        permissions=["clipboard-read", "clipboard-write"] if javascript else [],
    )
    page = context.new_page()
    page.goto(site + "/fiche-indienen/")
    page.get_by_label("Naam van de praktijk").fill("Taalcafé Halle")
    page.get_by_label("Korte samenvatting").fill("Nieuwkomers oefenen Nederlands.")
    page.get_by_label("Beschrijving:", exact=True).fill("Elke week in de bibliotheek.")
    page.get_by_label("Gemeente:", exact=True).first.fill("Halle")
    url = page.url
    page.get_by_role("button", name="Nog een gemeente toevoegen").click()
    page.wait_for_load_state()
    assert page.get_by_role("group", name="Gemeente 2").is_visible()
    if javascript:
        assert page.url == url  # no page load
        assert page.evaluate("document.activeElement.id") == "id_gemeenten-1-municipality_name"
    assert page.get_by_label("Naam van de praktijk").input_value() == "Taalcafé Halle"
    page.get_by_label("Gemeente:", exact=True).nth(1).fill("Lembeek")
    page.get_by_role("button", name="Nog een link toevoegen").click()
    page.wait_for_load_state()
    page.get_by_label("Titel van de link").nth(1).fill("Bibliotheek")
    page.get_by_label("Webadres").nth(1).fill("https://bib.halle.example")
    page.get_by_label("Je naam").fill("Chloé")
    page.get_by_label("Organisatie of lokaal bestuur").fill("Stad Halle")
    page.get_by_label("E-mailadres").fill("chloe@halle.example")
    page.get_by_label("Ik heb de privacyverklaring hierboven gelezen").check()
    page.get_by_role("button", name="Fiche versturen", exact=True).last.click()
    page.wait_for_url("**/inzending/**")
    submission = Submission.objects.get()
    assert [p.municipality_name for p in submission.places.all()] == ["Halle", "Lembeek"]
    assert [link.title for link in submission.links.all()] == ["Bibliotheek"]

    # After sending: thanks, the reference and the private address to keep; no query string.
    assert "?" not in page.url
    assert page.get_by_role("heading", name="Bedankt, je inzending is verzonden").is_visible()
    address = page.get_by_label("Bewaar dit adres")
    assert address.input_value() == page.url
    copy = page.get_by_role("button", name="Kopieer")
    assert copy.is_visible() is javascript
    if javascript:
        copy.click()
        page.get_by_text("Gekopieerd.").wait_for(timeout=5000)
        assert page.evaluate("navigator.clipboard.readText()") == page.url
    assert page.locator("#kopie").is_visible()
    assert "Lembeek" in page.locator(".submitted-copy").inner_text()
    page.reload()
    assert not page.get_by_role("heading", name="Bedankt, je inzending is verzonden").count()
    context.close()


def test_enter_in_a_field_sends_the_form_not_a_new_row(page, site):
    page.goto(site + "/fiche-indienen/")
    page.get_by_label("Naam van de praktijk").fill("Taalcafé")
    page.get_by_label("Naam van de praktijk").press("Enter")
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Nog niet verzonden").is_visible()


def test_choosing_a_part_offers_its_current_text(page, site):
    page.goto(site + "/praktijken/curant-cohousing-project/wijziging-voorstellen/")
    page.get_by_label("Samenvatting", exact=True).check()
    offered = page.get_by_label("Je voorstel").input_value()
    assert offered.startswith("Jonge vluchtelingen")
    page.get_by_label("Je voorstel").fill("Mijn eigen tekst")
    page.get_by_label("Titel", exact=True).check()
    assert page.get_by_label("Je voorstel").input_value() == "Mijn eigen tekst"  # kept
