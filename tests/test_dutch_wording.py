"""Dutch as a reader expects it: a count agrees with its noun, no English or jargon, and a
mail's subject says what it is about."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from submissions import services
from tests.factories import ActionFactory, CategoryFactory, PracticeFactory
from tests.submission_factories import SubmissionFactory

pytestmark = pytest.mark.django_db


def test_one_practice_is_the_practice_not_all_one(client):
    action = ActionFactory(number=14, title="Een actie")
    category = CategoryFactory(name="Sociale cohesie", slug="sociale-cohesie")
    PracticeFactory(category=category).actions.add(action)
    html = client.get(reverse("practices:action_detail", args=[14])).content.decode()
    assert "De praktijk voor actie 14</a>" in html and "Alle 1 praktijk" not in html
    html = client.get(reverse("practices:category_detail", args=["sociale-cohesie"])).content
    assert "Alle 1 praktijk" not in html.decode()


def test_the_about_page_and_the_privacy_page_speak_plain_dutch(client):
    about = client.get(reverse("practices:about")).content.decode()
    assert "contacteren" not in about and "contact kunt opnemen" in about
    privacy = client.get(reverse("submissions:privacy")).content.decode()
    assert "hash" not in privacy.lower()
    assert "versleutelde code van je internetadres" in privacy


def test_the_sheet_offers_afdrukken(client):
    practice = PracticeFactory()
    html = client.get(practice.get_absolute_url()).content.decode()
    assert ">Afdrukken</button>" in html and ">Print<" not in html


def test_the_queue_names_submissions_nobody_took_and_counts_in_dutch(editor, editor_user):
    SubmissionFactory()
    html = editor.get(reverse("admin:submissions_submission_changelist")).content.decode()
    assert "Niemand (1)" in html and ">- (1)<" not in html
    submission = SubmissionFactory()
    response = editor.post(
        reverse("admin:submissions_submission_changelist"),
        {"action": "assign_to_me", "_selected_action": [submission.pk]},
        follow=True,
    )
    assert "1 inzending aan jou toegewezen." in response.content.decode()


def test_a_confirmation_mail_names_the_databank_and_the_practice(
    client, django_capture_on_commit_callbacks
):
    practice = PracticeFactory(title="Pleinmakers")
    submission = SubmissionFactory(title="Buurtmoestuin De Linde")
    with django_capture_on_commit_callbacks(execute=True):
        services._queue_mails(submission, "received")
    received = [m for m in mail.outbox if m.to == [submission.submitter_email]]
    assert received[0].subject == (
        f"Je fiche ‘Buurtmoestuin De Linde’ is ontvangen – Databank Sociale Samenhang "
        f"({submission.reference})"
    )
    change = SubmissionFactory(change=True, practice=practice)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services._queue_mails(change, "received")
    assert mail.outbox[0].subject.startswith("Je voorstel voor ‘Pleinmakers’ is ontvangen")


def test_an_admin_inline_adds_a_row_with_the_name_first(editor):
    practice = PracticeFactory()
    html = editor.get(reverse("admin:practices_practice_change", args=[practice.pk])).content
    assert "Gemeente waar de praktijk loopt toevoegen" in html.decode()
    assert "Nog een Gemeente" not in html.decode()


def test_the_forms_name_their_personal_fields_for_the_browser_and_say_fout(client):
    """WCAG 1.3.5: name, organisation, e-mail and phone carry autocomplete tokens; the phone
    is type=tel; a failed send says 'Fout:' in the page's title."""
    html = client.get(reverse("submissions:submit_practice")).content.decode()
    for field, token in [
        ("submitter_name", "name"),
        ("submitter_organisation", "organization"),
        ("submitter_email", "email"),
        ("submitter_phone", "tel"),
    ]:
        tag = re.search(rf'<input[^>]*name="{field}"[^>]*>', html)[0]
        assert f'autocomplete="{token}"' in tag, field
    assert 'type="tel"' in re.search(r'<input[^>]*name="submitter_phone"[^>]*>', html)[0]
    assert "<title>Praktijk indienen" in html
    failed = client.post(reverse("submissions:submit_practice"), {"title": "Iets"})
    assert "<title>Fout: Praktijk indienen" in failed.content.decode()
