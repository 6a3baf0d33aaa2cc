from django.urls import path

from opendata import views

app_name = "opendata"
urlpatterns = [
    path("praktijken/export.<str:fmt>", views.export, name="export"),
]
