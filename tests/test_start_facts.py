"""'Aan de slag' (issue 26, item 2, without the uploads): what it takes to start a practice —
cost (as stated, and a band to filter on), people, time, partners, preconditions, materials —
on the sheet, in the search's facet, the compare table, the exports and import, and the API."""

import csv
import io

import pytest
from django.db import IntegrityError, transaction

from imports.services import apply_import, check_import, start_import
from practices.models import Practice
from tests.factories import PracticeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sheets():
    described = PracticeFactory(
        title="Pleinwerking",
        slug="pleinwerking",
        cost_amount="€ 12.000 per jaar",
        cost_band="5000-25000",
        staff_time="Een halftijdse coördinator",
        volunteers="Acht vrijwilligers op zaterdag",
        setup_time="Drie maanden",
        run_time="Elke zomer",
        partners_needed="De jeugddienst en een buurtvereniging",
        preconditions="Een plein zonder verkeer",
        materials=["Draaiboek | https://example.org/draaiboek.pdf", "geen adres"],
    )
    silent = PracticeFactory(title="Taalcafé", slug="taalcafe")
    return described, silent


def test_the_sheet_says_what_it_takes(client, sheets):
    html = client.get("/praktijken/pleinwerking/").content.decode()
    block = html[html.index('id="s-start"') :]
    for fact in (
        "€ 12.000 per jaar",
        "€ 5.000 tot 25.000</a>",
        "Een halftijdse coördinator",
        "Acht vrijwilligers op zaterdag",
        "Drie maanden",
        "Elke zomer",
        "De jeugddienst en een buurtvereniging",
        "Een plein zonder verkeer",
        '<a href="https://example.org/draaiboek.pdf">Draaiboek</a>',
    ):
        assert fact in block, fact
    assert "geen adres" not in block  # a material without an address is no link
    assert "Aan de slag" not in client.get("/praktijken/taalcafe/").content.decode()


@pytest.mark.parametrize("query", ["", "praktijk"])
def test_the_cost_band_is_a_facet(client, sheets, query):
    Practice.objects.update(summary="Een praktijk.")
    words = {"q": query} if query else {}
    response = client.get("/praktijken/", words)
    group = next(g for g in response.context["results"].facets if g.param == "kosten")
    counts = {value.key: value.count for value in group.values}
    assert counts["5000-25000"] == 1 and counts["onbekend"] == 1 and counts.get("tot-5000", 0) == 0
    chosen = client.get("/praktijken/", {**words, "kosten": "5000-25000"})
    assert [p.title for p in chosen.context["page"].object_list] == ["Pleinwerking"]


def test_the_compare_table_the_api_and_the_export_carry_it(client, sheets):
    compare = client.get("/bewaarlijst/vergelijk/", {"fiche": ["pleinwerking", "taalcafe"]})
    assert "Kosten</th><td>€ 12.000 per jaar</td><td>Onbekend</td>" in compare.content.decode()
    detail = client.get("/api/v1/praktijken/pleinwerking/").json()
    assert detail["cost_band"] == "5000-25000" and detail["run_time"] == "Elke zomer"
    assert detail["materials"][0] == "Draaiboek | https://example.org/draaiboek.pdf"
    export = client.get("/praktijken/export.csv")
    text = b"".join(export.streaming_content).decode("utf-8-sig")
    (row,) = [
        r for r in csv.DictReader(io.StringIO(text), delimiter=";") if r["Titel"] == "Pleinwerking"
    ]
    assert (row["Kosten"], row["Kostenschijf"]) == ("€ 12.000 per jaar", "€ 5.000 tot 25.000")
    assert row["Materiaal"].startswith("Draaiboek | https://example.org/draaiboek.pdf")


def test_the_import_reads_it_and_names_a_wrong_band(sheets, editor_user):
    def checked(rows):
        out = io.StringIO()
        csv.writer(out, delimiter=";").writerows(rows)
        run = start_import(file_name="x.csv", content=out.getvalue().encode(), editor=editor_user)
        return check_import(run=run)

    header = ["Webadres", "Titel", "Samenvatting", "Kosten", "Kostenschijf", "Looptijd"]
    run = checked(
        [header, ["taalcafe", "Taalcafé", "Kort.", "€ 800", "Minder dan € 5.000", "1 jaar"]]
    )
    assert apply_import(run=run, editor=editor_user)
    taalcafe = Practice.objects.get(slug="taalcafe")
    assert (taalcafe.cost_amount, taalcafe.cost_band, taalcafe.run_time) == (
        "€ 800",
        "tot-5000",
        "1 jaar",
    )
    run = checked([header, ["taalcafe", "Taalcafé", "Kort.", "", "gratis", ""]])
    (row,) = run.report["rows"]
    assert row["errors"][0]["message"].startswith("‘gratis’ is geen kostenschijf.")


def test_the_database_refuses_an_unknown_band(sheets):
    with pytest.raises(IntegrityError), transaction.atomic():
        Practice.objects.filter(slug="taalcafe").update(cost_band="goedkoop")


def test_from_the_submission_form_to_the_sheet(client, editor_user):
    from django.urls import reverse

    from submissions.models import Submission
    from submissions.services import accept_submission
    from tests.factories import MunicipalityFactory
    from tests.test_submit_practice import valid_data

    MunicipalityFactory(name="Lokeren")
    url = reverse("submissions:submit_practice")
    form = client.get(url).content.decode()
    assert "<legend>Aan de slag</legend>" in form and "Kostenschijf" in form
    bad = client.post(url, valid_data(cost_band="gratis", staff_time="Twee uur per week"))
    assert "Selecteer een geldige keuze" in bad.content.decode()
    assert "Twee uur per week" in bad.content.decode()  # nothing typed is lost
    assert not Submission.objects.exists()
    sent = client.post(
        url,
        valid_data(
            cost_amount="€ 3.000",
            cost_band="tot-5000",
            staff_time="Twee uur per week",
            materials="Affiche | https://www.lokeren.example/affiche.pdf",
        ),
    )
    assert sent.status_code == 302
    practice = accept_submission(submission=Submission.objects.get(), editor=editor_user)
    assert (practice.cost_amount, practice.cost_band) == ("€ 3.000", "tot-5000")
    assert practice.material_links == [("Affiche", "https://www.lokeren.example/affiche.pdf")]
    assert client.get(url).status_code == 200


def test_the_admin_list_filters_on_the_cost_band(editor):
    from django.urls import reverse

    PracticeFactory(title="Goedkoop", cost_band="tot-5000")
    PracticeFactory(title="Duur", cost_band="meer-100000")
    url = reverse("admin:practices_practice_changelist")
    response = editor.get(url, {"cost_band__exact": "tot-5000"})
    assert [p.title for p in response.context["cl"].result_list] == ["Goedkoop"]
    assert "Minder dan € 5.000" in response.content.decode()
