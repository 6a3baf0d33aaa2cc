from django import template

from insights.services import views_per_month

register = template.Library()


def sheet_addresses(practice):
    """The sheet's slug and its former ones: views are counted by the address opened."""
    return [practice.slug, *practice.former_slugs.values_list("slug", flat=True)]


@register.inclusion_tag("insights/_sheet_views.html")
def sheet_views(practice):
    """How often the sheet was opened in each of the last six months (the practice's admin)."""
    return {"months": views_per_month(sheet_addresses(practice))}
