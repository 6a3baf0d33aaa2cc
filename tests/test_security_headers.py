"""The headers of the main pages: an audit that fails when one is missing or weakened."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

from tests.deploy_check import check_deploy
from tests.factories import PracticeFactory
from tests.submission_factories import SubmissionFactory

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/praktijken/?q=jongeren",
    "/praktijken/audit/",
    "/categorie/audit/",
    "/plan-samenleven/",
    "/fiche-indienen/",
    "/toegankelijkheid/",
    "/bestaat-niet/",
    "/beheer/login/",
]


@pytest.fixture
def pages():
    practice = PracticeFactory(slug="audit")
    practice.category.slug = "audit"
    practice.category.save()
    return [*PAGES, SubmissionFactory().get_absolute_url()]


def policy(response):
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def test_every_main_page_sends_a_strict_content_security_policy(anonymous, pages):
    for path in pages:
        csp = policy(anonymous.get(path))
        assert csp["object-src"] == ["'none'"], path
        assert csp["base-uri"] == ["'none'"], path
        assert csp["frame-ancestors"] == ["'none'"], path
        for directive in ("default-src", "script-src", "style-src"):
            assert "'unsafe-inline'" not in csp[directive], (path, directive)
            assert "'unsafe-eval'" not in csp[directive], (path, directive)
            assert "*" not in csp[directive], (path, directive)


def test_every_main_page_sends_the_other_security_headers(anonymous, pages):
    for path in pages:
        response = anonymous.get(path)
        assert response["X-Content-Type-Options"] == "nosniff", path
        assert response["Referrer-Policy"] in ("strict-origin-when-cross-origin", "no-referrer")
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", path
        assert response["X-Frame-Options"] == "DENY", path
        permissions = response["Permissions-Policy"]
        for feature in ("camera=()", "microphone=()", "geolocation=()"):
            assert feature in permissions, (path, feature)


def test_behind_https_hsts_lasts_a_year_and_cookies_are_host_only(settings, client):
    settings.SECURE_SSL_REDIRECT = False  # the test client speaks http; secure=True below
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get(reverse("submissions:submit_practice"), secure=True)
    hsts = response["Strict-Transport-Security"]
    assert int(hsts.split("max-age=")[1].split(";")[0]) >= 31536000


def test_production_settings_pass_check_deploy(tmp_path):
    result = check_deploy(
        tmp_path,
        "--fail-level",
        "DEBUG",
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize("site_url", [None, "http://127.0.0.1:8000"])
def test_check_deploy_fails_without_a_public_site_url(tmp_path, site_url):
    result = check_deploy(tmp_path, SITE_URL=site_url)
    assert result.returncode != 0
    assert "databank.E001" in result.stderr + result.stdout


def test_the_cookies_in_production_are_secure_httponly_and_host_prefixed(tmp_path):
    env = {**os.environ, "HTTPS": "True", "VAR_DIR": str(tmp_path)}
    code = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE','config.settings');"
        "django.setup(); from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.SESSION_COOKIE_SECURE,"
        " s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_HTTPONLY,"
        " s.SESSION_COOKIE_SAMESITE)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == [
        "__Host-sessionid", "__Host-csrftoken", "True", "True", "True", "True", "Lax",
    ]  # fmt: skip


@pytest.fixture
def production_https(settings):
    """The settings HTTPS=True gives (config/settings.py), for the test client."""
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = settings.SECURE_HSTS_PRELOAD = True
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    settings.SESSION_COOKIE_NAME = "__Host-sessionid"
    settings.CSRF_COOKIE_NAME = "__Host-csrftoken"


def test_every_page_type_scores_at_least_135_on_the_observatory(
    client, pages, production_https, capsys
):
    from tests.factories import EventFactory, OrganisationFactory
    from tests.observatory import score

    event = EventFactory()
    organisation = OrganisationFactory()
    page_types = [
        *pages,
        "/praktijken/audit/wijziging-voorstellen/",
        "/plan-samenleven/actie-2/",
        "/activiteiten/",
        event.get_absolute_url(),
        "/organisaties/",
        organisation.get_absolute_url(),
        "/over/",
        "/privacy/",
        "/open-data/",
        "/praktijken/feed.atom",
        "/sitemap.xml",
        "/api/v1/praktijken/",
        "/api/v1/",
        "/static/css/site.css",
    ]
    scores = [
        score(path, client.get(path, secure=True), client.get(path, secure=False))
        for path in page_types
    ]
    with capsys.disabled():
        print("\nMDN HTTP Observatory score per page type (tests/observatory.py):")
        for each in scores:
            print(each)
    assert [s.path for s in scores if s.total < 135] == []
    # What a weaker header costs: proof the scoring can fail.
    response = client.get("/", secure=True)
    full = score("/", response).total
    del response.headers["Cross-Origin-Resource-Policy"]
    assert score("/", response).total == full - 10
