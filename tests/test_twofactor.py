"""Editors log in with a password and a code from an authenticator app: enrolment on the
first login (with one-time backup codes), the code at every login, a wrong code refused in
Dutch, django-axes still counting wrong passwords, and a reset for a lost phone."""

import re
import time

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "een-lang-wachtwoord"
ADMIN = reverse("admin:index")
LOGIN = reverse("admin:login")


@pytest.fixture(autouse=True)
def _two_steps(settings):
    settings.REQUIRE_SECOND_FACTOR = True


@pytest.fixture
def editor_account():
    return UserFactory(username="els", is_staff=True, is_superuser=True)


def code_for(device, later=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + later
    return f"{totp.token():06d}"


def log_in(client, username="els", password=PASSWORD):
    return client.post(LOGIN, {"username": username, "password": password, "next": ADMIN})


def enrolled(client):
    """Log in for the first time and set up the app; the backup codes it showed."""
    response = log_in(client)
    assert response.status_code == 302 and "/tweede-stap/" in response["Location"]
    page = client.get(response["Location"], follow=True)
    assert "Tweede stap instellen" in page.content.decode()
    device = TOTPDevice.objects.get(confirmed=False)
    done = client.post(reverse("twofactor:enrol"), {"code": code_for(device), "next": ADMIN})
    return re.findall(r"<li><code>([a-z0-9]+)</code></li>", done.content.decode())


def test_the_first_login_enrols_an_app_and_shows_backup_codes(client, editor_account):
    assert client.get(ADMIN).status_code == 302
    page = client.get(
        reverse("twofactor:enrol"), follow=True
    )  # not logged in: to the password first
    assert "Gebruikersnaam" in page.content.decode()
    codes = enrolled(client)
    assert len(codes) == 10
    assert TOTPDevice.objects.get().confirmed
    assert client.get(ADMIN).status_code == 200  # verified for this session


def test_the_enrolment_page_shows_a_qr_code_and_the_key_in_dutch(client, editor_account):
    log_in(client)
    html = client.get(reverse("twofactor:enrol")).content.decode()
    assert 'src="data:image/svg+xml' in html
    assert "Scan deze QR-code" in html and "<code>" in html
    assert 'autocomplete="one-time-code"' in html


def test_every_later_login_asks_the_code_and_refuses_a_wrong_one(client, editor_account):
    enrolled(client)
    client.logout()
    response = log_in(client)
    assert "/tweede-stap/" in response["Location"] and "instellen" not in response["Location"]
    assert client.get(ADMIN).status_code == 302  # the password alone opens nothing
    wrong = client.post(reverse("twofactor:verify"), {"code": "000000", "next": ADMIN})
    assert "Deze code klopt niet" in wrong.content.decode()
    assert "<title>Fout: Tweede stap" in wrong.content.decode()
    assert client.get(ADMIN).status_code == 302
    device = TOTPDevice.objects.get()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    # The next code of the app (the one used to enrol cannot serve twice).
    right = client.post(
        reverse("twofactor:verify"), {"code": code_for(device, later=30), "next": ADMIN}
    )
    assert right["Location"] == ADMIN
    assert client.get(ADMIN).status_code == 200


def test_a_backup_code_works_once(client, editor_account):
    codes = enrolled(client)
    for attempt in range(2):
        client.logout()
        log_in(client)
        client.post(reverse("twofactor:verify"), {"code": codes[0], "next": ADMIN})
        expected = 200 if attempt == 0 else 302
        assert client.get(ADMIN).status_code == expected


def test_axes_still_counts_wrong_passwords(client, editor_account, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, password="fout")
    assert log_in(client).status_code == 429  # locked, even with the right password


def test_a_superuser_resets_a_lost_phone_and_the_next_login_enrols_anew(client, editor_account):
    enrolled(client)
    call_command("reset_second_factor", "els", verbosity=0)
    assert not TOTPDevice.objects.exists() and not StaticDevice.objects.exists()
    client.logout()
    response = log_in(client)
    follow = client.get(response["Location"])
    assert follow["Location"].startswith(reverse("twofactor:enrol"))
