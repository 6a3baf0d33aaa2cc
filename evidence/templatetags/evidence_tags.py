from django import template
from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone

from config.links import absolute_url
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
        .latest_first()
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
    external = assessment.assessor_kind == assessment.Assessor.EXTERNAL
    author = assessment.external_body if external else "Redactie Databank Sociale Samenhang"
    review = {
        "@type": "Review",
        "name": f"Onderbouwing: {assessment.get_level_display()}",
        "author": {"@type": "Organization", "name": author},
        "datePublished": assessment.assessed_on.isoformat(),
        "expires": assessment.valid_until.isoformat(),
    }
    if assessment.summary:
        review["reviewBody"] = assessment.summary
    url = absolute_url(practice.get_absolute_url())
    return {"@context": "https://schema.org", "@id": url, "review": review}


@register.inclusion_tag("evidence/_levels.html")
def evidence_levels():
    """/over/#onderbouwing: each level with its criteria, as the editors worded them."""
    return {
        "levels": Level.objects.prefetch_related("criteria"),
        "valid_years": settings.EVIDENCE_VALID_YEARS,
    }
