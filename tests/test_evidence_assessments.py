"""Assessments of a practice's evidence (evidence/): the criteria page, the sheet, the expiry
that takes a practice out of its level's facet, the API, the JSON-LD, the import and the
exports (the editors' admin: tests/test_evidence_admin.py)."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from evidence.models import Criterion, Level
from evidence.services import expire_assessments, record_assessment
from practices.models import Practice
from tests.evidence_data import LOCAL
from tests.factories import PracticeFactory

pytestmark = pytest.mark.django_db
SEARCH = reverse("search:results")


def level_facet(client):
    response = client.get(SEARCH)
    group = next(g for g in response.context["results"].facets if g.param == "onderbouwing")
    return {value.key: value.count for value in group.values}


def day(date):
    """How the sheet writes a date: <time datetime="2026-03-26">26 maart 2026</time>."""
    return f'<time datetime="{date:%Y-%m-%d}">{date_format(date, "j F Y")}</time>'


def let_it_expire(practice):
    """Five years later: the assessment ended yesterday."""
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    practice.assessments.update(assessed_on=datetime.date(2019, 3, 26), valid_until=yesterday)
    return yesterday


def test_the_levels_and_criteria_are_published_from_the_database(anonymous):
    html = anonymous.get("/over/").content.decode()
    for level in Level.objects.all():
        assert f'id="niveau-{level.code}">{level}</dt>' in html
        for criterion in level.criteria.all():
            assert criterion.text in html
    assert "Een beoordeling geldt 5 jaar" in html
    criterion = Criterion.objects.get(text__startswith="Het doel van de praktijk")
    criterion.text = "Het doel staat helder op de fiche."
    criterion.save()
    assert "Het doel staat helder op de fiche." in anonymous.get("/over/").content.decode()


def test_the_validity_follows_the_setting(anonymous, settings):
    settings.EVIDENCE_VALID_YEARS = 3
    practice = PracticeFactory()
    assessment = record_assessment(
        practice=practice, level=LOCAL, assessed_on=datetime.date(2024, 2, 29)
    )
    assert assessment.valid_until == datetime.date(2027, 2, 28)
    assert "Een beoordeling geldt 3 jaar" in anonymous.get("/over/").content.decode()


def test_an_assessed_sheet_shows_level_date_assessor_criteria_and_documents(anonymous, assessed):
    assert assessed.evidence_level == LOCAL
    html = anonymous.get(assessed.get_absolute_url()).content.decode()
    assessment = assessed.assessments.get()
    assert f"Beoordeeld door Hogeschool Gent op {day(assessment.assessed_on)}" in html
    assert f"geldig tot {day(assessment.valid_until)}." in html
    assert "<summary>Voldoet aan 5 criteria</summary>" in html
    for criterion in assessed.assessments.get().criteria.all():
        assert f"<li>{criterion.text}</li>" in html
    assert '<a href="https://gent.example/evaluatie.pdf">Evaluatierapport</a>' in html
    assert "De stad liet de impact bij de deelnemers meten." in html
    assert "is verlopen" not in html


def test_an_expired_assessment_leaves_the_level_facet_and_says_so(anonymous, assessed):
    PracticeFactory(title="Nog niet beoordeeld")
    assert level_facet(anonymous) == {LOCAL: 1, "beschreven": 1}
    # The daily command runs after the assessment's date has passed.
    yesterday = let_it_expire(assessed)
    output = io.StringIO()
    call_command("expire_assessments", stdout=output)
    assert output.getvalue() == "1 praktijk(en) terug op ‘Beschreven’.\n"
    assert Practice.objects.get(pk=assessed.pk).evidence_level == "beschreven"
    assert level_facet(anonymous) == {"beschreven": 2}
    found = anonymous.get(SEARCH, {"onderbouwing": LOCAL}).context["page"].object_list
    assert list(found) == []
    html = anonymous.get(assessed.get_absolute_url()).content.decode()
    assert f"gold tot {day(yesterday)} en is verlopen" in html
    assert "Tot een nieuwe beoordeling telt de praktijk als ‘Beschreven’." in html
    assert "Voldoet aan" not in html


def test_expiry_looks_at_the_latest_assessment_only(assessed):
    let_it_expire(assessed)
    record_assessment(
        practice=assessed,
        level="extern-onderzocht",
        assessed_on=datetime.date(2025, 6, 1),
        external_body="Universiteit Antwerpen",
    )
    assert expire_assessments(today=datetime.date(2026, 12, 3)) == 0
    assert Practice.objects.get(pk=assessed.pk).evidence_level == "extern-onderzocht"
    assert expire_assessments(today=datetime.date(2030, 6, 2)) == 1
    assert Practice.objects.get(pk=assessed.pk).evidence_level == "beschreven"


def test_a_level_never_assessed_is_the_sources_and_says_so(anonymous):
    practice = PracticeFactory(evidence_level=LOCAL)
    assert expire_assessments() == 0
    html = anonymous.get(practice.get_absolute_url()).content.decode()
    assert "de redactie heeft de praktijk nog niet aan de criteria getoetst" in html
    assert Practice.objects.get(pk=practice.pk).evidence_level == LOCAL


def test_the_api_gives_the_latest_assessment(anonymous, assessed, settings):
    url = reverse("opendata:api-practice", args=[assessed.slug])
    data = anonymous.get(url).json()
    assessment = assessed.assessments.get()
    assert data["evidence_level"] == LOCAL
    assert data["assessment"] == {
        "level": LOCAL,
        "assessed_on": assessment.assessed_on.isoformat(),
        "valid_until": assessment.valid_until.isoformat(),
        "expired": False,
        "assessor": "Hogeschool Gent",
        "criteria": [criterion.text for criterion in assessment.criteria.all()],
        "summary": "De stad liet de impact bij de deelnemers meten.",
        "documents": [
            {
                "title": "Evaluatierapport",
                "url": "https://gent.example/evaluatie.pdf",
                "kind": "",
                "media_type": "",
                "size": None,
            }
        ],
    }
    never = PracticeFactory()
    url = reverse("opendata:api-practice", args=[never.slug])
    assert anonymous.get(url).json()["assessment"] is None


def test_the_sheet_s_json_ld_gets_the_assessment_as_a_review(anonymous, assessed, settings):
    import json
    import re

    settings.SITE_URL = "https://databank.example"
    html = anonymous.get(assessed.get_absolute_url()).content.decode()
    blocks = [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
    ]
    sheet = next(block for block in blocks if "name" in block)
    (review,) = [block for block in blocks if "review" in block]
    assert review["@id"] == sheet["@id"] == f"https://databank.example/praktijken/{assessed.slug}/"
    assessment = assessed.assessments.get()
    assert review["review"] == {
        "@type": "Review",
        "name": "Onderbouwing: Lokaal geëvalueerd",
        "author": {"@type": "Organization", "name": "Hogeschool Gent"},
        "datePublished": assessment.assessed_on.isoformat(),
        "expires": assessment.valid_until.isoformat(),
        "reviewBody": "De stad liet de impact bij de deelnemers meten.",
    }
    never = PracticeFactory()
    html = anonymous.get(never.get_absolute_url()).content.decode()
    assert '"review"' not in html


def test_the_import_leaves_an_assessed_level_to_its_assessment(assessed, editor_user):
    import csv

    from imports.services import check_import, start_import

    def checked(level):
        out = io.StringIO()
        csv.writer(out, delimiter=";").writerows(
            [["Webadres", "Titel", "Onderbouwing"], [assessed.slug, assessed.title, level]]
        )
        run = start_import(file_name="x.csv", content=out.getvalue().encode(), editor=editor_user)
        return check_import(run=run).report

    (row,) = checked("Extern onderzocht")["rows"]
    assert row["errors"][0]["column"] == "Onderbouwing"
    assert row["errors"][0]["message"].startswith(
        "Deze fiche heeft een beoordeling van haar onderbouwing: het niveau volgt daaruit."
    )
    # As it is (an export read back): nothing to refuse, nothing to change.
    assert checked("Lokaal geëvalueerd")["counts"]["unchanged"] == 1


def test_the_exports_carry_the_latest_assessment(anonymous, assessed):
    import csv
    import json

    record_assessment(  # an older one does not count
        practice=assessed,
        level="beschreven",
        assessed_on=datetime.date(2018, 1, 1),
        criteria=Criterion.objects.filter(level__code="beschreven")[:1],
    )
    PracticeFactory(title="Niet beoordeeld")
    assessment = assessed.assessments.order_by("-assessed_on").first()
    response = anonymous.get("/praktijken/export.json?sorteer=titel")
    rows = json.loads(b"".join(response.streaming_content))["praktijken"]
    by_title = {row["title"]: row for row in rows}
    row = by_title["Omstaandertraining"]
    assert row["assessed_by"] == "Hogeschool Gent"
    assert row["assessed_on"] == assessment.assessed_on.isoformat()
    assert row["assessment_valid_until"] == assessment.valid_until.isoformat()
    assert row["criteria_met"] == sorted(
        (c.text for c in assessment.criteria.all()), key=str.casefold
    )
    never = by_title["Niet beoordeeld"]
    assert (never["assessed_by"], never["assessed_on"], never["criteria_met"]) == ("", "", [])
    response = anonymous.get("/praktijken/export.csv")
    header = next(
        csv.reader(
            io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")), delimiter=";"
        )
    )
    at = header.index("Evaluatie")
    assert header[at + 1 : at + 5] == [
        "Beoordeeld door",
        "Beoordeeld op",
        "Beoordeling geldig tot",
        "Criteria waaraan ze voldoet",
    ]
