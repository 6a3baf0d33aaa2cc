"""A burst of submissions at the same moment: every one is stored (PostgreSQL)."""

import threading

import pytest
from django.db import connections
from django.test import Client

from submissions.models import Submission
from tests.test_submit_practice import URL, valid_data

BURST = 20


@pytest.mark.django_db(transaction=True)
def test_a_burst_of_concurrent_submissions_is_stored_whole():
    start = threading.Barrier(BURST)
    statuses, errors = [], []

    def send(number):
        try:
            client = Client(REMOTE_ADDR=f"10.0.0.{number}")
            start.wait(timeout=10)
            response = client.post(URL, valid_data(title=f"Praktijk {number:02}"))
            statuses.append(response.status_code)
        except Exception as error:  # reported below, with the number of the sender
            errors.append(f"{number}: {error!r}")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=(n,)) for n in range(BURST)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert statuses == [302] * BURST
    titles = sorted(Submission.objects.values_list("title", flat=True))
    assert titles == [f"Praktijk {n:02}" for n in range(BURST)]
    assert Submission.objects.values("reference").distinct().count() == BURST


@pytest.mark.django_db(transaction=True)
def test_a_burst_from_one_address_stores_exactly_the_limit():
    from submissions.services import RATE_LIMIT

    start = threading.Barrier(BURST)
    statuses, errors = [], []

    def send(number):
        try:
            client = Client(REMOTE_ADDR="10.9.9.9")
            start.wait(timeout=10)
            response = client.post(URL, valid_data(title=f"Praktijk {number:02}"))
            statuses.append(response.status_code)
        except Exception as error:
            errors.append(f"{number}: {error!r}")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=(n,)) for n in range(BURST)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert sorted(statuses) == [200] * (BURST - RATE_LIMIT) + [302] * RATE_LIMIT
    assert Submission.objects.count() == RATE_LIMIT
