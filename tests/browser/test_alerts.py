"""E-mail alerts in a real browser: from a search to the mailbox and back, and axe on every
page of the cycle."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.core.management import call_command

from alerts.models import Subscription

pytestmark = pytest.mark.django_db(transaction=True)
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
axe = Axe()


@pytest.fixture
def site(live_server, settings):
    call_command("seed", verbosity=0)
    settings.SITE_URL = live_server.url
    return live_server.url


def assert_accessible(page, name, screenshot):
    results = axe.run(page, options=WCAG_21_AA)
    screenshot(page, f"alerts-{name}")
    assert results.violations_count == 0, f"{name}:\n{results.generate_report()}"


def test_follow_a_search_confirm_change_and_leave(page, site, screenshot):
    page.goto(site + "/praktijken/?q=jongeren&provincie=limburg")
    page.get_by_role("link", name="Houd me op de hoogte").first.click()
    assert page.get_by_text("zoekterm ‘jongeren’ · Provincie: Limburg").is_visible()
    assert_accessible(page, "subscribe", screenshot)

    page.get_by_label("Je e-mailadres").fill("geen adres")
    page.get_by_role("button", name="Inschrijven").click()
    assert page.get_by_role("alert").get_by_text("Vul een geldig e-mailadres in").is_visible()
    assert page.get_by_label("Je e-mailadres").input_value() == "geen adres"
    assert_accessible(page, "subscribe-errors", screenshot)

    page.get_by_label("Je e-mailadres").fill("jeugd@genk.be")
    page.get_by_label("Dagelijks").check()
    page.get_by_role("button", name="Inschrijven").click()
    assert page.get_by_role("heading", name="Bevestig je inschrijving in je mailbox").is_visible()
    assert_accessible(page, "sent", screenshot)

    (confirmation,) = mail.outbox
    confirm = re.search(r"http://\S+/bevestig/", confirmation.body).group(0)
    page.goto(confirm)  # a mail scanner gets this far, and confirms nothing
    assert_accessible(page, "confirm", screenshot)
    page.get_by_role("button", name="Bevestigen").click()
    assert page.get_by_role("heading", name="Je bent ingeschreven").is_visible()
    assert_accessible(page, "confirmed", screenshot)

    page.get_by_role("link", name="Je inschrijving beheren").click()
    assert_accessible(page, "manage", screenshot)
    page.get_by_label("Wekelijks").check()
    page.get_by_role("button", name="Opslaan").click()
    assert page.get_by_text("voortaan wekelijks").is_visible()
    assert Subscription.objects.get().frequency == "wekelijks"

    page.goto(site + Subscription.objects.get().unsubscribe_url())
    assert_accessible(page, "unsubscribe", screenshot)
    page.get_by_role("button", name="Uitschrijven").click()
    assert page.get_by_role("heading", name="Je bent uitgeschreven").is_visible()
    assert_accessible(page, "unsubscribed", screenshot)
    assert not Subscription.objects.exists()

    page.goto(confirm)
    assert page.get_by_role("heading", name="Deze inschrijving bestaat niet (meer)").is_visible()
    assert_accessible(page, "gone", screenshot)
