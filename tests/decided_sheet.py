"""A seeded sheet given everything a municipality decides on: its life (stopped, with why and
the lessons), 'Aan de slag' with a material to download, and a valid evidence assessment with
criteria and documents. For the checkers (axe, pa11y, the Nu Html Checker) on those blocks.
Test data only: the seed itself keeps what the sources say."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from evidence.models import Criterion
from evidence.services import record_assessment
from practices.models import Practice

SLUG = "omstaandertraining"
PATH = f"/praktijken/{SLUG}/"
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


def decide_on_it():
    practice = Practice.objects.get(slug=SLUG)
    Practice.objects.filter(pk=practice.pk).update(
        life_status="gestopt",
        ended_year=2023,
        end_reason="De subsidie liep af.",
        lessons="Start met een kleine groep vrijwilligers.",
        cost_amount="€ 12.000 per jaar",
        cost_band="5000-25000",
        staff_time="Een halftijdse coördinator",
        volunteers="Tien trainers",
        setup_time="Drie maanden",
        run_time="Twee jaar",
        partners_needed="De politiezone en het jeugdwerk.",
        preconditions="Een zaal voor twintig mensen.",
        materials=["Affiche | https://gent.example/affiche"],
    )
    material = practice.material_files.model(
        practice=practice, title="Draaiboek", kind="pdf", size=len(PDF), position=1
    )
    material.file.save("draaiboek.pdf", ContentFile(PDF))  # and the row with it
    record_assessment(
        practice=practice,
        level="lokaal-geevalueerd",
        assessed_on=timezone.localdate() - datetime.timedelta(days=30),
        external_body="Hogeschool Gent",
        criteria=Criterion.objects.filter(level__rank__lte=1),
        summary="Getoetst aan het verslag van de meting.",
        documents=[("Verslag van de meting", "https://gent.example/verslag")],
    )
    return practice
