"""Applying a suggested change: the editor ticks the parts of the proposal to take over; they
go onto the sheet as one revision that credits the suggestion, which is accepted (the mail
links the sheet). The decision buttons sit at the top of the page; places are typed with the
register's names suggested, not chosen from a 570-option list per row."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from reversion.models import Version

from practices.models import Municipality
from practices.register import load_municipalities
from submissions.proposals import apply_proposal
from submissions.services import TransitionError, file_as_change
from tests.factories import PracticeFactory
from tests.submission_factories import SubmissionFactory, SubmittedPlaceFactory
from tests.test_admin_submissions import form

pytestmark = pytest.mark.django_db


@pytest.fixture
def sheet():
    return PracticeFactory(
        title="Buurtmoestuin De Linde",
        summary="Bewoners beheren samen een moestuin.",
        goals=["Ontmoeting"],
    )


@pytest.fixture
def whole_sheet_proposal(sheet, editor_user):
    submission = SubmissionFactory(
        title="Buurtmoestuin De Linde",
        summary="Bewoners beheren en oogsten samen een moestuin.",
        goals=["Ontmoeting", "Gezond eten"],
    )
    return file_as_change(submission=submission, practice=sheet, editor=editor_user)


def change_url(submission):
    return reverse("admin:submissions_submission_change", args=[submission.pk])


def test_only_the_ticked_parts_go_onto_the_sheet_as_one_revision(
    whole_sheet_proposal, sheet, editor_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        practice = apply_proposal(
            submission=whole_sheet_proposal, editor=editor_user, parts=["goals"]
        )
    practice.refresh_from_db()
    assert practice.goals == ["Ontmoeting", "Gezond eten"]
    assert practice.summary == "Bewoners beheren samen een moestuin."  # not ticked
    assert practice.content_changed_at is not None
    (version,) = Version.objects.get_for_object(practice)
    assert (
        version.revision.comment == f"Voorstel {whole_sheet_proposal.reference} toegepast: Doelen."
    )
    assert version.revision.user == editor_user
    whole_sheet_proposal.refresh_from_db()
    assert whole_sheet_proposal.status == "accepted"
    assert whole_sheet_proposal.log.last().note == "Toegepast op de fiche: Doelen."
    (message,) = mail.outbox
    assert f"/praktijken/{practice.slug}/" in message.body


def test_a_one_part_suggestion_applies_its_text(sheet, editor_user):
    submission = SubmissionFactory(
        change=True, practice=sheet, part="summary", message="Buren tuinieren samen."
    )
    practice = apply_proposal(submission=submission, editor=editor_user, parts=["summary"])
    practice.refresh_from_db()
    assert practice.summary == "Buren tuinieren samen."


def test_nothing_ticked_or_nothing_to_apply_is_refused(whole_sheet_proposal, editor_user):
    with pytest.raises(TransitionError, match="Vink minstens één deel"):
        apply_proposal(submission=whole_sheet_proposal, editor=editor_user, parts=["photo"])
    new = SubmissionFactory()
    with pytest.raises(TransitionError, match="gaat niet over een bestaande fiche"):
        apply_proposal(submission=new, editor=editor_user, parts=["summary"])


def test_a_proposal_the_sheet_cannot_take_is_refused_in_dutch(sheet, editor_user):
    submission = SubmissionFactory(change=True, practice=sheet, part="title", message="x" * 250)
    with pytest.raises(TransitionError, match=r"Niet toegepast: .*200"):
        apply_proposal(submission=submission, editor=editor_user, parts=["title"])
    sheet.refresh_from_db()
    assert sheet.title == "Buurtmoestuin De Linde"


def test_the_editor_applies_from_the_submission_page(editor, whole_sheet_proposal, sheet):
    html = editor.get(change_url(whole_sheet_proposal)).content.decode()
    assert '<input type="checkbox" name="_apply_part" value="summary"' in html
    assert "Aangevinkte delen op de fiche zetten en aanvaarden" in html
    response = editor.post(
        change_url(whole_sheet_proposal), form(_apply="1", _apply_part=["summary", "goals"])
    )
    assert response["Location"] == reverse("admin:practices_practice_history", args=[sheet.pk])
    sheet.refresh_from_db()
    assert sheet.summary == "Bewoners beheren en oogsten samen een moestuin."
    history = editor.get(response["Location"]).content.decode()
    assert f"Voorstel {whole_sheet_proposal.reference} toegepast: Samenvatting, Doelen." in history


def test_accepting_a_change_says_the_sheet_is_unchanged(editor, whole_sheet_proposal, sheet):
    response = editor.post(change_url(whole_sheet_proposal), form(_accept="1"), follow=True)
    html = response.content.decode()
    assert f"De fiche ‘{sheet}’ is niet veranderd" in html
    assert "Kijk de conceptfiche" not in html


def test_the_decision_buttons_come_before_the_proposal(editor, whole_sheet_proposal):
    html = editor.get(change_url(whole_sheet_proposal)).content.decode()
    assert html.index('name="_accept"') < html.index("proposal-differences")
    assert html.index('name="_decline"') < html.index("proposal-differences")


def test_places_are_typed_with_the_register_suggested(editor):
    load_municipalities(Municipality)
    submission = SubmissionFactory()
    SubmittedPlaceFactory(submission=submission, municipality_name="Hoeselt")
    SubmittedPlaceFactory(submission=submission, municipality_name="Genk", position=1)
    response = editor.get(change_url(submission))
    html = response.content.decode()
    assert html.count("<select") < 5  # no 570-option list per place
    assert html.count('<datalist id="register-gemeenten">') == 1
    assert '<option value="Bilzen-Hoeselt (73111)">' in html or "Bilzen-Hoeselt (" in html
    assert len(response.content) < 90_000
    places = list(submission.places.all())
    data = form() | {"places-TOTAL_FORMS": "2", "places-INITIAL_FORMS": "2"}
    for n, place in enumerate(places):
        data[f"places-{n}-id"] = str(place.pk)
        data[f"places-{n}-submission"] = str(submission.pk)
        data[f"places-{n}-municipality"] = ""
    data["places-0-municipality"] = "Bilzen-Hoeselt"
    response = editor.post(change_url(submission), data)
    assert response.status_code == 302, re.findall(
        r"errorlist[^<]*<li>([^<]*)", response.content.decode()
    )
    assert places[0].__class__.objects.get(pk=places[0].pk).municipality.name == "Bilzen-Hoeselt"
    data["places-0-municipality"] = "Atlantis"
    html = editor.post(change_url(submission), data).content.decode()
    assert "‘Atlantis’ staat niet in het register." in html


def test_from_the_public_form_to_the_sheet_and_its_history(client, editor_user):
    """Suggest on the site → apply in the admin → the sheet and its history show it."""
    from django.test import Client

    from submissions.models import Submission

    sheet = PracticeFactory(slug="pleinmakers", summary="Kinderen spelen op het plein.")
    client.post(
        reverse("submissions:suggest_change", args=["pleinmakers"]),
        {
            "part": "summary",
            "message": "Kinderen en ouders spelen samen op het plein.",
            "submitter_name": "Jan",
            "submitter_organisation": "Gemeente Halle",
            "submitter_email": "jan@halle.example",
            "privacy": "on",
        },
    )
    submission = Submission.objects.get()
    editor = Client()
    editor.force_login(editor_user)
    editor.post(change_url(submission), form(_apply="1", _apply_part="summary"))
    page = client.get(sheet.get_absolute_url()).content.decode()
    assert "Kinderen en ouders spelen samen op het plein." in page
    history = editor.get(reverse("admin:practices_practice_history", args=[sheet.pk]))
    assert f"Voorstel {submission.reference} toegepast: Samenvatting." in history.content.decode()


def test_the_submission_page_costs_the_same_queries_whatever_its_number_of_places(editor):
    from tests.queries import queries_for

    load_municipalities(Municipality)
    municipalities = list(Municipality.objects.order_by("name")[:6])
    submission = SubmissionFactory()
    SubmittedPlaceFactory(submission=submission, municipality=municipalities[0])
    few = queries_for(editor, change_url(submission))
    for municipality in municipalities[1:]:
        SubmittedPlaceFactory(
            submission=submission, municipality=municipality, municipality_name=municipality.name
        )
    assert queries_for(editor, change_url(submission)) == few
