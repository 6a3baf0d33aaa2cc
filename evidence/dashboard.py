"""Assessments to renew on the editors' dashboard and in the weekly digest."""

from django.urls import reverse

from evidence.admin import EXPIRING_DAYS
from evidence.models import Assessment
from submissions.dashboard import Item


def evidence_items(*, today):
    changelist = reverse("admin:evidence_assessment_changelist")
    latest = Assessment.objects.latest_per_practice()
    return [
        Item(
            f"Beoordelingen die binnen {EXPIRING_DAYS} dagen aflopen",
            latest.expiring(today=today, days=EXPIRING_DAYS).count(),
            changelist + "?geldigheid=binnenkort",
            f"beoordeling die binnen {EXPIRING_DAYS} dagen afloopt",
        ),
        Item(
            "Verlopen beoordelingen",
            latest.expired(today).count(),
            changelist + "?geldigheid=verlopen",
            "verlopen beoordeling",
        ),
    ]
