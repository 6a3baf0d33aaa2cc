"""End-to-end tests in Debian's Chromium, driven by Playwright (never a downloaded browser).

Without /usr/bin/chromium these tests are deselected, with a line saying so; CI sets
REQUIRE_BROWSER=True so that a missing browser fails the run instead.
"""

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import deselect_unless

CHROMIUM = os.getenv("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# are still plain synchronous calls, so Django's async-safety check does not apply.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def chromium_available():
    return Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is not None


def pytest_collection_modifyitems(config, items):
    deselect_unless(
        config,
        items,
        folder="browser",
        available=chromium_available(),
        required_by="REQUIRE_BROWSER",
        reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)",
    )


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-BE")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    # A resource the Content-Security-Policy blocks, or a file whose integrity hash does not
    # match, is reported on the console only: it fails the test too.
    # (A page that is meant to be a 404 or 410 reports its own status there too: not an error.)
    def on_console(message):
        own_status = message.text.startswith("Failed to load resource") and (
            message.location.get("url") == page.url
        )
        if message.type == "error" and not own_status:
            errors.append(f"{message.text} ({message.location.get('url')})")

    page.on("console", on_console)
    yield page
    context.close()
    assert not errors, f"Errors on the page: {errors}"


@pytest.fixture
def screenshot():
    """screenshot(page, name) saves a full-page PNG under test-artifacts/ (git-ignored)."""
    ARTIFACTS.mkdir(exist_ok=True)

    def take(page, name):
        page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)

    return take


@pytest.fixture
def editor_site(live_server):
    """The seeded site with an editor 'els' of the group Redacteurs (made here: earlier
    transactional tests empty the tables, the migration's data included)."""
    from django.contrib.auth.models import Group, Permission
    from django.core.management import call_command

    from submissions.editors import editors_group
    from tests.factories import UserFactory

    call_command("seed", verbosity=0)
    editor = UserFactory(username="els", is_staff=True)
    editor.groups.add(editors_group(Group, Permission))
    return live_server.url


def log_in(page, site, username="els"):
    page.goto(site + "/beheer/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("een-lang-wachtwoord")
    page.get_by_role("button", name="Aanmelden").click()


@pytest.fixture(autouse=True)
def _site_url_is_the_live_server(request, settings):
    """Absolute links come from SITE_URL (config/links.py): in a browser test, the site is
    the live server."""
    if "live_server" in request.fixturenames:
        settings.SITE_URL = request.getfixturevalue("live_server").url
