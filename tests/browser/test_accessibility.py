"""WCAG 2.1 AA, as axe-core checks it, on every kind of page: zero violations."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from submissions.editors import editors_group
from submissions.models import Submission
from tests import decided_sheet
from tests.decided_sheet import decide_on_it
from tests.factories import UserFactory
from tests.submission_factories import SubmissionFactory, SubmittedPlaceFactory

pytestmark = pytest.mark.django_db(transaction=True)
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
axe = Axe()


@pytest.fixture
def site(live_server):
    call_command("seed", verbosity=0)
    decide_on_it()
    return live_server.url


def just_sent_cookie(submission, site):
    """The session mark the form sets after sending, as a browser cookie."""
    from importlib import import_module

    from django.conf import settings

    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session["net_verzonden"] = submission.token
    session.create()
    return {"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": site}


def assert_accessible(page, name, screenshot):
    results = axe.run(page, options=WCAG_21_AA)
    screenshot(page, f"a11y-{name}")
    assert results.violations_count == 0, f"{name}:\n{results.generate_report()}"


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("home", "/"),
        ("search", "/praktijken/?q=jongeren&provincie=limburg&sorteer=nieuw"),
        ("search-empty", "/praktijken/?q=pleinmakkers"),
        ("sheet", "/praktijken/pleinpatrons/"),
        ("sheet-decided", decided_sheet.PATH),  # life, 'Aan de slag', an assessment
        ("category", "/categorie/sociale-cohesie/"),
        ("actions", "/plan-samenleven/"),
        ("action", "/plan-samenleven/actie-2/"),
        ("action-without-practices", "/plan-samenleven/actie-13/"),
        ("sheet-with-sessions", "/praktijken/leuvense-aanpak-jeugdwerk/"),
        ("events", "/activiteiten/"),
        ("event-study-afternoon", "/activiteiten/studienamiddag-sociale-cohesie-2019/"),
        ("event-inspiration-day", "/activiteiten/inspiratiedag-plan-samenleven/"),
        ("organisations", "/organisaties/"),
        ("organisation", "/organisaties/agentschap-integratie-en-inburgering/"),
        ("about", "/over/"),
        ("submit-form", "/fiche-indienen/"),
        ("suggest-change", "/praktijken/pleinmakers/wijziging-voorstellen/"),
        ("ask-the-editors", "/praktijken/talim/vraag/"),
        ("we-do-this-too", "/praktijken/pleinmakers/wij-ook/"),
        ("privacy", "/privacy/"),
        ("open-data", "/open-data/"),
        ("shortlist", "/bewaarlijst/"),
        ("compare", "/bewaarlijst/vergelijk/?fiche=pleinmakers&fiche=curant-cohousing-project"),
        ("shared-shortlist-forged", "/bewaarlijst/gedeeld/vervalst/"),
        ("map", "/kaart/"),
        ("map-of-a-search", "/kaart/?q=jongeren"),
        ("alerts-subscribe", "/meldingen/?q=jongeren"),
        ("accessibility-statement", "/toegankelijkheid/"),
        ("not-found", "/bestaat-niet/"),
    ],
)
def test_public_pages(page, site, screenshot, name, path):
    response = page.goto(site + path)
    assert response.status == (404 if name in ("not-found", "shared-shortlist-forged") else 200)
    assert_accessible(page, name, screenshot)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/praktijken/?q=jongeren",
        "/praktijken/pleinpatrons/",
        decided_sheet.PATH,
        "/categorie/sociale-cohesie/",
        "/fiche-indienen/",
        "/activiteiten/studienamiddag-sociale-cohesie-2019/",
        "/praktijken/leuvense-aanpak-jeugdwerk/",
        "/organisaties/agentschap-integratie-en-inburgering/",
        "/over/",
    ],
)
def test_headings_go_down_one_level_at_a_time(page, site, path):
    page.goto(site + path)
    results = axe.run(page, options={"runOnly": {"type": "rule", "values": ["heading-order"]}})
    assert results.violations_count == 0, results.generate_report()


def test_the_form_with_errors(page, site, screenshot):
    page.goto(site + "/fiche-indienen/")
    page.get_by_label("Naam van de praktijk").fill("Buurtmoestuin")
    page.get_by_label("E-mailadres").fill("geen-adres")
    page.get_by_role("button", name="Fiche versturen").click()
    assert page.get_by_role("alert").is_visible()
    assert_accessible(page, "submit-form-errors", screenshot)


def test_confirmation_and_status_pages(page, site, screenshot):
    submission = SubmissionFactory(status="declined", decline_reason="Geen lokaal initiatief.")
    page.context.add_cookies([just_sent_cookie(submission, site)])
    page.goto(site + submission.get_absolute_url())
    assert page.get_by_role("heading", name="Bedankt, je inzending is verzonden").is_visible()
    assert_accessible(page, "confirmation", screenshot)
    page.goto(site + submission.get_absolute_url())
    assert_accessible(page, "status", screenshot)


def list_overflow(page):
    return page.evaluate(
        "Math.max(document.documentElement.scrollWidth - window.innerWidth,"
        " (r => r ? r.scrollWidth - r.clientWidth : 0)(document.querySelector('.results')))"
    )


def test_admin_moderation_list_and_change_page(page, site, screenshot):
    user = UserFactory(username="els", is_staff=True)
    user.groups.add(editors_group(Group, Permission))
    submission = SubmittedPlaceFactory(submission=SubmissionFactory()).submission
    for n in range(2):
        SubmissionFactory(
            title=f"Een praktijk met een lange titel {n}",
            submitter_organisation="Gemeente Sint-Pieters-Leeuw",
            mail_problem="received-mail niet verstuurd",
        )
    page.goto(site + "/beheer/login/")
    page.get_by_label("Gebruikersnaam").fill("els")
    page.get_by_label("Wachtwoord").fill("een-lang-wachtwoord")
    page.get_by_role("button", name="Aanmelden").click()
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site + "/beheer/submissions/submission/")
    assert_accessible(page, "admin-queue", screenshot)
    # The queue fits a 1280 px screen: no column cut off, no sideways scrolling (of the
    # page, or of the list inside it).
    assert list_overflow(page) <= 0, f"{list_overflow(page)} px too wide"
    page.goto(site + "/beheer/practices/practice/")
    assert list_overflow(page) <= 0, f"the practice list: {list_overflow(page)} px too wide"
    page.goto(site + "/beheer/")
    assert page.get_by_role("heading", name="Te doen voor de redactie").is_visible()
    assert_accessible(page, "admin-dashboard", screenshot)
    page.goto(site + f"/beheer/submissions/submission/{submission.pk}/change/")
    assert Submission.objects.count() == 3
    assert_accessible(page, "admin-submission", screenshot)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/praktijken/?q=jongeren&provincie=limburg",
        "/praktijken/curant-cohousing-project/",
        "/kaart/",
        "/fiche-indienen/",
        "/praktijken/pleinmakers/wijziging-voorstellen/",
        "/meldingen/?q=jongeren",
        "/bewaarlijst/",
    ],
)
def test_pages_on_a_320_px_screen(browser, site, screenshot, path):
    context = browser.new_context(viewport={"width": 320, "height": 740}, locale="nl-BE")
    page = context.new_page()
    page.goto(site + path)
    name = "320-" + (path.strip("/").replace("/", "-").split("?")[0] or "home")
    assert_accessible(page, name, screenshot)
    context.close()


def test_the_dossier_pages(page, site, screenshot):
    from django.utils import timezone

    from dossiers.models import Dossier, DossierEntry
    from practices.models import Practice

    dossier = Dossier.objects.create(
        title="Jongeren op het plein",
        slug="jongeren-op-het-plein",
        introduction="Pleinen waar jongeren zich welkom voelen.\n\nEen tweede alinea.",
        status="published",
        published_at=timezone.now(),
    )
    for position, slug in enumerate(["pleinpatrons", "pleinmakers"]):
        DossierEntry.objects.create(
            dossier=dossier,
            practice=Practice.objects.get(slug=slug),
            position=position,
            note="Waarom deze praktijk hier staat.",
        )
    for name, path in [("dossiers", "/dossiers/"), ("dossier", dossier.get_absolute_url())]:
        assert page.goto(site + path).status == 200
        assert_accessible(page, name, screenshot)


def test_a_search_that_includes_the_towns_that_took_a_practice_over(page, site, screenshot):
    from adoptions.models import Adoption
    from practices.models import Municipality, Practice

    Adoption.objects.create(
        practice=Practice.objects.get(slug="pleinmakers"),
        municipality=Municipality.objects.get(name="Lokeren"),
        since_year=2021,
        contact_name="Jo",
        contact_email="jo@lokeren.example",
        status=Adoption.Status.ACCEPTED,
    )
    page.goto(site + "/praktijken/?gemeente=lokeren&ook_toegepast=1")
    card = page.locator("#fiche-pleinmakers")
    assert "ook toegepast in Lokeren (sinds 2021)" in card.inner_text()
    assert page.get_by_label("Ook waar een gekozen gemeente de praktijk overnam").is_checked()
    assert_accessible(page, "search-with-adopters", screenshot)
    page.get_by_role("link", name="Ook overgenomen in de gekozen gemeenten").click()
    assert page.locator("#fiche-pleinmakers").count() == 0
