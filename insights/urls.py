from django.conf import settings
from django.contrib import admin
from django.urls import path

from insights import views

app_name = "insights"
urlpatterns = [
    path(
        f"{settings.ADMIN_PATH}zoekopdrachten/",
        admin.site.admin_view(views.searches),
        name="searches",
    ),
    path("zoekstatistiek/geopend/", views.opened, name="opened"),
    path("zoekstatistiek/bekeken/", views.viewed, name="viewed"),
]
