"""Phones, zoom, paper and the keyboard alone."""

import pytest
from django.core.management import call_command

from submissions.models import Submission

pytestmark = pytest.mark.django_db(transaction=True)
PAGES = {
    "home": "/",
    "search": "/praktijken/?q=jongeren",
    "sheet": "/praktijken/curant-cohousing-project/",
    "category": "/categorie/sociale-cohesie/",
    "action": "/plan-samenleven/actie-2/",
    "form": "/fiche-indienen/",
}


@pytest.fixture
def site(live_server):
    call_command("seed", verbosity=0)
    return live_server.url


@pytest.mark.parametrize(("width", "label"), [(320, "phone"), (640, "zoom-200"), (1280, "desktop")])
def test_pages_fit_the_screen_without_sideways_scrolling(browser, site, screenshot, width, label):
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="nl-BE")
    page = context.new_page()
    for name, path in PAGES.items():
        page.goto(site + path)
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= width, f"{name} is {overflow} px wide at {width} px"
        screenshot(page, f"{name}-{label}")
    context.close()


def test_a_sheet_prints_on_a4_with_contacts_and_link_addresses_but_no_navigation(page, site):
    page.goto(site + PAGES["sheet"])
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".site-footer").is_visible()
    assert not page.locator(".call").first.is_visible()
    assert page.get_by_role("link", name="curant@antwerpen.be").last.is_visible()  # the place
    after = page.evaluate(
        "getComputedStyle(document.querySelector('.sheet a[href^=\"http\"]') "
        "|| document.querySelector('.sheet a'), '::after').content"
    )
    assert after is not None
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000


def test_a_practice_is_submitted_with_the_keyboard_alone(page, site):
    page.goto(site + "/fiche-indienen/")

    def type_into(label, text):
        # Tab to the field, as a keyboard user does, rather than clicking it.
        target = page.get_by_label(label, exact=True).first
        for _ in range(80):
            if page.evaluate("document.activeElement") and target.evaluate(
                "element => element === document.activeElement"
            ):
                break
            page.keyboard.press("Tab")
        else:
            raise AssertionError(f"never reached {label} with Tab")
        page.keyboard.type(text)

    type_into("Naam van de praktijk:", "Taalcafé Halle")
    type_into("Korte samenvatting:", "Nieuwkomers oefenen Nederlands met vrijwilligers.")
    type_into("Beschrijving:", "Elke week in de bibliotheek.")
    type_into("Gemeente:", "Halle")
    type_into("Je naam:", "Chloé")
    type_into("Organisatie of lokaal bestuur:", "Stad Halle")
    type_into("E-mailadres:", "chloe@halle.example")
    # On past the phone field and the privacy notice's links to its checkbox; the honeypot
    # (tabindex -1) is never reached.
    for _ in range(10):
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.name") != "website"
        if page.evaluate("document.activeElement.name") == "privacy":
            break
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Fiche versturen"
    page.keyboard.press("Enter")
    page.wait_for_url("**/inzending/**")
    assert Submission.objects.get().title == "Taalcafé Halle"
