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
    assert "Schrijf je voorstel, of pas hieronder een feit aan." in html
    assert "jan@halle.example" in html
    assert not Submission.objects.exists()


def test_no_suggestions_for_drafts_or_unknown_sheets(anonymous):
    PracticeFactory(slug="concept", draft=True)
    for slug in ("concept", "bestaat-niet"):
        url = reverse("submissions:suggest_change", args=[slug])
        assert anonymous.get(url).status_code == 404


def test_the_suggestion_names_the_part_and_the_editors_see_what_it_changes(anonymous, editor):
    practice = PracticeFactory(slug="pleinmakers", summary="Kinderen spelen op het plein.")
    url = reverse("submissions:suggest_change", args=["pleinmakers"])
    anonymous.post(url, data(part="summary", message="Kinderen en ouders spelen op het plein."))
    submission = Submission.objects.get()
    assert (submission.part, submission.practice) == ("summary", practice)
    admin = editor.get(reverse("admin:submissions_submission_change", args=[submission.pk]))
    assert "<ins>en ouders</ins>" in admin.content.decode()


def test_the_form_offers_the_current_text_of_a_part_to_edit(anonymous):
    PracticeFactory(slug="pleinmakers", description="Elke woensdag op het Sint-Pietersplein.")
    url = reverse("submissions:suggest_change", args=["pleinmakers"])
    page = anonymous.get(url).content.decode()
    assert 'href="?onderdeel=description#id_message"' in page  # without script
    assert '"description": "Elke woensdag op het Sint-Pietersplein."' in page  # for the script
    chosen = anonymous.get(url, {"onderdeel": "description"}).content.decode()
    assert "\nElke woensdag op het Sint-Pietersplein.</textarea>" in chosen
    assert 'value="description" id="id_part_3" checked' in chosen
    assert anonymous.get(url, {"onderdeel": "<script>"}).status_code == 200


def test_the_change_form_asks_who_sends_the_suggestion(anonymous):
    PracticeFactory(slug="pleinmakers")
    page = anonymous.get(reverse("submissions:suggest_change", args=["pleinmakers"]))
    assert "Wie stuurt het voorstel in?" in page.content.decode()
    assert "Wie stuurt de fiche in?" not in page.content.decode()


def sheet_facts_as_posted(practice):
    """What the form posts when the visitor leaves the facts as they opened."""
    from submissions.differences import sheet_facts

    posted = {}
    for name, value in sheet_facts(practice).items():
        posted[name] = "\n".join(value) if isinstance(value, list) else value or ""
    return posted


@pytest.fixture
def costed():
    return PracticeFactory(
        slug="pleinmakers",
        life_status="loopt",
        cost_amount="€ 3.000 per jaar",
        cost_band="tot-5000",
        volunteers="Vijf buurtbewoners",
    )


def test_the_form_opens_with_the_sheet_s_facts(anonymous, costed):
    url = reverse("submissions:suggest_change", args=["pleinmakers"])
    html = anonymous.get(url).content.decode()
    assert (
        "<legend>Aan de slag</legend>" in html and "<legend>Loopt de praktijk nog?</legend>" in html
    )
    assert 'value="€ 3.000 per jaar"' in html and 'value="Vijf buurtbewoners"' in html
    assert '<option value="tot-5000" selected>' in html
    assert '<option value="loopt" selected>' in html


def test_a_text_suggestion_proposes_no_fact(anonymous, costed):
    url = reverse("submissions:suggest_change", args=["pleinmakers"])
    response = anonymous.post(url, data(**sheet_facts_as_posted(costed)))
    assert response.status_code == 302
    from submissions.differences import differences

    assert differences(Submission.objects.get()) == []


def test_a_changed_fact_alone_is_a_suggestion_the_editors_apply(anonymous, editor_user, costed):
    from submissions.differences import differences
    from submissions.proposals import apply_proposal

    url = reverse("submissions:suggest_change", args=["pleinmakers"])
    facts = sheet_facts_as_posted(costed)
    facts.update(
        cost_amount="€ 30.000 per jaar",
        cost_band="25000-100000",
        life_status="gestopt",
        ended_year="2025",
        end_reason="Geen subsidie meer.",
    )
    response = anonymous.post(url, data(message="", **facts))
    assert response.status_code == 302
    submission = Submission.objects.get()
    found = {difference.name: difference for difference in differences(submission)}
    assert set(found) == {"start", "life"}
    assert "Kosten: € 3.000 per jaar" in found["start"].current
    assert "Kosten: € 30.000 per jaar" in found["start"].proposed
    assert "Kostenschijf: € 25.000 tot 100.000" in found["start"].proposed
    practice = apply_proposal(submission=submission, editor=editor_user, parts=["start"])
    practice.refresh_from_db()
    assert (practice.cost_amount, practice.cost_band) == ("€ 30.000 per jaar", "25000-100000")
    assert practice.volunteers == "Vijf buurtbewoners"  # untouched, kept
    assert practice.life_status == "loopt"  # not ticked, not applied
    html = anonymous.get(practice.get_absolute_url()).content.decode()
    assert "€ 30.000 per jaar" in html


def test_a_bad_year_gets_a_message_by_the_field_and_keeps_the_rest(anonymous, costed):
    url = reverse("submissions:suggest_change", args=["pleinmakers"])
    facts = sheet_facts_as_posted(costed)
    facts.update(life_status="gestopt", ended_year="twintig", end_reason="Geen vrijwilligers.")
    html = anonymous.post(url, data(**facts)).content.decode()
    assert "Vul een jaar in, zoals 2024." in html
    assert "Geen vrijwilligers." in html and 'value="twintig"' in html
    assert not Submission.objects.exists()


def test_a_fact_with_its_own_message_gets_no_second_one(anonymous, costed):
    url = reverse("submissions:suggest_change", args=["pleinmakers"])
    facts = sheet_facts_as_posted(costed)
    facts.update(ended_year="twintig")
    html = anonymous.post(url, data(message="", **facts)).content.decode()
    assert "Vul een jaar in, zoals 2024." in html
    assert "Schrijf je voorstel, of pas hieronder een feit aan." not in html
    assert "Kostenschijf (niet verplicht)" in html


def test_a_bad_material_keeps_the_suggestion_and_asks_for_the_file_again(anonymous, costed):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = reverse("submissions:suggest_change", args=["pleinmakers"])
    program = SimpleUploadedFile("handleiding.pdf", b"MZ\x90\x00" + b"\x00" * 300)
    posted = data(material_title="Handleiding", material_file=program)
    html = anonymous.post(url, posted).content.decode()
    assert "Dit bestand is geen PDF, ODT of DOCX." in html
    assert "Kies je bestand opnieuw" in html
    assert 'value="Handleiding"' in html and "info@gemeente.example" in html
    assert not Submission.objects.exists()
