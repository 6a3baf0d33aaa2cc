from django.contrib.sitemaps.views import index, sitemap
from django.urls import include, path

from config.links import on_site_url
from opendata import views
from opendata.feeds import PracticesFeed
from opendata.sitemaps import SITEMAPS

app_name = "opendata"
urlpatterns = [
    path("praktijken/export.<str:fmt>", views.export, name="export"),
    path("praktijken/feed.atom", on_site_url(PracticesFeed()), name="feed"),
    path(
        "sitemap.xml",
        on_site_url(index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "opendata:sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        on_site_url(sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("robots.txt", views.robots, name="robots"),
    path("api/v1/", include("opendata.api_urls")),
    path("open-data/", views.about, name="about"),
    path("open-data/dcat.<str:fmt>", views.dcat_record, name="dcat"),
]
