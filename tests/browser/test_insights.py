"""The beacons in Chromium: a search, the result opened from it (by its position), and the
sheet's view are counted, through the Content-Security-Policy as sent."""

import pytest
from django.core.management import call_command

from insights.models import SearchSeen, SheetViews

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site(live_server):
    call_command("seed", verbosity=0)
    return live_server.url


def test_a_search_its_opened_result_and_the_sheet_view_are_counted(browser, site):
    # Playwright's Chromium says HeadlessChrome, which counts as a robot: a visitor's string.
    context = browser.new_context(
        locale="nl-BE", user_agent="Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36"
    )
    page = context.new_page()
    page.goto(site + "/praktijken/?q=jongeren")
    second = page.locator(".card__title a").nth(1)
    slug = second.get_attribute("href").strip("/").rpartition("/")[2]
    second.click()
    page.wait_for_url(f"**/praktijken/{slug}/")
    page.wait_for_timeout(500)  # the beacons are sent as the pages change
    (seen,) = SearchSeen.objects.all()
    assert (seen.words, seen.opened) == ("jongeren", 2)
    assert SheetViews.objects.get(slug=slug).views == 1
    context.close()
