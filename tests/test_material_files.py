"""'Aan de slag': materials to download, uploaded by the editors on the practice's admin page
(PDF, ODT or DOCX up to 10 MB, checked by content), listed on the sheet and in the API."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from practices.models import Practice, PracticeMaterial
from tests.factories import PracticeFactory
from tests.test_admin_practices import inline_management, practice_form
from tests.test_documents import PDF, odt

pytestmark = pytest.mark.django_db


def material_form(practice, upload, **more):
    return practice_form(
        title=practice.title,
        slug=practice.slug,
        summary=practice.summary,
        status="published",
        **inline_management("material_files", total=1),
        **{
            "material_files-0-title": "Draaiboek voor de eerste sessie",
            "material_files-0-url": "",
            "material_files-0-file": upload,
            "material_files-0-position": "1",
        },
        **more,
    )


def change(practice):
    return reverse("admin:practices_practice_change", args=[practice.pk])


def test_an_uploaded_material_is_listed_with_its_type_and_size(editor, anonymous, settings):
    settings.SITE_URL = "https://databank.example"
    practice = PracticeFactory()
    # A PDF named .docx is stored (and served) as what it is.
    upload = SimpleUploadedFile("draaiboek.docx", PDF)
    response = editor.post(change(practice), material_form(practice, upload))
    assert response.status_code == 302, response.context["errors"]
    material = PracticeMaterial.objects.get()
    assert (material.kind, material.size) == ("pdf", len(PDF))
    assert material.file.name.startswith("materiaal/") and material.file.name.endswith(".pdf")
    html = anonymous.get(practice.get_absolute_url()).content.decode()
    assert ">Aan de slag</h2>" in html
    assert f'<a href="{material.file.url}">Draaiboek voor de eerste sessie</a> (PDF, 1 kB)' in html
    data = anonymous.get(reverse("opendata:api-practice", args=[practice.slug])).json()
    assert data["material_files"] == [
        {
            "title": "Draaiboek voor de eerste sessie",
            "url": "https://databank.example" + material.file.url,
            "kind": "pdf",
            "media_type": "application/pdf",
            "size": len(PDF),
        }
    ]


def test_an_odt_is_taken_too(editor):
    practice = PracticeFactory()
    response = editor.post(change(practice), material_form(practice, odt()))
    assert response.status_code == 302, response.context["errors"]
    assert PracticeMaterial.objects.get().kind == "odt"


def test_a_renamed_executable_is_refused_and_the_sheet_keeps_what_was_typed(editor):
    practice = PracticeFactory()
    program = SimpleUploadedFile("draaiboek.pdf", b"MZ\x90\x00" + b"\x00" * 300)
    data = material_form(practice, program, description="Nieuwe beschrijving van de werking.")
    response = editor.post(change(practice), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dit bestand is geen PDF, ODT of DOCX." in html
    assert 'value="Draaiboek voor de eerste sessie"' in html
    assert "Nieuwe beschrijving van de werking." in html
    assert not PracticeMaterial.objects.exists()
    assert Practice.objects.get(pk=practice.pk).description != "Nieuwe beschrijving van de werking."


def test_the_exports_list_the_files_with_their_address(editor, anonymous, settings):
    import json

    settings.SITE_URL = "https://databank.example"
    practice = PracticeFactory(title="Draaiboekpraktijk")
    editor.post(change(practice), material_form(practice, SimpleUploadedFile("d.pdf", PDF)))
    practice.material_files.create(title="Affiche", url="https://gent.example/affiche", position=2)
    material = PracticeMaterial.objects.get(title="Draaiboek voor de eerste sessie")
    response = anonymous.get("/praktijken/export.json?q=draaiboekpraktijk")
    (row,) = json.loads(b"".join(response.streaming_content))["praktijken"]
    assert row["material_files"] == [
        f"Draaiboek voor de eerste sessie | https://databank.example{material.file.url}",
        "Affiche | https://gent.example/affiche",
    ]
