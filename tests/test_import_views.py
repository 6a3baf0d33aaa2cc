"""The editors' import and export as pages of the admin: upload, the report with every error
visible, confirming, large files on the task worker, the template, and the exports."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from openpyxl import load_workbook

from imports.models import ImportRun
from practices.models import Practice
from tests.test_import_service import csv_bytes

pytestmark = pytest.mark.django_db
START = "/beheer/practices/practice/importeren/"


@pytest.fixture
def seeded(settings):
    settings.SITE_URL = "https://databank.example"
    call_command("seed", verbosity=0)


def upload(client, content, name="fiches.csv"):
    return client.post(START, {"file": SimpleUploadedFile(name, content)}, follow=True)


def page(response):
    return response.content.decode()


def test_only_editors_reach_the_import(client, submitter, seeded):
    assert client.get(START).status_code == 302  # to the admin's login
    assert client.get("/beheer/practices/practice/importsjabloon.xlsx").status_code == 302


def test_the_changelist_links_the_import_and_the_exports(editor, seeded):
    html = page(editor.get("/beheer/practices/practice/?status__exact=published"))
    assert f'href="{START}"' in html
    assert 'href="/beheer/practices/practice/exporteren/xlsx/?status__exact=published"' in html


def test_the_start_page_explains_the_steps_in_dutch(editor, seeded):
    html = page(editor.get(START))
    assert "Download het importsjabloon" in html
    assert "Hoogstens 20.000 rijen en 5 MB." in html


def test_no_file_and_an_unreadable_file_get_a_message_next_to_the_field(editor, seeded):
    response = editor.post(START, {})
    assert response.status_code == 200
    assert "<title>Fout: Fiches importeren" in page(response)
    assert "Kies het bestand dat je wilt importeren." in page(response)
    response = upload(editor, b"\xd0\xcf\x11\xe0old", "oud.xls")
    assert "Dit is een oud Excel-bestand (.xls)." in page(response)
    assert not ImportRun.objects.exists()


def test_errors_are_listed_per_row_and_nothing_is_saved(editor, seeded):
    rows = [
        ["Titel", "Samenvatting", "Doelgroepen"],
        ["Goed", "Kort.", "Jongeren"],
        ["Fout", "Kort.", "Marsmannetjes"],
    ]
    html = page(upload(editor, csv_bytes(rows)))
    assert "1 nieuw" in html and "1 met fouten" in html
    assert "<strong>Doelgroepen</strong> (‘Marsmannetjes’): Onbekende doelgroep" in html
    assert "Bevestigen en opslaan" not in html
    assert not Practice.objects.filter(title__in=["Goed", "Fout"]).exists()


def test_confirming_saves_and_says_what_happened(editor, seeded):
    rows = [["Titel", "Samenvatting", "Status"], ["Nieuw via import", "Kort.", "Concept"]]
    response = upload(editor, csv_bytes(rows))
    run = ImportRun.objects.get()
    assert "Bevestigen en opslaan" in page(response)
    response = editor.post(f"{START}{run.pk}/toepassen/", follow=True)
    assert "Import klaar: 1 nieuw, 0 gewijzigd, 0 overgeslagen." in page(response)
    assert Practice.objects.filter(title="Nieuw via import", status="draft").exists()
    run.refresh_from_db()
    assert run.state == "done" and bytes(run.content) == b""


def test_the_run_is_read_from_the_database_on_any_node(editor, seeded, tmp_path, settings):
    """Nothing of the dry run stays in a node's files: confirming needs only the run's id."""
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    rows = [["Titel", "Samenvatting"], ["Tweede node", "Kort."]]
    upload(editor, csv_bytes(rows))
    assert list(tmp_path.iterdir()) == []
    run = ImportRun.objects.get()
    editor.post(f"{START}{run.pk}/toepassen/")
    assert Practice.objects.filter(title="Tweede node").exists()


def test_a_large_file_is_checked_and_applied_by_the_worker(
    editor, seeded, settings, django_capture_on_commit_callbacks
):
    settings.IMPORT_WORKER_ROWS = 2
    rows = [["Titel", "Samenvatting"]] + [[f"Groot {n}", "Kort."] for n in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(START, {"file": SimpleUploadedFile("groot.csv", csv_bytes(rows))})
    run = ImportRun.objects.get()
    # The tests' task backend runs the task once the upload commits; a worker in production.
    assert "3 nieuw" in page(editor.get(response.url))
    with django_capture_on_commit_callbacks(execute=True):
        editor.post(f"{START}{run.pk}/toepassen/")
    assert Practice.objects.filter(title__startswith="Groot ").count() == 3
    run.refresh_from_db()
    assert run.state == "done" and run.processed == 3


def test_a_busy_run_shows_its_progress(editor, seeded):
    run = ImportRun.objects.create(file_name="groot.csv", content=b"x", row_count=4000)
    ImportRun.objects.filter(pk=run.pk).update(processed=1500)
    html = page(editor.get(f"{START}{run.pk}/"))
    assert "Wordt nagekeken: 1500 van 4000 rijen." in html
    assert '<meta http-equiv="refresh" content="2">' in html


def test_the_template_has_instructions_and_drop_down_lists(editor, seeded):
    response = editor.get("/beheer/practices/practice/importsjabloon.xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert workbook.sheetnames == ["Praktijken", "Uitleg", "Lijsten"]
    header = [cell.value for cell in workbook["Praktijken"][1]]
    assert header[:3] == ["Titel", "Webadres", "Status"]
    assert "Gepubliceerd op" not in header  # a fact of the databank, not imported
    lists = {row[0]: [v for v in row[1:] if v] for row in workbook["Lijsten"].values}
    assert "Gent (44021)" in lists["Gemeenten (NIS-code)"]
    assert lists["Status"] == ["Concept", "Gepubliceerd"]
    assert lists["Onderbouwing"] == ["Beschreven", "Lokaal geëvalueerd", "Extern onderzocht"]
    assert lists["Loopt ze nog?"] == ["Niet gekend", "Loopt", "Afgelopen", "Gestopt"]
    assert any(a.startswith("Actie 2 – ") for a in lists["Acties Plan Samenleven"])
    validations = {
        header[next(iter(v.sqref.ranges)).min_col - 1]: v
        for v in workbook["Praktijken"].data_validations.dataValidation
    }
    assert set(validations) == {
        "Categorie",
        "Doelgroepen",
        "Beleidsdomeinen",
        "Acties Plan Samenleven",
        "Gemeenten (NIS-code)",
        "Organisaties",
        "Onderbouwing",
        "Loopt ze nog?",
        "Kostenschijf",
        "Status",
    }
    assert validations["Status"].formula1.startswith("Lijsten!")
    assert validations["Status"].showErrorMessage  # one value per cell
    assert not validations["Doelgroepen"].showErrorMessage  # more values allowed
    assert "Zo vul je het importsjabloon in" in workbook["Uitleg"]["A1"].value


def test_the_admin_export_is_a_spreadsheet_for_people(editor, seeded):
    Practice.objects.filter(slug="talim").update(title='=HYPERLINK("https://evil.example")')
    response = editor.get("/beheer/practices/practice/exporteren/xlsx/?status__exact=published")
    assert response["Content-Disposition"] == (
        f'attachment; filename="praktijken-{datetime.date.today():%Y-%m-%d}.xlsx"'
    )
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content)))["Praktijken"]
    header = [cell.value for cell in sheet[1]]
    assert sheet.freeze_panes == "B2"
    assert sheet.auto_filter.ref.startswith("A1:")
    assert sheet.column_dimensions["A"].width == 40
    rows = [dict(zip(header, (cell for cell in row), strict=True)) for row in sheet.iter_rows(2)]
    assert len(rows) == Practice.objects.published().count()
    assert {row["Status"].value for row in rows} == {"Gepubliceerd"}
    talim = next(row for row in rows if row["Titel"].value.startswith("=HYPERLINK"))
    assert talim["Titel"].data_type == "s"  # text, never a formula
    assert isinstance(talim["In de databank sinds"].value, datetime.datetime)  # a real date
    assert talim["Webadres"].hyperlink.target == "https://databank.example/praktijken/talim/"


def test_the_admin_csv_is_formula_safe(editor, seeded):
    Practice.objects.filter(slug="talim").update(title="=1+1")
    response = editor.get("/beheer/practices/practice/exporteren/csv/")
    text = b"".join(response.streaming_content).decode()
    assert "\n'=1+1;" in text
    assert "Concept" in text or "Gepubliceerd" in text  # Dutch values


def test_odd_export_requests_get_no_error(editor, seeded):
    assert editor.get("/beheer/practices/practice/exporteren/pdf/").status_code == 404
    response = editor.get("/beheer/practices/practice/exporteren/csv/?bestaat__niet=1")
    assert response.status_code == 302


def test_the_admin_export_runs_a_fixed_number_of_queries(editor, seeded):
    from tests.factories import PracticeFactory
    from tests.queries import queries_for

    url = "/beheer/practices/practice/exporteren/xlsx/?status__exact=published"
    few = queries_for(editor, url)
    for n in range(20):
        PracticeFactory(title=f"Extra {n}")
    assert queries_for(editor, url) == few
