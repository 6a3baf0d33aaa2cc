"""Guessing one user name from many addresses is slowed to one try per few seconds, and
nobody can lock the editor out: axes locks a name per address, the throttle never locks."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
LOGIN = reverse("admin:login")
PASSWORD = "een-lang-wachtwoord"


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = 1
    settings.LOGIN_THROTTLE_AFTER = 10
    settings.LOGIN_THROTTLE_SECONDS = 10


def attempt(client, address, password):
    return client.post(
        LOGIN,
        {"username": "els", "password": password, "next": "/beheer/"},
        REMOTE_ADDR="10.0.0.1",  # the proxy
        HTTP_X_FORWARDED_FOR=address,
    )


def failures():
    return sum(AccessAttempt.objects.values_list("failures_since_start", flat=True))


def spread_guesses(client, count=10):
    for n in range(count):
        assert attempt(client, f"203.0.113.{n // 2}", f"gok-{n}").status_code == 200


def test_many_addresses_guessing_one_name_are_slowed_down(client, behind_proxy):
    UserFactory(username="els", is_staff=True)
    spread_guesses(client)
    assert failures() == 10

    refused = attempt(client, "198.51.100.7", "nog-een-gok")
    assert refused.status_code == 200
    assert "veel mislukte aanmeldpogingen" in refused.content.decode()
    assert 'value="els"' in refused.content.decode()  # what was typed stays
    assert failures() == 10  # refused before the password was even looked at

    # After the pause, the next try is let through (and judged on its password).
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get(ip_address="203.0.113.4").attempt_time
        - timedelta(seconds=11)
    )
    assert attempt(client, "198.51.100.7", PASSWORD).status_code == 302


def test_the_editor_at_a_known_address_is_never_slowed_or_locked(client, behind_proxy):
    UserFactory(username="els", is_staff=True)
    assert attempt(client, "192.0.2.50", PASSWORD).status_code == 302  # the office
    client.logout()
    spread_guesses(client, 20)
    response = attempt(client, "192.0.2.50", PASSWORD)
    assert response.status_code == 302
    assert response.url == "/beheer/"


def test_below_the_threshold_nothing_is_throttled(client, behind_proxy):
    UserFactory(username="els", is_staff=True)
    spread_guesses(client, 9)
    assert attempt(client, "198.51.100.7", PASSWORD).status_code == 302
