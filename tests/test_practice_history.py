"""Every change editors make to a practice is kept, tags and places included, and can be undone."""

import pytest
from django.urls import reverse
from reversion.models import Version

from practices.models import Practice
from tests.factories import MunicipalityFactory, PracticeFactory
from tests.test_admin_practices import inline_management, practice_form

pytestmark = pytest.mark.django_db


def edit(editor, practice, **changes):
    data = practice_form(
        title=practice.title, slug=practice.slug, status=practice.status, **changes
    )
    data |= inline_management("locations") | inline_management("links")
    response = editor.post(reverse("admin:practices_practice_change", args=[practice.pk]), data)
    assert response.status_code == 302, response.context and response.context["errors"]


def test_an_edit_in_the_admin_is_recorded_with_who_when_and_what(editor, editor_user):
    practice = PracticeFactory(title="Pleinmakers", slug="pleinmakers", draft=True)
    edit(editor, practice, summary="Een nieuwe samenvatting.", tags="pleinen, buurt")
    version = Version.objects.get_for_object(practice).first()
    assert version.revision.user == editor_user
    assert "Samenvatting" in version.revision.get_comment() or version.revision.comment
    assert version.field_dict["summary"] == "Een nieuwe samenvatting."
    history = editor.get(reverse("admin:practices_practice_history", args=[practice.pk]))
    assert history.status_code == 200 and "redacteur" in history.content.decode()


def test_a_revert_restores_the_text_the_tags_and_the_places(editor):
    practice = PracticeFactory(title="Pleinmakers", slug="pleinmakers", draft=True)
    edit(editor, practice, summary="Eerste versie.", tags="pleinen")
    first = Version.objects.get_for_object(practice).first()
    edit(editor, practice, summary="Tweede versie.", tags="buurt, jongeren")
    practice.locations.create(municipality=MunicipalityFactory(name="Mechelen"))
    assert set(practice.tags.names()) == {"buurt", "jongeren"}

    revision_page = editor.get(
        reverse("admin:practices_practice_revision", args=[practice.pk, first.pk])
    )
    assert revision_page.status_code == 200 and "Eerste versie." in revision_page.content.decode()
    first.revision.revert(delete=True)  # what the admin's revision page does on save

    practice = Practice.objects.get(pk=practice.pk)
    assert practice.summary == "Eerste versie."
    assert set(practice.tags.names()) == {"pleinen"}
    assert not practice.locations.exists()


def test_publishing_is_part_of_the_history(editor):
    practice = PracticeFactory(draft=True)
    editor.post(
        reverse("admin:practices_practice_changelist"),
        {"action": "publish", "_selected_action": [practice.pk]},
    )
    version = Version.objects.get_for_object(practice).first()
    assert (
        version.revision.comment == "Gepubliceerd." and version.field_dict["status"] == "published"
    )


def test_an_accepted_submission_starts_the_history_of_its_sheet(editor_user):
    from submissions.services import accept_submission
    from tests.submission_factories import SubmissionFactory

    practice = accept_submission(submission=SubmissionFactory(), editor=editor_user)
    version = Version.objects.get_for_object(practice).get()
    assert version.revision.user == editor_user
    assert version.revision.comment.startswith("Aangemaakt uit inzending DSS-")
