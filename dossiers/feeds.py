from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from dossiers.models import Dossier

FEED_SIZE = 50


class DossierFeed(Feed):
    """/dossiers/feed.atom: the published dossiers, the last changed first."""

    feed_type = Atom1Feed
    author_name = "Redactie Databank Sociale Samenhang"
    title = "Databank Sociale Samenhang: dossiers"
    subtitle = "Praktijken rond een thema, samengebracht door de redactie."
    link = "/dossiers/"
    feed_url = "/dossiers/feed.atom"

    def items(self):
        return Dossier.objects.published().order_by("-updated_at", "-pk")[:FEED_SIZE]

    def item_title(self, dossier):
        return dossier.title

    def item_description(self, dossier):
        return dossier.introduction

    def item_pubdate(self, dossier):
        return dossier.published_at

    def item_updateddate(self, dossier):
        return dossier.updated_at

    def item_guid(self, dossier):
        return settings.SITE_URL.rstrip("/") + dossier.get_absolute_url()
