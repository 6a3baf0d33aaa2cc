"""A material a submitter sends (PDF, ODT or DOCX, checked by content): from the public forms
through moderation to the sheet, the API and the export; refused with a message otherwise."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from practices.models import Practice, PracticeMaterial
from submissions.differences import differences
from submissions.models import Submission
from submissions.proposals import apply_proposal
from submissions.services import accept_submission
from tests.factories import MunicipalityFactory, PracticeFactory
from tests.test_documents import PDF, docx
from tests.test_submit_practice import valid_data
from tests.test_suggest_change import data as suggestion

pytestmark = pytest.mark.django_db
SUBMIT = reverse("submissions:submit_practice")


def test_a_new_sheet_s_material_reaches_the_sheet_the_api_and_the_export(
    anonymous, editor, editor_user, settings
):
    settings.SITE_URL = "https://databank.example"
    MunicipalityFactory(name="Lokeren")
    form = anonymous.get(SUBMIT).content.decode()
    assert "Materiaal als bestand" in form and "PDF, ODT of DOCX, hoogstens 10 MB" in form
    upload = SimpleUploadedFile("draaiboek.pdf", PDF)  # a PDF is a PDF whatever its name
    sent = anonymous.post(SUBMIT, valid_data(material_title="Draaiboek", material_file=upload))
    assert sent.status_code == 302
    submission = Submission.objects.get()
    assert (submission.material_kind, submission.material_size) == ("pdf", len(PDF))
    assert submission.material_file.name.startswith("inzendingen-materiaal/")
    # The editors see it before they accept.
    page = editor.get(reverse("admin:submissions_submission_change", args=[submission.pk]))
    assert f'<a href="{submission.material_file.url}">Draaiboek</a> (PDF, 1 kB)' in (
        page.content.decode()
    )
    practice = accept_submission(submission=submission, editor=editor_user)
    material = practice.material_files.get()
    assert (material.title, material.kind, material.size) == ("Draaiboek", "pdf", len(PDF))
    assert material.file.name.startswith("materiaal/")
    assert material.file.read() == PDF
    Practice.objects.filter(pk=practice.pk).publish()
    html = anonymous.get(practice.get_absolute_url()).content.decode()
    assert f'<a href="{material.file.url}">Draaiboek</a> (PDF, 1 kB)' in html
    api = anonymous.get(reverse("opendata:api-practice", args=[practice.slug])).json()
    assert api["material_files"][0]["url"] == "https://databank.example" + material.file.url
    export = anonymous.get("/praktijken/export.json?q=linde")
    (row,) = json.loads(b"".join(export.streaming_content))["praktijken"]
    assert row["material_files"] == [f"Draaiboek | https://databank.example{material.file.url}"]


@pytest.mark.parametrize(
    ("upload", "title", "message"),
    [
        (SimpleUploadedFile("d.pdf", b"MZ\x90\x00" + b"\x00" * 300), "Draaiboek", "geen PDF"),
        (docx(**{"word/vbaProject.bin": b"\x00"}), "Draaiboek", "bevat macro’s"),
        (SimpleUploadedFile("d.pdf", PDF), "", "Geef het bestand een titel."),
    ],
)
def test_a_bad_material_gets_a_message_and_the_rest_is_kept(anonymous, upload, title, message):
    MunicipalityFactory(name="Lokeren")
    response = anonymous.post(SUBMIT, valid_data(material_title=title, material_file=upload))
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "Buurtmoestuin De Linde" in html  # nothing typed is lost
    assert "Kies je bestand opnieuw" in html
    assert not Submission.objects.exists()


def test_a_suggested_material_is_added_when_the_editors_apply_it(anonymous, editor_user):
    practice = PracticeFactory(slug="pleinmakers")
    practice.material_files.create(title="Affiche", url="https://x.example/a", position=1)
    url = reverse("submissions:suggest_change", args=["pleinmakers"])
    upload = docx("handleiding.docx")
    sent = anonymous.post(
        url, suggestion(message="", material_title="Handleiding", material_file=upload)
    )
    assert sent.status_code == 302
    submission = Submission.objects.get()
    (found,) = differences(submission)
    assert (found.name, found.label) == ("material", "Materiaal om te downloaden")
    assert found.proposed == "Handleiding (DOCX, 1 kB)"
    apply_proposal(submission=submission, editor=editor_user, parts=["material"])
    titles = list(practice.material_files.values_list("title", "kind", "position"))
    assert titles == [("Affiche", "", 1), ("Handleiding", "docx", 2)]
    assert PracticeMaterial.objects.get(title="Handleiding").file.name.endswith(".docx")
