"""The moderation queue in the admin, as an editor of the group Redacteurs uses it."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse

from practices.models import Practice
from submissions.editors import editors_group
from submissions.models import Submission
from tests.factories import UserFactory
from tests.submission_factories import SubmissionFactory

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:submissions_submission_changelist")


@pytest.fixture
def redacteur(client):
    user = UserFactory(username="els", is_staff=True)
    user.groups.add(editors_group(Group, Permission))
    client.force_login(user)
    client.user = user
    return client


def change_url(submission):
    return reverse("admin:submissions_submission_change", args=[submission.pk])


def form(**fields):
    """The change form as a browser posts it, with the (read-only) inlines' management."""
    data = {"assigned_to": "", "internal_notes": "", "decline_reason": "", **fields}
    for prefix in ("places", "links", "log"):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return data


def test_the_editors_group_may_edit_content_but_not_accounts():
    group = Group.objects.get(name="Redacteurs")
    apps = set(group.permissions.values_list("content_type__app_label", flat=True))
    assert apps == {
        "practices",
        "taggit",
        "submissions",
        "owners",
        "dossiers",
        "adoptions",
        "evidence",
        "alerts",
        "insights",
    }
    alerts = group.permissions.filter(content_type__app_label="alerts")
    assert list(alerts.values_list("codename", flat=True)) == ["view_subscription"]
    insights = group.permissions.filter(content_type__app_label="insights")
    assert set(insights.values_list("codename", flat=True)) == {"view_searchday", "view_sheetviews"}
    assert not group.permissions.filter(content_type__app_label="auth").exists()
    assert Permission.objects.filter(codename="change_submission").exists()


def test_create_editor_makes_a_staff_member_of_redacteurs(monkeypatch, capsys):
    from django.contrib.auth import get_user_model

    monkeypatch.setenv("EDITOR_PASSWORD", "een-lang-en-goed-wachtwoord")
    call_command("create_editor", "els", "els@vvsg.example")
    user = get_user_model().objects.get(username="els")
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["Redacteurs"]
    assert user.check_password("een-lang-en-goed-wachtwoord")


def test_the_queue_is_newest_first_with_counts_and_search(redacteur, django_assert_max_num_queries):
    SubmissionFactory(title="Oudste")
    SubmissionFactory(title="Nieuwste", status="in_review")
    with django_assert_max_num_queries(20):
        html = redacteur.get(CHANGELIST).content.decode()
    assert html.index("Nieuwste") < html.index("Oudste")
    assert "Nieuw (1)" in html and "In behandeling (1)" in html
    assert "Oudste" not in redacteur.get(CHANGELIST, {"q": "nieuwste"}).content.decode()


def test_accept_from_the_form_opens_the_new_draft(redacteur):
    submission = SubmissionFactory()
    response = redacteur.post(change_url(submission), form(internal_notes="Ok", _accept="1"))
    practice = Practice.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:practices_practice_change", args=[practice.pk])
    submission.refresh_from_db()
    assert submission.status == "accepted" and submission.internal_notes == "Ok"


def test_decline_from_the_form_uses_the_reason_typed_there(redacteur):
    submission = SubmissionFactory()
    redacteur.post(
        change_url(submission), form(decline_reason="Geen lokaal bestuur.", _decline="1")
    )
    submission.refresh_from_db()
    assert (submission.status, submission.decline_reason) == ("declined", "Geen lokaal bestuur.")
    empty = SubmissionFactory()
    response = redacteur.post(change_url(empty), form(_decline="1"), follow=True)
    assert "Geef een reden" in response.content.decode()
    empty.refresh_from_db()
    assert empty.status == "new"


def test_actions_report_what_they_did_and_what_they_could_not(redacteur):
    fresh, done = SubmissionFactory(), SubmissionFactory(status="spam")
    response = redacteur.post(
        CHANGELIST + "?toon=alle",
        {"action": "start_review", "_selected_action": [fresh.pk, done.pk]},
        follow=True,
    )
    html = response.content.decode()
    assert "1 inzending in behandeling genomen." in html
    assert f"{done.reference} is al spam" in html


def test_a_change_suggestion_shows_the_current_sheet_beside_it(redacteur):
    submission = SubmissionFactory(change=True)
    submission.practice.summary = "Wat er nu op de fiche staat."
    submission.practice.save()
    html = redacteur.get(change_url(submission)).content.decode()
    assert "Wat er nu op de fiche staat." in html
    assert "Het contactadres is veranderd." in html


def test_submitted_text_is_escaped_in_the_admin(redacteur):
    submission = SubmissionFactory(
        title="<img src=x onerror=alert(1)>", description="<script>x</script>"
    )
    html = redacteur.get(change_url(submission)).content.decode()
    assert "<img src=x onerror" not in html and "<script>x</script>" not in html
    assert Submission.objects.get().title.startswith("<img")


def test_the_queue_opens_on_open_items_with_a_link_to_all(redacteur):
    SubmissionFactory(title="Nieuw ding")
    SubmissionFactory(title="Lopend ding", status="in_review")
    SubmissionFactory(title="Oud ding", status="accepted")
    html = redacteur.get(CHANGELIST).content.decode()
    assert "Nieuw ding" in html and "Lopend ding" in html and "Oud ding" not in html
    assert "?toon=alle" in html
    assert "Oud ding" in redacteur.get(CHANGELIST + "?toon=alle").content.decode()
    # A status asked for by a link (the dashboard's) is shown, open or not.
    assert "Oud ding" in redacteur.get(CHANGELIST + "?status__exact=accepted").content.decode()


def test_submitted_lists_show_as_lists(redacteur):
    submission = SubmissionFactory(goals=["Ontmoeting", "Groen in de wijk"])
    html = redacteur.get(change_url(submission)).content.decode()
    assert "<ul><li>Ontmoeting</li><li>Groen in de wijk</li></ul>" in html
    assert '["Ontmoeting"' not in html


def test_every_log_row_says_what_changed(redacteur):
    submission = SubmissionFactory()
    redacteur.post(CHANGELIST, {"action": "assign_to_me", "_selected_action": [submission.pk]})
    redacteur.post(CHANGELIST, {"action": "start_review", "_selected_action": [submission.pk]})
    html = redacteur.get(change_url(submission)).content.decode()
    assert "status blijft Nieuw" in html and "Toegewezen aan els" in html
    assert "Nieuw → In behandeling" in html and "In behandeling genomen." in html
    assert "new → new" not in html


def test_a_suggestion_shows_the_whole_current_sheet_with_places_and_contacts(redacteur):
    from practices.models import PracticeLocation
    from tests.factories import MunicipalityFactory

    submission = SubmissionFactory(change=True)
    PracticeLocation.objects.create(
        practice=submission.practice,
        municipality=MunicipalityFactory(name="Proefdorp"),
        contact_email="info@proefdorp.example",
    )
    html = redacteur.get(change_url(submission)).content.decode()
    assert "Deze praktijk in" in html and "Proefdorp" in html
    assert "info@proefdorp.example" in html


def test_a_log_entry_in_words():
    from submissions.models import ModerationLogEntry

    assert ModerationLogEntry(from_status="", to_status="new").change == "ingediend (Nieuw)"
    entry = ModerationLogEntry(from_status="in_review", to_status="declined")
    assert entry.change == "In behandeling → Afgewezen"
