"""The public site's finish, measured in Chromium: spacing, focus contrast, the skip link to
the results, the printed sheet (page count from Chromium's PDF) and the Afdrukken button."""

import re

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True)
SHEET = "/praktijken/curant-cohousing-project/"


@pytest.fixture
def site(live_server):
    call_command("seed", verbosity=0)
    return live_server.url


def luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one, other):
    light, dark = sorted([luminance(one), luminance(other)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def rgb(css):
    return tuple(int(v) for v in re.findall(r"\d+", css)[:3])


@pytest.mark.parametrize("path", ["/", SHEET, "/fiche-indienen/", "/over/", "/praktijken/"])
def test_the_last_block_keeps_its_distance_from_the_footer(page, site, path):
    page.goto(site + path)
    gap = page.evaluate(
        """() => {
          const main = document.querySelector('main');
          const last = [...main.children].filter(e => e.getClientRects().length).pop();
          return document.querySelector('.site-footer').getBoundingClientRect().top
            - last.getBoundingClientRect().bottom;
        }"""
    )
    assert gap >= 24, f"{path}: {gap} px between the last block and the footer"


def test_a_confirmation_box_keeps_its_distance_from_the_header(page, site):
    page.goto(site + "/meldingen/")
    page.get_by_label("Je e-mailadres").fill("iemand@gemeente.be")
    page.get_by_role("button", name="Inschrijven").click()
    page.locator("main .notice").wait_for()  # the answer's page, not the form's
    gap = page.evaluate(
        "document.querySelector('main .notice').getBoundingClientRect().top"
        " - document.querySelector('.site-header').getBoundingClientRect().bottom"
    )
    assert gap >= 16


# An element of each background a focus indicator appears on: the page, the grey surfaces
# (filters, footer), the blue header, and a dark button.
FOCUSABLE = {
    "link on white": "main a[href]",
    "filter on grey": ".facets input[type=checkbox]",
    "footer link on grey": ".site-footer a",
    "header link on blue": ".site-nav a",
    "button on dark blue": ".search-box button",
}


@pytest.mark.parametrize("name", FOCUSABLE)
def test_the_focus_indicator_has_3_to_1_contrast_on_every_background(page, site, name):
    page.goto(site + "/praktijken/?q=jongeren")
    element = page.locator(FOCUSABLE[name]).first
    element.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focus by keyboard, so :focus-visible applies
    style = element.evaluate(
        """e => {
          const s = getComputedStyle(e);
          let bg = e.parentElement, colour = 'rgba(0, 0, 0, 0)';
          while (bg && (colour = getComputedStyle(bg).backgroundColor) === 'rgba(0, 0, 0, 0)') {
            bg = bg.parentElement;
          }
          return {outline: s.outlineColor, width: s.outlineWidth, shadow: s.boxShadow,
                  background: colour === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : colour,
                  focused: e === document.activeElement};
        }"""
    )
    assert style["focused"]
    assert float(style["width"].rstrip("px")) >= 2
    background = rgb(style["background"])
    best = max(
        contrast(rgb(style["outline"]), background), contrast(rgb(style["shadow"]), background)
    )
    assert best >= 3, f"{name}: {style}"


def test_a_skip_link_leads_past_the_filters_to_the_results(page, site):
    page.goto(site + "/praktijken/?q=jongeren")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Naar de resultaten"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#resultaten') !== null")
    page.wait_for_load_state("networkidle")  # let the server finish before the database resets


def pdf_pages(pdf):
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


def test_a_typical_sheet_prints_on_at_most_two_a4_pages_with_name_address_and_date(page, site):
    page.goto(site + SHEET)
    page.emulate_media(media="print")
    header = page.locator(".print-only")
    assert header.is_visible()
    text = header.inner_text()
    assert "Databank Sociale Samenhang" in text and SHEET in text and "afgedrukt op" in text
    for hidden in [".site-header", ".call", "#related", ".shortlist-button", "[data-print]"]:
        if page.locator(hidden).count():
            assert not page.locator(hidden).first.is_visible(), hidden
    pages = pdf_pages(page.pdf(format="A4"))
    print(f"{SHEET} prints on {pages} A4 page(s)")
    assert 1 <= pages <= 2


def test_the_print_button_appears_with_javascript_only(browser, site):
    for javascript in (True, False):
        context = browser.new_context(java_script_enabled=javascript, locale="nl-BE")
        page = context.new_page()
        page.goto(site + SHEET)
        assert page.get_by_role("button", name="Afdrukken", exact=True).is_visible() is javascript
        context.close()


# The sum of the layout shifts the page made by itself (Layout Instability API), as
# Lighthouse counts cumulative layout shift.
CUMULATIVE_LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(total), 1500);
})"""


def phone(browser):
    """Lighthouse's mobile profile: a 412 × 823 screen at 1.75 device pixels, touch."""
    return browser.new_context(
        viewport={"width": 412, "height": 823},
        device_scale_factor=1.75,
        is_mobile=True,
        has_touch=True,
        locale="nl-BE",
    )


@pytest.mark.parametrize("path", ["/praktijken/", "/praktijken/?q=jongeren&provincie=limburg"])
def test_the_search_page_does_not_shift_on_a_phone(browser, site, path):
    context = phone(browser)
    page = context.new_page()
    page.goto(site + path)
    shift = page.evaluate(CUMULATIVE_LAYOUT_SHIFT)
    print(f"CLS {path} on a phone: {shift:.3f}")
    assert shift <= 0.05
    first_result = page.locator(".card").first.bounding_box()
    assert first_result["y"] < 823  # the results are on the first screen
    context.close()


def test_on_a_phone_the_filters_open_and_lead_back_to_the_results(browser, site, screenshot):
    context = phone(browser)
    page = context.new_page()
    page.goto(site + "/praktijken/")
    page.get_by_text("Filters", exact=True).click()
    page.get_by_role("checkbox", name=re.compile("^Limburg")).check()
    page.get_by_text("Filters (1 actief)").wait_for()  # the results are swapped in
    assert page.title() == "Praktijken voor Limburg | Databank Sociale Samenhang"  # swapped too
    show = page.get_by_role("button", name=re.compile(r"^Toon \d+ resultat"))
    count = page.locator(".result-count").inner_text().split()[0]
    assert show.inner_text() == f"Toon {count} resultaten"
    assert page.locator("details.facets").get_attribute("open") is not None  # kept open
    screenshot(page, "search-phone-filters")
    show.click()
    assert page.locator("details.facets").get_attribute("open") is None
    assert page.evaluate("document.activeElement.id") == "resultaten"
    top = page.evaluate("document.getElementById('resultaten').getBoundingClientRect().top")
    assert -2 <= top < 823  # scrolled to (fractions of a pixel aside)
    assert page.get_by_text("Filters (1 actief)").is_visible()
    context.close()


def test_on_a_wide_screen_the_filters_are_open_beside_the_results(page, site):
    page.goto(site + "/praktijken/?q=jongeren")
    assert page.locator("details.facets").get_attribute("open") is not None
    assert page.get_by_role("checkbox", name=re.compile("^Limburg")).is_visible()
    assert not page.get_by_role("button", name=re.compile(r"^Toon \d+")).is_visible()


def test_a_sheet_is_two_columns_on_a_wide_screen_and_one_on_a_phone(browser, site, screenshot):
    for width, columns in [(1280, 2), (360, 1)]:
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-BE")
        page = context.new_page()
        page.goto(site + SHEET)
        text = page.locator(".sheet__main").bounding_box()
        panel = page.locator(".sheet__panel").bounding_box()
        side_by_side = panel["x"] >= text["x"] + text["width"]
        assert side_by_side is (columns == 2), (width, text, panel)
        if columns == 2:
            assert panel["x"] + panel["width"] > width * 0.85  # the right is used
        else:
            assert panel["y"] < text["y"]  # on a phone: where and whom to contact first
        screenshot(page, f"sheet-{width}")
        if columns == 2:  # other pages that use the sheet's styles keep one column
            page.goto(site + "/categorie/sociale-cohesie/")
            assert page.evaluate("getComputedStyle(document.querySelector('.sheet')).display")
            assert page.locator(".sheet").evaluate("e => getComputedStyle(e).display") == "block"
            assert page.locator(".sheet").bounding_box()["width"] <= 50 * 16 + 1
        context.close()


def test_the_map_is_usable_with_the_keyboard_and_leads_to_the_filtered_search(page, site):
    page.goto(site + "/kaart/")
    area = page.locator(".area-map a").first
    label = area.get_attribute("aria-label")  # "Antwerpen: 8 praktijken"
    expected = int(label.split(": ")[1].split()[0])
    for _ in range(40):
        page.keyboard.press("Tab")
        if area.evaluate("a => a === document.activeElement"):
            break
    else:
        raise AssertionError("never reached an area with Tab")
    outline = area.evaluate("a => getComputedStyle(a.querySelector('path')).strokeWidth")
    assert outline == "4px"  # the focused area is outlined
    page.keyboard.press("Enter")
    page.wait_for_url("**/praktijken/?gemeente=*")
    assert page.locator(".result-count").inner_text().startswith(f"{expected} praktijk")


@pytest.mark.parametrize("width", [320, 1280])
def test_the_map_page_fits_and_has_its_table(browser, site, screenshot, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-BE")
    page = context.new_page()
    page.goto(site + "/kaart/")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.locator(".map-table tbody tr").count() == 12
    screenshot(page, f"map-{width}")
    context.close()
