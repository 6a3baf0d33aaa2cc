"""Linked data: schema.org JSON-LD on every sheet, and the dataset's DCAT record in JSON-LD and
Turtle, parsed as RDF and checked for what a catalogue (data.vlaanderen.be) needs."""

import json
import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, RDF

from tests.factories import (
    MunicipalityFactory,
    OrganisationFactory,
    PracticeFactory,
    PracticeLocationFactory,
    TargetGroupFactory,
)

pytestmark = pytest.mark.django_db
SITE = "https://databank.example"


@pytest.fixture(autouse=True)
def site(settings):
    settings.SITE_URL = SITE


def json_ld_of(html):
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block)


def test_a_sheet_describes_itself_in_schema_org(anonymous):
    practice = PracticeFactory(title="CURANT <cohousing>", slug="curant")
    practice.target_groups.add(TargetGroupFactory(name="Jongeren"))
    practice.organisations.add(OrganisationFactory(name="Stad Antwerpen", slug="stad-antwerpen"))
    PracticeLocationFactory(
        practice=practice, municipality=MunicipalityFactory(name="Antwerpen", nis_code="11002")
    )
    html = anonymous.get("/praktijken/curant/").content.decode()
    assert "CURANT <cohousing>" not in html.split("</head>")[0].split("ld+json")[1]  # escaped
    data = json_ld_of(html)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "CreativeWork"
    assert data["name"] == "CURANT <cohousing>"
    assert data["url"] == f"{SITE}/praktijken/curant/"
    assert data["license"].startswith("https://data.vlaanderen.be/id/licentie/")
    assert data["audience"] == [{"@type": "Audience", "audienceType": "Jongeren"}]
    (place,) = data["spatialCoverage"]
    assert place["@type"] == "Place" and place["name"] == "Antwerpen"
    assert place["identifier"] == {
        "@type": "PropertyValue",
        "propertyID": "NIS-code",
        "value": "11002",
    }
    assert data["contributor"][0]["url"] == f"{SITE}/organisaties/stad-antwerpen/"
    assert data["isPartOf"]["@id"] == f"{SITE}/open-data/#dataset"
    # It is valid JSON-LD: RDF tools read it (with schema.org's context given, not fetched).
    offline = {**data, "@context": {"@vocab": "https://schema.org/"}}
    graph = Graph().parse(data=json.dumps(offline), format="json-ld")
    assert (URIRef(f"{SITE}/praktijken/curant/"), None, None) in graph


def dcat_graphs(client):
    turtle = client.get("/open-data/dcat.ttl")
    assert turtle["Content-Type"] == "text/turtle; charset=utf-8"
    json_ld = client.get("/open-data/dcat.jsonld")
    assert json_ld["Content-Type"] == "application/ld+json; charset=utf-8"
    return (
        Graph().parse(data=turtle.content.decode(), format="turtle"),
        Graph().parse(data=json_ld.content.decode(), format="json-ld"),
    )


def test_the_dcat_record_says_the_same_in_turtle_and_json_ld(anonymous):
    from django.utils import timezone

    PracticeFactory(content_changed_at=timezone.now())
    turtle, json_ld = dcat_graphs(anonymous)
    assert isomorphic(turtle, json_ld)
    dataset = URIRef(f"{SITE}/open-data/#dataset")
    assert (dataset, RDF.type, DCAT.Dataset) in turtle
    assert (dataset, DCTERMS.title, Literal("Databank Sociale Samenhang", lang="nl")) in turtle
    for needed in (DCTERMS.description, DCTERMS.publisher, DCAT.contactPoint, DCTERMS.license,
                   DCTERMS.accrualPeriodicity, DCTERMS.modified, DCAT.landingPage):  # fmt: skip
        assert turtle.value(dataset, needed) is not None, needed
    downloads = {
        str(turtle.value(distribution, DCAT.downloadURL))
        for distribution in turtle.objects(dataset, DCAT.distribution)
    }
    assert f"{SITE}/praktijken/export.csv" in downloads
    assert f"{SITE}/praktijken/feed.atom" in downloads


def test_the_licence_is_a_setting(anonymous, settings):
    settings.OPEN_DATA_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
    settings.OPEN_DATA_LICENCE_NAME = "CC BY 4.0"
    turtle, _ = dcat_graphs(anonymous)
    licence = turtle.value(URIRef(f"{SITE}/open-data/#dataset"), DCTERMS.license)
    assert licence == URIRef("https://creativecommons.org/licenses/by/4.0/")
    html = anonymous.get("/open-data/").content.decode()
    assert '<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>' in html


def test_the_open_data_page_lists_downloads_and_embeds_the_record(anonymous):
    html = anonymous.get("/open-data/").content.decode()
    assert "Modellicentie Gratis Hergebruik" in html
    for path in ("/praktijken/export.csv", "/praktijken/export.xlsx", "/open-data/dcat.ttl"):
        assert path in html
    assert json_ld_of(html)["@type"] == "dcat:Dataset"


def test_an_unknown_format_is_not_found(anonymous):
    assert anonymous.get("/open-data/dcat.xml").status_code == 404


def test_what_it_takes_and_its_materials_are_in_the_json_ld(anonymous):
    from django.core.files.base import ContentFile

    from tests.decided_sheet import PDF

    practice = PracticeFactory(
        slug="curant",
        cost_amount="€ 12.000 per jaar",
        cost_band="5000-25000",
        materials=["Affiche | https://antwerpen.example/affiche"],
    )
    material = practice.material_files.model(
        practice=practice, title="Draaiboek", kind="pdf", size=len(PDF)
    )
    material.file.save("draaiboek.pdf", ContentFile(PDF))
    data = json_ld_of(anonymous.get("/praktijken/curant/").content.decode())
    assert data["@type"] == ["CreativeWork", "HowTo"]
    assert data["estimatedCost"] == "€ 12.000 per jaar"
    assert data["hasPart"] == [
        {"@type": "DigitalDocument", "name": "Affiche", "url": "https://antwerpen.example/affiche"},
        {
            "@type": "DigitalDocument",
            "name": "Draaiboek",
            "url": SITE + material.file.url,
            "encodingFormat": "application/pdf",
            "contentSize": "1 kB",
        },
    ]
    offline = {**data, "@context": {"@vocab": "https://schema.org/"}}
    graph = Graph().parse(data=json.dumps(offline), format="json-ld")
    assert (URIRef(f"{SITE}/praktijken/curant/"), None, None) in graph
    # Only the band known: the band is the estimate; nothing known: a plain CreativeWork.
    practice.cost_amount = ""
    practice.save()
    data = json_ld_of(anonymous.get("/praktijken/curant/").content.decode())
    assert data["estimatedCost"] == "€ 5.000 tot 25.000"
    practice.cost_band = "onbekend"
    practice.save()
    data = json_ld_of(anonymous.get("/praktijken/curant/").content.decode())
    assert data["@type"] == "CreativeWork" and "estimatedCost" not in data
