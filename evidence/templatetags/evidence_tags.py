from django import template
from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone

from evidence.models import Criterion, Level

register = template.Library()


@register.inclusion_tag("evidence/_on_sheet.html")
def evidence_of(practice):
    """The sheet's 'Onderbouwing': the level and, when assessed, the latest assessment with
    the criteria it meets and its documents (three queries), or the notice that it expired."""
    assessment = (
        practice.assessments.prefetch_related(
            Prefetch("criteria", queryset=Criterion.objects.select_related("level")), "documents"
        )
        .order_by("-assessed_on", "-pk")
        .first()
    )
    return {
        "practice": practice,
        "assessment": assessment,
        "expired": assessment is not None and assessment.is_expired(timezone.localdate()),
    }


@register.inclusion_tag("evidence/_levels.html")
def evidence_levels():
    """/over/#onderbouwing: each level with its criteria, as the editors worded them."""
    return {
        "levels": Level.objects.prefetch_related("criteria"),
        "valid_years": settings.EVIDENCE_VALID_YEARS,
    }
