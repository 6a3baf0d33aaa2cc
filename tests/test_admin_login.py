"""The editors' login: locked for a while after repeated failures (django-axes)."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
LOGIN = reverse("admin:login")


def attempt(client, password):
    return client.post(LOGIN, {"username": "els", "password": password, "next": "/beheer/"})


def test_five_wrong_passwords_lock_the_account_for_that_address(client, settings):
    UserFactory(username="els", is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "fout").status_code == 200
    locked = attempt(client, "fout")
    assert locked.status_code == 429
    assert "Tijdelijk geblokkeerd" in locked.content.decode()
    # Even the right password waits now.
    assert attempt(client, "een-lang-wachtwoord").status_code == 429


def test_a_good_login_after_a_few_mistakes_works_and_resets(client):
    UserFactory(username="els", is_staff=True)
    attempt(client, "fout")
    assert attempt(client, "een-lang-wachtwoord").status_code == 302


def test_an_editors_session_ends_with_the_working_day(settings):
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
