"""On a phone the header is one line and a search box: the menu opens from "Menu", with or
without script."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site(live_server):
    call_command("seed", verbosity=0)
    return live_server.url


@pytest.mark.parametrize("script", [True, False], ids=["with-script", "without-script"])
def test_the_phone_header_is_compact_and_its_menu_opens(browser, site, screenshot, script):
    context = browser.new_context(
        viewport={"width": 375, "height": 700}, locale="nl-BE", java_script_enabled=script
    )
    page = context.new_page()
    page.goto(site + "/praktijken/pleinpatrons/")
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 130, header  # name and Menu on a line, then the search box
    assert page.get_by_role("searchbox", name="Zoek een praktijk").is_visible()
    practices = page.locator(".site-nav").get_by_role("link", name="Praktijken")
    assert not practices.is_visible()
    page.locator(".menu-toggle").click()
    assert practices.is_visible()
    assert page.locator(".site-nav").get_by_role("link", name="Bewaarlijst").is_visible()
    if script:
        assert page.get_by_role("button", name="Menu").get_attribute("aria-expanded") == "true"
    screenshot(page, f"phone-menu-{'script' if script else 'no-script'}")
    practices.click()
    page.wait_for_url("**/praktijken/")
    context.close()


def test_the_desktop_header_shows_the_menu_without_a_toggle(page, site):
    page.goto(site + "/")
    assert not page.locator(".menu-toggle").is_visible()
    assert page.locator(".site-nav").get_by_role("link", name="Kaart").is_visible()
