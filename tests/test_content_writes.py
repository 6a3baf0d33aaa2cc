"""A cached page follows the data, not the admin: a sheet changed through the ORM outside
the admin, through a management command, or by a queryset's update() is fresh on the next
request once the change commits; a rolled-back change replaces nothing.

The tests commit for real (transactional): what they check happens on commit."""

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from practices.content_cache import content_changed, content_version
from practices.models import Practice
from tests.factories import PracticeFactory

# The cache for real (tests/conftest.py).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("real_cache")]
SHEET = "/praktijken/pleinmakers/"


@pytest.fixture
def sheet(client):
    practice = PracticeFactory(title="Pleinmakers", slug="pleinmakers")
    assert client.get(SHEET).status_code == 200
    assert client.get(SHEET).status_code == 200  # now from the page cache
    return practice


def test_a_queryset_update_outside_the_admin_is_seen_at_once(client, sheet):
    Practice.objects.filter(pk=sheet.pk).update(status="draft")
    assert client.get(SHEET).status_code != 200


def test_a_save_through_the_orm_is_seen_at_once(client, sheet):
    sheet.title = "Pleinmakers in Gent"
    sheet.save()
    assert "Pleinmakers in Gent" in client.get(SHEET).content.decode()


def test_a_management_command_is_seen_at_once(client, sheet):
    call_command(
        "shell",
        command="from practices.models import Practice; "
        "Practice.objects.filter(slug='pleinmakers').update(title='Via de shell')",
    )
    assert "Via de shell" in client.get(SHEET).content.decode()


def pending():
    return [entry for entry in connection.run_on_commit if entry[1] is content_changed]


def test_one_replacement_per_transaction_and_none_for_a_rollback(client, sheet):
    with transaction.atomic():
        Practice.objects.filter(pk=sheet.pk).update(title="Een")
        Practice.objects.filter(pk=sheet.pk).update(title="Twee")
        assert len(pending()) == 1
    assert "Twee" in client.get(SHEET).content.decode()
    before = content_version()
    with pytest.raises(RuntimeError), transaction.atomic():
        Practice.objects.filter(pk=sheet.pk).update(title="Drie")
        raise RuntimeError
    assert content_version() == before


def test_writes_outside_the_content_replace_nothing(sheet):
    from alerts.models import Subscription

    before = content_version()
    Subscription.objects.create(email="a@b.be", search="", description="alle praktijken")
    assert content_version() == before


def test_an_applied_import_is_seen_at_once(client, sheet, editor_user):
    from imports.services import apply_import, check_import, start_import

    content = b"Webadres;Titel\npleinmakers;Pleinmakers na de import\n"
    run = check_import(run=start_import(file_name="x.csv", content=content, editor=editor_user))
    assert apply_import(run=run, editor=editor_user)
    assert "Pleinmakers na de import" in client.get(SHEET).content.decode()


def test_a_dossier_that_gathers_the_sheet_is_seen_at_once(client, sheet, real_cache):
    from django.utils import timezone

    from dossiers.models import Dossier, DossierEntry

    dossier = Dossier.objects.create(
        title="Ontmoeting",
        slug="ontmoeting",
        introduction="x",
        status="published",
        published_at=timezone.now(),
    )
    DossierEntry.objects.create(dossier=dossier, practice=sheet)
    assert 'href="/dossiers/ontmoeting/"' in client.get(SHEET).content.decode()
