"""Evidence data the tests share: the level most assessments here reach, its criteria, and a
practice assessed a good year ago by a named external body (the fixture `assessed`, in
tests/conftest.py)."""

import datetime

from django.utils import timezone

from evidence.models import Criterion
from evidence.services import record_assessment
from practices.models import Practice
from tests.factories import PracticeFactory

LOCAL = "lokaal-geevalueerd"


def local_criteria():
    return Criterion.objects.filter(level__code__in=["beschreven", LOCAL])


def assessed_practice():
    practice = PracticeFactory(title="Omstaandertraining")
    record_assessment(
        practice=practice,
        level=LOCAL,
        assessed_on=timezone.localdate() - datetime.timedelta(days=400),
        external_body="Hogeschool Gent",
        criteria=local_criteria()[:5],
        summary="De stad liet de impact bij de deelnemers meten.",
        documents=[("Evaluatierapport", "https://gent.example/evaluatie.pdf")],
    )
    return Practice.objects.get(pk=practice.pk)
