"""The shortlist in a real browser, with and without JavaScript."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

SAVE = re.compile(r"^Bewaar ")  # not "Bewaard: … – haal weg"

pytestmark = pytest.mark.django_db(transaction=True)
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


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
    # With script the page stays; without, the post comes back to the same results.
    page.get_by_role("link", name="Bewaarlijst (1)").wait_for()
    assert "/praktijken/?q=jongeren" in page.url  # back where the visitor was
    page.get_by_role("button", name=SAVE).first.click()
    page.get_by_role("link", name="Bewaarlijst (2)").wait_for()

    page.goto(site + "/bewaarlijst/")
    assert page.get_by_role("heading", name=first_title).is_visible()
    for checkbox in page.get_by_role("checkbox").all()[:2]:
        checkbox.check()
    page.get_by_role("button", name="Vergelijk").click()
    page.wait_for_load_state()
    assert page.locator("table.compare thead th").count() == 3  # the label column and two
    context.close()


def test_bewaar_on_a_phone_keeps_the_visitor_at_the_card_with_script(browser, site):
    context = browser.new_context(viewport={"width": 375, "height": 700}, locale="nl-BE")
    page = context.new_page()
    page.goto(site + "/praktijken/?q=jongeren")
    card = page.locator(".card").nth(3)
    card.scroll_into_view_if_needed()
    before = page.evaluate("window.scrollY")
    assert before > 500
    url = page.url
    title = card.locator(".card__title").inner_text()
    card.get_by_role("button", name=SAVE).click()
    pressed = card.get_by_role("button", name=re.compile("^Bewaard"))
    pressed.wait_for()
    assert pressed.get_attribute("aria-pressed") == "true"
    assert page.url == url and page.evaluate("window.scrollY") == before  # no reload
    assert page.get_by_role("status").filter(has_text=title).count() == 1
    page.locator(".menu-toggle").click()
    assert page.get_by_role("link", name="Bewaarlijst (1)").is_visible()
    # And off again, in place.
    pressed.click()
    card.get_by_role("button", name=SAVE).wait_for()
    assert "van je bewaarlijst gehaald" in page.get_by_role("status").last.inner_text()
    context.close()


def test_bewaar_without_script_comes_back_at_the_same_card(browser, site):
    context = browser.new_context(
        viewport={"width": 375, "height": 700}, locale="nl-BE", java_script_enabled=False
    )
    page = context.new_page()
    page.goto(site + "/praktijken/?q=jongeren")
    card = page.locator(".card").nth(3)
    slug = card.get_attribute("id")
    card.get_by_role("button", name=SAVE).click()
    page.wait_for_url(f"**#{slug}")
    assert page.locator(f"#{slug}").get_by_role("button", name=re.compile("^Bewaard")).count()
    top = page.locator(f"#{slug}").evaluate("card => card.getBoundingClientRect().top")
    assert -2 <= top < 100
    context.close()


def test_the_list_prints_with_site_name_date_and_addresses(page, site):
    page.goto(site + "/praktijken/pleinpatrons/")
    page.get_by_role("button", name=SAVE).first.click()
    page.get_by_role("link", name="Bewaarlijst (1)").wait_for()
    page.goto(site + "/bewaarlijst/")
    assert page.get_by_role("button", name="Druk de lijst af").is_visible()
    assert page.get_by_role("button", name="Kopieer de link").is_visible()
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()
    page.emulate_media(media="print")
    printed = page.locator("main").inner_text()
    assert "Databank Sociale Samenhang · bewaarlijst · afgedrukt op" in printed
    assert "/praktijken/pleinpatrons/" in printed
    assert not page.locator(".compare-form, .shortlist-tools").first.is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
