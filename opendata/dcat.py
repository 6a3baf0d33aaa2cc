"""The dataset's description as DCAT-AP (Vlaanderen): one record, served as JSON-LD and Turtle
(/open-data/dcat.jsonld, /open-data/dcat.ttl) and embedded in /open-data/."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from practices.models import Practice

EU = "http://publications.europa.eu/resource/authority"


@dataclass
class Distribution:
    key: str
    title: str
    url: str
    media_type: str
    file_type: str  # EU file-type authority code


def distributions(site):
    export = site + reverse("opendata:export", args=["x"])[:-1]
    return [
        Distribution("csv", "Alle praktijken als CSV", export + "csv", "text/csv", "CSV"),
        Distribution(
            "xlsx",
            "Alle praktijken als Excel-werkboek",
            export + "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "XLSX",
        ),
        Distribution(
            "json", "Alle praktijken als JSON", export + "json", "application/json", "JSON"
        ),
        Distribution(
            "atom",
            "Nieuwe en bijgewerkte praktijken (Atom)",
            site + reverse("opendata:feed"),
            "application/atom+xml",
            "ATOM",
        ),
    ]


def dataset_context():
    """What both serialisations say, in one place."""
    site = settings.SITE_URL.rstrip("/")
    modified = Practice.objects.published().aggregate(last=Max("content_changed_at"))["last"]
    return {
        "id": site + reverse("opendata:about") + "#dataset",
        "title": "Databank Sociale Samenhang",
        "description": (
            "Goede praktijken van Vlaamse lokale besturen tegen polarisering en voor sociale "
            "samenhang: per praktijk de gemeenten (met NIS-code), doelgroepen, beleidsdomeinen, "
            "acties van Plan Samenleven, doelen, succesfactoren en contactpunten."
        ),
        "landing_page": site + "/",
        "publisher": settings.OPEN_DATA_PUBLISHER,
        "contact": settings.EDITORS_EMAIL,
        "licence_name": settings.OPEN_DATA_LICENCE_NAME,
        "licence": settings.OPEN_DATA_LICENCE_URL,
        "modified": timezone.localdate(modified).isoformat() if modified else "",
        "keywords": ["sociale samenhang", "polarisering", "goede praktijken", "lokaal bestuur"],
        "language": f"{EU}/language/NLD",
        "frequency": f"{EU}/frequency/UPDATE_CONT",
        "theme": f"{EU}/data-theme/SOCI",
        "spatial": "http://publications.europa.eu/resource/authority/country/BEL",
        "distributions": distributions(site),
        "eu": EU,
    }


def json_ld(context):
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": context["id"],
        "@type": "dcat:Dataset",
        "dct:title": {"@value": context["title"], "@language": "nl"},
        "dct:description": {"@value": context["description"], "@language": "nl"},
        "dcat:landingPage": {"@id": context["landing_page"]},
        "dct:publisher": {
            "@type": "foaf:Agent",
            "foaf:name": {"@value": context["publisher"], "@language": "nl"},
        },
        "dcat:contactPoint": {
            "@type": "vcard:Organization",
            "vcard:fn": "Redactie Databank Sociale Samenhang",
            "vcard:hasEmail": {"@id": f"mailto:{context['contact']}"},
        },
        "dct:license": {"@id": context["licence"]},
        "dct:language": {"@id": context["language"]},
        "dct:accrualPeriodicity": {"@id": context["frequency"]},
        "dcat:theme": {"@id": context["theme"]},
        "dct:spatial": {"@id": context["spatial"]},
        "dcat:keyword": [{"@value": k, "@language": "nl"} for k in context["keywords"]],
        **(
            {"dct:modified": {"@value": context["modified"], "@type": "xsd:date"}}
            if context["modified"]
            else {}
        ),
        "dcat:distribution": [
            {
                "@id": f"{context['id']}-{d.key}",
                "@type": "dcat:Distribution",
                "dct:title": {"@value": d.title, "@language": "nl"},
                "dcat:accessURL": {"@id": d.url},
                "dcat:downloadURL": {"@id": d.url},
                "dcat:mediaType": {
                    "@id": f"https://www.iana.org/assignments/media-types/{d.media_type}"
                },
                "dct:format": {"@id": f"{EU}/file-type/{d.file_type}"},
                "dct:license": {"@id": context["licence"]},
            }
            for d in context["distributions"]
        ],
    }
