"""Bulk import and export of practices (django-import-export): a round trip, a dry run that
lists Dutch errors per row and writes nothing, and a revision for every imported change."""

import io

import pytest
import tablib
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook
from reversion.models import Version

from practices.models import Practice
from practices.resources import PracticeResource

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:practices_practice_changelist")


@pytest.fixture
def seeded():
    call_command("seed", verbosity=0)


def exported():
    return PracticeResource().export()


def row_errors(result):
    return {
        number: {
            field: [str(m) for m in messages] for field, messages in row.error.message_dict.items()
        }
        for number, row in ((r.number, r) for r in result.invalid_rows)
    }


def test_the_export_has_every_public_field_with_codes(seeded):
    data = exported()
    assert data.height == 29
    rows = {row["slug"]: row for row in data.dict}
    assert rows["pleinpatrons"]["gemeenten_nis"] == "11002 | 21004 | 44021"
    assert rows["bondgenotenmethodiek"]["gemeenten_nis"] == "utrecht"  # abroad: by its slug
    assert rows["samen-inburgeren"]["ruimer_gebied"] == "Meer dan 30 gemeenten"
    assert rows["12work"]["acties"] == "9 | 11"
    assert rows["omstaandertraining"]["onderbouwing"] == "lokaal-geevalueerd"


def test_importing_the_export_changes_nothing(seeded):
    before = Version.objects.count()
    result = PracticeResource().import_data(exported(), dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["skip"] == 29
    assert Version.objects.count() == before


def test_a_dry_run_lists_dutch_errors_per_row_and_writes_nothing(seeded):
    data = exported()
    rows = data.dict
    rows[0]["gemeenten_nis"] = "11002 | 99999"
    rows[1]["doelgroepen"] = "Jongeren | Marsmannetjes"
    rows[2]["categorie"] = "bestaat-niet"
    rows[3]["links"] = "Zonder adres"
    changed = tablib.Dataset(headers=data.headers)
    for row in rows:
        changed.append([row[header] for header in data.headers])
    result = PracticeResource().import_data(changed, dry_run=True)
    errors = row_errors(result)
    assert errors[1] == {"gemeenten_nis": ["Onbekende NIS-code of gemeente: ‘99999’"]}
    assert errors[2] == {"target_groups": ["Onbekende doelgroep: ‘Marsmannetjes’"]}
    assert errors[3] == {"category": ["Onbekende categorie: ‘bestaat-niet’."]}
    assert errors[4] == {"links": ["Link 1 heeft geen webadres (titel | https://…)."]}
    assert Practice.objects.get(slug="pleinpatrons").locations.count() == 3


def test_an_import_updates_creates_and_records_a_revision(seeded, editor_user):
    data = exported()
    rows = data.dict
    first = next(row for row in rows if row["slug"] == "talim")
    first["titel"] = "TALim Genk"
    first["gemeenten_nis"] = "71016 | 71072"  # Genk and Hasselt
    first["trefwoorden"] = "talent | toekomst"
    first["links"] = "Projectpagina | https://www.genk.example/talim"
    new = dict(first, slug="nieuwe-praktijk", titel="Nieuwe praktijk", status="draft")
    changed = tablib.Dataset(headers=data.headers)
    for row in [*rows, new]:
        changed.append([row[header] for header in data.headers])

    result = PracticeResource().import_data(changed, dry_run=False, user=editor_user)
    assert not result.has_errors() and not result.has_validation_errors()
    assert (result.totals["update"], result.totals["new"]) == (1, 1)

    talim = Practice.objects.get(slug="talim")
    assert talim.title == "TALim Genk" and talim.content_changed_at is not None
    assert [loc.municipality.name for loc in talim.locations.all()] == ["Genk", "Hasselt"]
    assert set(talim.tags.names()) == {"talent", "toekomst"}
    assert [(link.title, link.url) for link in talim.links.all()] == [
        ("Projectpagina", "https://www.genk.example/talim")
    ]
    revision = Version.objects.get_for_object(talim).first().revision
    assert (revision.comment, revision.user) == ("Bijgewerkt bij een import.", editor_user)
    created = Practice.objects.get(slug="nieuwe-praktijk")
    assert Version.objects.get_for_object(created).get().revision.comment == (
        "Aangemaakt bij een import."
    )


def test_an_xlsx_round_trip(seeded):
    workbook = load_workbook(io.BytesIO(exported().export("xlsx")))
    assert workbook.active.max_row == 30  # header and 29 practices
    data = tablib.Dataset().load(exported().export("xlsx"), format="xlsx")
    result = PracticeResource().import_data(data, dry_run=False)
    assert not result.has_errors() and result.totals["skip"] == 29


def test_the_admin_import_previews_then_imports(editor, seeded, editor_user):
    data = exported()
    rows = data.dict
    next(row for row in rows if row["slug"] == "casablanca")["titel"] = "Casablanca (Kessel-Lo)"
    changed = tablib.Dataset(headers=data.headers)
    for row in rows:
        changed.append([row[header] for header in data.headers])
    upload = io.BytesIO(changed.export("csv").encode())
    upload.name = "praktijken.csv"
    response = editor.post(
        reverse("admin:practices_practice_import"),
        {"resource": "0", "format": "0", "import_file": upload},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kessel-Lo" in html and "Bijwerken" in html
    assert Practice.objects.get(slug="casablanca").title == "Casablanca"  # a preview only

    confirm = response.context["confirm_form"]
    response = editor.post(
        reverse("admin:practices_practice_process_import"),
        {**confirm.initial},
        follow=True,
    )
    assert response.status_code == 200
    practice = Practice.objects.get(slug="casablanca")
    assert practice.title == "Casablanca (Kessel-Lo)"
    assert Version.objects.get_for_object(practice).first().revision.user == editor_user


def test_the_admin_export_offers_csv_and_xlsx(editor, seeded):
    response = editor.get(reverse("admin:practices_practice_export"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "csv" in html and "xlsx" in html
