from django import template

from adoptions.models import Adoption

register = template.Library()


@register.inclusion_tag("adoptions/_on_sheet.html")
def adopted_in(practice):
    """'Ook toegepast in': the accepted towns of this sheet (one query), and the form's link."""
    return {
        "practice": practice,
        "adoptions": list(
            Adoption.objects.accepted().filter(practice=practice).select_related("municipality")
        ),
    }
