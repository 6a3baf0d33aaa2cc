"""The shortlist in a real browser, with and without JavaScript."""

import re

import pytest
from django.core.management import call_command

SAVE = re.compile(r"^Bewaar ")  # not "Bewaard: … – haal weg"

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site(live_server):
    call_command("seed", verbosity=0)
    return live_server.url


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_save_two_practices_and_compare_them(browser, site, javascript):
    context = browser.new_context(java_script_enabled=javascript, locale="nl-BE")
    page = context.new_page()
    page.goto(site + "/praktijken/?q=jongeren")
    first_title = page.locator(".card__title").first.inner_text()
    page.get_by_role("button", name=SAVE).first.click()
    page.wait_for_load_state()
    assert "/praktijken/?q=jongeren" in page.url  # back where the visitor was
    page.get_by_role("button", name=SAVE).first.click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="Bewaarlijst (2)").is_visible()

    page.goto(site + "/bewaarlijst/")
    assert page.get_by_role("heading", name=first_title).is_visible()
    for checkbox in page.get_by_role("checkbox").all()[:2]:
        checkbox.check()
    page.get_by_role("button", name="Vergelijk").click()
    page.wait_for_load_state()
    assert page.locator("table.compare thead th").count() == 3  # the label column and two
    context.close()
