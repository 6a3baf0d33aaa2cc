from django.urls import path

from config.links import on_site_url
from dossiers import feeds, views

app_name = "dossiers"
urlpatterns = [
    path("dossiers/", views.dossier_list, name="list"),
    path("dossiers/feed.atom", on_site_url(feeds.DossierFeed()), name="feed"),
    path("dossiers/<slug:slug>/", views.dossier_detail, name="detail"),
]
