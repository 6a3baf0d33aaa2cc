"""Atom feeds of new and updated practices: the whole databank, or any search."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from search.results import parse_search, url_for

FEED_SIZE = 50


class PracticesFeed(Feed):
    """/praktijken/feed.atom?<a search's parameters>: the last changed practices it finds."""

    feed_type = Atom1Feed
    author_name = "Redactie Databank Sociale Samenhang"

    def get_object(self, request):
        return parse_search(request.GET)

    def title(self, search):
        if search.query or any(search.selected.values()):
            chosen = [search.query] if search.query else []
            chosen += [name for values in search.selected.values() for name in values.values()]
            return f"Databank Sociale Samenhang: {', '.join(chosen)}"
        return "Databank Sociale Samenhang: nieuwe en bijgewerkte praktijken"

    def subtitle(self, search):
        return "Goede praktijken van lokale besturen, de laatst gepubliceerde of gewijzigde eerst."

    def link(self, search):
        return "/praktijken/" + _query(search)

    def feed_url(self, search):
        return "/praktijken/feed.atom" + _query(search)

    def items(self, search):
        return (
            search.ordered.select_related("category")
            .order_by("-content_changed_at", "-pk")
            .only("title", "slug", "summary", "published_at", "content_changed_at", "category")[
                :FEED_SIZE
            ]
        )

    def item_title(self, practice):
        return practice.title

    def item_description(self, practice):
        return practice.summary

    def item_pubdate(self, practice):
        return practice.published_at

    def item_updateddate(self, practice):
        return practice.content_changed_at or practice.published_at

    def item_categories(self, practice):
        return [practice.category.name] if practice.category_id else []

    def item_guid(self, practice):
        return settings.SITE_URL.rstrip("/") + practice.get_absolute_url()


def _query(search):
    kept = {"q": [search.query], **{p: list(v) for p, v in search.selected.items()}}
    return url_for(kept).rstrip("?")
