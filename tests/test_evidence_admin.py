"""The editors' admin of the evidence (evidence/admin.py): assessments with uploaded reports,
inline on the practice's page or on their own, bad input, deleting, and the wording of the
levels and criteria."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from evidence.models import Assessment, AssessmentDocument, Criterion, Level
from practices.models import Practice
from tests.evidence_data import LOCAL, local_criteria
from tests.factories import PracticeFactory
from tests.test_documents import PDF

pytestmark = pytest.mark.django_db
ADD = reverse("admin:evidence_assessment_add")


def assessment_form(practice, **overrides):
    data = {
        "practice": practice.pk,
        "level": LOCAL,
        "criteria": [c.pk for c in local_criteria()],
        "assessor_kind": "redactie",
        "external_body": "",
        "assessed_on": "10-11-2026",
        "valid_until": "",
        "summary": "Getoetst aan het verslag van de stad.",
        "documents-TOTAL_FORMS": "1",
        "documents-INITIAL_FORMS": "0",
        "documents-MIN_NUM_FORMS": "0",
        "documents-MAX_NUM_FORMS": "1000",
        "documents-0-title": "Verslag van de meting",
        "documents-0-url": "",
        "documents-0-file": SimpleUploadedFile("verslag.pdf", PDF),
    }
    data.update(overrides)
    return data


def test_an_editor_records_an_assessment_with_an_uploaded_report(editor, editor_user, anonymous):
    practice = PracticeFactory()
    response = editor.post(ADD, assessment_form(practice))
    assert response.status_code == 302, response.context["errors"]
    assessment = Assessment.objects.get()
    assert assessment.valid_until == datetime.date(2031, 11, 10)  # five years on
    assert assessment.editor == editor_user
    assert assessment.criteria.count() == local_criteria().count()
    document = AssessmentDocument.objects.get()
    assert (document.kind, document.size) == ("pdf", len(PDF))
    assert Practice.objects.get(pk=practice.pk).evidence_level == LOCAL
    html = anonymous.get(practice.get_absolute_url()).content.decode()
    assert "Beoordeeld door de redactie van de databank op" in html
    assert editor_user.username not in html  # an editor is never named
    assert f'<a href="{document.file.url}">Verslag van de meting</a> (PDF, 1 kB)' in html


def test_a_renamed_executable_is_refused_next_to_the_field_and_nothing_is_kept(editor):
    practice = PracticeFactory()
    program = SimpleUploadedFile("verslag.pdf", b"MZ\x90\x00" + b"\x00" * 500)
    response = editor.post(ADD, assessment_form(practice, **{"documents-0-file": program}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dit bestand is geen PDF, ODT of DOCX." in html
    assert 'value="Verslag van de meting"' in html  # what the editor typed stays
    assert "Getoetst aan het verslag van de stad." in html
    assert not Assessment.objects.exists() and not AssessmentDocument.objects.exists()
    assert Practice.objects.get(pk=practice.pk).evidence_level == "beschreven"


@pytest.mark.parametrize(
    ("overrides", "field", "text"),
    [
        ({"assessor_kind": "extern"}, "external_body", "Geef de naam van de externe"),
        ({"assessed_on": "01-01-2099"}, "assessed_on", "niet in de toekomst"),
        ({"valid_until": "01-01-2020"}, None, "‘Geldig tot’ moet na de datum"),
        ({"level": "beschreven"}, "criteria", "horen bij een hoger niveau"),
        ({"assessed_on": "31-02-2026"}, "assessed_on", "geldige datum"),
        ({"level": "bewezen"}, "level", "Selecteer een geldige keuze"),
    ],
)
def test_bad_input_gets_a_dutch_message(editor, overrides, field, text):
    practice = PracticeFactory()
    data = assessment_form(practice, **overrides)
    data["documents-0-file"] = SimpleUploadedFile("verslag.pdf", PDF)
    response = editor.post(ADD, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert text in " ".join(errors[field] if field else errors.get("__all__", [])), errors
    assert not Assessment.objects.exists()


def test_a_document_needs_a_file_or_a_link(editor):
    practice = PracticeFactory()
    response = editor.post(ADD, assessment_form(practice, **{"documents-0-file": ""}))
    assert response.status_code == 200
    assert "Geef een webadres of kies een bestand." in response.content.decode()


def test_deleting_the_only_assessment_takes_its_level_away(editor, assessed):
    assessment = assessed.assessments.get()
    url = reverse("admin:evidence_assessment_delete", args=[assessment.pk])
    assert editor.post(url, {"post": "yes"}).status_code == 302
    assert Practice.objects.get(pk=assessed.pk).evidence_level == "beschreven"


def test_the_practice_page_in_the_admin_holds_its_assessments(editor, assessed):
    from tests.test_admin_practices import inline_management, practice_form

    url = reverse("admin:practices_practice_change", args=[assessed.pk])
    html = editor.get(url).content.decode()
    assert "beoordelingen van de onderbouwing" in html.lower()
    assessment = assessed.assessments.get()
    data = practice_form(
        title=assessed.title,
        slug=assessed.slug,
        summary=assessed.summary,
        evidence_level="extern-onderzocht",  # the assessment decides, not this field
        **inline_management("assessments", total=1, initial=1),
        **{
            "assessments-0-id": assessment.pk,
            "assessments-0-practice": assessed.pk,
            "assessments-0-level": LOCAL,
            "assessments-0-assessor_kind": "extern",
            "assessments-0-external_body": "Hogeschool Gent",
            "assessments-0-assessed_on": "26-03-2019",
            "assessments-0-valid_until": "26-03-2030",
            "assessments-0-summary": "",
        },
    )
    response = editor.post(url, data)
    assert response.status_code == 302, response.context["errors"]
    assert Practice.objects.get(pk=assessed.pk).evidence_level == LOCAL
    assert Assessment.objects.get().valid_until == datetime.date(2030, 3, 26)
    # Deleted (the form now shows the level the assessment gave), its level goes with it.
    data.update({"assessments-0-DELETE": "on", "evidence_level": LOCAL})
    assert editor.post(url, data).status_code == 302
    assert Practice.objects.get(pk=assessed.pk).evidence_level == "beschreven"


def test_editors_refine_the_wording_but_add_no_level(editor):
    assert editor.get(reverse("admin:evidence_level_add")).status_code == 403
    level = Level.objects.get(code=LOCAL)
    assert editor.get(reverse("admin:evidence_level_change", args=[level.pk])).status_code == 200


def test_a_criterion_that_assessments_name_is_reworded_not_deleted(editor, assessed):
    level = Level.objects.get(code="beschreven")
    criteria = list(level.criteria.all())
    data = {
        "description": level.description,
        "criteria-TOTAL_FORMS": str(len(criteria)),
        "criteria-INITIAL_FORMS": str(len(criteria)),
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "1000",
    }
    for n, criterion in enumerate(criteria):
        data.update(
            {
                f"criteria-{n}-id": criterion.pk,
                f"criteria-{n}-level": level.pk,
                f"criteria-{n}-text": criterion.text,
                f"criteria-{n}-explanation": "",
                f"criteria-{n}-position": criterion.position,
            }
        )
    used = criteria[0]
    assert used.assessments.exists()
    url = reverse("admin:evidence_level_change", args=[level.pk])
    response = editor.post(url, {**data, "criteria-0-DELETE": "on"})
    assert response.status_code == 200
    assert (
        "pas de tekst aan in plaats van het criterium te verwijderen" in response.content.decode()
    )
    assert Criterion.objects.filter(pk=used.pk).exists()
    reworded = {**data, "criteria-0-text": "Het doel staat op de fiche, in één zin."}
    assert editor.post(url, reworded).status_code == 302
    used.refresh_from_db()
    assert used.text == "Het doel staat op de fiche, in één zin."
