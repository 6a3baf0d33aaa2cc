"""An owner answers "Klopt dit nog?" in Chromium, as from the mail: every page without axe
violations, the answers posted by the browser itself (its Origin and Referer as sent)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from owners.models import Owner, Question
from practices.models import Practice
from submissions.models import Submission

pytestmark = pytest.mark.django_db(transaction=True)
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
axe = Axe()


@pytest.fixture
def asked(live_server):
    call_command("seed", verbosity=0)
    practice = Practice.objects.get(slug="pleinmakers")
    Owner.objects.create(practice=practice, email="socialecohesie@mechelen.be")
    question = Question.objects.create(practice=practice, email="socialecohesie@mechelen.be")
    return live_server.url + question.link(), question


def no_violations(page, name, screenshot):
    screenshot(page, f"owners-{name}")
    results = axe.run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, f"{name}:\n{results.generate_report()}"


@pytest.mark.parametrize("width", [1280, 320])
def test_klopt_nog_from_the_browser(page, asked, screenshot, width):
    link, question = asked
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(link)
    assert page.get_by_role("heading", name="Klopt dit nog?").is_visible()
    no_violations(page, f"question-{width}", screenshot)
    page.get_by_role("button", name="Klopt nog").click()
    assert page.get_by_text("Bedankt, je antwoord is binnen").is_visible()
    no_violations(page, f"answered-{width}", screenshot)
    practice = Practice.objects.get(pk=question.practice_id)
    assert practice.last_reviewed_on is not None


def test_the_change_form_with_an_error_then_sent(page, asked, screenshot):
    link, _ = asked
    page.goto(link)
    page.get_by_role("link", name="Er is iets veranderd").click()
    assert page.get_by_label("Samenvatting").input_value()  # filled in with the sheet
    page.get_by_label("Titel").fill("")
    more = page.get_by_label("Wat is er nog veranderd? (niet verplicht)")
    more.fill("Nieuwe pleinmaker in Nekker")
    page.get_by_role("button", name="Verstuur naar de redactie").click()
    assert page.title().startswith("Fout:")
    assert page.get_by_role("alert").is_visible()
    no_violations(page, "changed-errors", screenshot)
    assert "Nekker" in more.input_value()
    page.get_by_label("Titel").fill("Pleinmakers")
    page.get_by_role("button", name="Verstuur naar de redactie").click()
    assert page.get_by_text("Bedankt, je antwoord is binnen").is_visible()
    submission = Submission.objects.get()
    assert submission.from_owner and "Nekker" in submission.message


def test_loopt_niet_meer_and_the_stop_page(page, asked, screenshot):
    link, _ = asked
    page.goto(link + "loopt-niet-meer/")
    no_violations(page, "ended", screenshot)
    page.get_by_label("Ze werd stopgezet voor ze af was").check()
    page.get_by_label("Sinds welk jaar loopt de praktijk niet meer?").fill("2025")
    page.get_by_role("button", name="Verstuur naar de redactie").click()
    assert page.get_by_text("Bedankt, je antwoord is binnen").is_visible()
    page.goto(link + "geen-vragen-meer/")
    no_violations(page, "stop", screenshot)
    page.get_by_role("button", name="Stop deze mails").click()
    assert page.get_by_role("heading", name="Je krijgt geen vragen meer").is_visible()
    assert Owner.objects.get().opted_out_at is not None
