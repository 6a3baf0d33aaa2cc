from django.urls import path

from shortlist import views

app_name = "shortlist"
urlpatterns = [
    path("bewaarlijst/", views.shortlist_page, name="list"),
    path("bewaarlijst/bewaar/<slug:slug>/", views.toggle, name="toggle"),
    path("bewaarlijst/vergelijk/", views.compare, name="compare"),
    path("bewaarlijst/export.<str:fmt>", views.export, name="export"),
    path("bewaarlijst/gedeeld/<str:token>/", views.shared, name="shared"),
]
