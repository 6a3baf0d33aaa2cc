from django import template
from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone

from evidence.models import Criterion, Level
from practices.structured_data import json_ld

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
        "json_ld": json_ld(review_data(practice, assessment)) if assessment else "",
    }


def review_data(practice, assessment):
    """The assessment as a schema.org Review of the sheet (the same @id as the sheet's own
    JSON-LD, so readers join the two), with its date and the date it expires."""
    url = settings.SITE_URL.rstrip("/") + practice.get_absolute_url()
    external = assessment.assessor_kind == assessment.Assessor.EXTERNAL
    review = {
        "@type": "Review",
        "name": f"Onderbouwing: {assessment.get_level_display()}",
        "author": {"@type": "Organization", "name": assessment.external_body}
        if external
        else {"@type": "Organization", "name": "Redactie Databank Sociale Samenhang"},
        "datePublished": assessment.assessed_on.isoformat(),
        "expires": assessment.valid_until.isoformat(),
    }
    if assessment.summary:
        review["reviewBody"] = assessment.summary
    return {"@context": "https://schema.org", "@id": url, "review": review}


@register.inclusion_tag("evidence/_levels.html")
def evidence_levels():
    """/over/#onderbouwing: each level with its criteria, as the editors worded them."""
    return {
        "levels": Level.objects.prefetch_related("criteria"),
        "valid_years": settings.EVIDENCE_VALID_YEARS,
    }
