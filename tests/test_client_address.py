"""The client's address behind the proxies we trust: shared by the rate limit and the login
lock, never the proxy's own, never what a client wrote into X-Forwarded-For."""

import pytest
from django.test import RequestFactory

from config.network import client_address, rate_limit_key
from submissions.services import address_hash

pytestmark = pytest.mark.django_db


def request(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_a_proxy_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = 0
    assert client_address(request("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


@pytest.mark.parametrize(
    ("forwarded", "client"),
    [
        ("198.51.100.9", "198.51.100.9"),  # nginx appended what it saw
        ("1.2.3.4, 198.51.100.9", "198.51.100.9"),  # the client wrote 1.2.3.4 itself
        ("1.2.3.4, 5.6.7.8, 198.51.100.9", "198.51.100.9"),
        ("geen-adres", "10.0.0.2"),  # nonsense: the proxy's address, never an error
        ("", "10.0.0.2"),
    ],
)
def test_behind_one_proxy_the_rightmost_untrusted_hop_counts(settings, forwarded, client):
    settings.TRUSTED_PROXIES = 1
    assert client_address(request("10.0.0.2", forwarded)) == client


def test_behind_two_proxies(settings):
    settings.TRUSTED_PROXIES = 2
    assert client_address(request("10.0.0.3", "1.2.3.4, 198.51.100.9, 10.0.0.2")) == (
        "198.51.100.9"
    )


def test_an_ipv6_household_counts_once():
    first, second = "2001:db8:1:2:aaaa::1", "2001:db8:1:2:ffff:1:2:3"
    assert rate_limit_key(first) == rate_limit_key(second) == "2001:db8:1:2::/64"
    assert address_hash(first) == address_hash(second)
    assert address_hash("2001:db8:1:3::1") != address_hash(first)
    assert rate_limit_key("::ffff:192.0.2.1") == "192.0.2.1"


def test_spoofed_headers_do_not_get_past_the_rate_limit(anonymous, settings):
    from submissions.models import Submission
    from tests.test_submit_practice import URL, valid_data

    settings.TRUSTED_PROXIES = 1
    statuses = []
    for number in range(8):
        response = anonymous.post(
            URL,
            valid_data(title=f"Praktijk {number}"),
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"1.1.1.{number}, 198.51.100.9",
        )
        statuses.append(response.status_code)
    assert statuses == [302] * 5 + [200] * 3
    assert Submission.objects.count() == 5


def test_ipv6_addresses_from_one_64_share_the_limit(anonymous):
    from submissions.models import Submission
    from tests.test_submit_practice import URL, valid_data

    for number in range(7):
        anonymous.post(
            URL, valid_data(title=f"Praktijk {number}"), REMOTE_ADDR=f"2001:db8:7:7::{number + 1}"
        )
    assert Submission.objects.count() == 5


def test_the_login_lock_uses_the_real_client_behind_a_proxy(client, settings, editor_user):
    """Five wrong passwords from an attacker behind the proxy do not lock the editor out."""
    from django.urls import reverse

    settings.TRUSTED_PROXIES = 1
    login = reverse("admin:login")
    for _ in range(6):
        client.post(
            login,
            {"username": "redacteur", "password": "fout"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR="203.0.113.66",
        )
    locked = client.post(
        login,
        {"username": "redacteur", "password": "een-lang-wachtwoord"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="203.0.113.66",
    )
    assert locked.status_code == 429
    editor = client.post(
        login,
        {"username": "redacteur", "password": "een-lang-wachtwoord"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="198.51.100.20",
    )
    assert editor.status_code == 302
