"""An editor imports a spreadsheet in Chromium: the errors are readable on the page (no
hovering, every column named), the report fits a 1280 px screen, and confirming saves."""

import csv
import io

import pytest

from practices.models import Practice
from tests.browser.conftest import log_in
from tests.browser.test_accessibility import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


def csv_file(tmp_path, rows):
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows(rows)
    path = tmp_path / "fiches.csv"
    path.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode())
    return path


def test_an_editor_reads_the_errors_then_imports(page, editor_site, tmp_path, screenshot):
    site = editor_site
    log_in(page, site)
    page.goto(site + "/beheer/practices/practice/")
    page.get_by_role("link", name="Importeren").click()
    long = "Een zin die lang genoeg is om te zien of de tabel binnen het scherm blijft. " * 4
    rows = [
        ["Titel", "Samenvatting", "Doelgroepen", "Gemeenten (NIS-code)", "Beschrijving"],
        ["Buurtsoep", "Buren koken samen soep.", "Jongeren", "Gent", long],
        ["Fout", "Kort.", "Marsmannetjes", "99999", long],
    ]
    page.get_by_label("Bestand").set_input_files(csv_file(tmp_path, rows))
    page.get_by_role("button", name="Nakijken").click()
    report = page.locator(".import-report")
    assert "1 nieuw" in page.locator(".import-summary").inner_text()
    errors = report.locator(".import-errors").inner_text()
    assert "Doelgroepen (‘Marsmannetjes’): Onbekende doelgroep: ‘Marsmannetjes’." in errors
    assert "Gemeenten (NIS-code) (‘99999’): Onbekende NIS-code: ‘99999’" in errors
    assert report.locator(".import-errors").first.is_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{overflow} px too wide"
    assert_accessible(page, "admin-import-errors", screenshot)
    assert page.get_by_role("button", name="Bevestigen en opslaan").count() == 0

    page.get_by_role("link", name="Een ander bestand opladen").click()
    page.get_by_label("Bestand").set_input_files(csv_file(tmp_path, rows[:2]))
    page.get_by_role("button", name="Nakijken").click()
    page.get_by_role("button", name="Bevestigen en opslaan").click()
    assert (
        "Import klaar: 1 nieuw, 0 gewijzigd, 0 overgeslagen."
        in page.locator(".messagelist").inner_text()
    )
    assert Practice.objects.filter(title="Buurtsoep", status="draft").exists()
