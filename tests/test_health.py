import pytest
from django.db import DatabaseError

pytestmark = pytest.mark.django_db


def test_health_is_200_when_the_database_answers(anonymous):
    response = anonymous.get("/gezondheid/")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_health_is_503_when_the_database_does_not(anonymous, monkeypatch):
    def broken(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr("django.db.backends.utils.CursorWrapper.execute", broken)
    response = anonymous.get("/gezondheid/")
    assert response.status_code == 503
