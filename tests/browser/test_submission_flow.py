"""A municipality sends its practice; an editor accepts and publishes it; it is found."""

import pytest

from tests.browser.conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site(editor_site):
    return editor_site


def test_from_the_form_through_moderation_into_the_search(page, site, screenshot):
    page.goto(site + "/fiche-indienen/")
    page.get_by_label("Naam van de praktijk").fill("Buurtmoestuin De Linde")
    page.get_by_label("Korte samenvatting").fill("Bewoners van Lokeren beheren samen een moestuin.")
    page.get_by_label("Beschrijving").fill("Elke zaterdag werken buren samen in de tuin.")
    page.locator("#id_gemeenten-0-municipality_name").fill("Lokeren")
    page.get_by_label("Je naam").fill("An Peeters")
    page.get_by_label("Organisatie of lokaal bestuur").fill("Stad Lokeren")
    page.get_by_label("E-mailadres").fill("an-at-lokeren")
    page.get_by_label("Ik heb de privacyverklaring hierboven gelezen").check()
    page.get_by_role("button", name="Fiche versturen").click()

    summary = page.get_by_role("alert")
    assert "Nog niet verzonden" in summary.inner_text()
    screenshot(page, "submit-error")
    summary.get_by_role("link", name="E-mailadres").click()
    assert page.evaluate("document.activeElement.id") == "id_submitter_email"
    assert page.get_by_label("Naam van de praktijk").input_value() == "Buurtmoestuin De Linde"
    page.get_by_label("E-mailadres").fill("an@lokeren.example")
    page.get_by_label("Ik heb de privacyverklaring hierboven gelezen").check()
    page.get_by_role("button", name="Fiche versturen").click()
    assert "Bedankt, je inzending is verzonden" in page.content()
    status_url = page.url.split("?")[0]

    log_in(page, site)
    page.goto(site + "/beheer/submissions/submission/")
    page.get_by_role("link", name="DSS-", exact=False).first.click()
    page.get_by_role("button", name="Aanvaarden en conceptfiche maken").first.click()
    page.wait_for_url("**/beheer/practices/practice/*/change/")
    assert "Kijk de conceptfiche" in page.locator(".messagelist").inner_text()
    page.get_by_label("Status").select_option("published")
    page.get_by_role("button", name="Opslaan", exact=True).first.click()
    page.wait_for_url("**/beheer/practices/practice/")

    page.goto(site + "/praktijken/?q=moestuin")
    assert "Buurtmoestuin De Linde" in page.locator(".card__title").all_inner_texts()
    page.goto(status_url)
    assert page.get_by_role("link", name="Buurtmoestuin De Linde").is_visible()
