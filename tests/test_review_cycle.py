"""The review cycle: when a sheet was last reviewed, when it is due, and what the sheet says."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from practices.models import Practice
from practices.services import add_months, mark_reviewed
from tests.factories import PracticeFactory

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:practices_practice_changelist")


@pytest.mark.parametrize(
    ("day", "months", "later"),
    [
        (datetime.date(2026, 11, 22), 24, datetime.date(2028, 11, 22)),
        (datetime.date(2024, 2, 29), 24, datetime.date(2026, 2, 28)),
        (datetime.date(2026, 8, 31), 3, datetime.date(2026, 11, 30)),
    ],
)
def test_add_months(day, months, later):
    assert add_months(day, months) == later


def test_an_overdue_sheet_says_it_may_be_outdated(anonymous):
    never = PracticeFactory()
    late = PracticeFactory(
        last_reviewed_on=datetime.date(2023, 1, 10), review_due_on=datetime.date(2025, 1, 10)
    )
    fresh = PracticeFactory(
        last_reviewed_on=timezone.localdate(), review_due_on=add_months(timezone.localdate(), 24)
    )
    assert "nog niet nagekeken: sommige informatie kan verouderd zijn" in (
        anonymous.get(never.get_absolute_url()).content.decode()
    )
    html = anonymous.get(late.get_absolute_url()).content.decode()
    assert 'het laatst nagekeken op <time datetime="2023-01-10">10 januari 2023</time>' in html
    assert "kan verouderd zijn" not in anonymous.get(fresh.get_absolute_url()).content.decode()


def test_marking_as_reviewed_dates_it_and_keeps_a_revision(editor, editor_user):
    practice = PracticeFactory()
    response = editor.post(
        CHANGELIST, {"action": "mark_reviewed", "_selected_action": [practice.pk]}, follow=True
    )
    assert "1 praktijk nagekeken; volgende keer over 24 maanden." in (response.content.decode())
    practice.refresh_from_db()
    today = timezone.localdate()
    assert practice.last_reviewed_on == today
    assert practice.review_due_on == add_months(today, 24)
    version = Version.objects.get_for_object(practice).first()
    assert version.revision.comment.startswith("Nagekeken op")
    assert version.revision.user == editor_user


def test_the_interval_is_a_setting(settings, editor_user):
    settings.REVIEW_INTERVAL_MONTHS = 12
    practice = PracticeFactory()
    mark_reviewed(
        practices=Practice.objects.filter(pk=practice.pk),
        editor=editor_user,
        on=datetime.date(2026, 1, 15),
    )
    practice.refresh_from_db()
    assert practice.review_due_on == datetime.date(2027, 1, 15)


def test_the_admin_filters_by_review_state_and_lists_the_date(editor):
    PracticeFactory(title="Nooit nagekeken")
    PracticeFactory(title="Achterstallig", review_due_on=datetime.date(2020, 1, 1))
    PracticeFactory(title="Bijna", review_due_on=timezone.localdate() + datetime.timedelta(days=30))
    PracticeFactory(title="Goed", review_due_on=timezone.localdate() + datetime.timedelta(days=400))
    late = editor.get(CHANGELIST, {"nakijken": "te-laat"}).content.decode()
    assert "Nooit nagekeken" in late and "Achterstallig" in late and "Goed" not in late
    soon = editor.get(CHANGELIST, {"nakijken": "binnenkort"}).content.decode()
    assert "Bijna" in soon and "Achterstallig" not in soon
    assert "nakijken tegen" in editor.get(CHANGELIST).content.decode().lower()


def test_seeded_sheets_have_a_first_revision_to_restore(editor):
    call_command("seed", verbosity=0)
    practice = Practice.objects.get(slug="12work")
    first = Version.objects.get_for_object(practice)
    assert first.count() == 1
    assert first.get().revision.comment == "Startversie, overgenomen uit de bronnen."
    history = editor.get(reverse("admin:practices_practice_history", args=[practice.pk]))
    assert "Dit object bevat geen wijzigingshistorie" not in history.content.decode()
    assert "Startversie" in history.content.decode()


def test_an_accepted_submission_counts_as_its_first_review(editor_user):
    from submissions import services
    from tests.submission_factories import SubmissionFactory

    practice = services.accept_submission(submission=SubmissionFactory(), editor=editor_user)
    assert practice.last_reviewed_on == timezone.localdate()
    assert not practice.review_overdue
    assert Version.objects.get_for_object(practice).count() == 1
