"""Dossiers where other pages point to them: on a sheet it is in, and on the home page."""

from django import template

from dossiers.models import Dossier

register = template.Library()


@register.inclusion_tag("dossiers/_of_practice.html")
def dossiers_of(practice):
    """The published dossiers this sheet is in (one query)."""
    return {"dossiers": list(Dossier.objects.published().filter(entries__practice=practice))}


@register.inclusion_tag("dossiers/_on_home.html")
def dossier_links():
    """The published dossiers, for the home page (one query)."""
    return {"dossiers": list(Dossier.objects.published().only("title", "slug", "introduction"))}
