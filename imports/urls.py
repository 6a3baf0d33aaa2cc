"""The editors' import and export of sheets, under the admin's practices."""

from django.contrib import admin
from django.urls import path

from imports import views

app_name = "imports"
urlpatterns = [
    path("importeren/", admin.site.admin_view(views.start), name="start"),
    path("importeren/<int:pk>/", admin.site.admin_view(views.run), name="run"),
    path("importeren/<int:pk>/toepassen/", admin.site.admin_view(views.confirm), name="confirm"),
    path("importsjabloon.xlsx", admin.site.admin_view(views.template), name="template"),
    path("exporteren/<str:fmt>/", admin.site.admin_view(views.export), name="export"),
]
