"""/praktijken/<slug>/wijziging-voorstellen/: suggesting a change to a sheet."""

import pytest
from django.urls import reverse

from submissions.models import Submission
from tests import uploads
from tests.factories import PracticeFactory

pytestmark = pytest.mark.django_db


def data(**overrides):
    return {
        "message": "Het contactadres is nu info@gemeente.example.",
        "submitter_name": "Jan",
        "submitter_organisation": "Gemeente Halle",
        "submitter_email": "jan@halle.example",
        "privacy": "on",
        **overrides,
    }


def test_every_sheet_links_to_the_form(anonymous):
    practice = PracticeFactory(slug="pleinmakers")
    html = anonymous.get(practice.get_absolute_url()).content.decode()
    assert 'href="/praktijken/pleinmakers/wijziging-voorstellen/"' in html


def test_a_suggestion_with_a_photo_is_stored_for_the_sheet(anonymous):
    practice = PracticeFactory(slug="pleinmakers")
    url = reverse("submissions:suggest_change", args=["pleinmakers"])
    response = anonymous.post(url, data(photo=uploads.photo("nieuw.png", "PNG"), photo_alt="Plein"))
    submission = Submission.objects.get()
    assert response.status_code == 302
    assert (submission.kind, submission.practice) == ("change", practice)
    assert submission.photo.name.endswith(".png")


def test_an_empty_suggestion_keeps_what_was_typed(anonymous):
    PracticeFactory(slug="pleinmakers")
    url = reverse("submissions:suggest_change", args=["pleinmakers"])
    html = anonymous.post(url, data(message="")).content.decode()
    assert "Dit veld is verplicht." in html and "jan@halle.example" in html
    assert not Submission.objects.exists()


def test_no_suggestions_for_drafts_or_unknown_sheets(anonymous):
    PracticeFactory(slug="concept", draft=True)
    for slug in ("concept", "bestaat-niet"):
        url = reverse("submissions:suggest_change", args=[slug])
        assert anonymous.get(url).status_code == 404
