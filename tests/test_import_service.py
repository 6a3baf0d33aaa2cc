"""The editors' import as a service: the files editors have (CSV with ';' or ',', UTF-8 with
or without a byte-order mark, Windows-1252, XLSX), Dutch headings and values, the public export
re-imported with zero changes, and every error in Dutch naming its column and value."""

import csv
import io

import pytest
from django.core.management import call_command
from openpyxl import Workbook
from reversion.models import Version

from imports.models import ImportRun
from imports.reading import FileProblem, read_table
from imports.services import apply_import, check_import, start_import
from practices.models import Practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(settings):
    settings.SITE_URL = "https://databank.example"
    call_command("seed", verbosity=0)


def checked(content, editor, name="fiches.csv"):
    run = start_import(file_name=name, content=content, editor=editor)
    return check_import(run=run)


def csv_bytes(rows, delimiter=";", encoding="utf-8", bom=False):
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return (b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode(encoding)


def xlsx_bytes(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def public_export(client, fmt, query=""):
    response = client.get(f"/praktijken/export.{fmt}{query}")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("query", ["", "?q=jongeren&sorteer=titel"])
def test_the_public_export_of_a_search_imports_with_zero_changes(
    client, seeded, editor_user, fmt, query
):
    content = public_export(client, fmt, query)
    run = checked(content, editor_user, f"praktijken.{fmt}")
    counts = run.report["counts"]
    assert counts["error"] == 0, run.report["rows"]
    assert counts == {"new": 0, "changed": 0, "unchanged": counts["unchanged"], "error": 0}
    assert counts["unchanged"] == len(read_table(content)[1]) > 0


def test_the_admin_export_imports_with_zero_changes(editor, seeded, editor_user):
    for fmt in ("csv", "xlsx"):
        response = editor.get(f"/beheer/practices/practice/exporteren/{fmt}/")
        content = b"".join(response.streaming_content)
        run = checked(content, editor_user, f"praktijken.{fmt}")
        assert run.report["counts"] == {"new": 0, "changed": 0, "unchanged": 29, "error": 0}
        assert "Status" in run.report["columns"]


@pytest.mark.parametrize(
    ("delimiter", "encoding", "bom"),
    [(";", "utf-8", True), (";", "utf-8", False), (",", "utf-8", False), (";", "cp1252", False)],
)
def test_csv_files_as_excel_saves_them_are_read(seeded, editor_user, delimiter, encoding, bom):
    rows = [
        ["Titel", "Samenvatting", "Status", "Onderbouwing", "Gemeenten (NIS-code)"],
        [
            "Buurtcafé Één",
            "Een café waar buren elkaar ontmoeten.",
            "gepubliceerd",
            "Beschreven",
            "Gent",
        ],
    ]
    run = checked(csv_bytes(rows, delimiter, encoding, bom), editor_user)
    assert run.report["counts"]["new"] == 1, run.report
    assert apply_import(run=run, editor=editor_user)
    practice = Practice.objects.get(title="Buurtcafé Één")
    assert practice.status == "published" and practice.published_at is not None
    assert [location.place_name for location in practice.locations.all()] == ["Gent"]


def test_an_xlsx_with_dutch_values_creates_and_updates_with_a_revision(seeded, editor_user):
    rows = [
        ["Webadres", "Titel", "Samenvatting", "Doelgroepen", "Acties Plan Samenleven", "Links"],
        [
            "",
            "Nieuwe praktijk",
            "Kort.",
            "Jongeren | Ouders",
            "2 | Actie 9",
            "Site | https://x.be",
        ],
        ["https://databank.example/praktijken/talim/", "TALim Genk", "", "", "", ""],
    ]
    run = checked(xlsx_bytes(rows), editor_user, "fiches.xlsx")
    by_line = {row["line"]: row for row in run.report["rows"]}
    assert by_line[2]["action"] == "new"
    assert by_line[3]["action"] == "error"  # an existing sheet needs its summary
    assert by_line[3]["errors"][0]["column"] == "Samenvatting"
    rows[2][2] = "Taalles in het Turks voor kinderen in Genk."
    run = checked(xlsx_bytes(rows), editor_user, "fiches.xlsx")
    assert run.report["counts"] == {"new": 1, "changed": 1, "unchanged": 0, "error": 0}
    before = Version.objects.count()
    assert apply_import(run=run, editor=editor_user)
    new = Practice.objects.get(title="Nieuwe praktijk")
    assert new.slug == "nieuwe-praktijk" and new.status == "draft"
    assert sorted(new.target_groups.values_list("name", flat=True)) == ["Jongeren", "Ouders"]
    assert sorted(new.actions.values_list("number", flat=True)) == [2, 9]
    assert [(link.title, link.url) for link in new.links.all()] == [("Site", "https://x.be")]
    talim = Practice.objects.get(slug="talim")
    assert talim.title == "TALim Genk" and talim.target_groups.count() == 0
    assert talim.content_changed_at is not None
    assert Version.objects.count() > before
    comments = Version.objects.get_for_object(talim).first().revision.comment
    assert comments == "Bijgewerkt bij de import van fiches.xlsx."
    run.refresh_from_db()
    assert run.state == ImportRun.State.DONE and bytes(run.content) == b""


def test_every_error_names_its_column_and_value_in_dutch(seeded, editor_user):
    rows = [
        [
            "Titel",
            "Samenvatting",
            "Gemeenten (NIS-code)",
            "Doelgroepen",
            "Categorie",
            "Links",
            "Stand van zaken",
            "Status",
            "Contact per gemeente",
        ],
        [
            "Eén",
            "Kort.",
            "11002\n99999",
            "Jongeren | Marsmannetjes",
            "bestaat-niet",
            "Zonder adres",
            "dertien 2019",
            "klaar",
            "Gent (44021): Jan | jan@gent.be",
        ],
    ]
    run = checked(csv_bytes(rows), editor_user)
    (row,) = run.report["rows"]
    errors = {error["column"]: (error["value"], error["message"]) for error in row["errors"]}
    assert errors["Gemeenten (NIS-code)"] == (
        "11002 99999",
        "Onbekende NIS-code: ‘99999’ (in ‘99999’).",
    )
    assert errors["Doelgroepen"][1] == "Onbekende doelgroep: ‘Marsmannetjes’."
    assert errors["Categorie"] == ("bestaat-niet", "Onbekende categorie: ‘bestaat-niet’.")
    assert errors["Links"][1] == "Link 1 heeft geen webadres (titel | https://…)."
    assert errors["Stand van zaken"][1].startswith("‘dertien 2019’ is geen stand van zaken.")
    assert errors["Status"][1] == "‘klaar’ is geen status. Kies uit: ‘Concept’, ‘Gepubliceerd’."
    assert run.report["counts"]["error"] == 1
    assert not apply_import(run=run, editor=editor_user)
    assert not Practice.objects.filter(title="Eén").exists()


def test_a_constraint_failure_is_a_sentence(seeded, editor_user):
    rows = [["Webadres", "Foto: wat ze toont"], ["talim", ""]]
    Practice.objects.filter(slug="talim").update(image="praktijken/x.jpg", image_alt="Een klas")
    run = checked(csv_bytes(rows), editor_user)
    (row,) = run.report["rows"]
    messages = [error["message"] for error in row["errors"]]
    assert "Beschrijf kort wat de foto toont, voor wie ze niet kan zien." in messages
    assert not any("geschonden" in message for message in messages)


def test_a_sheet_named_twice_and_a_place_it_does_not_have_are_errors(seeded, editor_user):
    rows = [
        ["Webadres", "Titel", "Contact per gemeente"],
        ["talim", "TALim", ""],
        ["talim", "TALim", ""],
        ["pleinpatrons", "Pleinpatrons", "Leuven (24062): Els | els@leuven.be"],
    ]
    report = checked(csv_bytes(rows), editor_user).report
    messages = {row["line"]: row["errors"][0]["message"] for row in report["rows"]}
    assert messages[3] == "Deze fiche staat al op regel 2 van het bestand."
    assert messages[4] == "‘Leuven (24062)’ staat niet bij de gemeenten van deze fiche."


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "Het bestand is leeg."),
        (b"\xd0\xcf\x11\xe0rest", "Dit is een oud Excel-bestand (.xls)."),
        (b"PK\x03\x04broken", "Dit Excel-bestand is beschadigd of onvolledig."),
        (b"Titel;Samenvatting\n", "Het bestand heeft geen rijen onder de kopregel."),
        (b"Naam;Wat\nx;y\n", "Het bestand heeft geen kolom ‘Titel’ of ‘Webadres’"),
    ],
)
def test_files_that_cannot_be_read_say_why(seeded, editor_user, content, message):
    try:
        run = checked(content, editor_user)
    except FileProblem as problem:
        assert str(problem).startswith(message)
    else:
        assert run.report["problem"].startswith(message)


def test_too_many_rows_or_too_large_unzipped_is_refused_before_parsing(
    seeded, editor_user, settings
):
    settings.IMPORT_MAX_ROWS = 5
    rows = [["Titel", "Samenvatting"]] + [[f"T{n}", "S"] for n in range(6)]
    with pytest.raises(FileProblem, match="meer dan 5 rijen"):
        start_import(file_name="x.csv", content=csv_bytes(rows), editor=editor_user)
    with pytest.raises(FileProblem, match="meer dan 5 rijen"):
        start_import(file_name="x.xlsx", content=xlsx_bytes(rows), editor=editor_user)
    settings.IMPORT_MAX_ROWS = 1000
    settings.IMPORT_MAX_UNZIPPED_BYTES = 1000
    with pytest.raises(FileProblem, match="uitgepakt groter dan"):
        start_import(file_name="x.xlsx", content=xlsx_bytes(rows), editor=editor_user)
    assert not ImportRun.objects.exists()


def test_a_checked_file_is_removed_after_an_hour(seeded, editor_user, settings):
    import datetime

    run = checked(csv_bytes([["Titel", "Samenvatting"], ["T", "S"]]), editor_user)
    ImportRun.objects.filter(pk=run.pk).update(
        created_at=run.created_at - datetime.timedelta(minutes=61)
    )
    checked(csv_bytes([["Titel", "Samenvatting"], ["U", "S"]]), editor_user)
    assert not ImportRun.objects.filter(pk=run.pk).exists()


def test_applying_twice_writes_once(seeded, editor_user):
    run = checked(csv_bytes([["Titel", "Samenvatting"], ["Eenmalig", "S"]]), editor_user)
    assert apply_import(run=run, editor=editor_user)
    assert not apply_import(run=ImportRun.objects.get(pk=run.pk), editor=editor_user)
    assert Practice.objects.filter(title="Eenmalig").count() == 1


def test_checking_unchanged_rows_costs_the_same_queries_whatever_their_number(
    client, seeded, editor_user, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import PracticeFactory

    def queries_to_check():
        content = public_export(client, "csv")
        run = start_import(file_name="x.csv", content=content, editor=editor_user)
        with CaptureQueriesContext(connection) as queries:
            check_import(run=run)
        assert run.report["counts"]["changed"] == 0
        return len(queries)

    few = queries_to_check()
    for n in range(30):
        PracticeFactory(title=f"Extra {n}")
    assert queries_to_check() == few


def test_the_hourly_command_removes_files_nobody_confirmed(seeded, editor_user):
    import datetime

    run = checked(csv_bytes([["Titel", "Samenvatting"], ["T", "S"]]), editor_user)
    fresh = checked(csv_bytes([["Titel", "Samenvatting"], ["U", "S"]]), editor_user)
    ImportRun.objects.filter(pk=run.pk).update(
        created_at=run.created_at - datetime.timedelta(minutes=61)
    )
    call_command("discard_stale_imports", verbosity=0)
    assert list(ImportRun.objects.values_list("pk", flat=True)) == [fresh.pk]


def test_an_area_without_a_name_says_so(seeded, editor_user):
    rows = [["Titel", "Samenvatting", "Gemeenten (NIS-code)"], ["Eén", "Kort.", "Gebied:"]]
    (row,) = checked(csv_bytes(rows), editor_user).report["rows"]
    assert (
        row["errors"][0]["message"] == "‘Gebied:’: een gebied heeft een naam van 1 tot 120 tekens."
    )
