from django import template

from insights.services import views_per_month

register = template.Library()


@register.inclusion_tag("insights/_sheet_views.html")
def sheet_views(practice):
    """How often the sheet was opened in each of the last six months (the practice's admin)."""
    return {"months": views_per_month(practice)}
