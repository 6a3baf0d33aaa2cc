"""/sitemap.xml: every public page with an address of its own, with its last change."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.db.models.functions import Coalesce

from dossiers.models import Dossier
from practices.models import Action, Category, Event, Organisation, Practice


class SiteSitemap(Sitemap):
    """Addresses on SITE_URL's scheme (and host: see config.links.on_site_url)."""

    @property
    def protocol(self):
        return urlsplit(settings.SITE_URL).scheme or "https"


class PracticeSitemap(SiteSitemap):
    changefreq = "monthly"
    priority = 0.8
    limit = 5000

    def items(self):
        return Practice.objects.published().only("slug", "content_changed_at", "updated_at")

    def lastmod(self, practice):
        return practice.content_changed_at or practice.updated_at


class LatestPracticeSitemap(SiteSitemap):
    """Pages that list practices: their last change is their practices' last change."""

    changefreq = "weekly"

    def __init__(self, model, field):
        self.model, self.field = model, field

    def items(self):
        return self.model.objects.annotate(
            changed=Max(
                Coalesce(f"{self.field}__content_changed_at", f"{self.field}__updated_at"),
                filter=Q(**{f"{self.field}__status": Practice.Status.PUBLISHED}),
            )
        ).order_by("pk")

    def lastmod(self, item):
        return item.changed


class EventSitemap(SiteSitemap):
    changefreq = "yearly"

    def items(self):
        return Event.objects.order_by("pk")


class DossierSitemap(SiteSitemap):
    changefreq = "monthly"

    def items(self):
        return Dossier.objects.published().order_by("pk")

    def lastmod(self, dossier):
        return dossier.updated_at


SITEMAPS = {
    "praktijken": PracticeSitemap,
    "categorieen": LatestPracticeSitemap(Category, "practices"),
    "acties": LatestPracticeSitemap(Action, "practices"),
    "organisaties": LatestPracticeSitemap(Organisation, "practices"),
    "activiteiten": EventSitemap,
    "dossiers": DossierSitemap,
}
