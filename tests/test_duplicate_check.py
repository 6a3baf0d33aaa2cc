"""The duplicate check: a new submission shows the practices it resembles, and the editor can
file it as a change to one of them instead."""

import pytest
from django.urls import reverse

from practices.models import Practice
from practices.similar import similar_practices
from submissions import services
from tests.factories import MunicipalityFactory, PracticeFactory
from tests.submission_factories import SubmissionFactory, SubmittedPlaceFactory
from tests.test_admin_submissions import form

pytestmark = pytest.mark.django_db


@pytest.fixture
def databank():
    place = MunicipalityFactory(name="Proefstad")
    PracticeFactory(
        title="Pleinmakers in Mechelen",
        summary="Bewoners brengen de buurt samen op het plein.",
        places=[place],
    )
    PracticeFactory(title="Buurtmoestuin De Linde", summary="Samen tuinieren in de wijk.")
    PracticeFactory(title="Correspondentietesten", summary="Discriminatie op de huurmarkt meten.")
    return place


def titles(found):
    return [practice.title for practice in found]


def test_the_most_similar_practices_come_first(databank):
    found = similar_practices(
        Practice.objects.all(),
        title="Pleinmakers",
        summary="Bewoners die het plein tot leven brengen.",
        municipality_ids=[databank.pk],
    )
    assert titles(found)[0] == "Pleinmakers in Mechelen"
    assert "Correspondentietesten" not in titles(found)


def test_nothing_alike_gives_nothing(databank):
    found = similar_practices(
        Practice.objects.all(), title="Zwemles voor senioren", summary="Leren zwemmen."
    )
    assert titles(found) == []


def test_the_editor_sees_them_and_files_the_submission_as_a_change(editor, databank):
    submission = SubmissionFactory(title="Buurtmoestuin De Linde")
    SubmittedPlaceFactory(submission=submission, municipality_name="Proefstad")
    url = reverse("admin:submissions_submission_change", args=[submission.pk])
    html = editor.get(url).content.decode()
    assert "Bestaande praktijken die erop lijken" in html
    assert "Buurtmoestuin De Linde</a> (gepubliceerd)" in html
    garden = Practice.objects.get(title="Buurtmoestuin De Linde")

    data = form(_file_as_change=str(garden.pk))
    response = editor.post(url, data, follow=True)
    assert "Behandeld als wijziging van ‘Buurtmoestuin De Linde’" in response.content.decode()
    submission.refresh_from_db()
    assert submission.kind == "change" and submission.practice == garden
    assert "Behandeld als wijziging van de bestaande fiche" in submission.log.last().note
    # The submitted sheet stays, beside the current one.
    html = editor.get(url).content.decode()
    assert "De fiche zoals ingediend" in html and "De fiche nu" in html


def test_filing_twice_or_with_a_bad_choice_is_refused(editor_user, databank):
    submission = SubmissionFactory()
    garden = Practice.objects.get(title="Buurtmoestuin De Linde")
    services.file_as_change(submission=submission, practice=garden, editor=editor_user)
    with pytest.raises(services.TransitionError):
        services.file_as_change(submission=submission, practice=garden, editor=editor_user)


def test_a_filed_submission_shows_what_it_would_change(editor, editor_user, databank):
    garden = Practice.objects.get(title="Buurtmoestuin De Linde")
    submission = SubmissionFactory(
        title="Buurtmoestuin De Linde",
        summary="Samen tuinieren en koken in de wijk.",
        goals=["Ontmoeting"],
    )
    services.file_as_change(submission=submission, practice=garden, editor=editor_user)
    html = editor.get(
        reverse("admin:submissions_submission_change", args=[submission.pk])
    ).content.decode()
    assert '<label for="apply-summary">Samenvatting</label>' in html
    assert "Samen tuinieren <ins>en koken</ins> in de wijk." in html
    assert 'for="apply-title"' not in html  # unchanged
    assert '<input type="checkbox" name="_apply_part" value="goals"' in html
    assert "<td><ins>Ontmoeting</ins></td>" in html


def test_removed_words_are_struck_and_text_is_escaped():
    from submissions.differences import Difference

    change = Difference("Titel", "Een oude <b>zin</b>", "Een nieuwe <b>zin</b>")
    assert str(change.marked) == ("Een <del>oude</del> <ins>nieuwe</ins> &lt;b&gt;zin&lt;/b&gt;")
