"""Any search as CSV, XLSX or JSON: the same practices in the same order, every public field."""

import csv
import io
import json

import pytest
from django.db import connection
from openpyxl import load_workbook

from tests.factories import (
    ActionFactory,
    CategoryFactory,
    MunicipalityFactory,
    OrganisationFactory,
    PolicyDomainFactory,
    PracticeFactory,
    PracticeLocationFactory,
    TargetGroupFactory,
)
from tests.queries import queries_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def databank(settings):
    settings.SITE_URL = "https://databank.example"
    cohesion = CategoryFactory(name="Sociale cohesie", slug="sociale-cohesie")
    youth = TargetGroupFactory(name="Jongeren", slug="jongeren")
    curant = PracticeFactory(
        title="CURANT cohousing",
        slug="curant",
        category=cohesion,
        goals=["Samen wonen", "Zelfstandigheid"],
        target_group_detail="jonge vluchtelingen van 17 tot 22 jaar",
        situation_year=2019,
        situation_month=3,
        evidence_level="lokaal-geevalueerd",
    )
    curant.target_groups.add(youth, TargetGroupFactory(name="Vluchtelingen"))
    curant.policy_domains.add(PolicyDomainFactory(name="Wonen"))
    curant.actions.add(ActionFactory(number=2, title="Ontmoeting stimuleren"))
    curant.organisations.add(OrganisationFactory(name="Stad Antwerpen"))
    curant.tags.add("cohousing")
    PracticeLocationFactory(
        practice=curant,
        municipality=MunicipalityFactory(name="Antwerpen", nis_code="11002"),
        contact_name="Sarah D'Hondt",
        contact_email="curant@antwerpen.example",
    )
    PracticeFactory(title='=HYPERLINK("http://evil.example")', slug="formule", category=cohesion)
    PracticeFactory(title="Buurtfeest", slug="buurtfeest")
    PracticeFactory(title="Nog een concept", slug="concept", status="draft", published_at=None)
    return curant


def csv_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")  # Excel recognises UTF-8
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_csv_has_every_public_field_of_the_published_practices(anonymous, databank):
    response = anonymous.get("/praktijken/export.csv")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="praktijken-')
    header, *rows = csv_rows(response)
    assert header[:3] == ["Titel", "Webadres", "Samenvatting"]
    by_title = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    assert "Nog een concept" not in by_title  # drafts never leave the databank
    curant = by_title["CURANT cohousing"]
    assert curant["Webadres"] == "https://databank.example/praktijken/curant/"
    assert curant["Categorie"] == "Sociale cohesie"
    assert curant["Doelgroepen"] == "Jongeren | Vluchtelingen"
    assert (
        curant["Doelgroep zoals de bron ze omschrijft"] == "jonge vluchtelingen van 17 tot 22 jaar"
    )
    assert curant["Beleidsdomeinen"] == "Wonen"
    assert curant["Acties Plan Samenleven"] == "Actie 2 – Ontmoeting stimuleren"
    assert curant["Doelen"] == "Samen wonen\nZelfstandigheid"
    assert curant["Trefwoorden"] == "cohousing"
    assert curant["Gemeenten (NIS-code)"] == "Antwerpen (11002)"
    assert (
        curant["Contact per gemeente"]
        == "Antwerpen (11002): Sarah D'Hondt | curant@antwerpen.example"
    )
    assert curant["Organisaties"] == "Stad Antwerpen"
    assert curant["Stand van zaken"] == "2019-03"
    assert curant["Onderbouwing"]
    # A title that looks like a formula stays text in a spreadsheet.
    assert '\'=HYPERLINK("http://evil.example")' in by_title


def test_the_export_follows_the_search_filters_and_order(anonymous, databank):
    _, *rows = csv_rows(
        anonymous.get("/praktijken/export.csv?categorie=sociale-cohesie&sorteer=titel")
    )
    assert [row[0] for row in rows] == ['\'=HYPERLINK("http://evil.example")', "CURANT cohousing"]
    _, *rows = csv_rows(anonymous.get("/praktijken/export.csv?doelgroep=jongeren"))
    assert [row[0] for row in rows] == ["CURANT cohousing"]


def test_json_has_lists_and_says_where_it_came_from(anonymous, databank):
    response = anonymous.get("/praktijken/export.json?q=cohousing")
    assert response.streaming
    data = json.loads(b"".join(response.streaming_content))
    assert data["meta"]["bron"] == "https://databank.example/praktijken/export.json?q=cohousing"
    (curant,) = data["praktijken"]
    assert curant["target_groups"] == ["Jongeren", "Vluchtelingen"]
    assert curant["places"] == ["Antwerpen (11002)"]
    assert curant["goals"] == ["Samen wonen", "Zelfstandigheid"]


def test_xlsx_opens_with_a_header_and_one_row_per_practice(anonymous, databank):
    response = anonymous.get("/praktijken/export.xlsx?sorteer=titel")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook["Praktijken"].values)
    assert rows[0][0] == "Titel"
    assert [row[0] for row in rows[1:]] == [
        '=HYPERLINK("http://evil.example")',
        "Buurtfeest",
        "CURANT cohousing",
    ]
    assert workbook["Praktijken"]["A2"].data_type == "s"  # text, not a formula


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_the_number_of_queries_does_not_grow_with_the_data(anonymous, databank, fmt):
    url = f"/praktijken/export.{fmt}?doelgroep=jongeren&q=wonen"
    few = queries_for(anonymous, url)
    for n in range(25):
        practice = PracticeFactory(title=f"Wonen {n}")
        practice.target_groups.add(databank.target_groups.first())
        PracticeLocationFactory(practice=practice)
    assert queries_for(anonymous, url) == few
    # synonyms, the facet values in the URL, what the words reach beyond the texts (the
    # three once per content version in production; the tests keep no cache), the rows; on
    # PostgreSQL also the export slot, taken and given back (opendata.export_limits)
    assert few <= (6 if connection.vendor == "postgresql" else 4)


@pytest.mark.parametrize(
    "url", ["/praktijken/export.pdf", "/praktijken/export.csv?pagina=x&sorteer=%00&actie=99"]
)
def test_odd_requests_are_answered_without_an_error(anonymous, databank, url):
    response = anonymous.get(url)
    assert response.status_code in (200, 404)
    if response.streaming:
        b"".join(response.streaming_content)


def test_the_search_page_offers_the_downloads(anonymous, databank):
    html = anonymous.get("/praktijken/?q=cohousing&doelgroep=jongeren").content.decode()
    assert "Download deze resultaten" in html
    for fmt in ("csv", "xlsx", "json"):
        assert f'href="/praktijken/export.{fmt}?q=cohousing&amp;doelgroep=jongeren"' in html


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_a_database_that_fails_before_the_first_row_gives_503_not_a_cut_file(
    client, databank, monkeypatch, fmt
):
    from django.db import OperationalError

    from opendata import views

    def rows_that_fail(*args, **kwargs):
        raise OperationalError("the database went away")
        yield  # a generator, like export_rows

    monkeypatch.setattr(views, "export_rows", rows_that_fail)
    client.raise_request_exception = False
    response = client.get(f"/praktijken/export.{fmt}")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert not response.streaming
